"""The data values and the two summary tables are partitioned by year on PostgreSQL (docs/scaling.md,
giaoban/collection/partitions.py); SQLite keeps plain tables. A value of a year that has no partition
yet is stored (the default partition takes it) and gets a partition of its own at the next rebuild."""

from decimal import Decimal

from django.db import connection

from giaoban.analytics import engine
from giaoban.analytics.models import Fact, FactTotal
from giaoban.analytics.summary import rebuild
from giaoban.collection import partitions
from giaoban.collection.models import DataValue
from giaoban.core.periods import Period

TABLES = ["collection_datavalue", "analytics_fact", "analytics_facttotal"]


def _partition_of(table: str, where: str, params: list) -> list[str]:
    with connection.cursor() as cur:
        cur.execute(f"SELECT DISTINCT tableoid::regclass::text FROM {table} WHERE {where}", params)
        return sorted(r[0] for r in cur.fetchall())


def test_the_tables_are_partitioned_by_year_on_postgresql(db):
    for table in TABLES:
        if connection.vendor == "postgresql":
            assert partitions.is_partitioned(table), table
            years = partitions.year_partitions(table)
            assert {2024, 2025} <= set(years), (table, years)
            with connection.cursor() as cur:
                cur.execute("SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                            "WHERE i.inhparent = to_regclass(%s)", [table])
                bounds = {r[0] for r in cur.fetchall()}
            assert "DEFAULT" in bounds and "FOR VALUES FROM ('2024') TO ('2025')" in bounds, bounds
        else:  # SQLite: unchanged, plain tables
            assert not partitions.is_partitioned(table)
            assert partitions.year_partitions(table) == {}


def test_rows_go_to_the_partition_of_their_year(world):
    report = world.put(world.UP, "2024-Q3", {"buoi": 5})
    if connection.vendor == "postgresql":
        assert _partition_of("collection_datavalue", "report_id = %s", [report.pk]) == ["collection_datavalue_y2024"]
        assert _partition_of("analytics_fact", "report_id = %s", [report.pk]) == ["analytics_fact_y2024"]
        assert _partition_of("analytics_facttotal", "period = %s", ["2024-Q3"]) == ["analytics_facttotal_y2024"]
    assert FactTotal.objects.filter(period="2024-Q3", scope="nation").get().total == Decimal(5)


def test_a_value_of_a_year_without_a_partition_is_stored_and_gets_one_at_the_rebuild(world):
    assert 2041 not in partitions.year_partitions("collection_datavalue")
    report = world.put(world.UP, "2041-Q1", {"buoi": 7})
    world.put(world.UP, "2024-Q1", {"buoi": 3})
    assert DataValue.objects.get(report=report).value == Decimal(7)
    assert Fact.objects.get(report_id=report.pk).value == Decimal(7)
    cells = engine.compute([("P", engine.Node.of(world.P))], [world.flow], [Period(2041, "Q", 1)], include_submitted=True)
    assert cells[("P", None, "buoi", "2041-Q1")].total == Decimal(7), cells
    if connection.vendor == "postgresql":
        assert _partition_of("collection_datavalue", "report_id = %s", [report.pk]) == ["collection_datavalue_default"]
        assert _partition_of("analytics_fact", "report_id = %s", [report.pk]) == ["analytics_fact_default"]
    totals_before = sorted(FactTotal.objects.values_list("scope", "scope_id", "period", "total"))

    rebuild()

    assert DataValue.objects.get(report=report).value == Decimal(7)
    assert Fact.objects.get(report_id=report.pk).value == Decimal(7)
    assert sorted(FactTotal.objects.values_list("scope", "scope_id", "period", "total")) == totals_before
    if connection.vendor == "postgresql":
        for table in TABLES:
            assert 2041 in partitions.year_partitions(table), table
        assert _partition_of("collection_datavalue", "report_id = %s", [report.pk]) == ["collection_datavalue_y2041"]
        assert _partition_of("analytics_fact", "report_id = %s", [report.pk]) == ["analytics_fact_y2041"]
        assert _partition_of("analytics_facttotal", "period = %s", ["2041-Q1"]) == ["analytics_facttotal_y2041"]
        with connection.cursor() as cur:  # nothing of 2041 left in the default partition
            cur.execute("SELECT COUNT(*) FROM collection_datavalue_default")
            assert cur.fetchone()[0] == 0
    # a later write of that year goes on working (the unique key and the identity hold across partitions)
    world.put(world.UP, "2041-Q1", {"buoi": 9})
    assert DataValue.objects.get(report=report).value == Decimal(9)
    assert FactTotal.objects.get(period="2041-Q1", scope="nation").total == Decimal(9)


def test_ensure_years_moves_the_rows_the_default_partition_held(world):
    report = world.put(world.UP, "2039-Q2", {"buoi": 4})
    created = partitions.ensure_years([2039])
    if connection.vendor == "postgresql":
        assert set(created) == {f"{t}_y2039" for t in TABLES}
        assert _partition_of("collection_datavalue", "report_id = %s", [report.pk]) == ["collection_datavalue_y2039"]
        assert partitions.ensure_years([2039]) == []  # once
    else:
        assert created == []
    assert DataValue.objects.get(report=report).value == Decimal(4)
    assert Fact.objects.get(report_id=report.pk).value == Decimal(4)

"""The engine's per-process cache (catalogue, targets, expected units): used on a second call, and
dropped by every kind of write to what it holds, including writes that send no Django signal
(``update()``, raw SQL) and changes made in a transaction that is then rolled back."""

import datetime as dt

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from giaoban.analytics import cache, engine
from giaoban.collection.models import Target
from giaoban.org.models import Indicator, Unit


def _row(**kw):
    return engine.query("buoi", "2024-Q1", area="P", **kw)[0]


@pytest.fixture
def filled(world):
    w = world
    w.put(w.U1, "2024-Q1", {"buoi": 10})
    w.put(w.U2, "2024-Q1", {"buoi": 5})
    w.target(w.UP, "buoi", 2024, 400)
    cache.clear()
    return w


def test_second_call_reads_the_cache(filled):
    with CaptureQueriesContext(connection) as first:
        engine.dashboard("2024-Q1", "P")
    with CaptureQueriesContext(connection) as second:
        engine.dashboard("2024-Q1", "P")
    assert len(second) < len(first) - 4


def test_target_changed_by_update(filled):
    w = filled
    assert _row().target_year == 400
    Target.objects.filter(unit=w.UP).update(value=800)  # no signal
    assert _row().target_year == 800


def test_target_changed_by_raw_sql(filled):
    assert _row().target_year == 400
    with connection.cursor() as cur:
        cur.execute(f"UPDATE {Target._meta.db_table} SET value = 200")
    assert _row().target_year == 200


def test_unit_closed_by_update_leaves_the_expected_units(filled):
    w = filled
    def phunu_expected():
        return next(r["expected"] for r in engine.completeness("2024-Q1", "P") if r["org"] == "phunu")

    before, before_c = _row().expected_units, phunu_expected()
    assert (before, before_c) == (3, 5)  # communes reporting 'buoi'; every unit of the organization
    Unit.objects.filter(pk=w.U2.pk).update(valid_to=dt.date(2023, 12, 31))  # no signal
    assert (_row().expected_units, phunu_expected()) == (2, 4)


def test_indicator_taken_from_an_organization(filled):
    w = filled
    heads = engine.headline_indicators()
    assert w.flow in heads[w.doan.pk]
    w.flow.organizations.remove(w.doan)  # m2m_changed only, a DELETE on the link table
    heads = engine.headline_indicators()
    assert w.flow not in heads.get(w.doan.pk, [])


def test_indicator_made_inactive(filled):
    before = {i.code for lst in engine.headline_indicators().values() for i in lst}
    Indicator.objects.filter(code="buoi").update(is_active=False)
    after = {i.code for lst in engine.headline_indicators().values() for i in lst}
    assert "buoi" in before and "buoi" not in after


def test_change_rolled_back_is_not_served(filled):
    w = filled
    assert _row().target_year == 400
    with transaction.atomic():
        Target.objects.filter(unit=w.UP).update(value=900)
        assert _row().target_year == 900  # cached under the transaction's own stamp
        transaction.set_rollback(True)
    assert _row().target_year == 400


def test_no_stamp_no_cache(filled):
    w = filled
    with connection.cursor() as cur:
        cur.execute(f"DELETE FROM {cache.STAMP_TABLE}")
    assert _row().target_year == 400
    # a write the triggers would report, with the triggers gone: still answered from the database
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending foreign-key checks before DDL
            cur.execute(f'ALTER TABLE "{Target._meta.db_table}" DISABLE TRIGGER {cache.TRIGGER_PREFIX}')
        else:
            cur.execute(f"DROP TRIGGER {cache.TRIGGER_PREFIX}_{Target._meta.db_table}_update")
    Target.objects.filter(unit=w.UP).update(value=700)
    assert _row().target_year == 700


def test_triggers_installed_again_after_a_migrate(filled):
    """SQLite drops a table's triggers when Django remakes it; install_triggers (post_migrate) is
    idempotent and puts them back."""
    w = filled
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cur.execute(f'DROP TRIGGER {cache.TRIGGER_PREFIX} ON "{Target._meta.db_table}"')
        else:
            cur.execute(f"DROP TRIGGER {cache.TRIGGER_PREFIX}_{Target._meta.db_table}_update")
    cache.install_triggers()
    cache.install_triggers()
    assert _row().target_year == 400
    Target.objects.filter(unit=w.UP).update(value=300)
    assert _row().target_year == 300

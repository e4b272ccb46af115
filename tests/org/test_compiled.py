"""giaoban.org.compiled.Statement: the ORM's SQL kept, not its rows. Each call gives what the
queryset would give now (model objects or tuples, converted as the ORM converts them), for lists
of any length, and builds the queryset only once per shape."""

from __future__ import annotations

from decimal import Decimal

import pytest

from giaoban.collection.models import DataValue, Report
from giaoban.org.compiled import Statement
from giaoban.org.models import Unit
from tests.collection.conftest import build_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures():
    tree = build_tree()
    unit = tree.units["phunu-a"]
    out = []
    for period, value in (("2025-Q1", "1.5"), ("2025-Q2", "20"), ("2025-Q3", "300.25")):
        report = Report.objects.create(unit=unit, period=period)
        for code in ("tuyen_truyen_buoi", "du_no_uy_thac"):
            out.append(DataValue.objects.create(report=report, unit=unit, indicator=tree.indicators[code], period=period,
                                                value=Decimal(value), comment=f"{code} {period}"))
    return tree, unit


def test_rows_as_the_orm_gives_them_for_lists_of_every_length(figures):
    tree, unit = figures
    builds = []

    def build(unit_id, periods):
        builds.append(periods)
        return DataValue.objects.filter(unit_id=unit_id, period__in=periods).order_by("period", "indicator_id") \
            .values_list("indicator_id", "period", "value", "comment")

    statement = Statement(DataValue, build)
    for periods in (["2025-Q1"], ["2025-Q3", "2025-Q1"], ["2025-Q1", "2025-Q2", "2025-Q3"], ["2024-Q4"], ["2025-Q2"]):
        expected = [tuple(row) for row in build(unit.pk, periods)]
        builds.clear()
        rows = statement(unit.pk, periods)
        assert rows == expected
        assert all(isinstance(row[2], Decimal) for row in rows)  # the column's converter ran
    assert statement(unit.pk, ["2025-Q2"])[0][2] == Decimal("20")
    assert builds == []  # compiled once for each length of the list: the one-period shape already was


def test_model_objects_and_no_rows_kept(figures):
    tree, unit = figures
    statement = Statement(Report, lambda unit_id, period: Report.objects.filter(unit_id=unit_id, period=period).order_by()[:1])
    (report,) = statement(unit.pk, "2025-Q2")
    assert (report.pk, report.version, report.status, report._state.adding, report._state.db) == (
        Report.objects.get(unit=unit, period="2025-Q2").pk, 1, Report.Status.DRAFT, False, "default")
    Report.objects.filter(pk=report.pk).update(version=7, status=Report.Status.SUBMITTED)  # another writer, no signal
    (again,) = statement(unit.pk, "2025-Q2")
    assert (again.version, again.status) == (7, Report.Status.SUBMITTED)
    assert statement(unit.pk, "2030-Q1") == []
    assert statement(tree.units["phunu-b"].pk, "2025-Q2") == []


def test_none_empty_lists_and_what_it_cannot_compile_go_through_the_orm(figures):
    tree, unit = figures
    by_parent = Statement(Unit, lambda parent_id: Unit.objects.filter(parent_id=parent_id).order_by("code").values_list("code", flat=True))
    assert by_parent(None) == list(Unit.objects.filter(parent=None).order_by("code").values_list("code", flat=True))
    assert by_parent(tree.units["phunu-tinh"].pk) == ["phunu-a", "phunu-b"]
    in_periods = Statement(DataValue, lambda periods: DataValue.objects.filter(period__in=periods).values_list("id", flat=True))
    assert in_periods([]) == []
    assert len(in_periods(["2025-Q1"])) == 2
    joined = Statement(Report, lambda period: Report.objects.filter(period=period).select_related("unit"))
    (report,) = joined("2025-Q3")
    assert Report.unit.is_cached(report)  # select_related is the ORM's: kept


def test_small_integer_columns_compile_too(figures):
    """A lookup on a small integer column drops a value outside its range (Django 5): the markers
    stay inside it, so a year or a level is an argument like any other (it went through the ORM)."""
    tree, unit = figures
    builds = []

    def build(level, codes):
        builds.append(level)
        return Unit.objects.filter(level=level, code__in=codes).order_by("code").values_list("code", flat=True)

    statement = Statement(Unit, build)
    assert statement(Unit.Level.COMMUNE, ["phunu-a", "mttq-b", "phunu-tinh"]) == ["mttq-b", "phunu-a"]
    builds.clear()
    assert statement(Unit.Level.PROVINCE, ["phunu-a", "mttq-tinh", "phunu-tinh"]) == ["mttq-tinh", "phunu-tinh"]
    assert builds == []

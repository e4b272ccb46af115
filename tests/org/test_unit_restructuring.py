"""Restructuring units as of a date, with the area operations' preview, apply, audit and revert:
dissolving the district level (its communes continue under the province; the district keeps its
history in every earlier report), moving a unit under another organization, merging two units.
Series stay summable across each change."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from giaoban.analytics import engine
from giaoban.audit.models import AuditEntry
from giaoban.collection.models import DataValue, Report
from giaoban.org import operations
from giaoban.org.models import ChangeBatch, Indicator, Unit
from giaoban.org.operations import PlanError, Planner
from tests.org.factories import make_organization, make_tree

pytestmark = pytest.mark.django_db
REFORM = datetime.date(2025, 7, 1)
FIGURES = {"C1": 1, "C2": 2, "C3": 30, "C4": 40}


@pytest.fixture
def world():
    tree = make_tree()
    user = get_user_model().objects.create_user("canbo.tinh")
    ind = Indicator.objects.create(code="buoi", name="Buổi tuyên truyền", unit_noun="buổi")
    ind.organizations.set([tree.units["mttq", "P"].organization])

    def put(unit, period, value):
        report = Report.objects.create(unit=unit, period=period)
        DataValue.objects.create(report=report, unit=unit, indicator=ind, period=period, value=Decimal(value))
        report.status = Report.Status.APPROVED
        report.save()

    for code, value in FIGURES.items():
        put(tree.units["mttq", code], "2024-Q4", value)
    put(tree.units["mttq", "D1"], "2024-Q4", 999)  # the district's own figure: its communes reported, not counted
    return tree, user, put


def test_dissolving_the_district_level_keeps_its_history(world):
    tree, user, put = world
    before = {code: engine.query("buoi", "2024-Q4", unit=f"mttq-{code}")[0].value for code in ("P", "D1", "D2")}
    reports_before = list(Report.objects.order_by("pk").values_list("pk", "unit_id", "period", "status"))
    p = Planner()
    for district in ("D1", "D2"):
        p.dissolve(tree.units["mttq", district], REFORM)
    assert any("Giải thể Ủy ban MTTQ huyện Một" in op for op in p.plan.operations)
    assert Unit.objects.valid_on(REFORM).count() == 7  # a plan (the preview) saves nothing
    batch = operations.apply(p.plan, user, title="Giải thể MTTQ cấp huyện")
    now = Unit.objects.valid_on(REFORM)
    assert sorted((u.code, u.parent.code if u.parent else None) for u in now) == [
        ("mttq-C1", "mttq-P"), ("mttq-C2", "mttq-P"), ("mttq-C3", "mttq-P"), ("mttq-C4", "mttq-P"), ("mttq-P", None)]
    assert Unit.objects.get(code="mttq-D1").valid_to == REFORM - datetime.timedelta(days=1)
    # every earlier report still belongs to the same rows, and the earlier figures are unchanged
    assert list(Report.objects.order_by("pk").values_list("pk", "unit_id", "period", "status")) == reports_before
    assert {code: engine.query("buoi", "2024-Q4", unit=f"mttq-{code}")[0].value for code in ("P", "D1", "D2")} == before
    assert before == {"P": 73, "D1": 3, "D2": 70}
    # summable: the new communes' 2025-Q4 figures add up to the province, compared with 2024-Q4
    for code in FIGURES:
        put(Unit.objects.get(code=f"mttq-{code}", valid_from=REFORM), "2025-Q4", FIGURES[code] * 2)
    row = engine.query("buoi", "2025-Q4", unit="mttq-P")[0]
    assert (row.value, row.same_period_last_year.value) == (146, 73)
    c1 = engine.query("buoi", "2025-Q4", unit=Unit.objects.get(code="mttq-C1", valid_from=REFORM))[0]
    assert c1.same_period_last_year.value == 1  # the commune's own history through its 'move' link
    assert AuditEntry.objects.filter(action="org.apply", object_id=str(batch.pk)).exists()
    assert AuditEntry.objects.filter(action="org.close", new_value=str(REFORM - datetime.timedelta(days=1))).count() >= 6


def test_dissolution_is_reverted_while_no_report_uses_the_new_rows(world):
    tree, user, _ = world
    p = Planner()
    p.dissolve(tree.units["mttq", "D1"], REFORM)
    batch = operations.apply(p.plan, user, title="Giải thể MTTQ huyện Một")
    operations.revert(batch, user)
    assert ChangeBatch.objects.get(pk=batch.pk).status == ChangeBatch.Status.REVERTED
    assert Unit.objects.get(code="mttq-D1").valid_to is None
    assert sorted(Unit.objects.valid_on(REFORM).values_list("code", flat=True)) == [
        "mttq-C1", "mttq-C2", "mttq-C3", "mttq-C4", "mttq-D1", "mttq-D2", "mttq-P"]


def test_the_top_cannot_be_dissolved_as_a_level(world):
    tree, _, _ = world
    with pytest.raises(PlanError, match="không có cấp trên"):
        Planner().dissolve(tree.units["mttq", "P"], REFORM)


def test_a_unit_moves_under_another_organization_with_its_subtree(world):
    tree, user, put = world
    union = make_organization("congdoan")
    top = Unit.objects.create(organization=union, code="congdoan-P", name="Liên đoàn Lao động tỉnh Thử Nghiệm", level=1,
                              area=tree.areas["P"])
    p = Planner()
    new = p.move(tree.units["mttq", "D2"], REFORM, top)
    assert "(sang tổ chức khác)" in p.plan.operations[0]
    operations.apply(p.plan, user, title="Chuyển đơn vị")
    moved = Unit.objects.valid_on(REFORM).filter(organization=union).order_by("level", "code")
    assert [(u.code, u.parent.code if u.parent else None) for u in moved] == [
        ("congdoan-P", None), ("mttq-D2", "congdoan-P"), ("mttq-C3", "mttq-D2"), ("mttq-C4", "mttq-D2")]
    assert new.organization == union.pk
    # the old rows keep their organization and figures
    assert engine.query("buoi", "2024-Q4", unit="mttq-P")[0].value == 73


def test_two_units_merge_and_their_series_stay_summable(world):
    tree, user, put = world
    p = Planner()
    p.merge([tree.units["mttq", "C3"], tree.units["mttq", "C4"]], REFORM, code="mttq-C34", name="Ủy ban MTTQ xã Cường Đông")
    operations.apply(p.plan, user, title="Sáp nhập hai đơn vị")
    merged = Unit.objects.get(code="mttq-C34")
    put(merged, "2025-Q4", 100)
    row = engine.query("buoi", "2025-Q4", unit=merged)[0]
    assert (row.value, row.same_period_last_year.value, row.same_period_last_year.reconstructed) == (100, 70, True)

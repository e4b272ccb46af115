"""Each operation on a small hand-built tree, with hand-checked results; apply, revert, confirm."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from giaoban.audit.models import AuditEntry
from giaoban.org import lineage, operations
from giaoban.org.models import Area, AreaSuccession, ChangeBatch, Unit, UnitSuccession
from giaoban.org.operations import PlanError, Planner
from tests.org.factories import make_tree, tree_as_of

pytestmark = pytest.mark.django_db

D = datetime.date
DAY = D(2023, 1, 1)
BEFORE, AFTER = D(2022, 12, 31), D(2023, 6, 30)


@pytest.fixture
def user():
    return get_user_model().objects.create_user("canbo.tinh")  # no password: hashing is slow


def codes(tree_item):
    return [(node.code, depth) for node, depth in tree_item.walk()]


def open_codes(model=Area, date=AFTER):
    return sorted(model.objects.valid_on(date).values_list("code", flat=True))


def test_merge_into_new_area_with_units(user):
    tree = make_tree()
    p = Planner(cascade_units=True)
    p.merge([tree.areas["C1"], tree.areas["C2"]], DAY, code="N", name="Tân An", kind="xa")
    plan = p.plan
    assert plan.summary() == {"operations": 1, "areas_closed": 2, "areas_created": 1, "units_closed": 2, "units_created": 1,
                              "area_links": 2, "unit_links": 2}
    assert Area.objects.filter(code="N").count() == 0  # a plan saves nothing
    batch = operations.apply(plan, user, title="Sáp nhập xã An và xã Bình")
    assert batch.status == ChangeBatch.Status.APPLIED
    assert codes(tree_as_of("P", AFTER)) == [("P", 0), ("D1", 1), ("N", 2), ("D2", 1), ("C3", 2), ("C4", 2)]
    assert codes(tree_as_of("P", BEFORE)) == [("P", 0), ("D1", 1), ("C1", 2), ("C2", 2), ("D2", 1), ("C3", 2), ("C4", 2)]
    n = Area.objects.get(code="N")
    assert (n.valid_from, n.parent.code, n.full_name) == (DAY, "D1", "Xã Tân An")
    assert Area.objects.get(code="C1").valid_to == BEFORE
    unit = Unit.objects.get(code="mttq-N")
    assert (unit.name, unit.parent.code, unit.area_id, unit.valid_from) == ("Ủy ban MTTQ xã Tân An", "mttq-D1", n.pk, DAY)
    assert [(u.code, s) for u, s in lineage.predecessors_at(unit, BEFORE)] == [("mttq-C1", 1), ("mttq-C2", 1)]
    assert AuditEntry.objects.filter(action="org.apply", object_id=str(batch.pk), user=user).exists()
    assert AuditEntry.objects.filter(action="org.close").count() == 4


def test_merge_into_existing_makes_a_new_version_of_it(user):
    tree = make_tree()
    p = Planner(cascade_units=True)
    p.merge([tree.areas["C2"]], DAY, target=tree.areas["C1"])
    operations.apply(p.plan, user)
    versions = list(Area.objects.filter(code="C1").order_by("valid_from"))
    assert [(a.valid_from, a.valid_to) for a in versions] == [(tree.start, BEFORE), (DAY, None)]
    assert [(a.code, s) for a, s in lineage.predecessors_at(versions[1], BEFORE)] == [("C1", 1), ("C2", 1)]
    assert open_codes(Unit) == ["mttq-C1", "mttq-C3", "mttq-C4", "mttq-D1", "mttq-D2", "mttq-P"]


def test_merge_districts_moves_their_communes(user):
    tree = make_tree()
    p = Planner(cascade_units=True)
    p.merge([tree.areas["D1"], tree.areas["D2"]], DAY, code="D", name="Hợp Nhất", kind="huyen")
    operations.apply(p.plan, user)
    assert codes(tree_as_of("P", AFTER)) == [("P", 0), ("D", 1), ("C1", 2), ("C2", 2), ("C3", 2), ("C4", 2)]
    c1 = lineage.resolve_area("xã An", AFTER)
    assert c1.valid_from == DAY and c1.parent.code == "D"
    assert [(a.code, a.valid_from, s) for a, s in lineage.predecessors_at(c1, BEFORE)] == [("C1", tree.start, 1)]
    assert AreaSuccession.objects.get(successor=c1).kind == "move"
    units = tree_as_of("mttq-P", AFTER, model=Unit)
    assert sorted((u.code, d) for u, d in units.walk()) == [
        ("mttq-C1", 2), ("mttq-C2", 2), ("mttq-C3", 2), ("mttq-C4", 2), ("mttq-D", 1), ("mttq-P", 0)]
    assert Unit.objects.get(code="mttq-D").name == "Ủy ban MTTQ huyện Hợp Nhất"


def test_split_with_shares(user):
    tree = make_tree()
    p = Planner(cascade_units=True)
    p.split(tree.areas["C3"], DAY, [
        {"code": "C3a", "name": "Cường Bắc", "share": "0.25"},
        {"code": "C3b", "name": "Cường Nam", "share": "0.75"},
    ])
    operations.apply(p.plan, user)
    a, b = Area.objects.get(code="C3a"), Area.objects.get(code="C3b")
    assert (a.parent.code, a.kind) == ("D2", "xa")
    assert [(x.code, s) for x, s in lineage.predecessors_at(b, BEFORE)] == [("C3", Decimal("0.75"))]
    old = Area.objects.get(pk=tree.areas["C3"].pk)
    assert [(x.code, s) for x, s in lineage.successors_at(old, AFTER)] == [("C3a", Decimal("0.25")), ("C3b", Decimal("0.75"))]
    # Hand-checked reconstruction: C3 reported 200 in 2022, so C3b's 2022 figure is 150.
    assert sum(s * 200 for _, s in lineage.predecessors_at(b, BEFORE)) == 150
    ua = Unit.objects.get(code="mttq-C3b")
    assert [(u.code, s) for u, s in lineage.predecessors_at(ua, BEFORE)] == [("mttq-C3", Decimal("0.75"))]
    assert UnitSuccession.objects.get(successor=ua).kind == "split"


def test_split_shares_must_add_up_to_one():
    tree = make_tree()
    with pytest.raises(PlanError, match="Tổng tỷ lệ chia tách xã Cường là 0.9, phải bằng 1"):
        Planner().split(tree.areas["C3"], DAY, [{"code": "A", "name": "A", "share": "0.4"}, {"code": "B", "name": "B", "share": "0.5"}])


def test_split_with_explicit_assignment_of_sub_units(user):
    tree = make_tree()
    p = Planner(cascade_units=True)
    with pytest.raises(PlanError, match="Chưa giao cho phần nào: phường Đông"):
        Planner().split(tree.areas["D2"], DAY, [
            {"code": "D2a", "name": "Hai A", "children": [tree.areas["C3"]]}, {"code": "D2b", "name": "Hai B"}])
    p.split(tree.areas["D2"], DAY, [
        {"code": "D2a", "name": "Hai A", "children": [tree.areas["C3"]]},
        {"code": "D2b", "name": "Hai B", "children": [tree.areas["C4"]]},
    ])
    assert any("tính theo số đơn vị trực thuộc" in w for w in p.plan.warnings)
    operations.apply(p.plan, user)
    assert codes(tree_as_of("P", AFTER)) == [
        ("P", 0), ("D1", 1), ("C1", 2), ("C2", 2), ("D2a", 1), ("C3", 2), ("D2b", 1), ("C4", 2)]
    d2a = Area.objects.get(code="D2a")
    assert [(x.code, s) for x, s in lineage.predecessors_at(d2a, BEFORE)] == [("D2", Decimal("0.5"))]
    assert Unit.objects.valid_on(AFTER).get(code="mttq-C4").parent.code == "mttq-D2b"


def test_rename(user):
    tree = make_tree()
    p = Planner(cascade_units=True)
    p.rename(tree.areas["C4"], DAY, name="Đông Hưng")
    operations.apply(p.plan, user)
    assert lineage.resolve_area("phường Đông Hưng", AFTER).code == "C4"
    assert lineage.resolve_area("phường Đông", BEFORE) == tree.areas["C4"]
    assert Unit.objects.valid_on(AFTER).get(code="mttq-C4").name == "Ủy ban MTTQ phường Đông Hưng"
    assert Unit.objects.get(pk=tree.units["mttq", "C4"].pk).name == "Ủy ban MTTQ phường Đông"  # old name kept


def test_move_and_cycle(user):
    tree = make_tree()
    with pytest.raises(PlanError, match="Vòng lặp"):
        Planner().move(tree.areas["D1"], DAY, tree.areas["C1"])
    p = Planner(cascade_units=True)
    p.move(tree.areas["C2"], DAY, tree.areas["D2"])
    operations.apply(p.plan, user)
    assert codes(tree_as_of("P", AFTER)) == [("P", 0), ("D1", 1), ("C1", 2), ("D2", 1), ("C2", 2), ("C3", 2), ("C4", 2)]
    assert Unit.objects.valid_on(AFTER).get(code="mttq-C2").parent.code == "mttq-D2"
    # The district's own history is untouched: as of 2022, C2 is under D1.
    assert lineage.resolve_area("C2", BEFORE).parent.code == "D1"


def test_close_and_create(user):
    tree = make_tree()
    p = Planner(cascade_units=True)
    p.close_node(tree.areas["D2"], DAY)
    p.create_node("area", DAY, code="C9", name="Mới", kind="xa", parent=tree.areas["D1"])
    plan = p.plan
    assert plan.summary()["areas_closed"] == 3 and plan.summary()["units_closed"] == 3
    operations.apply(plan, user)
    assert codes(tree_as_of("P", AFTER)) == [("P", 0), ("D1", 1), ("C1", 2), ("C2", 2), ("C9", 2)]
    new_unit = Unit.objects.get(code="mttq-C9")
    assert (new_unit.name, new_unit.parent.code) == ("Ủy ban MTTQ xã Mới", "mttq-D1")
    assert lineage.predecessors_at(Area.objects.get(code="C9"), BEFORE) == []


def test_dates_before_the_row_existed_are_refused():
    tree = make_tree()
    with pytest.raises(PlanError, match="không sau ngày xã An"):
        Planner().rename(tree.areas["C1"], D(2019, 1, 1), name="X")


def test_revert_restores_the_tree(user):
    tree = make_tree()
    before = {(m.__name__, o.pk, o.valid_to) for m in (Area, Unit) for o in m.objects.all()}
    p = Planner(cascade_units=True)
    p.merge([tree.areas["D1"], tree.areas["D2"]], DAY, code="D", name="Hợp Nhất", kind="huyen")
    batch = operations.apply(p.plan, user)
    assert Area.objects.count() == 7 + 5
    operations.revert(batch, user)
    assert {(m.__name__, o.pk, o.valid_to) for m in (Area, Unit) for o in m.objects.all()} == before
    assert AreaSuccession.objects.count() == 0 and UnitSuccession.objects.count() == 0
    batch.refresh_from_db()
    assert batch.status == ChangeBatch.Status.REVERTED
    assert AuditEntry.objects.filter(action="org.revert", user=user).exists()
    with pytest.raises(PlanError, match="Chỉ hoàn tác"):
        operations.revert(batch, user)


def test_revert_refused_when_values_were_reported_and_after_confirm(user):
    from giaoban.collection.models import DataValue, Report
    from giaoban.org.models import Indicator

    tree = make_tree()
    p = Planner(cascade_units=True)
    p.merge([tree.areas["C1"], tree.areas["C2"]], DAY, code="N", name="Tân An", kind="xa")
    batch = operations.apply(p.plan, user)
    unit = Unit.objects.get(code="mttq-N")
    ind = Indicator.objects.create(code="buoi", name="Số buổi", unit_noun="buổi")
    report = Report.objects.create(unit=unit, period="2023-Q1")
    DataValue.objects.create(report=report, unit=unit, indicator=ind, period="2023-Q1", value=5)
    with pytest.raises(PlanError, match="Đã có 1 số liệu"):
        operations.revert(batch, user)
    assert Area.objects.filter(code="N").exists()
    operations.confirm(batch, user)
    batch.refresh_from_db()
    assert batch.status == ChangeBatch.Status.CONFIRMED
    with pytest.raises(PlanError, match="Chỉ hoàn tác"):
        operations.revert(batch, user)


def test_stale_plan_is_refused(user):
    tree = make_tree()
    p = Planner()
    p.rename(tree.areas["C1"], DAY, name="An Mới")
    batch = operations.save_preview(p.plan, user, title="Đổi tên")
    q = Planner()
    q.close_node(tree.areas["C1"], D(2022, 6, 1))
    operations.apply(q.plan, user)
    with pytest.raises(PlanError, match="đã thay đổi kể từ khi xem trước"):
        operations.apply(batch, user)
    assert not Area.objects.filter(name="An Mới").exists()


def test_plan_round_trips_through_json():
    tree = make_tree()
    p = Planner(cascade_units=True)
    p.merge([tree.areas["C1"], tree.areas["C2"]], DAY, code="N", name="Tân An", kind="xa")
    again = operations.ChangePlan.from_dict(p.plan.to_dict())
    assert again.to_dict() == p.plan.to_dict()
    text = "\n".join(again.lines())
    assert "Đóng địa bàn xã An (mã C1" in text and "Tạo đơn vị Ủy ban MTTQ xã Tân An (mã mttq-N)" in text

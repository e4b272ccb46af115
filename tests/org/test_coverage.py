"""A commune trade union serving three communes (the district trade unions dissolved on 1 July
2025; one commune union may cover several communes): counted once in the province, listed under
each commune's 'phục vụ bởi', its report entered, approved and counted in completeness."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from giaoban.analytics import engine
from giaoban.collection import completeness as unit_completeness
from giaoban.collection import workflow
from giaoban.collection.models import Membership
from giaoban.core.periods import Period
from giaoban.org import coverage
from giaoban.org.models import Area, Indicator, Organization, Unit

REFORM = dt.date(2025, 7, 1)


@pytest.fixture
def world(db):
    union = Organization.objects.create(code="congdoan", name="Công đoàn", short_name="Công đoàn", sort_order=1)
    P = Area.objects.create(code="P", name="Thử Nghiệm", kind="tinh", level=1)
    communes = [Area.objects.create(code=f"C{i}", name=f"Số {i}", kind="xa", level=3, parent=P, valid_from=REFORM)
                for i in (1, 2, 3, 4)]
    top = Unit.objects.create(organization=union, code="cd-P", name="Liên đoàn Lao động tỉnh Thử Nghiệm", level=1, area=P)
    shared = Unit.objects.create(organization=union, code="cd-C123", name="Công đoàn xã Số 1", level=3, parent=top,
                                 area=communes[0], valid_from=REFORM)
    coverage.serve(shared, communes[:3])
    own = Unit.objects.create(organization=union, code="cd-C4", name="Công đoàn xã Số 4", level=3, parent=top,
                              area=communes[3], valid_from=REFORM)
    ind = Indicator.objects.create(code="buoi", name="Buổi tuyên truyền", unit_noun="buổi")
    ind.organizations.set([union])
    User = get_user_model()
    clerk = User.objects.create_user("cd.so1", password="x")
    boss = User.objects.create_user("cd.tinh", password="x")
    Membership.objects.create(user=clerk, unit=shared, role=Membership.Role.ENTRY)
    Membership.objects.create(user=boss, unit=top, role=Membership.Role.APPROVE)
    return {"P": P, "communes": communes, "top": top, "shared": shared, "own": own, "clerk": clerk, "boss": boss}


def test_a_unit_serving_three_communes_sits_at_their_lowest_common_area(world):
    shared = world["shared"]
    shared.refresh_from_db()
    assert shared.area == world["P"]
    assert sorted(a.code for a in shared.served_areas.all()) == ["C1", "C2", "C3"]
    for commune in world["communes"][:3]:
        assert [u.code for u in coverage.served_by(commune, dt.date(2026, 1, 1))] == ["cd-C123"]
    assert [u.code for u in coverage.served_by(world["communes"][3], dt.date(2026, 1, 1))] == ["cd-C4"]


def test_its_report_is_entered_approved_counted_once_and_in_completeness(world):
    shared, clerk, boss = world["shared"], world["clerk"], world["boss"]
    report = workflow.get_or_create_report(shared, "2026-Q1", clerk)
    result = workflow.save_values(report, clerk, {"buoi": {"value": Decimal(12)}}, expected_version=report.version)
    workflow.submit(result.report, clerk)
    workflow.approve(result.report, boss, expected_version=result.report.version)
    admin = get_user_model().objects.create_superuser("admin", password="x")
    own = workflow.get_or_create_report(world["own"], "2026-Q1", admin)  # a draft: not counted
    workflow.save_values(own, admin, {"buoi": {"value": Decimal(5)}}, expected_version=own.version)
    # counted once in the province
    assert engine.query("buoi", "2026-Q1", area="P")[0].value == 12
    by_area = {r.key["area"]: r.value for r in engine.query("buoi", "2026-Q1", area="P", by="area")}
    assert by_area == {"C1": None, "C2": None, "C3": None, "C4": None}  # never once per commune served
    by_unit = {r.key["unit"]: r.value for r in engine.query("buoi", "2026-Q1", area="P", by="unit")}
    assert by_unit == {"cd-P": 12}  # inside the province union's subtree, not a second row beside it
    assert engine.query("buoi", "2026-Q1", unit="cd-C123")[0].value == 12
    # completeness: expected once, approved
    done = engine.completeness("2026-Q1", area="P")[0]
    assert (done["expected"], done["approved"], done["draft"]) == (3, 1, 1)
    states = {s.unit.code: s for s in unit_completeness.unit_states(Unit.objects.all(), Period.parse("2026-Q1"))}
    assert states["cd-C123"].approved and states["cd-C4"].missing


def test_the_tree_page_lists_it_under_each_commune(world, client):
    client.force_login(get_user_model().objects.create_superuser("root", password="x"))
    page = client.get("/to-chuc/", {"ngay": "2026-01-01"}).content.decode()
    assert page.count("Phục vụ bởi: Công đoàn xã Số 1") == 3
    units = client.get("/to-chuc/", {"ngay": "2026-01-01", "to_chuc": "congdoan"}).content.decode()
    assert "Phụ trách: Xã Số 1, Xã Số 2, Xã Số 3" in units


def test_areas_of_two_provinces_are_refused(world):
    other = Area.objects.create(code="Q", name="Khác", kind="tinh", level=1)
    with pytest.raises(coverage.CoverageError, match="không cùng thuộc một tỉnh"):
        coverage.serve(world["shared"], [world["communes"][0], other])


# ---- restructuring keeps what a unit serves (issue 17, item 2) --------------------------------

def test_a_new_version_of_a_multi_commune_union_serves_the_same_communes(world):
    from giaoban.org import operations

    later = dt.date(2026, 1, 1)
    p = operations.Planner()
    p.rename(world["shared"], later, name="Công đoàn liên xã Số 1, 2, 3")
    batch = operations.apply(p.plan, world["boss"], title="Đổi tên công đoàn")
    new = Unit.objects.get(code="cd-C123", valid_from=later)
    assert new.area == world["P"]
    assert sorted(a.code for a in new.served_areas.all()) == ["C1", "C2", "C3"]
    for commune in world["communes"][:3]:
        assert [u.name for u in coverage.served_by(commune, later)] == ["Công đoàn liên xã Số 1, 2, 3"]
    operations.revert(batch, world["boss"])
    assert not Unit.objects.filter(code="cd-C123", valid_from=later).exists()


def test_a_union_follows_its_communes_when_they_merge(world):
    """Communes 1 and 2 merge (cascade to units): the union serving 1, 2, 3 gets a new version
    serving the merged commune and commune 3."""
    from giaoban.org import operations

    later = dt.date(2026, 1, 1)
    p = operations.Planner(cascade_units=True)
    p.merge(world["communes"][:2], later, code="C12", name="Số Mười Hai", kind="xa")
    operations.apply(p.plan, world["boss"], title="Sáp nhập xã")
    new = Unit.objects.valid_on(later).get(code="cd-C123")
    assert new.valid_from == later
    assert sorted(a.code for a in new.served_areas.all()) == ["C12", "C3"]
    assert [u.code for u in coverage.served_by(Area.objects.get(code="C12"), later)] == ["cd-C123"]


def test_two_commune_unions_merge_into_one_serving_both_communes(world):
    from giaoban.org import operations

    later = dt.date(2026, 1, 1)
    p = operations.Planner()
    p.merge([world["shared"], world["own"]], later, code="cd-C1234", name="Công đoàn liên xã Số 1–4")
    operations.apply(p.plan, world["boss"], title="Sáp nhập công đoàn")
    new = Unit.objects.get(code="cd-C1234")
    assert new.area == world["P"] and new.parent == world["top"]
    assert sorted(a.code for a in new.served_areas.all()) == ["C1", "C2", "C3", "C4"]


def test_a_union_at_a_renamed_district_keeps_its_own_identity(db):
    """A unit serving two communes sits at their district; the district is renamed with its
    units: the union gets its own new version serving the communes' new versions, under the
    district union's new version (it was merged into the district union)."""
    from giaoban.org import operations

    union_org = Organization.objects.create(code="congdoan", name="Công đoàn", short_name="Công đoàn")
    P = Area.objects.create(code="P", name="Thử Nghiệm", kind="tinh", level=1)
    D = Area.objects.create(code="D", name="Một", kind="huyen", level=2, parent=P)
    C1, C2 = (Area.objects.create(code=f"C{i}", name=f"Số {i}", kind="xa", level=3, parent=D) for i in (1, 2))
    top = Unit.objects.create(organization=union_org, code="cd-P", name="Liên đoàn Lao động tỉnh Thử Nghiệm", level=1, area=P)
    district = Unit.objects.create(organization=union_org, code="cd-D", name="Liên đoàn Lao động huyện Một", level=2, area=D,
                                   parent=top)
    shared = Unit.objects.create(organization=union_org, code="cd-C12", name="Công đoàn liên xã Số 1, Số 2", level=3,
                                 area=C1, parent=district)
    coverage.serve(shared, [C1, C2])
    later = dt.date(2026, 1, 1)
    p = operations.Planner(cascade_units=True)
    p.rename(D, later, name="Hai")
    operations.apply(p.plan, get_user_model().objects.create_superuser("admin", password="x"), title="Đổi tên huyện")
    now = {u.code: u for u in Unit.objects.valid_on(later)}
    assert sorted(now) == ["cd-C12", "cd-D", "cd-P"]
    union = now["cd-C12"]
    assert union.name == "Công đoàn liên xã Số 1, Số 2" and union.parent == now["cd-D"]
    assert union.area == now["cd-D"].area and union.area.name == "Hai"
    assert sorted((a.code, a.valid_from) for a in union.served_areas.all()) == [("C1", later), ("C2", later)]

"""Weekly and monthly reporting beside the quarter, under reporting regimes (ReportingSchedule):
the residential areas' MTTQ working groups report 'ho_tham' every week, the communes' MTTQ
'hop_dan' every month, the organizations 'buoi' every quarter. A week counts in the month and the
quarter of its Thursday (2026-W01, 29/12/2025-4/1/2026, is January 2026; 2026-W05, 26/1-1/2/2026,
is January; 2026-W14, 30/3-5/4/2026, is April).

World: province P, commune C with residential areas V1 (thôn) and V2 (bản); MTTQ units at
each level (province, commune, two working groups); the Women's Union at province and commune.
"""

import datetime as dt
from decimal import Decimal

import pytest

from giaoban.analytics import engine, summary
from giaoban.analytics.engine import computing
from giaoban.collection import completeness as unit_completeness
from giaoban.collection.models import DataValue, Report
from giaoban.core.periods import Period
from giaoban.org import schedules
from giaoban.org.models import Area, Indicator, Organization, ReportingSchedule, Unit

WEEKLY = {  # week -> (V1, V2)
    "2025-W52": (1, 2),      # December 2025
    "2026-W01": (10, 20),    # crosses the year's end: January 2026
    "2026-W02": (30, 40),
    "2026-W05": (50, 60),    # crosses January's end: January
    "2026-W06": (70, 80),    # February
    "2026-W13": (90, 100),   # 23-29/3: March
    "2026-W14": (110, 120),  # crosses March's end: April (Q2)
}


@pytest.fixture
def world(db):
    mttq = Organization.objects.create(code="mttq", name="Ủy ban MTTQ Việt Nam", short_name="MTTQ", sort_order=1)
    phunu = Organization.objects.create(code="phunu", name="Hội Liên hiệp Phụ nữ", short_name="Hội LHPN", sort_order=2)
    P = Area.objects.create(code="P", name="Thử Nghiệm", kind="tinh", level=1)
    C = Area.objects.create(code="C", name="Một", kind="xa", level=3, parent=P)
    V1 = Area.objects.create(code="C-01", name="Nà Tăm (mẫu)", kind="thon", level=4, parent=C)
    V2 = Area.objects.create(code="C-02", name="Phiêng Khon (mẫu)", kind="ban", level=4, parent=C)
    U = Unit.objects.create
    mp = U(organization=mttq, code="mttq-P", name="Ủy ban MTTQ Việt Nam tỉnh Thử Nghiệm", level=1, area=P)
    mc = U(organization=mttq, code="mttq-C", name="Ủy ban MTTQ Việt Nam xã Một", level=3, area=C, parent=mp)
    groups = [U(organization=mttq, code=f"mttq-{a.code}", name=f"Ban Công tác Mặt trận {a.get_kind_display().lower()} {a.name}",
                level=4, area=a, parent=mc) for a in (V1, V2)]
    pp = U(organization=phunu, code="pn-P", name="Hội LHPN tỉnh Thử Nghiệm", level=1, area=P)
    pc = U(organization=phunu, code="pn-C", name="Hội LHPN xã Một", level=3, area=C, parent=pp)
    I = Indicator.objects.create
    visits = I(code="ho_tham", name="Số hộ được thăm hỏi", unit_noun="hộ")
    meetings = I(code="hop_dan", name="Cuộc họp dân", unit_noun="cuộc")
    sessions = I(code="buoi", name="Buổi tuyên truyền", unit_noun="buổi")
    for ind in (visits, meetings):
        ind.organizations.set([mttq])
    sessions.organizations.set([mttq, phunu])
    week = ReportingSchedule.objects.create(code="tuan-khu-dan-cu", name="Báo cáo nhanh hằng tuần", frequency="W",
                                            organization=mttq, unit_level=4)
    week.indicators.set([visits])
    month = ReportingSchedule.objects.create(code="thang-xa", name="Báo cáo tháng của xã", frequency="M",
                                             organization=mttq, unit_level=3)
    month.indicators.set([meetings])
    quarter = ReportingSchedule.objects.create(code="quy-xa", name="Báo cáo quý của xã", frequency="Q",
                                               organization=mttq, unit_level=3)
    quarter.indicators.set([sessions])

    def put(unit, period, code, value, status=Report.Status.APPROVED):
        report, _ = Report.objects.get_or_create(unit=unit, period=period)
        DataValue.objects.create(report=report, unit=unit, indicator=Indicator.objects.get(code=code), period=period,
                                 value=Decimal(value))
        report.status = status
        report.save()

    for week_code, values in WEEKLY.items():
        for group, value in zip(groups, values, strict=True):
            put(group, week_code, "ho_tham", value)
    for month_code, value in (("2026-01", 3), ("2026-02", 4), ("2026-03", 5), ("2026-04", 6)):
        put(mc, month_code, "hop_dan", value)
    put(mc, "2026-Q1", "buoi", 7)
    put(pc, "2026-Q1", "buoi", 8)
    return {"groups": groups, "mc": mc, "pc": pc, "C": C, "P": P}


def value(indicator, period, **kw):
    return engine.query(indicator, period, **kw)[0].value


ROLL_UP = [
    ("2026-W01", 30),
    ("2026-W05", 110),
    ("2025-12", 3),                        # 2025-W52 only: W01 belongs to 2026
    ("2025-Q4", 3),
    ("2026-01", 30 + 70 + 110),            # W01 (from 29/12/2025), W02, W05 (to 1/2/2026)
    ("2026-02", 150),                      # W06
    ("2026-03", 190),                      # W13; W14 goes to April
    ("2026-Q1", 30 + 70 + 110 + 150 + 190),
    ("2026-04", 230),
    ("2026-Q2", 230),
    ("2026-H1", 780),
    ("2026", 780),
]


@pytest.mark.parametrize("period,expected", ROLL_UP)
def test_weekly_figures_roll_into_the_month_and_quarter_of_their_thursday(world, period, expected):
    assert value("ho_tham", period, area="P") == expected
    assert value("ho_tham", period, area="C") == expected


def test_each_residential_area_and_the_monthly_and_quarterly_sets(world):
    rows = {r.key["area"]: r.value for r in engine.query("ho_tham", "2026-01", area="C", by="area")}
    assert rows == {"C-01": 10 + 30 + 50, "C-02": 20 + 40 + 60}
    assert value("hop_dan", "2026-Q1", area="P") == 3 + 4 + 5
    assert value("hop_dan", "2026-02", area="P") == 4
    assert value("buoi", "2026-Q1", area="P") == 15
    week = engine.query("ho_tham", "2026-W05", area="C")[0]
    assert (week.previous.period, week.same_period_last_year.period) == ("2026-W04", "2025-W05")
    assert week.expected_units == 2 and week.reporting_units == 2


def test_completeness_per_regime(world):
    def expected(period):
        return {r["org"]: r["expected"] for r in engine.completeness(period, area="P")}

    assert expected("2026-W05") == {"mttq": 2}  # the two working groups
    assert expected("2026-01") == {"mttq": 1}  # the commune's MTTQ
    # a quarter: the commune's MTTQ (quarterly set) and every unit no regime names
    assert expected("2026-Q1") == {"mttq": 2, "phunu": 2}
    units = Unit.objects.all()
    week = Period.parse("2026-W05")
    states = unit_completeness.unit_states(units, week)
    assert sorted(s.unit.code for s in states) == ["mttq-C-01", "mttq-C-02"]
    assert all(s.approved for s in states)
    assert {s.deadline for s in states} == {dt.date(2026, 2, 2)}  # the Monday after the week


def test_forms_follow_the_regime(world):
    group, mc, pc = world["groups"][0], world["mc"], world["pc"]
    assert [i.code for i in schedules.indicators_for(group, "W")] == ["ho_tham"]
    assert schedules.indicators_for(group, "Q") == []
    assert [i.code for i in schedules.indicators_for(mc, "M")] == ["hop_dan"]
    assert schedules.indicators_for(pc, "Q") is None  # no regime: the organization's whole list
    assert schedules.applies(group, "W") and not schedules.applies(group, "Q")
    assert schedules.applies(pc, "Q") and not schedules.applies(pc, "M") and not schedules.applies(pc, "W")


def test_a_working_group_enters_its_weekly_report(world):
    from django.contrib.auth import get_user_model

    from giaoban.collection import workflow
    from giaoban.collection.models import Membership

    group, pc = world["groups"][0], world["pc"]
    clerk = get_user_model().objects.create_user("bcttm.natam", password="x")
    Membership.objects.create(user=clerk, unit=group, role=Membership.Role.ENTRY)
    assert [i.code for i in workflow.form_indicators(group)] == ["ho_tham"]
    report = workflow.get_or_create_report(group, "tuần 49/2026", clerk)
    assert report.period == "2026-W49"
    with pytest.raises(workflow.WorkflowError, match="không thuộc biểu mẫu"):
        workflow.save_values(report, clerk, {"buoi": {"value": Decimal(1)}}, expected_version=report.version)
    saved = workflow.save_values(report, clerk, {"ho_tham": {"value": Decimal(9)}}, expected_version=report.version)
    workflow.submit(saved.report, clerk)
    assert engine.query("ho_tham", "2026-12", area="C", include_submitted=True)[0].value == 9
    admin = get_user_model().objects.create_superuser("admin", password="x")
    with pytest.raises(workflow.WorkflowError, match="không báo cáo theo tuần"):
        workflow.get_or_create_report(pc, "2026-W49", admin)


# ---- a quarter of the quarterly set keeps the engine's fast path (issue 17, item 4) -------------

def test_a_quarter_of_quarterly_indicators_keeps_the_fast_path_beside_a_weekly_regime(world, monkeypatch):
    """The weekly regime asks for 'ho_tham' only: a quarter of 'buoi' has nothing to combine over
    weeks or months, so it is answered from the stored quarter alone (the fast path), with the
    same cells as the general (reference) path; 'ho_tham' still adds its weeks up."""
    summary.ensure_built()
    taken = []
    real = computing._stored_cells
    monkeypatch.setattr(computing, "_stored_cells", lambda *a: taken.append(1) or real(*a))
    node = engine.Node.of(world["P"])
    targets = [("P", node)]
    buoi = [Indicator.objects.get(code="buoi")]
    quarters = [Period.parse("2026-Q1"), Period.parse("2025-Q4")]
    fast = engine.compute(targets, buoi, quarters, by_org=True)
    assert taken == [1]
    reference = engine.compute(targets, buoi, quarters, by_org=True, fast=False)
    assert taken == [1] and fast == reference
    assert {k: c.total for k, c in fast.items() if c.total is not None} == {
        ("P", world["mc"].organization_id, "buoi", "2026-Q1"): 7, ("P", world["pc"].organization_id, "buoi", "2026-Q1"): 8}
    weekly = engine.compute(targets, [Indicator.objects.get(code="ho_tham")], [Period.parse("2026-Q1")])
    assert taken == [1] and weekly["P", None, "ho_tham", "2026-Q1"].total == 550


def test_the_dashboard_offers_the_latest_approved_week_and_quarter_in_one_statement(world, client):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from giaoban.analytics import views

    Report.objects.create(unit=world["groups"][0], period="2026-W20", status=Report.Status.SUBMITTED)  # not approved
    Report.objects.create(unit=world["mc"], period="2026-Q2", status=Report.Status.SUBMITTED)
    views._defaults()  # the regimes read once, then kept under the catalogue's stamp
    with CaptureQueriesContext(connection) as ctx:
        default, week = views._defaults()
    assert (default.code, week) == ("2026-Q1", "2026-W14")
    assert sum("collection_report" in q["sql"] for q in ctx.captured_queries) == 1  # the stamp apart (outside a request)
    assert [p.code for p in views._period_choices(default, week)[:2]] == ["2026-W14", "2026-W13"]
    Report.objects.filter(period__in=["2026-W20", "2026-Q2"]).update(status=Report.Status.APPROVED)  # seen at once
    assert (views._defaults()[0].code, views._defaults()[1]) == ("2026-Q2", "2026-W20")
    client.force_login(get_user_model().objects.create_user("admin", password="x" * 12, is_superuser=True))
    html = client.get("/phan-tich/").content.decode()
    assert '<option value="2026-W20"' in html and "Quý II/2026" in html

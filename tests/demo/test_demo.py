"""The Lai Châu demo: real areas, the 2025 change, figures that agree with the Q3 2023 article,
quarters up to the last one ended by the load date."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone

from giaoban.collection.models import DataValue, Membership, Report, Target
from giaoban.core.periods import Period
from giaoban.org import lai_chau_areas as areas
from giaoban.demo.load import DemoError, DemoLoader, demo_meetings, last_ended_quarter, load_demo, resolve_until
from giaoban.org import identity
from giaoban.org.models import Area, AreaSuccession, Indicator, Organization, Unit, UnitSuccession
from tests.conftest import SHARED

# Province totals for 2023-Q3 as the article about the Q3 2023 briefing meeting gives them.
ARTICLE_FIGURES = [
    ("phunu", "tuyen_truyen_buoi", 558),
    ("phunu", "tuyen_truyen_luot_nguoi", 29774),
    ("doan", "doi_hinh_tinh_nguyen", 692),
    ("doan", "hoat_dong_phong_chong_thien_tai", 942),
    ("doan", "luot_dvtn_tinh_nguyen", 8256),
    ("doan", "gioi_thieu_dang", 1611),
    ("doan", "lop_dang_vien_moi", 438),
    ("congdoan", "tu_van_phap_luat_luot", 130),
]


def province_total(org: str, code: str, period: str) -> Decimal:
    return DataValue.objects.filter(
        unit__organization__code=org, indicator__code=code, period=period, report__status=Report.Status.APPROVED
    ).aggregate(total=Sum("value"))["total"]


def counts() -> dict:
    models = [Area, AreaSuccession, Unit, UnitSuccession, Organization, Indicator, Report, DataValue, Target, Membership]
    return {m.__name__: m.objects.count() for m in models}


@pytest.mark.slow
@pytest.mark.django_db
def test_demo_loads_real_lai_chau_and_agrees_with_the_article():
    load_demo(until="2026-Q3")
    first = counts()

    # The administrative tree: 1 province, 8 districts and 106 communes until 2025-06-30, 38 after.
    assert Area.objects.filter(level=1).count() == 1
    assert Area.objects.filter(level=2).count() == 8
    old = Area.objects.filter(level=3, valid_to=areas.REFORM_DATE.replace(day=30, month=6))
    new = Area.objects.filter(level=3, valid_from=areas.REFORM_DATE)
    assert old.count() == 106 and new.count() == 38
    assert set(new.values_list("kind", flat=True)) == {"phuong", "xa"}
    assert AreaSuccession.objects.count() == 106
    # Identity is (code, validity): new phường Đoàn Kết reuses old phường Quyết Tiến's code.
    doan_ket = new.get(name="Đoàn Kết")
    assert doan_ket.code == "03388"
    assert old.get(code="03388").name == "Quyết Tiến"
    predecessors = Area.objects.filter(successions__successor=doan_ket)
    assert predecessors.count() == 5  # issue 8: the sum of its five predecessors
    assert {a.parent.code for a in predecessors} == {"105", "109"}  # from two former districts
    # Old xã Mường Than went into new xã Than Uyên, not into the new xã Mường Than.
    old_muong_than = old.get(code="03619")
    assert old_muong_than.successions.get().successor.name == "Than Uyên"

    # Six organizations, each with province, district and commune units, and each unit's area matches.
    assert set(Organization.objects.values_list("code", flat=True)) == {"mttq", "congdoan", "phunu", "doan", "nongdan", "ccb"}
    for org in Organization.objects.all():
        assert org.units.filter(level=1).count() == 1
        assert org.units.filter(level=2).count() == 8
        # from 1 July 2025 a commune trade union may serve several communes: 17 for the 38
        assert org.units.filter(level=3).count() == 106 + (17 if org.code == "congdoan" else 38)
    assert Indicator.objects.count() >= 40
    # the five organizations are members of the MTTQ until 30/6/2025 and under it from 1/7/2025
    for code in ("congdoan", "phunu", "doan", "nongdan", "ccb"):
        assert identity.organization_as_of(code, datetime.date(2025, 6, 30)).relation == "member"
        assert identity.organization_as_of(code, areas.REFORM_DATE).relation == "under"
    unions = Unit.objects.filter(organization__code="congdoan", level=3, valid_from=areas.REFORM_DATE)
    assert all(u.area.level == 1 for u in unions if u.served_areas.count() > 1)
    assert {a.code for a in Area.objects.filter(level=3, valid_from=areas.REFORM_DATE)} == {
        a.code for u in unions for a in (u.served_areas.all() or [u.area])}
    # two sample communes have residential areas with weekly figures of their MTTQ working groups
    villages = Area.objects.filter(level=4)
    assert villages.count() == 11 and all("(mẫu)" in a.name for a in villages)
    assert {a.parent.code for a in villages} == {"03388", "03466"}
    weekly = set(DataValue.objects.filter(period__contains="-W").values_list("period", flat=True))
    assert weekly == {w.code for q in Period.quarters_of(2026)[:3] for w in q.weeks()}

    # Every quarter 2022-Q1..2026-Q3 has figures; all are approved but the last, 2026-Q3, which
    # has late, missing, returned and draft reports.
    periods = set(DataValue.objects.exclude(period__contains="-W").values_list("period", flat=True))
    months = {f"2026-{m:02d}" for m in range(1, 10)}  # the communes' MTTQ monthly set, January to September 2026
    assert periods == {f"{y}-Q{q}" for y in range(2022, 2026) for q in range(1, 5)} | {"2026-Q1", "2026-Q2", "2026-Q3"} | months
    assert set(DataValue.objects.filter(period__in=months).values_list("unit__organization__code", "unit__level").distinct()) == {("mttq", 3)}
    assert Report.objects.filter(period="2026-08").count() == 38
    assert not Report.objects.exclude(period__in=["2026-Q3", "2026-W39", "2026-09"]).exclude(status=Report.Status.APPROVED).exists()
    assert Report.objects.filter(period="2025-Q4").count() == 5 * 38 + 17 + 6
    last = Report.objects.filter(period="2026-Q3", unit__level=3)
    assert last.filter(status=Report.Status.APPROVED).count() < last.count() < 5 * 38 + 17
    assert set(last.values_list("status", flat=True)) == {"approved", "submitted", "draft", "returned"}
    deadline = datetime.datetime.combine(Period.parse("2026-Q3").deadline(), datetime.time.max, timezone.get_current_timezone())
    assert last.filter(submitted_at__gt=deadline).exists() and last.filter(submitted_at__lte=deadline).exists()
    assert Report.objects.filter(period="2026-Q3", unit__level=1, status=Report.Status.SUBMITTED).count() == 6
    assert Target.objects.filter(year=2025).exists() and Target.objects.filter(year=2022).exists()
    assert set(Target.objects.values_list("year", flat=True)) == {2022, 2023, 2024, 2025, 2026}

    # The article's province figures for 2023-Q3, as sums of the communes' approved figures.
    for org, code, expected in ARTICLE_FIGURES:
        assert province_total(org, code, "2023-Q3") == expected, (org, code)
    loans = sum(province_total(o, "du_no_uy_thac", "2023-Q3") for o in ("nongdan", "phunu", "doan"))
    assert Decimal("2_900e9") <= loans < Decimal("3_000e9")  # "gần 3.000 tỷ đồng"
    households = sum(province_total(o, "ho_du_no", "2023-Q3") for o in ("nongdan", "phunu", "doan"))
    assert 30_000 < households < 31_000  # "hơn 30.000 hộ"
    new_members = sum(province_total(o, "ket_nap_moi", "2023-Q3") for o in ("congdoan", "phunu", "doan", "nongdan", "ccb"))
    assert 1_900 <= new_members < 2_000  # "gần 2.000 hội, đoàn viên"

    # A province figure is the sum of its communes: after the reform too, with the same total.
    before = province_total("phunu", "tuyen_truyen_buoi", "2025-Q2")
    communes = DataValue.objects.filter(unit__organization__code="phunu", unit__level=3, indicator__code="tuyen_truyen_buoi", period="2025-Q2")
    assert communes.count() == 106 and before == communes.aggregate(s=Sum("value"))["s"]
    assert DataValue.objects.filter(unit__level=3, period="2025-Q3", unit__valid_from=areas.REFORM_DATE).exists()
    assert not DataValue.objects.filter(unit__level=3, period="2025-Q3", unit__valid_to__isnull=False).exists()

    # Where the seed's gold annotation is at hand, its figures are the province's too.
    gold_path = SHARED / "seeds" / "lai-chau-2023-q3.gold.json"
    if gold_path.exists():
        gold = {f["span"]: f["value"] for f in json.loads(gold_path.read_text(encoding="utf-8"))["figures"]}
        assert province_total("phunu", "tuyen_truyen_buoi", "2023-Q3") == gold["558 buổi"]
        assert province_total("phunu", "tuyen_truyen_luot_nguoi", "2023-Q3") == gold["29.774 lượt người"]
        assert province_total("doan", "gioi_thieu_dang", "2023-Q3") == gold["1.611 đoàn viên"]
        assert province_total("congdoan", "tu_van_phap_luat_luot", "2023-Q3") == gold["130 lượt người"]

    # Two meetings of 2025 and the one on the last quarter, with tasks due now, so the home page,
    # the dashboard and the report have some to show.
    from giaoban.meetings.models import Meeting, Task

    assert list(Meeting.objects.order_by("date").values_list("period", flat=True)) == ["2025-Q2", "2025-Q3", "2026-Q3"]
    assert Task.objects.filter(due_period="2025-Q4").exists()
    current = Task.objects.filter(due_period="2026-Q4")
    assert current.count() == 4 and set(current.values_list("status", flat=True)) == {"todo", "in_progress"}
    assert Meeting.objects.get(period="2026-Q3").date == datetime.date(2026, 10, 8)

    # 2025 targets sit on the units standing at the year's end; the province's is their sum.
    assert not Target.objects.filter(year=2025, unit__valid_to__year=2025).exists()
    top = Unit.objects.get(code="phunu-12")
    communes = Target.objects.filter(year=2025, indicator__code="tuyen_truyen_buoi", unit__organization__code="phunu", unit__level=3)
    assert communes.count() == 38
    assert Target.objects.get(year=2025, indicator__code="tuyen_truyen_buoi", unit=top).value == communes.aggregate(s=Sum("value"))["s"]

    # 2026 targets too, on the 38 merged communes (the old units have ended); three quarters in,
    # the province has done most of its year's target but not all of it.
    assert not Target.objects.filter(year=2026, unit__valid_to__isnull=False).exists()
    communes = Target.objects.filter(year=2026, indicator__code="tuyen_truyen_buoi", unit__organization__code="phunu", unit__level=3)
    assert communes.count() == 38 and set(communes.values_list("unit__valid_from", flat=True)) == {areas.REFORM_DATE}
    target = Target.objects.get(year=2026, indicator__code="tuyen_truyen_buoi", unit=top).value
    assert target == communes.aggregate(s=Sum("value"))["s"]
    done = sum(province_total("phunu", "tuyen_truyen_buoi", f"2026-Q{q}") for q in (1, 2, 3))
    assert Decimal("0.6") * target < done < target

    # `giaoban query` and the dashboard answer for a week, a month and a quarter of 2026.
    def approved(code, periods, level=None):
        qs = DataValue.objects.filter(indicator__code=code, period__in=periods, report__status=Report.Status.APPROVED)
        return qs.filter(unit__level=level).aggregate(s=Sum("value"))["s"] if level else qs.aggregate(s=Sum("value"))["s"]

    def ask(indicator, period, **kw):
        from io import StringIO

        out = StringIO()
        call_command("query", indicator=indicator, period=period, area="12", format="json", stdout=out, **kw)
        return json.loads(out.getvalue())[0]

    week = ask("btt_ho_tham_hoi", "2026-W05")
    assert Decimal(week["value"]) == approved("btt_ho_tham_hoi", ["2026-W05"]) > 0 and week["expected_units"] == 11
    feb_weeks = [w.code for w in Period.parse("2026-02").weeks()]
    assert Decimal(ask("btt_ho_tham_hoi", "2026-02")["value"]) == approved("btt_ho_tham_hoi", feb_weeks)
    month = ask("mttq_thang_kien_nghi", "2026-02")
    assert Decimal(month["value"]) == approved("mttq_thang_kien_nghi", ["2026-02"]) > 0 and month["expected_units"] == 38
    assert Decimal(ask("mttq_thang_kien_nghi", "2026-Q1")["value"]) == approved("mttq_thang_kien_nghi", ["2026-01", "2026-02", "2026-03"])
    quarter = ask("tuyen_truyen_buoi", "2026-Q2", org="phunu")
    assert Decimal(quarter["value"]) == province_total("phunu", "tuyen_truyen_buoi", "2026-Q2")
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.filter(is_superuser=True).first())
    for period, shown in (("2026-W05", "Hộ gia đình được Ban Công tác Mặt trận thăm hỏi"),
                          ("2026-02", "Ý kiến, kiến nghị của cử tri và Nhân dân được tổng hợp"),
                          ("2026-Q2", "Buổi tuyên truyền")):
        page = client.get("/phan-tich/", {"period": period})
        assert page.status_code == 200 and Period.parse(period).label_vi in page.content.decode(), period
        assert shown in page.content.decode(), period

    # Running it again changes nothing, on a later date too (figures are not extended).
    load_demo(until="2026-Q3")
    assert counts() == first
    load_demo(today=datetime.date(2027, 5, 1))
    assert counts() == first


def test_area_files_are_complete_without_the_shared_folder():
    districts, old, new = areas.load()
    assert len(districts) == 8 and len(old) == 106 and len(new) == 38
    assert sorted(c for n in new for c in n.predecessor_codes) == sorted(c.code for c in old)


def test_the_last_quarter_is_the_latest_one_ended_by_the_date():
    on = datetime.date
    assert last_ended_quarter(on(2026, 11, 30)) == Period.parse("2026-Q3")  # 2026-Q4 is still running
    assert last_ended_quarter(on(2026, 10, 1)) == Period.parse("2026-Q3")
    assert last_ended_quarter(on(2026, 9, 30)) == Period.parse("2026-Q2")
    assert last_ended_quarter(on(2027, 1, 1)) == Period.parse("2026-Q4")
    # Its reports were due before the date.
    for day in (on(2026, 10, 1), on(2027, 1, 1), on(2027, 4, 1)):
        assert last_ended_quarter(day).deadline() < day

    # The loader's default comes from the date; --until pins it.
    assert DemoLoader(today=on(2026, 11, 30)).last == Period.parse("2026-Q3")
    assert DemoLoader().last == last_ended_quarter(timezone.localdate())
    assert DemoLoader(until="2025-Q4", today=on(2026, 11, 30)).last == Period.parse("2025-Q4")
    assert resolve_until("Quý II/2026", on(2026, 11, 30)) == Period.parse("2026-Q2")


@pytest.mark.parametrize("until, message", [
    ("2026-Q4", "chưa kết thúc"),  # still running on 30/11/2026
    ("2025-Q3", "ít nhất đến Quý IV/2025"),  # before the 2025 merger's end of year
    ("2026-07", "phải là một quý"),
    ("2026-Q5", "không hợp lệ"),
])
def test_until_is_checked(until, message):
    with pytest.raises(DemoError, match=message):
        resolve_until(until, datetime.date(2026, 11, 30))


def test_the_meeting_on_the_last_quarter():
    assert [m["period"] for m in demo_meetings(Period.parse("2025-Q4"))] == ["2025-Q2", "2025-Q3", "2025-Q4"]
    meeting = demo_meetings(Period.parse("2026-Q3"))[-1]
    assert meeting["title"].endswith("tỉnh quý III/2026") and meeting["date"] == "2026-10-08"
    assert any("năm 2027" in text for text, _, _ in meeting["tasks"])  # a third quarter's: plan the next year
    assert meeting["updated"] < datetime.date(2026, 11, 30)


@pytest.mark.django_db
def test_command_takes_until():
    with pytest.raises(DemoError, match="chưa kết thúc"):
        call_command("demo", "--until", "2999-Q1")
    with pytest.raises(DemoError, match="phải là một quý"):
        call_command("demo", "--until", "2026")

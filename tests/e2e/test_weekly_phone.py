"""A residential area's MTTQ working group enters its weekly brief report on a 360 px phone in
Chromium: its home page offers this week, the form holds its three figures only, nothing runs off
the screen, the figures are saved and sent, and they count in the commune's month."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from giaoban.analytics import engine
from giaoban.collection.models import DataValue, Membership, Report
from giaoban.core.periods import Period
from giaoban.org.models import Area, Indicator, Organization, ReportingSchedule, Unit
from tests.conftest import login, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
PASSWORD = "mat-khau-thu-nghiem"


@pytest.fixture
def group(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    mttq = Organization.objects.create(code="mttq", name="Ủy ban MTTQ Việt Nam", short_name="MTTQ")
    P = Area.objects.create(code="P", name="Thử Nghiệm", kind="tinh", level=1)
    C = Area.objects.create(code="C", name="Bum Nưa", kind="xa", level=3, parent=P)
    V = Area.objects.create(code="C-01", name="số 1 (mẫu)", kind="ban", level=4, parent=C)
    top = Unit.objects.create(organization=mttq, code="mttq-P", name="Ủy ban MTTQ Việt Nam tỉnh Thử Nghiệm", level=1, area=P)
    commune = Unit.objects.create(organization=mttq, code="mttq-C", name="Ủy ban MTTQ Việt Nam xã Bum Nưa", level=3,
                                  area=C, parent=top)
    unit = Unit.objects.create(organization=mttq, code="mttq-C-01", name="Ban Công tác Mặt trận bản số 1 (mẫu)",
                               level=4, area=V, parent=commune)
    weekly = []
    for order, (code, name, noun) in enumerate([
            ("btt_ho_tham_hoi", "Hộ gia đình được Ban Công tác Mặt trận thăm hỏi, nắm tình hình", "hộ"),
            ("btt_phan_anh", "Ý kiến, phản ánh của Nhân dân được tiếp nhận ở khu dân cư", "ý kiến"),
            ("btt_sinh_hoat", "Buổi họp, sinh hoạt khu dân cư", "buổi")]):
        ind = Indicator.objects.create(code=code, name=name, unit_noun=noun, sort_order=order)
        ind.organizations.set([mttq])
        weekly.append(ind)
    other = Indicator.objects.create(code="tuyen_truyen_buoi", name="Buổi tuyên truyền", unit_noun="buổi")
    other.organizations.set([mttq])
    schedule = ReportingSchedule.objects.create(code="tuan", name="Báo cáo nhanh hằng tuần", frequency="W",
                                                organization=mttq, unit_level=4, deadline_days=1)
    schedule.indicators.set(weekly)
    user = get_user_model().objects.create_user("bcttm.so1", password=PASSWORD)
    Membership.objects.create(user=user, unit=unit, role=Membership.Role.ENTRY)
    return unit


def test_weekly_report_on_a_phone(live_server, page, group):
    week = Period.for_date(timezone.localdate(), "W")
    page.set_viewport_size({"width": 360, "height": 740})
    login(page, live_server.url, "bcttm.so1", PASSWORD)
    page.goto(live_server.url + "/")
    assert week.label_vi in page.inner_text("main"), page.inner_text("main")
    page.goto(f"{live_server.url}/bao-cao/{group.pk}/{week.code}/")
    main = page.inner_text("main")
    assert week.label_vi in main and "Buổi tuyên truyền" not in main  # the weekly set only
    for field, value in (("#v-btt_ho_tham_hoi", "12"), ("#v-btt_phan_anh", "3"), ("#v-btt_sinh_hoat", "1")):
        page.fill(field, value)
        box = page.locator(field).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, (field, box)
    # nothing wider than the phone: no sideways scrolling
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "weekly-entry")
    # the page saves as one types: let its autosave finish before 'Lưu' (a 'Lưu' racing an
    # autosave in flight on a report created by it got a 409: left to the entry page's owners)
    page.wait_for_selector("#save-state:has-text('Đã tự động lưu')", timeout=15000)
    page.click("button[value=save]")
    page.wait_for_selector("text=Đã lưu.")
    report = Report.objects.get(unit=group, period=week.code)
    values = dict(DataValue.objects.filter(report=report).values_list("indicator__code", "value"))
    assert values == {"btt_ho_tham_hoi": Decimal(12), "btt_phan_anh": Decimal(3), "btt_sinh_hoat": Decimal(1)}
    page.click("button[value=submit]")  # 'Lưu và gửi báo cáo'
    page.wait_for_load_state()
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED, page.inner_text("main")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    month = week.month()
    assert engine.query("btt_ho_tham_hoi", month, area="C", include_submitted=True)[0].value == 12
    assert report.submitted_at.date() <= week.end + dt.timedelta(days=1)  # by its regime's deadline

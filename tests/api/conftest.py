"""A small world for API tests: two organizations, a province with two communes, three
indicators, values for 2023-Q3 and July 2023, and one user per role."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from giaoban.api.models import ApiToken
from giaoban.collection.models import DataValue, Membership, Report
from giaoban.meetings import services as meeting_services
from giaoban.org.models import Area, Indicator, Organization, Unit


# A meeting text written for these tests (period, date, chair, one conclusion that is a task).
MEETING_TEXT = """Giao ban công tác Mặt trận và các đoàn thể quý III năm 2023

Sáng ngày 12/10/2023, Ủy ban MTTQ Việt Nam tỉnh Lai Châu tổ chức hội nghị giao ban đánh giá kết quả công tác \
quý III năm 2023 với Hội Liên hiệp Phụ nữ tỉnh, Tỉnh đoàn, Hội Nông dân tỉnh. Đồng chí Trần Văn Bình, Chủ tịch \
Ủy ban MTTQ Việt Nam tỉnh chủ trì hội nghị.

Kết luận hội nghị, đồng chí Trần Văn Bình đề nghị trong quý IV năm 2023, Hội Liên hiệp Phụ nữ tỉnh tập trung \
tuyên truyền phòng chống bạo lực gia đình tại các xã vùng cao. Tỉnh đoàn tiếp tục triển khai các đội hình tình \
nguyện hỗ trợ nông dân thu hoạch.
"""


class World:
    pass


@pytest.fixture
def world(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast fixtures
    w = World()
    w.mttq = Organization.objects.create(code="mttq", name="Ủy ban Mặt trận Tổ quốc Việt Nam", short_name="MTTQ", sort_order=1)
    w.phunu = Organization.objects.create(code="phunu", name="Hội Liên hiệp Phụ nữ", short_name="Hội LHPN", sort_order=2)
    w.province = Area.objects.create(code="12", name="Lai Châu", kind=Area.Kind.PROVINCE, level=Area.Level.PROVINCE)
    w.area_a = Area.objects.create(code="03388", name="Đoàn Kết", kind=Area.Kind.WARD, level=Area.Level.COMMUNE, parent=w.province)
    w.area_b = Area.objects.create(code="03466", name="Bum Nưa", kind=Area.Kind.COMMUNE, level=Area.Level.COMMUNE, parent=w.province)
    w.area_old = Area.objects.create(code="03400", name="Cũ", kind=Area.Kind.COMMUNE, level=Area.Level.COMMUNE, parent=w.province,
                                     valid_to=datetime.date(2020, 12, 31))
    w.units = {}
    for org in (w.mttq, w.phunu):
        top = Unit.objects.create(organization=org, code=f"{org.code}-12", name=f"{org.short_name} tỉnh Lai Châu",
                                  level=Unit.Level.PROVINCE, area=w.province)
        w.units[org.code, "12"] = top
        for area in (w.area_a, w.area_b):
            w.units[org.code, area.code] = Unit.objects.create(
                organization=org, code=f"{org.code}-{area.code}", name=f"{org.short_name} {area.full_name}",
                level=Unit.Level.COMMUNE, area=area, parent=top)
    w.old_unit = Unit.objects.create(organization=w.phunu, code="phunu-03400", name="Hội LHPN xã Cũ", level=Unit.Level.COMMUNE,
                                     area=w.area_old, parent=w.units["phunu", "12"], valid_to=datetime.date(2020, 12, 31))
    w.sessions = Indicator.objects.create(code="tuyen_truyen_buoi", name="Số buổi tuyên truyền", unit_noun="buổi")
    w.attendees = Indicator.objects.create(code="tuyen_truyen_luot", name="Số lượt người dự", unit_noun="lượt người")
    w.loans = Indicator.objects.create(code="du_no", name="Dư nợ ủy thác", unit_noun="đồng",
                                       value_type=Indicator.ValueType.MONEY, time_aggregation=Indicator.TimeAggregation.LAST)
    w.rate = Indicator.objects.create(code="ty_le", name="Tỷ lệ", unit_noun="%", value_type=Indicator.ValueType.PERCENT)
    for ind in (w.sessions, w.attendees, w.loans, w.rate):
        ind.organizations.set([w.mttq, w.phunu])
    figures = [
        ("phunu", "03388", "2023-Q3", {"tuyen_truyen_buoi": "12", "tuyen_truyen_luot": "1500", "du_no": "1500000000", "ty_le": "97.5"}),
        ("phunu", "03466", "2023-Q3", {"tuyen_truyen_buoi": "7", "tuyen_truyen_luot": "820"}),
        ("mttq", "03388", "2023-Q3", {"tuyen_truyen_buoi": "30", "tuyen_truyen_luot": "29774"}),
        ("mttq", "12", "2023-Q3", {"tuyen_truyen_buoi": "3"}),
        ("phunu", "03388", "2023-07", {"tuyen_truyen_buoi": "4"}),
        ("phunu", "03388", "2023-Q2", {"tuyen_truyen_buoi": "9"}),
    ]
    inds = {i.code: i for i in Indicator.objects.all()}
    w.reports = {}
    for org, area, period, values in figures:
        unit = w.units[org, area]
        report, _ = Report.objects.get_or_create(unit=unit, period=period)
        w.reports[org, area, period] = report
        for code, value in values.items():
            DataValue.objects.create(report=report, unit=unit, indicator=inds[code], period=period, value=Decimal(value),
                                     comment="ghi chú, có dấu phẩy" if code == "du_no" else "")
    User = get_user_model()
    w.admin = User.objects.create_superuser("admin", "a@example.org", "mat-khau-rat-dai")

    def user(name, *grants):
        u = User.objects.create_user(name, password="mat-khau-rat-dai")
        for unit, role in grants:
            Membership.objects.create(user=u, unit=unit, role=role)
        return u

    E, A, V = Membership.Role.ENTRY, Membership.Role.APPROVE, Membership.Role.VIEW
    w.entry = user("phunu.doanket", (w.units["phunu", "03388"], E))  # enters for phunu Đoàn Kết
    w.approver = user("phunu.tinh", (w.units["phunu", "12"], A))  # approves phunu communes
    w.viewer = user("phunu.bumnua.xem", (w.units["phunu", "03466"], V))  # sees phunu Bum Nưa only
    w.outsider = user("mttq.doanket", (w.units["mttq", "03388"], E))  # another organization's commune
    w.tokens = {u.username: ApiToken.issue(u, "test")[1] for u in (w.admin, w.entry, w.approver, w.viewer, w.outsider)}
    return w


def auth(world, user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {world.tokens[user.username]}"}


def snapshot() -> set[tuple]:
    """All stored values, comparable across databases."""
    return {
        (v.unit.code, v.indicator.code, v.period, v.value.normalize(), v.comment)
        for v in DataValue.objects.select_related("unit", "indicator")
    }


@pytest.fixture
def tasks(world):
    """A confirmed meeting: one task for phunu Đoàn Kết (Q4), one older open one (Q3), one for
    MTTQ Đoàn Kết, one for the province's phunu (its organization's province unit)."""
    w = world
    meeting = meeting_services.create_meeting_draft({"period": "2023-Q3", "date": "2023-10-12", "tasks": []}, user=w.admin,
                                            title="Giao ban quý III", area=w.province)
    U = w.units
    made = meeting_services.confirm_tasks(meeting, [
        {"text": "Tuyên truyền phòng chống bạo lực gia đình", "orgs": ["phunu"], "due_period": "2023-Q4", "units": [U["phunu", "03388"].pk]},
        {"text": "Hoàn thành mô hình cũ", "orgs": ["phunu"], "due_period": "2023-Q3", "units": [U["phunu", "03388"].pk]},
        {"text": "Giám sát chính sách", "orgs": ["mttq"], "due_period": "2023-Q4", "units": [U["mttq", "03388"].pk]},
        {"text": "Tổng kết năm", "orgs": ["phunu"], "due_period": "2023-Q4"},
    ], user=w.admin)
    w.meeting = meeting
    w.t_doanket, w.t_old, w.t_mttq, w.t_province = made
    return w

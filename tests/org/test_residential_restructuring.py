"""Merge, split and rename of residential areas (thôn, bản, tổ dân phố) work as on communes
(issue 17): a list of changes names them by code and kind ('thôn', 'bản', 'tổ dân phố'), their
MTTQ working groups follow ('kèm đơn vị'), the weekly figures stay summable: the commune's week is
the same before and after, and the merged area answers for its predecessors' weeks."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from giaoban.analytics import engine
from giaoban.collection.models import DataValue, Report
from giaoban.org import operations
from giaoban.org.importer import parse_area_kind, plan_changes, read_changes
from giaoban.org.models import Area, Indicator, Organization, ReportingSchedule, Unit

pytestmark = pytest.mark.django_db
DATE = dt.date(2026, 3, 2)  # a Monday: week 10 of 2026 is the first under the new areas
HEAD = "mã cũ,mã mới,ngày hiệu lực,loại,tỷ lệ,tên mới,loại địa bàn mới,mã cấp trên mới\n"


@pytest.fixture
def world():
    mttq = Organization.objects.create(code="mttq", name="Ủy ban MTTQ Việt Nam", short_name="MTTQ")
    P = Area.objects.create(code="P", name="Thử Nghiệm", kind="tinh", level=1)
    C = Area.objects.create(code="C", name="Bum Nưa", kind="xa", level=3, parent=P)
    villages = [Area.objects.create(code=f"C-0{i}", name=f"số {i} (mẫu)", kind=kind, level=4, parent=C)
                for i, kind in ((1, "thon"), (2, "thon"), (3, "ban"), (4, "to_dan_pho"))]
    top = Unit.objects.create(organization=mttq, code="mttq-P", name="Ủy ban MTTQ Việt Nam tỉnh Thử Nghiệm", level=1, area=P)
    commune = Unit.objects.create(organization=mttq, code="mttq-C", name="Ủy ban MTTQ Việt Nam xã Bum Nưa", level=3,
                                  area=C, parent=top)
    groups = [Unit.objects.create(organization=mttq, code=f"mttq-{v.code}", level=4, area=v, parent=commune,
                                  name=f"Ban Công tác Mặt trận {v.get_kind_display().lower()} {v.name}") for v in villages]
    visits = Indicator.objects.create(code="ho_tham", name="Hộ được thăm hỏi", unit_noun="hộ")
    visits.organizations.set([mttq])
    ReportingSchedule.objects.create(code="tuan", name="Báo cáo nhanh hằng tuần", frequency="W", organization=mttq,
                                     unit_level=4).indicators.set([visits])
    for group, value in zip(groups, (10, 20, 30, 40), strict=True):
        report = Report.objects.create(unit=group, period="2026-W09", status=Report.Status.APPROVED)
        DataValue.objects.create(report=report, unit=group, indicator=visits, period="2026-W09", value=Decimal(value))
    return {"C": C, "groups": groups, "user": get_user_model().objects.create_superuser("admin", password="x")}


def apply_csv(rows: str, user):
    plan = plan_changes(read_changes((HEAD + rows).encode(), "ds.csv"), cascade_units=True)
    return plan, operations.apply(plan, user, title="Sắp xếp khu dân cư")


def week(code: str, area) -> Decimal:
    return engine.query("ho_tham", code, area=area, as_of=DATE)[0].value


def test_residential_kinds_are_read_by_their_names():
    assert [parse_area_kind(k) for k in ("thôn", "Bản", "tổ dân phố", "Tổ  dân phố", "xã")] == [
        "thon", "ban", "to_dan_pho", "to_dan_pho", "xa"]


def test_two_villages_merge_with_their_working_groups(world):
    plan, _ = apply_csv("C-01,C-12,02/03/2026,sáp nhập,,Hợp Nhất (mẫu),thôn,\n"
                        "C-02,C-12,02/03/2026,sáp nhập,,Hợp Nhất (mẫu),thôn,\n", world["user"])
    merged = Area.objects.get(code="C-12")
    assert (merged.kind, merged.level, merged.parent, merged.valid_from) == ("thon", 4, world["C"], DATE)
    group = Unit.objects.get(area=merged)
    assert (group.code, group.name, group.level, group.parent.code) == (
        "mttq-C-12", "Ban Công tác Mặt trận thôn Hợp Nhất (mẫu)", 4, "mttq-C")
    assert sorted(Unit.objects.valid_on(DATE).filter(level=4).values_list("code", flat=True)) == [
        "mttq-C-03", "mttq-C-04", "mttq-C-12"]
    # summable: the commune's week is unchanged; the merged village answers for its two predecessors
    assert week("2026-W09", "C") == 100
    assert week("2026-W09", merged) == 30


def test_a_hamlet_splits_by_shares_and_a_street_group_is_renamed(world):
    apply_csv("C-03,C-03,02/03/2026,chia tách,40%,số 3 (mẫu),bản,\n"
              "C-03,C-05,02/03/2026,chia tách,60%,số 5 (mẫu),bản,\n"
              "C-04,C-04,02/03/2026,đổi tên,,Tân Tiến (mẫu),tổ dân phố,\n", world["user"])
    now = {u.code: u for u in Unit.objects.valid_on(DATE).filter(level=4).select_related("area")}
    assert sorted(now) == ["mttq-C-01", "mttq-C-02", "mttq-C-03", "mttq-C-04", "mttq-C-05"]
    assert now["mttq-C-05"].name == "Ban Công tác Mặt trận bản số 5 (mẫu)"
    assert now["mttq-C-04"].name == "Ban Công tác Mặt trận tổ dân phố Tân Tiến (mẫu)"
    assert now["mttq-C-04"].area.kind == "to_dan_pho"
    assert week("2026-W09", "C") == 100
    assert week("2026-W09", now["mttq-C-03"].area) == 12 and week("2026-W09", now["mttq-C-05"].area) == 18

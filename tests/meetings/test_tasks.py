"""The task lifecycle across two periods: assigned, reported, carried over, listed for the report."""

import datetime

import pytest
from django.urls import reverse

from giaoban.audit.models import AuditEntry
from giaoban.core.periods import Period
from giaoban.meetings import services
from giaoban.meetings.models import Meeting, Task
from giaoban.textfigures.meetings import parse_meeting

Q3_TEXT = """Giao ban công tác quý III năm 2023
Ngày 10/10/2023, Ban Dân vận Tỉnh ủy chủ trì hội nghị giao ban quý III với MTTQ và các tổ chức chính trị - xã hội tỉnh.
Đồng chí Lường Văn Khánh - Trưởng Ban Dân vận Tỉnh ủy chủ trì hội nghị.
Trong quý III, các tổ chức tổ chức 120 buổi tuyên truyền.
Kết luận hội nghị, đồng chí Lường Văn Khánh đề nghị MTTQ và các tổ chức chính trị - xã hội cần tăng cường giám sát việc thực hiện chính sách an sinh xã hội; đẩy mạnh cuộc vận động ủng hộ Quỹ Vì người nghèo.
Nhiệm vụ quý IV, Hội LHPN tỉnh tập trung tổ chức các hoạt động kỷ niệm ngày Phụ nữ Việt Nam.
"""


@pytest.fixture
def q3_meeting(world):
    parsed = parse_meeting(Q3_TEXT)
    meeting = services.create_meeting_draft(parsed, user=world["users"]["tinh"], source_text=Q3_TEXT, area=world["province"])
    tasks = services.confirm_tasks(meeting, parsed["tasks"], user=world["users"]["tinh"])
    return meeting, tasks


def test_draft_from_parse(world, q3_meeting):
    meeting, tasks = q3_meeting
    assert meeting.period == "2023-Q3"
    assert meeting.date == datetime.date(2023, 10, 10)
    assert meeting.chair_name == "Lường Văn Khánh"
    assert meeting.status == Meeting.Status.CONFIRMED
    assert meeting.candidates == []
    assert sorted(o.code for o in meeting.organizations.all()) == sorted(world["orgs"])
    assert [t.due_period for t in tasks] == ["2023-Q4"] * 3


def test_all_means_every_current_province_unit(world, q3_meeting):
    _, tasks = q3_meeting
    everyone, _, women_only = tasks
    assigned = set(everyone.units.all())
    expected = {world["units"][c] for c in world["orgs"]}
    assert assigned == expected  # not the district unit, not the closed one
    assert set(women_only.units.all()) == {world["units"]["phunu"]}
    assert [o.code for o in women_only.organizations.all()] == ["phunu"]



def test_the_entry_page_shows_the_units_tasks(world, q3_meeting, client):
    # collection's page gets them from meetings through collection.panels (no upward import)
    _, tasks = q3_meeting
    everyone, _, women_only = tasks
    client.force_login(world["users"]["phunu"])
    page = client.get(reverse("collection:entry", args=[world["units"]["phunu"].pk, "2023-Q4"]))
    assert page.status_code == 200
    assert [t.pk for t in page.context["tasks"]] == [t.pk for t in services.tasks_for_unit(world["units"]["phunu"], Period.parse("2023-Q4"))]
    assert women_only in page.context["tasks"] and "Nhiệm vụ hội nghị giao cho đơn vị" in page.content.decode()

def test_visible_to_each_assigned_unit_and_not_to_others(world, q3_meeting):
    _, tasks = q3_meeting
    everyone, _, women_only = tasks
    units = world["units"]
    assert women_only in services.tasks_for_unit(units["phunu"], Period.parse("2023-Q4"))
    # a unit below an assigned one is not assigned
    assert services.tasks_for_unit(units["phunu-tamduong"], Period.parse("2023-Q4")) == []
    assert women_only not in services.tasks_for_unit(units["ccb"], Period.parse("2023-Q4"))
    assert everyone in services.tasks_for_unit(units["ccb"], Period.parse("2023-Q4"))
    # not on the page of the period before
    assert services.tasks_for_unit(units["phunu"], Period.parse("2023-Q3")) == []


def test_lifecycle_across_two_periods(world, q3_meeting):
    _, tasks = q3_meeting
    everyone, fund, women_only = tasks
    tinh, phunu = world["users"]["tinh"], world["users"]["phunu"]
    services.set_status(women_only, Task.Status.DONE, user=phunu, unit=world["units"]["phunu"], note="Đã tổ chức 12 buổi.")
    services.set_status(everyone, Task.Status.IN_PROGRESS, user=tinh, note="Đang giám sát.")
    assert {t.pk for t in services.overdue_tasks("2024-Q1")} == {everyone.pk, fund.pk}
    assert services.overdue_tasks("2023-Q4") == []

    carried = services.carry_over("2023-Q4", user=tinh)
    assert len(carried) == 2
    assert services.carry_over("2023-Q4", user=tinh) == []  # twice does nothing more
    for new in carried:
        old = new.carried_from
        old.refresh_from_db()
        assert old.status == Task.Status.CARRIED
        assert new.due_period == "2024-Q1" and new.text == old.text
        assert set(new.units.all()) == set(old.units.all())
    by_old = {t.carried_from_id: t for t in carried}
    assert by_old[everyone.pk].status == Task.Status.IN_PROGRESS
    assert by_old[fund.pk].status == Task.Status.TODO
    women_only.refresh_from_db()
    assert women_only.status == Task.Status.DONE

    # Next period: the carried tasks are on the units' pages, the done one is not; nothing overdue.
    q1 = services.tasks_for_unit(world["units"]["ccb"], Period.parse("2024-Q1"))
    assert {t.pk for t in q1} == {t.pk for t in carried}
    assert services.tasks_for_unit(world["units"]["phunu"], Period.parse("2024-Q1")) == sorted(carried, key=lambda t: t.pk)
    assert services.overdue_tasks("2024-Q1") == []
    # The consolidated report of Q4 lists the previous meeting's tasks with their status …
    report_q4 = services.previous_meeting_tasks(Period.parse("2023-Q4"), area=world["province"])
    assert [(t.pk, t.status) for t in report_q4] == [
        (everyone.pk, Task.Status.CARRIED), (fund.pk, Task.Status.CARRIED), (women_only.pk, Task.Status.DONE)
    ]
    # … and the one of Q1 2024 the carried tasks.
    assert {t.pk for t in services.previous_meeting_tasks(Period.parse("2024-Q1"))} == {t.pk for t in carried}
    # Every status change is in the audit trail.
    changes = AuditEntry.objects.filter(action="task.status")
    assert changes.count() == 4
    assert changes.filter(object_id=str(women_only.pk), old_value="todo", new_value="done").exists()


def test_unfinished_task_left_open_is_overdue_and_still_listed(world, q3_meeting):
    _, tasks = q3_meeting
    page = services.tasks_for_unit(world["units"]["mttq"], Period.parse("2024-Q1"))
    assert {t.pk for t in page} == {tasks[0].pk, tasks[1].pk}


def test_carried_task_cannot_be_updated(world, q3_meeting):
    _, tasks = q3_meeting
    services.carry_over("2023-Q4")
    tasks[0].refresh_from_db()
    with pytest.raises(services.MeetingError, match="chuyển kỳ sau"):
        services.set_status(tasks[0], Task.Status.DONE)


def test_confirm_rejects_bad_period_and_saves_nothing(world):
    parsed = parse_meeting(Q3_TEXT)
    meeting = services.create_meeting_draft(parsed)
    items = parsed["tasks"][:1] + [{"text": "Tăng cường công tác tuyên truyền.", "orgs": ["phunu"], "due_period": "2023-Q7"}]
    with pytest.raises(services.MeetingError, match="Nhiệm vụ số 2"):
        services.confirm_tasks(meeting, items)
    assert Task.objects.count() == 0
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.DRAFT and meeting.candidates


def test_draft_needs_a_period(world):
    with pytest.raises(services.MeetingError, match="kỳ"):
        services.create_meeting_draft(parse_meeting("Hội nghị bàn về công tác dân vận."))


def test_task_given_to_an_organization_reaches_its_units_in_the_area(world, q3_meeting):
    meeting, _ = q3_meeting
    [task] = services.confirm_tasks(
        meeting, [{"text": "Hội LHPN các cấp vận động hội viên tham gia bảo hiểm xã hội.", "orgs": ["phunu"],
                   "due_period": "2023-Q4", "units": []}]
    )
    assert task in services.tasks_for_unit(world["units"]["phunu-tamduong"], Period.parse("2023-Q4"))
    assert task in services.tasks_for_unit(world["units"]["phunu"], Period.parse("2023-Q4"))
    assert task not in services.tasks_for_unit(world["units"]["nongdan"], Period.parse("2023-Q4"))

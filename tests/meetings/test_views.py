"""Meeting pages with Django's test client: who sees what, upload → confirm → tasks, progress."""

import pytest
from django.urls import reverse

from giaoban.meetings import services
from giaoban.meetings.models import Meeting, Task, TaskProgress
from giaoban.textfigures.meetings import parse_meeting

from .test_tasks import Q3_TEXT


@pytest.fixture
def tasks(world):
    parsed = parse_meeting(Q3_TEXT)
    meeting = services.create_meeting_draft(parsed, source_text=Q3_TEXT, area=world["province"])
    district = {"text": "Hội LHPN huyện Tam Đường tổ chức tọa đàm về bình đẳng giới.", "orgs": ["phunu"],
                "due_period": "2023-Q4", "units": [world["units"]["phunu-tamduong"].pk]}
    return services.confirm_tasks(meeting, parsed["tasks"] + [district])


def login(client, world, name):
    client.force_login(world["users"][name])
    return client


def test_anonymous_goes_to_login(client, db):
    response = client.get(reverse("meetings:list"))
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def test_upload_candidates_confirm(client, world):
    login(client, world, "tinh")
    response = client.post(reverse("meetings:upload"), {"text": Q3_TEXT, "title": "Giao ban quý III"})
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("meetings:confirm", args=[meeting.pk])
    page = client.get(response["Location"])
    content = page.content.decode()
    assert page.status_code == 200
    assert "cần tăng cường giám sát việc thực hiện chính sách an sinh xã hội." in content
    # The person edits the first candidate, drops the second, keeps the third, adds none.
    form = page.context["formset"]
    data = {"c-TOTAL_FORMS": str(form.total_form_count()), "c-INITIAL_FORMS": str(form.initial_form_count()),
            "c-MIN_NUM_FORMS": "0", "c-MAX_NUM_FORMS": "1000"}
    for i, f in enumerate(form.forms):
        init = f.initial
        if not init:
            data.update({f"c-{i}-text": "", f"c-{i}-due_period": "2023-Q4", f"c-{i}-priority": "normal"})
            continue
        data.update({f"c-{i}-text": init["text"], f"c-{i}-due_period": init["due_period"], f"c-{i}-priority": "normal",
                     f"c-{i}-source": init.get("source", "")})
        data[f"c-{i}-orgs"] = init["orgs"]
        if i != 1:
            data[f"c-{i}-keep"] = "on"
    data["c-0-text"] = "MTTQ và các tổ chức chính trị - xã hội giám sát chính sách an sinh xã hội."
    data["c-0-priority"] = "high"
    response = client.post(reverse("meetings:confirm", args=[meeting.pk]), data)
    assert response.status_code == 302
    created = list(Task.objects.order_by("pk"))
    assert [t.text for t in created] == [
        "MTTQ và các tổ chức chính trị - xã hội giám sát chính sách an sinh xã hội.",
        "Hội LHPN tỉnh tập trung tổ chức các hoạt động kỷ niệm ngày Phụ nữ Việt Nam.",
    ]
    assert created[0].priority == "high" and created[0].units.count() == 6
    detail = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Lường Văn Khánh" in detail and "giám sát chính sách an sinh" in detail


def test_confirm_shows_error_for_bad_period(client, world):
    login(client, world, "tinh")
    client.post(reverse("meetings:upload"), {"text": Q3_TEXT})
    meeting = Meeting.objects.get()
    data = {"c-TOTAL_FORMS": "1", "c-INITIAL_FORMS": "0", "c-MIN_NUM_FORMS": "0", "c-MAX_NUM_FORMS": "1000",
            "c-0-keep": "on", "c-0-text": "Tăng cường tuyên truyền.", "c-0-due_period": "quý 9", "c-0-priority": "normal"}
    response = client.post(reverse("meetings:confirm", args=[meeting.pk]), data)
    assert response.status_code == 200
    assert "quý 9" in response.content.decode()
    assert Task.objects.count() == 0


def test_upload_without_period_says_why(client, world):
    login(client, world, "tinh")
    response = client.post(reverse("meetings:upload"), {"text": "Hội nghị bàn công tác dân vận."})
    assert response.status_code == 200
    assert "Không xác định được kỳ" in response.content.decode()
    assert Meeting.objects.count() == 0


@pytest.mark.parametrize("name", ["tamduong", "outsider"])
def test_unit_users_cannot_manage_meetings(client, world, tasks, name):
    login(client, world, name)
    meeting = tasks[0].meeting
    for url in (reverse("meetings:upload"), reverse("meetings:detail", args=[meeting.pk]),
                reverse("meetings:confirm", args=[meeting.pk])):
        assert client.get(url).status_code == 404
    assert client.post(reverse("meetings:upload"), {"text": Q3_TEXT}).status_code == 404
    assert Meeting.objects.count() == 1


def test_unit_user_sees_and_updates_own_tasks_only(client, world, tasks):
    everyone, fund, province_women, women_only = tasks
    login(client, world, "tamduong")
    listing = client.get(reverse("meetings:list")).content.decode()
    assert women_only.text in listing and everyone.text not in listing and province_women.text not in listing
    assert client.get(reverse("meetings:task", args=[everyone.pk])).status_code == 404
    assert client.get(reverse("meetings:task", args=[province_women.pk])).status_code == 404
    assert client.post(reverse("meetings:task", args=[everyone.pk]), {"status": "done"}).status_code == 404
    page = client.get(reverse("meetings:task", args=[women_only.pk]))
    assert page.status_code == 200
    unit = world["units"]["phunu-tamduong"]
    response = client.post(reverse("meetings:task", args=[women_only.pk]),
                           {"unit": unit.pk, "status": "in_progress", "note": "Đã tổ chức 3 buổi mít tinh."})
    assert response.status_code == 302
    women_only.refresh_from_db()
    assert women_only.status == Task.Status.IN_PROGRESS
    progress = TaskProgress.objects.get()
    assert progress.unit == unit and progress.user == world["users"]["tamduong"]
    # A unit outside the user's memberships is refused by the form.
    other = world["units"]["ccb"]
    response = client.post(reverse("meetings:task", args=[women_only.pk]), {"unit": other.pk, "status": "done"})
    assert response.status_code == 200 and TaskProgress.objects.count() == 1


def test_outsider_sees_no_task(client, world, tasks):
    login(client, world, "outsider")
    assert client.get(reverse("meetings:list")).status_code == 200
    for task in tasks:
        assert client.get(reverse("meetings:task", args=[task.pk])).status_code == 404


def test_overdue_listed_for_province(client, world, tasks):
    login(client, world, "tinh")
    content = client.get(reverse("meetings:list")).content.decode()
    assert "Nhiệm vụ quá hạn" in content  # due 2023-Q4, long past
    assert tasks[0].text in content


def test_the_meetings_page_reads_the_user_s_memberships_once(client, world):
    """Each access check read them again (three times a page, the menu a fourth)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world["users"]["tinh"])
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("meetings:list")).status_code == 200
    reads = [q["sql"] for q in ctx.captured_queries if 'FROM "collection_membership"' in q["sql"]]
    assert len(reads) == 1, reads


def test_the_meetings_list_reads_no_organizations_of_the_meetings(client, world, tasks):
    """Its rows show date, title, period and status: the prefetch of every listed meeting's
    organizations was a query (and model objects) a page for nothing."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world["users"]["tinh"])
    with CaptureQueriesContext(connection) as ctx:
        content = client.get(reverse("meetings:list")).content.decode()
    assert reverse("meetings:detail", args=[Meeting.objects.get().pk]) in content  # the manager's list of meetings
    assert not [q["sql"] for q in ctx.captured_queries if "meetings_meeting_organizations" in q["sql"]]

"""The permission matrix for meetings and tasks, generated from the permission table
(giaoban.collection.permissions.TABLE; issue 20, finding 2).

Every (role, unit) pair of a small tree gets a user; for each, what the table says is compared
with what the API and the web form do: creating a meeting (POST /api/meetings), and progress on
each task (POST /api/tasks/{id}/status and the task page's form). Nothing the table does not
grant may be written, and nothing it grants may be refused.
"""

import datetime
import itertools

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from giaoban.api.models import ApiToken
from giaoban.collection import permissions as rights
from giaoban.collection.models import Membership
from giaoban.meetings.models import Meeting, Task, TaskProgress
from giaoban.org.models import Unit

from .tree import build_tree

MEETING_TEXT = ("Giao ban công tác Mặt trận và các đoàn thể quý I năm 2024\n\nSáng ngày 10/4/2024, Ủy ban MTTQ Việt Nam "
                "tỉnh Lai Châu tổ chức hội nghị giao ban đánh giá kết quả công tác quý I năm 2024. Kết luận hội nghị, "
                "đề nghị Hội Liên hiệp Phụ nữ tỉnh tập trung tuyên truyền phòng chống bạo lực gia đình.")
ROLES = [Membership.Role.ENTRY, Membership.Role.APPROVE, Membership.Role.VIEW]
PLACES = ["mttq_p", "phunu_p", "mttq_a1", "phunu_a1"]


def _level(unit) -> str:
    return Unit.Level(unit.level).name.lower()


@pytest.fixture
def world(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    t = build_tree()
    meeting = Meeting.objects.create(period="2024-Q1", area=t.areas["p"], status=Meeting.Status.CONFIRMED,
                                     date=datetime.date(2024, 4, 10))
    tasks = {}
    for key, unit in (("mttq_a1", "mttq_a1"), ("phunu_a1", "phunu_a1")):
        tasks[key] = Task.objects.create(meeting=meeting, text=f"Nhiệm vụ của {unit}", due_period="2024-Q2")
        tasks[key].units.set([t.units[unit]])
    tasks["mttq_org"] = Task.objects.create(meeting=meeting, text="Nhiệm vụ giao Ủy ban MTTQ (không nêu đơn vị)", due_period="2024-Q2")
    tasks["mttq_org"].organizations.set([t.orgs["mttq"]])
    # The units each task is assigned to (a task given to an organization: its units in the area).
    assigned = {"mttq_a1": {"mttq_a1"}, "phunu_a1": {"phunu_a1"}, "mttq_org": {"mttq_p", "mttq_a1", "mttq_a2"}}
    users = {}
    for role, place in itertools.product(ROLES, PLACES):
        user = get_user_model().objects.create_user(f"t_{role}_{place}", password="x")
        Membership.objects.create(user=user, unit=t.units[place], role=role)
        users[role, place] = user
    return t, tasks, assigned, users


def expected_manage(t, role, place) -> bool:
    return role in rights.roles_for(rights.MANAGE_MEETINGS, _level(t.units[place]))


def expected_progress(t, role, place, assigned: set[str]) -> bool:
    unit = t.units[place]
    if place in assigned and role in rights.roles_for(rights.TASK_PROGRESS, _level(unit)):
        return True
    children = {k for k, u in t.units.items() if u.parent_id == unit.pk}
    return bool(children & assigned) and role in rights.roles_for(rights.TASK_PROGRESS_ON_BEHALF, _level(unit))


def test_the_table_names_every_right_checked_here():
    actions = {r.action for r in rights.TABLE}
    assert {rights.MANAGE_MEETINGS, rights.TASK_PROGRESS, rights.TASK_PROGRESS_ON_BEHALF, rights.RESTRUCTURE} <= actions
    assert "manage_meetings" in rights.as_markdown()
    assert rights.roles_for(rights.MANAGE_MEETINGS, "province") == {"approve"}
    assert rights.roles_for(rights.MANAGE_MEETINGS, "commune") == set()


@pytest.mark.parametrize("role, place", list(itertools.product(ROLES, PLACES)))
def test_meetings_are_created_only_by_the_roles_the_table_names(world, client, role, place):
    t, _, _, users = world
    token = ApiToken.issue(users[role, place], "t")[1]
    r = client.post("/api/meetings", data={"text": MEETING_TEXT, "area": "12"}, content_type="application/json",
                    HTTP_AUTHORIZATION=f"Bearer {token}")
    if expected_manage(t, role, place):
        assert r.status_code == 201, (role, place, r.content)
    else:
        assert r.status_code == 403, (role, place, r.status_code)
        assert Meeting.objects.count() == 1


@pytest.mark.parametrize("role, place", list(itertools.product(ROLES, PLACES)))
def test_task_progress_only_as_the_table_says(world, client, role, place):
    t, tasks, assigned, users = world
    user = users[role, place]
    token = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user, 't')[1]}"}
    for key, task in tasks.items():
        allowed = expected_progress(t, role, place, assigned[key])
        detail = client.get(f"/api/tasks/{task.pk}", **token)
        units = detail.json()["units_reporting"] if detail.status_code == 200 else []
        body = {"status": "in_progress", "note": "ghi thử", **({"unit": units[0]} if units else {})}
        before = TaskProgress.objects.filter(task=task).count()
        r = client.post(f"/api/tasks/{task.pk}/status", data=body, content_type="application/json", **token)
        if allowed:
            assert r.status_code == 200, (role, place, key, r.content)
        else:
            assert r.status_code in (403, 404), (role, place, key, r.status_code)
            assert TaskProgress.objects.filter(task=task).count() == before
            # the web form refuses too
            client.force_login(user)
            r = client.post(reverse("meetings:task", args=[task.pk]),
                            {"status": "done", "note": "x", "unit": t.units[place].pk})
            assert r.status_code in (403, 404), (role, place, key, "web", r.status_code)
            assert TaskProgress.objects.filter(task=task).count() == before
            assert Task.objects.get(pk=task.pk).status == Task.Status.TODO

"""A task given to several units is done when every one of them is (issue 19); each progress
note says who wrote it and when, and is never empty."""

import pytest
from django.urls import reverse

from giaoban.meetings import services
from giaoban.meetings.models import Meeting, Task


@pytest.fixture
def shared_task(world):
    meeting = Meeting.objects.create(title="Giao ban quý III", period="2023-Q3", area=world["province"],
                                     status=Meeting.Status.CONFIRMED)
    task = Task.objects.create(meeting=meeting, text="Tuyên truyền phòng chống bạo lực gia đình.", due_period="2023-Q4")
    task.units.set([world["units"]["phunu"], world["units"]["phunu-tamduong"]])
    return task


def test_task_done_only_when_every_assigned_unit_is(world, shared_task):
    province, district = world["units"]["phunu"], world["units"]["phunu-tamduong"]
    services.set_status(shared_task, Task.Status.DONE, user=world["users"]["phunu"], unit=province, note="Xong ở tỉnh.")
    shared_task.refresh_from_db()
    assert shared_task.status == Task.Status.IN_PROGRESS  # one of two units: not done for all
    assert services.unit_statuses(shared_task) == {province.pk: Task.Status.DONE, district.pk: Task.Status.TODO}
    services.set_status(shared_task, Task.Status.DONE, user=world["users"]["tamduong"], unit=district, note="Xong ở huyện.")
    shared_task.refresh_from_db()
    assert shared_task.status == Task.Status.DONE


def test_empty_note_refused(world, shared_task):
    with pytest.raises(services.MeetingError, match="kết quả thực hiện"):
        services.set_status(shared_task, Task.Status.IN_PROGRESS, user=world["users"]["phunu"],
                            unit=world["units"]["phunu"], note="  ")
    assert shared_task.progress.count() == 0


def test_task_page_shows_each_unit_and_who_wrote_each_note(world, shared_task, client):
    user = world["users"]["tamduong"]
    user.first_name, user.last_name = "Lò Thị", "Hoa"
    user.save()
    client.force_login(user)
    url = reverse("meetings:task", args=[shared_task.pk])
    response = client.post(url, {"unit": world["units"]["phunu-tamduong"].pk, "status": "done", "note": ""})
    assert response.status_code == 200 and shared_task.progress.count() == 0  # refused at the field
    client.post(url, {"unit": world["units"]["phunu-tamduong"].pk, "status": "done", "note": "Đã tổ chức 5 buổi."})
    html = client.get(url).content.decode()
    assert "Lò Thị Hoa" in html and "Đã tổ chức 5 buổi." in html
    assert 'id="unit-statuses"' in html
    assert html.count("Chưa thực hiện") >= 1 and "Hội LHPN huyện Tam Đường" in html


def test_task_form_has_no_dashes(world, shared_task, client):
    """Django's '---------' is no choice an officer understands."""
    from django.contrib.auth import get_user_model

    from giaoban.collection.models import Membership

    user = get_user_model().objects.create_user("hai.don.vi", password="mat-khau-dai-12345")
    for key in ("phunu", "phunu-tamduong"):
        Membership.objects.create(user=user, unit=world["units"][key], role=Membership.Role.ENTRY)
    client.force_login(user)
    html = client.get(reverse("meetings:task", args=[shared_task.pk])).content.decode()
    assert "— chọn đơn vị —" in html and "---------" not in html

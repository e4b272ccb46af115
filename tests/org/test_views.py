"""The tree and restructuring pages: who may see them, and the preview → apply → revert path."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from giaoban.collection.models import Membership
from giaoban.org.models import Area, ChangeBatch
from tests.org.factories import make_tree

pytestmark = pytest.mark.django_db
CSV = "mã cũ,mã mới,ngày hiệu lực,loại,tỷ lệ,tên mới,loại địa bàn mới,mã cấp trên mới\nC1,N,2023-01-01,sáp nhập,1,Tân An,xã,\nC2,N,2023-01-01,sáp nhập,1,Tân An,xã,\n"


def user_with(username, grants=(), superuser=False):
    user = get_user_model().objects.create_user(username, is_superuser=superuser, is_staff=superuser)
    for unit, role in grants:
        Membership.objects.create(user=user, unit=unit, role=role)
    return user


@pytest.fixture
def tree():
    return make_tree()


@pytest.fixture
def people(tree):
    top, commune = tree.units["mttq", "P"], tree.units["mttq", "C1"]
    return {
        "admin": user_with("admin", superuser=True),
        "approver": user_with("mttq.tinh", [(top, Membership.Role.APPROVE), (top, Membership.Role.ENTRY)]),
        "viewer": user_with("bandanvan", [(top, Membership.Role.VIEW)]),
        "commune": user_with("mttq.xa", [(commune, Membership.Role.ENTRY), (commune, Membership.Role.APPROVE)]),
    }


@pytest.mark.parametrize("who, tree_status, batches_status", [
    ("admin", 200, 200), ("approver", 200, 200), ("viewer", 200, 403), ("commune", 403, 403)])
def test_permissions(client, people, who, tree_status, batches_status):
    client.force_login(people[who])
    assert client.get(reverse("org:tree")).status_code == tree_status
    assert client.get(reverse("org:batches")).status_code == batches_status
    response = client.post(reverse("org:batches"), {"mode": "upload", "file": SimpleUploadedFile("a.csv", CSV.encode())})
    assert response.status_code == (302 if batches_status == 200 else 403)


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("org:tree"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_tree_as_of_a_date_shows_validity(client, people, tree):
    client.force_login(people["approver"])
    page = client.get(reverse("org:tree"), {"ngay": "2022-06-30"}).content.decode()
    assert "Xã An" in page and "từ 01/01/2020 đến nay" in page and "ngày 30/06/2022" in page
    page = client.get(reverse("org:tree"), {"ngay": "2022-06-30", "to_chuc": "mttq"}).content.decode()
    assert "Ủy ban MTTQ xã An" in page
    assert "Không có địa bàn" in client.get(reverse("org:tree"), {"ngay": "1800-01-01"}).content.decode()


def test_upload_preview_apply_revert(client, people, tree):
    client.force_login(people["approver"])
    response = client.post(reverse("org:batches"), {"mode": "upload", "title": "Sáp nhập An, Bình", "cascade_units": "on",
                                                    "file": SimpleUploadedFile("ds.csv", CSV.encode())})
    batch = ChangeBatch.objects.get()
    assert response["Location"] == reverse("org:batch", args=[batch.pk]) and batch.status == "previewed"
    page = client.get(response["Location"]).content.decode()
    assert "Tạo địa bàn xã Tân An (mã N)" in page and "Áp dụng" in page
    assert not Area.objects.filter(code="N").exists()
    client.post(reverse("org:batch_action", args=[batch.pk, "apply"]))
    assert Area.objects.filter(code="N", valid_from=datetime.date(2023, 1, 1)).exists()
    page = client.get(reverse("org:tree"), {"ngay": "2023-06-30"}).content.decode()
    assert "Xã Tân An" in page and "Xã An" not in page
    client.post(reverse("org:batch_action", args=[batch.pk, "revert"]))
    batch.refresh_from_db()
    assert batch.status == "reverted" and not Area.objects.filter(code="N").exists()
    assert Area.objects.get(code="C1").valid_to is None


def test_upload_errors_are_shown_and_nothing_saved(client, people, tree):
    client.force_login(people["admin"])
    bad = CSV.replace("C2,N", "C9,N")
    page = client.post(reverse("org:batches"), {"mode": "upload", "file": SimpleUploadedFile("ds.csv", bad.encode())}).content.decode()
    assert "Dòng 3, cột &#x27;mã cũ&#x27;: không có địa bàn mã &#x27;C9&#x27;." in page
    assert ChangeBatch.objects.count() == 0


def test_compose_a_split(client, people, tree):
    client.force_login(people["admin"])
    response = client.post(reverse("org:batches"), {
        "mode": "compose", "kind": "split", "effective_date": "2023-01-01", "old_codes": "C3",
        "new_codes": "C3a; C3b", "new_names": "Cường Bắc; Cường Nam", "shares": "0,25; 0,75", "cascade_units": "on"})
    batch = ChangeBatch.objects.get()
    assert response.status_code == 302 and batch.plan["summary"]["areas_created"] == 2
    page = client.post(reverse("org:batches"), {
        "mode": "compose", "kind": "split", "effective_date": "2023-01-01", "old_codes": "C4",
        "new_codes": "C4a; C4b", "new_names": "A; B", "shares": "0,25; 0,5"}).content.decode()
    assert "phải bằng 1" in page

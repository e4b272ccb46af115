"""Restructuring the organizations' units in the web (issue 17): the form composes an operation on
units (dissolve a level, move under another organization, merge, split), the preview lists what
changes (units, reports, values, targets, roles, served areas), apply is one transaction with
its audit entries, the roles of units that continue go with them, revert undoes it all."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from giaoban.audit.models import AuditEntry
from giaoban.collection.models import DataValue, Membership, Report, Target
from giaoban.org.models import ChangeBatch, Indicator, Unit
from tests.org.factories import make_tree

pytestmark = pytest.mark.django_db
REFORM = datetime.date(2025, 7, 1)
DISSOLVE = {"mode": "compose", "target": "unit", "kind": "dissolve", "effective_date": "01/07/2025",
            "old_codes": "phunu-D1; phunu-D2", "title": "Giải thể Hội LHPN cấp huyện"}


@pytest.fixture
def world():
    tree = make_tree(orgs=("mttq", "phunu"))
    User = get_user_model()
    admin = User.objects.create_superuser("admin", password="x")
    clerk = User.objects.create_user("hoi.xa.an", password="x")
    boss = User.objects.create_user("hoi.huyen.mot", password="x")
    phunu_only = User.objects.create_user("hoi.tinh", password="x")
    Membership.objects.create(user=clerk, unit=tree.units["phunu", "C1"], role=Membership.Role.ENTRY)
    Membership.objects.create(user=boss, unit=tree.units["phunu", "D1"], role=Membership.Role.APPROVE)
    Membership.objects.create(user=phunu_only, unit=tree.units["phunu", "P"], role=Membership.Role.APPROVE)
    ind = Indicator.objects.create(code="buoi", name="Buổi tuyên truyền", unit_noun="buổi")
    ind.organizations.set(tree.orgs.values())
    for code, value in (("C1", 4), ("C2", 6)):
        unit = tree.units["phunu", code]
        report = Report.objects.create(unit=unit, period="2025-Q2", status=Report.Status.APPROVED)
        DataValue.objects.create(report=report, unit=unit, indicator=ind, period="2025-Q2", value=Decimal(value))
    Report.objects.create(unit=tree.units["phunu", "C1"], period="2025-Q3")  # begun before the change: after its end
    Target.objects.create(unit=tree.units["phunu", "D1"], indicator=ind, year=2025, value=Decimal(40))
    return tree, admin, clerk, phunu_only


def test_dissolving_a_level_preview_apply_roles_audit_revert(client, world):
    tree, admin, clerk, _ = world
    client.force_login(admin)
    response = client.post(reverse("org:batches"), DISSOLVE)
    batch = ChangeBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("org:batch", args=[batch.pk])
    assert Unit.objects.valid_on(REFORM).count() == 14  # the preview saved nothing
    page = client.get(response["Location"]).content.decode()
    assert "Giải thể Hội LHPN huyện Một (phunu-D1) từ 01/07/2025; 2 đơn vị trực thuộc chuyển về Hội LHPN tỉnh Thử Nghiệm" in page
    assert "Hội LHPN huyện Một (mã phunu-D1): giữ 1 chỉ tiêu năm" in page
    assert "hoi.huyen.mot (duyệt) ở lại với đơn vị giải thể" in page
    assert "Hội LHPN xã An (mã phunu-C1): giữ 2 báo cáo, 1 số liệu" in page
    assert "có báo cáo của kỳ sau ngày đơn vị kết thúc (2025-Q3)" in page
    assert "phân quyền của hoi.xa.an (nhập liệu) chuyển sang Hội LHPN xã An (mới, mã phunu-C1)" in page

    client.post(reverse("org:batch_action", args=[batch.pk, "apply"]))
    batch.refresh_from_db()
    assert batch.status == ChangeBatch.Status.APPLIED
    phunu = Unit.objects.valid_on(REFORM).filter(organization=tree.orgs["phunu"])
    assert sorted((u.code, u.parent.code if u.parent else None) for u in phunu) == [
        ("phunu-C1", "phunu-P"), ("phunu-C2", "phunu-P"), ("phunu-C3", "phunu-P"), ("phunu-C4", "phunu-P"), ("phunu-P", None)]
    new_c1 = phunu.get(code="phunu-C1")
    assert Membership.objects.filter(user=clerk, unit=new_c1, role=Membership.Role.ENTRY).exists()
    assert Membership.objects.filter(user=clerk, unit=tree.units["phunu", "C1"]).exists()  # the old row keeps it
    assert Report.objects.filter(unit=tree.units["phunu", "C1"]).count() == 2  # history stays
    assert AuditEntry.objects.filter(action="org.carry_roles", object_id=str(batch.pk)).exists()
    assert AuditEntry.objects.filter(action="org.apply", object_id=str(batch.pk)).exists()
    page = client.get(reverse("org:batch", args=[batch.pk])).content.decode()
    assert "Hoàn tác" in page and "disabled" not in page.split("Hoàn tác")[0].rsplit("<form", 1)[1]

    client.post(reverse("org:batch_action", args=[batch.pk, "revert"]))
    batch.refresh_from_db()
    assert batch.status == ChangeBatch.Status.REVERTED
    assert not Unit.objects.filter(valid_from=REFORM).exists()
    assert Unit.objects.get(code="phunu-D1").valid_to is None
    assert list(Membership.objects.filter(user=clerk).values_list("unit__code", flat=True)) == ["phunu-C1"]


def test_revert_is_refused_once_a_report_uses_a_new_unit(client, world):
    tree, admin, clerk, _ = world
    client.force_login(admin)
    client.post(reverse("org:batches"), DISSOLVE)
    batch = ChangeBatch.objects.get()
    client.post(reverse("org:batch_action", args=[batch.pk, "apply"]))
    Report.objects.create(unit=Unit.objects.get(code="phunu-C2", valid_from=REFORM), period="2025-Q3")
    page = client.post(reverse("org:batch_action", args=[batch.pk, "revert"]), follow=True).content.decode()
    assert "Đã có 1 báo cáo gắn với đơn vị mới của đợt này." in page
    batch.refresh_from_db()
    assert batch.status == ChangeBatch.Status.APPLIED


def test_a_unit_moves_under_another_organization_only_for_who_holds_both(client, world):
    tree, admin, _, phunu_only = world
    move = {"mode": "compose", "target": "unit", "kind": "move", "effective_date": "2025-07-01", "old_codes": "phunu-D2",
            "new_parent": "mttq-P", "title": "Chuyển"}
    client.force_login(phunu_only)
    page = client.post(reverse("org:batches"), move).content.decode()
    assert "Bạn không giữ quyền sắp xếp đơn vị của: MTTQ" in page and not ChangeBatch.objects.exists()
    client.force_login(admin)
    client.post(reverse("org:batches"), move)
    batch = ChangeBatch.objects.get()
    assert "sang tổ chức khác" in client.get(reverse("org:batch", args=[batch.pk])).content.decode()
    client.post(reverse("org:batch_action", args=[batch.pk, "apply"]))
    moved = Unit.objects.valid_on(REFORM).filter(code__in=["phunu-D2", "phunu-C3", "phunu-C4"])
    assert {u.organization.code for u in moved} == {"mttq"}


def test_two_commune_units_merge_into_one_serving_both(client, world):
    tree, admin, _, _ = world
    client.force_login(admin)
    client.post(reverse("org:batches"), {
        "mode": "compose", "target": "unit", "kind": "merge", "effective_date": "2025-07-01",
        "old_codes": "phunu-C3; phunu-C4", "new_codes": "phunu-C34", "new_names": "Hội LHPN liên xã Cường – Đông"})
    batch = ChangeBatch.objects.get()
    page = client.get(reverse("org:batch", args=[batch.pk])).content.decode()
    assert "phục vụ xã Cường, phường Đông" in page
    client.post(reverse("org:batch_action", args=[batch.pk, "apply"]))
    merged = Unit.objects.get(code="phunu-C34")
    assert merged.area == tree.areas["D2"] and merged.parent == tree.units["phunu", "D2"]
    assert sorted(a.code for a in merged.served_areas.all()) == ["C3", "C4"]


def test_a_split_names_the_areas_each_part_serves(client, world):
    tree, admin, _, _ = world
    client.force_login(admin)
    response = client.post(reverse("org:batches"), {
        "mode": "compose", "target": "unit", "kind": "split", "effective_date": "2025-07-01", "old_codes": "phunu-C1",
        "new_codes": "phunu-C1a; phunu-C1b", "new_names": "Hội LHPN An Thượng; Hội LHPN An Hạ", "shares": "0,4; 0,6",
        "served": "C1; C2"})
    assert response.status_code == 302, response.content.decode()[:2000]
    batch = ChangeBatch.objects.get()
    page = client.get(reverse("org:batch", args=[batch.pk])).content.decode()
    assert "không tự chuyển khi chia tách" in page
    client.post(reverse("org:batch_action", args=[batch.pk, "apply"]))
    assert Unit.objects.get(code="phunu-C1b").area == tree.areas["C2"]


@pytest.mark.parametrize("post, message", [
    ({"old_codes": "phunu-X9"}, "Mã cũ: không có đơn vị mã &#x27;phunu-X9&#x27;."),
    ({"old_codes": "phunu-P"}, "không có cấp trên"),
    ({"effective_date": "31/02/2025"}, "&#x27;31/02/2025&#x27; không phải ngày"),
    ({"kind": "move"}, "Mã cấp trên mới: cần mã đơn vị cấp trên để chuyển về."),
    ({"kind": "split", "old_codes": "phunu-C1", "new_codes": "a; b", "new_names": "A"}, "Tên mới: cần 2 tên"),
    ({"target": "area"}, "Giải thể một cấp chỉ dùng cho đơn vị"),
])
def test_bad_input_is_named_and_nothing_is_saved(client, world, post, message):
    client.force_login(world[1])
    response = client.post(reverse("org:batches"), {**DISSOLVE, **post})
    assert response.status_code == 200 and message in response.content.decode()
    assert not ChangeBatch.objects.exists()


def test_a_whole_level_of_one_organization_is_dissolved_without_listing_codes(client, world):
    tree, admin, clerk, _ = world
    client.force_login(admin)
    page = client.post(reverse("org:batches"), {**DISSOLVE, "old_codes": "", "level_org": "phunu", "level": "4"}).content.decode()
    assert "Giải thể một cấp: không có đơn vị cơ sở nào của tổ chức &#x27;phunu&#x27; có hiệu lực ngày 30/06/2025." in page
    client.post(reverse("org:batches"), {**DISSOLVE, "old_codes": "", "level_org": "phunu", "level": "2"})
    batch = ChangeBatch.objects.get()
    client.post(reverse("org:batch_action", args=[batch.pk, "apply"]))
    phunu = Unit.objects.valid_on(REFORM).filter(organization=tree.orgs["phunu"])
    assert sorted((u.code, u.parent.code if u.parent else None) for u in phunu) == [
        ("phunu-C1", "phunu-P"), ("phunu-C2", "phunu-P"), ("phunu-C3", "phunu-P"), ("phunu-C4", "phunu-P"), ("phunu-P", None)]
    assert Unit.objects.valid_on(REFORM).filter(organization=tree.orgs["mttq"], level=2).count() == 2  # the other one's stay

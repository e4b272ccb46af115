"""The whole lifecycle through the pages, with the people who do it: the commune enters and
sends, the province approves or returns, the viewers only look. Plus deadlines, completeness,
reminders and attachments."""

import datetime
import json
from decimal import Decimal
from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from giaoban.audit.models import AuditEntry
from giaoban.collection import workflow as wf
from giaoban.collection.models import Attachment, DataValue, Deadline, Reminder, Report

from .conftest import PERIOD

ENTRY_FORM = {
    "v-tuyen_truyen_buoi": "12",
    "v-tuyen_truyen_luot_nguoi": "29.774",
    "q-tuyen_truyen_luot_nguoi": "approx",
    "v-ket_nap_moi": "15",
    "v-tong_hoi_vien": "1.250",
    "v-co_so_vung_manh": "82,5",
    "v-du_no_uy_thac": "3.000.000.000",
    "v-no_qua_han": "1,5",
    "c-no_qua_han": "Nợ của 1 hộ",
    "highlights": "Ra mắt 2 mô hình mới.",
}


def url(name, unit, *extra):
    return reverse(f"collection:{name}", args=[unit.pk, PERIOD, *extra])


def test_lifecycle_through_the_pages(tree, client):
    a = tree.units["phunu-a"]
    # the commune's data-entry person opens an empty form
    client.force_login(tree.users["entry_a"])
    page = client.get(url("entry", a))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Tuyên truyền, giáo dục" in text and "Buổi tuyên truyền" in text and "Chỉ tiêu năm: 40" in text
    assert "Lưu và gửi báo cáo" in text and "Duyệt</button>" not in text
    # Vietnamese number input
    response = client.post(url("entry", a), {**ENTRY_FORM, "version": "1", "action": "save"})
    assert response.status_code == 302
    report = Report.objects.get(unit=a, period=PERIOD)
    values = dict(DataValue.objects.filter(report=report).values_list("indicator__code", "value"))
    assert values["tuyen_truyen_luot_nguoi"] == Decimal(29774)
    assert values["du_no_uy_thac"] == Decimal(3_000_000_000)
    assert values["co_so_vung_manh"] == Decimal("82.5")
    assert DataValue.objects.get(report=report, indicator__code="tuyen_truyen_luot_nguoi").qualifier == "approx"
    page = client.get(url("entry", a)).content.decode()
    assert 'value="29.774"' in page and 'value="3.000.000.000"' in page and 'value="82,5"' in page
    assert "Đạt: 30,0%" in page  # 12 of the year's 40
    # a malformed number saves nothing and names the field
    response = client.post(url("entry", a), {"version": str(report.version), "v-tuyen_truyen_buoi": "1.2.3", "v-ket_nap_moi": "16"})
    assert response.status_code == 400 and "Buổi tuyên truyền: Không đọc được số" in response.content.decode()
    assert DataValue.objects.get(report=report, indicator__code="ket_nap_moi").value == 15
    # send
    report.refresh_from_db()
    response = client.post(url("entry", a), {"version": str(report.version), "action": "submit"}, follow=True)
    assert "Đã gửi báo cáo lên cấp trên." in response.content.decode()
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED
    # the province sees it waiting, returns it with a reason
    client.force_login(tree.users["approver"])
    assert "Hội LHPN xã A" in client.get(reverse("collection:approvals")).content.decode()
    page = client.get(url("entry", a)).content.decode()
    assert "Duyệt</button>" in page and "Lưu và gửi báo cáo" not in page
    client.post(url("return", a), {"reason": "Thiếu số liệu tổ vay vốn", "version": str(report.version)})
    report.refresh_from_db()
    assert report.status == Report.Status.RETURNED
    # the commune sees why, corrects and sends again
    client.force_login(tree.users["entry_a"])
    assert "Thiếu số liệu tổ vay vốn" in client.get(reverse("collection:my_reports")).content.decode()
    client.post(url("entry", a), {"version": str(report.version), "v-ket_nap_moi": "14", "action": "submit"})
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED
    # a viewer cannot approve; the approver approves, then reopens with a reason
    client.force_login(tree.users["province_viewer"])
    assert client.post(url("approve", a)).status_code == 403
    client.force_login(tree.users["approver"])
    client.post(url("approve", a), {"version": str(report.version)})
    report.refresh_from_db()
    assert report.status == Report.Status.APPROVED and report.approved_by == tree.users["approver"]
    response = client.post(url("reopen", a), {"reason": ""}, follow=True)
    assert "Hãy ghi lý do mở lại báo cáo." in response.content.decode()
    client.post(url("reopen", a), {"reason": "Sửa số hội viên"})
    report.refresh_from_db()
    assert report.status == Report.Status.RETURNED
    # the history page of a value
    client.force_login(tree.users["viewer_a"])
    history = client.get(url("history", a, "ket_nap_moi")).content.decode()
    assert "Nhập mới" in history and "Sửa" in history and "phunu.a" in history
    assert list(AuditEntry.objects.filter(object_id=str(report.pk), field="status").values_list("action", flat=True).order_by("id")) == [
        "report.create", "submit", "return", "submit", "approve", "reopen"]


def test_autosave_conflict_between_two_people(tree, client):
    a = tree.units["phunu-a"]
    second = make_second_entry_user(tree)
    client.force_login(tree.users["entry_a"])
    first = client.post(url("autosave", a), {"version": "1", "v-tuyen_truyen_buoi": "10"})
    assert first.status_code == 200 and first.json()["version"] == 2
    from django.test import Client

    other = Client()
    other.force_login(second)
    # the second person loaded the page at version 1 too
    clash = other.post(url("autosave", a), {"version": "1", "v-tuyen_truyen_buoi": "99"})
    assert clash.status_code == 409 and "người khác sửa" in clash.json()["message"]
    assert clash.json()["conflicts"][0]["mine"] == "99" and clash.json()["conflicts"][0]["theirs"] == "10"
    form = other.post(url("entry", a), {"version": "1", "v-tuyen_truyen_buoi": "98"})
    assert form.status_code == 409 and "người khác sửa" in form.content.decode()
    assert DataValue.objects.get(unit=a, indicator__code="tuyen_truyen_buoi").value == 10
    # after reloading (version 2) the second person saves
    assert other.post(url("autosave", a), {"version": "2", "v-tuyen_truyen_buoi": "11"}).status_code == 200
    bad = client.post(url("autosave", a), {"version": "3", "v-tuyen_truyen_buoi": "abc"})
    assert bad.status_code == 400 and "tuyen_truyen_buoi" in bad.json()["errors"]


def make_second_entry_user(tree):
    from giaoban.collection.models import Membership

    from .conftest import make_user

    return make_user("phunu.a.2", (tree.units["phunu-a"], Membership.Role.ENTRY))


def test_attachments_checked_by_content_and_soft_deleted(tree, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.GIAOBAN_MAX_UPLOAD_BYTES = 2000
    a = tree.units["phunu-a"]
    client.force_login(tree.users["entry_a"])
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    r = client.post(url("attachment_upload", a), {"file": SimpleUploadedFile("bao cao quý 3.pdf", pdf)}, follow=True)
    assert "Đã đính kèm «bao cao quý 3.pdf»" in r.content.decode()
    # an executable named .pdf, and a file over the limit
    r = client.post(url("attachment_upload", a), {"file": SimpleUploadedFile("virus.pdf", b"MZ\x90\x00" + b"\x00" * 100)}, follow=True)
    assert "nhận biết theo nội dung" in r.content.decode()
    r = client.post(url("attachment_upload", a), {"file": SimpleUploadedFile("to.pdf", pdf + b"x" * 3000)}, follow=True)
    assert "quá lớn" in r.content.decode()
    att = Attachment.objects.get()
    assert Attachment.objects.count() == 1 and att.file.name.startswith("collection/") and "quý" not in att.file.name
    download = client.get(url("attachment_download", a, att.pk))
    assert download.status_code == 200 and b"".join(download.streaming_content) == pdf
    assert "attachment" in download["Content-Disposition"]
    client.post(url("attachment_remove", a, att.pk))
    att.refresh_from_db()
    assert att.deleted_at is not None and att.file.storage.exists(att.file.name)
    assert client.get(url("attachment_download", a, att.pk)).status_code == 404


def test_completeness_deadlines_and_reminders(tree, client):
    a = tree.units["phunu-a"]
    # A sends on time; B is missing; the province sends late (deadline moved earlier by the admin)
    report_a = wf.get_or_create_report(a, PERIOD, tree.users["entry_a"])
    wf.submit(report_a, tree.users["entry_a"])
    wf.approve(report_a, tree.users["approver"], expected_version=report_a.version)
    top = wf.get_or_create_report(tree.units["phunu-tinh"], PERIOD, tree.users["approver"])
    wf.submit(top, tree.users["approver"])
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Deadline.objects.create(period=PERIOD, organization=tree.orgs["phunu"], due_date=yesterday)
    Report.objects.filter(pk=report_a.pk).update(submitted_at=timezone.now() - datetime.timedelta(days=3))
    client.force_login(tree.users["approver"])
    response = client.get(reverse("collection:completeness"), {"period": PERIOD, "format": "json"})
    data = response.json()
    assert data["total"] == {"key": "all", "label": "Tổng cộng", "expected": 3, "on_time": 1, "late": 1, "missing": 1,
                             "approved": 1, "sent_pct": 66.7, "approved_pct": 33.3}
    page = client.get(reverse("collection:completeness"), {"period": PERIOD}).content.decode()
    assert "Quá hạn, chưa gửi" in page and "Gửi muộn" in page and "Đã duyệt" in page and "Xã A" in page
    # the Front sees both organizations
    client.force_login(tree.users["mttq_province"])
    data = client.get(reverse("collection:completeness"), {"period": PERIOD, "format": "json"}).json()
    assert {o["key"]: o["expected"] for o in data["by_org"]} == {"mttq": 3, "phunu": 3}
    # reminders for the missing units' data-entry people, once a day
    out = StringIO()
    call_command("remind", "--period", PERIOD, "--dry-run", "--format", "json", stdout=out)
    dry = json.loads(out.getvalue())
    assert {r["user"] for r in dry["reminders"]} == {"phunu.b", "mttq.tinh", "mttq.a"} and not Reminder.objects.exists()
    call_command("remind", "--period", PERIOD, stdout=StringIO())
    call_command("remind", "--period", PERIOD, stdout=StringIO())
    assert Reminder.objects.filter(user=tree.users["entry_b"]).count() == 1
    client.force_login(tree.users["entry_b"])
    page = client.get(reverse("collection:my_reports")).content.decode()
    assert "Hội LHPN xã B chưa gửi báo cáo Quý III/2025" in page


def test_reminders_are_written_in_one_statement(tree):
    """Several people to remind: one INSERT, not one per person (a province's deadline day reminds
    hundreds of communes at once)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        call_command("remind", "--period", PERIOD, stdout=StringIO())
    inserts = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith("INSERT") and "collection_reminder" in q["sql"]]
    assert Reminder.objects.count() > 1 and len(inserts) == 1


def test_remind_sends_email_when_smtp_is_configured(tree, settings, mailoutbox=None):
    from django.core import mail

    settings.EMAIL_HOST = "smtp.example.invalid"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    tree.users["entry_b"].email = "phunu.b@example.org"
    tree.users["entry_b"].save()
    call_command("remind", "--period", PERIOD, "--unit", "phunu-tinh", stdout=StringIO())
    assert [m.to for m in mail.outbox] == [["phunu.b@example.org"]]
    assert Reminder.objects.get(user=tree.users["entry_b"]).emailed

"""Permission matrix: every page and form post of data collection × every role × a unit in and
out of scope. Out of scope answers 404 (or 403 for a unit the user may see but not change) and
never shows data; a unit or period swapped into the URL or a hidden field changes nothing."""

from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from giaoban.collection import workflow as wf
from giaoban.collection.models import Attachment, DataValue, Report

from .conftest import PERIOD

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# What each user may do with the reports of 'Hội LHPN xã A' (phunu-a): view, enter, approve.
EXPECTED = {
    "entry_a": (True, True, False),
    "entry_b": (False, False, False),
    "viewer_a": (True, False, False),
    "approver": (True, False, True),
    "province_viewer": (True, False, False),
    "mttq_province": (True, False, False),  # the Front oversees every organization in its area
    "mttq_entry_a": (False, False, False),
    "outsider": (False, False, False),
    "admin": (True, True, True),
}


def attach(report, user, name="bao-cao.pdf"):
    a = Attachment(report=report, original_name=name, content_type="application/pdf", size=len(PDF), uploaded_by=user)
    a.file.save("tep", ContentFile(PDF), save=True)
    return a


@pytest.fixture
def reports(tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    out = {}
    for key, user in (("phunu-a", "entry_a"), ("phunu-b", "entry_b")):
        report = wf.get_or_create_report(tree.units[key], PERIOD, tree.users[user])
        wf.save_values(report, tree.users[user], {"tuyen_truyen_buoi": {"value": Decimal(4321)}}, expected_version=1,
                       narrative={"highlights": f"Điểm sáng bí mật {key}"})
        out[key] = (report, attach(report, tree.users[user], f"goc-{key}.pdf"))
    return out


def endpoints(unit, period, attachment_pk):
    """(name, method, url, data, needs): needs is 'view', 'enter' or 'approve'."""
    a = [unit.pk, period]
    return [
        ("entry", "get", reverse("collection:entry", args=a), None, "view"),
        ("check", "get", reverse("collection:check", args=a) + "?v-tuyen_truyen_buoi=5", None, "view"),
        ("history", "get", reverse("collection:history", args=a + ["tuyen_truyen_buoi"]), None, "view"),
        ("attachment_download", "get", reverse("collection:attachment_download", args=a + [attachment_pk]), None, "view"),
        ("excel_download", "get", reverse("collection:excel_download", args=a), None, "view"),
        ("children_excel_download", "get", reverse("collection:children_excel_download", args=a), None, "view"),
        ("entry_post", "post", reverse("collection:entry", args=a), {"version": "2", "v-tuyen_truyen_buoi": "5"}, "enter"),
        ("autosave", "post", reverse("collection:autosave", args=a), {"version": "2", "v-tuyen_truyen_buoi": "6"}, "enter"),
        ("submit", "post", reverse("collection:submit", args=a), {}, "enter"),
        ("attachment_upload", "post", reverse("collection:attachment_upload", args=a), {"file": ("x.pdf", PDF)}, "enter"),
        ("attachment_remove", "post", reverse("collection:attachment_remove", args=a + [attachment_pk]), {}, "enter"),
        ("excel_upload", "post", reverse("collection:excel_upload", args=a), {"file": ("x.xlsx", b"PK\x03\x04")}, "enter"),
        ("approve", "post", reverse("collection:approve", args=a), {}, "approve"),
        ("return", "post", reverse("collection:return", args=a), {"reason": "sai"}, "approve"),
        ("reopen", "post", reverse("collection:reopen", args=a), {"reason": "sai"}, "approve"),
        ("lock", "post", reverse("collection:lock", args=a), {}, "approve"),
    ]


def call(client, method, url, data):
    if method == "get":
        return client.get(url)
    if data and "file" in data:
        from django.core.files.uploadedfile import SimpleUploadedFile

        name, content = data["file"]
        data = {**data, "file": SimpleUploadedFile(name, content)}
    return client.post(url, data or {})


@pytest.mark.parametrize("role", list(EXPECTED))
def test_matrix_for_unit_a(role, tree, reports, client):
    can_view, can_enter, can_approve = EXPECTED[role]
    user = tree.users[role]
    client.force_login(user)
    report, attachment = reports["phunu-a"]
    allowed = {"view": can_view, "enter": can_enter, "approve": can_approve}
    for name, method, url, data, needs in endpoints(tree.units["phunu-a"], PERIOD, attachment.pk):
        response = call(client, method, url, data)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if allowed[needs]:
            assert response.status_code not in (403, 404) and response.status_code < 500, (role, name, response.status_code)
        else:
            expected = 404 if not can_view else 403
            assert response.status_code == expected, (role, name, response.status_code)
            assert "bí mật".encode() not in body and b"4.321" not in body and PDF not in body, (role, name)
    # nothing changed by anybody who may not enter
    if not can_enter:
        assert DataValue.objects.get(report=report, indicator__code="tuyen_truyen_buoi").value == Decimal(4321)


def test_anonymous_is_sent_to_login_everywhere(tree, reports, client):
    report, attachment = reports["phunu-a"]
    urls = [(m, u, d) for _, m, u, d, _ in endpoints(tree.units["phunu-a"], PERIOD, attachment.pk)]
    urls += [("get", reverse(n), None) for n in ("collection:my_reports", "collection:approvals", "collection:completeness")]
    for method, url, data in urls:
        response = call(client, method, url, data)
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"], url


def test_swapped_unit_period_and_hidden_fields_change_nothing(tree, reports, client):
    client.force_login(tree.users["entry_a"])
    report_a, att_a = reports["phunu-a"]
    report_b, att_b = reports["phunu-b"]
    a, b = tree.units["phunu-a"], tree.units["phunu-b"]
    # unit B in the URL: not visible to A's data-entry person
    r = client.post(reverse("collection:entry", args=[b.pk, PERIOD]), {"version": "2", "v-tuyen_truyen_buoi": "1"})
    assert r.status_code == 404
    # a cumulative or malformed period in the URL
    for bad in ("2025", "2025-H1", "abc", "2025-Q9"):
        assert client.get(reverse("collection:entry", args=[a.pk, bad])).status_code == 404
    # B's attachment through A's URL
    assert client.get(reverse("collection:attachment_download", args=[a.pk, PERIOD, att_b.pk])).status_code == 404
    # an indicator of another organization's form in the history URL
    assert client.get(reverse("collection:history", args=[a.pk, PERIOD, "khong_co"])).status_code == 404
    # hidden fields naming B's unit, report and period are ignored: A's own report is saved
    r = client.post(reverse("collection:entry", args=[a.pk, PERIOD]), {
        "version": "2", "v-tuyen_truyen_buoi": "7", "unit": b.pk, "unit_id": b.pk, "report": report_b.pk,
        "period": "2025-Q2", "_period": "2025-Q2"})
    assert r.status_code == 302
    assert DataValue.objects.get(report=report_a, indicator__code="tuyen_truyen_buoi").value == 7
    assert DataValue.objects.get(report=report_b, indicator__code="tuyen_truyen_buoi").value == 4321
    assert not Report.objects.filter(period="2025-Q2").exists()
    # an indicator of B's... or of another organization posted as a field is refused or ignored
    client.force_login(tree.users["mttq_entry_a"])
    wf.get_or_create_report(tree.units["mttq-a"], PERIOD, tree.users["mttq_entry_a"])
    r = client.post(reverse("collection:entry", args=[tree.units["mttq-a"].pk, PERIOD]), {"version": "1", "v-ket_nap_moi": "5"})
    assert not DataValue.objects.filter(unit=tree.units["mttq-a"], indicator__code="ket_nap_moi").exists()


@pytest.mark.parametrize("role", list(EXPECTED))
def test_lists_show_only_units_in_scope(role, tree, reports, client):
    can_view = EXPECTED[role][0]
    client.force_login(tree.users[role])
    wf.submit(reports["phunu-a"][0], tree.users["entry_a"])
    for name in ("collection:my_reports", "collection:approvals", "collection:completeness"):
        response = client.get(reverse(name))
        assert response.status_code == 200, (role, name)
        assert ("Hội LHPN xã A".encode() in response.content) <= can_view, (role, name)
    scoped = client.get(reverse("collection:completeness"), {"unit": tree.units["phunu-a"].pk, "period": PERIOD})
    assert scoped.status_code == (200 if can_view else 404)
    approvals = client.get(reverse("collection:approvals")).content
    assert ("Hội LHPN xã A".encode() in approvals) == EXPECTED[role][2]

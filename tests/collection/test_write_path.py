"""One rule for every way values reach a report (issue 20, finding 1).

Only a draft or a returned report takes values, whatever the way in: the form, the autosave,
the Excel upload, the API (one report or many), DHIS2 dataValueSets in JSON and CSV, and the
extraction review. The blocking validation rules run on every write, not only when the report
is sent: a draft never holds −500 members or 5.000 %. Approval and return carry the version the
approver saw and are refused when the report changed since. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.urls import reverse

from giaoban.api.models import ApiToken
from giaoban.collection import workflow as wf
from giaoban.collection.models import DataValue, Report
from giaoban.intake import service as extraction

from .conftest import PERIOD, login
from .test_excel import download, fill_one, to_bytes, upload

S = Report.Status


def _report(tree, status=S.DRAFT, values=None, unit="phunu-a") -> Report:
    unit = tree.units[unit]
    report = Report.objects.create(unit=unit, period=PERIOD, status=status)
    for code, value in (values or {}).items():
        DataValue.objects.create(report=report, unit=unit, indicator=tree.indicators[code], period=PERIOD, value=Decimal(value))
    return report


def _stored(report) -> dict[str, Decimal]:
    return dict(DataValue.objects.filter(report=report).values_list("indicator__code", "value"))


def _api(client, user, method, path, body=None, content_type="application/json"):
    token = ApiToken.issue(user, "test")[1]
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return getattr(client, method)(path, data=data, content_type=content_type, HTTP_AUTHORIZATION=f"Bearer {token}")


def _entry_url(tree, name="entry", unit="phunu-a"):
    return reverse(f"collection:{name}", args=[tree.units[unit].pk, PERIOD])


# ---------------------------------------------------------------------------- submitted reports take no values


def test_api_datavalues_cannot_write_into_a_submitted_report(tree, client):
    report = _report(tree, S.SUBMITTED, {"tuyen_truyen_buoi": "12"})
    r = _api(client, tree.users["entry_a"], "post", "/api/datavalues",
             {"values": [{"unit": "phunu-a", "indicator": "tuyen_truyen_buoi", "period": PERIOD, "value": "99"}]})
    assert r.status_code == 409, r.content
    assert "trả lại" in r.json()["message"]
    assert _stored(report) == {"tuyen_truyen_buoi": Decimal(12)}
    report.refresh_from_db()
    assert report.version == 1


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_datavaluesets_cannot_write_into_a_submitted_report(tree, client, fmt):
    report = _report(tree, S.SUBMITTED, {"tuyen_truyen_buoi": "12"})
    if fmt == "json":
        body, ctype = json.dumps({"dataValues": [
            {"dataElement": "tuyen_truyen_buoi", "period": "2025Q3", "orgUnit": "phunu-a", "value": "99"}]}), "application/json"
    else:
        body, ctype = "dataelement,period,orgunit,value\ntuyen_truyen_buoi,2025Q3,phunu-a,99\n", "text/csv"
    r = _api(client, tree.users["entry_a"], "post", "/api/dataValueSets", body, ctype)
    assert r.status_code == 409, r.content
    assert r.json()["status"] == "ERROR"
    assert _stored(report) == {"tuyen_truyen_buoi": Decimal(12)}


def test_the_form_autosave_excel_api_and_extraction_refuse_a_submitted_report(tree, client):
    report = _report(tree, S.SUBMITTED, {"tuyen_truyen_buoi": "12"})
    entry = tree.users["entry_a"]
    login(client, entry)
    post = {"version": str(report.version), "v-tuyen_truyen_buoi": "99"}
    assert client.post(_entry_url(tree), post).status_code == 400
    assert client.post(_entry_url(tree, "autosave"), post).status_code == 400
    r = _api(client, entry, "put", f"/api/reports/{report.pk}/values", {"version": report.version, "values": {"tuyen_truyen_buoi": 99}})
    assert r.status_code == 400
    session = extraction.create_session(entry, tree.units["phunu-a"], PERIOD, "bao-cao.txt",
                                        "Trong quý III, Hội tổ chức 99 buổi tuyên truyền.".encode(), extraction.TEXT)
    extraction.run_extraction(session)
    items = [dict(item, accept=True, indicator="tuyen_truyen_buoi") for item in extraction.decisions(session)[:1]]
    with pytest.raises(wf.WorkflowError):
        extraction.accept(session, entry, items, PERIOD, report.version)
    assert _stored(report) == {"tuyen_truyen_buoi": Decimal(12)}


def test_excel_upload_refuses_a_submitted_report(tree, client):
    login(client, tree.users["entry_a"])
    report = _report(tree, S.DRAFT, {"tuyen_truyen_buoi": "12"})
    wb = download(client, "excel_download", tree.units["phunu-a"])
    Report.objects.filter(pk=report.pk).update(status=S.SUBMITTED)
    r = upload(client, "excel_upload", tree.units["phunu-a"], to_bytes(fill_one(wb, {"tuyen_truyen_buoi": 99})))
    assert r.status_code == 400
    assert _stored(report) == {"tuyen_truyen_buoi": Decimal(12)}


def test_a_returned_report_takes_values_again_through_the_api(tree, client):
    report = _report(tree, S.RETURNED, {"tuyen_truyen_buoi": "12"})
    r = _api(client, tree.users["entry_a"], "post", "/api/datavalues",
             {"values": [{"unit": "phunu-a", "indicator": "tuyen_truyen_buoi", "period": PERIOD, "value": "13"}]})
    assert r.status_code == 200, r.content
    assert _stored(report) == {"tuyen_truyen_buoi": Decimal(13)}


# ---------------------------------------------------------------------------- the rules run on every write


NEGATIVE_MEMBERS = {"tong_hoi_vien": "-500"}
PERCENT_5000 = {"co_so_vung_manh": "5000"}
MORE_NEW_THAN_ALL = {"ket_nap_moi": "300"}  # the draft holds tong_hoi_vien = 200


@pytest.mark.parametrize("bad", [NEGATIVE_MEMBERS, PERCENT_5000, MORE_NEW_THAN_ALL], ids=["negative", "percent", "relation"])
def test_every_way_in_runs_the_blocking_rules(tree, client, bad):
    report = _report(tree, S.DRAFT, {"tong_hoi_vien": "200"})
    entry = tree.users["entry_a"]
    (code, value), = bad.items()
    before = _stored(report)

    login(client, entry)
    form = {"version": str(report.version), f"v-{code}": value.replace("-", "-")}
    r = client.post(_entry_url(tree), form)
    assert r.status_code == 400, "form"
    r = client.post(_entry_url(tree, "autosave"), form)
    assert r.status_code == 400 and not r.json()["ok"], "autosave"

    wb = download(client, "excel_download", tree.units["phunu-a"])
    r = upload(client, "excel_upload", tree.units["phunu-a"], to_bytes(fill_one(wb, {code: int(value)})))
    assert r.status_code == 400, "excel"

    r = _api(client, entry, "put", f"/api/reports/{report.pk}/values", {"version": report.version, "values": {code: value}})
    assert r.status_code == 400, "api put"
    assert r.json()["details"], r.content

    r = _api(client, entry, "post", "/api/datavalues", {"values": [{"unit": "phunu-a", "indicator": code, "period": PERIOD, "value": value}]})
    assert r.status_code == 400, ("api datavalues", r.content)
    r = _api(client, entry, "post", "/api/datavalues",
             {"dry_run": True, "values": [{"unit": "phunu-a", "indicator": code, "period": PERIOD, "value": value}]})
    assert r.status_code == 400, ("api datavalues dry run", r.content)

    dvs = {"dataValues": [{"dataElement": code, "period": "2025Q3", "orgUnit": "phunu-a", "value": value}]}
    r = _api(client, entry, "post", "/api/dataValueSets", dvs)
    assert r.status_code == 409 and r.json()["status"] == "ERROR", ("dvs json", r.content)
    r = _api(client, entry, "post", "/api/dataValueSets", f"dataelement,period,orgunit,value\n{code},2025Q3,phunu-a,{value}\n",
             "text/csv")
    assert r.status_code == 409, "dvs csv"

    assert _stored(report) == before
    report.refresh_from_db()
    assert report.version == 1


def test_bulk_relation_rule_sees_values_written_in_the_same_batch(tree, client):
    r = _api(client, tree.users["entry_a"], "post", "/api/datavalues", {"values": [
        {"unit": "phunu-a", "indicator": "tong_hoi_vien", "period": PERIOD, "value": "100"},
        {"unit": "phunu-a", "indicator": "ket_nap_moi", "period": PERIOD, "value": "150"},
    ]})
    assert r.status_code == 400
    assert "ket_nap_moi" in r.json()["details"][0]["object"]
    r = _api(client, tree.users["entry_a"], "post", "/api/datavalues", {"values": [
        {"unit": "phunu-a", "indicator": "tong_hoi_vien", "period": PERIOD, "value": "200"},
        {"unit": "phunu-a", "indicator": "ket_nap_moi", "period": PERIOD, "value": "150"},
    ]})
    assert r.status_code == 200, r.content


def test_extraction_accept_runs_the_blocking_rules(tree):
    report = _report(tree, S.DRAFT, {"tong_hoi_vien": "200"})
    entry = tree.users["entry_a"]
    session = extraction.create_session(entry, tree.units["phunu-a"], PERIOD, "bao-cao.txt",
                                        "Trong quý III, Hội kết nạp mới 300 hội viên.".encode(), extraction.TEXT)
    extraction.run_extraction(session)
    items = extraction.decisions(session)
    index = next(i for i, f in enumerate(session.figures) if "300" in f["text"])
    items = [dict(item, accept=(i == index), indicator="ket_nap_moi") for i, item in enumerate(items)]
    with pytest.raises(wf.WorkflowError, match="không được lớn hơn"):
        extraction.accept(session, entry, items, PERIOD, report.version)
    assert _stored(report) == {"tong_hoi_vien": Decimal(200)}


def test_a_value_that_keeps_an_old_error_elsewhere_is_still_saved(tree):
    """A write is judged on what it touches: an old error in another field does not lock the form."""
    report = _report(tree, S.DRAFT, {"co_so_vung_manh": "150"})  # from before the rule existed
    wf.save_values(report, tree.users["entry_a"], {"tuyen_truyen_buoi": {"value": Decimal(3)}}, expected_version=report.version)
    assert _stored(report)["tuyen_truyen_buoi"] == 3


# ---------------------------------------------------------------------------- approval carries the version seen


def test_approval_of_a_report_that_changed_since_it_was_read_is_refused(tree, client):
    report = _report(tree, S.SUBMITTED, {"tuyen_truyen_buoi": "12"})
    seen = report.version
    Report.objects.filter(pk=report.pk).update(version=seen + 1)  # someone changed it meanwhile
    approver = tree.users["approver"]
    with pytest.raises(wf.ConflictError):
        wf.approve(report, approver, expected_version=seen)
    with pytest.raises(wf.ConflictError):
        wf.return_report(report, approver, "Chưa khớp", expected_version=seen)
    report.refresh_from_db()
    assert report.status == S.SUBMITTED
    wf.approve(report, approver, expected_version=seen + 1)
    assert report.status == S.APPROVED


def test_the_approve_form_sends_the_version_shown(tree, client):
    report = _report(tree, S.SUBMITTED, {"tuyen_truyen_buoi": "12"})
    login(client, tree.users["approver"])
    page = client.get(_entry_url(tree)).content.decode()
    approve_form = page[page.index(reverse("collection:approve", args=[tree.units["phunu-a"].pk, PERIOD])):]
    approve_form = approve_form[:approve_form.index("</form>")]
    assert f'name="version" value="{report.version}"' in approve_form
    # The page was read at this version; then the figures changed: the approval is refused.
    Report.objects.filter(pk=report.pk).update(version=report.version + 1)
    client.post(reverse("collection:approve", args=[tree.units["phunu-a"].pk, PERIOD]), {"version": str(report.version)})
    report.refresh_from_db()
    assert report.status == S.SUBMITTED
    client.post(reverse("collection:approve", args=[tree.units["phunu-a"].pk, PERIOD]), {"version": str(report.version)})
    report.refresh_from_db()
    assert report.status == S.APPROVED


def test_api_approve_and_return_carry_the_version(tree, client):
    report = _report(tree, S.SUBMITTED, {"tuyen_truyen_buoi": "12"})
    approver = tree.users["approver"]
    assert _api(client, approver, "post", f"/api/reports/{report.pk}/approve", {}).status_code == 422
    r = _api(client, approver, "post", f"/api/reports/{report.pk}/approve", {"version": report.version - 1})
    assert r.status_code == 409
    r = _api(client, approver, "post", f"/api/reports/{report.pk}/return", {"reason": "Chưa khớp", "version": 0})
    assert r.status_code == 409
    report.refresh_from_db()
    assert report.status == S.SUBMITTED
    r = _api(client, approver, "post", f"/api/reports/{report.pk}/approve", {"version": report.version})
    assert r.status_code == 200 and r.json()["status"] == "approved"


# ---------------------------------------------------------------------------- attachments follow the same rule


@pytest.mark.parametrize("status", [S.SUBMITTED, S.APPROVED, S.LOCKED])
def test_a_sent_or_approved_report_takes_no_attachment(tree, client, status):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .test_permissions import PDF

    report = _report(tree, status, {"tuyen_truyen_buoi": "12"})
    login(client, tree.users["entry_a"])
    client.post(_entry_url(tree, "attachment_upload"), {"file": SimpleUploadedFile("bao-cao.pdf", PDF)})
    assert not report.attachments.exists()
    Report.objects.filter(pk=report.pk).update(status=S.RETURNED)
    client.post(_entry_url(tree, "attachment_upload"), {"file": SimpleUploadedFile("bao-cao.pdf", PDF)})
    assert report.attachments.count() == 1

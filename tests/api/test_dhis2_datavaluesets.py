"""dataValueSets as DHIS2 2.41 answers DHIS2 clients (ApiToken, Basic): the WebMessage envelope,
atomicMode NONE (valid rows saved, conflicts listed: WARNING), importStrategy, id schemes, exact
periods and unions on export, CSV in DHIS2's column order with and without a header, XML; the
documentation's examples round trip; giaoban's own clients (Bearer) keep all-or-nothing."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.test import Client

from giaoban.dhis2.models import Dhis2Mapping
from giaoban.collection.models import DataValue, Report
from giaoban.jobs.worker import run_pending
from tests.api.conftest import auth, snapshot

FIXTURES = Path(__file__).parent.parent / "fixtures" / "dhis2"


@pytest.fixture
def dhis2(world):
    """A client as DHIS2 clients come: `Authorization: ApiToken …`."""
    client = Client()
    headers = {"HTTP_AUTHORIZATION": f"ApiToken {world.tokens[world.admin.username]}"}

    class C:
        def get(self, url, user=None, **params):
            h = headers if user is None else {"HTTP_AUTHORIZATION": f"ApiToken {world.tokens[user.username]}"}
            return client.get(url, params, **h)

        def post(self, url, body, content_type="application/json", user=None):
            h = headers if user is None else {"HTTP_AUTHORIZATION": f"ApiToken {world.tokens[user.username]}"}
            data = json.dumps(body) if isinstance(body, (dict, list)) else body
            return client.post(url, data=data, content_type=content_type, **h)
    return C()


def value(unit, indicator, period):
    dv = DataValue.objects.filter(unit__code=unit, indicator__code=indicator, period=period).first()
    return None if dv is None else dv.value


def test_import_answers_with_the_web_message_envelope(dhis2, world):
    u = world.units["phunu", "03388"]
    payload = {"period": "2023Q4", "orgUnit": u.uid, "dataValues": [
        {"dataElement": world.sessions.uid, "value": "5"}, {"dataElement": world.attendees.uid, "value": "50"}]}
    r = dhis2.post("/api/dataValueSets?dryRun=true", payload)
    body = r.json()
    assert r.status_code == 200 and body["httpStatusCode"] == 200 and body["status"] == "OK", body
    assert body["response"]["importCount"] == {"imported": 2, "updated": 0, "ignored": 0, "deleted": 0}
    assert body["response"]["responseType"] == "ImportSummary" and body["response"]["importOptions"]["dryRun"] is True
    assert value("phunu-03388", "tuyen_truyen_buoi", "2023-Q4") is None
    r = dhis2.post("/api/41/dataValueSets.json", payload)
    assert r.json()["status"] == "OK" and value("phunu-03388", "tuyen_truyen_buoi", "2023-Q4") == 5


def test_one_bad_row_is_a_warning_and_the_rest_is_saved(dhis2, world):
    payload = {"period": "2023Q4", "orgUnit": "phunu-03388", "dataValues": [
        {"dataElement": "tuyen_truyen_buoi", "value": "5"},
        {"dataElement": "khong_co", "value": "1"},
        {"dataElement": "tuyen_truyen_luot", "value": "nhiều"},
        {"dataElement": "du_no", "value": "100"}]}
    r = dhis2.post("/api/dataValueSets", payload)
    body = r.json()
    assert r.status_code == 409 and body["httpStatus"] == "Conflict" and body["status"] == "WARNING", body
    assert body["message"] == "One more conflicts encountered, please check import summary."
    response = body["response"]
    assert response["status"] == "WARNING" and response["importCount"]["imported"] == 2
    assert response["importCount"]["ignored"] == 2 and response["rejectedIndexes"] == [1, 2]
    assert {c["object"] for c in response["conflicts"]} == {"khong_co", "nhiều"}
    assert value("phunu-03388", "tuyen_truyen_buoi", "2023-Q4") == 5 and value("phunu-03388", "du_no", "2023-Q4") == 100
    assert value("phunu-03388", "tuyen_truyen_luot", "2023-Q4") is None


def test_atomic_mode_all_and_bearer_clients_refuse_everything(dhis2, world):
    payload = {"period": "2023Q4", "orgUnit": "phunu-03388", "dataValues": [
        {"dataElement": "tuyen_truyen_buoi", "value": "5"}, {"dataElement": "khong_co", "value": "1"}]}
    r = dhis2.post("/api/dataValueSets?atomicMode=ALL", payload)
    assert r.status_code == 409 and r.json()["status"] == "ERROR" and r.json()["response"]["importCount"]["imported"] == 0
    bearer = Client().post("/api/dataValueSets", json.dumps(payload), content_type="application/json", **auth(world, world.admin))
    assert bearer.status_code == 409 and bearer.json()["status"] == "ERROR"  # giaoban's own answer, unchanged
    assert not DataValue.objects.filter(period="2023-Q4").exists()
    bearer = Client().post("/api/dataValueSets?atomicMode=NONE", json.dumps(payload), content_type="application/json",
                           **auth(world, world.admin))
    assert bearer.json()["status"] == "WARNING" and value("phunu-03388", "tuyen_truyen_buoi", "2023-Q4") == 5


def test_approved_reports_are_never_touched(dhis2, world):
    Report.objects.filter(pk=world.reports["phunu", "03388", "2023-Q3"].pk).update(status=Report.Status.APPROVED)
    payload = {"dataValues": [
        {"dataElement": "tuyen_truyen_buoi", "orgUnit": "phunu-03388", "period": "2023Q3", "value": "99"},
        {"dataElement": "tuyen_truyen_luot", "orgUnit": "phunu-03388", "period": "2023Q3", "value": "99"},
        {"dataElement": "tuyen_truyen_buoi", "orgUnit": "phunu-03466", "period": "2023Q3", "value": "8"}]}
    body = dhis2.post("/api/dataValueSets", payload).json()
    assert body["status"] == "WARNING" and body["response"]["rejectedIndexes"] == [0, 1]
    assert "đã duyệt" in body["response"]["conflicts"][0]["value"]
    assert value("phunu-03388", "tuyen_truyen_buoi", "2023-Q3") == 12 and value("phunu-03466", "tuyen_truyen_buoi", "2023-Q3") == 8
    for strategy in ("DELETE", "UPDATE"):
        body = dhis2.post(f"/api/dataValueSets?importStrategy={strategy}", {"dataValues": payload["dataValues"][:1]}).json()
        assert body["status"] == "WARNING", body
    assert value("phunu-03388", "tuyen_truyen_buoi", "2023-Q3") == 12


def test_import_strategies(dhis2, world):
    existing = {"dataElement": "tuyen_truyen_buoi", "orgUnit": "phunu-03388", "period": "2023Q3", "value": "13"}
    new = {"dataElement": "tuyen_truyen_buoi", "orgUnit": "phunu-03388", "period": "2023Q4", "value": "4"}
    body = dhis2.post("/api/dataValueSets?importStrategy=CREATE", {"dataValues": [existing, new]}).json()
    assert body["response"]["importCount"] == {"imported": 1, "updated": 0, "ignored": 1, "deleted": 0}
    assert value("phunu-03388", "tuyen_truyen_buoi", "2023-Q3") == 12
    body = dhis2.post("/api/dataValueSets?importStrategy=UPDATE", {"dataValues": [existing, {**new, "period": "2024Q1"}]}).json()
    assert body["response"]["importCount"] == {"imported": 0, "updated": 1, "ignored": 1, "deleted": 0}
    assert value("phunu-03388", "tuyen_truyen_buoi", "2023-Q3") == 13 and value("phunu-03388", "tuyen_truyen_buoi", "2024-Q1") is None
    body = dhis2.post("/api/dataValueSets?importStrategy=DELETE", {"dataValues": [existing, {**new, "period": "2024Q1"}]}).json()
    assert body["status"] == "OK" and body["response"]["importCount"] == {"imported": 0, "updated": 0, "ignored": 1, "deleted": 1}
    assert value("phunu-03388", "tuyen_truyen_buoi", "2023-Q3") is None
    r = dhis2.post("/api/dataValueSets?importStrategy=MERGE", {"dataValues": [new]})
    assert r.status_code == 409 and r.json()["status"] == "ERROR" and "importStrategy" in r.json()["response"]["conflicts"][0]["value"]


def test_id_schemes(dhis2, world):
    rows = lambda de, ou: {"period": "2023Q4", "dataValues": [{"dataElement": de, "orgUnit": ou, "value": "3"}]}  # noqa: E731
    unit = world.units["phunu", "03466"]
    assert dhis2.post("/api/dataValueSets?idScheme=NAME", rows("Số buổi tuyên truyền", unit.name)).json()["status"] == "OK"
    assert dhis2.post("/api/dataValueSets?dataElementIdScheme=CODE&orgUnitIdScheme=UID",
                      rows("tuyen_truyen_luot", unit.uid)).json()["status"] == "OK"
    body = dhis2.post("/api/dataValueSets?idScheme=UID", rows("tuyen_truyen_luot", unit.uid)).json()
    assert body["status"] == "WARNING" and body["response"]["conflicts"][0]["object"] == "tuyen_truyen_luot"
    exported = dhis2.get("/api/dataValueSets", period="2023Q4", orgUnit=unit.uid, idScheme="CODE").json()["dataValues"]
    assert {(v["dataElement"], v["orgUnit"]) for v in exported} == {("tuyen_truyen_buoi", "phunu-03466"),
                                                                   ("tuyen_truyen_luot", "phunu-03466")}


def test_export_exact_periods_unions_data_sets_and_default_combos(dhis2, world):
    a, b = world.units["phunu", "03388"], world.units["mttq", "03388"]
    r = dhis2.get("/api/dataValueSets", period="2023Q3", orgUnit=a.uid)
    values = r.json()["dataValues"]
    assert {v["period"] for v in values} == {"2023Q3"}  # DHIS2 matches the period exactly: no July
    assert {v["orgUnit"] for v in values} == {a.uid} and {v["dataElement"] for v in values} >= {world.sessions.uid}
    assert all(v["categoryOptionCombo"] == "HllvX50cXC0" and v["attributeOptionCombo"] == "HllvX50cXC0" for v in values)
    assert [v for v in values if v["dataElement"] == world.loans.uid][0]["comment"] == "ghi chú, có dấu phẩy"
    assert all("comment" not in v for v in values if v["dataElement"] != world.loans.uid)
    union = dhis2.get(f"/api/dataValueSets?period=2023Q3&period=202307&orgUnit={a.uid}&orgUnit={b.uid}").json()["dataValues"]
    assert {(v["orgUnit"], v["period"]) for v in union} == {(a.uid, "2023Q3"), (a.uid, "202307"), (b.uid, "2023Q3")}
    assert dhis2.get("/api/dataValueSets", period="2023", orgUnit=a.uid).json()["dataValues"] == []
    ranged = dhis2.get("/api/dataValueSets", startDate="2023-07-01", endDate="2023-09-30", orgUnit=a.uid).json()["dataValues"]
    assert {v["period"] for v in ranged} == {"2023Q3", "202307"}
    top = world.units["phunu", "12"]
    children = dhis2.get("/api/dataValueSets", period="2023Q3", orgUnit=top.uid, children="true").json()["dataValues"]
    assert {v["orgUnit"] for v in children} == {a.uid, world.units["phunu", "03466"].uid}
    datasets = dhis2.get("/api/dataSets", fields="id,code", paging="false").json()["dataSets"]
    mttq_set = next(d["id"] for d in datasets if d["code"] == "mttq")
    by_set = dhis2.get("/api/dataValueSets", dataSet=mttq_set, period="2023Q3", orgUnit=world.units["mttq", "12"].uid,
                       children="true").json()
    assert by_set["dataSet"] == mttq_set and {v["orgUnit"] for v in by_set["dataValues"]} == {b.uid, world.units["mttq", "12"].uid}
    assert dhis2.get("/api/dataValueSets", period="2023Q3", orgUnit="AAAAAAAAAAA").status_code == 404


def test_csv_in_dhis2_column_order_with_and_without_header(dhis2, world):
    a = world.units["phunu", "03388"]
    text = dhis2.get("/api/dataValueSets.csv", period="2023Q3", orgUnit=a.uid).content.decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["dataElement", "period", "orgUnit", "categoryOptionCombo", "attributeOptionCombo", "value", "storedBy",
                       "lastUpdated", "comment", "followup", "deleted"]
    loans = next(r for r in rows if r[0] == world.loans.uid)
    assert loans[5] == "1500000000" and loans[8] == "ghi chú, có dấu phẩy"  # position 8 is DHIS2's comment column
    bare = dhis2.get("/api/dataValueSets.csv", period="2023Q3", orgUnit=a.uid, includeHeader="false").content.decode()
    assert bare.splitlines() == text.splitlines()[1:]
    # A header-less file: DHIS2 takes its first row for a header (firstRowIsHeader defaults to true)
    lines = [f"{world.sessions.uid},2023Q4,{a.uid},,,{n},admin,,," for n in (1, 2)]
    lines[1] = lines[1].replace(world.sessions.uid, world.attendees.uid)
    body = dhis2.post("/api/dataValueSets", "\n".join(lines) + "\n", content_type="application/csv").json()
    assert body["response"]["importCount"]["imported"] == 1 and value(a.code, "tuyen_truyen_buoi", "2023-Q4") is None
    body = dhis2.post("/api/dataValueSets?firstRowIsHeader=false", "\n".join(lines) + "\n", content_type="text/csv").json()
    assert body["response"]["importCount"]["imported"] == 1 and value(a.code, "tuyen_truyen_buoi", "2023-Q4") == 1
    # an export read back as it is, header and all
    DataValue.objects.filter(period="2023-Q3", unit=a).delete()
    body = dhis2.post("/api/dataValueSets", text, content_type="application/csv").json()
    assert body["response"]["importCount"]["imported"] == 4, body


def test_xml_both_ways_and_hostile_xml_refused(dhis2, world):
    a = world.units["phunu", "03388"]
    xml = dhis2.get("/api/dataValueSets.xml", period="2023Q3", orgUnit=a.uid).content.decode()
    assert xml.startswith("<?xml") and 'xmlns="http://dhis2.org/schema/dxf/2.0"' in xml and "ghi chú, có dấu phẩy" in xml
    before = snapshot()
    DataValue.objects.filter(period="2023-Q3", unit=a).delete()
    body = dhis2.post("/api/dataValueSets", xml, content_type="application/xml").json()
    assert body["status"] == "OK" and body["response"]["importCount"]["imported"] == 4, body
    assert snapshot() == before
    bomb = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            '<dataValueSet><dataValue dataElement="&b;" value="1"/></dataValueSet>')
    r = dhis2.post("/api/dataValueSets", bomb, content_type="application/xml")
    assert r.status_code == 409 and r.json()["status"] == "ERROR" and "XML" in r.json()["response"]["conflicts"][0]["value"]


@pytest.mark.parametrize("name, content_type, period", [("datavalueset.json", "application/json", "2014-01"),
                                                         ("datavalueset.csv", "application/csv", "2014-02"),
                                                         ("datavalueset.xml", "application/xml", "2014-03")])
def test_documentation_examples_round_trip(dhis2, world, name, content_type, period):
    for code, ident in (("tuyen_truyen_buoi", "f7n9E0hX8qk"), ("tuyen_truyen_luot", "Ix2HsbDMLea"), ("du_no", "eY5ehpbEsB7")):
        Dhis2Mapping.objects.create(kind="indicator", code=code, dhis2_id=ident)
    Dhis2Mapping.objects.create(kind="unit", code="phunu-03466", dhis2_id="DiszpKrYNg8")
    source = (FIXTURES / name).read_text(encoding="utf-8")
    body = dhis2.post("/api/dataValueSets", source, content_type=content_type).json()
    assert body["status"] == "OK" and body["response"]["importCount"]["imported"] == 3, body
    dhis2_period = period.replace("-", "")
    for fmt in ("json", "csv", "xml"):
        exported = dhis2.get(f"/api/dataValueSets.{fmt}", period=dhis2_period, orgUnit="DiszpKrYNg8").content.decode()
        DataValue.objects.filter(period=period).delete()
        again = dhis2.post("/api/dataValueSets", exported, content_type=f"application/{fmt}").json()
        assert again["response"]["importCount"]["imported"] == 3, (fmt, again)
    stored = {(v.indicator.code, v.unit.code, int(v.value), v.comment)
              for v in DataValue.objects.filter(period=period).select_related("indicator", "unit")}
    original = {"2014-01": {("tuyen_truyen_buoi", 12, ""), ("tuyen_truyen_luot", 14, ""), ("du_no", 16, "Dư nợ cuối tháng")},
                "2014-02": {("tuyen_truyen_buoi", 21, ""), ("tuyen_truyen_luot", 2300, "ghi chú, có dấu phẩy"),
                            ("du_no", 1500000000, "")},
                "2014-03": {("tuyen_truyen_buoi", 31, ""), ("tuyen_truyen_luot", 3200, ""),
                            ("du_no", 1750000000, "Số cuối quý & ghi chú")}}[period]
    assert stored == {(c, "phunu-03466", v, m) for c, v, m in original}


@pytest.mark.django_db(transaction=True)  # the worker loop checks its connection as a worker process does
def test_async_import_runs_on_the_job_queue(dhis2, world):
    payload = {"period": "2023Q4", "orgUnit": "phunu-03388", "dataValues": [
        {"dataElement": "tuyen_truyen_buoi", "value": "5"}, {"dataElement": "khong_co", "value": "1"}]}
    body = dhis2.post("/api/dataValueSets?async=true", payload, user=world.entry).json()
    assert body["status"] == "OK" and body["response"]["jobType"] == "DATAVALUE_IMPORT"
    task = body["response"]["relativeNotifierEndpoint"]
    assert value("phunu-03388", "tuyen_truyen_buoi", "2023-Q4") is None  # queued, not run yet
    assert dhis2.get(task, user=world.entry).json()[0]["completed"] is False
    run_pending()
    notes = dhis2.get(task, user=world.entry).json()
    assert notes[0]["completed"] is True and notes[0]["level"] == "INFO"
    summary = dhis2.get(task.replace("/tasks/", "/taskSummaries/"), user=world.entry).json()
    assert summary["status"] == "WARNING" and summary["importCount"]["imported"] == 1
    assert value("phunu-03388", "tuyen_truyen_buoi", "2023-Q4") == 5
    assert dhis2.get(task, user=world.viewer).status_code == 404  # another user's job

"""The JSON API: authentication, the error shape, and the permission rules on every endpoint
(role × in/out of scope, swapped ids in the URL and in the body)."""

import json

import pytest
from django.test import Client

from giaoban.collection.models import DataValue, Report
from tests.api.conftest import auth


def get(client, world, user, url, **params):
    return client.get(url, params, **(auth(world, user) if user else {}))


def post(client, world, user, url, body=None, content_type="application/json", **extra):
    data = json.dumps(body) if content_type == "application/json" and body is not None else body
    return client.post(url, data=data, content_type=content_type, **(auth(world, user) if user else {}), **extra)


def assert_error(response, status):
    assert response.status_code == status, response.content
    body = response.json()
    # a 401 also carries DHIS2's WebMessage fields (the caller is unknown: DHIS2 clients read them)
    assert set(body) - {"httpStatus", "httpStatusCode", "status"} == {"code", "message", "details"} and body["message"]
    return body


@pytest.fixture
def client():
    return Client()


def test_schema_and_docs_are_served_without_a_cdn(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/dataValueSets" in schema["paths"] and "/api/reports/{report_id}/approve" in schema["paths"]
    docs = client.get("/api/docs").content.decode()
    assert "swagger-ui-bundle.js" in docs and "cdn" not in docs.lower() and "//unpkg" not in docs


def test_anonymous_and_bad_tokens_get_401_in_vietnamese(client, world):
    for headers in ({}, {"HTTP_AUTHORIZATION": "Bearer gb_sai"}):
        body = assert_error(client.get("/api/units", **headers), 401)
        assert body["code"] == "unauthenticated" and "đăng nhập" in body["message"]


def test_session_writes_need_csrf(world):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.entry)
    assert browser.get("/api/units").status_code == 200
    r = browser.post("/api/reports", data=json.dumps({"unit": "phunu-03388", "period": "2023-Q4"}), content_type="application/json")
    assert_error(r, 403)
    assert not Report.objects.filter(period="2023-Q4").exists()


def test_units_and_values_only_in_scope(client, world):
    codes = {u["code"] for u in get(client, world, world.viewer, "/api/units").json()}
    assert codes == {"phunu-03466"}
    values = get(client, world, world.viewer, "/api/datavalues", period="2023-Q3").json()
    assert {v["unit"] for v in values} == {"phunu-03466"}
    # naming an out-of-scope unit: 404, never its data
    assert_error(get(client, world, world.viewer, "/api/datavalues", unit="phunu-03388"), 404)
    assert_error(get(client, world, world.outsider, "/api/reports", unit="phunu-03388"), 404)
    everything = get(client, world, world.admin, "/api/datavalues", period="2023Q3").json()
    assert len(everything) == 10  # the quarter and its months


def test_metadata_endpoints(client, world):
    assert {o["code"] for o in get(client, world, world.viewer, "/api/organizations").json()} == {"mttq", "phunu"}
    areas = get(client, world, world.viewer, "/api/areas", as_of="2019-06-01", level=3).json()
    assert {a["code"] for a in areas} == {"03388", "03466", "03400"}
    assert "03400" not in {a["code"] for a in get(client, world, world.viewer, "/api/areas", as_of="2023-06-01").json()}
    assert len(get(client, world, world.viewer, "/api/indicators", organization="phunu").json()) == 4
    q = get(client, world, world.viewer, "/api/periods/2023S1").json()
    assert (q["code"], q["dhis2"], q["label_vi"]) == ("2023-H1", "2023S1", "6 tháng đầu năm 2023")
    assert len(get(client, world, world.viewer, "/api/periods", year=2023).json()) == 20
    assert_error(get(client, world, world.viewer, "/api/periods/2023-Q7"), 400)


def test_report_read_by_id_is_scoped(client, world):
    mine = world.reports["phunu", "03388", "2023-Q3"]
    other = world.reports["mttq", "03388", "2023-Q3"]
    r = get(client, world, world.entry, f"/api/reports/{mine.pk}")
    assert r.status_code == 200 and {v["indicator"] for v in r.json()["values"]} >= {"tuyen_truyen_buoi", "du_no"}
    assert_error(get(client, world, world.entry, f"/api/reports/{other.pk}"), 404)  # swapped id
    assert_error(get(client, world, world.viewer, f"/api/reports/{mine.pk}"), 404)
    assert get(client, world, world.approver, f"/api/reports/{mine.pk}").status_code == 200


def test_report_lifecycle_through_the_api(client, world):
    r = post(client, world, world.entry, "/api/reports", {"unit": "phunu-03388", "period": "2023Q4"})
    assert r.status_code == 200, r.content
    report = r.json()
    assert report["status"] == "draft" and report["period"] == "2023-Q4"
    r = client.put(f"/api/reports/{report['id']}/values", data=json.dumps(
        {"version": report["version"], "values": {"tuyen_truyen_buoi": 5, "tuyen_truyen_luot": "600"},
         "narrative": {"highlights": "Tổ chức 5 buổi."}}), content_type="application/json", **auth(world, world.entry))
    assert r.status_code == 200, r.content
    stale = client.put(f"/api/reports/{report['id']}/values", data=json.dumps({"version": report["version"], "values": {"tuyen_truyen_buoi": 6}}),
                       content_type="application/json", **auth(world, world.entry))
    assert assert_error(stale, 409)["code"] == "conflict"
    # others may not submit, approve or return it
    for user, action in [(world.outsider, "submit"), (world.viewer, "submit"), (world.entry, "approve")]:
        assert post(client, world, user, f"/api/reports/{report['id']}/{action}", {"version": report["version"]}).status_code in (403, 404)
    r = post(client, world, world.entry, f"/api/reports/{report['id']}/submit")
    assert r.status_code in (200, 400), r.content
    if r.status_code == 200:
        assert r.json()["status"] == "submitted"
        version = r.json()["version"]
        assert_error(post(client, world, world.entry, f"/api/reports/{report['id']}/approve", {"version": version}), 403)
        r = post(client, world, world.approver, f"/api/reports/{report['id']}/return", {"reason": "", "version": version})
        assert r.status_code in (400, 422)
        r = post(client, world, world.approver, f"/api/reports/{report['id']}/return", {"reason": "Số lượt chưa khớp.", "version": version})
        assert r.status_code == 200 and r.json()["status"] == "returned"


def test_create_report_out_of_scope(client, world):
    body = {"unit": "phunu-03466", "period": "2023-Q4"}
    assert_error(post(client, world, world.entry, "/api/reports", body), 404)  # not visible
    assert_error(post(client, world, world.viewer, "/api/reports", body), 403)  # visible, no entry right
    assert_error(post(client, world, world.entry, "/api/reports", {"unit": "phunu-03388", "period": "2023-9M"}), 400)
    assert not Report.objects.filter(period="2023-Q4").exists()


def test_bulk_values_scope_and_atomicity(client, world):
    ok = {"unit": "phunu-03388", "indicator": "tuyen_truyen_buoi", "period": "2023-Q4", "value": 5}
    r = post(client, world, world.entry, "/api/datavalues", {"values": [ok], "dry_run": True})
    assert r.json()["imported"] == 1 and not DataValue.objects.filter(period="2023-Q4").exists()
    swapped = {**ok, "unit": "mttq-03388"}  # another organization's unit in the body
    assert_error(post(client, world, world.entry, "/api/datavalues", {"values": [ok, swapped]}), 404)
    assert_error(post(client, world, world.viewer, "/api/datavalues", {"values": [{**ok, "unit": "phunu-03466"}]}), 403)
    bad = {**ok, "indicator": "tuyen_truyen_luot", "value": "nhiều"}
    body = assert_error(post(client, world, world.entry, "/api/datavalues", {"values": [ok, bad]}), 400)
    assert body["details"][0]["index"] == 1
    assert not DataValue.objects.filter(period="2023-Q4").exists()
    r = post(client, world, world.entry, "/api/datavalues", {"values": [ok]})
    assert r.status_code == 200 and r.json()["imported"] == 1
    Report.objects.filter(unit__code="phunu-03388", period="2023-Q4").update(status=Report.Status.APPROVED)
    assert_error(post(client, world, world.entry, "/api/datavalues", {"values": [{**ok, "value": 6}]}), 409)


def test_datavaluesets_endpoints(client, world):
    r = get(client, world, world.viewer, "/api/dataValueSets", period="2023Q3")
    assert {v["orgUnit"] for v in r.json()["dataValues"]} == {"phunu-03466"}
    csv_text = get(client, world, world.admin, "/api/dataValueSets.csv", period="2023Q3").content.decode()
    assert csv_text.splitlines()[0].startswith("dataElement,period,orgUnit")
    assert len(csv_text.splitlines()) == 11
    assert_error(get(client, world, world.viewer, "/api/dataValueSets", period="2023Q3", orgUnit="phunu-03388"), 404)
    payload = {"period": "2023Q4", "orgUnit": "phunu-03388", "dataValues": [{"dataElement": "tuyen_truyen_buoi", "value": "3"}]}
    r = post(client, world, world.entry, "/api/dataValueSets?dryRun=true", payload)
    assert r.status_code == 200 and r.json()["importCount"]["imported"] == 1
    assert not DataValue.objects.filter(period="2023-Q4").exists()
    r = post(client, world, world.outsider, "/api/dataValueSets", payload)
    assert r.status_code == 409 and r.json()["status"] == "ERROR"
    csv_body = "dataElement,period,orgUnit,value\ntuyen_truyen_buoi,2023Q4,phunu-03388,3\n"
    r = post(client, world, world.entry, "/api/dataValueSets", csv_body, content_type="text/csv")
    assert r.status_code == 200 and r.json()["importCount"]["imported"] == 1, r.content
    assert DataValue.objects.get(period="2023-Q4").value == 3

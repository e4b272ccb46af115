"""The DHIS2 client libraries people use, installed from PyPI and run unmodified against a live
giaoban (pytest-django's live_server): dhis2.py (Basic), dhis2-client (Basic and ApiToken),
dhis2-fetch (Basic). Each connects, reads system info and the current user, lists organisation
units and data elements, exports a period for an organisation unit, imports JSON (and CSV where
the library can send it) with dryRun and for real, reads back, deletes with
importStrategy=DELETE, and gets WARNING for an import with one bad row while the rest is saved.

dhis2w-client needs Python ≥ 3.13: its rules are checked against the answers in
test_dhis2w_rules_on_the_answers."""

import re
import sqlite3

import dhis2
import dhis2_client
import dhis2_fetch
import pytest
import requests

from giaoban.collection.models import DataValue
from giaoban.dhis2 import metadata

PASSWORD = "mat-khau-rat-dai"  # the API world's users


def stored(unit_code, indicator_code, period):
    dv = DataValue.objects.filter(unit__code=unit_code, indicator__code=indicator_code, period=period).first()
    return None if dv is None else dv.value


@pytest.fixture
def ids(world):
    w = world
    return {"doanket": w.units["phunu", "03388"].uid, "bumnua": w.units["phunu", "03466"].uid, "top": w.units["phunu", "12"].uid,
            "sessions": w.sessions.uid, "attendees": w.attendees.uid, "loans": w.loans.uid}


def test_dhis2_py(live_server, world, ids):
    api = dhis2.Api(live_server.url, "admin", PASSWORD)
    assert api.get_info()["version"] == metadata.SERVER_VERSION and api.version_int == 41
    assert api.get("me").json()["username"] == "admin"
    units = api.get_paged("organisationUnits", page_size=2, params={"fields": "id,name,level,path"}, merge=True)
    assert {u["id"] for u in units["organisationUnits"]} >= {ids["doanket"], ids["bumnua"], ids["top"]}
    assert len(units["organisationUnits"]) == 7
    des = api.get("dataElements", params={"paging": "false", "fields": "id,code,valueType"}).json()["dataElements"]
    assert {d["id"] for d in des} == {ids["sessions"], ids["attendees"], ids["loans"], world.rate.uid}

    exported = api.get("dataValueSets", params={"period": "2023Q3", "orgUnit": ids["doanket"]}).json()["dataValues"]
    assert {(v["dataElement"], v["value"]) for v in exported} >= {(ids["sessions"], "12"), (ids["loans"], "1500000000")}
    csv_text = api.get("dataValueSets", file_type="csv", params={"period": "2023Q3", "orgUnit": ids["doanket"]}).text
    assert csv_text.splitlines()[0].startswith("dataElement,period,orgUnit,categoryOptionCombo")

    payload = {"period": "2023Q4", "orgUnit": ids["bumnua"], "dataValues": [
        {"dataElement": ids["sessions"], "value": "6"}, {"dataElement": ids["attendees"], "value": "600"}]}
    r = api.post("dataValueSets", json=payload, params={"dryRun": "true"})
    assert r.json()["status"] == "OK" and r.json()["response"]["importCount"]["imported"] == 2
    assert stored("phunu-03466", "tuyen_truyen_buoi", "2023-Q4") is None
    assert api.post("dataValueSets", json=payload).json()["response"]["importCount"]["imported"] == 2
    back = api.get("dataValueSets", params={"period": "2023Q4", "orgUnit": ids["bumnua"]}).json()["dataValues"]
    assert {(v["dataElement"], v["value"]) for v in back} == {(ids["sessions"], "6"), (ids["attendees"], "600")}

    deleted = api.post("dataValueSets", json={"dataValues": [{**payload["dataValues"][0], "period": "2023Q4",
                                                               "orgUnit": ids["bumnua"]}]},
                       params={"importStrategy": "DELETE"}).json()
    assert deleted["response"]["importCount"]["deleted"] == 1
    assert stored("phunu-03466", "tuyen_truyen_buoi", "2023-Q4") is None and stored("phunu-03466", "tuyen_truyen_luot", "2023-Q4") == 600

    bad = {"period": "2023Q4", "orgUnit": ids["bumnua"], "dataValues": [
        {"dataElement": ids["sessions"], "value": "7"}, {"dataElement": ids["attendees"], "value": "nhiều"}]}
    with pytest.raises(dhis2.exceptions.RequestException) as caught:
        api.post("dataValueSets", json=bad)  # DHIS2 answers a WARNING with 409: the library raises
    assert caught.value.code == 409 and '"status":"WARNING"' in caught.value.description.replace(" ", "")
    assert stored("phunu-03466", "tuyen_truyen_buoi", "2023-Q4") == 7 and stored("phunu-03466", "tuyen_truyen_luot", "2023-Q4") == 600


@pytest.mark.parametrize("how", ["basic", "token"])
def test_dhis2_client(live_server, world, ids, how):
    credentials = {"username": "admin", "password": PASSWORD} if how == "basic" else {"token": world.tokens["admin"]}
    client = dhis2_client.DHIS2Client(live_server.url, **credentials, retries=0)
    try:
        assert client.get_system_info()["version"].startswith("2.41")
        assert client.get_current_user(fields="id,username")["username"] == "admin"
        units = list(client.get_organisation_units(fields="id,displayName,level", page_size=3))
        assert len(units) == 7 and {u["id"] for u in units} >= {ids["doanket"], ids["top"]}
        assert client.get_org_unit(ids["top"], fields="id,level")["level"] == 1
        des = list(client.get_data_elements(fields="id,code"))
        assert {d["code"] for d in des} == {"tuyen_truyen_buoi", "tuyen_truyen_luot", "du_no", "ty_le"}
        exported = client.get_data_value_set({"period": "2023Q3", "orgUnit": ids["doanket"]})["dataValues"]
        assert {v["orgUnit"] for v in exported} == {ids["doanket"]} and len(exported) == 4

        payload = {"period": "202310", "orgUnit": ids["doanket"], "dataValues": [
            {"dataElement": ids["sessions"], "categoryOptionCombo": "HllvX50cXC0", "value": "3"}]}
        assert client.post("/api/dataValueSets", params={"dryRun": "true"}, json=payload)["status"] == "OK"
        assert stored("phunu-03388", "tuyen_truyen_buoi", "2023-10") is None
        assert client.post_data_value_set(payload)["response"]["importCount"]["imported"] == 1
        back = client.get_data_value_set({"period": "202310", "orgUnit": ids["doanket"]})["dataValues"]
        assert [(v["dataElement"], v["value"], v["categoryOptionCombo"]) for v in back] == [(ids["sessions"], "3", "HllvX50cXC0")]
        deleted = client.post("/api/dataValueSets", params={"importStrategy": "DELETE"}, json=payload)
        assert deleted["response"]["importCount"]["deleted"] == 1 and stored("phunu-03388", "tuyen_truyen_buoi", "2023-10") is None

        bad = {"period": "202311", "orgUnit": ids["doanket"], "dataValues": [
            {"dataElement": ids["sessions"], "value": "4"}, {"dataElement": "khongCoDauX", "value": "1"}]}
        with pytest.raises(dhis2_client.errors.DHIS2HTTPError) as caught:
            client.post_data_value_set(bad)
        assert caught.value.status_code == 409 and caught.value.payload["status"] == "WARNING"
        assert str(caught.value).startswith("WARNING: khongCoDauX")
        assert stored("phunu-03388", "tuyen_truyen_buoi", "2023-11") == 4
    finally:
        client.close()


def test_dhis2_fetch(live_server, world, ids, tmp_path, capsys):
    client = dhis2_fetch.connect(live_server.url, "admin", PASSWORD, quiet=True)
    assert client.fetch_orgunit_levels() == {1: "Cấp tỉnh", 2: "Cấp huyện"}
    tree = client.fetch_orgunit_tree(download_level=2)
    assert len(tree) == 5
    items = client.fetch_data_items()
    assert set(items["dataid"]) >= {ids["sessions"], ids["loans"]}
    datasets = {d["code"]: d["id"] for d in requests.get(f"{live_server.url}/api/dataSets", auth=("admin", PASSWORD),
                                                         params={"fields": "id,code", "paging": "false"}).json()["dataSets"]}
    db = tmp_path / "values.sqlite"
    client.download_dataset_values(str(db), [datasets["phunu"]], [ids["sessions"], ids["loans"]], ["2023Q3"],
                                   [ids["doanket"], ids["bumnua"]])
    rows = set(sqlite3.connect(db).execute("SELECT dx, pe, ou, value FROM data"))
    assert (ids["sessions"], "2023Q3", ids["doanket"], "12") in rows and (ids["sessions"], "2023Q3", ids["bumnua"], "7") in rows
    with pytest.raises(dhis2_fetch.exceptions.AuthenticationError):
        dhis2_fetch.connect(live_server.url, "admin", "sai-mat-khau", max_attempts=1, quiet=True)


def test_dhis2w_rules_on_the_answers(live_server, world, ids):
    """What dhis2w-client (Python ≥ 3.13) does on connect and on an import, applied to giaoban's
    answers: the unauthenticated probe of GET / must not move the base URL; system/info's version
    picks its v41 module; a dataValueSets answer is a WebMessage whose response carries
    importCount and conflicts (its WebMessageResponse.import_count()/conflicts())."""
    probe = requests.get(f"{live_server.url}/", allow_redirects=True)
    assert probe.url.rstrip("/") == live_server.url.rstrip("/")
    version = requests.get(f"{live_server.url}/api/system/info", auth=("admin", PASSWORD)).json()["version"]
    minor = int(re.match(r"^(\d+)\.(\d+)", version).group(2))
    assert f"v{minor}" == "v41"
    anonymous = requests.get(f"{live_server.url}/api/system/info", headers={"Accept": "application/json"}).json()
    assert "message" in anonymous and "httpStatusCode" in anonymous  # looks like DHIS2 to its probe
    headers = {"Authorization": f"ApiToken {world.tokens['admin']}", "Content-Type": "application/json"}
    body = {"period": "2023Q4", "orgUnit": ids["bumnua"], "dataValues": [
        {"dataElement": ids["sessions"], "value": "2"}, {"dataElement": ids["attendees"], "value": "x"}]}
    r = requests.post(f"{live_server.url}/api/dataValueSets", json=body, headers=headers)
    envelope = r.json()
    assert r.status_code == envelope["httpStatusCode"] == 409 and envelope["httpStatus"] == "Conflict"
    assert envelope["status"] == "WARNING" and envelope["response"]["responseType"] == "ImportSummary"
    assert envelope["response"]["importCount"] == {"imported": 1, "updated": 0, "ignored": 1, "deleted": 0}
    (conflict,) = envelope["response"]["conflicts"]
    assert conflict["property"] == "value" and conflict["indexes"] == [1] and envelope["response"]["rejectedIndexes"] == [1]
    csv_body = f"dataelement,period,orgunit,catoptcombo,attroptcombo,value\n{ids['loans']},2023Q4,{ids['bumnua']},,,5\n"
    ok = requests.post(f"{live_server.url}/api/dataValueSets", data=csv_body.encode(),
                       headers={**headers, "Content-Type": "application/csv"}, params={"dryRun": "true"}).json()
    assert ok["status"] == "OK" and ok["httpStatusCode"] == 200 and ok["response"]["importCount"]["imported"] == 1

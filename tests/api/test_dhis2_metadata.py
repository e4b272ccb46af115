"""The DHIS2 metadata facade: system/info, me, organisation units with levels and paths, data
elements, data sets, the default combos; pager, paging=false, fields, filter; versioned paths and
.json suffixes; JSON 404s; stable UIDs across restructuring."""

import datetime
import re

import pytest
from django.test import Client

from giaoban.core.uids import is_uid, make_uid
from giaoban.org.models import Indicator, Unit
from tests.api.conftest import auth

UID = re.compile(r"^[A-Za-z][A-Za-z0-9]{10}$")


@pytest.fixture
def get(world):
    client = Client()

    def get(url, user=None, **params):
        return client.get(url, params, **auth(world, user or world.admin))
    return get


def test_uids_are_dhis2_shaped_deterministic_and_new_per_version(world):
    assert make_uid("unit", "x", datetime.date(2020, 1, 1)) == make_uid("unit", "x", datetime.date(2020, 1, 1))
    for obj in [*Unit.objects.all(), *Indicator.objects.all(), world.province]:
        assert UID.match(obj.uid) and is_uid(obj.uid), obj
    old = world.units["phunu", "03388"]
    old_uid = old.uid
    Unit.objects.filter(pk=old.pk).update(valid_to=datetime.date(2025, 6, 30))
    new = Unit.objects.create(organization=world.phunu, code=old.code, name="Hội LHPN phường Đoàn Kết (mới)",
                              level=old.level, area=old.area, parent=old.parent, valid_from=datetime.date(2025, 7, 1))
    assert new.uid != old_uid and Unit.objects.get(pk=old.pk).uid == old_uid


def test_system_info_and_me(get, world):
    info = get("/api/system/info").json()
    assert info["version"].startswith("2.41") and info["contextPath"].startswith("http")
    me = get("/api/me", world.entry).json()
    assert me["username"] == "phunu.doanket" and UID.match(me["id"])
    assert me["organisationUnits"] == [{"id": world.units["phunu", "03388"].uid}]
    assert me["memberships"][0]["unit"] == "phunu-03388"  # giaoban's own field is kept
    assert get("/api/me", world.entry, fields="id,username").json() == {"id": me["id"], "username": "phunu.doanket"}


def test_organisation_units_levels_paths_and_scope(get, world):
    body = get("/api/organisationUnits", fields="id,name,level,path,parent[id]", paging="false").json()
    assert "pager" not in body
    units = {u["id"]: u for u in body["organisationUnits"]}
    commune = units[world.units["phunu", "03388"].uid]
    top = world.units["phunu", "12"].uid
    assert commune["level"] == 2 and commune["path"] == f"/{top}/{commune['id']}" and commune["parent"] == {"id": top}
    seen = get("/api/organisationUnits", world.viewer, paging="false").json()["organisationUnits"]
    assert [u["id"] for u in seen] == [world.units["phunu", "03466"].uid]
    assert set(seen[0]) == {"id", "displayName"}  # DHIS2's default fields
    levels = get("/api/organisationUnitLevels", fields="level,name", paging="false").json()["organisationUnitLevels"]
    assert [x["level"] for x in levels] == [1, 2]


def test_pager_page_size_and_filters(get, world):
    body = get("/api/organisationUnits", pageSize="2", page="2").json()
    assert body["pager"] == {"page": 2, "pageCount": 4, "total": 7, "pageSize": 2}
    assert len(body["organisationUnits"]) == 2
    top = world.units["phunu", "12"].uid

    def only(**p):
        return {u["id"] for u in get("/api/organisationUnits", paging="false", **p).json()["organisationUnits"]}

    assert only(filter="level:eq:1") == {world.units["mttq", "12"].uid, top}
    assert only(filter=[f"path:like:/{top}", "level:eq:2"]) == {world.units["phunu", c].uid for c in ("03388", "03466")} | {world.old_unit.uid}
    wanted = [world.units["mttq", "03388"].uid, world.units["phunu", "03466"].uid]
    assert only(filter=f"id:in:[{','.join(wanted)}]") == set(wanted)
    assert only(filter="name:ilike:bum nưa") == {world.units["mttq", "03466"].uid, world.units["phunu", "03466"].uid}
    assert only(filter="code:eq:phunu-03400") == {world.old_unit.uid}  # a closed version is still there
    r = get("/api/organisationUnits", filter="level:zz:1")
    assert r.status_code == 400 and "zz" in r.json()["message"]


def test_data_elements_data_sets_and_default_combos(get, world):
    des = get("/api/dataElements", fields="*", paging="false").json()["dataElements"]
    by_code = {d["code"]: d for d in des}
    assert by_code["du_no"]["aggregationType"] == "LAST" and by_code["ty_le"]["valueType"] == "PERCENTAGE"
    assert by_code["tuyen_truyen_buoi"]["id"] == world.sessions.uid
    one = get(f"/api/dataElements/{world.sessions.uid}", fields="id,name").json()
    assert one == {"id": world.sessions.uid, "name": "Số buổi tuyên truyền"}
    sets = get("/api/dataSets", fields="id,code,periodType,dataSetElements[dataElement[id]],organisationUnits[id]",
               paging="false").json()["dataSets"]
    phunu = next(s for s in sets if s["code"] == "phunu")
    assert phunu["periodType"] == "Quarterly" and len(phunu["dataSetElements"]) == 4
    assert {"id": world.units["phunu", "03388"].uid} in phunu["organisationUnits"]
    cocs = get("/api/categoryOptionCombos", paging="false").json()["categoryOptionCombos"]
    assert cocs == [{"id": "HllvX50cXC0", "displayName": "default"}]


def test_versioned_paths_json_suffix_and_json_404s(get, world):
    assert get("/api/41/system/info").json()["version"].startswith("2.41")
    assert get("/api/system/info.json").json()["version"].startswith("2.41")
    assert "organisationUnits" in get("/api/40/organisationUnits.json").json()
    assert get("/api/41/me.json", world.entry).json()["username"] == "phunu.doanket"
    for url in ("/api/nothing", "/api/41/nothing.json", "/api/organisationUnits/AAAAAAAAAAA"):
        r = get(url)
        assert r.status_code == 404 and r["Content-Type"].startswith("application/json"), url
        assert r.json()["message"]
    assert Client().get("/api/nothing").json()["httpStatusCode"] == 404


def test_unauthenticated_metadata_is_401(world):
    r = Client().get("/api/41/organisationUnits.json")
    assert r.status_code == 401 and "WWW-Authenticate" in r


def test_root_does_not_redirect_so_clients_keep_their_base_url(db):
    r = Client().get("/")
    assert r.status_code == 200 and 'name="username"' in r.content.decode()

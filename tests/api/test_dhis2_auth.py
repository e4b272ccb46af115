"""Authentication as DHIS2 clients send it: Basic, `ApiToken`, Bearer; 401 with a challenge
(never 403 'CSRF') when nothing is sent; CSRF only on the browser session; lockout after
repeated wrong Basic passwords."""

import base64
import json

import pytest
from django.test import Client

PAYLOAD = {"period": "2023Q4", "orgUnit": "phunu-03388", "dataValues": [{"dataElement": "tuyen_truyen_buoi", "value": "3"}]}


def basic(username, password="mat-khau-rat-dai"):
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()}


@pytest.fixture
def client():
    return Client(enforce_csrf_checks=True)


def test_basic_apitoken_and_bearer_all_authenticate(client, world):
    token = world.tokens[world.entry.username]
    for headers in (basic("phunu.doanket"), {"HTTP_AUTHORIZATION": f"ApiToken {token}"},
                    {"HTTP_AUTHORIZATION": f"Bearer {token}"}):
        r = client.get("/api/me", **headers)
        assert r.status_code == 200, (headers, r.content)
        assert r.json()["username"] == "phunu.doanket"


@pytest.mark.parametrize("headers", [{}, {"HTTP_AUTHORIZATION": "ApiToken gb_wrong"}, {"HTTP_AUTHORIZATION": "Bearer nope"},
                                     {"HTTP_AUTHORIZATION": "Basic !!!"}])
def test_unauthenticated_calls_get_401_with_a_challenge(client, world, headers):
    for r in (client.get("/api/me", **headers),
              client.post("/api/dataValueSets", json.dumps(PAYLOAD), content_type="application/json", **headers)):
        assert r.status_code == 401, r.content
        assert "Basic" in r["WWW-Authenticate"] and "ApiToken" in r["WWW-Authenticate"]
        assert r.json()["message"]


def test_wrong_basic_password_is_401(client, world):
    r = client.get("/api/me", **basic("phunu.doanket", "sai-mat-khau"))
    assert r.status_code == 401


def test_basic_can_be_turned_off(client, world, settings):
    settings.GIAOBAN_DHIS2_BASIC_AUTH = False
    r = client.get("/api/me", **basic("phunu.doanket"))
    assert r.status_code == 401 and "Basic" not in r["WWW-Authenticate"]


def test_header_authenticated_writes_need_no_csrf_but_session_writes_do(client, world):
    token = world.tokens[world.entry.username]
    for headers in (basic("phunu.doanket"), {"HTTP_AUTHORIZATION": f"ApiToken {token}"}):
        r = client.post("/api/dataValueSets?dryRun=true", json.dumps(PAYLOAD), content_type="application/json", **headers)
        assert r.status_code == 200, r.content
    client.force_login(world.entry)
    r = client.post("/api/dataValueSets?dryRun=true", json.dumps(PAYLOAD), content_type="application/json")
    assert r.status_code == 403 and "CSRF" in r.json()["message"]


def test_repeated_wrong_basic_passwords_lock_the_account_out(client, world):
    for _ in range(4):
        assert client.get("/api/me", **basic("phunu.doanket", "sai-mat-khau")).status_code == 401
    assert client.get("/api/me", **basic("phunu.doanket", "sai-mat-khau")).status_code == 429
    r = client.get("/api/me", **basic("phunu.doanket"))
    assert r.status_code == 429 and "tạm khóa" in r.json()["error"]

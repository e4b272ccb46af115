"""Single sign-on by OpenID Connect (issue 20) against a real provider the test starts.

The provider is oidc-provider-mock (authlib's server on werkzeug, in a thread, on a local port):
real HTTP, real RS256-signed ID tokens checked against its published keys, the authorization
code flow with PKCE. The person signs in at the provider's own page (the test posts its form, as
the browser would), the provider sends the browser back to giaoban with a code, and giaoban
exchanges it over HTTP.
"""

import os
import subprocess
import sys

import pytest
import requests
from django.contrib.auth import get_user_model
from django.urls import reverse

from giaoban.collection.models import Membership
from giaoban.security.models import SingleSignOnGrant
from tests.security.tree import build_tree


@pytest.fixture(scope="module")
def provider():
    from oidc_provider_mock import User, run_server_in_thread

    people = [
        User(sub="cb-doanket-01", claims={"email": "cb.doanket@mttq.vn", "email_verified": True,
                                           "family_name": "Lò Thị", "given_name": "Hoa"}),
        User(sub="nguoi-la", claims={"email": "nguoi.la@example.vn", "email_verified": True, "name": "Người Lạ"}),
        User(sub="admin", claims={"email": "admin@mttq.vn", "email_verified": True}),
        User(sub="chua-xac-minh", claims={"email": "cb.doanket@mttq.vn", "email_verified": False}),
    ]
    with run_server_in_thread(user_claims=people) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def sso(provider, settings):
    settings.GIAOBAN_OIDC = True
    settings.OIDC_RP_CLIENT_ID = "giaoban"
    settings.OIDC_RP_CLIENT_SECRET = "bi-mat-cua-giaoban"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{provider}/oauth2/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{provider}/oauth2/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{provider}/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{provider}/jwks"
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.OIDC_RP_SCOPES = "openid email profile"
    settings.OIDC_USE_PKCE = True
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, "giaoban.security.oidc.UnitMappingOIDCBackend"]
    return provider


@pytest.fixture
def tree(db):
    return build_tree()


def sign_in(client, provider: str, subject: str):
    """giaoban → the provider's page → the person picks their account → back to giaoban."""
    start = client.get(reverse("oidc_login"))
    assert start.status_code == 302 and start["Location"].startswith(provider), start
    authorize = start["Location"]
    assert "code_challenge=" in authorize and "nonce=" in authorize
    with requests.Session() as browser:
        page = browser.get(authorize, timeout=10)
        assert page.status_code == 200  # the provider's sign-in page
        back = browser.post(authorize, data={"sub": subject}, allow_redirects=False, timeout=10)
    assert back.status_code == 302, back.text[:300]
    callback = back.headers["location"]
    assert callback.startswith("http://testserver/dang-nhap/mot-lan/ve/?"), callback
    return client.get(callback.removeprefix("http://testserver"))


def test_a_mapped_person_signs_in_with_the_mapped_roles_only(sso, tree, client):
    mttq_a1, phunu_a1 = tree.units["mttq_a1"], tree.units["phunu_a1"]
    SingleSignOnGrant.objects.create(identifier="CB.DoanKet@mttq.vn", unit=mttq_a1, role=Membership.Role.ENTRY)
    SingleSignOnGrant.objects.create(identifier="cb-doanket-01", unit=phunu_a1, role=Membership.Role.VIEW)
    r = sign_in(client, sso, "cb-doanket-01")
    assert r.status_code == 302 and r["Location"] == "/", r
    user = get_user_model().objects.get(username="sso-cb-doanket-01")
    assert int(client.session["_auth_user_id"]) == user.pk
    assert (user.last_name, user.first_name, user.email) == ("Lò Thị", "Hoa", "cb.doanket@mttq.vn")
    assert not user.has_usable_password() and not user.is_staff
    assert set(Membership.objects.filter(user=user).values_list("unit_id", "role")) == {
        (mttq_a1.pk, "entry"), (phunu_a1.pk, "view")}
    assert client.get(reverse("collection:entry", args=[mttq_a1.pk, "2024-Q1"])).status_code == 200
    assert client.get(reverse("collection:entry", args=[tree.units["mttq_a2"].pk, "2024-Q1"])).status_code in (403, 404)

    # The administrator takes a role away: gone at the next sign-in.
    SingleSignOnGrant.objects.filter(unit=phunu_a1).delete()
    client.logout()
    sign_in(client, sso, "cb-doanket-01")
    assert set(Membership.objects.filter(user=user).values_list("unit_id", "role")) == {(mttq_a1.pk, "entry")}


def test_a_person_not_in_the_mapping_is_refused_in_vietnamese(sso, tree, client):
    r = sign_in(client, sso, "nguoi-la")
    assert r.status_code == 302 and r["Location"] == reverse("login")
    assert "_auth_user_id" not in client.session
    assert not get_user_model().objects.filter(username__startswith="sso-").exists()
    page = client.get(reverse("login")).content.decode()
    assert "chưa được quản trị hệ thống gán vào đơn vị" in page


def test_an_unverified_email_is_not_matched(sso, tree, client):
    SingleSignOnGrant.objects.create(identifier="cb.doanket@mttq.vn", unit=tree.units["mttq_a1"], role=Membership.Role.ENTRY)
    sign_in(client, sso, "chua-xac-minh")
    assert "_auth_user_id" not in client.session


def test_the_provider_cannot_take_over_a_local_account(sso, tree, client):
    """The provider vouches for admin@…; the local superuser has that address. The person gets
    an account of their own with the mapped role, never the superuser's."""
    admin = tree.users["admin"]
    admin.email = "admin@mttq.vn"
    admin.save()
    SingleSignOnGrant.objects.create(identifier="admin@mttq.vn", unit=tree.units["mttq_a2"], role=Membership.Role.VIEW)
    sign_in(client, sso, "admin")
    user = get_user_model().objects.get(pk=client.session["_auth_user_id"])
    assert user.username == "sso-admin" and user.pk != admin.pk and not user.is_superuser


def test_a_forged_or_replayed_answer_signs_nobody_in(sso, tree, client):
    SingleSignOnGrant.objects.create(identifier="cb-doanket-01", unit=tree.units["mttq_a1"], role=Membership.Role.ENTRY)
    start = client.get(reverse("oidc_login"))
    with requests.Session() as browser:
        back = browser.post(start["Location"], data={"sub": "cb-doanket-01"}, allow_redirects=False, timeout=10)
    callback = back.headers["location"].removeprefix("http://testserver")
    forged = callback.replace("code=", "code=gia-")
    assert client.get(forged).status_code in (302, 400)
    assert "_auth_user_id" not in client.session
    other = type(client)()  # another browser with the stolen answer but without the session's state
    assert other.get(callback).status_code in (302, 400)
    assert "_auth_user_id" not in other.session
    assert client.get(callback).status_code in (302, 400)  # the state was used up by the forged try: no replay
    assert "_auth_user_id" not in client.session


def test_off_unless_configured(tree, client, settings):
    settings.GIAOBAN_OIDC = False
    assert client.get(reverse("oidc_login")).status_code == 404
    assert client.get(reverse("oidc_callback"), {"code": "x", "state": "y"}).status_code == 404
    assert "Đăng nhập một lần" not in client.get(reverse("login")).content.decode()


def test_the_login_page_offers_it_when_configured(sso, tree, client):
    assert "Đăng nhập một lần" in client.get(reverse("login")).content.decode()


def test_the_administrator_keeps_the_mapping_in_the_admin(tree, client):
    client.force_login(tree.users["admin"])
    assert client.get("/admin/security/singlesignongrant/add/").status_code == 200
    r = client.post("/admin/security/singlesignongrant/add/", {"identifier": " CB.Moi@MTTQ.vn ", "unit": tree.units["mttq_a2"].pk,
                                                               "role": "view"})
    assert r.status_code == 302, r.content.decode()[:500]
    assert SingleSignOnGrant.objects.get().identifier == "cb.moi@mttq.vn"
    assert client.get("/admin/security/singlesignongrant/").status_code == 200
    client.force_login(tree.users["approve_p"])  # not staff
    assert client.get("/admin/security/singlesignongrant/").status_code == 302


def test_single_sign_on_half_configured_names_what_is_missing():
    """OIDC_RP_CLIENT_ID without the provider's addresses: the server refuses to start with a
    Vietnamese message naming each missing variable (was a bare KeyError on the first one)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OIDC_")}
    env.update(OIDC_RP_CLIENT_ID="giaoban", OIDC_OP_TOKEN_ENDPOINT="http://127.0.0.1:1/token",
               DJANGO_SETTINGS_MODULE="giaoban.settings")
    run = subprocess.run([sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True, text=True)
    assert run.returncode != 0
    assert "còn thiếu biến môi trường: OIDC_RP_CLIENT_SECRET, OIDC_OP_AUTHORIZATION_ENDPOINT, " \
           "OIDC_OP_USER_ENDPOINT, OIDC_OP_JWKS_ENDPOINT." in run.stderr, run.stderr[-2000:]

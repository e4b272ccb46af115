"""Optional single sign-on by OpenID Connect (mozilla-django-oidc), e.g. the national MTTQ platform.

Off unless OIDC_RP_CLIENT_ID is set (settings.GIAOBAN_OIDC). On, the login page offers
'Đăng nhập một lần'; the provider's answer (an ID token checked against its published keys,
then its user info) names a person, and the administrator's mapping (SingleSignOnGrant: the
person's subject, or an e-mail address the provider marks verified → unit and role) says what
that person may do here:

- a person with no row in the mapping is refused (no account is made);
- the account is the provider's subject (username 'sso-…'), never matched to a local account by
  e-mail: a provider that vouches for 'admin@…' does not become the local administrator;
- at each sign-in the account's roles become exactly the mapped ones; an account an administrator
  deactivated stays out.
"""

from __future__ import annotations

import hashlib
import logging
import re

import jwt
import requests

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import LoginView
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from giaoban.collection.models import Membership
from giaoban.security.models import SingleSignOnGrant

logger = logging.getLogger(__name__)
USERNAME_PREFIX = "sso-"
NOT_MAPPED = ("Tài khoản đăng nhập một lần này chưa được quản trị hệ thống gán vào đơn vị nào của giaoban. "
              "Hãy đề nghị quản trị hệ thống thêm tài khoản vào bảng «Quyền qua đăng nhập một lần».")


def enabled() -> bool:
    return bool(getattr(settings, "GIAOBAN_OIDC", False))


def username_for(subject: str) -> str:
    """The local account of a provider subject: readable when the subject is a plain name."""
    if re.fullmatch(r"[\w.@+-]{1,100}", subject, flags=re.ASCII):
        return USERNAME_PREFIX + subject
    return USERNAME_PREFIX + hashlib.sha256(subject.encode()).hexdigest()[:40]


def grants_for(claims: dict) -> list[SingleSignOnGrant]:
    keys = {str(claims.get("sub", "")).strip().lower()}
    # an e-mail address counts only when the provider says it verified it
    if claims.get("email") and claims.get("email_verified") in (True, "true"):
        keys.add(str(claims["email"]).strip().lower())
    keys.discard("")
    return list(SingleSignOnGrant.objects.filter(identifier__in=keys).select_related("unit"))


class UnitMappingOIDCBackend(OIDCAuthenticationBackend):
    def authenticate(self, request, **kwargs):
        try:
            return super().authenticate(request, **kwargs)
        except (requests.RequestException, SuspiciousOperation, ValueError) as exc:
            # the provider unreachable, a code refused or a token that does not verify: a failed
            # sign-in with a reason, not a server error
            logger.warning("single sign-on refused: %s", exc)
            return None

    def retrieve_matching_jwk(self, token):
        """The provider's key for this token: by its 'kid'; a token without one only when the
        provider publishes a single key (OIDC Core 10.1 requires the kid only among several)."""
        header = jwt.get_unverified_header(token)
        if "kid" in header:
            return super().retrieve_matching_jwk(token)
        response = requests.get(self.OIDC_OP_JWKS_ENDPOINT, timeout=self.get_settings("OIDC_TIMEOUT", 10))
        response.raise_for_status()
        keys = [k for k in response.json().get("keys", []) if k.get("alg", header.get("alg")) == header.get("alg")
                and k.get("use", "sig") == "sig"]
        if len(keys) != 1:
            raise SuspiciousOperation("ID token without 'kid' and the provider publishes several keys")
        return jwt.PyJWK(keys[0])

    def verify_claims(self, claims):
        return bool(claims.get("sub"))

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(username=username_for(str(claims["sub"])))

    def get_or_create_user(self, access_token, id_token, payload):
        user_info = self.get_userinfo(access_token, id_token, payload)
        if str(user_info.get("sub")) != str(payload.get("sub")):  # OIDC Core 5.3.2: the two must agree
            raise SuspiciousOperation("userinfo sub differs from the ID token's")
        grants = grants_for(user_info)
        if not grants:
            self.request.giaoban_sso_refusal = NOT_MAPPED
            return None
        with transaction.atomic():
            user = super().get_or_create_user(access_token, id_token, payload)
            if user is None or not user.is_active:
                return None
            wanted = {(g.unit_id, g.role) for g in grants}
            held = {(m.unit_id, m.role): m.pk for m in Membership.objects.filter(user=user)}
            Membership.objects.filter(pk__in=[pk for key, pk in held.items() if key not in wanted]).delete()
            Membership.objects.bulk_create([Membership(user=user, unit_id=unit_id, role=role)
                                            for unit_id, role in wanted - held.keys()])
        return user

    def create_user(self, claims):
        user = self.UserModel.objects.create_user(username_for(str(claims["sub"])), email=claims.get("email") or "")
        return self.update_user(user, claims)

    def update_user(self, user, claims):
        family, given = claims.get("family_name"), claims.get("given_name")
        if not (family or given) and claims.get("name"):  # Vietnamese order: họ … tên
            family, _, given = str(claims["name"]).rpartition(" ")
        changed = False
        for field, value in (("last_name", family), ("first_name", given), ("email", claims.get("email"))):
            if value and getattr(user, field) != str(value)[:150]:
                setattr(user, field, str(value)[:150])
                changed = True
        if changed:
            user.save(update_fields=["last_name", "first_name", "email"])
        return user


class SignOnView(OIDCAuthenticationRequestView):
    """Sends the browser to the provider (404 when single sign-on is not configured)."""

    def __init__(self, *args, **kwargs):
        if not enabled():
            raise Http404("Chưa cấu hình đăng nhập một lần.")
        super().__init__(*args, **kwargs)


class CallbackView(OIDCAuthenticationCallbackView):
    """The provider's answer; a refusal goes back to the login page with the reason in Vietnamese."""

    def dispatch(self, request, *args, **kwargs):
        if not enabled():
            raise Http404("Chưa cấu hình đăng nhập một lần.")
        return super().dispatch(request, *args, **kwargs)

    def login_failure(self):
        reason = getattr(self.request, "giaoban_sso_refusal", None) or (
            "Đăng nhập một lần không thành công (hệ thống đăng nhập từ chối, hoặc phiên đăng nhập đã hết hạn). Vui lòng thử lại.")
        messages.error(self.request, reason)
        return redirect("login")


class LoginPage(LoginView):
    """The login page; it offers single sign-on when it is configured."""

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "sso": enabled()}

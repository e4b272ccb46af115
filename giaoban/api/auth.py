"""How API calls authenticate: the way giaoban's own programs do it and the way DHIS2 clients do.

- `Authorization: Bearer gb_…` — giaoban's API tokens (its own programs);
- `Authorization: ApiToken gb_…` — the same tokens sent as DHIS2 sends personal access tokens;
- `Authorization: Basic …` — user name and password, as every DHIS2 client can; only when the
  GIAOBAN_DHIS2_BASIC_AUTH setting allows it (on in development, off by default in production).
  Password checks go through django-axes, so repeated failures lock the account out as on the
  login page;
- the browser session, with CSRF on writes. Calls authenticated by a header carry no cookie a
  third-party page could ride on, so they need no CSRF token.

`request.auth_scheme` tells later code which one it was ("bearer", "apitoken", "basic",
"session"): giaoban's own clients (Bearer, session) keep giaoban's all-or-nothing import answers,
DHIS2 clients get DHIS2's.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from ninja.security import SessionAuth
from ninja.security.http import HttpAuthBase

from giaoban.api.models import ApiToken
from giaoban.security.forms import USERNAME_MAX

# A verified Basic password is remembered this long (as a hash of name and password, tied to
# the user's stored password hash): clients send it with every call, and checking it each time
# would cost a full password hash per request.
BASIC_CACHE_SECONDS = 300


def basic_allowed() -> bool:
    return getattr(settings, "GIAOBAN_DHIS2_BASIC_AUTH", False)


def challenge() -> str:
    """The WWW-Authenticate value of a 401: the schemes this server takes."""
    schemes = ['Bearer realm="giaoban"', 'ApiToken realm="giaoban"']
    if basic_allowed():
        schemes.insert(0, 'Basic realm="giaoban"')
    return ", ".join(schemes)


class HeaderAuth(HttpAuthBase):
    """`Authorization: Bearer|ApiToken <token>` or `Basic <base64 user:password>`."""

    openapi_scheme = "bearer"

    def __call__(self, request):
        header = request.headers.get("Authorization", "")
        scheme, _, credentials = header.strip().partition(" ")
        scheme, credentials = scheme.lower(), credentials.strip()
        if not credentials:
            return None
        if scheme in ("bearer", "apitoken"):
            user = ApiToken.authenticate(credentials)
        elif scheme == "basic" and basic_allowed():
            user = _basic_user(request, credentials)
        else:
            return None
        if user is not None:
            request.user = user
            request.auth_scheme = scheme
        return user


def _basic_user(request, credentials: str):
    try:
        username, _, password = base64.b64decode(credentials, validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    if not username or not password or len(username) > USERNAME_MAX:  # no such account (and axes' column is 255)
        return None
    key = "basic-auth:" + hashlib.sha256(f"{username}\0{password}".encode()).hexdigest()
    remembered = cache.get(key)
    if remembered is not None:
        user = get_user_model().objects.filter(pk=remembered[0], is_active=True).first()
        if user is not None and user.password == remembered[1]:
            return user
    try:
        # With the request, so django-axes counts failures and refuses a locked-out account
        # (its middleware then answers with the lockout response).
        user = authenticate(request, username=username, password=password)
    except PermissionDenied:
        return None
    if user is not None and user.is_active:
        cache.set(key, (user.pk, user.password), BASIC_CACHE_SECONDS)
        return user
    return None


class SessionCsrfAuth(SessionAuth):
    """The browser session; CSRF is checked only once there is a session user, so a call with
    no credentials at all is answered 401 (with the challenge), not 403 'CSRF'."""

    def __call__(self, request):
        if not request.user.is_authenticated:
            return None
        user = super().__call__(request)
        if user is not None:
            request.auth_scheme = "session"
        return user


def is_dhis2_client(request) -> bool:
    """Calls that came the way DHIS2 clients come (ApiToken, Basic) get DHIS2's defaults."""
    return getattr(request, "auth_scheme", "") in ("apitoken", "basic")

"""The Content-Security-Policy header is built once from the settings (giaoban.security.csp_policy):
the same header django-csp builds, a settings change seen on the next response, and a view's own
policy (csp_update, csp_exempt) still applied to its response only."""

import pytest
from csp import middleware
from csp.constants import HEADER
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from giaoban.security import csp_policy


def respond(response=None):
    request = RequestFactory().get("/")
    mw = middleware.CSPMiddleware(lambda r: response or HttpResponse())
    mw.process_request(request)
    return mw.process_response(request, response or HttpResponse())


def test_installed_and_the_settings_policy():
    assert middleware.build_policy is csp_policy.build_policy
    first = respond()[HEADER]
    assert first == csp_policy._built() and "script-src 'self'" in first
    assert respond()[HEADER] == first


def test_a_settings_change_is_seen_on_the_next_response():
    respond()
    with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"default-src": ["'self'"], "img-src": ["https://x.vn"]}}):
        assert "img-src https://x.vn" in respond()[HEADER]
    assert "img-src https://x.vn" not in respond()[HEADER]


@pytest.mark.parametrize("attribute, value, expect", [
    ("_csp_update", {"img-src": ["https://a.vn"]}, "https://a.vn"),
    ("_csp_replace", {"img-src": ["https://b.vn"]}, "img-src https://b.vn"),
])
def test_a_views_own_policy_is_its_own(attribute, value, expect):
    response = HttpResponse()
    setattr(response, attribute, value)
    assert expect in respond(response)[HEADER]
    assert expect not in respond()[HEADER]


def test_an_exempt_response_has_none():
    response = HttpResponse()
    response._csp_exempt = True
    assert HEADER not in respond(response)

"""What a visitor sees when something goes wrong (issue 20, finding 6): `giaoban serve` (what
`make run` starts) runs with DEBUG off, so no debug page shows settings, paths, SQL or the URL
patterns; the 400/403/404/500 pages are Vietnamese, in the site's layout, with a way back; the
static files are still served (whitenoise)."""

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from django.test import RequestFactory
from django.views import defaults

from tests.conftest import PROJECT_ROOT, free_port



def _get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, r.read().decode("utf-8", "replace"), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace"), dict(e.headers)


@pytest.fixture
def served(tmp_path):
    """`giaoban serve` as `make run` starts it, with the environment a user has (no DEBUG)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE")}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'served.sqlite3'}"
    proc = subprocess.Popen([sys.executable, "-m", "giaoban", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1",
                             "--job-workers", "0"],
                            cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        # gunicorn listens before its worker has loaded the app: wait for a first answer.
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(base + "/static/giaoban/site.css", timeout=30):
                    break
            except (OSError, urllib.error.URLError):
                time.sleep(0.5)
        else:
            pytest.fail("giaoban serve did not answer")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.slow
def test_the_served_app_shows_no_debug_page_and_serves_static_files(served):
    status, body, _ = _get(served + "/khong-co-trang-nay/")
    assert status == 404
    assert "URLconf" not in body and "urlpatterns" not in body and "DEBUG" not in body
    assert "Không tìm thấy trang" in body and 'href="/"' in body and "site.css" in body
    status, body, _ = _get(served + "/api/khong-co/")
    assert status == 404 and "URLconf" not in body
    status, css, headers = _get(served + "/static/giaoban/site.css")
    assert status == 200 and "text/css" in headers.get("Content-Type", "")


@pytest.mark.parametrize("view, status, words", [
    (defaults.bad_request, 400, "Yêu cầu không hợp lệ"),
    (defaults.permission_denied, 403, "không có quyền"),
    (defaults.page_not_found, 404, "Không tìm thấy trang"),
])
def test_error_pages_are_vietnamese_in_the_layout_with_a_way_back(db, view, status, words):
    request = RequestFactory().get("/x/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = view(request, Exception("chi tiết"))
    body = response.content.decode()
    assert response.status_code == status and words in body
    assert 'href="/"' in body and "site.css" in body  # the site's layout, a way home


def test_the_500_page_is_vietnamese_in_the_layout(db):
    response = defaults.server_error(RequestFactory().get("/x/"))
    body = response.content.decode()
    assert response.status_code == 500 and "Hệ thống gặp lỗi" in body and 'href="/"' in body and "site.css" in body

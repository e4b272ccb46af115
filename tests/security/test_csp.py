"""Content-Security-Policy (issue 20, finding 9): scripts and styles only from the site's own files.

- every response carries the header (pages, API answers, static files, errors), with no
  'unsafe-inline' or 'unsafe-eval';
- no template holds an inline <script>, an on*= handler, a style attribute or a <style> element;
- headless Chromium crawls every page reachable by links as each role of the demo and fails on
  a policy violation that Chromium reports (the `securitypolicyviolation` event and its console
  message) and on inline script or style in the HTML served.
"""

import re
from collections import Counter
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from django.urls import Resolver404, resolve

from tests.conftest import PROJECT_ROOT

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTR = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)
STYLE_ELEMENT = re.compile(r"<style\b", re.I)


def inline_code(html: str) -> list[str]:
    found = []
    for name, pattern in (("<script> nội tuyến", INLINE_SCRIPT), ("thuộc tính on…=", HANDLER),
                          ("thuộc tính style=", STYLE_ATTR), ("thẻ <style>", STYLE_ELEMENT)):
        for m in pattern.finditer(html):
            found.append(f"{name}: {html[m.start():m.start() + 90]!r}")
    return found


def policy_is_strict(value: str) -> None:
    directives = {d.split()[0]: d.split()[1:] for d in value.split(";") if d.strip()}
    assert directives["script-src"] == ["'self'"], value
    assert directives["style-src"] == ["'self'"], value
    assert directives["object-src"] == ["'none'"] and directives["frame-ancestors"] == ["'none'"], value
    assert "unsafe-inline" not in value and "unsafe-eval" not in value, value


# ---- the header ---------------------------------------------------------------------------

def test_every_kind_of_response_carries_the_policy(db, client, django_user_model):
    user = django_user_model.objects.create_user("canbo", password="mat-khau-dai-2024")
    answers = {"login page": client.get("/dang-nhap/"), "static file": client.get("/static/giaoban/site.css"),
               "API": client.get("/api/openapi.json"), "404": client.get("/khong-co-trang-nay/"),
               "healthz": client.get("/healthz")}
    client.force_login(user)
    answers["home"] = client.get("/")
    answers["API docs"] = client.get("/api/docs")
    for what, response in answers.items():
        assert "Content-Security-Policy" in response.headers, what
        policy_is_strict(response.headers["Content-Security-Policy"])


# ---- the templates ------------------------------------------------------------------------

def templates() -> list[Path]:
    return sorted(p for p in (PROJECT_ROOT / "giaoban").rglob("templates/**/*.html"))


def test_no_template_holds_inline_script_handler_or_style():
    assert len(templates()) > 30
    found = {str(p.relative_to(PROJECT_ROOT)): inline_code(p.read_text(encoding="utf-8")) for p in templates()}
    assert not {k: v for k, v in found.items() if v}


def test_the_template_check_can_fail():
    assert len(inline_code('<script>alert(1)</script><a onclick="x()"><p style="color:red"><style>')) == 4
    assert not inline_code('<script src="/static/a.js" defer></script><script type="application/json" id="s">{}</script>')


# ---- the crawl ----------------------------------------------------------------------------

# One account of each role in the demo (giaoban.demo.load.load_accounts).
ROLES = ["admin", "mttq.tinh", "bandanvan", "mttq.doanket", "phunu.bumnua.xem", "bcttm.doanket"]
PER_NAME = 2  # pages visited per URL name (variants of one page share their template)
PER_ROLE = 90
LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
});
"""


def start_pages() -> list[str]:
    """Every page without a path parameter (the pages with one are reached by links from them):
    the home page, the API's docs, the admin's index and each of the site's menus."""
    from tests.security.test_permission_matrix import all_patterns, param_names

    skip = {"logout", "set_language", "healthz", "api:openapi-json"}
    pages = ["/"] + [f"/{route}" for route, name in all_patterns()
                     if not param_names(route) and name not in skip and (not route.startswith("api/") or name == "api:openapi-view")]
    return pages + ["/admin/"]


def url_name(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


@pytest.fixture
def demo(transactional_db, settings):
    from giaoban.demo.load import load_demo

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.GIAOBAN_JOBS_INLINE = True
    load_demo()


@pytest.mark.e2e
@pytest.mark.slow
def test_every_page_as_each_demo_role_keeps_the_policy(live_server, demo, browser):
    from giaoban.demo.load import DEMO_PASSWORD

    base = live_server.url
    problems, visited = [], Counter()
    for username in ROLES:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        context.add_init_script(LISTEN)
        page = context.new_page()
        page.set_default_timeout(30_000)
        console = []
        page.on("console", lambda m, sink=console: sink.append(m.text) if "Content Security Policy" in m.text else None)
        page.goto(f"{base}/dang-nhap/")
        page.fill("#id_username", username)
        page.fill("#id_password", DEMO_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(lambda url: "/dang-nhap/" not in url)
        queue, seen, per_name, pages = start_pages(), set(), Counter(), 0
        while queue and pages < PER_ROLE:
            path = queue.pop(0)
            name = url_name(urlsplit(path).path)
            if path in seen or name is None or per_name[name] >= PER_NAME:
                continue
            seen.add(path)
            per_name[name] += 1
            # Asked first without the browser: downloads, redirects and empty answers (a POST-only
            # address's 405) are not pages to open, but they too carry the header.
            probe = page.request.get(base + path, max_redirects=0)
            where = f"{username} {path}"
            if "content-security-policy" not in probe.headers:
                problems.append(f"{where}: không có tiêu đề Content-Security-Policy ({probe.status})")
            if 300 <= probe.status < 400:
                queue.append(probe.headers.get("location", "").removeprefix(base))
                continue
            if "text/html" not in probe.headers.get("content-type", "") or not probe.body():
                continue
            response = page.goto(base + path)
            pages += 1
            visited[username, name] += 1
            if response is None:
                continue
            problems += [f"{where}: {p}" for p in inline_code(response.text())]
            page.wait_for_load_state("load")
            problems += [f"{where}: {v}" for v in page.evaluate("window.__csp || []")]
            problems += [f"{where}: {c}" for c in console]
            console.clear()
            for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
                href = urldefrag(href)[0]
                if href.startswith(base):
                    href = href[len(base):]
                if href.startswith("/") and not href.startswith("//") and href not in seen:
                    queue.append(href)
        context.close()
    names = {name for (_, name) in visited}
    print(f"CSP crawl: {sum(visited.values())} pages, {len(names)} URL names, {len(ROLES)} roles")
    for username in ROLES:
        print(username, sorted(name for (u, name) in visited if u == username))
    assert {"home", "collection:entry", "analytics:dashboard", "documents:index"} <= names, sorted(names)
    assert not problems, "\n".join(problems[:80])


@pytest.mark.e2e
@pytest.mark.slow
def test_the_language_menu_works_from_its_script_file(live_server, transactional_db, page):
    """The menu sent its form by an inline onchange=, which the policy blocks; menu.js does it now."""
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{live_server.url}/dang-nhap/")
    assert page.evaluate("document.documentElement.classList.contains('js')")  # js.js ran
    with page.expect_navigation():
        page.select_option("#lang-select", "en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert not violations

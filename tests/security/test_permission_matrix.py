"""The cross-cutting permission matrix: every URL pattern of the project × every role.

URL patterns are found by walking get_resolver().url_patterns, so a page added tomorrow is
covered without touching this file. Path parameters are filled from the fixture tree
(tests/security/tree.py) with ids inside and outside each user's scope. Every unit's report
carries a unique ASCII marker in its narrative and a unique figure; the rules are:

- anonymous: never 200 (only the PUBLIC pages), never a marker, never a 5xx;
- a logged-in user: no response ever contains the marker or the figure of a unit outside
  access.viewable_units(user), whatever ids are put in the URL; never a 5xx;
- form posts and JSON bodies aimed at every URL change only reports of units the user may
  enter or approve (anonymous: nothing at all).

A pattern whose parameters cannot be filled must be listed in UNFILLABLE with a reason;
the Django admin is checked apart (staff only), see test_admin_is_staff_only.
"""

import itertools
import json
import uuid
from decimal import Decimal

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from giaoban.collection import access
from giaoban.collection.models import DataValue, Report
from tests.security.tree import PERIOD, build_tree

pytestmark = pytest.mark.slow

# Pages anyone may open (name → why).
PUBLIC = {
    "login": "trang đăng nhập",
    "home": "khi chưa đăng nhập: chính trang đăng nhập (máy khách DHIS2 mở '/' để tìm địa chỉ gốc)",
    "healthz": "kiểm tra sống cho bộ cân bằng tải, không có dữ liệu",
    "api:openapi-json": "lược đồ OpenAPI (mô tả API, không có dữ liệu)",
    "api:openapi-view": "tài liệu API",
    "api:api-root": "chỉ mục API (danh sách đường dẫn)",
    "set_language": "đổi ngôn ngữ của chính người xem, không có dữ liệu",
}
# Patterns this test cannot fill (name → why); checked elsewhere.
UNFILLABLE: dict[str, str] = {}
SKIPPED_NAMESPACES = {"admin": "Django admin: AdminSite.has_permission (staff only); see test_admin_is_staff_only"}
# Logout is a POST that ends the test client's session; it changes no data.
NOT_POSTED = {"logout": "ends the session of the test client"}

MARKERS = {}  # unit key → (narrative marker, figure)


def walk(patterns, prefix="", namespace=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace
            full_ns = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from walk(p.url_patterns, prefix + str(p.pattern), full_ns)
        elif isinstance(p, URLPattern):
            name = p.name or "?"
            yield prefix + str(p.pattern), (f"{namespace}:{name}" if namespace else name), p


def all_patterns():
    """(route, name, params) for every project URL outside the skipped namespaces."""
    out = []
    for route, name, pattern in walk(get_resolver().url_patterns):
        if name.split(":")[0] in SKIPPED_NAMESPACES:
            continue
        out.append((route, name))
    return out


def param_names(route: str) -> list[tuple[str, str]]:
    """[(converter, name)] of a route string like 'bao-cao/<int:unit_id>/<str:period>/'."""
    import re

    if route.startswith("^"):
        return [("re", n) for n in re.findall(r"\(\?P<(\w+)>", route)]
    return [((m.group(1) or "str"), m.group(2)) for m in re.finditer(r"<(?:(\w+):)?(\w+)>", route)]


def candidates(tree, name: str, converter: str) -> list[str] | None:
    units = tree.units
    reports = tree.reports
    if name in ("unit_id", "unit", "unit_pk"):
        return [str(u.pk) for u in units.values()]
    if name == "period":
        return [PERIOD]
    if name in ("report_id", "report"):
        return [str(r.pk) for r in reports.values()]
    if name == "code":
        return [PERIOD, tree.indicators[0].code]
    if name in ("pk", "id", "object_id"):
        return sorted({str(r.pk) for r in reports.values()} | {str(u.pk) for u in units.values()} | {"1"})
    if name in ("meeting_id", "task_id"):
        # The tree has no meetings: unknown ids must still be refused without a 5xx; the
        # meetings API tests check real tasks in and out of scope.
        return ["1", "999999"]
    if name == "action":
        return ["apply", "confirm", "revert"]
    if name == "ident":  # DHIS2 ids of units (each version) and indicators, and our codes
        return [u.uid for u in units.values()] + [tree.indicators[0].uid, next(iter(units.values())).code]
    if name == "rest":  # /api/{version}/….json served by the same endpoints, or a JSON 404
        return ["41/me.json", "41/organisationUnits.json", "40/dataValueSets.json", "khong-co"]
    if name == "job_type":  # DHIS2's job types: the one giaoban runs, and one it does not
        return ["DATAVALUE_IMPORT", "METADATA_IMPORT"]
    if converter == "uuid" or name.endswith("job_id"):
        return [str(uuid.uuid4())]
    return None


def fill(route: str, values: dict) -> str:
    import re

    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values[m.group(1)], route)
    return "/" + path


def urls(tree, max_variants=24):
    """(name, path) for every pattern, with every combination of candidate values (capped)."""
    out, unfillable = [], []
    for route, name in all_patterns():
        if route.startswith("^"):
            unfillable.append((name, route))
            continue
        params = param_names(route)
        options = []
        for converter, pname in params:
            c = candidates(tree, pname, converter)
            if c is None:
                break
            options.append([(pname, v) for v in c])
        else:
            for combo in itertools.islice(itertools.product(*options), max_variants):
                out.append((name, fill(route, dict(combo))))
            continue
        if name not in UNFILLABLE:
            unfillable.append((name, route))
    return out, unfillable


@pytest.fixture
def tree(db):
    t = build_tree()
    for i, (key, report) in enumerate(sorted(t.reports.items())):
        marker, figure = f"MARKER_{key.upper()}_Q7X", 918270 + i
        report.highlights = f"Kết quả riêng {marker}"
        report.save()
        DataValue.objects.filter(report=report, indicator=t.indicators[1]).update(value=Decimal(figure))
        MARKERS[key] = (marker, figure)
    return t


def leaked(body: str, keys) -> list[str]:
    found = []
    for key in keys:
        marker, figure = MARKERS[key]
        # The figure as stored, as Vietnamese display (918.271), or as JSON.
        if marker in body or str(figure) in body or f"{figure // 1000}.{figure % 1000:03d}" in body:
            found.append(key)
    return found


def hidden_keys(tree, user) -> list[str]:
    visible = set(access.viewable_units(user).values_list("pk", flat=True))
    return [k for k, r in tree.reports.items() if r.unit_id not in visible]


def body_text(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    content = response.content
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return content.decode("latin-1")
    if response.get("Content-Type", "").startswith("application/json"):
        # JSON may escape non-ASCII; the markers are ASCII, but normalise anyway.
        try:
            text += json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            pass
    return text


def test_every_pattern_is_filled_or_explained(tree):
    _, unfillable = urls(tree)
    assert unfillable == [], (
        "These URL patterns have parameters the matrix cannot fill; add a filler in candidates() "
        f"or list them in UNFILLABLE with a reason: {unfillable}")


def test_anonymous_gets_no_data(tree, client):
    problems = []
    for name, path in urls(tree)[0]:
        r = client.get(path)
        if r.status_code >= 500:
            problems.append((path, r.status_code, "5xx"))
            continue
        if name in PUBLIC:
            continue
        if r.status_code == 200:
            problems.append((path, r.status_code, "200 for anonymous"))
        elif r.status_code in (301, 302, 303, 307, 308) and "dang-nhap" not in r.get("Location", "") and "login" not in r.get("Location", ""):
            problems.append((path, r.status_code, "redirect elsewhere than login: " + r.get("Location", "")))
        elif r.status_code not in (301, 302, 303, 307, 308, 401, 403, 404, 405):
            problems.append((path, r.status_code, "unexpected status"))
        if leaked(body_text(r), MARKERS):
            problems.append((path, r.status_code, "marker leaked"))
    assert problems == []


@pytest.mark.parametrize("username", ["entry_a1", "entry_a2", "view_a2", "approve_p", "entry_phunu_a1", "admin"])
def test_logged_in_users_never_see_other_units_data(tree, client, username):
    user = tree.users[username]
    hidden = hidden_keys(tree, user)
    if username in ("entry_a1", "view_a2", "entry_phunu_a1"):
        assert hidden, "the fixture must give this user out-of-scope units"
    client.force_login(user)
    problems = []
    seen, own_seen = 0, set()
    own = [k for k in tree.reports if k not in hidden]
    for name, path in urls(tree)[0]:
        if name == "logout":
            continue
        r = client.get(path)
        seen += 1
        if r.status_code >= 500:
            problems.append((path, r.status_code, "5xx"))
            continue
        body = body_text(r)
        leaks = leaked(body, hidden)
        if leaks:
            problems.append((path, r.status_code, f"shows data of {leaks}"))
        own_seen.update(leaked(body, own))
    assert seen > 20
    assert problems == []
    # The detector works: the user's own data does show up on some page.
    assert own_seen == set(own)


def report_state():
    return {
        r.pk: (r.unit_id, r.status, r.version, r.highlights, tuple(sorted((v.indicator_id, str(v.value)) for v in r.values.all())))
        for r in Report.objects.prefetch_related("values")
    }


FORM = {"value": "5", "reason": "kiểm thử", "version": "1", "expected_version": "1", "highlights": "ĐỔI",
        "tuyen_truyen_buoi": "999", "tuyen_truyen_luot_nguoi": "999", "period": PERIOD, "comment": "x"}


def json_body(tree):
    unit = tree.units["mttq_a2"]
    return {
        "unit_id": unit.pk, "unit": unit.code, "period": PERIOD, "expected_version": 1, "version": 1, "reason": "x",
        "values": {ind.code: {"value": 999} for ind in tree.indicators},
        "dataValues": [{"dataElement": ind.code, "orgUnit": u.code, "period": "2024Q1", "value": "999"}
                       for ind in tree.indicators for u in tree.units.values()],
    }


@pytest.mark.parametrize("username", [None, "entry_a1", "view_a2", "entry_phunu_a1"])
def test_posts_change_only_what_the_user_may_change(tree, client, username):
    user = tree.users[username] if username else None
    if user:
        client.force_login(user)
    before = report_state()
    problems = []
    for name, path in urls(tree)[0]:
        if name in NOT_POSTED:
            continue
        for kind in ("form", "json"):
            if kind == "form":
                r = client.post(path, FORM)
            else:
                r = client.post(path, json.dumps(json_body(tree)), content_type="application/json")
            if r.status_code >= 500:
                problems.append((path, kind, r.status_code))
    after = report_state()
    for pk, state in after.items():
        if before.get(pk) == state:
            continue
        unit = tree.units[next(k for k, u in tree.units.items() if u.pk == state[0])]
        allowed = user is not None and (access.can_enter(user, unit) or access.can_approve(user, unit))
        if not allowed:
            problems.append(("changed", unit.code, before.get(pk), state))
    assert problems == []


def test_admin_is_staff_only(tree, client):
    r = client.get("/admin/")
    assert r.status_code == 302 and "/admin/login/" in r["Location"]
    client.force_login(tree.users["approve_p"])  # not staff
    r = client.get("/admin/collection/report/")
    assert r.status_code == 302 and "/admin/login/" in r["Location"]
    client.force_login(tree.users["admin"])
    assert client.get("/admin/collection/report/").status_code == 200

"""Fuzzing every web page and every form parameter (hypothesis; issue 20: no input gives a 5xx).

The pages are found, not listed: every URL pattern outside the API and the admin (walked as the
permission matrix walks them, tests/security/test_permission_matrix.py) is opened as each role
of the fixture tree; every <form> on the answers (its action, method and field names, file
inputs included) and every query parameter of every link becomes a target. Hypothesis then sends
each target generated values — out-of-range periods, huge and negative numbers, NUL and other
control characters, long text, random files — as each role, and fuzzes the path parameters of
every pattern the same way. Every answer must be below 500; each case runs in a savepoint rolled
back after it, so one case's writes do not steer the next.

The number of cases run is printed and written to test-results/web-fuzz.json.
"""

import json
import re
import traceback
from collections import defaultdict
from urllib.parse import parse_qsl, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from giaoban.meetings.models import Meeting, Task
from tests.conftest import PROJECT_ROOT
from tests.security.test_permission_matrix import all_patterns, param_names, urls
from tests.security.tree import PERIOD, build_tree

pytestmark = pytest.mark.slow

ROLES = ["admin", "entry_a1", "approve_p", "view_a2"]
EXAMPLES_PER_TARGET = 30
# Not sent: logout ends the session the next cases need (it takes no parameter).
NOT_FUZZED = {"logout"}

WEIRD = ["", " ", "0", "-1", "-0", "1.5", "1,5", "1.000", "99999999999999999999", "-99999999999999999999", "1e309",
         "NaN", "inf", "1900-Y", "2024-Q5", "2024-Q0", "0000-Q1", "9999-12", "2024-13", "2024-W99", "2024-W00",
         "2024-H3", "2024", "99999", "2024-Q1", PERIOD, "2025-07", "2026-W05", "abc", "null", "[]", "{}", "true", "on",
         "'; DROP TABLE x; --", "<script>alert(1)</script>", "\x00", "a\x00b", "\x1f", "\ud7ff", "Ủy ban MTTQ",
         "Uỷ ban", "../../etc/passwd", "%00", "x" * 3000, "1" * 400, "12", "2024-01-01", "31/12/2024", "0001-01-01",
         "9999-12-31", "2024-02-30", "mttq-03388", "tuyen_truyen_buoi", "apply", "done", "docx", "xlsx", "pdf", "html"]
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
NUMBERS = st.integers(-(10**25), 10**25).map(str)
FILE_NAMES = ["bao-cao.docx", "bao-cao.xlsx", "bao-cao.pdf", "bao-cao.txt", "a.html", "a.svg", "x.exe", "", "..\\a.docx"]


def value_strategy(options: list[str]):
    choices = [st.sampled_from(WEIRD), TEXT, NUMBERS]
    if options:
        choices.append(st.sampled_from(options))
    return st.one_of(*choices)


def file_strategy():
    return st.builds(lambda name, data: SimpleUploadedFile(name or "tep", data),
                     st.sampled_from(FILE_NAMES), st.binary(max_size=600))


@pytest.fixture
def tree(db, settings):
    settings.GIAOBAN_JOBS_INLINE = True
    settings.GIAOBAN_EXTRACT_RATE = 10**6  # the upload rate limit would answer 429s, not reach the code
    t = build_tree()
    meeting = Meeting.objects.create(title="Hội nghị giao ban quý I/2024", period=PERIOD, area=t.areas["p"],
                                     status=Meeting.Status.CONFIRMED)
    task = Task.objects.create(meeting=meeting, text="Đẩy mạnh tuyên truyền ở các thôn, bản.", due_period=PERIOD)
    task.units.set([t.units["mttq_a1"]])
    t.meeting, t.task = meeting, task
    return t


def web_urls(tree) -> list[tuple[str, str]]:
    found, _ = urls(tree, max_variants=4)
    extra = [("meetings:detail", f"/meetings/{tree.meeting.pk}/"), ("meetings:task", f"/meetings/nhiem-vu/{tree.task.pk}/")]
    return [(n, p) for n, p in found + extra if not p.startswith(("/api/", "/admin/")) and n not in NOT_FUZZED]


def url_name(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def discover(tree) -> dict:
    """(method, path) → {field name: {"file": bool, "options": [...]}} from every page's forms and links."""
    targets: dict = defaultdict(dict)
    for role in ROLES:
        client = Client()
        client.force_login(tree.users[role])
        for name, path in web_urls(tree):
            response = client.get(path)
            targets["GET", path]  # every page is a target, with or without parameters
            if "text/html" not in response.get("Content-Type", ""):
                continue
            soup = BeautifulSoup(response.content, "html.parser")
            for form in soup.find_all("form"):
                action = urlsplit(form.get("action") or path).path or path
                if url_name(action) in NOT_FUZZED or action.startswith(("/api/", "/admin/")):
                    continue
                method = (form.get("method") or "get").upper()
                fields = targets[method, action]
                for el in form.find_all(["input", "select", "textarea", "button"]):
                    field = el.get("name")
                    if not field or field == "csrfmiddlewaretoken":
                        continue
                    entry = fields.setdefault(field, {"file": False, "options": set()})
                    entry["file"] |= el.name == "input" and el.get("type") == "file"
                    if el.get("value"):
                        entry["options"].add(el["value"])
                    for option in el.find_all("option"):
                        entry["options"].add(option.get("value", option.text))
            for a in soup.find_all("a", href=True):
                parts = urlsplit(a["href"])
                if parts.netloc or not parts.query or url_name(parts.path) is None:
                    continue
                if url_name(parts.path) in NOT_FUZZED or parts.path.startswith(("/api/", "/admin/")):
                    continue
                fields = targets["GET", parts.path]
                for key, value in parse_qsl(parts.query, keep_blank_values=True):
                    fields.setdefault(key, {"file": False, "options": set()})["options"].add(value)
    return {k: {f: {"file": e["file"], "options": sorted(e["options"])} for f, e in v.items()} for k, v in targets.items()}


class Run:
    def __init__(self, tree):
        self.tree = tree
        self.clients = {}
        for role in ROLES:
            c = Client(raise_request_exception=True)
            c.force_login(tree.users[role])
            self.clients[role] = c
        self.cases = 0
        self.failures: dict[str, str] = {}

    def send(self, role, method, path, data, target):
        self.cases += 1
        client = self.clients[role]
        try:
            with transaction.atomic():
                if method == "GET":
                    response = client.get(path, {k: v for k, v in data.items() if not hasattr(v, "read")})
                else:
                    response = client.post(path, data)
                status = response.status_code
                transaction.set_rollback(True)
        except Exception:
            status, detail = 500, traceback.format_exc(limit=-4)
        else:
            detail = ""
        if status >= 500:
            key = f"{method} {target}"
            self.failures.setdefault(key, f"{role} {method} {path} {_short(data)} → {status}\n{detail}")
        if "_auth_user_id" not in client.session:  # a page that ended the session: log in again
            client.force_login(self.tree.users[role])


def _short(data) -> str:
    return repr({k: (f"<tệp {v.name}>" if hasattr(v, "read") else v[:60]) for k, v in data.items()})[:300]


def fuzz_form(run, method, path, fields):
    optional = {}
    for name, spec in fields.items():
        optional[name] = file_strategy() if spec["file"] else value_strategy(spec["options"])

    @given(role=st.sampled_from(ROLES), data=st.fixed_dictionaries({}, optional=optional))
    @settings(max_examples=EXAMPLES_PER_TARGET, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    def case(role, data):
        run.send(role, method, path, data, path)

    case()


CONVERTED = {"int": st.one_of(st.integers(0, 10**6), st.integers(0, 10**30)).map(str),
             "str": st.one_of(st.sampled_from([w for w in WEIRD if w and "/" not in w and "\x00" not in w]),
                              st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"],
                                                             exclude_characters="/?#%"), min_size=1, max_size=30)),
             "slug": st.from_regex(r"\A[-a-zA-Z0-9_]{1,40}\Z"),
             "uuid": st.uuids().map(str),
             "path": st.one_of(st.sampled_from(["41/me.json", "40/dataValueSets.json", "41/organisationUnits.json?paging=false",
                                                "me.json", "41/", "41/../../etc/passwd", "9" * 30 + "/me.json"]),
                               st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"],
                                                              exclude_characters="?#%"), min_size=1, max_size=40))}


def fuzz_path(run, route, name):
    params = param_names(route)
    strategies = {p: CONVERTED.get(conv, CONVERTED["str"]) for conv, p in params}

    @given(role=st.sampled_from(ROLES), values=st.fixed_dictionaries(strategies), method=st.sampled_from(["GET", "POST"]))
    @settings(max_examples=EXAMPLES_PER_TARGET, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    def case(role, values, method):
        path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values[m.group(1)], route)
        if url_name(path) != name:  # a generated value the converter does not take: a 404 by routing
            return
        run.send(role, method, path, {}, route)

    case()


def test_no_web_page_or_form_parameter_gives_a_server_error(tree):
    targets = discover(tree)
    forms = {k: v for k, v in targets.items() if v}
    assert len(forms) >= 25, sorted(forms)  # the discovery found the forms and filters
    run = Run(tree)
    for (method, path), fields in sorted(targets.items()):
        if fields:
            fuzz_form(run, method, path, fields)
    # the API's operations are schemathesis' (tests/api/test_schemathesis.py); its catch-all for
    # DHIS2 paths (/api/41/…, ….json) is in no schema, so it is fuzzed here
    routes = [(r, n) for r, n in all_patterns() if param_names(r) and not r.startswith("^")
              and (not r.startswith("api/") or n == "dhis2_path") and n.split(":")[0] != "admin"]
    for route, name in routes:
        fuzz_path(run, route, name)
    parameters = sum(len(v) for v in forms.values())
    summary = {"cases": run.cases, "form_targets": len(forms), "parameters": parameters, "path_patterns": len(routes),
               "roles": ROLES, "server_errors": len(run.failures)}
    print("web fuzz:", json.dumps(summary, ensure_ascii=False))
    out = PROJECT_ROOT / "test-results"
    out.mkdir(exist_ok=True)
    (out / "web-fuzz.json").write_text(json.dumps({**summary, "failures": run.failures}, ensure_ascii=False, indent=1))
    assert run.cases >= 1500
    assert not run.failures, f"{len(run.failures)} targets gave a 5xx:\n\n" + "\n\n".join(run.failures.values())

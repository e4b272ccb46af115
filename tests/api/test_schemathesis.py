"""Property-based run of the whole API against its own OpenAPI schema (schemathesis): for every
operation, a bounded number of generated requests, authenticated with a superuser's token
(so the requests reach the code, not the 401), must never get a 5xx and every response must
match the schema (status code, content type, body). The number of cases run is printed and
written to test-results/api-fuzz.json (the web pages' fuzz: tests/security/test_web_fuzz.py)."""

import json

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from giaoban.analytics import summary
from giaoban.collection.models import Report
from tests.api.conftest import MEETING_TEXT, auth
from tests.conftest import PROJECT_ROOT

EXAMPLES_PER_OPERATION = 12
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(autouse=True)
def keep_connection():
    """Requests go straight to a WSGIHandler, whose request_started/finished signals close the
    database connection: on PostgreSQL that kills the test's transaction (SQLite's in-memory
    database ignores it). Django's own test client disconnects the same handler for its requests."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.slow
def test_api_conforms_to_its_schema(world):
    app = WSGIHandler()
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    headers = {"Authorization": auth(world, world.admin)["HTTP_AUTHORIZATION"]}
    failures, operations, paths, cases = [], 0, set(), [0]
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        paths.add(operation.path)

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def run(case):
            cases[0] += 1
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            run()
        except Exception as exc:  # collect every operation's failure, then report them all
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}")
    summary = {"cases": cases[0], "operations": operations, "paths": len(paths), "failures": len(failures)}
    print("API fuzz:", json.dumps(summary))
    out = PROJECT_ROOT / "test-results"
    out.mkdir(exist_ok=True)
    (out / "api-fuzz.json").write_text(json.dumps({**summary, "failed": failures}, ensure_ascii=False, indent=1))
    assert operations >= 20
    assert NEW_PATHS <= paths, NEW_PATHS - paths
    assert not failures, "\n\n".join(failures)


NEW_PATHS = {"/api/analytics/query", "/api/analytics/dashboard", "/api/analytics/completeness", "/api/meetings",
             "/api/meetings/{meeting_id}", "/api/tasks", "/api/tasks/{task_id}", "/api/tasks/{task_id}/status"}


@pytest.mark.slow
def test_real_answers_of_analytics_meetings_and_tasks_match_the_schema(tasks):
    """Generated requests mostly end in a 4xx; these reach the data, for each role, and the
    answers (rows, dashboards, meetings, tasks, and the 404/403 of swapped ids) must match the
    schema too."""
    w = tasks
    Report.objects.update(status=Report.Status.APPROVED)
    summary.rebuild()
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", WSGIHandler())
    q3 = {"period": "2023-Q3"}
    cases = [
        (w.admin, "GET", "/analytics/query", {}, {**q3, "indicator": "tuyen_truyen_buoi", "area": "12", "by": "org"}, None, 200),
        (w.admin, "GET", "/analytics/query", {}, {"period": "2023", "by": "indicator"}, None, 200),
        (w.admin, "GET", "/analytics/query", {}, {"period": "2023", "indicator": "du_no", "by": "period"}, None, 200),
        (w.entry, "GET", "/analytics/query", {}, {**q3, "indicator": "tuyen_truyen_buoi", "by": "unit"}, None, 200),
        (w.viewer, "GET", "/analytics/query", {}, {**q3, "indicator": "ty_le", "unit": "phunu-03466"}, None, 200),
        (w.viewer, "GET", "/analytics/query", {}, {**q3, "indicator": "ty_le", "unit": "phunu-03388"}, None, 404),
        (w.entry, "GET", "/analytics/query", {}, {**q3, "indicator": "ty_le", "area": "12"}, None, 403),
        (w.admin, "GET", "/analytics/dashboard", {}, {**q3, "area": "12"}, None, 200),
        (w.entry, "GET", "/analytics/dashboard", {}, q3, None, 200),
        (w.approver, "GET", "/analytics/completeness", {}, {**q3, "area": "12"}, None, 200),
        (w.approver, "GET", "/meetings", {}, {}, None, 200),
        (w.approver, "GET", "/meetings/{meeting_id}", {"meeting_id": w.meeting.pk}, {}, None, 200),
        (w.entry, "GET", "/meetings/{meeting_id}", {"meeting_id": w.meeting.pk}, {}, None, 404),
        (w.approver, "POST", "/meetings", {}, {}, {"text": MEETING_TEXT, "area": "12"}, 201),
        (w.entry, "POST", "/meetings", {}, {}, {"text": MEETING_TEXT}, 403),
        (w.entry, "GET", "/tasks", {}, {"unit": "phunu-03388", "period": "2023-Q4"}, None, 200),
        (w.approver, "GET", "/tasks", {}, {"period": "2023-Q4", "overdue": "true"}, None, 200),
        (w.entry, "GET", "/tasks/{task_id}", {"task_id": w.t_doanket.pk}, {}, None, 200),
        (w.entry, "GET", "/tasks/{task_id}", {"task_id": w.t_mttq.pk}, {}, None, 404),
        (w.entry, "POST", "/tasks/{task_id}/status", {"task_id": w.t_doanket.pk}, {}, {"status": "done", "note": "xong"}, 200),
        (w.entry, "POST", "/tasks/{task_id}/status", {"task_id": w.t_old.pk}, {}, {"status": "done", "unit": "mttq-03388"}, 403),
    ]
    failures = []
    for user, method, path, path_parameters, query, body, expected in cases:
        operation = schema["/api" + path][method]
        case = operation.Case(path_parameters=path_parameters, query=query, **({"body": body} if body is not None else {}))
        headers = {"Authorization": auth(w, user)["HTTP_AUTHORIZATION"]}
        try:
            response = case.call_and_validate(headers=headers, checks=CHECKS)
            assert response.status_code == expected, (response.status_code, response.text[:300])
        except Exception as exc:
            failures.append(f"{user.username} {method} {path} {query or body}: {exc}")
    assert not failures, "\n\n".join(failures)

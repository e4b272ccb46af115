"""The autosave's write transaction is short: on SQLite every writer of the site waits while one
holds it, on PostgreSQL the report row stays locked. Inside it only the report's own rows: lock
the report, read its values, write the value, its audit entry and the new version; the catalogue
and the validation rules are read before, and nothing else is read or written inside it."""

from __future__ import annotations

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from giaoban.collection import workflow as wf
from giaoban.collection.models import Report

from .conftest import PERIOD

OWN_TABLES = {"collection_report", "collection_datavalue", "audit_auditentry"}


def write_transaction(queries: list[str]) -> list[str]:
    """The statements inside the outermost savepoint (the tests' stand-in for the transaction)."""
    start = next(i for i, q in enumerate(queries) if q.startswith("SAVEPOINT"))
    name = queries[start].split()[1]
    end = next(i for i, q in enumerate(queries) if q.startswith("RELEASE SAVEPOINT") and name in q)
    return queries[start + 1:end]


def test_autosave_holds_the_write_transaction_for_its_own_rows_only(tree, client):
    a = tree.units["phunu-a"]
    report = wf.get_or_create_report(a, PERIOD, tree.users["entry_a"])
    wf.save_values(report, tree.users["entry_a"], {"tuyen_truyen_buoi": {"value": 3}}, expected_version=report.version)
    report.refresh_from_db()
    client.force_login(tree.users["entry_a"])
    url = reverse("collection:autosave", args=[a.pk, PERIOD])
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(url, {"version": str(report.version), "was-v-tuyen_truyen_buoi": "3", "v-tuyen_truyen_buoi": "4"})
    assert response.status_code == 200, response.content
    inside = write_transaction([q["sql"] for q in ctx.captured_queries])
    tables = {t for q in inside for t in re.findall(r'(?:FROM|INTO|UPDATE|JOIN)\s+"?([a-z_]+)"?', q)}
    # joined for names: the report's unit and organization (with its lock), the values' indicators;
    # the peer tops of the figures written (giaoban.collection.peers), one statement just before the commit
    assert tables <= OWN_TABLES | {"org_unit", "org_organization", "org_indicator", "collection_peertop"}, tables
    assert "collection_peertop" in inside[-1], "the shared peer-top rows are written last: locked for the shortest time"
    assert len(inside) <= 7, "\n".join(q[:120] for q in inside)
    assert Report.objects.get(pk=report.pk).version == report.version + 1


def test_a_figure_refused_by_a_rule_leaves_the_others_saved_in_one_transaction(tree, client):
    """Each field of the autosave saves on its own: a figure that breaks a blocking rule is left
    out and named, the others are written, in the one transaction that found it (three in four
    autosaves of benchmarks/load.py's random figures are refused so: a rolled-back transaction
    and a second one to save the rest cost a lock, a read of the figures and a rollback more)."""
    a = tree.units["phunu-a"]
    report = wf.get_or_create_report(a, PERIOD, tree.users["entry_a"])
    client.force_login(tree.users["entry_a"])
    url = reverse("collection:autosave", args=[a.pk, PERIOD])
    cases = [  # posted figures, saved, refused (a percentage over 100 breaks a blocking rule)
        ({"v-co_so_vung_manh": "120", "v-ket_nap_moi": "2"}, {"ket_nap_moi": 2}, {"co_so_vung_manh"}),
        ({"v-co_so_vung_manh": "130"}, {"ket_nap_moi": 2}, {"co_so_vung_manh"}),
        ({"v-co_so_vung_manh": "80", "v-ket_nap_moi": "3"}, {"ket_nap_moi": 3, "co_so_vung_manh": 80}, set()),
    ]
    for posted, saved, refused in cases:
        version = Report.objects.get(pk=report.pk).version
        with CaptureQueriesContext(connection) as ctx:
            response = client.post(url, {"version": str(version), **posted})
        body = response.json()
        assert response.status_code == (400 if refused else 200), body
        assert set(body.get("errors", {})) == refused
        assert {dv.indicator.code: dv.value for dv in report.values.select_related("indicator")} == saved
        queries = [q["sql"] for q in ctx.captured_queries]
        assert sum(q.startswith("SAVEPOINT") for q in queries) == 1, "\n".join(q[:100] for q in queries)
        assert not any(q.startswith("ROLLBACK") for q in queries)


def test_an_autosave_to_a_report_sent_or_approved_opens_no_transaction(tree, client):
    """A submitted or approved report read by the request is refused as the locked save would
    refuse it (same answer), without locking the report and rolling back."""
    a = tree.units["phunu-a"]
    report = wf.get_or_create_report(a, PERIOD, tree.users["entry_a"])
    client.force_login(tree.users["entry_a"])
    url = reverse("collection:autosave", args=[a.pk, PERIOD])
    for status, label in ((Report.Status.SUBMITTED, "Đã gửi"), (Report.Status.APPROVED, "Đã duyệt")):
        Report.objects.filter(pk=report.pk).update(status=status)
        with CaptureQueriesContext(connection) as ctx:
            response = client.post(url, {"version": str(report.version), "v-ket_nap_moi": "2"})
        assert response.status_code == 400
        assert response.json()["message"].startswith(f"Báo cáo đang ở trạng thái '{label}', không sửa được.")
        queries = [q["sql"] for q in ctx.captured_queries]
        assert not any(q.startswith("SAVEPOINT") or "FOR UPDATE" in q for q in queries), queries
    assert not report.values.exists()

"""Concurrency and fault scenarios, run in a fresh process against DATABASE_URL (an SQLite file
or a PostgreSQL database): `python -m tests.security.concurrency_scenario`. Prints one JSON
object; tests/security/test_concurrency.py asserts on it.

Threads have their own database connections (Django connections are per thread), so this is
what 20 gunicorn threads/processes writing at once do to the database.
"""

import json
import os
import sys
import threading
import time
import traceback
from collections import Counter
from decimal import Decimal

WRITERS = 20


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)


def run_threads(target, n=WRITERS):
    """Run target(i) in n threads released together; collect (ok, result-or-error-class, message)."""
    from django.db import connection

    barrier = threading.Barrier(n)
    out = [None] * n

    def worker(i):
        try:
            barrier.wait()
            out[i] = ("ok", target(i), "")
        except Exception as exc:  # recorded, asserted on by the test
            out[i] = ("error", type(exc).__name__, str(exc)[:300] + "\n" + traceback.format_exc(limit=3)[-600:])
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    return out


def classify(outcomes):
    return dict(Counter(o[0] if o[0] == "ok" else o[1] for o in outcomes))


def unexpected(outcomes, expected=("ConflictError", "WorkflowError")):
    return [o[2] for o in outcomes if o[0] == "error" and o[1] not in expected]


# ---- scenarios ------------------------------------------------------------------------------

def lost_update(tree):
    """20 writers each add 1 to the same figure 3 times (read, add, save with the version read,
    retry on conflict). Nothing may be lost: the figure ends at start + 60."""
    from giaoban.collection import workflow
    from giaoban.collection.models import DataValue, Report

    report_id = tree.reports["mttq_a1"].pk
    # The attendees, not the sessions: every write runs the blocking rules, and more sessions
    # than attendees is refused (a rule error here would hide what the test is about).
    code = tree.indicators[1].code
    start = DataValue.objects.get(report_id=report_id, indicator__code=code).value
    user = tree.users["entry_a1"]
    conflicts = Counter()

    def add_one(i):
        from django.contrib.auth import get_user_model

        me = get_user_model().objects.get(pk=user.pk)
        for _ in range(3):
            for attempt in range(200):
                report = Report.objects.select_related("unit", "unit__organization").get(pk=report_id)
                current = DataValue.objects.get(report=report, indicator__code=code).value
                try:
                    workflow.save_values(report, me, {code: {"value": current + 1}}, expected_version=report.version)
                    break
                except workflow.ConflictError:
                    conflicts[i] += 1
                    time.sleep(0.005 * (attempt % 5))
            else:
                raise RuntimeError("gave up after 200 conflicts")
        return True

    outcomes = run_threads(add_one)
    final = DataValue.objects.get(report_id=report_id, indicator__code=code).value
    audits = _audit_count("value.update", report_id, code)
    return {"outcomes": classify(outcomes), "unexpected": unexpected(outcomes), "start": str(start), "final": str(final),
            "expected": str(start + 3 * WRITERS), "conflicts": sum(conflicts.values()), "value_audits": audits}


def _audit_count(action, report_id=None, field=None):
    from giaoban.audit.models import AuditEntry

    qs = AuditEntry.objects.filter(action=action)
    if report_id is not None:
        qs = qs.filter(object_type="collection.report", object_id=str(report_id))
    if field is not None:
        qs = qs.filter(field=field)
    return qs.count()


def submit_approve_race(tree):
    """20 threads submit the same draft at once, then 20 approve it at once: exactly one of each
    succeeds, the others get a clear WorkflowError, and the audit trail has one entry of each."""
    from django.contrib.auth import get_user_model

    from giaoban.collection import workflow
    from giaoban.collection.models import Report

    report_id = tree.reports["mttq_a1"].pk
    User = get_user_model()
    # A figure consistent with the others, so the validation rules let the report go.
    report = Report.objects.select_related("unit").get(pk=report_id)
    workflow.save_values(report, User.objects.get(username="entry_a1"), {tree.indicators[1].code: {"value": 5000}},
                         expected_version=report.version)

    def submit(i):
        workflow.submit(Report.objects.select_related("unit").get(pk=report_id), User.objects.get(username="entry_a1"))

    def approve(i):
        workflow.approve(Report.objects.select_related("unit").get(pk=report_id), User.objects.get(username="approve_p"), expected_version=None)

    submits = run_threads(submit)
    approves = run_threads(approve)
    report = Report.objects.get(pk=report_id)
    return {"submit": classify(submits), "approve": classify(approves),
            "unexpected": unexpected(submits) + unexpected(approves),
            "messages": sorted({o[2].splitlines()[0] for o in submits + approves if o[0] == "error"})[:3],
            "status": report.status, "submit_audits": _audit_count("submit", report_id),
            "approve_audits": _audit_count("approve", report_id)}


def concurrent_imports(tree):
    """20 bulk imports of overlapping rows at once, into a period with no reports yet (so they
    race to create them): afterwards one report per (unit, period), one value per key, every
    value one of the written ones, and every import either done or refused cleanly."""
    from giaoban.collection import bulk
    from giaoban.collection.models import DataValue, Report

    units = [tree.units[k] for k in ("mttq_a1", "mttq_a2", "phunu_a1")]
    period = "2024-Q2"

    def rows(i):
        for u in units:
            for ind in tree.indicators:
                yield (u.pk, ind.pk, period, str(100 * i + ind.pk), f"lần {i}", 0)

    outcomes = run_threads(lambda i: bulk.write_values(rows(i), source="import").ok)
    keys = Counter(DataValue.objects.filter(period=period).values_list("unit_id", "indicator_id"))
    reports = Counter(Report.objects.filter(period=period).values_list("unit_id", flat=True))
    written = {Decimal(100 * i + ind.pk) for i in range(WRITERS) for ind in tree.indicators}
    values = list(DataValue.objects.filter(period=period).values_list("value", flat=True))
    return {"outcomes": classify(outcomes), "unexpected": unexpected(outcomes, expected=()),
            "values": len(keys), "duplicate_values": sum(1 for c in keys.values() if c > 1),
            "reports": len(reports), "duplicate_reports": sum(1 for c in reports.values() if c > 1),
            "foreign_values": sum(1 for v in values if v not in written),
            "all_ok": all(o[0] == "ok" and o[1] for o in outcomes)}


def mixed_writers(tree):
    """20 writers at once, each on its own path: entry users saving their report several times,
    one submitting, the approver approving the other unit's submitted report, importers writing
    a new period. Checks: no unexpected error; per-report version == number of effective saves."""
    from django.contrib.auth import get_user_model

    from giaoban.collection import bulk, workflow
    from giaoban.collection.models import DataValue, Report

    User = get_user_model()
    ind = tree.indicators[1].code
    for k in ("mttq_a1", "mttq_a2", "phunu_a1"):  # the creation race is concurrent_imports' subject
        Report.objects.get_or_create(unit=tree.units[k], period="2024-Q3")

    def work(i):
        role = i % 4
        if role == 0:  # phunu entry saves narrative + value on its own (submitted → not editable) report: refused
            r = Report.objects.select_related("unit").get(pk=tree.reports["phunu_a1"].pk)
            try:
                workflow.save_values(r, User.objects.get(username="entry_phunu_a1"), {ind: {"value": i}}, expected_version=r.version)
            except workflow.WorkflowError:
                return "refused"
            return "saved"
        if role == 1:  # import into 2024-Q3 for three units
            rows = [(tree.units[k].pk, tree.indicators[0].pk, "2024-Q3", str(i), "", 0) for k in ("mttq_a1", "mttq_a2", "phunu_a1")]
            return bulk.write_values(rows, source="import").ok
        if role == 2:  # entry_a2 saves on a 2024-Q4 draft, retrying on conflicts
            unit = tree.units["mttq_a2"]
            me = User.objects.get(username="entry_a2")
            for _ in range(100):
                r = workflow.get_or_create_report(unit, "2024-Q4", me)
                try:
                    workflow.save_values(r, me, {ind: {"value": i}}, expected_version=r.version)
                    return "saved"
                except workflow.ConflictError:
                    time.sleep(0.01)
            return "gave-up"
        # role 3: read-only dashboards while the others write
        return Report.objects.filter(period__startswith="2024").count()

    outcomes = run_threads(work)
    q4 = Report.objects.filter(unit=tree.units["mttq_a2"], period="2024-Q4")
    return {"outcomes": classify(outcomes), "unexpected": unexpected(outcomes, expected=()),
            "results": Counter(str(o[1]) for o in outcomes if o[0] == "ok").most_common(),
            "q4_reports": q4.count(), "q4_values": DataValue.objects.filter(period="2024-Q4").count(),
            "q3_values": DataValue.objects.filter(period="2024-Q3").count()}


# ---- faults ---------------------------------------------------------------------------------

class Killer:
    """Kill this thread's database connection right after the first statement matching `marker`
    ran, while the transaction is still open: pg_terminate_backend from a second connection on
    PostgreSQL; on SQLite the connection is closed under Django's feet (a crashed process)."""

    def __init__(self, marker):
        self.marker = marker
        self.fired = False

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not self.fired and self.marker in sql.replace('"', ""):
            self.fired = True
            conn = context["connection"]
            if conn.vendor == "postgresql":
                pid = conn.connection.info.backend_pid
                import psycopg
                from django.conf import settings

                db = settings.DATABASES["default"]
                with psycopg.connect(host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"], dbname=db["NAME"],
                                     password=db["PASSWORD"] or None, autocommit=True) as admin:
                    admin.execute("SELECT pg_terminate_backend(%s)", [pid])
                time.sleep(0.2)
            else:
                conn.connection.close()
        return result


def _killed(fn, marker):
    from django.db import connection

    killer = Killer(marker)
    error = None
    try:
        with connection.execute_wrapper(killer):
            fn()
    except Exception as exc:
        error = type(exc).__name__
    finally:
        try:
            connection.close()
        except Exception:
            pass
    return killer.fired, error


def fault_bulk_import(tree):
    from giaoban.audit.models import AuditEntry
    from giaoban.collection import bulk
    from giaoban.collection.models import DataValue, Report

    period = "2025-Q1"
    rows = [(tree.units[k].pk, ind.pk, period, str(7 + ind.pk), "", 0) for k in ("mttq_a1", "mttq_a2") for ind in tree.indicators]
    audits_before = AuditEntry.objects.count()
    fired, error = _killed(lambda: bulk.write_values(rows, source="import"), 'UPDATE collection_report SET version')
    after_kill = {"values": DataValue.objects.filter(period=period).count(),
                  "reports": Report.objects.filter(period=period).count(),
                  "audits": AuditEntry.objects.count() - audits_before}
    retry = bulk.write_values(rows, source="import")
    return {"fired": fired, "error": error, "after_kill": after_kill, "retry_ok": retry.ok, "retry_imported": retry.imported,
            "after_retry": {"values": DataValue.objects.filter(period=period).count(),
                            "reports": Report.objects.filter(period=period).count()}}


def fault_approval(tree):
    from django.contrib.auth import get_user_model

    from giaoban.collection import workflow
    from giaoban.collection.models import Report

    report_id = tree.reports["mttq_a2"].pk  # submitted
    approver = get_user_model().objects.get(username="approve_p")

    def approve():
        workflow.approve(Report.objects.select_related("unit").get(pk=report_id), approver, expected_version=None)

    before = Report.objects.get(pk=report_id)
    fired, error = _killed(approve, 'UPDATE collection_report')
    after = Report.objects.get(pk=report_id)
    after_kill = {"status": after.status, "version_unchanged": after.version == before.version,
                  "approve_audits": _audit_count("approve", report_id)}
    approve()
    final = Report.objects.get(pk=report_id)
    return {"fired": fired, "error": error, "after_kill": after_kill,
            "after_retry": {"status": final.status, "approve_audits": _audit_count("approve", report_id)}}


def main():
    setup()
    from django.db import connection

    from tests.security.tree import build_tree

    tree = build_tree()
    only = sys.argv[1:] or ["lost_update", "submit_approve_race", "concurrent_imports", "mixed_writers",
                            "fault_bulk_import", "fault_approval"]
    result = {"vendor": connection.vendor}
    connection.close()
    for name in only:
        started = time.monotonic()
        try:
            result[name] = globals()[name](tree)
        except Exception:
            result[name] = {"crashed": traceback.format_exc()[-1500:]}
        result[name]["seconds"] = round(time.monotonic() - started, 2)
        connection.close()
    print(json.dumps(result, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()

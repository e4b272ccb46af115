"""20 concurrent writers and killed connections, on an SQLite file and on PostgreSQL.

The scenarios run in a fresh process (tests/security/concurrency_scenario.py) against their
own database, so the threads really hold separate connections to a real file or server (the
test run's own SQLite database is in memory). PostgreSQL uses `dev_security_conc`, dropped and
recreated; it is skipped when the server is not reachable.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import missing

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
PG_DB = "dev_security_conc"

pytestmark = pytest.mark.slow


def pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, connect_timeout=3):
            return True
    except Exception:
        return False


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def results(request, tmp_path_factory):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('conc') / 'conc.sqlite3'}"
    else:
        if not pg_available():
            missing("PostgreSQL is not reachable at 127.0.0.1:5432")
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{PG_DB}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{PG_DB}"')
        url = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "giaoban.settings"}
    r = subprocess.run([sys.executable, "-m", "tests.security.concurrency_scenario"], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    data = json.loads(r.stdout.strip().splitlines()[-1])
    assert data["vendor"] == request.param
    yield data
    if request.param == "postgresql":
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{PG_DB}" WITH (FORCE)')


def scenario(results, name):
    data = results[name]
    assert "crashed" not in data, data.get("crashed")
    return data


def test_no_lost_update_with_20_writers_on_one_figure(results):
    d = scenario(results, "lost_update")
    assert d["unexpected"] == [] and d["outcomes"] == {"ok": 20}
    assert d["final"] == d["expected"]  # 20 writers × 3 increments, none lost
    assert d["value_audits"] == 60  # one audit entry per effective save


def test_one_submit_and_one_approval_win_the_race(results):
    d = scenario(results, "submit_approve_race")
    assert d["unexpected"] == []
    assert d["submit"] == {"ok": 1, "WorkflowError": 19}
    assert d["approve"] == {"ok": 1, "WorkflowError": 19}
    assert d["status"] == "approved" and d["submit_audits"] == 1 and d["approve_audits"] == 1
    assert all("trạng thái" in m for m in d["messages"])  # the losers get a clear Vietnamese reason


def test_concurrent_imports_leave_no_duplicates(results):
    d = scenario(results, "concurrent_imports")
    assert d["duplicate_values"] == 0 and d["duplicate_reports"] == 0 and d["foreign_values"] == 0
    assert d["values"] == 6 and d["reports"] == 3


def test_concurrent_imports_all_succeed_without_unhandled_errors(results):
    d = scenario(results, "concurrent_imports")
    assert d["unexpected"] == [], d["unexpected"][:1]
    assert d["all_ok"]


def test_mixed_writers_no_unexpected_error(results):
    d = scenario(results, "mixed_writers")
    assert d["unexpected"] == [], d["unexpected"][:1]
    assert d["outcomes"] == {"ok": 20}
    results_by_kind = dict(map(tuple, d["results"]))
    assert results_by_kind.get("refused") == 5  # submitted report: editing refused with a WorkflowError
    assert results_by_kind.get("saved") == 5 and results_by_kind.get("True") == 5
    assert d["q4_reports"] == 1 and d["q4_values"] == 1 and d["q3_values"] == 3


def test_connection_killed_during_bulk_import_leaves_nothing_and_retry_works(results):
    d = scenario(results, "fault_bulk_import")
    assert d["fired"] and d["error"] in {"OperationalError", "InterfaceError", "ProgrammingError"}
    assert d["after_kill"] == {"values": 0, "reports": 0, "audits": 0}
    assert d["retry_ok"] and d["retry_imported"] == 4
    assert d["after_retry"] == {"values": 4, "reports": 2}


def test_connection_killed_during_approval_leaves_it_submitted_and_retry_works(results):
    d = scenario(results, "fault_approval")
    assert d["fired"] and d["error"] in {"OperationalError", "InterfaceError", "ProgrammingError"}
    assert d["after_kill"] == {"status": "submitted", "version_unchanged": True, "approve_audits": 0}
    assert d["after_retry"] == {"status": "approved", "approve_audits": 1}

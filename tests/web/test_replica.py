"""Reads on a PostgreSQL streaming replica (giaoban/web/replica.py), against the real one that
.ci/run starts (bash .ci/pg-replica ensure: 127.0.0.1:5433, DATABASE_REPLICA_URL).

The test database is created on the primary and reaches the replica by replication; the
``replica`` alias points at the same database name on the replica's port (Django's MIRROR only
renames it: the first test checks that it really is a server in recovery on another port).
Data are committed (transactional tests): a TestCase's transaction never reaches a replica.
Waits are polls with a deadline, never a fixed sleep.

On SQLite these tests do not apply (skipped); on PostgreSQL without a replica they skip on a
developer's machine and fail in CI.
"""

from __future__ import annotations

import csv
import fcntl
import io
import os
import socket
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from giaoban.collection import workflow as wf
from giaoban.web import replica as rr
from tests.collection.conftest import PERIOD, build_tree
from tests.conftest import PROJECT_ROOT, missing

HAS_REPLICA = "replica" in django_settings.DATABASES
ON_POSTGRES = django_settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
SCRIPT = PROJECT_ROOT / ".ci" / "pg-replica"
replica_db = pytest.mark.django_db(transaction=True, databases=["default", "replica"] if HAS_REPLICA else ["default"])


@pytest.fixture
def replica(settings):
    """The replica's reads turned on, this process's view of its health fresh, the replica streaming."""
    if not ON_POSTGRES:
        pytest.skip("SQLite: a streaming replica is PostgreSQL's (the PostgreSQL run of .ci/run tests it)")
    if not HAS_REPLICA:
        missing("DATABASE_REPLICA_URL is not set (a replica on 5433: bash .ci/pg-replica ensure)")
    settings.GIAOBAN_REPLICA_READS = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    try:
        _scalar("replica", "SELECT 1")
    except Exception as error:  # noqa: BLE001 - any failure to reach it means the system setup is missing
        missing(f"the replica in DATABASE_REPLICA_URL does not answer ({error})")
    # one test at a time on this machine's replica: these tests pause its replay and stop it, which
    # another checkout's run of them would meet in the middle of its own
    with open(Path(tempfile.gettempdir()) / "giaoban-replica-tests.lock", "a") as lock:
        deadline = time.monotonic() + 1200
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                assert time.monotonic() < deadline, "another run of the replica tests holds the replica"
                time.sleep(0.5)
        try:
            _resume()
            rr.health.reset()
            yield connections["replica"]
            connections["replica"].close()  # perhaps broken by a stop of the replica
            _resume()
            rr.health.reset()
            connections["replica"].close()  # the test database is dropped at the end: no session left on it
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _scalar(alias, sql, params=()):
    with connections[alias].cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchone()[0]


def _primary_position() -> int:
    return rr.lsn(_scalar("default", "SELECT pg_current_wal_insert_lsn()"))


def _replayed() -> int:
    return rr.lsn(_scalar("replica", "SELECT pg_last_wal_replay_lsn()")) or 0


def _wait_replayed(position: int, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    nudge = time.monotonic() + 0.5
    while _replayed() < position:
        assert time.monotonic() < deadline, "the replica did not replay the primary's WAL in time"
        if time.monotonic() > nudge:  # WAL not flushed yet (no commit after it): a commit flushes it
            _scalar("default", "SELECT txid_current()")
            nudge = time.monotonic() + 0.5
        time.sleep(0.02)
    _fresh()


def _fresh(seconds: float = 30.0) -> None:
    """This process's freshness check finds the replica fresh (its samples are taken by requests:
    the first one on a busy primary is seldom replayed the moment it is taken)."""
    deadline = time.monotonic() + seconds
    while not rr.health.fresh():
        assert time.monotonic() < deadline, "the replica is not found fresh"
        time.sleep(0.02)


def _pause() -> None:
    _scalar("replica", "SELECT pg_wal_replay_pause()::text")


def _resume() -> None:
    if _scalar("replica", "SELECT pg_get_wal_replay_pause_state()") != "not paused":
        _scalar("replica", "SELECT pg_wal_replay_resume()::text")


def _submitted(tree):
    """Commune A's report with 12 sessions, sent for approval, and on the replica."""
    entry = tree.users["entry_a"]
    report = wf.get_or_create_report(tree.units["phunu-a"], PERIOD, entry)
    wf.save_values(report, entry, {"tuyen_truyen_buoi": {"value": Decimal(12)}}, expected_version=report.version)
    wf.submit(report, entry)
    _wait_replayed(_primary_position())
    return report


def _province_sessions(client) -> str | None:
    """The province's approved 'buổi tuyên truyền' of the quarter, from the pivot's CSV."""
    response = client.get(reverse("analytics:pivot"), {"period": PERIOD, "area": "12", "rows": "area", "cols": "org",
                                                       "indicator": "tuyen_truyen_buoi", "export": "csv"})
    assert response.status_code == 200, response.content[:300]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    return rows[-1][-1] or None if len(rows) > 1 else None


def _approve(client, report):
    response = client.post(reverse("collection:approve", args=[report.unit_id, PERIOD]), {"version": str(report.version)})
    response.committed_at = time.monotonic()
    assert response.status_code in (200, 302)
    report.refresh_from_db()
    assert report.status == "approved"
    return response


def _served_by_replica(client, read) -> tuple[object, int]:
    """(what ``read`` returned, the queries of the page that the replica answered: not the router's
    own questions about its replay position)"""
    with CaptureQueriesContext(connections["replica"]) as on_replica:
        result = read(client)
    return result, sum("pg_last_wal" not in q["sql"] for q in on_replica.captured_queries)


def _read_on_replica(client, read, seconds: float = 30.0):
    """``read`` until the replica answers it (the router passes a replica over whenever it cannot
    tell that it is fresh: on a loaded machine, after a pause of the test longer than the bound)."""
    deadline = time.monotonic() + seconds
    while True:
        result, on_replica = _served_by_replica(client, read)
        if on_replica:
            return result
        assert time.monotonic() < deadline, "the replica never answered"
        time.sleep(0.02)


@replica_db
def test_page_reads_go_to_the_replica_and_writes_to_the_primary(replica, client):
    # the alias is the real replica of the test database: another server, in recovery, same name
    primary = connections["default"].settings_dict
    assert replica.settings_dict["NAME"] == primary["NAME"]
    assert str(replica.settings_dict["PORT"]) != str(primary["PORT"])
    assert _scalar("replica", "SELECT pg_is_in_recovery()") is True
    assert _scalar("replica", "SELECT current_database()") == primary["NAME"]
    tree = build_tree()
    _wait_replayed(_primary_position())
    client.force_login(tree.users["approver"])
    deadline = time.monotonic() + 30
    while True:
        _fresh()
        with CaptureQueriesContext(connections["default"]) as on_primary, CaptureQueriesContext(replica) as on_replica:
            page = client.get(reverse("collection:completeness"), {"period": PERIOD, "format": "json"})
        assert page.status_code == 200 and page.json()["total"]["expected"] == 3
        if any("collection_report" in q["sql"] for q in on_replica.captured_queries):
            break
        assert time.monotonic() < deadline, "the replica never answered"
    # the primary answered only for the session, the user and the freshness sample
    tables = {"collection_", "org_", "analytics_"}
    assert not [q["sql"] for q in on_primary.captured_queries if any(t in q["sql"] for t in tables)]
    assert rr.PIN_COOKIE not in page.cookies
    # a write goes to the primary, whatever the method's reads
    report = _submitted(tree)
    with CaptureQueriesContext(replica) as on_replica:
        _approve(client, report)
    assert not on_replica.captured_queries  # a POST reads and writes on the primary only


@replica_db
def test_the_approver_sees_the_approval_on_the_next_page_at_once(replica, client, settings):
    tree = build_tree()
    report = _submitted(tree)
    client.force_login(tree.users["approver"])
    assert _read_on_replica(client, _province_sessions) is None  # not approved yet, read on the replica
    # the replica stops replaying: only the cookie can send the approver to the primary (the
    # freshness bound is lifted so that it does not do it instead)
    settings.GIAOBAN_REPLICA_MAX_LAG = 3600
    _pause()
    response = _approve(client, report)
    assert rr.lsn(response.cookies[rr.PIN_COOKIE].value) >= 1
    seen, on_replica = _served_by_replica(client, _province_sessions)
    assert seen == "12" and on_replica == 0
    other = type(client)()
    other.force_login(tree.users["province_viewer"])
    assert _province_sessions(other) is None  # the replica does not have it yet: the cookie made the difference
    # replay again: once the replica has the approval, the approver reads there and the cookie goes
    _resume()
    _wait_replayed(rr.lsn(response.cookies[rr.PIN_COOKIE].value))
    assert _read_on_replica(client, _province_sessions) == "12"
    assert client.cookies[rr.PIN_COOKIE].value == ""  # deleted by the first page the replica could answer


def _poll_until_seen(client, approved_at: float) -> tuple[float, int]:
    """Reads the province's figure until it shows the approval. Returns (seconds after the approval
    at which the last read that did not show it began, or 0; replica queries of the read that showed
    it). 'Every reader within 1 s' is: no read that begins 1 s or more after the approval misses it
    (a read begun before may take long on a loaded machine: when it began is what counts)."""
    last_stale = 0.0
    while True:
        began = time.monotonic()
        seen, on_replica = _served_by_replica(client, _province_sessions)
        if seen == "12":
            return last_stale, on_replica
        last_stale = began - approved_at
        assert last_stale < 10, "the approval never showed"
        time.sleep(0.01)


@replica_db
def test_every_reader_sees_an_approval_within_a_second(replica, client):
    tree = build_tree()
    report = _submitted(tree)
    reader = type(client)()
    reader.force_login(tree.users["province_viewer"])
    assert _province_sessions(reader) is None
    client.force_login(tree.users["approver"])
    assert _read_on_replica(reader, _province_sessions) is None  # the reader reads on the replica
    approved_at = _approve(client, report).committed_at
    missed, _ = _poll_until_seen(reader, approved_at)
    assert missed < 1.0, f"a read begun {missed:.2f} s after the approval did not show it"


@replica_db
def test_a_reader_never_waits_more_than_a_second_for_a_lagging_replica(replica, client):
    tree = build_tree()
    report = _submitted(tree)
    reader = type(client)()
    reader.force_login(tree.users["province_viewer"])
    assert _province_sessions(reader) is None
    _pause()  # the replica stops replaying (as under a large import): it keeps answering, stale
    client.force_login(tree.users["approver"])
    approved_at = _approve(client, report).committed_at
    missed, on_replica = _poll_until_seen(reader, approved_at)
    assert missed < 1.0, f"a read begun {missed:.2f} s after the approval did not show it"
    assert on_replica == 0  # the primary answered: the replica is still behind
    assert _scalar("replica", "SELECT pg_get_wal_replay_pause_state()") == "paused"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@replica_db
def test_an_unreachable_replica_leaves_reads_on_the_primary_without_error(replica, client):
    tree = build_tree()
    report = _submitted(tree)
    client.force_login(tree.users["approver"])
    _approve(client, report)
    port = replica.settings_dict["PORT"]
    replica.close()
    replica.settings_dict["PORT"] = _closed_port()
    try:
        client.cookies.pop(rr.PIN_COOKIE, None)
        assert _province_sessions(client) == "12"
        assert rr.health.is_down()
        page = client.get(reverse("collection:completeness"), {"period": PERIOD, "format": "json"})
        assert page.status_code == 200 and page.json()["total"]["approved"] == 1
    finally:
        replica.close()
        replica.settings_dict["PORT"] = port


def _managed_replica():
    if not SCRIPT.exists() or subprocess.run(["bash", str(SCRIPT), "status"], capture_output=True).returncode != 0:
        missing("the replica is not the one .ci/pg-replica manages (bash .ci/pg-replica ensure)")


@replica_db
def test_the_replica_stopped_reads_fall_back_to_the_primary_and_return_when_it_is_back(replica, client):
    _managed_replica()
    tree = build_tree()
    report = _submitted(tree)
    client.force_login(tree.users["approver"])
    assert _read_on_replica(client, _province_sessions) is None
    _approve(client, report)
    client.cookies.pop(rr.PIN_COOKIE, None)
    subprocess.run(["bash", str(SCRIPT), "stop"], check=True, timeout=120)
    try:
        for _ in range(3):  # the first read finds it gone, the next ones do not try it again
            assert _province_sessions(client) == "12"
            page = client.get(reverse("collection:completeness"), {"period": PERIOD, "format": "json"})
            assert page.status_code == 200 and page.json()["total"]["approved"] == 1
        assert rr.health.is_down()
    finally:
        subprocess.run(["bash", str(SCRIPT), "start"], check=True, timeout=1200)
    rr.health.reset()
    connections["replica"].close()
    _wait_replayed(_primary_position())
    assert _read_on_replica(client, _province_sessions) == "12"  # back on the replica


def test_lsn_parsing():
    assert rr.lsn("0/0") == 0 and rr.lsn("16/B374D848") == (0x16 << 32) + 0xB374D848
    assert rr.lsn("primary") is None and rr.lsn("") is None and rr.lsn("x/y") is None and rr.lsn(None) is None


def _settings_with(**env) -> str:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "GIAOBAN_REPLICA"))}
    code = ("import django; from django.conf import settings; django.setup(); "
            "print(sorted(settings.DATABASES), settings.DATABASE_ROUTERS)")
    done = subprocess.run([sys.executable, "-c", code], env={**base, "DJANGO_SETTINGS_MODULE": "giaoban.settings", **env},
                          capture_output=True, text=True, cwd=Path(PROJECT_ROOT), timeout=120)
    return done.stdout + done.stderr


def test_without_a_replica_url_nothing_changes():
    assert _settings_with().strip().endswith("['default'] []")
    assert _settings_with(DATABASE_URL="postgres://postgres@127.0.0.1:5432/x").strip().endswith("['default'] []")
    out = _settings_with(DATABASE_URL="postgres://postgres@127.0.0.1:5432/x",
                         DATABASE_REPLICA_URL="postgres://postgres@127.0.0.1:5433/x")
    assert "['default', 'replica'] ['giaoban.web.replica.ReplicaRouter']" in out
    # a replica of an SQLite file is a mistake: said in Vietnamese, not ignored
    assert "DATABASE_REPLICA_URL cần DATABASE_URL là PostgreSQL" in _settings_with(
        DATABASE_REPLICA_URL="postgres://postgres@127.0.0.1:5433/x")


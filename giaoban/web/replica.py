"""Reads from a PostgreSQL streaming replica, writes to the primary (on with DATABASE_REPLICA_URL).

Without a ``replica`` alias in DATABASES (no DATABASE_REPLICA_URL: SQLite, a single PostgreSQL)
the middleware takes itself out and the router sends everything to ``default``: nothing changes.

Who reads where, with a replica:
* a page's GET or HEAD request (no ``Authorization`` header: programs that write and read back
  at once keep no cookie) reads from the replica, analytics included (its raw SQL asks the router
  through ``giaoban.org.stamp.read_connection``), when the replica is up and fresh (below);
* everything else reads and writes on the primary: POST and the other writing methods, requests
  with an Authorization header, the rest of a GET request after it wrote something, anything
  inside a transaction of the primary (a read there must see the transaction's own writes),
  management commands and job workers (no request), and the tables of logins, sessions, API
  tokens, the job queue and the login throttle (``PRIMARY_ONLY``: read on every request, written
  at any time, tiny).

Read-your-own-writes: a response to a request that wrote (a writing method, or a GET that wrote)
carries the cookie ``giaoban_lsn`` with the primary's WAL insert position after the request's
commits. While it is there, that browser's reads go to the replica only once the replica has
replayed up to it (``pg_last_wal_replay_lsn()``), else to the primary; the cookie is dropped once
the replica has it. So the person who saved or approved sees it on the next page at once, however
far the replica lags.

Freshness for everyone else: each process samples the primary's WAL insert position now and then
(time, position) and checks how far the replica has replayed; the replica is used only while every
commit made more than ``GIAOBAN_REPLICA_MAX_LAG`` seconds (0.5) before the request is known to be
on it. A replica that lags more (replaying a large import, say) is passed over until it catches
up: no one reads data older than that bound.

The replica down: a connection that fails (refused, timed out after ``connect_timeout``, broken)
marks it down for ``GIAOBAN_REPLICA_RETRY`` seconds in this process and the request reads from
the primary, with no error.

Tests: ``GIAOBAN_REPLICA_READS`` (settings) turns the replica reads off for the whole suite
(tests/conftest.py). A TestCase runs inside a transaction of the primary that the replica never
sees, and even a transactional test would read data a few milliseconds old: a test that saves
and then reads the page would fail now and then. Only the replica tests (tests/web/test_replica.py)
turn it on, committing their data and waiting with a deadline where the replica must catch up.
"""

from __future__ import annotations

import contextvars
import logging
import threading
import time
from collections import deque
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DatabaseError, connections

PRIMARY = "default"
REPLICA = "replica"
PIN_COOKIE = "giaoban_lsn"
PIN_ALWAYS = "primary"  # cookie value when the position could not be read: the primary until it expires
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
# read on every request and written at any time: a replica's copy a moment old would log people
# out, let a revoked token in, or run a job twice
PRIMARY_ONLY = frozenset({"auth", "sessions", "contenttypes", "admin", "axes", "django_tasks_db", "jobs", "security"})

log = logging.getLogger(__name__)


def configured() -> bool:
    return REPLICA in settings.DATABASES


def lsn(text: str | None) -> int | None:
    """'16/B374D848' -> an integer (None for anything else)."""
    if not text:
        return None
    high, sep, low = str(text).partition("/")
    try:
        return (int(high, 16) << 32) + int(low, 16) if sep else None
    except ValueError:
        return None


def _scalar(alias: str, sql: str):
    with connections[alias].cursor() as cur:
        cur.execute(sql)
        return cur.fetchone()[0]


class Health:
    """What this process knows about the replica: down until when, and up to when it is fresh."""

    SAMPLE_EVERY = 0.1  # seconds between two samples of the primary's position
    CHECK_AFTER = 0.2  # a freshness younger than this is not checked again
    WAIT = 0.15  # seconds a check may wait for the replica to reach the newest sample

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.down_until = 0.0
            self.samples: deque = deque(maxlen=64)  # (monotonic time, primary's WAL insert LSN), oldest first
            self.fresh_as_of = float("-inf")  # every commit of the primary before this time is on the replica
            self.replayed = 0  # the highest replay position seen
            self.no_wait_until = 0.0

    def mark_down(self, error: Exception) -> None:
        retry = float(getattr(settings, "GIAOBAN_REPLICA_RETRY", 5.0))
        with self.lock:
            was_up = self.down_until <= time.monotonic()
            self.down_until = time.monotonic() + retry
        if was_up:
            log.warning("replica unreachable, reads go to the primary for %.0f s: %s", retry, error)
        try:
            connections[REPLICA].close()
        except DatabaseError:
            pass

    def is_down(self) -> bool:
        return time.monotonic() < self.down_until

    def check(self) -> None:
        """Sample the primary (if the last sample is old) and read the replica's replay position.
        The insert position, not the flushed one: it is always the end of a whole record (the
        primary flushes whole pages, which may end inside a record that the replica can replay
        only when the rest comes); a busy primary's newest sample reaches the replica in
        0-200 ms (whole pages again), so the samples before it tell whether the replica keeps up.
        After a quiet spell (no sample within the lag bound: the first request of a process, too)
        the replica is given a moment to reach the new sample, as one that keeps up does (0-100 ms
        here on a loaded machine); one that does not is not waited for again for a second."""
        quiet = not self.samples or time.monotonic() - self.samples[-1][0] > self.max_lag()
        if not self.samples or time.monotonic() - self.samples[-1][0] >= self.SAMPLE_EVERY:
            at = time.monotonic()  # before the query: every commit done by now is at or below the position
            position = lsn(_scalar(PRIMARY, "SELECT pg_current_wal_insert_lsn()"))
            with self.lock:
                self.samples.append((at, position))
        self._read_replica()
        # a replica behind recent samples is lagging: the primary at once; with no recent sample
        # to judge by (a quiet spell), a moment for the replica to reach the new one
        if quiet and self.lag() > self.max_lag() and time.monotonic() >= self.no_wait_until:
            end = time.monotonic() + self.WAIT
            while self.lag() > self.max_lag() and time.monotonic() < end:
                time.sleep(0.005)
                self._read_replica()
            if self.lag() > self.max_lag():
                self.no_wait_until = time.monotonic() + 1.0

    def _read_replica(self) -> None:
        with connections[REPLICA].cursor() as cur:
            cur.execute("SELECT pg_last_wal_replay_lsn()")
            replayed = lsn(cur.fetchone()[0]) or 0
        with self.lock:
            self.replayed = max(self.replayed, replayed)
            for at, position in reversed(self.samples):
                if position <= self.replayed:
                    self.fresh_as_of = max(self.fresh_as_of, at)
                    break

    @staticmethod
    def max_lag() -> float:
        return float(getattr(settings, "GIAOBAN_REPLICA_MAX_LAG", 0.5))

    def lag(self) -> float:
        """Seconds: the replica has every commit made on the primary before now minus this."""
        return time.monotonic() - self.fresh_as_of

    def fresh(self) -> bool:
        if self.lag() > self.CHECK_AFTER:
            self.check()
        return self.lag() <= self.max_lag()

    def has(self, position: int) -> bool:
        """Has the replica replayed up to this position of the primary's WAL?"""
        if self.replayed < position:
            self._read_replica()
        return self.replayed >= position


health = Health()


@dataclass
class RequestReads:
    """One request's routing, decided at its first read."""

    eligible: bool
    pin: int | str | None = None  # the LSN of the cookie, or PIN_ALWAYS
    choice: str | None = None
    pin_reached: bool = False
    wrote: bool = False

    def alias(self) -> str:
        if self.choice is None:
            self.choice = self._choose()
        return self.choice

    def _choose(self) -> str:
        if not self.eligible or self.pin == PIN_ALWAYS or health.is_down():
            return PRIMARY
        replica = connections[REPLICA]
        try:
            replica.close_if_health_check_failed()
            replica.ensure_connection()
            if not health.fresh():
                return PRIMARY
            if isinstance(self.pin, int):
                if not health.has(self.pin):
                    return PRIMARY
                self.pin_reached = True
        except DatabaseError as error:
            health.mark_down(error)
            return PRIMARY
        return REPLICA


_current: contextvars.ContextVar[RequestReads | None] = contextvars.ContextVar("giaoban_replica_reads", default=None)


class ReplicaRouter:
    """Writes to the primary; reads where the request's RequestReads says (the primary outside requests)."""

    def db_for_read(self, model, **hints):
        reads = _current.get()
        if reads is None or model._meta.app_label in PRIMARY_ONLY or reads.wrote:
            return PRIMARY
        if connections[PRIMARY].in_atomic_block:
            return PRIMARY
        return reads.alias()

    def db_for_write(self, model, **hints):
        reads = _current.get()
        if reads is not None and model._meta.app_label not in PRIMARY_ONLY:
            reads.wrote = True  # the rest of the request reads its own writes; the response pins
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, **hints):
        return db == PRIMARY  # a replica is read-only: it gets the schema by replication


class ReplicaReadMiddleware:
    """Decides per request whether its reads may go to the replica; pins a writer to the primary
    until the replica has the writer's commits (the cookie)."""

    def __init__(self, get_response):
        if not configured():
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        if not getattr(settings, "GIAOBAN_REPLICA_READS", True):
            return self.get_response(request)
        programs = "HTTP_AUTHORIZATION" in request.META
        raw = request.COOKIES.get(PIN_COOKIE)
        pin = PIN_ALWAYS if raw == PIN_ALWAYS else lsn(raw)
        reads = RequestReads(eligible=request.method in ("GET", "HEAD") and not programs, pin=pin)
        token = _current.set(reads)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        if programs:
            return response
        if reads.wrote or request.method not in SAFE_METHODS:
            try:
                position = _scalar(PRIMARY, "SELECT pg_current_wal_insert_lsn()")
            except DatabaseError:
                position = PIN_ALWAYS
            response.set_cookie(PIN_COOKIE, position, max_age=int(getattr(settings, "GIAOBAN_REPLICA_PIN_SECONDS", 60)),
                                httponly=True, samesite="Lax", secure=settings.SESSION_COOKIE_SECURE)
        elif raw is not None and (reads.pin_reached or pin is None):
            response.delete_cookie(PIN_COOKIE, samesite="Lax")
        return response

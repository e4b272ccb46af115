"""A per-process cache of what changes rarely and is read on every page: the catalogue
(indicators, their organizations, organizations, reporting regimes and levels), the tree, yearly
targets, the validation rules. The analytics engine keeps its catalogue and expected units here,
the data-entry form its indicators and rules (collection.indicators.form_list and
collection.rules.active_rules); reading them costs a dozen small queries a request. Exact, not
timed: an entry lives until a watched table changes.

Apps above org add their own tables with ``watch()`` in their ``ready()``.

Invalidation must hold across processes (gunicorn workers) and for writes that send no Django
signal (``update()``, bulk writes, raw SQL, restores, the restructuring operations), so it is done
by the database: triggers on the watched tables put a new random number into
``analytics_cachestamp`` (one row, id 1) in the writing transaction. Each engine call reads the stamp first (one
indexed row) and drops the cache when it differs. Random, not a counter: a rolled-back
transaction's stamp is never seen again, so entries computed inside it cannot be mistaken for
committed ones. Without a stamp row nothing is cached.

The triggers are (re)installed after every ``migrate`` (``post_migrate``): Django remakes SQLite
tables to alter them, which drops their triggers.
"""

from __future__ import annotations

import random
import threading
from contextlib import contextmanager

from django.db import connection, connections, router

from giaoban.org.models import (Area, AreaSuccession, Indicator, Organization, OrganizationVersion, ReportingSchedule, Unit,
                                UnitSuccession)

STAMP_TABLE = "analytics_cachestamp"
TRIGGER_PREFIX = "analytics_stamp"

_state: dict = {"stamp": None, "entries": {}}
_request = threading.local()  # per thread: the stamp read once for the request being served (one_read)


_watched_above: list = []  # models of apps above org (collection's targets and rules, analytics' levels)


def watch(*models) -> None:
    """Renew the stamp on every write to these models' tables too (called from an app's ready())."""
    _watched_above.extend(m for m in models if m not in _watched_above)


def watched_tables() -> list[str]:
    return [m._meta.db_table for m in (Organization, Indicator, Indicator.organizations.through, Area, Unit,
                                       AreaSuccession, UnitSuccession, OrganizationVersion, ReportingSchedule,
                                       ReportingSchedule.indicators.through, *_watched_above)]


def read_connection():
    """The connection this request's reads go to: the replica's when the database router sends
    them there (giaoban/web/replica.py), else the primary's. Raw SQL reads take it so that they see
    the same database as the ORM's reads beside them (and the stamp the data it guards)."""
    return connections[router.db_for_read(Indicator)]


def entries() -> dict:
    """The cache valid for the database as the reading connection sees it now (a fresh, unshared dict
    when there is no stamp). Callers must not mutate what they find in it.

    Inside :func:`one_read` (every web request) the stamp is read once, and again only after
    the request wrote a watched table: a dashboard's engine calls shared four reads."""
    held = getattr(_request, "held", None)
    if held is not None and held.get("entries") is not None:
        return held["entries"]
    with read_connection().cursor() as cur:
        cur.execute(f"SELECT stamp FROM {STAMP_TABLE} WHERE id = 1")
        row = cur.fetchone()
    if row is None:
        return {}
    if row[0] != _state["stamp"]:
        _state["stamp"], _state["entries"] = row[0], {}
    if held is not None:
        held["entries"] = _state["entries"]
    return _state["entries"]


def entries_and(columns: str, params=()) -> tuple[dict, tuple]:
    """:func:`entries`, and more columns (SQL expressions) read in the same statement: a caller that
    needs another stamp or a probe pays one round trip, not two."""
    with read_connection().cursor() as cur:
        cur.execute(f"SELECT (SELECT stamp FROM {STAMP_TABLE} WHERE id = 1), {columns}", list(params))
        row = cur.fetchone()
    if row[0] is None:
        return {}, tuple(row[1:])
    if row[0] != _state["stamp"]:
        _state["stamp"], _state["entries"] = row[0], {}
    held = getattr(_request, "held", None)
    if held is not None:
        held["entries"] = _state["entries"]  # the rest of the request reads what this read found
    return _state["entries"], tuple(row[1:])


def entries_and_once(columns: str) -> tuple[dict, tuple]:
    """:func:`entries_and` of `columns` (constant SQL: the data stamp and the like), read once
    inside :func:`one_read` until this request runs a statement that is not a SELECT (any write:
    the data stamp is renewed by the writes of reports and figures, not by the watched tables'
    triggers). A dashboard's two engine calls shared two reads."""
    held = getattr(_request, "held", None)
    if held is not None and held.get("entries") is not None and columns in held["and"]:
        return held["entries"], held["and"][columns]
    memo, row = entries_and(columns)
    if held is not None:
        held["and"][columns] = row
    return memo, row


@contextmanager
def one_read(conn=None):
    """Read the stamp at most once inside the block (a web request): the entries found first are
    kept until this connection runs a statement other than a SELECT that names a watched table
    (its write renews the stamp; the next call reads it again). Other processes' writes are seen
    by the next request, as a request reading the stamp at its start would see them."""
    conn = conn or connection
    held: dict = {"entries": None, "and": {}}  # and: entries_and_once()'s columns → their values
    names = tuple(watched_tables())

    def watch(execute, sql, params, many, context):
        if not sql.lstrip()[:6].upper() == "SELECT":
            held["and"].clear()
            if held["entries"] is not None and any(n in sql for n in names):
                held["entries"] = None
        return execute(sql, params, many, context)

    outer = getattr(_request, "held", None)
    _request.held = held
    try:
        with conn.execute_wrapper(watch):
            yield
    finally:
        _request.held = outer


def remembered(name: str, key, compute, limit: int):
    """``compute()``'s answer for ``key``, kept under the stamp (until a watched table changes) in the
    bag ``name``, which holds at most ``limit`` answers (then answers are computed, not kept). The
    answer is shared between requests: read it, never change it."""
    # the bags have keys of their own: a bag named like another reader's key (('areas',) …) would
    # otherwise find that reader's value instead of a bag
    kept = entries().setdefault(("remembered", name), {})
    if key in kept:
        return kept[key]
    answer = compute()
    if len(kept) < limit:
        kept[key] = answer
    return answer


def clear() -> None:
    _state["stamp"], _state["entries"] = None, {}
    held = getattr(_request, "held", None)
    if held is not None:
        held["entries"] = None
        held["and"].clear()


def create_table(conn) -> None:
    """The stamp's table: plain SQL, no Django model, so backups, restores and flushes leave it alone
    (a restore renews it through the triggers of the tables it loads)."""
    with conn.cursor() as cur:
        cur.execute(f"CREATE TABLE IF NOT EXISTS {STAMP_TABLE} (id smallint NOT NULL PRIMARY KEY, stamp bigint NOT NULL)")


def drop_table(conn) -> None:
    """Triggers first: SQLite would fail every write to a watched table on a trigger without its table."""
    with conn.cursor() as cur:
        if conn.vendor == "postgresql":
            cur.execute("DROP FUNCTION IF EXISTS analytics_renew_stamp() CASCADE")
        else:
            cur.execute(f"SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '{TRIGGER_PREFIX}%'")
            for (name,) in cur.fetchall():
                cur.execute(f'DROP TRIGGER "{name}"')
        cur.execute(f"DROP TABLE IF EXISTS {STAMP_TABLE}")
    clear()


def install_triggers(using_connection=None) -> None:
    """Create the triggers that renew the stamp on every write to a watched table (idempotent)."""
    conn = using_connection or connection
    existing = set(conn.introspection.table_names())
    tables = [t for t in watched_tables() if t in existing]
    if STAMP_TABLE not in existing:
        return
    with conn.cursor() as cur:
        if conn.vendor == "postgresql":
            cur.execute(
                "CREATE OR REPLACE FUNCTION analytics_renew_stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                f"INSERT INTO {STAMP_TABLE} (id, stamp) VALUES (1, floor(random() * 9007199254740991)::bigint) "
                "ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp; RETURN NULL; END $$")
            for t in tables:
                cur.execute(f'DROP TRIGGER IF EXISTS {TRIGGER_PREFIX} ON "{t}"')
                # BEFORE: the stamp row is locked before the statement locks any watched row, so two
                # transactions writing watched tables queue on the stamp instead of deadlocking on
                # it (they are serialized until commit: catalogue, tree and target edits are rare)
                cur.execute(f'CREATE TRIGGER {TRIGGER_PREFIX} BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{t}" '
                            "FOR EACH STATEMENT EXECUTE FUNCTION analytics_renew_stamp()")
        else:  # SQLite: row triggers only
            for t in tables:
                for event in ("INSERT", "UPDATE", "DELETE"):
                    name = f"{TRIGGER_PREFIX}_{t}_{event.lower()}"
                    cur.execute(f'DROP TRIGGER IF EXISTS "{name}"')  # an older body is replaced
                    # An UPDATE, not INSERT OR REPLACE: a trigger's statements take the conflict
                    # policy of the statement that fired it, and Django's many-to-many add() is
                    # INSERT OR IGNORE, which turned the renewal into a no-op (a stale form or rule).
                    cur.execute(f'CREATE TRIGGER "{name}" AFTER {event} ON "{t}" '
                                f"BEGIN INSERT OR IGNORE INTO {STAMP_TABLE} (id, stamp) VALUES (1, 0); "
                                f"UPDATE {STAMP_TABLE} SET stamp = random() WHERE id = 1; END")
        # a stamp to start from (a flush empties the table: then nothing is cached until a write)
        ignore = "OR IGNORE " if conn.vendor == "sqlite" else ""
        conflict = "" if conn.vendor == "sqlite" else " ON CONFLICT (id) DO NOTHING"
        cur.execute(f"INSERT {ignore}INTO {STAMP_TABLE} (id, stamp) VALUES (1, %s){conflict}", [random.getrandbits(62)])
    clear()

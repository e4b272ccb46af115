"""The engine's cache: the stamp cache of giaoban.org.stamp (it lives in org so that the data-entry
form below analytics caches its indicators and rules by the same stamp), and the data stamp.

The data stamp (row 2 of the stamp table) is renewed, in the writing transaction, by every
function that writes the summary tables (giaoban.analytics.summary: refresh_for_report, rebuild,
rebuild_totals, update_flags), which are their only writers. The engine keeps its answers under it
(computing.compute): an answer read with the same catalogue stamp and the same data stamp was
computed from the same rows, so the cache is exact; an approval, a return or an edited approved
report renews it before its transaction commits. Random, as the catalogue's: a rolled-back
write's stamp is never seen again. Without the row nothing is cached.
"""

from __future__ import annotations

import random

from django.db import connection

from giaoban.org.stamp import (STAMP_TABLE, TRIGGER_PREFIX, clear, create_table, drop_table, entries, entries_and, entries_and_once,
                               install_triggers, read_connection, watched_tables)

__all__ = ["DATA_STAMP_SQL", "STAMP_TABLE", "TRIGGER_PREFIX", "clear", "create_table", "data_stamp", "drop_table", "entries",
           "entries_and", "entries_and_once", "install_triggers", "renew_data_stamp", "watched_tables"]

DATA_STAMP_ID = 2
DATA_STAMP_SQL = f"(SELECT stamp FROM {STAMP_TABLE} WHERE id = {DATA_STAMP_ID})"  # for entries_and()


def data_stamp() -> int | None:
    """The summary tables' stamp as the reading connection sees them now (None: nothing to cache by)."""
    with read_connection().cursor() as cur:
        cur.execute(f"SELECT stamp FROM {STAMP_TABLE} WHERE id = {DATA_STAMP_ID}")
        row = cur.fetchone()
    return None if row is None else row[0]


def renew_data_stamp() -> None:
    """A new data stamp, in the caller's transaction (call it before writing the summary tables:
    on PostgreSQL the row stays locked until the commit, so writers take it first, in one order)."""
    with connection.cursor() as cur:
        cur.execute(f"INSERT INTO {STAMP_TABLE} (id, stamp) VALUES ({DATA_STAMP_ID}, %s) "
                    "ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp", [random.getrandbits(62)])

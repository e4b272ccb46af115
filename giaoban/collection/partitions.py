"""Tables partitioned by year on PostgreSQL (docs/scaling.md): the data values and the two summary
tables. SQLite keeps plain tables; every function here does nothing there.

The partition key is the ``period`` column (``2024-Q3``, ``2024-07``): one range partition per year,
``FROM ('2024') TO ('2025')``, plus a default partition that takes any other year, so an insert never
fails for want of a partition. Ranging over ``period`` rather than the summary's ``year`` column lets
PostgreSQL prune partitions for the queries as they are written (``period = …``/``period IN (…)``)
and keeps the unique keys as they are: a unique key of a partitioned table must include the
partition key, and ``(unit, indicator, period)`` and the summaries' keys already include ``period``.
Only the primary keys grow to ``(id, period)``: nothing references these tables by a foreign key
(:func:`partition_table` refuses to convert a table that is referenced).

A year that has no partition yet is stored in the default partition; :func:`ensure_years` (called
by ``rebuild()`` and before bulk loads) gives it its own partition, moving any rows the default
partition held for it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import connection as default_connection
from django.db import transaction

from giaoban.collection import keys

# table -> the partition key (a period code: the year is its first four characters)
TABLES = ("collection_datavalue", "analytics_fact", "analytics_facttotal")
KEY = "period"


def _is_pg(conn) -> bool:
    return conn.vendor == "postgresql"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def part_name(table: str, year: int | None) -> str:
    return f"{table}_default" if year is None else f"{table}_y{year}"


def is_partitioned(table: str, conn=None) -> bool:
    conn = conn or default_connection
    if not _is_pg(conn):
        return False
    with conn.cursor() as cur:
        cur.execute("SELECT c.relkind FROM pg_class c WHERE c.oid = to_regclass(%s)", [table])
        row = cur.fetchone()
    return bool(row) and row[0] == "p"


def year_partitions(table: str, conn=None) -> dict[int, str]:
    """year -> partition name of a partitioned table (the default partition not included)."""
    conn = conn or default_connection
    if not _is_pg(conn):
        return {}
    with conn.cursor() as cur:
        cur.execute(
            "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = to_regclass(%s)", [table])
        rows = cur.fetchall()
    out = {}
    for name, bound in rows:
        if bound != "DEFAULT":  # FOR VALUES FROM ('2024') TO ('2025')
            out[int(bound.split("'")[1])] = name
    return out


def _bounds(year: int) -> str:
    return f"FOR VALUES FROM ('{year:04d}') TO ('{year + 1:04d}')"


def ensure_years(years: Iterable[int], tables: Iterable[str] = TABLES, conn=None) -> list[str]:
    """Give each year its own partition in each table (PostgreSQL; nothing on SQLite). Rows the
    default partition holds for the year are moved into the new partition. Returns the partitions
    created."""
    conn = conn or default_connection
    created: list[str] = []
    if not _is_pg(conn):
        return created
    for table in tables:
        if not is_partitioned(table, conn):
            continue
        have = year_partitions(table, conn)
        default = part_name(table, None)
        for year in sorted({int(y) for y in years} - set(have)):
            if not 1000 <= year <= 9998:
                continue  # not a period's year: the default partition keeps it
            name = part_name(table, year)
            lo, hi = f"{year:04d}", f"{year + 1:04d}"
            # one transaction a partition: the rows are moved and the partition attached, or nothing
            with transaction.atomic(using=conn.alias), conn.cursor() as cur:
                cur.execute(f"SELECT EXISTS (SELECT 1 FROM {_q(default)} WHERE {KEY} >= %s AND {KEY} < %s)", [lo, hi])
                if cur.fetchone()[0]:
                    # the default partition holds rows of this year: move them, then attach (CREATE …
                    # PARTITION OF would refuse while the default partition has rows in the range)
                    cur.execute(f"CREATE TABLE {_q(name)} (LIKE {_q(table)} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)")
                    cur.execute(f"WITH moved AS (DELETE FROM {_q(default)} WHERE {KEY} >= %s AND {KEY} < %s RETURNING *) "
                                f"INSERT INTO {_q(name)} SELECT * FROM moved", [lo, hi])
                    cur.execute(f"ALTER TABLE {_q(table)} ATTACH PARTITION {_q(name)} {_bounds(year)}")
                else:
                    cur.execute(f"CREATE TABLE {_q(name)} PARTITION OF {_q(table)} {_bounds(year)}")
                if table == keys.TABLE:  # statement triggers are not inherited
                    keys.ensure_partition_keys(name, conn)
            created.append(name)
    return created


def split_default(tables: Iterable[str] = TABLES, conn=None) -> list[str]:
    """A partition of its own for every year the default partitions hold rows of."""
    conn = conn or default_connection
    created: list[str] = []
    if not _is_pg(conn):
        return created
    for table in tables:
        if not is_partitioned(table, conn):
            continue
        with conn.cursor() as cur:
            cur.execute(f"SELECT DISTINCT SUBSTR({KEY}, 1, 4) FROM {_q(part_name(table, None))}")
            years = [int(y) for (y,) in cur.fetchall() if y.isdigit()]
        created += ensure_years(years, [table], conn)
    return created


def default_years(conn, table: str) -> set[int]:
    """The years of the rows a table holds, and the years around today's."""
    this_year = datetime.date.today().year
    with conn.cursor() as cur:
        cur.execute(f"SELECT DISTINCT SUBSTR({KEY}, 1, 4) FROM {_q(table)}")
        present = {int(y) for (y,) in cur.fetchall() if y and y.isdigit()}
    return present | set(range(this_year - 3, this_year + 2))


def partition_table(table: str, conn) -> None:
    """Turn a plain table into one partitioned by the year of ``period`` (PostgreSQL; in a migration).

    The new table has the same columns, defaults, identity (continuing the old numbering), NOT NULL
    and CHECK constraints, unique constraints, foreign keys and indexes, under the same names; the
    primary key becomes ``(id, period)``. The rows are copied. Does nothing on SQLite or if the table
    is partitioned already; refuses a table that other tables reference by foreign key."""
    if not _is_pg(conn) or is_partitioned(table, conn):
        return
    tmp = f"{table}__part"
    with conn.cursor() as cur:
        cur.execute("SELECT conname, conrelid::regclass::text FROM pg_constraint WHERE contype = 'f' AND confrelid = to_regclass(%s)",
                    [table])
        refs = cur.fetchall()
        if refs:
            raise RuntimeError(f"{table} is referenced by foreign keys {refs}: its unique key would have to include the period")
        # constraints and indexes to recreate, as PostgreSQL itself writes them
        cur.execute("SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint "
                    "WHERE conrelid = to_regclass(%s) AND contype IN ('p', 'u', 'f', 'c') ORDER BY contype, conname", [table])
        constraints = cur.fetchall()
        cur.execute("SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i "
                    "WHERE i.indrelid = to_regclass(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
                    [table])
        indexes = [r[0] for r in cur.fetchall()]
        cur.execute("SELECT COALESCE(MAX(id), 0) FROM " + _q(table))
        max_id = cur.fetchone()[0]
        years = default_years(conn, table)
        cur.execute(f"CREATE TABLE {_q(tmp)} (LIKE {_q(table)} INCLUDING DEFAULTS INCLUDING IDENTITY) PARTITION BY RANGE ({KEY})")
        cur.execute(f"CREATE TABLE {_q(part_name(table, None))} PARTITION OF {_q(tmp)} DEFAULT")
        for year in sorted(years):
            cur.execute(f"CREATE TABLE {_q(part_name(table, year))} PARTITION OF {_q(tmp)} {_bounds(year)}")
        cur.execute(f"INSERT INTO {_q(tmp)} OVERRIDING SYSTEM VALUE SELECT * FROM {_q(table)}")
        cur.execute(f"DROP TABLE {_q(table)}")
        cur.execute(f"ALTER TABLE {_q(tmp)} RENAME TO {_q(table)}")
        cur.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
        seq = cur.fetchone()[0]
        if seq:  # the identity's sequence: the old table's name, numbering continued
            cur.execute(f"ALTER SEQUENCE {seq} RENAME TO {_q(table + '_id_seq')}")
            cur.execute(f"ALTER TABLE {_q(table)} ALTER COLUMN id RESTART WITH {max_id + 1}")
        for name, kind, definition in constraints:
            if kind == "p":
                definition = f"PRIMARY KEY (id, {KEY})"
            cur.execute(f"ALTER TABLE {_q(table)} ADD CONSTRAINT {_q(name)} {definition}")
        for definition in indexes:
            cur.execute(definition)

"""The data values' foreign keys on PostgreSQL, checked by the database a statement at a time.

A foreign-key constraint checks each new row on its own: one query and one row lock per key per
row, half of the database's work in a bulk import (docs/scaling.md). Here the same rules are the
database's triggers, set-based (migration 0008; SQLite keeps its foreign-key constraints):

* after an INSERT or UPDATE of `collection_datavalue` (a statement trigger with the statement's
  rows as a transition table), the distinct keys the rows name are looked up in one statement
  per referenced table, which locks them `FOR KEY SHARE` (the lock a foreign-key check takes,
  held to the commit: a concurrent delete of a referenced row waits for this transaction, then
  sees its values). A key that is missing refuses the statement with SQLSTATE 23503
  (foreign_key_violation, an IntegrityError in Django), a message naming the column and key, and
  PostgreSQL's own detail ``Key (column)=(value) is not present in table "…".``. An UPDATE
  checks only the rows whose keys it changed, as a foreign key does;
* on each referenced table (the report, the indicator, the user), a deletion or a change of a
  referenced key is refused while a value still names the old key (a constraint trigger per row,
  deferred to the commit as the foreign keys were: a transaction may delete the values after
  their report), and so is a TRUNCATE that leaves values behind.

The keys are those of the foreign keys they replace: a value's (report, unit, period) is its
report's (id, unit, period) (migration 0007: the unit exists as its report's does), its indicator
exists, and its last editor, if any, exists. The statement trigger is on the partitioned table and
on each partition (a statement naming the parent fires the parent's only; `ensure_partition_keys`
is called for every new partition)."""

from __future__ import annotations

TABLE = "collection_datavalue"
# (name, the data-value columns, the referenced table, its columns): the constraint names a refusal carries
KEYS = (
    ("collection_datavalue_report_unit_period_fk", ("report_id", "unit_id", "period"),
     "collection_report", ("id", "unit_id", "period")),
    ("collection_datavalue_indicator_fk", ("indicator_id",), "org_indicator", ("id",)),
    ("collection_datavalue_updated_by_fk", ("updated_by_id",), "auth_user", ("id",)),
)
CHECK_FUNCTION = "collection_datavalue_check_keys"
REFERENCED_FUNCTION = "collection_datavalue_keep_referenced"
INSERT_TRIGGER = "datavalue_keys_insert"
UPDATE_TRIGGER = "datavalue_keys_update"

# One pass over the statement's rows gives the distinct keys of all three (grouping sets), then
# one statement per referenced table locks what it finds by its primary key (`= ANY`: an index
# probe per distinct key, whatever the table's size) and counts it. Only a shortfall looks for
# the missing key, to name it.
_CHECK = r"""
CREATE OR REPLACE FUNCTION collection_datavalue_check_keys() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  rids bigint[]; uids bigint[]; pers text[]; iids bigint[]; users integer[];
  n bigint; bad record;
BEGIN
  IF TG_OP = 'INSERT' THEN
{distinct_keys_inserted}  ELSE  -- an UPDATE: the rows whose keys changed (or whose id did: compared with nothing)
{distinct_keys_updated}  END IF;
  IF rids IS NOT NULL THEN
    WITH held AS MATERIALIZED (SELECT r.id, r.unit_id, r.period::text AS period FROM collection_report r
                                WHERE r.id = ANY(rids) FOR KEY SHARE)
    SELECT count(*) INTO n FROM held JOIN unnest(rids, uids, pers) AS k(id, unit_id, period) USING (id, unit_id, period);
    IF n < cardinality(rids) THEN
      SELECT * INTO bad FROM unnest(rids, uids, pers) AS k(id, unit_id, period)
       WHERE NOT EXISTS (SELECT 1 FROM collection_report r WHERE r.id = k.id AND r.unit_id = k.unit_id AND r.period = k.period)
       ORDER BY 1, 2, 3 LIMIT 1;
      RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME,
        CONSTRAINT = 'collection_datavalue_report_unit_period_fk',
        MESSAGE = format('Số liệu trỏ tới báo cáo không có: khóa (report_id, unit_id, period)=(%s, %s, %s) của bảng %s '
                         'không có trong bảng collection_report.', bad.id, bad.unit_id, bad.period, TG_TABLE_NAME),
        DETAIL = format('Key (report_id, unit_id, period)=(%s, %s, %s) is not present in table "collection_report".',
                        bad.id, bad.unit_id, bad.period);
    END IF;
  END IF;
{single_key_checks}  RETURN NULL;
END
$fn$
"""

# The distinct keys of the statement's rows (all of an INSERT's; an UPDATE's whose keys changed),
# one pass for the three keys: the same aggregate over either set of rows.
_DISTINCT_KEYS = """\
    SELECT array_agg(k.report_id) FILTER (WHERE k.g = 3), array_agg(k.unit_id) FILTER (WHERE k.g = 3),
           array_agg(k.period) FILTER (WHERE k.g = 3), array_agg(k.indicator_id) FILTER (WHERE k.g = 5),
           array_agg(k.updated_by_id) FILTER (WHERE k.g = 6 AND k.updated_by_id IS NOT NULL)
      INTO rids, uids, pers, iids, users
      FROM (SELECT report_id, unit_id, period::text AS period, indicator_id, updated_by_id,
                   grouping(report_id, indicator_id, updated_by_id) AS g
              {rows}GROUP BY GROUPING SETS ((report_id, unit_id, period), (indicator_id), (updated_by_id))) k;
"""
_CHECK = _CHECK.replace("{distinct_keys_inserted}", _DISTINCT_KEYS.format(rows="FROM new_rows ")).replace(
    "{distinct_keys_updated}", _DISTINCT_KEYS.format(rows="""FROM new_rows nr
             WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.id = nr.id AND o.report_id = nr.report_id
                                  AND o.unit_id = nr.unit_id AND o.period = nr.period AND o.indicator_id = nr.indicator_id
                                  AND o.updated_by_id IS NOT DISTINCT FROM nr.updated_by_id)
             """))

# The indicator and the last editor: one column each, the same check.
_SINGLE_KEY_CHECK = r"""
  IF {array} IS NOT NULL THEN
    SELECT count(*) INTO n FROM (SELECT 1 FROM {table} WHERE id = ANY({array}) FOR KEY SHARE) s;
    IF n < cardinality({array}) THEN
      SELECT min(k.id) INTO bad FROM unnest({array}) AS k(id) WHERE NOT EXISTS (SELECT 1 FROM {table} r WHERE r.id = k.id);
      RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, COLUMN = '{column}',
        CONSTRAINT = '{constraint}',
        MESSAGE = format('Số liệu trỏ tới {noun} không có: khóa ({column})=(%s) của bảng %s không có trong bảng {table}.',
                         bad.min, TG_TABLE_NAME),
        DETAIL = format('Key ({column})=(%s) is not present in table "{table}".', bad.min);
    END IF;
  END IF;
"""
_CHECK = _CHECK.replace("{single_key_checks}", "".join(
    _SINGLE_KEY_CHECK.format(array=array, table=table, column=columns[0], constraint=name, noun=noun).lstrip("\n")
    for (name, columns, table, _), array, noun in zip(KEYS[1:], ("iids", "users"), ("chỉ tiêu", "người dùng"))))

# The referenced side: OLD's key still named by a value refuses the deletion or key change (at the
# commit, by then in a fresh snapshot that shows every value committed meanwhile), unless a row
# holds that key again (as a foreign key's check allows). The report and
# the indicator are found by an index of the data values (report_id; (indicator_id, period, unit));
# the user has none (users are deactivated, not deleted: a deletion scans the table, as the
# foreign key's check did).
_REFERENCED = r"""
CREATE OR REPLACE FUNCTION collection_datavalue_keep_referenced() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  found_value boolean; key_text text;
BEGIN
  IF TG_TABLE_NAME = 'collection_report' THEN
    IF EXISTS (SELECT 1 FROM collection_report WHERE id = OLD.id AND unit_id = OLD.unit_id AND period = OLD.period) THEN
      RETURN NULL;  -- the key is there again (deleted and inserted anew, as a restore does)
    END IF;
    SELECT EXISTS (SELECT 1 FROM collection_datavalue WHERE report_id = OLD.id AND unit_id = OLD.unit_id AND period = OLD.period)
      INTO found_value;
    key_text := format('(id, unit_id, period)=(%s, %s, %s)', OLD.id, OLD.unit_id, OLD.period);
  ELSIF TG_TABLE_NAME = 'org_indicator' THEN
    IF EXISTS (SELECT 1 FROM org_indicator WHERE id = OLD.id) THEN
      RETURN NULL;
    END IF;
    SELECT EXISTS (SELECT 1 FROM collection_datavalue WHERE indicator_id = OLD.id) INTO found_value;
    key_text := format('(id)=(%s)', OLD.id);
  ELSE
    IF EXISTS (SELECT 1 FROM auth_user WHERE id = OLD.id) THEN
      RETURN NULL;
    END IF;
    SELECT EXISTS (SELECT 1 FROM collection_datavalue WHERE updated_by_id = OLD.id) INTO found_value;
    key_text := format('(id)=(%s)', OLD.id);
  END IF;
  IF found_value THEN
    RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = TG_ARGV[0],
      MESSAGE = format('Không xóa hay đổi được khóa %s của bảng %s: còn số liệu (collection_datavalue) trỏ tới.', key_text, TG_TABLE_NAME),
      DETAIL = format('Key %s is still referenced from table "collection_datavalue".', key_text);
  END IF;
  RETURN NULL;
END
$fn$;
CREATE OR REPLACE FUNCTION collection_datavalue_keep_referenced_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM collection_datavalue) THEN
    RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = TG_ARGV[0],
      MESSAGE = format('Không làm rỗng được bảng %s: còn số liệu (collection_datavalue) trỏ tới.', TG_TABLE_NAME),
      DETAIL = format('Table "%s" is still referenced from table "collection_datavalue".', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END
$fn$
"""


def _statement_triggers(table: str) -> list[str]:
    q = f'"{table}"'
    return [
        f"DROP TRIGGER IF EXISTS {INSERT_TRIGGER} ON {q}",
        f"DROP TRIGGER IF EXISTS {UPDATE_TRIGGER} ON {q}",
        f"CREATE TRIGGER {INSERT_TRIGGER} AFTER INSERT ON {q} REFERENCING NEW TABLE AS new_rows "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {CHECK_FUNCTION}()",
        f"CREATE TRIGGER {UPDATE_TRIGGER} AFTER UPDATE ON {q} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {CHECK_FUNCTION}()",
    ]


def _referenced_triggers() -> list[str]:
    out = []
    for name, _, table, columns in KEYS:
        changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in columns)
        for event, when in (("DELETE", ""), (f"UPDATE OF {', '.join(columns)}", f" WHEN ({changed})")):
            trigger = f"datavalue_keys_{'delete' if event == 'DELETE' else 'update'}"
            out += [f'DROP TRIGGER IF EXISTS {trigger} ON "{table}"',
                    f'CREATE CONSTRAINT TRIGGER {trigger} AFTER {event} ON "{table}" DEFERRABLE INITIALLY DEFERRED '
                    f"FOR EACH ROW{when} EXECUTE FUNCTION {REFERENCED_FUNCTION}('{name}')"]
        out += [f'DROP TRIGGER IF EXISTS datavalue_keys_truncate ON "{table}"',
                f'CREATE TRIGGER datavalue_keys_truncate AFTER TRUNCATE ON "{table}" '
                f"FOR EACH STATEMENT EXECUTE FUNCTION {REFERENCED_FUNCTION}_truncate('{name}')"]
    return out


def _partitions(cursor) -> list[str]:
    cursor.execute("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                   "WHERE i.inhparent = to_regclass(%s) ORDER BY 1", [TABLE])
    return [name for (name,) in cursor.fetchall()]


def install(conn) -> None:
    """The functions and every trigger (PostgreSQL; idempotent). The caller drops the foreign keys."""
    with conn.cursor() as cursor:
        cursor.execute(_CHECK)
        cursor.execute(_REFERENCED)
        for table in [TABLE, *_partitions(cursor)]:
            for sql in _statement_triggers(table):
                cursor.execute(sql)
        for sql in _referenced_triggers():
            cursor.execute(sql)


def uninstall(conn) -> None:
    with conn.cursor() as cursor:
        for table in [TABLE, *_partitions(cursor)]:
            cursor.execute(f'DROP TRIGGER IF EXISTS {INSERT_TRIGGER} ON "{table}"')
            cursor.execute(f'DROP TRIGGER IF EXISTS {UPDATE_TRIGGER} ON "{table}"')
        for _, _, table, _ in KEYS:
            for trigger in ("datavalue_keys_delete", "datavalue_keys_update", "datavalue_keys_truncate"):
                cursor.execute(f'DROP TRIGGER IF EXISTS {trigger} ON "{table}"')
        cursor.execute(f"DROP FUNCTION IF EXISTS {CHECK_FUNCTION}(), {REFERENCED_FUNCTION}(), {REFERENCED_FUNCTION}_truncate()")


def ensure_partition_keys(partition: str, conn) -> None:
    """A new partition of the data values gets the statement triggers (a statement naming the
    partition itself fires its own, not the parent's); nothing if the checks are not installed."""
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_trigger WHERE tgrelid = to_regclass(%s) AND tgname = %s", [TABLE, INSERT_TRIGGER])
        if cursor.fetchone() is None:
            return
        for sql in _statement_triggers(partition):
            cursor.execute(sql)

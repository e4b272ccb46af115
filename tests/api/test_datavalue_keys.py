"""The data values' keys are the database's to enforce, whatever writes them: on PostgreSQL its
statement-level key checks (giaoban/collection/keys.py) refuse the statement itself with a message
naming the column and key, on SQLite its foreign keys refuse at the commit (connection.check_constraints
runs that check). A referenced report, indicator or user is not deleted nor its key changed while
values name it; a concurrent insert and delete of the referenced row cannot both succeed."""

import contextlib
import threading
import time
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction

from giaoban.audit.models import AuditEntry
from giaoban.collection import bulk, keys, partitions
from giaoban.collection.models import DataValue, Report
from giaoban.org.models import Indicator

GONE = 987654321  # an id nothing has

# key -> (the data value's field, the words PostgreSQL's refusal names it by, SQLite's column)
KEY_OF = {
    "report": ("report_id", r"khóa \(report_id, unit_id, period\)=\(987654321, ", "report_id"),
    "indicator": ("indicator_id", r"khóa \(indicator_id\)=\(987654321\)", "indicator_id"),
    "user": ("updated_by_id", r"khóa \(updated_by_id\)=\(987654321\)", "updated_by_id"),
}


@contextlib.contextmanager
def refused(key: str):
    """The statement(s) inside write a value pointing nowhere by `key`: PostgreSQL refuses the
    statement, SQLite the commit (its check run here); nothing stays either way."""
    _, pg_words, sqlite_column = KEY_OF[key]
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with pytest.raises(IntegrityError, match=pg_words) as caught:
                yield
            assert caught.value.__cause__.sqlstate == "23503"  # foreign_key_violation
            assert "không có trong bảng" in str(caught.value)
        else:
            yield
            with pytest.raises(IntegrityError, match=f"collection_datavalue.{sqlite_column} contains a value '{GONE}'"):
                connection.check_constraints(table_names=[DataValue._meta.db_table])
        transaction.set_rollback(True)


def _value(world, column: str) -> DataValue:
    """A new value for phunu Đoàn Kết, July 2023 (which holds no rate yet), pointing nowhere by `column`."""
    report = world.reports["phunu", "03388", "2023-07"]
    value = DataValue(report=report, unit=report.unit, indicator=world.rate, period="2023-07", value=Decimal(5),
                      updated_by=world.admin)
    setattr(value, column, GONE)
    return value


WAYS = ["create", "bulk_create", "update", "raw_insert"]


@pytest.mark.parametrize("key", list(KEY_OF))
@pytest.mark.parametrize("way", WAYS)
def test_every_way_a_bad_key_arrives_is_refused_by_the_database(world, way, key):
    column = KEY_OF[key][0]
    before = DataValue.objects.count()
    with refused(key):
        if way == "create":
            _value(world, column).save()
        elif way == "bulk_create":  # a good row beside the bad one: the statement goes whole
            other = world.reports["phunu", "03466", "2023-Q3"]
            good = DataValue(report=other, unit=other.unit, indicator=world.rate, period="2023-Q3", value=1)
            DataValue.objects.bulk_create([good, _value(world, column)])
        elif way == "update":  # an UPDATE of a key, through the ORM
            stored = DataValue.objects.filter(report=world.reports["phunu", "03388", "2023-Q3"]).order_by("pk")
            assert stored.filter(pk=stored[0].pk).update(**{column: GONE}) == 1
        else:
            row = _value(world, column)
            with connection.cursor() as cur:
                cur.execute(f"INSERT INTO {DataValue._meta.db_table} (report_id, unit_id, indicator_id, period, value, comment, "
                            "qualifier, source, source_detail, updated_at, updated_by_id) VALUES (%s, %s, %s, %s, 1, '', "
                            "'exact', 'import', '{}', '2024-01-01', %s)",
                            [row.report_id, row.unit_id, row.indicator_id, row.period, row.updated_by_id])
    assert DataValue.objects.count() == before
    assert not DataValue.objects.filter(**{column: GONE}).exists()


def test_an_update_that_keeps_the_keys_is_not_refused_and_one_that_moves_a_value_to_another_report_is(world):
    """PostgreSQL checks the rows whose keys an UPDATE changed, as a foreign key does."""
    report = world.reports["phunu", "03388", "2023-Q3"]
    other = world.reports["phunu", "03466", "2023-Q3"]
    assert DataValue.objects.filter(report=report).update(value=7, updated_by=world.entry) == 4
    assert DataValue.objects.filter(report=report, updated_by=world.entry).count() == 4
    moved = DataValue.objects.filter(report=report, indicator=world.rate)
    if connection.vendor == "postgresql":
        with pytest.raises(IntegrityError, match=rf"khóa \(report_id, unit_id, period\)=\({other.pk}, {report.unit_id}, 2023-Q3\)"):
            with transaction.atomic():
                moved.update(report=other)  # another unit's report: the value's unit is not its report's


def test_the_import_refuses_a_user_deleted_after_its_own_check_through_the_database(world, monkeypatch):
    """The import's COPY: its own key check switched off, the importing user deleted meanwhile;
    PostgreSQL's check at the end of the COPY refuses the chunk, read back into the Vietnamese
    message naming the row and field (storedBy); nothing is saved. (SQLite: its commit would.)"""
    importer = get_user_model().objects.create_superuser("nhap", "n@example.org", "mat-khau-rat-dai")

    def check_keys(self, cursor, *args):
        cursor.execute(f"DELETE FROM {get_user_model()._meta.db_table} WHERE id = %s", [importer.pk])
        return True

    monkeypatch.setattr(bulk._ChunkWriter, "_check_keys", check_keys)
    monkeypatch.setattr(bulk._ChunkWriter, "_check_rules", lambda self, *args: None)
    u_a = world.units["phunu", "03388"]
    values = DataValue.objects.count()
    result = bulk.write_values([(u_a.pk, world.sessions.pk, "2031-Q1", "3", "", 4),
                                (u_a.pk, world.loans.pk, "2031-Q1", "3", "", 5)], user=importer)
    if connection.vendor == "postgresql":
        assert [(p.index, p.field, p.object) for p in result.problems] == [(4, "storedBy", str(importer.pk))]
        assert "người nhập (mã số" in result.problems[0].message
        assert "không còn trong cơ sở dữ liệu" in result.problems[0].message
        assert DataValue.objects.count() == values
    else:
        assert result.ok  # nothing checked it before the commit
        with pytest.raises(IntegrityError, match="updated_by_id"):
            connection.check_constraints(table_names=[DataValue._meta.db_table])
        DataValue.objects.filter(period="2031-Q1").delete()  # what the commit would have refused
        AuditEntry.objects.filter(user_id=importer.pk).delete()


DELETIONS = {
    "report": lambda w: (f"DELETE FROM {Report._meta.db_table} WHERE id = %s", [w.reports["phunu", "03388", "2023-Q3"].pk]),
    "report period": lambda w: (f"UPDATE {Report._meta.db_table} SET period = '2019-Q1' WHERE id = %s",
                                [w.reports["phunu", "03388", "2023-Q3"].pk]),
    "report unit": lambda w: (f"UPDATE {Report._meta.db_table} SET unit_id = %s WHERE id = %s",
                              [w.old_unit.pk, w.reports["phunu", "03388", "2023-Q3"].pk]),
    "indicator": lambda w: (f"DELETE FROM {Indicator._meta.db_table} WHERE id = %s", [w.spare.pk]),
    "indicator id": lambda w: (f"UPDATE {Indicator._meta.db_table} SET id = %s WHERE id = %s", [GONE, w.spare.pk]),
    "user": lambda w: (f"DELETE FROM {get_user_model()._meta.db_table} WHERE id = %s", [w.editor.pk]),
    "user id": lambda w: (f"UPDATE {get_user_model()._meta.db_table} SET id = %s WHERE id = %s", [GONE, w.editor.pk]),
}


@pytest.mark.parametrize("what", list(DELETIONS))
def test_a_referenced_row_is_not_deleted_nor_its_key_changed_while_values_name_it(world, what):
    """Raw statements (the ORM's PROTECT would refuse first): the database refuses at the commit
    (the check deferred, as the foreign keys were; run here by check_constraints). SQLite: the
    report's unit may change there (two single keys), so that case is PostgreSQL's rule only."""
    # a user and an indicator that only values name (no rule, no audit entry, no organization)
    world.editor = get_user_model().objects.create_user("bien.tap", password="mat-khau-rat-dai")
    world.spare = Indicator.objects.create(code="du_phong", name="Chỉ tiêu dự phòng", unit_noun="lượt")
    report = world.reports["phunu", "03388", "2023-Q3"]
    DataValue.objects.filter(report=report).update(updated_by=world.editor)
    DataValue.objects.create(report=report, unit=report.unit, indicator=world.spare, period=report.period, value=1)
    sql, params = DELETIONS[what](world)
    with transaction.atomic():
        with connection.cursor() as cur:
            cur.execute(sql, params)
        if connection.vendor == "postgresql":
            with pytest.raises(IntegrityError, match="còn số liệu") as caught:
                connection.check_constraints()
            assert caught.value.__cause__.sqlstate == "23503"
        elif what not in ("report unit", "report period"):  # SQLite's key to the report is its id alone
            with pytest.raises(IntegrityError, match="collection_datavalue"):
                connection.check_constraints(table_names=[DataValue._meta.db_table])
        transaction.set_rollback(True)
    assert DataValue.objects.filter(report=report).count() == 5


def test_a_row_deleted_with_its_values_in_one_transaction_is_deleted(world):
    """The referenced side is checked at the commit: the values may go after their report."""
    report = world.reports["phunu", "03388", "2023-Q3"]
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute(f"DELETE FROM {Report._meta.db_table} WHERE id = %s", [report.pk])
        cur.execute(f"DELETE FROM {DataValue._meta.db_table} WHERE report_id = %s", [report.pk])
        connection.check_constraints()
    assert not Report.objects.filter(pk=report.pk).exists()


@pytest.mark.parametrize("table", ["collection_report", "org_indicator", "auth_user"])
def test_a_truncate_that_leaves_values_behind_is_refused(world, table):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no TRUNCATE")
    connection.check_constraints()  # TRUNCATE wants no checks pending in the transaction (the fixture's)
    with pytest.raises(IntegrityError, match="còn số liệu"), transaction.atomic(), connection.cursor() as cur:
        cur.execute(f"TRUNCATE {table} CASCADE")
    with transaction.atomic(), connection.cursor() as cur:  # values emptied in the same statement: allowed
        cur.execute(f"TRUNCATE {table}, {DataValue._meta.db_table} CASCADE")
        transaction.set_rollback(True)


def test_every_partition_checks_the_statements_that_name_it(world):
    """A statement naming a partition fires that partition's statement triggers, not the parent's:
    each partition has them, a new year's partition too, and COPY through the parent checks every row."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite: no partitions; its foreign keys check every table")
    made = partitions.ensure_years([2093], [DataValue._meta.db_table])
    assert made == ["collection_datavalue_y2093"]
    with connection.cursor() as cur:
        cur.execute("SELECT c.relname, count(t.tgname) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                    "LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND t.tgname IN (%s, %s) WHERE i.inhparent = %s::regclass "
                    "GROUP BY 1", [keys.INSERT_TRIGGER, keys.UPDATE_TRIGGER, DataValue._meta.db_table])
        counts = dict(cur.fetchall())
    assert "collection_datavalue_y2093" in counts and set(counts.values()) == {2}, counts
    report = world.reports["phunu", "03388", "2023-Q3"]
    with refused("indicator"), connection.cursor() as cur:  # straight into the partition
        cur.execute("INSERT INTO collection_datavalue_y2023 (id, report_id, unit_id, indicator_id, period, value, comment, "
                    "qualifier, source, source_detail, updated_at) VALUES (%s, %s, %s, %s, '2023-Q3', 1, '', 'exact', "
                    "'import', '{}', '2024-01-01')", [GONE, report.pk, report.unit_id, GONE])
    # 2,000 rows through the parent, the bad one last: the check sees every row of the COPY
    inds = Indicator.objects.bulk_create([Indicator(code=f"chi_tieu_{i}", name=f"Chỉ tiêu {i}", unit_noun="lượt")
                                          for i in range(50)])
    made = Report.objects.bulk_create([Report(unit=report.unit, period=f"{2000 + q // 4}-Q{q % 4 + 1}") for q in range(40)])
    rows = [f"{r.pk}\t{r.unit_id}\t{i.pk}\t{r.period}\t1\t\texact\timport\t{{}}\t2024-01-01\n" for r in made for i in inds]
    rows[-1] = rows[-1].replace(f"\t{inds[-1].pk}\t", f"\t{GONE}\t")
    with refused("indicator"), connection.cursor() as cur, connection.wrap_database_errors:
        with cur.cursor.copy(f"COPY {DataValue._meta.db_table} (report_id, unit_id, indicator_id, period, value, comment, "
                             "qualifier, source, source_detail, updated_at) FROM STDIN") as copy:
            copy.write("".join(rows))
    assert len(rows) == 2000


def _pg_session():
    import psycopg

    s = connection.settings_dict
    return psycopg.connect(dbname=s["NAME"], user=s["USER"], host=s["HOST"], port=s["PORT"] or 5432,
                           password=s["PASSWORD"] or None)


def _wait_for_lock(watcher, pid: int) -> None:
    for _ in range(500):
        if watcher.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid]).fetchone()[0] == "Lock":
            return
        time.sleep(0.01)
    raise AssertionError("the second session never waited for the first")


def _insert_sql(report: Report, indicator_id: int) -> tuple[str, list]:
    return (f"INSERT INTO {DataValue._meta.db_table} (report_id, unit_id, indicator_id, period, value, comment, qualifier, "
            "source, source_detail, updated_at) VALUES (%s, %s, %s, %s, 1, '', 'exact', 'import', '{}', now())",
            [report.pk, report.unit_id, indicator_id, report.period])


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("first", ["insert", "delete"])
def test_an_insert_and_a_concurrent_delete_of_its_report_do_not_both_succeed(world, first):
    """Two real sessions in READ COMMITTED. The insert's check locks the report FOR KEY SHARE:
    a delete that comes second waits for the insert's commit, then its own check (at its commit,
    in a fresh snapshot) sees the value and refuses. A delete that comes first holds the row: the
    insert's check waits for it, then finds no report and refuses. Either way no value points nowhere."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time: nothing runs concurrently")
    import psycopg

    report = Report.objects.create(unit=world.units["phunu", "03466"], period="2024-Q1")
    inserting, deleting, watcher = _pg_session(), _pg_session(), _pg_session()
    watcher.autocommit = True
    outcome: dict = {}

    def run(name, conn, sql, params):
        try:
            conn.execute(sql, params)
            conn.commit()
            outcome[name] = "ok"
        except psycopg.Error as exc:
            conn.rollback()
            outcome[name] = (exc.sqlstate, str(exc))

    insert = _insert_sql(report, world.rate.pk)
    delete = (f"DELETE FROM {Report._meta.db_table} WHERE id = %s", [report.pk])
    try:
        if first == "insert":
            inserting.execute(*insert)  # checked: the report is held FOR KEY SHARE
            second = threading.Thread(target=run, args=("delete", deleting, *delete))
            second.start()
            _wait_for_lock(watcher, deleting.info.backend_pid)
            inserting.commit()
            outcome["insert"] = "ok"
        else:
            deleting.execute(*delete)  # no values yet: allowed so far
            second = threading.Thread(target=run, args=("insert", inserting, *insert))
            second.start()
            _wait_for_lock(watcher, inserting.info.backend_pid)
            deleting.commit()
            outcome["delete"] = "ok"
        second.join(30)
    finally:
        for conn in (inserting, deleting, watcher):
            conn.close()
    loser = "delete" if first == "insert" else "insert"
    assert outcome[first] == "ok"
    assert outcome[loser][0] == "23503", outcome
    if first == "insert":
        assert "còn số liệu" in outcome[loser][1]
        assert DataValue.objects.filter(report=report).count() == 1
    else:
        assert "khóa (report_id, unit_id, period)" in outcome[loser][1]
        assert not Report.objects.filter(pk=report.pk).exists()
        assert not DataValue.objects.filter(report_id=report.pk).exists()

"""The bulk write path bumps the version of every report whose values it changed, so a form
opened before an import answers with the conflict message instead of overwriting the import."""

from decimal import Decimal

import pytest

from giaoban.collection import bulk, workflow
from giaoban.collection.models import DataValue, Report


def _version(report: Report) -> int:
    return Report.objects.get(pk=report.pk).version


def test_import_bumps_changed_reports_only_and_the_open_form_gets_a_conflict(world):
    changed = world.reports["phunu", "03388", "2023-Q3"]
    same = world.reports["phunu", "03466", "2023-Q3"]
    before_changed, before_same = changed.version, same.version
    u_a, u_b = world.units["phunu", "03388"], world.units["phunu", "03466"]
    rows = [
        (u_a.pk, world.sessions.pk, "2023-Q3", "13", "", 0),  # 12 → 13: changed
        (u_b.pk, world.sessions.pk, "2023-Q3", "7", "", 1),  # unchanged
        (u_b.pk, world.attendees.pk, "2023-Q3", "820", "", 2),  # unchanged
        (u_b.pk, world.sessions.pk, "2023-Q4", "2", "", 3),  # a new report
    ]
    result = bulk.write_values(rows, user=world.admin)
    assert result.ok and (result.imported, result.updated, result.ignored) == (1, 1, 2)
    assert _version(changed) == before_changed + 1
    assert _version(same) == before_same
    new = Report.objects.get(unit=u_b, period="2023-Q4")
    assert new.version == 2  # an entry page opened on the empty report posts version 1

    # The entry form was opened before the import: its save is refused, the import stays.
    with pytest.raises(workflow.ConflictError):
        workflow.save_values(changed, world.entry, {"tuyen_truyen_buoi": {"value": 99}}, expected_version=before_changed)
    assert DataValue.objects.get(unit=u_a, indicator=world.sessions, period="2023-Q3").value == 13
    # Reloaded, the form saves.
    workflow.save_values(Report.objects.get(pk=changed.pk), world.entry, {"tuyen_truyen_buoi": {"value": 14}},
                         expected_version=_version(changed))
    assert DataValue.objects.get(unit=u_a, indicator=world.sessions, period="2023-Q3").value == 14


def test_dry_run_and_refused_batches_bump_nothing(world):
    report = world.reports["phunu", "03388", "2023-Q3"]
    before = report.version
    u_a = world.units["phunu", "03388"]
    assert bulk.write_values([(u_a.pk, world.sessions.pk, "2023-Q3", "50", "", 0)], dry_run=True).ok
    refused = bulk.write_values([(u_a.pk, world.sessions.pk, "2023-Q3", "50", "", 0),
                                 (u_a.pk, world.sessions.pk, "2023-Q3", "không phải số", "", 1)])
    assert not refused.ok
    assert _version(report) == before


def test_many_reports_are_bumped_past_the_parameter_limit(world):
    """More reports than one UPDATE's id list holds (chunked): every one is bumped."""
    u_a = world.units["phunu", "03388"]
    periods = [f"{y}-{m:02d}" for y in range(1960, 2020) for m in range(1, 13)][:600]
    result = bulk.write_values([(u_a.pk, world.sessions.pk, p, "1", "", i) for i, p in enumerate(periods)])
    assert result.ok and result.imported == 600
    assert set(Report.objects.filter(period__in=periods).values_list("version", flat=True)) == {2}


@pytest.mark.parametrize("raw, stored", [("7", Decimal("7")), ("007", Decimal("7")), ("999999999999999", Decimal("999999999999999")),
                                         ("12.0", Decimal("12")), ("-0", Decimal("0"))])
def test_whole_numbers_are_stored_as_read(world, raw, stored):
    u = world.units["phunu", "03466"]
    assert bulk.write_values([(u.pk, world.sessions.pk, "2023-Q4", raw, "", 0)]).ok
    assert DataValue.objects.get(unit=u, indicator=world.sessions, period="2023-Q4").value == stored


@pytest.mark.parametrize("raw", ["1000000000000000", "1.5", "12a", " "])
def test_numbers_the_form_refuses_are_refused(world, raw):
    u = world.units["phunu", "03466"]
    result = bulk.write_values([(u.pk, world.sessions.pk, "2023-Q4", raw, "", 0)])
    assert not result.ok and result.problems[0].field == "value"
    assert not DataValue.objects.filter(period="2023-Q4").exists()


def _mixed_rows(world):
    """Seven rows: a changed value, an unchanged one, new ones, and a key written twice, the
    second time in a later chunk when chunks hold two keys."""
    u_a, u_b = world.units["phunu", "03388"], world.units["phunu", "03466"]
    s, a = world.sessions.pk, world.attendees.pk
    return [
        (u_a.pk, s, "2023-Q3", "13", "", 0),  # 12 → 13: changed
        (u_b.pk, s, "2023-Q3", "7", "", 1),  # unchanged
        (u_b.pk, s, "2023-Q4", "2", "", 2),  # new report
        (u_b.pk, a, "2023-Q4", "40", "", 3),
        (u_a.pk, s, "2024-Q1", "5", "", 4),
        (u_b.pk, s, "2023-Q4", "3", "", 5),  # the same key as row 2, two chunks later: this one wins
        ("", s, "2023-Q4", "", "", 6),  # empty: ignored
    ]


@pytest.mark.parametrize("chunk_size, read_ahead", [(2, False), (2, True), (1, True), (100, True)])
def test_chunks_give_the_answer_of_one_batch(world, chunk_size, read_ahead):
    rows = _mixed_rows(world)
    result = bulk.write_values(rows, user=world.admin, chunk_size=chunk_size, read_ahead=read_ahead)
    assert result.ok
    # as one batch (chunk_size 100): 3 new keys, 1 changed, the unchanged, repeated and empty rows ignored
    assert (result.imported, result.updated, result.ignored) == (3, 1, 3)
    u_a, u_b = world.units["phunu", "03388"], world.units["phunu", "03466"]
    assert DataValue.objects.get(unit=u_b, indicator=world.sessions, period="2023-Q4").value == 3
    assert DataValue.objects.get(unit=u_a, indicator=world.sessions, period="2023-Q3").value == 13
    from giaoban.audit.models import AuditEntry

    assert AuditEntry.objects.filter(action="value.bulk_update", data__batch=result.batch).count() == 1


@pytest.mark.parametrize("read_ahead", [False, True])
def test_a_problem_in_a_later_chunk_keeps_nothing_of_the_earlier_ones(world, read_ahead):
    rows = _mixed_rows(world)[:5] + [(world.units["phunu", "03466"].pk, world.sessions.pk, "2024-Q2", "không phải số", "", 9)]
    before = set(DataValue.objects.values_list("unit_id", "indicator_id", "period", "value"))
    reports = Report.objects.count()
    result = bulk.write_values(rows, chunk_size=2, read_ahead=read_ahead)
    assert not result.ok and [(p.index, p.field) for p in result.problems] == [(9, "value")]
    assert (result.imported, result.updated) == (0, 0)
    assert set(DataValue.objects.values_list("unit_id", "indicator_id", "period", "value")) == before
    assert Report.objects.count() == reports  # the reports the first chunks opened are gone too


def test_an_approved_report_in_a_later_chunk_refuses_the_batch(world):
    approved = world.reports["phunu", "03466", "2023-Q3"]
    Report.objects.filter(pk=approved.pk).update(status=Report.Status.APPROVED)
    u_a, u_b = world.units["phunu", "03388"], world.units["phunu", "03466"]
    rows = [(u_a.pk, world.sessions.pk, "2024-Q1", "1", "", 0), (u_a.pk, world.sessions.pk, "2024-Q2", "1", "", 1),
            (u_b.pk, world.sessions.pk, "2023-Q3", "70", "", 2)]
    result = bulk.write_values(rows, chunk_size=1, read_ahead=True)
    assert [(p.index, p.kind) for p in result.problems] == [(2, "locked")]
    assert not DataValue.objects.filter(period__in=["2024-Q1", "2024-Q2"]).exists()


@pytest.mark.parametrize("read_ahead", [False, True])
def test_the_source_may_refuse_after_its_last_row(world, read_ahead):
    u = world.units["phunu", "03466"]

    def rows():
        yield (u.pk, world.sessions.pk, "2024-Q1", "1", "", 0)
        yield (u.pk, world.sessions.pk, "2024-Q2", "1", "", 1)
        raise bulk.RowsRefused

    result = bulk.write_values(rows(), chunk_size=1, read_ahead=read_ahead)
    assert result.refused and (result.imported, result.ignored) == (0, 2)
    assert not DataValue.objects.filter(period__in=["2024-Q1", "2024-Q2"]).exists()
    assert not Report.objects.filter(period__in=["2024-Q1", "2024-Q2"]).exists()


def test_an_error_while_reading_ahead_reaches_the_caller_and_keeps_nothing(world):
    u = world.units["phunu", "03466"]

    def rows():
        for i in range(5):
            yield (u.pk, world.sessions.pk, f"2024-{i + 1:02d}", "1", "", i)
        raise OSError("tệp bị cắt")

    with pytest.raises(OSError, match="tệp bị cắt"):
        bulk.write_values(rows(), chunk_size=2, read_ahead=True)
    assert not DataValue.objects.filter(period__startswith="2024-0").exists()


def test_a_failed_write_stops_the_read_ahead_thread_at_once(world, monkeypatch):
    """A database error in the middle of a read-ahead import leaves no reading thread behind."""
    import threading

    u = world.units["phunu", "03466"]
    rows = [(u.pk, world.sessions.pk, f"20{y}-{m:02d}", "1", "", i) for i, (y, m) in
            enumerate((y, m) for y in range(10, 20) for m in range(1, 13))]

    def fail(self, keyed):
        raise RuntimeError("ổ đĩa đầy")

    monkeypatch.setattr(bulk._ChunkWriter, "write", fail)
    with pytest.raises(RuntimeError, match="ổ đĩa đầy"):
        bulk.write_values(rows, chunk_size=2, read_ahead=True)
    assert not [t for t in threading.enumerate() if t.name == "bulk-read-ahead"]


@pytest.mark.parametrize("gone", ["unit", "indicator", "user"])
def test_a_key_deleted_while_the_rows_are_read_refuses_the_batch_with_a_message(world, gone):
    """The rows were validated against the units and indicators as they were; one of them (or the
    importing user, whom every row names) is deleted before the write. The import's key check,
    one statement per key before the database's own, refuses the batch: a message naming the row
    and field, nothing saved, no error."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from giaoban.org.models import Indicator, Unit

    top = world.units["phunu", "12"]
    unit = Unit.objects.create(organization=world.phunu, code="phunu-moi", name="Hội LHPN mới", level=Unit.Level.COMMUNE,
                               area=world.area_a, parent=top)
    ind = Indicator.objects.create(code="moi", name="Chỉ tiêu mới", unit_noun="cuộc")
    ind.organizations.set([world.phunu])
    importer = get_user_model().objects.create_superuser("nhap", "n@example.org", "mat-khau-rat-dai")
    u_a = world.units["phunu", "03388"]
    values = DataValue.objects.count()

    def rows():
        yield (u_a.pk, world.sessions.pk, "2024-Q1", "3", "", 0)
        yield (unit.pk, world.sessions.pk, "2024-Q1", "4", "", 1) if gone == "unit" else (u_a.pk, ind.pk, "2024-Q1", "4", "", 1)
        with connection.cursor() as cur:  # deleted by someone else meanwhile (references checked at the commit)
            if gone == "unit":
                cur.execute(f"DELETE FROM {Unit._meta.db_table} WHERE id = %s", [unit.pk])
            elif gone == "indicator":
                cur.execute(f"DELETE FROM {Indicator.organizations.through._meta.db_table} WHERE indicator_id = %s", [ind.pk])
                cur.execute(f"DELETE FROM {Indicator._meta.db_table} WHERE id = %s", [ind.pk])
            else:
                cur.execute(f"DELETE FROM {get_user_model()._meta.db_table} WHERE id = %s", [importer.pk])

    result = bulk.write_values(rows(), user=importer)
    assert not result.ok
    field = {"unit": "orgUnit", "indicator": "dataElement", "user": "storedBy"}[gone]
    assert [(p.index, p.field) for p in result.problems] == [(1 if gone != "user" else 0, field)]
    assert "không còn trong cơ sở dữ liệu" in result.problems[0].message
    assert DataValue.objects.count() == values
    connection.check_constraints()  # nothing left pointing nowhere


def test_the_database_itself_refuses_a_key_that_slipped_past_the_import(world, monkeypatch):
    """The data values' foreign keys are enforced by the database during the import, not only by
    the import's own check: with that check (and the rule check, which reads the indicators)
    switched off, an indicator deleted meanwhile is refused by PostgreSQL's key trigger at the COPY
    (a message naming the row and field, nothing saved). SQLite checks its deferred keys at the
    commit: its own check (PRAGMA foreign_key_check, what COMMIT enforces) finds the row."""
    from django.db import IntegrityError, connection

    from giaoban.org.models import Indicator

    monkeypatch.setattr(bulk._ChunkWriter, "_check_keys", lambda self, *args: True)
    monkeypatch.setattr(bulk._ChunkWriter, "_check_rules", lambda self, *args: None)
    ind = Indicator.objects.create(code="moi", name="Chỉ tiêu mới", unit_noun="cuộc")
    ind.organizations.set([world.phunu])
    u_a = world.units["phunu", "03388"]
    values = DataValue.objects.count()

    def rows():
        yield (u_a.pk, world.sessions.pk, "2024-Q1", "3", "", 0)
        yield (u_a.pk, world.sessions.pk, "2024-Q2", "3", "", 1)
        yield (u_a.pk, ind.pk, "2024-Q1", "4", "", 2)
        with connection.cursor() as cur:  # deleted by someone else meanwhile
            cur.execute(f"DELETE FROM {Indicator.organizations.through._meta.db_table} WHERE indicator_id = %s", [ind.pk])
            cur.execute(f"DELETE FROM {Indicator._meta.db_table} WHERE id = %s", [ind.pk])

    result = bulk.write_values(rows(), user=world.admin)
    if connection.vendor == "postgresql":
        assert [(p.index, p.field, p.object) for p in result.problems] == [(2, "dataElement", str(ind.pk))]
        assert "chỉ tiêu moi" in result.problems[0].message and "không còn trong cơ sở dữ liệu" in result.problems[0].message
        assert DataValue.objects.count() == values
        connection.check_constraints()  # nothing left pointing nowhere
    else:
        assert result.ok  # nothing checked it before the commit
        with pytest.raises(IntegrityError, match=f"indicator_id contains a value '{ind.pk}'"):
            connection.check_constraints(table_names=[DataValue._meta.db_table])
        DataValue.objects.filter(indicator_id=ind.pk).delete()  # what the commit would have refused


def test_the_database_refuses_a_value_whose_report_is_gone_by_its_one_key_to_the_report(world, monkeypatch):
    """PostgreSQL checks a value's report and unit by one key, (report, unit, period) to the
    report's (id, unit, period): a report deleted after the import opened it (the import's own
    check switched off) is refused by that key at the COPY, with a message naming the row and its
    report; nothing is saved. SQLite keeps its two keys and checks them at the commit."""
    from django.db import IntegrityError, connection

    def check_keys(self, cursor, keys, new, keyed):  # the import's check off; the report deleted meanwhile
        cursor.execute(f"DELETE FROM {Report._meta.db_table} WHERE id = %s", [new[-1][0]])
        return True

    monkeypatch.setattr(bulk._ChunkWriter, "_check_keys", check_keys)
    monkeypatch.setattr(bulk._ChunkWriter, "_check_rules", lambda self, *args: None)
    u_a = world.units["phunu", "03388"]
    values = DataValue.objects.count()
    result = bulk.write_values([(u_a.pk, world.sessions.pk, "2031-Q1", "3", "", 0),
                                (u_a.pk, world.sessions.pk, "2031-Q2", "3", "", 1)], user=world.admin)
    if connection.vendor == "postgresql":
        assert [(p.index, p.field) for p in result.problems] == [(1, "period")]
        assert "kỳ 2031-Q2: báo cáo" in result.problems[0].message
        assert "không còn trong cơ sở dữ liệu" in result.problems[0].message
        assert DataValue.objects.count() == values
        connection.check_constraints()
    else:
        assert result.ok  # nothing checked it before the commit
        with pytest.raises(IntegrityError, match="report_id"):
            connection.check_constraints(table_names=[DataValue._meta.db_table])
        DataValue.objects.filter(period="2031-Q2").delete()  # what the commit would have refused


def test_a_value_lies_in_its_reports_unit_and_period(world):
    """PostgreSQL: the key to the report includes the unit and the period, so a value can no longer
    name one unit while its report is another's (the two single keys let that pass); the database
    refuses the statement itself (its key check runs at the statement's end)."""
    from django.db import IntegrityError, connection, transaction

    u_a, u_b = world.units["phunu", "03388"], world.units["phunu", "12"]
    assert bulk.write_values([(u_a.pk, world.sessions.pk, "2024-Q1", "3", "", 0)], user=world.admin).ok
    report = Report.objects.get(unit=u_a, period="2024-Q1")
    for unit, period in ((u_b, "2024-Q1"), (u_a, "2024-Q2")):
        with transaction.atomic():
            with connection.cursor() as cur:
                insert = (f"INSERT INTO {DataValue._meta.db_table} (report_id, unit_id, indicator_id, period, value, comment, "
                          "qualifier, source, source_detail, updated_at) VALUES (%s, %s, %s, %s, 1, '', 'exact', 'import', "
                          "'{}', '2024-01-01')")
                if connection.vendor == "postgresql":
                    with pytest.raises(IntegrityError, match=rf"khóa \(report_id, unit_id, period\)=\({report.pk}, {unit.pk}, {period}\)"):
                        cur.execute(insert, [report.pk, unit.pk, world.sessions.pk, period])
                else:
                    cur.execute(insert, [report.pk, unit.pk, world.sessions.pk, period])
            transaction.set_rollback(True)  # SQLite keeps the two single keys: both exist, it takes the row


def test_foreign_keys_hold_again_after_an_import(world):
    """The import checks its own rows' keys; the database's checks are back for the next write."""
    from django.db import IntegrityError, connection, transaction

    u_a = world.units["phunu", "03388"]
    assert bulk.write_values([(u_a.pk, world.sessions.pk, "2024-Q1", "3", "", 0)], user=world.admin).ok
    report = Report.objects.get(unit=u_a, period="2024-Q1")
    with pytest.raises(IntegrityError), transaction.atomic():
        with connection.cursor() as cur:
            cur.execute(f"INSERT INTO {DataValue._meta.db_table} (report_id, unit_id, indicator_id, period, value, comment, "
                        "qualifier, source, source_detail, updated_at) VALUES (%s, %s, %s, '2024-Q1', 1, '', 'exact', 'import', "
                        "'{}', '2024-01-01')", [report.pk, u_a.pk, 987654321])
        connection.check_constraints()


def test_comments_and_odd_values_are_stored_as_written(world):
    """The new rows go to PostgreSQL as COPY text: tabs, line breaks and backslashes in a comment,
    a value in exponent notation and a negative one refused by the built-in check."""
    u_a = world.units["phunu", "03388"]
    comment = "dòng 1\ndòng 2\tcột \\N \\ cuối\r"
    rows = [(u_a.pk, world.sessions.pk, "2024-Q1", "3", comment, 0),
            (u_a.pk, world.loans.pk, "2024-Q1", Decimal("1.5E+3"), "", 1)]
    assert bulk.write_values(rows, user=world.admin).ok
    stored = DataValue.objects.get(unit=u_a, indicator=world.sessions, period="2024-Q1")
    assert (stored.value, stored.comment) == (3, comment)
    assert DataValue.objects.get(unit=u_a, indicator=world.loans, period="2024-Q1").value == 1500
    refused = bulk.write_values([(u_a.pk, world.loans.pk, "2024-Q2", "-5", "", 7)], user=world.admin)
    assert [(p.index, p.field) for p in refused.problems] == [(7, "value")]
    assert "âm" in refused.problems[0].message


def test_rows_sent_a_report_at_a_time_keep_their_comments_and_a_negative_in_a_later_chunk_saves_nothing(world):
    """On PostgreSQL a first load's COPY text is made per report in the reading thread and each
    report's id put in front of its lines: comments with line breaks, tabs and backslashes in
    several rows of one report are stored as written; a negative value in the third chunk
    (found from the rows made beforehand) refuses the batch, the first chunks included."""
    u_a, u_b = world.units["phunu", "03388"], world.units["phunu", "12"]
    comments = ["một\ndòng", "tab\tgiữa", "gạch \\ ngược \\N", "cuối\r\n", ""]
    rows = [(u, ind.pk, period, str(i + 1), comments[i % len(comments)], i)
            for i, (u, ind, period) in enumerate((u, ind, period) for period in ("2031-Q3", "2031-Q4")
                                                  for u in (u_a.pk, u_b.pk) for ind in (world.sessions, world.loans))]
    assert bulk.write_values(rows, user=world.admin, chunk_size=3, read_ahead=True).ok
    stored = {(v.unit_id, v.indicator_id, v.period): (v.value, v.comment, v.report.unit_id, v.report.period)
              for v in DataValue.objects.filter(period__in=("2031-Q3", "2031-Q4")).select_related("report")}
    assert stored == {(u, i, p): (Decimal(value), comment, u, p) for u, i, p, value, comment, _ in rows}
    values, reports = DataValue.objects.count(), Report.objects.count()
    later = [(u_a.pk, world.sessions.pk, f"2032-{m:02d}", "-1" if m == 6 else str(m), "", m) for m in range(1, 8)]
    result = bulk.write_values(later, user=world.admin, chunk_size=2, read_ahead=True)
    assert [(p.index, p.field) for p in result.problems] == [(6, "value")]
    assert "âm" in result.problems[0].message
    assert (DataValue.objects.count(), Report.objects.count()) == (values, reports)

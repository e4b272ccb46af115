"""The fast write path for many data values at once (imports, API bulk writes, benchmarks).

`write_values(rows, ...)` validates every row, then writes all of them in one transaction or
none: a single problem refuses the whole batch (nothing saved half-way). Validation is the same
as a form's: the period is a base period (month or quarter), the unit exists in that period, the
indicator is active and reported by the unit's organization, the value is a number of the
indicator's type, the user may enter for the unit, the report is a draft or returned (not
submitted, approved or locked; `allow_locked` lifts this for an administrator's import), and
the blocking validation rules hold for what was written (rules.write_errors, as on the form).
Missing reports are created as drafts.

Speed comes from doing per-row work in plain Python against dictionaries loaded once, and from
handing the rows to the database as a plain load would: the reports are locked (as a form save
locks its report), the values they hold are read once, and the new values go in by COPY on
PostgreSQL and through a temporary table on SQLite; changed values are updated by id, with their old value in
the audit trail; an unchanged value is counted as ignored and not rewritten. Every report whose
values changed gets a new version, so an entry page opened before the import answers with the
conflict message instead of overwriting it. Every constraint of the data-value table is the
database's to enforce for these rows as for any other (on PostgreSQL its key checks run once per
statement, so once per chunk: giaoban/collection/keys.py; SQLite's foreign keys at the commit); the
import's own key check before the write is there to name the row in its message.
"""

from __future__ import annotations

import json
import queue
import re
import threading
import uuid
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from giaoban.audit.models import AuditEntry
from giaoban.collection import peers
from giaoban.collection import rules as validation
from giaoban.collection.models import DataValue, Report
from giaoban.collection.signals import values_written
from giaoban.core.periods import Period, PeriodError
from giaoban.org.models import Indicator, Unit

BASE_KINDS = ("M", "Q")
MAX_ABS = Decimal(10) ** 15  # as the form (workflow.MAX_ABS_VALUE)
FOUR_PLACES = Decimal("0.0001")
# Only a draft or a returned report takes values (as workflow.save_values): a submitted report
# is what the approver is reading, an approved or locked one is final until reopened.
NOT_EDITABLE = (Report.Status.SUBMITTED, Report.Status.APPROVED, Report.Status.LOCKED)
LOCKED = NOT_EDITABLE  # the name other modules knew
TEMP_TABLE = "giaoban_bulk_values"
# The columns of a new value: its own, and the write's stamp (the same on every row of a call).
NEW_COLUMNS = ("report_id", "unit_id", "indicator_id", "period", "value", "comment")
STAMP_COLUMNS = ("qualifier", "source", "source_detail", "updated_at", "updated_by_id")
CHUNK_SIZE = 100_000  # keys written per COPY: large enough to stream, small enough to overlap
# The first chunk is smaller: the database starts on it while the rest is still being read.
FIRST_CHUNK_SIZE = 20_000


@dataclass(slots=True)
class Problem:
    """Why a row cannot be written. `object` is the offending code or value."""

    index: int
    field: str
    object: str
    message: str
    kind: str = "invalid"  # invalid | scope (user may not enter) | locked (report approved/locked)


@dataclass
class BulkResult:
    imported: int = 0
    updated: int = 0
    ignored: int = 0
    problems: list[Problem] = field(default_factory=list)
    batch: str = ""
    dry_run: bool = False
    refused: bool = False  # the rows' source refused the batch (RowsRefused)

    @property
    def ok(self) -> bool:
        return not self.problems


def _period_bounds(code: str):
    try:
        p = Period.parse(code)
    except PeriodError as exc:
        return None, str(exc)
    if p.kind not in BASE_KINDS:
        return None, f"Kỳ {p.code} là kỳ cộng dồn, được tính từ các quý/tháng; chỉ nhập số liệu theo tháng hoặc quý."
    return (p.code, p.start, p.end), ""


class RowsRefused(Exception):
    """Raised by a `rows` iterable after its last row to refuse the whole batch: the caller
    found problems of its own while the rows were being written (nothing is kept)."""


def write_values(
    rows: Iterable[tuple],
    *,
    user=None,
    source: str = DataValue.Source.IMPORT,
    source_detail: dict | None = None,
    allowed_unit_ids: set[int] | None = None,
    allow_locked: bool = False,
    dry_run: bool = False,
    max_problems: int = 1000,
    read_ahead: bool = False,
    chunk_size: int = CHUNK_SIZE,
) -> BulkResult:
    """Validate and write rows of (unit_id, indicator_id, period, value, comment, index).

    `value` is a str or Decimal ('' or None: the row is ignored); `index` locates the row in its
    source for messages. `allowed_unit_ids=None` means no scope restriction (the caller checked).

    Rows are validated and written `chunk_size` keys at a time, all in one transaction, rolled
    back at the end if any row had a problem. With `read_ahead`, the rows are read and validated
    in a second thread while the database writes the previous chunk, so a large import costs
    about the larger of the two, not their sum; `rows` must then not touch the database.
    """
    result = BulkResult(dry_run=dry_run, batch=uuid.uuid4().hex[:12])
    check = _RowCheck(allowed_unit_ids, result.problems, max_problems)
    writer = _ChunkWriter(check, result, user=user, source=source, source_detail=source_detail or {},
                          allow_locked=allow_locked, dry_run=dry_run)
    # A dry run writes nothing, so a key repeated in a later chunk could not be found: one chunk.
    chunks = check.chunks(rows, None if dry_run else chunk_size)
    if not dry_run and connection.vendor == "postgresql":
        chunks = _with_copy_text(chunks, writer.stamp_text)  # in the read-ahead thread, if any
    try:
        with transaction.atomic():
            if read_ahead and not dry_run:
                chunks = _read_ahead(chunks)
            for keyed in chunks:
                if not result.problems:  # after a problem, go on reading only to report them all
                    writer.write(keyed)
            if result.problems:
                transaction.set_rollback(True)  # the reports this call created go too
                result.imported = result.updated = 0
                result.ignored = check.rows
                return result
            writer.finish()
            if dry_run:
                transaction.set_rollback(True)
    except RowsRefused:
        result.imported = result.updated = 0
        result.ignored = check.rows
        result.refused = True
    finally:
        chunks.close()  # a write that failed: the read-ahead thread stops now, not when collected
    return result


class _Chunk(dict):
    """A chunk of valid rows, {(unit_id, indicator_id, period): (value, comment, index)}, with
    what the COPY needs made beforehand (PostgreSQL; see _with_copy_text): `blocks` maps each
    (unit_id, period) to the COPY text of its rows without the report id (its first column,
    known only once the report is found or made), `indicators` the indicator ids, `negatives`
    the keys of values below zero."""

    blocks: dict[tuple[int, str], str] | None = None
    indicators: set[int] | None = None
    negatives: list[tuple[int, int, str]] | None = None


def _with_copy_text(chunks: Iterable[_Chunk], stamp_text: str) -> Generator[_Chunk, None, None]:
    """Each chunk with its COPY text made per report (_Chunk.blocks). Pure Python, no database:
    with read_ahead it runs in the reading thread, so the main thread, which the database waits
    on between two COPYs, only puts each report's id in front of its rows."""
    for keyed in chunks:
        blocks: dict[tuple[int, str], list[str]] = {}
        negatives = []
        for key, (value, comment, _) in keyed.items():
            unit_id, ind_id, period = key
            line = f"{unit_id}\t{ind_id}\t{period}\t{value}\t{_copy_field(comment) if comment else ''}\t{stamp_text}\n"
            lines = blocks.get((unit_id, period))
            if lines is None:
                blocks[unit_id, period] = [line]
            else:
                lines.append(line)
            if value.__class__ is not str and value < 0:
                negatives.append(key)
        keyed.blocks = {pair: "".join(lines) for pair, lines in blocks.items()}
        keyed.indicators = {key[1] for key in keyed}
        keyed.negatives = negatives
        yield keyed


def _read_ahead(items: Iterator, depth: int = 2) -> Iterator:
    """Iterate `items` in a second thread, up to `depth` items ahead of the consumer."""
    q: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def offer(item) -> bool:
        while not stop.is_set():
            try:
                q.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False  # the consumer is gone

    def produce():
        try:
            for item in items:
                if not offer(item):
                    return
            offer(done)
        except Exception as exc:  # noqa: BLE001 — handed to the consumer, raised there
            offer(exc)

    thread = threading.Thread(target=produce, name="bulk-read-ahead", daemon=True)
    thread.start()
    try:
        while (item := q.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()  # the consumer left early (an error): let the producer end
        thread.join()


class _RowCheck:
    """Per-row validation against dictionaries loaded once (the only database reads)."""

    def __init__(self, allowed_unit_ids, problems: list, max_problems: int):
        self.allowed = allowed_unit_ids
        self.problems = problems
        self.max_problems = max_problems
        self.units = {
            pk: (code, org_id, vf, vt, level)
            for pk, code, org_id, vf, vt, level in Unit.objects.values_list(
                "pk", "code", "organization_id", "valid_from", "valid_to", "level")
        }
        self.indicators = {
            pk: (code, vt, active)
            for pk, code, vt, active in Indicator.objects.values_list("pk", "code", "value_type", "is_active")
        }
        self.ind_orgs: dict[int, set[int]] = {}
        for ind_id, org_id in Indicator.organizations.through.objects.values_list("indicator_id", "organization_id"):
            self.ind_orgs.setdefault(ind_id, set()).add(org_id)
        self.rows = 0  # rows read
        self.ignored = 0  # empty values and repeated keys
        # keys of earlier chunks met again (a later row wins): already written by this call
        self.repeats: set[tuple[int, int, str]] = set()

    def problem(self, index, fld, obj, message, kind="invalid"):
        if len(self.problems) < self.max_problems:
            self.problems.append(Problem(index, fld, str(obj), message, kind))

    def chunks(self, rows: Iterable[tuple], chunk_size: int | None) -> Iterator[_Chunk]:
        """Valid rows as {(unit_id, indicator_id, period): (value, comment, index)}, in chunks
        (the first one smaller, FIRST_CHUNK_SIZE)."""
        problem = self.problem
        units, indicators, ind_orgs, allowed = self.units, self.indicators, self.ind_orgs, self.allowed
        period_cache: dict[str, tuple] = {}
        unit_period_ok: dict[tuple[int, str], bool] = {}
        ind_unit_ok: dict[tuple[int, int], bool] = {}
        integral = {pk for pk, (_, vt, _) in indicators.items() if vt == Indicator.ValueType.INTEGER}
        seen: set[tuple[int, int, str]] = set()  # keys of earlier chunks
        keyed = _Chunk()
        limit = min(chunk_size, FIRST_CHUNK_SIZE) if chunk_size else None
        D = Decimal
        n = 0
        for row in rows:
            n += 1
            unit_id, ind_id, pcode, raw, comment, index = row
            if raw is None or raw == "":
                self.ignored += 1
                continue
            pinfo = period_cache.get(pcode)
            if pinfo is None:
                pinfo = period_cache[pcode] = _period_bounds(pcode)
            bounds = pinfo[0]
            if bounds is None:
                problem(index, "period", pcode, pinfo[1])
                continue
            period = bounds[0]
            unit = units.get(unit_id)
            if unit is None:
                problem(index, "orgUnit", unit_id, f"Không tìm thấy đơn vị có mã số {unit_id}.")
                continue
            key_up = (unit_id, period)
            ok = unit_period_ok.get(key_up)
            if ok is None:
                ok = unit_period_ok[key_up] = unit[2] <= bounds[2] and (unit[3] is None or unit[3] >= bounds[1])
                if not ok:
                    problem(index, "orgUnit", unit[0], f"Đơn vị {unit[0]} không tồn tại trong kỳ {period}.")
                if ok and allowed is not None and unit_id not in allowed:
                    ok = unit_period_ok[key_up] = False
                    problem(index, "orgUnit", unit[0], f"Bạn không có quyền nhập số liệu cho đơn vị {unit[0]}.", "scope")
            if not ok:
                continue
            ind = indicators.get(ind_id)
            if ind is None:
                problem(index, "dataElement", ind_id, f"Không tìm thấy chỉ tiêu có mã số {ind_id}.")
                continue
            key_iu = (ind_id, unit[1])
            ok = ind_unit_ok.get(key_iu)
            if ok is None:
                ok = ind_unit_ok[key_iu] = ind[2] and unit[1] in ind_orgs.get(ind_id, ())
                if not ind[2]:
                    problem(index, "dataElement", ind[0], f"Chỉ tiêu {ind[0]} đã ngừng sử dụng.")
                elif not ok:
                    problem(index, "dataElement", ind[0], f"Chỉ tiêu {ind[0]} không thuộc danh mục báo cáo của tổ chức của đơn vị {unit[0]}.")
            if not ok:
                continue
            if raw.__class__ is str and len(raw) < 16 and raw.isascii() and raw.isdigit():
                # A plain whole number below 10^15 (most figures): valid for every value type, and
                # the database reads the text as it is; no Decimal needed.
                value = raw
            else:
                try:
                    value = raw if isinstance(raw, Decimal) else D(raw)
                except (InvalidOperation, TypeError, ValueError):
                    problem(index, "value", raw, f"Giá trị '{raw}' của chỉ tiêu {ind[0]}, đơn vị {unit[0]}, kỳ {period} không phải là số.")
                    continue
                if not value.is_finite() or abs(value) >= MAX_ABS:
                    problem(index, "value", raw, f"Giá trị '{raw}' của chỉ tiêu {ind[0]}, đơn vị {unit[0]}, kỳ {period} quá lớn hoặc không hợp lệ.")
                    continue
                if value.as_tuple().exponent < -4 and value != value.quantize(FOUR_PLACES):
                    problem(index, "value", raw, f"Giá trị '{raw}' của chỉ tiêu {ind[0]} có quá 4 chữ số thập phân.")
                    continue
                if ind_id in integral and value != value.to_integral_value():
                    problem(index, "value", raw, f"Chỉ tiêu {ind[0]} nhận số nguyên; giá trị '{raw}' (đơn vị {unit[0]}, kỳ {period}) có phần thập phân.")
                    continue
            key = (unit_id, ind_id, period)
            if key in keyed:
                self.ignored += 1  # a later row for the same value wins, as in DHIS2
            elif key in seen:
                self.ignored += 1
                self.repeats.add(key)
            keyed[key] = (value, comment or "", index)
            if limit and len(keyed) >= limit:
                self.rows = n
                seen.update(keyed)
                yield keyed
                keyed = _Chunk()
                limit = chunk_size
        self.rows = n
        if keyed:
            yield keyed


class _ChunkWriter:
    """Writes validated chunks in the open transaction and keeps the totals of the call."""

    def __init__(self, check: _RowCheck, result: BulkResult, *, user, source, source_detail, allow_locked, dry_run):
        self.check, self.result = check, result
        self.allow_locked, self.dry_run = allow_locked, dry_run
        self.user_id = user.pk if getattr(user, "is_authenticated", False) else None
        self.source, self.source_detail = source, source_detail
        self.now = timezone.now()
        detail = json.dumps({**source_detail, "batch": result.batch}, ensure_ascii=False)
        self.stamp = (DataValue.Qualifier.EXACT, source, detail, connection.ops.adapt_datetimefield_value(self.now), self.user_id)
        self.stamp_text = "\t".join(_copy_field(v) for v in self.stamp)  # the stamp's COPY fields, formatted once
        self.reports: dict[tuple[int, str], int] = {}
        self.status_of: dict[int, str] = {}
        self.touched: set[tuple[int, str]] = set()
        # The peer tops (collection.peers): a pair (indicator, period) with a changed value is
        # counted again from the values; new figures are merged into their groups' rows instead.
        self.recount: set[tuple[int, str]] = set()
        self.tops: dict[tuple, list] = {}  # (organization, level, indicator, period) -> [count, top, its unit, second]
        self.changed: list[tuple] = []  # (id, key, old value, new value) for the audit trail
        self.rules = None  # the validation rules, loaded at the first write

    def write(self, keyed: _Chunk) -> None:
        pairs = {(k[0], k[2]) for k in keyed} - self.reports.keys()
        if pairs:
            reports = _reports_for(pairs, create=not self.dry_run)
            lost = sorted(pairs - reports.keys()) if not self.dry_run else []
            if lost:  # a unit deleted since the rows were validated: its report could not be opened
                first_index: dict = {}
                for k, v in keyed.items():
                    first_index.setdefault((k[0], k[2]), v[2])
                for pair in lost:
                    code = self.check.units[pair[0]][0]
                    self.check.problem(first_index[pair], "orgUnit", code,
                                       f"Không mở được báo cáo của đơn vị {code} kỳ {pair[1]}: đơn vị không còn trong "
                                       "cơ sở dữ liệu (vừa bị xóa?). Không có số liệu nào được lưu.")
                return
            # Hold the reports as a form save does (select_for_update), so nobody writes their
            # values or approves them meanwhile; their status is read under that lock. (Two large
            # imports of the same reports in different orders may deadlock across chunks: the
            # database then refuses one of them whole.)
            self.status_of.update(_lock_reports(reports))
            self.reports.update(reports)
            if not self.allow_locked:
                blocked = {pair for pair, pk in reports.items() if self.status_of[pk] in NOT_EDITABLE}
                first_index = {}
                for k, v in keyed.items():
                    if (k[0], k[2]) in blocked:
                        first_index.setdefault((k[0], k[2]), v[2])
                for pair in sorted(blocked):
                    index = first_index[pair]
                    code = self.check.units[pair[0]][0]
                    status = Report.Status(self.status_of[reports[pair]]).label.lower()
                    self.check.problem(index, "period", f"{code}/{pair[1]}",
                                       f"Báo cáo của đơn vị {code} kỳ {pair[1]} {status}; không ghi được số liệu "
                                       f"(cấp trên cần trả lại hoặc mở lại báo cáo trước).",
                                       "locked")
                if blocked:
                    return
        self._merge(keyed)

    def _merge(self, keyed: _Chunk) -> None:
        """The reports are locked, so the values they hold now are the ones to compare with: new
        keys go straight into the table, changed ones are updated by id, unchanged ones are left
        alone."""
        dv = DataValue._meta.db_table
        reports, stamp, repeats, result = self.reports, self.stamp, self.check.repeats, self.result
        with connection.cursor() as cursor:
            blocks = getattr(keyed, "blocks", None)  # the COPY text per report, made beforehand (PostgreSQL)
            pairs = blocks.keys() if blocks is not None else {(k[0], k[2]) for k in keyed}
            existing = _existing_values(cursor, sorted({reports.get(pair, 0) for pair in pairs}))
            new = _NewRows()  # (report, unit, indicator, period, value, comment): NEW_COLUMNS
            changed: list[tuple] = []
            if not existing:  # these reports hold no values yet (a first load): every key is new
                report_of = reports.get
                new = _NewRows(lambda: [(report_of((k[0], k[2])), k[0], k[1], k[2], str(v[0]), v[1])
                                        for k, v in keyed.items()], len(keyed))
                if blocks is not None:  # the key check's sets without a pass over the rows
                    new.ids = {"report_id": {reports[pair] for pair in pairs}, "unit_id": {u for u, _ in pairs},
                               "indicator_id": keyed.indicators}
            else:
                blocks = None  # some keys are held already: the new rows are the others
                rows: list[tuple] = []
                for key, (value, comment, _) in keyed.items():
                    old = existing.get(key)
                    if old is None:
                        rows.append((reports.get((key[0], key[2])), *key, str(value), comment))
                    elif Decimal(str(old[1])) != Decimal(value) or old[2] != comment:
                        changed.append((old[0], key, old[1], value, comment))
                    elif key not in repeats:
                        result.ignored += 1
                new = _NewRows(rows)
            # A key this call wrote in an earlier chunk is rewritten but counted (ignored) once.
            audited = [c for c in changed if c[1] not in repeats]
            result.imported += len(new)
            result.updated += len(audited)
            self.changed += [c[:4] for c in audited]
            if existing:
                written = [(row[1], row[2], row[3]) for row in new] + [c[1] for c in changed]
                self.touched.update({(k[0], k[2]) for k in written})
            else:  # every key new: the chunk's own keys, in the order of `new`
                written = list(keyed)
                self.touched.update(pairs)
            if self.dry_run:
                self._check_rules(keyed, written)
                return
            self.recount.update({(c[1][1], c[1][2]) for c in changed})
            cols = ", ".join(NEW_COLUMNS + STAMP_COLUMNS)
            if connection.vendor == "postgresql" and new:
                # The keys first, one statement per key: one deleted since the rows were validated
                # is a message naming its row, and FOR KEY SHARE keeps the others until the commit.
                # The database checks them again at the end of the COPY (see _load_checked).
                if not self._check_keys(cursor, _model_keys(), new, keyed):
                    return
                if blocks is not None:
                    text = _copy_blocks(blocks, reports)
                    figures = ((k[0], k[1], k[2], v[0]) for k, v in keyed.items())
                else:
                    text = _copy_text(new.rows, self.stamp_text)
                    figures = ((r[1], r[2], r[3], r[4]) for r in new)
                try:
                    _load_checked(cursor, dv, cols, text, meanwhile=lambda: self._count_new(figures))
                except IntegrityError as exc:  # a row the check above let pass: the database refused it
                    self.check.problem(*_refusal(exc, new, keyed, self.check, stamp))
                    return
            elif new:
                # SQLite inserts faster from a table than from bound parameters: the rows go to a
                # temporary table without indexes first (about a fifth less time in all).
                raw = cursor.cursor  # the sqlite3 cursor: no per-row Django wrapping
                raw.execute(f"CREATE TEMP TABLE IF NOT EXISTS {TEMP_TABLE} AS SELECT {cols} FROM {dv} WHERE false")
                raw.executemany(f"INSERT INTO temp.{TEMP_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [(*r, *stamp) for r in new])
                raw.execute(f"INSERT INTO {dv} ({cols}) SELECT {cols} FROM temp.{TEMP_TABLE}")
                raw.execute(f"DELETE FROM temp.{TEMP_TABLE}")
                if not self._check_keys(cursor, _model_keys(), new, keyed):
                    return
                self._count_new((r[1], r[2], r[3], r[4]) for r in new)
            if changed and connection.vendor == "postgresql":
                # one statement for the chunk: the database's key check runs once per statement
                cursor.execute(
                    f"UPDATE {dv} AS d SET value = c.value, comment = c.comment, qualifier = %s, source = %s, "
                    f"source_detail = %s, updated_at = %s, updated_by_id = %s "
                    f"FROM unnest(%s::bigint[], %s::varchar[], %s::numeric[], %s::text[]) AS c(id, period, value, comment) "
                    f"WHERE d.id = c.id AND d.period = c.period",
                    [*stamp, [c[0] for c in changed], [c[1][2] for c in changed], [str(c[3]) for c in changed],
                     [c[4] for c in changed]],
                )
            elif changed:
                cursor.executemany(
                    f"UPDATE {dv} SET value = %s, comment = %s, qualifier = %s, source = %s, source_detail = %s,"
                    f" updated_at = %s, updated_by_id = %s WHERE id = %s",
                    [(str(value), comment, *stamp, pk) for pk, _, _, value, comment in changed],
                )
        self._check_rules(keyed, written)

    def _count_new(self, figures: Iterable[tuple]) -> None:
        """Each group's count, highest (with its unit) and second of the new figures, (unit_id,
        indicator_id, period, value), for peers.add_figures."""
        tops, units, D = self.tops, self.check.units, Decimal
        groups: dict[int, tuple] = {}  # unit -> (organization, level)
        for unit_id, ind_id, period, value in figures:
            group = groups.get(unit_id)
            if group is None:
                unit = units[unit_id]
                group = groups[unit_id] = (unit[1], unit[4])
            key = (*group, ind_id, period)
            v = D(value)
            g = tops.get(key)
            if g is None:
                tops[key] = [1, v, unit_id, None, None]
                continue
            g[0] += 1
            if v > g[1] or (v == g[1] and unit_id < g[2]):
                g[3], g[4], g[1], g[2] = g[1], g[2], v, unit_id
            elif g[3] is None or v > g[3] or (v == g[3] and unit_id < g[4]):
                g[3], g[4] = v, unit_id

    def _check_keys(self, cursor, keys: list[tuple[str, str, str]], new: _NewRows, keyed: dict) -> bool:
        """Every key the new rows point to exists, set-based, one statement per key (PostgreSQL: and
        stays, FOR KEY SHARE, the lock the database's key triggers take, held until the commit). A
        key gone since the rows were validated (deleted meanwhile) refuses the batch with a message
        naming the row; nothing is saved. The database checks each row as well: this is for the
        message, not instead of it."""
        for column, table, ref in keys:
            if column in STAMP_COLUMNS:  # the same on every row
                stamped = self.stamp[STAMP_COLUMNS.index(column)]
                wanted = {stamped} if stamped is not None else set()
            else:
                i = NEW_COLUMNS.index(column)
                wanted = new.ids_of(column)
            if not wanted:
                continue
            found: set = set()
            if connection.vendor == "postgresql":
                cursor.execute(f'SELECT "{ref}" FROM {table} WHERE "{ref}" = ANY(%s) FOR KEY SHARE', [sorted(wanted)])
                found.update(r[0] for r in cursor.fetchall())
            else:
                ids = sorted(wanted)
                for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
                    part = ids[start:start + 500]
                    cursor.execute(f'SELECT "{ref}" FROM "{table}" WHERE "{ref}" IN ({",".join(["%s"] * len(part))})', part)
                    found.update(r[0] for r in cursor.fetchall())
            missing = wanted - found
            if not missing:
                continue
            if column in STAMP_COLUMNS:
                row, value = new[0], stamped
            else:
                row = next(r for r in new if r[i] in missing)
                value = row[i]
            self.check.problem(*_key_problem(self.check, keyed, row, column, value))
            return False
        return True

    def _check_rules(self, keyed: dict, written: list[tuple[int, int, str]]) -> None:
        """The blocking validation rules on the values this chunk wrote, with the report's other
        values where a rule relates two indicators (read back inside this transaction; a dry run
        overlays its chunk, which it did not write)."""
        if not written:
            return
        check = self.check
        if self.rules is None:
            self.rules = validation.active_rules()
            self.indicators = {i.pk: i for i in Indicator.objects.all()}
            self.related = {r.indicator_id for r, _ in self.rules if r.other_indicator_id} | {
                r.other_indicator_id for r, _ in self.rules if r.other_indicator_id}
        if not self.rules:
            # No rule: only the built-in checks can fail, on the written values themselves (the
            # integer check is the row check's): evaluated for the pairs with a negative value only.
            negatives = getattr(keyed, "negatives", None)
            if negatives is not None and len(written) == len(keyed):  # the whole chunk: found beforehand
                written = negatives
            else:
                written = [k for k in written if _negative(keyed[k][0])]
            if not written:
                return
        by_pair: dict[tuple[int, str], dict[int, tuple]] = {}
        for unit_id, ind_id, period in written:
            value, comment, index = keyed[unit_id, ind_id, period]
            by_pair.setdefault((unit_id, period), {})[ind_id] = (Decimal(value), comment, index)
        context: dict[tuple[int, str], dict[int, tuple]] = {}
        if self.related:
            ids = {self.reports[pair]: pair for pair in by_pair if self.reports.get(pair)}
            keys = sorted(ids)
            for start in range(0, len(keys), 500):
                rows = DataValue.objects.filter(report_id__in=keys[start:start + 500], indicator_id__in=self.related)
                for report_id, ind_id, value, comment in rows.values_list("report_id", "indicator_id", "value", "comment"):
                    context.setdefault(ids[report_id], {})[ind_id] = (value, comment, None)
        units = Unit.objects.in_bulk({u for u, _ in by_pair})
        periods: dict[str, Period] = {}
        for pair, values in by_pair.items():
            stored = context.get(pair, {})
            indicators = {self.indicators[i].code: self.indicators[i] for i in {*stored, *values}}
            entries = {self.indicators[i].code: validation.Entry(v, c) for i, (v, c, _) in {**stored, **values}.items()}
            period = periods.get(pair[1]) or periods.setdefault(pair[1], Period.parse(pair[1]))
            changed = {self.indicators[i].code: i for i in values}
            for issue in validation.write_errors(entries, indicators, self.rules, unit=units[pair[0]], period=period,
                                                 changed=changed):
                ind_id = changed.get(issue.indicator) or changed.get(issue.other)
                unit_code = check.units[pair[0]][0]
                check.problem(values[ind_id][2], "value", f"{unit_code}/{pair[1]}/{issue.indicator}",
                              f"{issue.message} (đơn vị {unit_code}, kỳ {pair[1]})")

    def finish(self) -> None:
        """The audit trail, new report versions and the analytics summary, once per call."""
        result, user_id = self.result, self.user_id
        result.ignored += self.check.ignored
        if self.dry_run:
            return
        if self.changed:
            AuditEntry.objects.bulk_create(
                [
                    AuditEntry(
                        user_id=user_id, action="value.bulk_update", object_type="collection.datavalue", object_id=str(pk),
                        field="value", old_value=_fmt(old), new_value=_fmt(value),
                        data={"batch": result.batch, "unit_id": key[0], "indicator_id": key[1], "period": key[2]},
                    )
                    for pk, key, old, value in self.changed
                ],
                batch_size=2000,
            )
        AuditEntry.objects.create(
            user_id=user_id, action="value.bulk_write", object_type="collection.datavalue", object_id=result.batch,
            data={**self.source_detail, "source": self.source, "imported": result.imported, "updated": result.updated,
                  "ignored": result.ignored, "at": self.now.isoformat()},
        )
        ids = {self.reports[pair] for pair in self.touched}
        _bump_versions(ids)
        # raw writes send no model signals: the peer tops of the groups written are kept here
        peers.add_figures({key: g[:4] for key, g in self.tops.items() if (key[2], key[3]) not in self.recount})
        if self.recount:  # the written units' organizations only
            peers.rebuild(self.recount, {self.check.units[unit_id][1] for unit_id, _ in self.touched})
        counted = {pk for pk in ids if self.status_of[pk] != Report.Status.DRAFT}
        if counted:  # raw writes send no model signals: tell the apps that derive from values
            values_written.send(sender=__name__, report_ids=counted)


def _reports_for(pairs: set[tuple[int, str]], *, create: bool) -> dict[tuple[int, str], int]:
    """(unit_id, period) → report id, creating the missing reports as drafts when `create`."""
    reports: dict[tuple[int, str], int] = {}
    periods = sorted({p for _, p in pairs})
    for pk, unit_id, period in Report.objects.filter(period__in=periods).values_list("pk", "unit_id", "period"):
        if (unit_id, period) in pairs:
            reports[unit_id, period] = pk
    missing = sorted(pair for pair in pairs if pair not in reports)
    if missing and create:
        # Another import may create the same reports meanwhile: skip those rows (in a fixed
        # order, so two imports never wait on each other crosswise), then read every id back
        # (inserts that skip conflicts return none).
        _insert_draft_reports(missing)
        wanted = set(missing)
        for pk, unit_id, period in Report.objects.filter(
                unit_id__in={u for u, _ in missing}, period__in={p for _, p in missing}).values_list("pk", "unit_id", "period"):
            if (unit_id, period) in wanted:
                reports[unit_id, period] = pk
    return reports


def _insert_draft_reports(pairs: list[tuple[int, str]]) -> None:
    """INSERT … ON CONFLICT DO NOTHING of new draft reports. One row of defaults, prepared by the
    model's own fields, serves every pair (bulk_create prepares every field of every object,
    and one statement per report is slow on PostgreSQL: there the pairs go as two arrays)."""
    template = Report(unit_id=0, period="")
    fields = [f for f in Report._meta.concrete_fields if not f.primary_key]
    base = [f.get_db_prep_save(f.pre_save(template, True), connection) for f in fields]
    names = [f.column for f in fields]
    i_unit, i_period = names.index("unit_id"), names.index("period")
    insert = f"INSERT INTO {Report._meta.db_table} ({', '.join(names)})"
    on_conflict = " ON CONFLICT (unit_id, period) DO NOTHING"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            select = ["%s"] * len(names)
            select[i_unit], select[i_period] = "t.unit_id", "t.period"
            defaults = [v for i, v in enumerate(base) if i not in (i_unit, i_period)]
            cursor.execute(
                f"{insert} SELECT {', '.join(select)} FROM unnest(%s::bigint[], %s::varchar[]) AS t(unit_id, period)"
                f" ORDER BY t.unit_id, t.period{on_conflict}",
                [*defaults, [u for u, _ in pairs], [p for _, p in pairs]],
            )
            return
        rows = []
        for unit_id, period in pairs:
            row = base.copy()
            row[i_unit], row[i_period] = unit_id, period
            rows.append(row)
        cursor.executemany(f"{insert} VALUES ({', '.join(['%s'] * len(names))}){on_conflict}", rows)


def _lock_reports(reports: dict) -> dict[int, str]:
    """Lock the reports (PostgreSQL; SQLite's write transaction already excludes other writers)
    in id order, and return their status as it stands under the lock."""
    ids = sorted(reports.values())
    rt = Report._meta.db_table
    status_of: dict[int, str] = {}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT id, status FROM {rt} WHERE id = ANY(%s) ORDER BY id FOR UPDATE", [ids])
            status_of.update(cursor.fetchall())
        else:
            for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
                chunk = ids[start:start + 500]
                cursor.execute(f"SELECT id, status FROM {rt} WHERE id IN ({','.join(['%s'] * len(chunk))})", chunk)
                status_of.update(cursor.fetchall())
    return status_of


def _negative(value) -> bool:
    """A validated value (a digit string or a Decimal) below zero."""
    return value.__class__ is not str and value < 0


def _copy_field(v) -> str:
    """One field of PostgreSQL's COPY text format."""
    if v is None:
        return "\\N"
    v = str(v)
    if "\\" in v or "\t" in v or "\n" in v or "\r" in v:
        v = v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return v


class _NewRows:
    """A chunk's new rows (NEW_COLUMNS), made on first use: a first load's rows go to the COPY as
    text made beforehand (_Chunk.blocks), so only a refusal's message walks them. `ids` holds the
    key columns' sets when known without them."""

    def __init__(self, rows: list[tuple] | Callable[[], list[tuple]] | None = None, count: int | None = None):
        self._rows: list[tuple] | None = None
        self._make: Callable[[], list[tuple]] | None = None
        if callable(rows):
            self._make = rows
        else:
            self._rows = rows or []
        self._count = count
        self.ids: dict[str, set] = {}

    @property
    def rows(self) -> list[tuple]:
        if self._rows is None:
            assert self._make is not None
            self._rows = self._make()
        return self._rows

    def __len__(self) -> int:
        return self._count if self._rows is None and self._count is not None else len(self.rows)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self) -> Iterator[tuple]:
        return iter(self.rows)

    def __getitem__(self, i):
        return self.rows[i]

    def ids_of(self, column: str) -> set:
        """The values of a key column (None left out)."""
        if column not in self.ids:
            i = NEW_COLUMNS.index(column)
            self.ids[column] = {row[i] for row in self.rows if row[i] is not None}
        return self.ids[column]


def _copy_blocks(blocks: dict[tuple[int, str], str], reports: dict[tuple[int, str], int],
                 per_block: int = 400) -> Iterator[str]:
    """The COPY text of a chunk from its rows' text per (unit_id, period) (_Chunk.blocks): each
    report's id put in front of each of its lines. The lines hold no raw newline but their end
    (COPY escapes the text fields' own), so one replace per report does it."""
    out = []
    for pair, text in blocks.items():
        rid = f"{reports[pair]}\t"
        out.append(rid + text[:-1].replace("\n", "\n" + rid) + "\n")
        if len(out) >= per_block:
            yield "".join(out)
            out = []
    if out:
        yield "".join(out)


def _copy_text(rows: list[tuple], suffix: str, block: int = 20_000) -> Iterator[str]:
    """The new values' rows (NEW_COLUMNS) and the stamp's COPY fields (STAMP_COLUMNS, the same on
    every row: formatted once) as COPY text in blocks; ids, periods and validated values need no
    escaping; about a tenth of the time of a write_row per row."""
    for start in range(0, len(rows), block):
        yield "".join(
            f"{r[0]}\t{r[1]}\t{r[2]}\t{r[3]}\t{r[4]}\t{_copy_field(r[5]) if r[5] else ''}\t{suffix}\n"
            for r in rows[start:start + block])


def _load_checked(cursor, table: str, cols: str, text: Iterable[str], meanwhile=None) -> None:
    """COPY the new rows into the data-value table, in a savepoint: the database checks their keys
    at the end of the COPY (its statement trigger, giaoban/collection/keys.py, once for the chunk's
    distinct keys), and a refusal is an error of this chunk, which the savepoint undoes alone.

    The text goes out from a second thread (psycopg's queued writer, which waits on the socket
    without the GIL): the next block is built while the database reads the previous one, and
    `meanwhile()` runs while it reads the last ones."""
    from psycopg.copy import QueuedLibpqWriter  # PostgreSQL only

    with transaction.atomic(), connection.wrap_database_errors:
        with cursor.cursor.copy(f"COPY {table} ({cols}) FROM STDIN", writer=QueuedLibpqWriter(cursor.cursor)) as copy:
            for block in text:
                copy.write(block)
            if meanwhile is not None:
                meanwhile()


def _refusal(exc: IntegrityError, new: _NewRows, keyed: dict, check: _RowCheck, stamp: tuple) -> tuple:
    """The problem for the database's refusal of the loaded rows: the row and field of the key its
    error names ('Key (indicator_id)=(7) is not present …'; the report's key names (report_id,
    unit_id, period)), else its own words."""
    diag = getattr(exc.__cause__, "diag", None)
    found = re.search(r"Key \(([^()]*)\)=\(([^()]*)\) is not present", getattr(diag, "message_detail", None) or "")
    if found:
        columns = [c.strip() for c in found[1].split(",")]
        values = [v.strip() for v in found[2].split(",")]
        if len(values) == len(columns):
            column, value = columns[0], values[0]
            if all(c in NEW_COLUMNS for c in columns):
                at = [(NEW_COLUMNS.index(c), v) for c, v in zip(columns, values)]
                row = next((r for r in new if all(str(r[i]) == v for i, v in at)), None)
                if row is not None:
                    return _key_problem(check, keyed, row, column, row[NEW_COLUMNS.index(column)])
            elif column in STAMP_COLUMNS and str(stamp[STAMP_COLUMNS.index(column)]) == value:
                return _key_problem(check, keyed, new[0], column, stamp[STAMP_COLUMNS.index(column)])
    return (None, "value", "", f"Cơ sở dữ liệu từ chối lô số liệu ({exc}). Không có số liệu nào được lưu.")


def _key_problem(check: _RowCheck, keyed: dict, row: tuple, column: str, value) -> tuple:
    """(index, field, object, message) for a new row whose key `column` points to nothing."""
    index = keyed[row[1], row[2], row[3]][2]
    unit_code = check.units.get(row[1], (str(row[1]),))[0]
    ind_code = check.indicators.get(row[2], (str(row[2]),))[0]
    fld, what = _KEY_FIELDS.get(column, (column, column))
    return (index, fld, value,
            f"Không ghi được giá trị của chỉ tiêu {ind_code}, đơn vị {unit_code}, kỳ {row[3]}: "
            f"{what} (mã số {value}) không còn trong cơ sở dữ liệu (vừa bị xóa?). Không có số liệu nào được lưu.")


# column of the data-value table -> (the DHIS2 field a message names, what it points to)
_KEY_FIELDS = {"report_id": ("period", "báo cáo"), "unit_id": ("orgUnit", "đơn vị"),
               "indicator_id": ("dataElement", "chỉ tiêu"), "updated_by_id": ("storedBy", "người nhập")}


def _model_keys() -> list[tuple[str, str, str]]:
    """The data-value table's foreign keys from the model, as (column, table, referenced column):
    what _check_keys checks (the database checks them too; this gives the message naming the row)."""
    return [(f.column, f.related_model._meta.db_table, f.target_field.column)
            for f in DataValue._meta.concrete_fields if f.is_relation and f.db_constraint]


def _bump_versions(report_ids: set[int]) -> None:
    """A report whose values changed gets a new version, as a form save does: someone with the
    entry page open then gets the conflict message instead of overwriting the import."""
    ids = sorted(report_ids)
    now = timezone.now()
    for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
        Report.objects.filter(pk__in=ids[start:start + 500]).update(version=F("version") + 1, updated_at=now)


def _existing_values(cursor, report_ids: list[int]) -> dict[tuple[int, int, str], tuple]:
    """(unit_id, indicator_id, period) → (id, value, comment) of the values these reports hold."""
    dv = DataValue._meta.db_table
    cols = "id, unit_id, indicator_id, period, value, comment"
    existing = {}
    if connection.vendor == "postgresql":
        batches = [report_ids] if report_ids else []
    else:
        batches = [report_ids[s:s + 500] for s in range(0, len(report_ids), 500)]
    for batch in batches:
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT {cols} FROM {dv} WHERE report_id = ANY(%s)", [batch])
        else:
            cursor.execute(f"SELECT {cols} FROM {dv} WHERE report_id IN ({','.join(['%s'] * len(batch))})", batch)
        for pk, unit_id, ind_id, period, value, comment in cursor.fetchall():
            existing[unit_id, ind_id, period] = (pk, value, comment)
    return existing


def _fmt(v) -> str:
    return format(Decimal(str(v)).normalize(), "f")

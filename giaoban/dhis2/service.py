"""DHIS2 dataValueSets import and export against the database (Django side).

Identifiers: `dataElement` is an indicator, `orgUnit` a unit, `attributeOptionCombo` the
unit's organization (optional). Each is read by an id scheme (Resolver): the row's UID (or the
DHIS2 id the Dhis2Mapping table ties its code to), our code, or its exact name. A unit code may
name several versions of a unit (the 2025 reform reuses codes): the version valid in the value's
period is the one meant; a UID names one version.

With `atomic` (atomicMode ALL, giaoban's own default) any conflict — an unknown code, a value of
the wrong type, a unit out of the user's scope, a submitted or approved report — refuses the whole
payload, with one conflict per offending code or value, and nothing is saved. Without it (DHIS2's
default, NONE) the refused rows are left out and the rest is written by the same write path
(collection.bulk), so the same rules hold for every value saved.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction

from giaoban.dhis2.models import Dhis2Mapping
from giaoban.collection import access, bulk, workflow
from giaoban.collection.models import DataValue, Report
from giaoban.core.periods import Period, PeriodError
from giaoban.dhis2.format import (
    DEFAULT_COC,
    DEFAULT_COMBOS,
    Conflict,
    DataValueSet,
    ImportSummary,
    PayloadError,
    from_dhis2_period,
    parse_json,
    parse_payload,
    to_dhis2_period,
)
from giaoban.core.uids import make_uid
from giaoban.org.models import Area, Indicator, Organization, Unit


def dataset_uid(org_code: str) -> str:
    """The id of an organization's data set (giaoban.dhis2.metadata lists them)."""
    return make_uid("dataset", org_code)


class Mapper:
    """Our codes ↔ DHIS2 identifiers, per kind; unmapped codes stand for themselves."""

    def __init__(self):
        self.out: dict[str, dict[str, str]] = defaultdict(dict)
        self.inn: dict[str, dict[str, str]] = defaultdict(dict)
        for kind, code, dhis2_id in Dhis2Mapping.objects.values_list("kind", "code", "dhis2_id"):
            self.out[kind][code] = dhis2_id
            self.inn[kind][dhis2_id] = code

    def to_dhis2(self, kind: str, code: str) -> str:
        return self.out[kind].get(code, code)

    def from_dhis2(self, kind: str, ident: str) -> str:
        return self.inn[kind].get(ident, ident)

    def explicit_org(self, code: str) -> str:
        return self.out["org"].get(code, "")


def _group_conflicts(items: list[tuple[str, str, str, int]]) -> list[Conflict]:
    """(property, object, message, index) → one conflict per (property, object, message)."""
    grouped: dict[tuple[str, str, str], Conflict] = {}
    for prop, obj, message, index in items:
        key = (prop, obj, message)
        c = grouped.get(key)
        if c is None:
            c = grouped[key] = Conflict(object=obj, value=message, property=prop, error_code=_ERROR_CODES.get(prop, ""))
        c.indexes.append(index)
    return list(grouped.values())


# DHIS2's own error codes for the same situations, so DHIS2 tooling reads them.
_ERROR_CODES = {"dataElement": "E7610", "orgUnit": "E7612", "period": "E7611", "categoryOptionCombo": "E7613",
                "attributeOptionCombo": "E7614", "value": "E7619"}


STRATEGIES = ("CREATE_AND_UPDATE", "CREATE", "UPDATE", "DELETE", "NEW_AND_UPDATES", "NEW", "UPDATES", "DELETES")
SCHEMES = ("UID", "CODE", "NAME", "ID")
# A non-atomic import retries without the refused rows; a rule that refuses a combination of
# rows can refuse new ones on the next pass, so the passes are bounded.
MAX_PASSES = 5


class Resolver:
    """DHIS2 identifiers → our rows, by id scheme: UID (the row's uid or a Dhis2Mapping id),
    CODE (our code), NAME (the exact name); None tries the mapping, then the uid, then the code
    (giaoban's own files use codes). `units_visible` limits the units to those the user sees."""

    def __init__(self, mapper: Mapper, units_visible: set[int] | None, schemes: dict[str, str | None]):
        self.mapper, self.schemes = mapper, schemes
        self.indicator_by: dict[str, dict[str, int]] = {"UID": {}, "CODE": {}, "NAME": {}}
        for pk, code, uid, name in Indicator.objects.values_list("pk", "code", "uid", "name"):
            self.indicator_by["CODE"][code] = pk
            self.indicator_by["NAME"][name] = pk
            if uid:
                self.indicator_by["UID"][uid] = pk
            mapped = mapper.out["indicator"].get(code)
            if mapped:
                self.indicator_by["UID"][mapped] = pk
        self.unit_versions: dict[str, dict[str, list[tuple]]] = {"UID": defaultdict(list), "CODE": defaultdict(list),
                                                                "NAME": defaultdict(list)}
        for pk, code, uid, name, vf, vt, org_id in Unit.objects.values_list("pk", "code", "uid", "name", "valid_from",
                                                                           "valid_to", "organization_id"):
            if units_visible is not None and pk not in units_visible:
                continue
            row = (pk, vf, vt, org_id)
            self.unit_versions["CODE"][code].append(row)
            self.unit_versions["NAME"][name].append(row)
            if uid:
                self.unit_versions["UID"][uid].append(row)
            mapped = mapper.out["unit"].get(code)
            if mapped:
                self.unit_versions["UID"][mapped].append(row)

    def _order(self, kind: str) -> tuple[str, ...]:
        scheme = self.schemes.get(kind)
        return ("UID", "CODE") if scheme is None else ("UID",) if scheme in ("UID", "ID") else (scheme,)

    def indicator(self, ident: str) -> int | None:
        for scheme in self._order("dataElement"):
            pk = self.indicator_by[scheme].get(ident)
            if pk is not None:
                return pk
        return None

    def unit_versions_of(self, ident: str) -> list[tuple]:
        for scheme in self._order("orgUnit"):
            found = self.unit_versions[scheme].get(ident)
            if found:
                return found
        return []


def _flag(value, default: bool) -> bool:
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("true", "1", "yes")


def import_data_value_set(
    data: bytes | str | dict | DataValueSet,
    fmt: str = "json",
    *,
    user=None,
    dry_run: bool = False,
    allow_locked: bool = False,
    source_name: str = "",
    atomic: bool = True,
    strategy: str = "CREATE_AND_UPDATE",
    id_schemes: dict[str, str | None] | None = None,
    first_row_is_header: bool | None = None,
) -> ImportSummary:
    """Import a dataValueSet. `atomic` (atomicMode ALL): any conflict refuses everything;
    otherwise (NONE) the valid values are written and the others listed as conflicts.
    `strategy`: DHIS2's importStrategy; DELETE removes the values named (with the report's rules
    of who may change what, through workflow.save_values). `id_schemes`: {"dataElement",
    "orgUnit"} → UID, CODE or NAME (None: mapping, uid or code)."""
    strategy = {"NEW_AND_UPDATES": "CREATE_AND_UPDATE", "NEW": "CREATE", "UPDATES": "UPDATE",
                "DELETES": "DELETE"}.get((strategy or "CREATE_AND_UPDATE").upper(), (strategy or "").upper())
    schemes = {k: (v.upper() if v else None) for k, v in (id_schemes or {}).items()}
    summary = ImportSummary(dry_run=dry_run, atomic=atomic, import_strategy=strategy,
                            id_scheme=schemes.get("dataElement") or schemes.get("orgUnit") or "AUTO")
    if strategy not in STRATEGIES:
        summary.fatal = True
        summary.conflicts.append(Conflict(object=strategy, value=f"importStrategy không hợp lệ: '{strategy}' "
                                          "(CREATE_AND_UPDATE, CREATE, UPDATE hoặc DELETE).", property="importStrategy"))
        summary.description = "Tham số không hợp lệ; không có số liệu nào được lưu."
        return summary
    bad = [v for v in schemes.values() if v and v not in SCHEMES]
    if bad:
        summary.fatal = True
        summary.conflicts.append(Conflict(object=bad[0], value=f"idScheme không hợp lệ: '{bad[0]}' (UID, CODE hoặc NAME).",
                                          property="idScheme"))
        summary.description = "Tham số không hợp lệ; không có số liệu nào được lưu."
        return summary
    streaming = atomic and strategy == "CREATE_AND_UPDATE"
    try:
        if isinstance(data, DataValueSet):
            dvs = data
        elif isinstance(data, dict):
            dvs = parse_json(data)
        else:
            dvs = parse_payload(data, fmt, lazy=streaming, first_row_is_header=first_row_is_header)
    except PayloadError as exc:
        return _unreadable(summary, source_name, exc)
    values = dvs.values
    mapper = Mapper()
    superuser = getattr(user, "is_superuser", False)
    viewable = None if superuser or user is None else set(access.viewable_units(user).values_list("pk", flat=True))
    allowed = None if superuser or user is None else set(access.entry_units(user).values_list("pk", flat=True))
    resolver = Resolver(mapper, viewable, schemes)
    org_ids = dict(Organization.objects.values_list("code", "pk"))
    aoc_org: dict[str, int | None] = {}

    def org_for_aoc(aoc: str) -> int | None:
        if aoc not in aoc_org:
            aoc_org[aoc] = org_ids.get(mapper.from_dhis2("org", aoc))
        return aoc_org[aoc]

    periods: dict[str, tuple | None] = {}
    unit_cache: dict[tuple[str, str], tuple | None] = {}
    ind_cache: dict[str, int | None] = {}
    problems: list[tuple[str, str, str, int]] = []
    read = [0]  # values read

    # The values are read and mapped as the bulk path asks for them (in its read-ahead thread:
    # everything used here was loaded above, nothing touches the database).
    def rows():
        n = 0
        for v in values:
            n += 1
            row = _row(v)
            if row is not None:
                yield row
        read[0] = n
        if problems and streaming:
            raise bulk.RowsRefused

    def _row(v):
        idx = v.index
        pinfo = periods.get(v.period, False)
        if pinfo is False:
            try:
                p = Period.parse(from_dhis2_period(v.period)) if v.period else None
                pinfo = (p.code, p.start, p.end) if p else None
            except PeriodError:
                pinfo = None
            periods[v.period] = pinfo
        if pinfo is None:
            problems.append(("period", v.period, f"Kỳ '{v.period}' không hợp lệ (dùng 202307, 2023Q3, 2023S1 hoặc 2023).", idx))
            return None
        ind_id = ind_cache.get(v.dataElement, -1)
        if ind_id == -1:
            ind_id = ind_cache[v.dataElement] = resolver.indicator(v.dataElement)
        if ind_id is None:
            problems.append(("dataElement", v.dataElement, f"Không tìm thấy chỉ tiêu (dataElement) '{v.dataElement}'.", idx))
        ukey = (v.orgUnit, pinfo[0])
        unit = unit_cache.get(ukey, False)
        if unit is False:
            cands = resolver.unit_versions_of(v.orgUnit)
            unit = next((c for c in cands if c[1] <= pinfo[2] and (c[2] is None or c[2] >= pinfo[1])), None)
            if unit is None and cands:
                unit = ()
            unit_cache[ukey] = unit
        if unit is None:
            problems.append(("orgUnit", v.orgUnit, f"Không tìm thấy đơn vị (orgUnit) '{v.orgUnit}'.", idx))
            return None
        if unit == ():
            problems.append(("orgUnit", v.orgUnit, f"Đơn vị '{v.orgUnit}' không tồn tại trong kỳ {pinfo[0]}.", idx))
            return None
        if v.categoryOptionCombo not in DEFAULT_COMBOS:
            problems.append(("categoryOptionCombo", v.categoryOptionCombo,
                             f"Chưa hỗ trợ phân tổ (categoryOptionCombo) '{v.categoryOptionCombo}'; chỉ nhận phân tổ mặc định.", idx))
            return None
        if v.attributeOptionCombo not in DEFAULT_COMBOS and org_for_aoc(v.attributeOptionCombo) != unit[3]:
            problems.append(("attributeOptionCombo", v.attributeOptionCombo,
                             f"attributeOptionCombo '{v.attributeOptionCombo}' không phải tổ chức của đơn vị '{v.orgUnit}'.", idx))
            return None
        if ind_id is None:
            return None
        return (unit[0], ind_id, pinfo[0], v.value, v.comment, idx)

    detail = {"format": "dhis2", "file": source_name} if source_name else {"format": "dhis2"}
    if streaming:
        try:
            result = bulk.write_values(
                rows(), user=user, source=DataValue.Source.IMPORT, source_detail=detail,
                allowed_unit_ids=allowed, allow_locked=allow_locked, dry_run=dry_run, read_ahead=True,
            )
        except PayloadError as exc:  # met while reading the values: nothing was kept
            return _unreadable(summary, source_name, exc)
        if problems:
            summary.conflicts = _group_conflicts(problems)
            summary.ignored = read[0]
            summary.rejected_indexes = [p[3] for p in problems]
            summary.description = "Dữ liệu có mã hoặc giá trị không hợp lệ; không có số liệu nào được lưu."
            return summary
        if result.problems:
            summary.conflicts = _group_conflicts([(p.field, p.object, p.message, p.index) for p in result.problems])
            summary.ignored = read[0]
            summary.rejected_indexes = [p.index for p in result.problems]
            summary.description = "Dữ liệu có giá trị không hợp lệ; không có số liệu nào được lưu."
            return summary
        summary.imported, summary.updated, summary.ignored = result.imported, result.updated, result.ignored
        verb = "Kiểm tra thử (không lưu)" if dry_run else "Đã nhập"
        summary.description = f"{verb}: {result.imported} mới, {result.updated} cập nhật, {result.ignored} bỏ qua."
        return summary

    try:
        resolved = list(rows())
    except PayloadError as exc:
        return _unreadable(summary, source_name, exc)
    total = read[0]
    if problems and atomic:
        summary.conflicts = _group_conflicts(problems)
        summary.ignored = total
        summary.rejected_indexes = [p[3] for p in problems]
        summary.description = "Dữ liệu có mã hoặc giá trị không hợp lệ; không có số liệu nào được lưu."
        return summary
    if strategy == "DELETE":
        return _delete(summary, resolved, problems, total, user=user, dry_run=dry_run, atomic=atomic)
    skipped = 0
    if strategy in ("CREATE", "UPDATE"):
        stored = _stored_keys(resolved)
        keep = (lambda r: (r[0], r[1], r[2]) not in stored) if strategy == "CREATE" else (lambda r: (r[0], r[1], r[2]) in stored)
        kept = [r for r in resolved if keep(r)]
        skipped, resolved = len(resolved) - len(kept), kept
    refused: list[tuple[str, str, str, int]] = []
    for _ in range(MAX_PASSES):
        result = bulk.write_values(resolved, user=user, source=DataValue.Source.IMPORT, source_detail=detail,
                                   allowed_unit_ids=allowed, allow_locked=allow_locked, dry_run=dry_run)
        if not result.problems:
            break
        if atomic:
            summary.conflicts = _group_conflicts([*problems, *((p.field, p.object, p.message, p.index)
                                                                for p in result.problems)])
            summary.ignored = total
            summary.rejected_indexes = [p.index for p in result.problems]
            summary.description = "Dữ liệu có giá trị không hợp lệ; không có số liệu nào được lưu."
            return summary
        bad_rows = {p.index for p in result.problems if p.kind != "locked"}
        # A refused report (submitted, approved, locked) refuses every row written to it.
        bad_reports = {p.object for p in result.problems if p.kind == "locked"}
        codes = dict(Unit.objects.filter(pk__in={r[0] for r in resolved}).values_list("pk", "code"))
        for r in resolved:
            if f"{codes.get(r[0])}/{r[2]}" in bad_reports and r[5] not in bad_rows:
                bad_rows.add(r[5])
                first = next(p for p in result.problems if p.object == f"{codes.get(r[0])}/{r[2]}")
                refused.append((first.field, first.object, first.message, r[5]))
        refused += [(p.field, p.object, p.message, p.index) for p in result.problems if p.kind != "locked"]
        resolved = [r for r in resolved if r[5] not in bad_rows]
    else:  # still refused after MAX_PASSES: the last pass wrote nothing
        result = bulk.BulkResult(dry_run=dry_run)
        refused += [("value", "", "Không ghi được sau nhiều lần thử; giá trị này chưa được lưu.", r[5]) for r in resolved]
    all_problems = [*problems, *refused]
    summary.imported, summary.updated = result.imported, result.updated
    summary.ignored = result.ignored + skipped + len({p[3] for p in all_problems})
    summary.conflicts = _group_conflicts(all_problems)
    summary.rejected_indexes = [p[3] for p in all_problems]
    verb = "Kiểm tra thử (không lưu)" if dry_run else "Đã nhập"
    summary.description = (f"{verb}: {summary.imported} mới, {summary.updated} cập nhật, {summary.ignored} bỏ qua"
                           + (f"; {len(summary.rejected_indexes)} giá trị bị từ chối (xem conflicts)." if all_problems else "."))
    return summary


def _stored_keys(rows: list[tuple]) -> set[tuple[int, int, str]]:
    keys: set[tuple[int, int, str]] = set()
    unit_ids = sorted({r[0] for r in rows})
    for start in range(0, len(unit_ids), 500):
        qs = DataValue.objects.filter(unit_id__in=unit_ids[start:start + 500], period__in={r[2] for r in rows})
        keys.update(qs.values_list("unit_id", "indicator_id", "period"))
    return keys


def _delete(summary: ImportSummary, rows: list[tuple], problems: list, total: int, *, user, dry_run: bool,
            atomic: bool) -> ImportSummary:
    """importStrategy=DELETE: each report's values go through workflow.save_values (value None),
    so the scope, the report's status (only a draft or returned report changes), the rules and
    the audit trail are the form's. A report that refuses answers with one conflict per row."""
    stored = _stored_keys(rows)
    by_report: dict[tuple[int, str], list[tuple]] = defaultdict(list)
    ignored = 0
    for r in rows:
        if (r[0], r[1], r[2]) in stored:
            by_report[r[0], r[2]].append(r)
        else:
            ignored += 1  # nothing stored to delete, as DHIS2 counts it
    refused: list[tuple[str, str, str, int]] = []
    deleted = 0
    codes = dict(Indicator.objects.values_list("pk", "code"))
    units = Unit.objects.in_bulk({u for u, _ in by_report})
    with transaction.atomic():
        for (unit_id, period), items in by_report.items():
            report = Report.objects.filter(unit_id=unit_id, period=period).first()
            try:
                with transaction.atomic():
                    if report is None:
                        raise workflow.WorkflowError(f"Không có báo cáo của đơn vị {units[unit_id].code} kỳ {period}.")
                    workflow.save_values(report, user, {codes[r[1]]: {"value": None, "comment": ""} for r in items},
                                         expected_version=None, source=DataValue.Source.IMPORT)
                    deleted += len({r[1] for r in items})
            except (workflow.WorkflowError, PermissionDenied) as exc:
                message = getattr(exc, "message", None) or str(exc)
                refused += [("orgUnit", f"{units[unit_id].code}/{period}", message, r[5]) for r in items]
        all_problems = [*problems, *refused]
        if dry_run or (atomic and all_problems):
            transaction.set_rollback(True)
            if atomic and all_problems:
                deleted = 0
    summary.deleted = deleted
    summary.ignored = ignored + len({p[3] for p in all_problems})
    summary.conflicts = _group_conflicts(all_problems)
    summary.rejected_indexes = [p[3] for p in all_problems]
    verb = "Kiểm tra thử (không xóa)" if dry_run else "Đã xóa"
    summary.description = f"{verb}: {deleted} giá trị, {summary.ignored} bỏ qua."
    return summary


def _unreadable(summary: ImportSummary, source_name: str, exc: PayloadError) -> ImportSummary:
    summary.fatal = True
    summary.conflicts.append(Conflict(object=source_name or "payload", value=str(exc), error_code="E7600"))
    summary.description = "Không đọc được dữ liệu; không có số liệu nào được lưu."
    return summary


# --------------------------------------------------------------------------- export


def _plain(value: Decimal) -> str:
    d = value.normalize()
    return format(d, "f")


def parse_any_period(code: str) -> Period:
    """Our code (2023-Q3) or DHIS2's (2023Q3, 2023S1, 202307); PeriodError otherwise."""
    code = (code or "").strip()
    try:
        return Period.parse(from_dhis2_period(code))
    except PeriodError:
        return Period.parse(code)


def export_values(
    period: str | None = None, *, user=None, area: str | None = None, org_unit: str | None = None, children: bool = False,
    periods: list[str] | None = None, org_units: list[str] | None = None, data_sets: list[str] | None = None,
    start_date=None, end_date=None, exact: bool = False, id_scheme: dict[str, str | None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Stored values that `user` may view, as DHIS2 dataValue dicts.

    Periods: each of `period`/`periods` (our codes or DHIS2's) — exactly that period with `exact`
    (DHIS2's rule), otherwise with the months and quarters inside it (giaoban's own export) —
    or every stored period lying within `start_date`..`end_date`. Several org units, data sets or
    periods are a union. `org_unit(s)`: an id in any scheme (uid, mapped id, code, exact name),
    with its subtree when `children`; `area`: an area's code or exact name; `data_sets`: an
    organization's data set (its indicators and units). `id_scheme` {"dataElement", "orgUnit"}:
    UID, CODE or NAME for the ids written (None: the mapped id or our code). LookupError names
    what is unknown."""
    wanted = [x for x in [period, *(periods or [])] if x]
    if not wanted and not (start_date and end_date):
        raise LookupError("Cần tham số period, hoặc startDate và endDate.")
    parsed = [parse_any_period(code) for code in wanted]
    codes: set[str] = set()
    for p in parsed:
        codes.update([p.code] if exact else [x.code for x in _stored_periods(p)])
    if start_date and end_date:
        for code in DataValue.objects.values_list("period", flat=True).distinct():
            try:
                q = Period.parse(code)
            except PeriodError:
                continue
            if q.start >= start_date and q.end <= end_date:
                codes.add(code)
    span_start = min([p.start for p in parsed] + ([start_date] if start_date else []))
    span_end = max([p.end for p in parsed] + ([end_date] if end_date else []))
    span = wanted[0] if len(wanted) == 1 else f"{span_start:%d/%m/%Y}–{span_end:%d/%m/%Y}"
    qs = DataValue.objects.filter(period__in=sorted(codes))
    if user is not None and not getattr(user, "is_superuser", False):
        qs = qs.filter(unit__in=access.viewable_units(user))
    if area:
        areas = list(Area.objects.filter(code=area).overlapping(span_start, span_end)) or list(
            Area.objects.filter(name=area).overlapping(span_start, span_end)
        )
        if not areas:
            raise LookupError(f"Không tìm thấy địa bàn '{area}' trong kỳ {span}.")
        units = Unit.objects.none()
        for a in areas:
            units = units | Unit.objects.filter(area__path__startswith=a.path)
        qs = qs.filter(unit__in=units)
    mapper = Mapper()
    idents = [x for x in [org_unit, *(org_units or [])] if x]
    if idents:
        # The ids in the request are read by DHIS2's input scheme (inputOrgUnitIdScheme), not by
        # the scheme asked for the answer.
        resolver = Resolver(mapper, None, {"orgUnit": (id_scheme or {}).get("inputOrgUnit")})
        cond = Unit.objects.none()
        visible = access.viewable_units(user) if user is not None and not getattr(user, "is_superuser", False) else None
        for ident in idents:
            pks = [c[0] for c in resolver.unit_versions_of(ident)
                   if c[1] <= span_end and (c[2] is None or c[2] >= span_start)]
            found = Unit.objects.filter(pk__in=pks)
            if visible is not None:
                found = found.filter(pk__in=visible)
            found = list(found)
            if not found:
                raise LookupError(f"Không tìm thấy đơn vị (orgUnit) '{ident}' trong kỳ {span}.")
            for u in found:
                cond = cond | (Unit.objects.subtree(u) if children else Unit.objects.filter(pk=u.pk))
        qs = qs.filter(unit__in=cond)
    if data_sets:
        orgs = []
        by_id = {dataset_uid(code): pk for code, pk in Organization.objects.values_list("code", "pk")}
        by_code = dict(Organization.objects.values_list("code", "pk"))
        for ident in data_sets:
            org = by_id.get(ident) or by_code.get(ident)
            if org is None:
                raise LookupError(f"Không tìm thấy bộ báo cáo (dataSet) '{ident}'.")
            orgs.append(org)
        qs = qs.filter(unit__organization__in=orgs, indicator__organizations__in=orgs).distinct()
    schemes = {k: (v or "").upper() for k, v in (id_scheme or {}).items()}
    de_scheme, ou_scheme = schemes.get("dataElement", ""), schemes.get("orgUnit", "")
    rows = qs.order_by("period", "unit__code", "indicator__code").values_list(
        "indicator__code", "indicator__uid", "indicator__name", "period", "unit__code", "unit__uid", "unit__name",
        "unit__organization__code", "value", "comment", "updated_at", "updated_by__username",
    )

    def ident(kind: str, scheme: str, code: str, uid: str | None, name: str) -> str:
        if scheme in ("UID", "ID"):
            return mapper.out[kind].get(code) or uid or code
        if scheme == "NAME":
            return name
        if scheme == "CODE":
            return code
        return mapper.to_dhis2(kind, code)

    for ind, ind_uid, ind_name, per, unit, unit_uid, unit_name, org, value, comment, updated, username in rows.iterator(
            chunk_size=5000):
        stamp = updated.isoformat(timespec="seconds")
        out = {
            "dataElement": ident("indicator", de_scheme, ind, ind_uid, ind_name),
            "period": to_dhis2_period(per),
            "orgUnit": ident("unit", ou_scheme, unit, unit_uid, unit_name),
            "categoryOptionCombo": DEFAULT_COC,
            "attributeOptionCombo": mapper.explicit_org(org) or DEFAULT_COC,
            "value": _plain(value),
            "storedBy": username or "giaoban",
            "created": stamp,
            "lastUpdated": stamp,
            "followup": False,
        }
        if comment:
            out["comment"] = comment
        yield out


def _stored_periods(p: Period) -> list[Period]:
    """The base periods (quarters and months) inside p, p itself included when it is one."""
    out = []
    for q in p.quarters() if p.kind != "M" else []:
        out.append(q)
        out.extend(q.months())
    if p.kind == "M":
        out.append(p)
    return out


# --------------------------------------------------------------------------- async import

JOB_KIND = "dhis2_import"
JOB_TYPE = "DATAVALUE_IMPORT"  # DHIS2's name for the job, in its task URLs


def run_import_job(progress, fileobj, user_id: int, fmt: str, options: dict) -> dict:
    """The background job of `POST /api/dataValueSets?async=true` (giaoban.jobs.queue): the
    payload is the job's input file; the import summary is its result file (JSON)."""
    user = get_user_model().objects.get(pk=user_id)
    progress(0, 1, "Đang nhập dataValueSets…")
    summary = import_data_value_set(fileobj.read(), fmt, user=user, **options)
    progress(1, 1, summary.description)
    body = json.dumps(summary.as_dict(), ensure_ascii=False).encode("utf-8")
    return {"message": summary.description, "result_file": ("import-summary.json", body)}

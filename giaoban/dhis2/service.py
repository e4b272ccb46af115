"""DHIS2 dataValueSets import and export against the database (Django side).

Identifiers: `dataElement` is an indicator, `orgUnit` a unit, `attributeOptionCombo` the
unit's organization (optional). Each is our own code unless the Dhis2Mapping table (admin)
maps it to a DHIS2 UID or code. A unit code may name several versions of a unit (the 2025
reform reuses codes): the version valid in the value's period is the one meant.

Import is atomic ("atomicMode ALL"): any conflict — an unknown code, a value of the wrong type,
a unit out of the user's scope, an approved report — refuses the whole payload, with one conflict
per offending code or value, and nothing is saved.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from giaoban.api.models import Dhis2Mapping
from giaoban.collection import access, bulk
from giaoban.collection.models import DataValue
from giaoban.core.periods import Period, PeriodError
from giaoban.dhis2.format import (
    DEFAULT_COMBOS,
    Conflict,
    DataValueSet,
    ImportSummary,
    PayloadError,
    from_dhis2_period,
    parse_payload,
    to_dhis2_period,
)
from giaoban.org.models import Area, Indicator, Organization, Unit


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


def import_data_value_set(
    data: bytes | str | dict | DataValueSet,
    fmt: str = "json",
    *,
    user=None,
    dry_run: bool = False,
    allow_locked: bool = False,
    source_name: str = "",
) -> ImportSummary:
    summary = ImportSummary(dry_run=dry_run)
    try:
        if isinstance(data, DataValueSet):
            dvs = data
        elif isinstance(data, dict):
            from giaoban.dhis2.format import parse_json

            dvs = parse_json(data)
        else:
            dvs = parse_payload(data, fmt, lazy=True)
    except PayloadError as exc:
        return _unreadable(summary, source_name, exc)
    values = dvs.values
    mapper = Mapper()
    superuser = getattr(user, "is_superuser", False)
    viewable = None if superuser or user is None else set(access.viewable_units(user).values_list("pk", flat=True))
    allowed = None if superuser or user is None else set(access.entry_units(user).values_list("pk", flat=True))

    indicator_ids = dict(Indicator.objects.values_list("code", "pk"))
    versions: dict[str, list[tuple[int, Any, Any, int]]] = defaultdict(list)
    for pk, code, vf, vt, org_id in Unit.objects.values_list("pk", "code", "valid_from", "valid_to", "organization_id"):
        if viewable is None or pk in viewable:
            versions[code].append((pk, vf, vt, org_id))
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
        if problems:
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
            ind_id = ind_cache[v.dataElement] = indicator_ids.get(mapper.from_dhis2("indicator", v.dataElement))
        if ind_id is None:
            problems.append(("dataElement", v.dataElement, f"Không tìm thấy chỉ tiêu (dataElement) '{v.dataElement}'.", idx))
        ukey = (v.orgUnit, pinfo[0])
        unit = unit_cache.get(ukey, False)
        if unit is False:
            code = mapper.from_dhis2("unit", v.orgUnit)
            cands = versions.get(code, ())
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

    try:
        result = bulk.write_values(
            rows(), user=user, source=DataValue.Source.IMPORT,
            source_detail={"format": "dhis2", "file": source_name} if source_name else {"format": "dhis2"},
            allowed_unit_ids=allowed, allow_locked=allow_locked, dry_run=dry_run, read_ahead=True,
        )
    except PayloadError as exc:  # met while reading the values: nothing was kept
        return _unreadable(summary, source_name, exc)
    if problems:
        summary.conflicts = _group_conflicts(problems)
        summary.ignored = read[0]
        summary.description = "Dữ liệu có mã hoặc giá trị không hợp lệ; không có số liệu nào được lưu."
        return summary
    if result.problems:
        summary.conflicts = _group_conflicts([(p.field, p.object, p.message, p.index) for p in result.problems])
        summary.ignored = read[0]
        summary.description = "Dữ liệu có giá trị không hợp lệ; không có số liệu nào được lưu."
        return summary
    summary.imported, summary.updated, summary.ignored = result.imported, result.updated, result.ignored
    verb = "Kiểm tra thử (không lưu)" if dry_run else "Đã nhập"
    summary.description = f"{verb}: {result.imported} mới, {result.updated} cập nhật, {result.ignored} bỏ qua."
    return summary


def _unreadable(summary: ImportSummary, source_name: str, exc: PayloadError) -> ImportSummary:
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
    period: str, *, user=None, area: str | None = None, org_unit: str | None = None, children: bool = False
) -> Iterator[dict[str, Any]]:
    """Stored values of `period` (and of the months/quarters inside it) that `user` may view,
    optionally only in `area` (code or exact name) or for `org_unit` (DHIS2 id or our code, with
    its subtree when `children`), as DHIS2 dataValue dicts. LookupError names what is unknown."""
    p = parse_any_period(period)
    inner = [x.code for x in _stored_periods(p)]
    qs = DataValue.objects.filter(period__in=inner)
    if user is not None and not getattr(user, "is_superuser", False):
        qs = qs.filter(unit__in=access.viewable_units(user))
    if area:
        areas = list(Area.objects.filter(code=area).overlapping(p.start, p.end)) or list(
            Area.objects.filter(name=area).overlapping(p.start, p.end)
        )
        if not areas:
            raise LookupError(f"Không tìm thấy địa bàn '{area}' trong kỳ {p.code}.")
        units = Unit.objects.none()
        for a in areas:
            units = units | Unit.objects.filter(area__path__startswith=a.path)
        qs = qs.filter(unit__in=units)
    mapper = Mapper()
    if org_unit:
        code = mapper.from_dhis2("unit", org_unit)
        found = Unit.objects.filter(code=code).overlapping(p.start, p.end)
        if user is not None and not getattr(user, "is_superuser", False):
            found = found.filter(pk__in=access.viewable_units(user))
        found = list(found)
        if not found:
            raise LookupError(f"Không tìm thấy đơn vị (orgUnit) '{org_unit}' trong kỳ {p.code}.")
        cond = Unit.objects.none()
        for u in found:
            cond = cond | (Unit.objects.subtree(u) if children else Unit.objects.filter(pk=u.pk))
        qs = qs.filter(unit__in=cond)
    rows = qs.order_by("period", "unit__code", "indicator__code").values_list(
        "indicator__code", "period", "unit__code", "unit__organization__code", "value", "comment", "updated_at",
        "updated_by__username",
    )
    for ind, per, unit, org, value, comment, updated, username in rows.iterator(chunk_size=5000):
        out = {
            "dataElement": mapper.to_dhis2("indicator", ind),
            "period": to_dhis2_period(per),
            "orgUnit": mapper.to_dhis2("unit", unit),
            "value": _plain(value),
            "storedBy": username or "giaoban",
            "created": updated.isoformat(timespec="seconds"),
            "lastUpdated": updated.isoformat(timespec="seconds"),
            "followup": False,
        }
        aoc = mapper.explicit_org(org)
        if aoc:
            out["attributeOptionCombo"] = aoc
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

"""Keeping the summary table (:class:`~giaoban.analytics.models.Fact`) in step with reports.

* :func:`refresh_for_report` — after a report's status or values change: its rows are replaced
  (or removed when it goes back to draft/returned) and the parent/child flags of the rows above
  and below it are recomputed. A few dozen rows and a few indexed statements: well under a
  second, so an approved figure shows at once. The collection workflow calls it; the
  ``post_save`` signals below call it too, so a status change made anywhere is seen.
* :func:`rebuild` — the whole table from DataValue, for bulk loads (demo, imports, benchmark).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction

from giaoban.analytics.models import Fact, ReportingLevel, UnitLevels
from giaoban.collection.models import DataValue, Report
from giaoban.org.models import Area, Unit

COUNTED = (Report.Status.SUBMITTED, Report.Status.APPROVED, Report.Status.LOCKED)
APPROVED = (Report.Status.APPROVED, Report.Status.LOCKED)
QUALIFIER_CODES = {"exact": 0, "approx": 1, "over": 2, "under": 3}
QUALIFIER_NAMES = {v: k for k, v in QUALIFIER_CODES.items()}
T = Fact._meta.db_table


def _path_ids(path: str) -> list[int]:
    return [int(x) for x in path.strip("/").split("/") if x]


class LevelCache:
    """Ancestors by level of units and areas, read once per batch."""

    def __init__(self):
        self.units: dict[int, tuple] = {}
        self.areas: dict[int, tuple] = {}

    def _load_units(self, ids: Iterable[int]):
        missing = {i for i in ids if i not in self.units}
        if not missing:
            return
        rows = list(Unit.objects.filter(pk__in=missing).values_list("pk", "path", "level", "organization_id", "area_id"))
        needed = {a for _, path, *_ in rows for a in _path_ids(path)} - set(self.units)
        levels = dict(Unit.objects.filter(pk__in=needed).values_list("pk", "level")) if needed else {}
        for pk, path, level, org_id, area_id in rows:
            levels.setdefault(pk, level)
            by_level = {levels[a]: a for a in _path_ids(path) if a in levels}
            self.units[pk] = (level, org_id, area_id, [by_level.get(lv) for lv in (1, 2, 3, 4)])

    def _load_areas(self, ids: Iterable[int]):
        missing = {i for i in ids if i is not None and i not in self.areas}
        if not missing:
            return
        rows = list(Area.objects.filter(pk__in=missing).values_list("pk", "path"))
        needed = {a for _, path in rows for a in _path_ids(path)}
        levels = dict(Area.objects.filter(pk__in=needed).values_list("pk", "level"))
        for pk, path in rows:
            by_level = {levels[a]: a for a in _path_ids(path) if a in levels}
            self.areas[pk] = [by_level.get(lv) for lv in (1, 2, 3)]

    def fact_fields(self, unit_id: int) -> dict:
        self._load_units([unit_id])
        level, org_id, area_id, ul = self.units[unit_id]
        self._load_areas([area_id])
        al = self.areas.get(area_id, [None, None, None])
        return {
            "unit_level": level, "org_id": org_id, "area_id": area_id,
            "unit_l1": ul[0], "unit_l2": ul[1], "unit_l3": ul[2], "unit_l4": ul[3],
            "area_l1": al[0], "area_l2": al[1], "area_l3": al[2],
        }

    def prefetch(self, unit_ids: Iterable[int]):
        unit_ids = list(set(unit_ids))
        for i in range(0, len(unit_ids), 500):
            self._load_units(unit_ids[i:i + 500])
        area_ids = list({self.units[u][2] for u in unit_ids if self.units[u][2] is not None})
        for i in range(0, len(area_ids), 500):
            self._load_areas(area_ids[i:i + 500])


def facts_for_values(values: Iterable[tuple], status_by_report: dict[int, str], cache: LevelCache) -> list[Fact]:
    """values: (report_id, unit_id, indicator_id, period, value, qualifier) tuples."""
    out = []
    for report_id, unit_id, indicator_id, period, value, qualifier in values:
        status = status_by_report[report_id]
        if status not in COUNTED:
            continue
        out.append(Fact(
            indicator_id=indicator_id, period=period, year=int(period[:4]), unit_id=unit_id, report_id=report_id,
            approved=status in APPROVED, value=value, qualifier=QUALIFIER_CODES.get(qualifier, 0),
            **cache.fact_fields(unit_id),
        ))
    return out


# --------------------------------------------------------------------------- parent/child flags

def _exists(level_col: str, approved_only: bool) -> str:
    appr = " AND f2.approved" + (" = 1" if connection.vendor == "sqlite" else "")
    return (
        f"EXISTS (SELECT 1 FROM {T} f2 WHERE f2.indicator_id = {T}.indicator_id AND f2.period = {T}.period"
        f" AND f2.{level_col} = {T}.unit_id AND f2.unit_id <> {T}.unit_id{appr if approved_only else ''})"
    )


def _anc(approved_only: bool) -> str:
    appr = " AND f2.approved" + (" = 1" if connection.vendor == "sqlite" else "") if approved_only else ""
    parts = []
    for lv in (3, 2, 1):
        parts.append(
            f"WHEN {T}.unit_l{lv} <> {T}.unit_id AND EXISTS (SELECT 1 FROM {T} f2 WHERE f2.unit_id = {T}.unit_l{lv}"
            f" AND f2.period = {T}.period AND f2.indicator_id = {T}.indicator_id{appr}) THEN {lv}"
        )
    return "CASE " + " ".join(parts) + " ELSE 0 END"


def _desc(approved_only: bool) -> str:
    whens = " ".join(f"WHEN {lv} THEN {_exists(f'unit_l{lv}', approved_only)}" for lv in (1, 2, 3))
    return f"CASE {T}.unit_level {whens} ELSE {'0' if connection.vendor == 'sqlite' else 'false'} END"


def update_flags(where: str = "", params: Iterable = ()) -> None:
    """Recompute the parent/child flags of the rows matching ``where`` (all rows without)."""
    sql = (
        f"UPDATE {T} SET desc_appr = {_desc(True)}, desc_any = {_desc(False)}, "
        f"anc_appr = {_anc(True)}, anc_any = {_anc(False)}"
    )
    if where:
        sql += f" WHERE {where}"
    with connection.cursor() as cur:
        cur.execute(sql, list(params))


def _note_levels(facts: list[Fact]) -> None:
    pairs = {(f.indicator_id, f.unit_level) for f in facts}
    if not pairs:
        return
    known = set(ReportingLevel.objects.values_list("indicator_id", "level"))
    new = [ReportingLevel(indicator_id=i, level=lv) for i, lv in pairs - known]
    ReportingLevel.objects.bulk_create(new, ignore_conflicts=True)


# --------------------------------------------------------------------------- refresh and rebuild

def refresh_for_report(report: Report) -> int:
    """Bring the summary rows of one report up to date; returns the number of rows it now has."""
    with transaction.atomic():
        old_inds = set(Fact.objects.filter(unit_id=report.unit_id, period=report.period).values_list("indicator_id", flat=True))
        Fact.objects.filter(unit_id=report.unit_id, period=report.period).delete()
        status = Report.objects.filter(pk=report.pk).values_list("status", flat=True).first()
        facts: list[Fact] = []
        if status in COUNTED:
            cache = LevelCache()
            values = DataValue.objects.filter(report_id=report.pk).values_list(
                "report_id", "unit_id", "indicator_id", "period", "value", "qualifier")
            facts = facts_for_values(values, {report.pk: status}, cache)
            Fact.objects.bulk_create(facts)
            _note_levels(facts)
        inds = sorted(old_inds | {f.indicator_id for f in facts})
        if not inds:
            return 0
        unit = Unit.objects.only("pk", "path", "level").get(pk=report.unit_id)
        related = _path_ids(unit.path)  # the unit and its ancestors
        marks = ",".join(["%s"] * len(inds))
        # ancestors (desc flags may change) and the unit itself (its anc flags)
        update_flags(
            f"period = %s AND indicator_id IN ({marks}) AND unit_id IN ({','.join(['%s'] * len(related))})",
            [report.period, *inds, *related],
        )
        # descendants (anc flags may change)
        if 1 <= unit.level <= 3:
            update_flags(
                f"unit_l{unit.level} = %s AND period = %s AND indicator_id IN ({marks}) AND unit_id <> %s",
                [unit.pk, report.period, *inds, unit.pk],
            )
        return len(facts)


LEVEL_COLUMNS = ["org_id", "unit_level", "unit_l1", "unit_l2", "unit_l3", "unit_l4",
                 "area_id", "area_l1", "area_l2", "area_l3"]


def _write_unit_levels(cache: LevelCache) -> None:
    table = UnitLevels._meta.db_table
    rows = []
    for unit_id in cache.units:
        f = cache.fact_fields(unit_id)
        rows.append([unit_id, *(f[c] for c in LEVEL_COLUMNS)])
    with connection.cursor() as cur:
        cur.execute(f"DELETE FROM {table}")
        marks = ",".join(["%s"] * (len(LEVEL_COLUMNS) + 1))
        cur.executemany(f"INSERT INTO {table} (unit_id, {', '.join(LEVEL_COLUMNS)}) VALUES ({marks})", rows)


def rebuild(progress=None) -> int:
    """Rebuild the whole summary table from the data values of submitted and approved reports:
    set-based (one INSERT … SELECT joining a per-unit lookup), then the parent/child flags."""
    dv, rep = DataValue._meta.db_table, Report._meta.db_table
    lv = UnitLevels._meta.db_table
    with transaction.atomic():
        cache = LevelCache()
        cache.prefetch(Unit.objects.values_list("pk", flat=True))
        _write_unit_levels(cache)
        counted = ",".join(f"'{s}'" for s in COUNTED)
        approved = ",".join(f"'{s}'" for s in APPROVED)
        quals = " ".join(f"WHEN '{k}' THEN {v}" for k, v in QUALIFIER_CODES.items())
        with connection.cursor() as cur:
            cur.execute(f"DELETE FROM {T}")
            cur.execute(
                f"INSERT INTO {T} (indicator_id, period, year, unit_id, report_id, {', '.join(LEVEL_COLUMNS)}, "
                "approved, value, qualifier, desc_appr, desc_any, anc_appr, anc_any) "
                f"SELECT dv.indicator_id, dv.period, CAST(SUBSTR(dv.period, 1, 4) AS INTEGER), dv.unit_id, dv.report_id, "
                f"{', '.join('m.' + c for c in LEVEL_COLUMNS)}, "
                f"CASE WHEN r.status IN ({approved}) THEN TRUE ELSE FALSE END, dv.value, "
                f"CASE dv.qualifier {quals} ELSE 0 END, FALSE, FALSE, 0, 0 "
                f"FROM {dv} dv JOIN {rep} r ON r.id = dv.report_id JOIN {lv} m ON m.unit_id = dv.unit_id "
                f"WHERE r.status IN ({counted})"
            )
            total = cur.rowcount
        if progress:
            progress(total)
        update_flags()
        ReportingLevel.objects.all().delete()
        pairs = Fact.objects.values_list("indicator_id", "unit_level").distinct()
        ReportingLevel.objects.bulk_create([ReportingLevel(indicator_id=i, level=lvl) for i, lvl in pairs])
        return total


def ensure_built() -> None:
    """Build the table once if reports were loaded in bulk (without signals) and it is empty."""
    if not Fact.objects.exists() and DataValue.objects.filter(report__status__in=COUNTED).exists():
        rebuild()


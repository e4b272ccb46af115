"""Keeping the summary table (:class:`~giaoban.analytics.models.Fact`) in step with reports.

* :func:`refresh_for_report` — after a report's status or values change: its rows are replaced
  (or removed when it goes back to draft/returned) and the parent/child flags of the rows above
  and below it are recomputed. A few dozen rows and a few indexed statements: well under a
  second, so an approved figure shows at once. The collection workflow calls it; the
  ``post_save`` signals below call it too, so a status change made anywhere is seen.
* :func:`rebuild` — the whole table from DataValue, for bulk loads (demo, imports, benchmark).

Both also keep the second summary level (:class:`~giaoban.analytics.models.FactTotal`): the refresh
reads the affected Fact rows (the report's unit, its ancestors and descendants, for its period and
indicators) before and after its change and adds the difference to the totals of their level-1/2
ancestors and the nation; the rebuild writes them with one GROUP BY per scope.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.db import connection, transaction

from giaoban.analytics.cache import renew_data_stamp
from giaoban.analytics.models import (NATION_SCOPE, PACKED_KEY, TOTAL_KEY, TOTAL_SCOPES, Fact, FactPacked, FactTotal,
                                      ReportingLevel, UnitLevels)
from giaoban.collection import partitions
from giaoban.collection.models import DataValue, Report
from giaoban.org.models import Area, Unit

COUNTED = (Report.Status.SUBMITTED, Report.Status.APPROVED, Report.Status.LOCKED)
APPROVED = (Report.Status.APPROVED, Report.Status.LOCKED)
QUALIFIER_CODES = {"exact": 0, "approx": 1, "over": 2, "under": 3}
QUALIFIER_NAMES = {v: k for k, v in QUALIFIER_CODES.items()}
T = Fact._meta.db_table
TT = FactTotal._meta.db_table
PT = FactPacked._meta.db_table


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
            self.areas[pk] = [by_level.get(lv) for lv in (1, 2, 3, 4)]

    def fact_fields(self, unit_id: int) -> dict:
        self._load_units([unit_id])
        level, org_id, area_id, ul = self.units[unit_id]
        self._load_areas([area_id])
        al = self.areas.get(area_id, [None, None, None, None])
        return {
            "unit_level": level, "org_id": org_id, "area_id": area_id,
            "unit_l1": ul[0], "unit_l2": ul[1], "unit_l3": ul[2], "unit_l4": ul[3],
            "area_l1": al[0], "area_l2": al[1], "area_l3": al[2], "area_l4": al[3],
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
    renew_data_stamp()
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

def _affected(report: Report, unit: Unit, inds: list[int]) -> tuple[str, list]:
    """The Fact rows whose flags (or presence) a change of ``report`` can alter."""
    marks = ",".join(["%s"] * len(inds))
    related = _path_ids(unit.path)  # the unit and its ancestors
    where = f"(unit_id IN ({','.join(['%s'] * len(related))})"
    params: list = [*related]
    if 1 <= unit.level <= 4:
        where += f" OR unit_l{unit.level} = %s"
        params.append(unit.pk)
    return f"period = %s AND indicator_id IN ({marks}) AND {where})", [report.period, *inds, *params]


_SNAP_COLS = [*TOTAL_SCOPES, *TOTAL_KEY, "year", "value", "qualifier"]


def _contributions(where: str, params: list) -> dict:
    """(scope, scope_id, *TOTAL_KEY, year) -> [total, n, approx, over, under] of the matching Fact rows."""
    out: dict = {}
    with connection.cursor() as cur:
        cur.execute(f"SELECT {', '.join(_SNAP_COLS)} FROM {T} WHERE {where}", params)
        rows = cur.fetchall()
    ns = len(TOTAL_SCOPES)
    for row in rows:
        key = (row[ns], row[ns + 1], row[ns + 2], bool(row[ns + 3]), bool(row[ns + 4]), bool(row[ns + 5]),
               row[ns + 6], row[ns + 7], row[ns + 8])
        value, qual = Decimal(str(row[ns + 9])), row[ns + 10]
        scopes = [(sc, sid) for sc, sid in zip(TOTAL_SCOPES, row[:ns], strict=True) if sid is not None]
        for sc, sid in [*scopes, (NATION_SCOPE, 0)]:
            acc = out.setdefault((sc, sid, *key), [Decimal(0), 0, 0, 0, 0])
            acc[0] += value
            acc[1] += 1
            if qual in (1, 2, 3):
                acc[1 + qual] += 1
    return out


def _apply_deltas(before: dict, after: dict, period: str, inds: list[int]) -> None:
    """Add after − before to the totals (insert missing rows, drop emptied ones)."""
    rows = []
    for key in before.keys() | after.keys():
        b = before.get(key, [Decimal(0), 0, 0, 0, 0])
        a = after.get(key, [Decimal(0), 0, 0, 0, 0])
        d = [x - y for x, y in zip(a, b, strict=True)]
        if any(d):
            rows.append([*key, *d])
    if not rows:
        return
    cols = ["scope", "scope_id", *TOTAL_KEY, "year", "total", "n", "n_approx", "n_over", "n_under"]
    conflict = ", ".join(["scope", "scope_id", *TOTAL_KEY])
    sets = ", ".join(f"{c} = {TT}.{c} + excluded.{c}" for c in ("total", "n", "n_approx", "n_over", "n_under"))
    with connection.cursor() as cur:
        cur.executemany(
            f"INSERT INTO {TT} ({', '.join(cols)}) VALUES ({', '.join(['%s'] * len(cols))}) "
            f"ON CONFLICT ({conflict}) DO UPDATE SET {sets}", rows)
        marks = ",".join(["%s"] * len(inds))
        cur.execute(f"DELETE FROM {TT} WHERE period = %s AND indicator_id IN ({marks}) AND n <= 0", [period, *inds])
        if connection.vendor == "sqlite":  # SQLite adds decimals as floats: no drift left after many deltas
            # (only the rows that drifted: rewriting every row of the period would rewrite them in
            # the covering index too, on each approval)
            cur.execute(f"UPDATE {TT} SET total = ROUND(total, 4) WHERE period = %s AND indicator_id IN ({marks}) "
                        "AND total <> ROUND(total, 4)", [period, *inds])
    # the packed level of the groups these rows belong to (one year: one period), from FactTotal as it now is
    groups = {(key[0], key[1]) for key in (r[:2] for r in rows)}
    orgs = sorted({r[4] for r in rows})
    repack(f"year = %s AND indicator_id IN ({marks}) AND org_id IN ({','.join(['%s'] * len(orgs))}) AND ("
           + " OR ".join(["(scope = %s AND scope_id = %s)"] * len(groups)) + ")",
           [int(period[:4]), *inds, *orgs, *(x for g in sorted(groups) for x in g)])


FOUR = Decimal("0.0001")  # values have 4 decimals (the engine's FOUR)


def exact_total(total) -> Decimal:
    """A summed value as the engine keeps it. Values have 4 decimals: a sum has too (SQLite sums
    them as floats, this drops the noise; PostgreSQL returns Decimals, an int is exact: no detour
    through str for those)."""
    return (total if total.__class__ is Decimal else Decimal(total if total.__class__ is int else str(total))).quantize(FOUR)


_PACK_GROUP = ["scope", "scope_id", *PACKED_KEY]


def repack(where: str = "", params: list | tuple = ()) -> int:
    """FactPacked's rows of the groups whose FactTotal rows match ``where`` (on columns both tables
    have: scope, scope_id, indicator_id, org_id, year, the flags), made again from FactTotal; every row
    without ``where``. A total is packed as ``str`` of the Decimal the engine makes of it
    (engine.sql.exact_total, without -0), so that reading it back gives the very same Decimal."""
    cond = f" WHERE {where}" if where else ""
    zero = Decimal(0)
    out: list = []
    with connection.cursor() as cur:
        cur.execute(f"DELETE FROM {PT}{cond}", params)
        cur.execute(f"SELECT {', '.join(_PACK_GROUP)}, period, total, n, n_approx, n_over, n_under FROM {TT}{cond} "
                    f"ORDER BY {', '.join(_PACK_GROUP)}, period", params)  # the periods in order: the same text every time
        last = None
        for row in cur.fetchall():
            group, (period, total, n, a, o, u) = row[:-6], row[-6:]
            if group != last:
                last = group
                periods, totals, ns, quals = [], [], [], False
                out.append((group, periods, totals, ns, [quals]))
            periods.append(period)
            totals.append(str(zero + exact_total(total)))
            ns.append(str(n))
            if a or o or u:
                out[-1][4][0] = True
        cols = [*_PACK_GROUP, "periods", "totals", "ns", "quals"]
        cur.executemany(f"INSERT INTO {PT} ({', '.join(cols)}) VALUES ({', '.join(['%s'] * len(cols))})",
                        [[*g, ",".join(p), ",".join(t), ",".join(n), bool(q[0])] for g, p, t, n, q in out])
    return len(out)


def refresh_for_report(report: Report) -> int:
    """Bring the summary rows of one report up to date; returns the number of rows it now has."""
    with transaction.atomic():
        old_inds = set(Fact.objects.filter(unit_id=report.unit_id, period=report.period).values_list("indicator_id", flat=True))
        status = Report.objects.filter(pk=report.pk).values_list("status", flat=True).first()
        facts: list[Fact] = []
        if status in COUNTED:
            cache = LevelCache()
            values = DataValue.objects.filter(report_id=report.pk).values_list(
                "report_id", "unit_id", "indicator_id", "period", "value", "qualifier")
            facts = facts_for_values(values, {report.pk: status}, cache)
        inds = sorted(old_inds | {f.indicator_id for f in facts})
        if not inds:
            return 0
        renew_data_stamp()  # before the writes (a draft's save, with no rows, leaves it alone)
        unit = Unit.objects.only("pk", "path", "level").get(pk=report.unit_id)
        where, params = _affected(report, unit, inds)
        before = _contributions(where, params)
        Fact.objects.filter(unit_id=report.unit_id, period=report.period).delete()
        Fact.objects.bulk_create(facts)
        _note_levels(facts)
        related = _path_ids(unit.path)
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
        _apply_deltas(before, _contributions(where, params), report.period, inds)
        return len(facts)


LEVEL_COLUMNS = ["org_id", "unit_level", "unit_l1", "unit_l2", "unit_l3", "unit_l4",
                 "area_id", "area_l1", "area_l2", "area_l3", "area_l4"]


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


def _fact_indexes() -> tuple[list[str], list[str]]:
    """(drop, create) statements for Fact's indexes and unique constraint, as Django names them."""
    editor = connection.schema_editor()  # only to render SQL: not entered, nothing executed
    drop, create = [], []
    for index in Fact._meta.indexes:
        drop.append(f'DROP INDEX IF EXISTS "{index.name}"')
        create.append(str(index.create_sql(Fact, editor)))
    if connection.vendor == "postgresql":
        for constraint in Fact._meta.constraints:
            drop.append(f'ALTER TABLE {T} DROP CONSTRAINT IF EXISTS "{constraint.name}"')
            create.append(str(constraint.create_sql(Fact, editor)))
    # SQLite: Django declares the unique constraint inside CREATE TABLE (an automatic index that
    # cannot be dropped), so it stays; it is kept up during the insert
    return drop, create


def rebuild(progress=None) -> int:
    """Rebuild the whole summary table from the data values of submitted and approved reports:
    set-based (one INSERT … SELECT joining a per-unit lookup), then the parent/child flags.

    Fact's indexes are dropped first and created again at the end (same names and columns): one
    sort per index instead of millions of random index inserts and flag updates through eight
    indexes. All in one transaction, so a failure leaves the former table and its indexes."""
    dv, rep = DataValue._meta.db_table, Report._meta.db_table
    lv = UnitLevels._meta.db_table
    with transaction.atomic():
        renew_data_stamp()
        cache = LevelCache()
        cache.prefetch(Unit.objects.values_list("pk", flat=True))
        _write_unit_levels(cache)
        counted = ",".join(f"'{s}'" for s in COUNTED)
        approved = ",".join(f"'{s}'" for s in APPROVED)
        quals = " ".join(f"WHEN '{k}' THEN {v}" for k, v in QUALIFIER_CODES.items())
        drop_indexes, create_indexes = _fact_indexes()
        # PostgreSQL: every year of the values gets its own partition in the three tables (rows a
        # default partition held for a year without one are moved there); nothing on SQLite
        partitions.split_default([dv])
        partitions.ensure_years(partitions.year_partitions(dv), [T, TT])
        with connection.cursor() as cur:
            if connection.vendor == "postgresql":
                # this transaction only: room to sort for the index builds and the GROUP BYs
                cur.execute("SET LOCAL maintenance_work_mem = '256MB'")
                cur.execute("SET LOCAL work_mem = '64MB'")
            for sql in drop_indexes:
                cur.execute(sql)
            cur.execute(f"TRUNCATE {T}" if connection.vendor == "postgresql" else f"DELETE FROM {T}")
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
        rebuild_flags()
        with connection.cursor() as cur:
            for sql in create_indexes:
                cur.execute(sql)
        rebuild_totals()
        ReportingLevel.objects.all().delete()
        with connection.cursor() as cur:
            cur.execute(f"SELECT DISTINCT indicator_id, unit_level FROM {T}")
            pairs = cur.fetchall()
        ReportingLevel.objects.bulk_create([ReportingLevel(indicator_id=i, level=lvl) for i, lvl in pairs])
        return total


def _sql_true() -> str:
    return "1" if connection.vendor == "sqlite" else "TRUE"


def rebuild_flags() -> None:
    """The parent/child flags of the whole table, set-based: the (unit, period, indicator) triples
    that have a reporting descendant go to a temporary table (one GROUP BY), then only the rows
    that need a flag are updated (by joins, no per-row subqueries over the big table).
    Gives what :func:`update_flags` computes row by row (tested)."""
    true = _sql_true()
    renew_data_stamp()
    with connection.cursor() as cur:
        for tmp in ("analytics_tmp_desc", "analytics_tmp_par"):
            cur.execute(f"DROP TABLE IF EXISTS {tmp}")
        union = " UNION ALL ".join(
            f"SELECT unit_l{lv} AS uid, period, indicator_id, CASE WHEN approved THEN 1 ELSE 0 END AS a FROM {T} "
            f"WHERE unit_l{lv} IS NOT NULL AND unit_l{lv} <> unit_id" for lv in (1, 2, 3))
        cur.execute(f"CREATE TEMPORARY TABLE analytics_tmp_desc AS SELECT uid, period, indicator_id, MAX(a) AS appr "
                    f"FROM ({union}) x GROUP BY uid, period, indicator_id")
        cur.execute("CREATE INDEX analytics_tmp_desc_k ON analytics_tmp_desc (uid, period, indicator_id)")
        # desc_*: rows that have a reporting descendant
        cur.execute(
            f"UPDATE {T} SET desc_any = {true}, desc_appr = (d.appr = 1) FROM analytics_tmp_desc d "
            f"WHERE d.uid = {T}.unit_id AND d.period = {T}.period AND d.indicator_id = {T}.indicator_id "
            f"AND {T}.unit_level IN (1, 2, 3)")
        # the reporting ancestors: only units with a reporting descendant can be one
        cur.execute(
            f"CREATE TEMPORARY TABLE analytics_tmp_par AS SELECT f.unit_id, f.period, f.indicator_id, f.approved "
            f"FROM {T} f JOIN analytics_tmp_desc d ON d.uid = f.unit_id AND d.period = f.period AND d.indicator_id = f.indicator_id")
        cur.execute("CREATE INDEX analytics_tmp_par_k ON analytics_tmp_par (unit_id, period, indicator_id)")
        # anc_*: the level of the lowest reporting ancestor (levels 3, 2, 1: the first found wins)
        for lv in (3, 2, 1):
            join = (f"FROM analytics_tmp_par p WHERE p.unit_id = {T}.unit_l{lv} AND p.period = {T}.period "
                    f"AND p.indicator_id = {T}.indicator_id AND {T}.unit_l{lv} <> {T}.unit_id")
            cur.execute(f"UPDATE {T} SET anc_any = {lv} {join} AND {T}.anc_any = 0")
            cur.execute(f"UPDATE {T} SET anc_appr = {lv} {join} AND p.approved AND {T}.anc_appr = 0")
        for tmp in ("analytics_tmp_desc", "analytics_tmp_par"):
            cur.execute(f"DROP TABLE {tmp}")


def rebuild_totals() -> int:
    """The second summary level from Fact: one GROUP BY over Fact by every scope column at once
    into a temporary table (a few rows per level-1/2 unit and area, not per commune), then one
    INSERT … SELECT … GROUP BY per scope from that small table (one pass over Fact, not five)."""
    key = ", ".join(TOTAL_KEY)
    scopes = ", ".join(TOTAL_SCOPES)
    tmp = "analytics_tmp_total"
    cols = f"scope, scope_id, {key}, year, total, n, n_approx, n_over, n_under"
    total = 0
    renew_data_stamp()
    with connection.cursor() as cur:
        cur.execute(f"DROP TABLE IF EXISTS {tmp}")
        cur.execute(
            f"CREATE TEMPORARY TABLE {tmp} AS SELECT {scopes}, {key}, MIN(year) AS year, SUM(value) AS total, "
            "COUNT(*) AS n, SUM(CASE WHEN qualifier = 1 THEN 1 ELSE 0 END) AS n_approx, "
            "SUM(CASE WHEN qualifier = 2 THEN 1 ELSE 0 END) AS n_over, SUM(CASE WHEN qualifier = 3 THEN 1 ELSE 0 END) AS n_under "
            f"FROM {T} GROUP BY {scopes}, {key}")
        cur.execute(f"DELETE FROM {TT}")
        for scope in [*TOTAL_SCOPES, NATION_SCOPE]:
            sid = "0" if scope == NATION_SCOPE else scope
            where = "" if scope == NATION_SCOPE else f" WHERE {scope} IS NOT NULL"
            cur.execute(f"INSERT INTO {TT} ({cols}) SELECT '{scope}', {sid}, {key}, MIN(year), ROUND(SUM(total), 4), "
                        f"SUM(n), SUM(n_approx), SUM(n_over), SUM(n_under) "
                        f"FROM {tmp}{where} GROUP BY {'' if scope == NATION_SCOPE else sid + ', '}{key}")
            total += cur.rowcount
        cur.execute(f"DROP TABLE {tmp}")
    repack()
    return total


# ensure_built()'s probe: the three tables have rows (nothing to do then)
BUILT_SQL = f"EXISTS (SELECT 1 FROM {T}), EXISTS (SELECT 1 FROM {TT}), EXISTS (SELECT 1 FROM {PT})"
# the engine's probe on every compute (beside the stamps, computing.compute): the packed level has
# rows. Its rows are made from FactTotal's, and those from Fact's, by this module only (every Fact
# row counts in a nation row of FactTotal): it has rows when the three have, and when it has none
# ensure_built() probes the three. On PostgreSQL, where Fact and FactTotal are partitioned (every
# partition's indexes weighed when planned), the statement with the two stamps takes 0.11 ms
# instead of BUILT_SQL's 0.29 (1 M values)
PACKED_BUILT_SQL = f"EXISTS (SELECT 1 FROM {PT})"


def ensure_built() -> None:
    """Build the tables once if reports were loaded in bulk (without signals) and they are empty."""
    with connection.cursor() as cur:  # both tables in one round trip (called by every compute)
        cur.execute(f"SELECT {BUILT_SQL}")
        has_facts, has_totals, has_packed = cur.fetchone()
    if not has_facts:
        if DataValue.objects.filter(report__status__in=COUNTED).exists():
            rebuild()
    elif not has_totals:
        with transaction.atomic():
            rebuild_totals()
    elif not has_packed:  # FactTotal from before the packed level (migration 0007)
        with transaction.atomic():
            repack()


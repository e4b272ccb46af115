"""Analytics at national scale: a synthetic country, loaded through the project's bulk path, and
p50/p95 of (a) a province dashboard for nine months with targets and same period last year,
(b) a national pivot 34 provinces × 6 organizations × 12 quarters for one indicator (asked again:
the engine's answer cache, exact under the data stamp; b_pivot_uncached: computed every time),
(c) completeness of one quarter for the country, (d) freshness: approving one report until
(a) shows it. DuckDB computes (a) and (b) by a raw GROUP BY over the same rows for comparison.

    .venv/bin/python benchmarks/analytics.py --values 1000000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dev_analytics_bench .venv/bin/python benchmarks/analytics.py --values 10000000

The database must be a dedicated one: it is flushed. Default: an SQLite file in var/.
The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def pct(samples, p):
    s = sorted(samples)
    return round(s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))] * 1000, 1)


def timed(fn, repeat, before=None):
    """p50/p95 wall time, and this process's CPU time per call (the machine is shared: wall time
    includes waiting for a core; on PostgreSQL the server's CPU is not in it). ``before``: called
    before each call, not timed."""
    out, cpu = [], 0.0
    for _ in range(repeat):
        if before is not None:
            before()
        c, t = time.process_time(), time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
        cpu += time.process_time() - c
    return {"p50_ms": pct(out, 50), "p95_ms": pct(out, 95),
            "cpu_ms_per_call": round(cpu / repeat * 1000, 1), "loadavg_1m": round(os.getloadavg()[0], 2)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--values", type=int, default=200_000, help="about how many data values (10M: national)")
    ap.add_argument("--provinces", type=int, default=34)
    ap.add_argument("--indicators", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--chunk", type=int, default=200_000)
    ap.add_argument("--years", type=int, default=3,
                    help="years of quarters loaded, ending 2025 (30 M values: 10; the communes stop at 3,321); "
                         "give the same with --reuse")
    ap.add_argument("--sql-load", action="store_true",
                    help="PostgreSQL: generate the reports and values in SQL (INSERT … SELECT per quarter, every database "
                         "constraint checked) instead of through collection.bulk's validation: 30 M values in minutes "
                         "instead of an hour on a shared machine; the rows have the same shape, the values other randoms")
    ap.add_argument("--no-duckdb", action="store_true", help="skip the DuckDB comparison")
    ap.add_argument("--load-only", action="store_true", help="generate and load, then stop (no rebuild, no timings)")
    ap.add_argument("--reuse", action="store_true", help="keep the data a --load-only run left (same --values)")
    ap.add_argument("--no-rebuild", action="store_true",
                    help="with --reuse: the summary tables a previous run built are current (their rebuild is not timed)")
    args = ap.parse_args()
    if args.reuse and not os.environ.get("DATABASE_URL") and not (ROOT / "var" / "bench_analytics.sqlite3").exists():
        ap.error("--reuse: nothing loaded yet")
    if not os.environ.get("DATABASE_URL") and args.reuse:
        os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'bench_analytics.sqlite3'}"
    if not os.environ.get("DATABASE_URL"):
        (ROOT / "var").mkdir(exist_ok=True)
        path = ROOT / "var" / "bench_analytics.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")
    os.environ.setdefault("DEBUG", "0")  # as in production: DEBUG logs every query's SQL
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from giaoban.analytics import engine, summary
    from giaoban.collection import bulk, partitions
    from giaoban.collection.models import DataValue, Report, Target
    from giaoban.core.periods import Period
    from giaoban.org.models import Area, Indicator, Organization, Unit

    call_command("migrate", verbosity=0)
    if not args.reuse:
        call_command("flush", interactive=False, verbosity=0)
    years = list(range(2026 - args.years, 2026))
    # PostgreSQL: a partition per year of every partitioned table before the load (nothing on SQLite)
    partitions.ensure_years(years)
    orgs_spec = ["mttq", "congdoan", "phunu", "doan", "nongdan", "ccb"]
    all_quarters = [Period(y, "Q", q) for y in years for q in (1, 2, 3, 4)]
    quarters = all_quarters[-12:]  # the pivot's: 2023-Q1 … 2025-Q4 whatever was loaded
    communes = max(args.provinces, round(args.values / (len(orgs_spec) * args.indicators * len(all_quarters))))
    communes = min(communes, 3321)
    rng = random.Random(7)
    last = quarters[-1].code

    def sql_load(all_quarters, commune_units) -> int:
        """Every commune unit's report of every quarter and its values of every indicator, written by
        PostgreSQL itself (one INSERT … SELECT per quarter, in its own transaction); then the statuses
        as after the bulk path (below)."""
        from django.db import transaction

        assert connection.vendor == "postgresql", "--sql-load is for PostgreSQL"
        ids = sorted(u.pk for u in commune_units)
        n = 0
        with connection.cursor() as cur:
            cur.execute("SELECT setseed(0.7)")
        for q in all_quarters:
            with transaction.atomic(), connection.cursor() as cur:
                cur.execute(
                    "INSERT INTO collection_report (unit_id, period, status, highlights, limitations, proposals, next_tasks, "
                    "version, created_at, updated_at, returned_reason) "
                    "SELECT u, %s, 'draft', '', '', '', '', 1, now(), now(), '' FROM unnest(%s::bigint[]) u ORDER BY u",
                    [q.code, ids])
                cur.execute(
                    "INSERT INTO collection_datavalue (report_id, unit_id, indicator_id, period, value, qualifier, source, "
                    "source_detail, comment, updated_at) "
                    "SELECT r.id, r.unit_id, i.id, r.period, floor(random() * 201), 'exact', 'import', '{}'::jsonb, '', now() "
                    "FROM collection_report r CROSS JOIN org_indicator i WHERE r.period = %s ORDER BY r.unit_id, i.id",
                    [q.code])
                n += cur.rowcount
            print(f"{q.code}: {n} values, {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
        return n

    def generate(args, communes, all_quarters, rng, t0):
        orgs = [Organization.objects.create(code=c, name=c, short_name=c, sort_order=i) for i, c in enumerate(orgs_spec)]
        inds = [Indicator.objects.create(code=f"i{i:02d}", name=f"Chỉ tiêu {i}", unit_noun="lượt",
                                         time_aggregation="last" if i % 10 == 9 else "sum") for i in range(args.indicators)]
        for ind in inds:
            ind.organizations.set(orgs)
        provinces = [Area.objects.create(code=f"P{p:02d}", name=f"Tỉnh {p}", kind="tinh", level=1) for p in range(args.provinces)]
        areas = Area.objects.bulk_create([
            Area(code=f"X{c:04d}", name=f"Xã {c}", kind="xa", level=3, parent=provinces[c % args.provinces]) for c in range(communes)])
        for a in areas:  # bulk_create skips save(): set the materialized paths
            a.path = f"{a.parent.path}{a.pk}/"
        Area.objects.bulk_update(areas, ["path"], batch_size=2000)
        commune_units = []
        for org in orgs:
            tops = {p.pk: Unit.objects.create(organization=org, code=f"{org.code}-{p.code}", name=f"{org.code} {p.name}", level=1, area=p)
                    for p in provinces}
            top_by_id = {t.pk: t for t in tops.values()}
            units = Unit.objects.bulk_create([
                Unit(organization=org, code=f"{org.code}-{a.code}", name=f"{org.code} {a.name}", level=3, area=a, parent=tops[a.parent_id])
                for a in areas])
            for u in units:
                u.path = f"{top_by_id[u.parent_id].path}{u.pk}/"
            Unit.objects.bulk_update(units, ["path"], batch_size=2000)
            commune_units += units
            Target.objects.bulk_create([Target(unit=t, indicator=i, year=y, value=communes * 400)
                                        for t in tops.values() for i in inds for y in (2023, 2024, 2025)])
        # data values through the project's bulk path (validated, one transaction per chunk)
        rows, n_values = [], 0
        if args.sql_load:
            n_values, all_quarters = sql_load(all_quarters, commune_units), []

        def flush():
            nonlocal rows, n_values
            result = bulk.write_values(rows, source="import")
            assert result.ok, result.problems[:3]
            n_values += len(rows)
            rows = []

        for q in all_quarters:
            for u in commune_units:
                for ind in inds:
                    rows.append((u.pk, ind.pk, q.code, str(rng.randint(0, 200)), "", n_values + len(rows)))
                if len(rows) >= args.chunk:
                    flush()
        if rows:
            flush()
        load_s = time.perf_counter() - t0
        # everything approved but the last quarter, where one report in ten is still submitted
        Report.objects.exclude(period=last).update(status="approved")
        Report.objects.filter(period=last).update(status="approved")
        pending = list(Report.objects.filter(period=last).order_by("pk").values_list("pk", flat=True)[::10])
        Report.objects.filter(pk__in=pending).update(status="submitted")
        return orgs, inds, provinces, commune_units, n_values, load_s

    t0 = time.perf_counter()
    if args.reuse:
        orgs = list(Organization.objects.order_by("sort_order"))
        inds = list(Indicator.objects.order_by("code"))
        provinces = list(Area.objects.filter(level=1).order_by("code"))
        commune_units = list(Unit.objects.filter(level=3).only("pk"))
        communes = Area.objects.filter(level=3).count()
        n_values = DataValue.objects.count()
        load_s = None
    else:
        orgs, inds, provinces, commune_units, n_values, load_s = generate(args, communes, all_quarters, rng, t0)
    if args.load_only:
        print(json.dumps({"loaded": n_values, "load_s": load_s}))
        return
    t = time.perf_counter()
    if args.reuse and args.no_rebuild:
        from giaoban.analytics.models import Fact

        facts, rebuild_s = Fact.objects.count(), None
    else:
        facts = summary.rebuild()
        rebuild_s = time.perf_counter() - t
    with connection.cursor() as cur:
        # PostgreSQL: VACUUM too (docs/scaling.md: after bulk loads), so the visibility map lets
        # index-only scans skip the heap; SQLite: the planner's statistics
        cur.execute("VACUUM ANALYZE analytics_fact, analytics_facttotal" if connection.vendor == "postgresql" else "ANALYZE")
        if connection.vendor == "postgresql":
            cur.execute("ANALYZE")

    province = provinces[0]
    nine = Period(2025, "9M")
    ind0 = inds[0]
    prov_nodes = [(p.code, engine.Node.of(p)) for p in provinces]

    def dash():
        return engine.dashboard(nine, province)

    def national_pivot():
        return engine.compute(prov_nodes, [ind0], quarters, by_org=True)

    def headline(d):
        return [(b["org"].code, r.indicator, r.value, r.reporting_units) for b in d["organizations"] for _, r in b["rows"]]

    def compl():
        return engine.completeness(last)

    from giaoban.analytics.engine import computing

    results = {"a_dashboard": timed(dash, args.repeat), "b_pivot": timed(national_pivot, args.repeat),
               "c_completeness": timed(compl, args.repeat)}
    # (b) without the engine's answer cache (the first pivot after an approval pays this)
    computing.USE_RESULT_CACHE = False
    results["b_pivot_uncached"] = timed(national_pivot, args.repeat)
    # ... and with no packed row's cells kept either (a process's first pivot)
    results["b_pivot_cold"] = timed(national_pivot, args.repeat, before=computing._packed_memo.clear)
    computing.USE_RESULT_CACHE = True
    # (b) the first pivot after an approval, as a page asks for it (the answer cache on): a report of
    # another province each time returned then approved again (the workflow's saves: the summary
    # refreshed, the data stamp renewed), a pivot after the return (not timed), the pivot after the
    # approval timed; the packed rows the saves rewrote are made again, the others' cells kept
    after, after_cpu = [], 0.0
    q3 = Period(2025, "Q", 3).code
    for i in range(args.repeat):
        report = Report.objects.filter(period=q3, status="approved", unit__area__parent=provinces[i % len(provinces)],
                                       unit__organization=orgs[i % len(orgs)]).order_by("pk").first()
        report.status = "returned"
        report.save()
        national_pivot()
        report.status = "approved"
        report.save()
        cpu, t = time.process_time(), time.perf_counter()
        national_pivot()
        after.append(time.perf_counter() - t)
        after_cpu += time.process_time() - cpu
    results["b_pivot_after_approval"] = {"p50_ms": pct(after, 50), "p95_ms": pct(after, 95),
                                         "cpu_ms_per_call": round(after_cpu / args.repeat * 1000, 1),
                                         "loadavg_1m": round(os.getloadavg()[0], 2)}
    # (d) freshness: approve one submitted Q3 report of the province, time until (a) shows it
    fresh = []
    candidates = list(Report.objects.filter(period=q3, unit__area__parent=province, unit__organization=orgs[0])[: args.repeat])
    for report in candidates:
        Report.objects.filter(pk=report.pk).update(status="submitted")
        summary.refresh_for_report(report)
        before = headline(dash())
        t = time.perf_counter()
        report.status = "approved"
        report.save()  # the workflow's save: the signal refreshes the summary
        after = headline(dash())
        fresh.append(time.perf_counter() - t)
        assert after != before, "the approved figure is not on the dashboard"
    results["d_freshness"] = {"p50_ms": pct(fresh, 50), "p95_ms": pct(fresh, 95)} if fresh else None
    # DuckDB: the same rows, raw GROUP BY
    duck = None
    try:
        import duckdb
    except ImportError:
        duck = "duckdb not installed (pip install -e .[bench])"
    if args.no_duckdb:
        duck = "skipped (--no-duckdb)"
    if duck is None:
        con = duckdb.connect()
        con.execute("CREATE TABLE v (province INTEGER, org INTEGER, indicator INTEGER, period VARCHAR, approved BOOLEAN, value DOUBLE)")
        import csv
        import tempfile

        with tempfile.NamedTemporaryFile("w", suffix=".csv", newline="", delete=False) as f, connection.cursor() as cur:
            cur.execute("SELECT area_l1, org_id, indicator_id, period, approved, value, unit_id FROM analytics_fact")
            writer = csv.writer(f)
            while chunk := cur.fetchmany(200_000):
                writer.writerows((a, o, i, p, "true" if ap_ else "false", v, u) for a, o, i, p, ap_, v, u in chunk)
        # DuckDB's time depends on how the rows are laid out (it compresses and skips clustered
        # columns): the same rows are timed in arrival order (a quarter at a time, unit by unit),
        # whatever order the database returned them in, and clustered for the query (by province
        # for (a), by indicator for (b): DuckDB's best case). The ratios are against the faster.
        cols = "{'a':'INTEGER','o':'INTEGER','i':'INTEGER','p':'VARCHAR','ap':'BOOLEAN','v':'DOUBLE','u':'BIGINT'}"
        con.execute(f"INSERT INTO v SELECT a, o, i, p, ap, v FROM read_csv('{f.name}', header=false, columns={cols}) ORDER BY p, u, i")
        os.unlink(f.name)
        con.execute("CREATE TABLE va AS SELECT * FROM v ORDER BY province, period")
        con.execute("CREATE TABLE vb AS SELECT * FROM v ORDER BY indicator, province")
        qs_now = ",".join(f"'{q.code}'" for q in nine.quarters())
        qs_last = ",".join(f"'{q.code}'" for q in nine.same_period_last_year().quarters())
        qs_pivot = ",".join(f"'{q.code}'" for q in quarters)

        def duck_a(table):
            return timed(lambda: con.execute(
                f"SELECT org, indicator, period, sum(value) FROM {table} WHERE province = {province.pk} AND approved "
                f"AND period IN ({qs_now},{qs_last}) GROUP BY ALL").fetchall(), args.repeat)

        def duck_b(table):
            return timed(lambda: con.execute(
                f"SELECT province, org, period, sum(value) FROM {table} WHERE indicator = {ind0.pk} AND approved "
                f"AND period IN ({qs_pivot}) GROUP BY ALL").fetchall(),
                args.repeat)

        da, da_c, db_, db_c = duck_a("v"), duck_a("va"), duck_b("v"), duck_b("vb")
        best_a, best_b = min(da["p50_ms"], da_c["p50_ms"]), min(db_["p50_ms"], db_c["p50_ms"])
        best_b95 = min(db_["p95_ms"], db_c["p95_ms"])
        duck = {"a_dashboard": da, "a_dashboard_clustered": da_c, "b_pivot": db_, "b_pivot_clustered": db_c,
                "ratio_a": round(results["a_dashboard"]["p50_ms"] / max(best_a, 0.01), 1),
                # ratio_b: the pivot asked again (the engine's answer cache); the honest one is
                # ratio_b_uncached, the pivot computed afresh (the first after an approval), p50 and p95
                "ratio_b": round(results["b_pivot"]["p50_ms"] / max(best_b, 0.01), 1),
                "ratio_b_uncached": round(results["b_pivot_uncached"]["p50_ms"] / max(best_b, 0.01), 2),
                "ratio_b_uncached_p95": round(results["b_pivot_uncached"]["p95_ms"] / max(best_b95, 0.01), 2),
                # the pivot a page asks for first after an approval (answer cache missed, packed rows
                # rewritten by the approval made again), and a process's first (nothing kept)
                "ratio_b_after_approval": round(results["b_pivot_after_approval"]["p50_ms"] / max(best_b, 0.01), 2),
                "ratio_b_after_approval_p95": round(results["b_pivot_after_approval"]["p95_ms"] / max(best_b95, 0.01), 2),
                "ratio_b_cold": round(results["b_pivot_cold"]["p50_ms"] / max(best_b, 0.01), 2)}
    out = {"benchmark": "analytics", "database": connection.vendor, "values": n_values, "facts": facts,
           "communes": communes, "units": len(commune_units) + len(orgs) * len(provinces),
           "load_s": round(load_s, 1) if load_s is not None else "reused", "rebuild_s": round(rebuild_s, 1) if rebuild_s is not None else "not rebuilt", **results, "duckdb": duck,
           "cpu_s": round(time.process_time(), 1), "loadavg": [round(x, 2) for x in os.getloadavg()]}
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()

"""Where the time of each page of the load mix goes: queries, database time and CPU time per page,
in one process with Django's test client (no HTTP, no other threads), so the figures hold on a
busy machine better than a load test's latencies.

    .venv/bin/python benchmarks/pages.py [--rounds 5] [--database-url URL] [--top 0]

Without --database-url it reads var/bench/load.sqlite3 (made by benchmarks/load.py). Each demo
account of the load mix opens every page of the mix (benchmarks/load.py's PAGE_NAMES), its report
entry pages and saves one figure through the autosave endpoint, --rounds times. Per page: the
number of queries (max over accounts), the median database time and CPU time (time.thread_time)
per request, and the Python function calls per request (counted by cProfile in a first round of
its own after a warm-up round: a measure of the work that does not move with the machine's load, as CPU time does).
--top N prints the N most frequent statements of each page (to find per-row queries).
--explain (PostgreSQL): each SELECT of a timed round is run again under EXPLAIN (ANALYZE, SUMMARY):
the database's planning and execution time per request of each page, which a prepared statement
(planned once per connection) would save and would not.
The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from load import ENTRY_ACCOUNTS, ENTRY_LINK, PAGE_NAMES, VIEW_ACCOUNTS  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"))
    ap.add_argument("--top", type=int, default=0)
    ap.add_argument("--explain", action="store_true", help="PostgreSQL: planning and execution time per page")
    args = ap.parse_args(argv)
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{ROOT / 'var' / 'bench' / 'load.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("LOG_LEVEL", "ERROR")

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.urls import NoReverseMatch, reverse

    from django.core.management import call_command

    call_command("migrate", verbosity=0)  # the benchmark database may predate the code's last migration
    setup_test_environment()  # lets the test client run against this database
    import giaoban.wsgi  # noqa: F401  (the server's start-up: views loaded, heap frozen)

    pages = []
    for name in PAGE_NAMES:
        try:
            pages.append(reverse(name))
        except NoReverseMatch:
            pass
    User = get_user_model()
    queries: dict[str, list[int]] = defaultdict(list)
    db_ms: dict[str, list[float]] = defaultdict(list)
    cpu_ms: dict[str, list[float]] = defaultdict(list)
    calls: dict[str, list[int]] = defaultdict(list)
    phase = ["warm"]  # a round to warm the templates and caches, a round counting calls, then timing
    statements: dict[str, Counter] = defaultdict(Counter)
    plan_ms: dict[str, list[float]] = defaultdict(list)
    run_ms: dict[str, list[float]] = defaultdict(list)

    def explain(label, captured):
        planning = executing = 0.0
        with connection.cursor() as cursor:
            for q in captured:
                if not q["sql"].lstrip().upper().startswith("SELECT") or " FOR UPDATE" in q["sql"]:
                    continue
                cursor.execute("EXPLAIN (ANALYZE, TIMING OFF, SUMMARY) " + q["sql"])
                text = "\n".join(row[0] for row in cursor.fetchall())
                planning += float(re.search(r"Planning Time: ([0-9.]+)", text).group(1))
                executing += float(re.search(r"Execution Time: ([0-9.]+)", text).group(1))
        plan_ms[label].append(planning)
        run_ms[label].append(executing)

    def measure(label, client, method, url, **kw):
        if phase[0] == "warm":
            return getattr(client, method)(url, **kw)
        if phase[0] == "count":
            profile = cProfile.Profile()
            profile.enable()
            response = getattr(client, method)(url, **kw)
            profile.disable()
            calls[label].append(sum(row[1] for row in profile.getstats()))
            return response
        with CaptureQueriesContext(connection) as ctx:
            cpu = time.thread_time()
            response = getattr(client, method)(url, **kw)
            cpu = time.thread_time() - cpu
        queries[label].append(len(ctx.captured_queries))
        db_ms[label].append(sum(float(q["time"]) for q in ctx.captured_queries) * 1000)
        cpu_ms[label].append(cpu * 1000)
        if args.explain and connection.vendor == "postgresql":
            explain(label, ctx.captured_queries)
        if args.top:
            statements[label].update(re.sub(r"\b\d+\b|'[^']*'", "?", q["sql"])[:160] for q in ctx.captured_queries)
        if response.status_code >= 500:
            raise SystemExit(f"{label} {url}: HTTP {response.status_code}")
        return response

    accounts = ENTRY_ACCOUNTS + VIEW_ACCOUNTS
    clients = {}
    for username in accounts:
        client = Client()
        client.force_login(User.objects.get(username=username))
        clients[username] = client
    def backend_cpu() -> float | None:
        """CPU seconds used so far by this process's PostgreSQL backend (same machine; Linux /proc)."""
        if connection.vendor != "postgresql":
            return None
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    database_cpu = None
    for round_ in range(args.rounds + 2):
        phase[0] = "warm" if round_ == 0 else "count" if round_ == 1 else "time"
        if round_ == 2 and not args.explain:
            database_cpu = backend_cpu()
        for username in accounts:
            client = clients[username]
            for page in pages:
                r = measure(page, client, "get", page)
                if username in ENTRY_ACCOUNTS and page.endswith("/bao-cao/") and r.status_code == 200:
                    for url in sorted({m.group(1) for m in ENTRY_LINK.finditer(r.content.decode())})[-2:]:
                        r = measure("entry", client, "get", url)
                        text = r.content.decode()
                        version = re.search(r'name="version"\s+value="(\d+)"', text)
                        fields = re.findall(r'name="(v-[a-z0-9_]+)"', text)
                        if version and fields:
                            measure("autosave", client, "post", url + "tu-dong-luu/",
                                    data={"version": version.group(1), fields[0]: str(int(time.time()) % 500)})

    rows = {}
    for label in queries:
        rows[label] = {"requests": len(queries[label]), "queries_max": max(queries[label]),
                       "queries_mean": round(statistics.fmean(queries[label]), 1),
                       "db_ms_median": round(statistics.median(db_ms[label]), 2),
                       "cpu_ms_median": round(statistics.median(cpu_ms[label]), 2),
                       "cpu_ms_mean": round(statistics.fmean(cpu_ms[label]), 2),
                       "python_calls_mean": round(statistics.fmean(calls[label])) if calls[label] else None}
        if plan_ms[label]:
            rows[label]["planning_ms_mean"] = round(statistics.fmean(plan_ms[label]), 2)
            rows[label]["execution_ms_mean"] = round(statistics.fmean(run_ms[label]), 2)
    print(f"{'page':32} {'n':>4} {'q max':>6} {'q mean':>7} {'db ms':>7} {'cpu ms':>7} {'py calls':>9}")
    for label, row in rows.items():
        print(f"{label:32} {row['requests']:>4} {row['queries_max']:>6} {row['queries_mean']:>7} "
              f"{row['db_ms_median']:>7} {row['cpu_ms_median']:>7} {row['python_calls_mean']:>9}"
              + (f"  planning {row['planning_ms_mean']} ms, execution {row['execution_ms_mean']} ms"
                 if "planning_ms_mean" in row else ""))
        for sql, n in statements[label].most_common(args.top):
            print(f"    {n / len(queries[label]):6.1f}×  {sql}")
    database_after = backend_cpu() if database_cpu is not None else None
    if database_cpu is not None and database_after is not None:
        database_cpu = (database_after - database_cpu) * 1000 / sum(len(v) for v in cpu_ms.values())
    every = [x for v in cpu_ms.values() for x in v]
    every_calls = [x for v in calls.values() for x in v]
    print(json.dumps({"benchmark": "pages", "database": connection.vendor, "rounds": args.rounds,
                      "cpu_ms_mean_all": round(statistics.fmean(every), 2),
                      "python_calls_mean_all": round(statistics.fmean(every_calls)),
                      # PostgreSQL's backend for the timed rounds (None for SQLite or another machine)
                      "database_cpu_ms_per_request": round(database_cpu, 2) if database_cpu is not None else None,
                      "load_average_1min": round(os.getloadavg()[0], 1), "pages": rows}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

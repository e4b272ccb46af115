"""How long a fresh install takes to get its demo data: `giaoban migrate` then `giaoban demo` on an
empty database (the part of `make run` after the packages are installed), on SQLite and, when
DATABASE_URL names a PostgreSQL server, on a fresh database `bench_demo_load` there.

    .venv/bin/python benchmarks/demo_load.py [--until 2026-Q3]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python benchmarks/demo_load.py

Prints one line per database, the tree at the end of the last quarter (areas per level, units
per organization and level), and one JSON object on the last line.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GIAOBAN = str(Path(sys.executable).with_name("giaoban"))
PG_NAME = "bench_demo_load"


def run(env: dict, until: str) -> dict:
    t0 = time.perf_counter()
    subprocess.run([GIAOBAN, "migrate", "--noinput", "-v", "0"], env=env, check=True)
    t1 = time.perf_counter()
    out = subprocess.run([GIAOBAN, "demo", "--until", until, "--format", "json"], env=env, check=True,
                         capture_output=True, text=True).stdout
    t2 = time.perf_counter()
    summary = json.loads(out)
    return {"migrate_s": round(t1 - t0, 1), "demo_s": round(t2 - t1, 1), "values": summary.get("data_values"),
            "reports": summary.get("reports"), "load_avg_1m": round(os.getloadavg()[0], 1)}


# The tree the demo stands on at the end of its last quarter: areas per level, units per organization
# and level, and the units serving several areas (the closing note of issue 17 quotes it).
TREE = """
import json
from django.db.models import Count
from giaoban.core.periods import Period
from giaoban.org.models import Area, Unit
day = Period.parse(UNTIL).end
areas = Area.objects.valid_on(day).values_list("level").annotate(n=Count("id"))
units = {}
for org, level, n in Unit.objects.valid_on(day).values_list("organization__code", "level").annotate(n=Count("id")):
    units.setdefault(org, {})[level] = n
several = Unit.objects.valid_on(day).annotate(k=Count("served_areas")).filter(k__gt=1).count()
print(json.dumps({"date": day.isoformat(), "areas_by_level": dict(areas), "units_by_org_and_level": units,
                  "units_serving_several_areas": several}))
"""


def tree(env: dict, until: str) -> dict:
    out = subprocess.run([GIAOBAN, "shell", "-c", TREE.replace("UNTIL", repr(until))], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--until", default="2026-Q3", help="the demo's last quarter (pinned: comparable runs)")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="giaoban-demo-") as tmp:
        env = dict(os.environ, GIAOBAN_VAR_DIR=tmp)
        env.pop("DATABASE_URL", None)
        results["sqlite"] = run(env, args.until)
        print(f"SQLite:     {results['sqlite']}", flush=True)
        results["tree"] = tree(env, args.until)
        print(f"Tree:       {results['tree']}", flush=True)
        base = os.environ.get("DATABASE_URL", "")
        if base.startswith("postgres"):
            import psycopg

            server = base.rpartition("/")[0]
            with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")
                conn.execute(f"CREATE DATABASE {PG_NAME}")
            results["postgresql"] = run(dict(env, DATABASE_URL=f"{server}/{PG_NAME}"), args.until)
            print(f"PostgreSQL: {results['postgresql']}", flush=True)
    print(json.dumps({"benchmark": "demo_load", "until": args.until, **results}))


if __name__ == "__main__":
    main()

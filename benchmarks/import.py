"""Bulk import speed: a DHIS2 dataValueSets file through the project's import path, against the
plainest load of the same rows, on SQLite and (when DATABASE_URL is set) PostgreSQL.

    .venv/bin/python benchmarks/import.py [--values 1000000] [--sqlite-only]
    .venv/bin/python benchmarks/import.py --values 200000   # a quicker run (profiling)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x .venv/bin/python benchmarks/import.py --postgres-only

For each database it makes a fresh one (SQLite: a file in a temp dir; PostgreSQL: the database
`bench_api_import` on DATABASE_URL's server, dropped and re-created), migrates, creates one
organization with units × indicators, writes a dataValueSets JSON file of --values values,
then times:
- import: `giaoban.dhis2.service.import_data_value_set` on the file's bytes — reading the JSON,
  code mapping, full validation, report creation, the merge, the audit entry;
- plain: the same rows, already in memory as tuples, loaded into the empty data-value table with
  executemany (SQLite) or COPY (PostgreSQL), in one transaction, no validation; on PostgreSQL
  the checks still deferred after the COPY are timed on their own (`plain_foreign_key_checks_s`:
  since collection/0008 the data values' key checks run at the end of the COPY statement, so
  this is ~0 and the COPY's time includes them).
Prints one line per database and one JSON object on the last line, with the client process's CPU
seconds for each load, the database process's (PostgreSQL on this machine) and the load average
(the machine may be shared: wall-clock rates move with it, CPU seconds much less).
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

ROOT = Path(__file__).resolve().parent.parent
PG_NAME = "bench_api_import"


def child(n_values: int, workdir: Path) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from giaoban.collection.models import DataValue, Report
    from giaoban.core.periods import Period
    from giaoban.dhis2.format import to_dhis2_period
    from giaoban.dhis2.service import import_data_value_set
    from giaoban.org.models import Indicator, Organization, Unit

    call_command("migrate", verbosity=0)

    def server_cpu() -> float | None:
        """CPU seconds of this connection's database process so far (PostgreSQL on this machine):
        the database's share of the work, which a shared machine's load does not inflate."""
        if connection.vendor != "postgresql":
            return None
        try:
            with open(f"/proc/{connection.connection.info.backend_pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:  # the server on another machine
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    n_ind, n_per = 50, 20
    n_units = max(1, -(-n_values // (n_ind * n_per)))
    org = Organization.objects.create(code="bench", name="Tổ chức thử", short_name="Thử")
    top = Unit.objects.create(organization=org, code="bench-0", name="Đơn vị tỉnh", level=Unit.Level.PROVINCE)
    Unit.objects.bulk_create(
        [Unit(organization=org, code=f"bench-{i}", name=f"Đơn vị {i}", level=Unit.Level.COMMUNE, parent=top, path="")
         for i in range(1, n_units + 1)],
        batch_size=2000,
    )
    Indicator.objects.bulk_create(
        [Indicator(code=f"chi_tieu_{i:02d}", name=f"Chỉ tiêu {i}", unit_noun="lượt") for i in range(n_ind)]
    )
    Indicator.organizations.through.objects.bulk_create(
        [Indicator.organizations.through(indicator_id=i.pk, organization_id=org.pk) for i in Indicator.objects.all()]
    )
    periods = [Period(2020 + q // 4, "Q", q % 4 + 1) for q in range(n_per)]
    units = list(Unit.objects.filter(level=Unit.Level.COMMUNE).order_by("pk").values_list("pk", "code"))
    ind_codes = list(Indicator.objects.order_by("pk").values_list("pk", "code"))

    # the file
    path = workdir / "values.json"
    rows = []  # (unit_id, indicator_id, period, value) for the plain load
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"dataValues": [\n')
        count = 0
        for p in periods:
            dp = to_dhis2_period(p)
            for uid, ucode in units:
                for iid, icode in ind_codes:
                    if count == n_values:
                        break
                    value = (uid * 7 + iid * 13 + p.index) % 1000
                    f.write(("" if count == 0 else ",\n")
                            + f'{{"dataElement":"{icode}","period":"{dp}","orgUnit":"{ucode}","value":"{value}"}}')
                    rows.append((uid, iid, p.code, value))
                    count += 1
        f.write("\n]}\n")
    size_mb = path.stat().st_size / 1e6

    # plain load (needs the reports its rows point to)
    pairs = sorted({(r[0], r[2]) for r in rows})
    Report.objects.bulk_create([Report(unit_id=u, period=p) for u, p in pairs], batch_size=5000)
    report_ids = {(r.unit_id, r.period): r.pk for r in Report.objects.all()}
    now = timezone.now()
    plain_rows = [(report_ids[u, p], u, i, p, v, "exact", "import", "{}", "", now, None) for u, i, p, v in rows]
    dv = DataValue._meta.db_table
    cols = "report_id, unit_id, indicator_id, period, value, qualifier, source, source_detail, comment, updated_at, updated_by_id"
    connection.ensure_connection()
    t0, c0, s0 = time.perf_counter(), time.process_time(), server_cpu()
    fk_s = None
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {dv} ({cols}) FROM STDIN") as copy:
                for r in plain_rows:
                    copy.write_row(r)
            # the foreign-key checks, deferred to the commit, run here instead: timed on their own
            t_fk = time.perf_counter()
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            fk_s = time.perf_counter() - t_fk
        else:
            cursor.cursor.executemany(f"INSERT INTO {dv} ({cols}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                                      [r[:9] + (now.isoformat(), None) for r in plain_rows])
    plain_s, plain_cpu, plain_server = time.perf_counter() - t0, time.process_time() - c0, server_cpu()
    assert DataValue.objects.count() == len(rows)
    del plain_rows
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # emptied as the plain load found them: TRUNCATE (a DELETE leaves the indexes full of
            # dead entries that a VACUUM may not remove while another session's snapshot is open,
            # and the import would then pay for them)
            cursor.execute(f"TRUNCATE {dv}, {Report._meta.db_table} CASCADE")
            cursor.execute(f"ANALYZE {dv}")
        else:
            cursor.execute(f"DELETE FROM {dv}")
            cursor.execute(f"DELETE FROM {Report._meta.db_table}")

    # the project's import, from the file's bytes
    t0, c0, s1 = time.perf_counter(), time.process_time(), server_cpu()
    data = path.read_bytes()
    summary = import_data_value_set(data, "json", source_name=path.name)
    import_s, import_cpu, import_server = time.perf_counter() - t0, time.process_time() - c0, server_cpu()
    assert summary.status == "SUCCESS", summary.as_dict()
    assert summary.imported == len(rows), summary.as_dict()
    assert DataValue.objects.count() == len(rows)
    return {
        "database": connection.vendor,
        "values": len(rows),
        "file_mb": round(size_mb, 1),
        "import_s": round(import_s, 2),
        "import_values_per_s": round(len(rows) / import_s),
        "plain_s": round(plain_s, 2),
        "plain_values_per_s": round(len(rows) / plain_s),
        "plain_foreign_key_checks_s": round(fk_s, 2) if fk_s is not None else None,  # PostgreSQL: part of plain_s
        "ratio_to_plain": round(plain_s / import_s, 2),
        # The machine is shared: this process's CPU time (not the database server's) and the load.
        "import_cpu_s": round(import_cpu, 2),
        "plain_cpu_s": round(plain_cpu, 2),
        # PostgreSQL: the database process's CPU seconds for each (None if not measurable here)
        "import_server_cpu_s": round(import_server - s1, 2) if s1 is not None else None,
        "plain_server_cpu_s": round(plain_server - s0, 2) if s0 is not None else None,
        "load_avg_1m": round(os.getloadavg()[0], 1),
        "cpus": os.cpu_count(),
    }


def run_one(url: str | None, n_values: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="giaoban-bench-") as tmp:
        env = dict(os.environ, GIAOBAN_VAR_DIR=tmp)
        if url:
            env["DATABASE_URL"] = url
        else:
            env.pop("DATABASE_URL", None)
        proc = subprocess.run([sys.executable, __file__, "--child", "--values", str(n_values), "--workdir", tmp],
                              env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.stderr.write(proc.stdout + proc.stderr)
            raise SystemExit(f"benchmark failed on {'PostgreSQL' if url else 'SQLite'}")
        return json.loads(proc.stdout.strip().splitlines()[-1])


def postgres_url(base: str, name: str = PG_NAME) -> str:
    """A fresh benchmark database `name` on the server of `base` (never `base`'s own database)."""
    import psycopg

    server, _, own = base.rpartition("/")
    if name == own.split("?")[0]:
        raise SystemExit(f"--pg-database {name} is DATABASE_URL's own database: pick another name")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--values", type=int, default=1_000_000)
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--postgres-only", action="store_true", help="skip the SQLite run (DATABASE_URL must be set)")
    parser.add_argument("--pg-database", default=PG_NAME,
                        help=f"the benchmark database made (dropped first) on DATABASE_URL's server (default {PG_NAME}); "
                             "name one of your own on a shared server")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.values, Path(args.workdir))))
        return
    results = {}
    if not args.postgres_only:
        results["sqlite"] = run_one(None, args.values)
        print(f"SQLite:     {results['sqlite']}", flush=True)
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith("postgres") and not args.sqlite_only:
        url = postgres_url(base, args.pg_database)
        results["postgresql"] = run_one(url, args.values)
        print(f"PostgreSQL: {results['postgresql']}", flush=True)
    print(json.dumps({"benchmark": "import", "values": args.values, **results}))


if __name__ == "__main__":
    main()

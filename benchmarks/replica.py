"""How far behind the primary the streaming replica is, and what the router's checks cost.

    bash .ci/pg-replica ensure          # the replica on 127.0.0.1:5433
    .venv/bin/python benchmarks/replica.py --commits 300

Prints, on a scratch database made on the primary (and dropped after):
* visibility: for each of --commits small commits (one row, 20 ms apart), the time from the
  commit's return on the primary until a query on the replica sees the row (polled every 0.5 ms),
  p50 / p95 / p99 / max;
* the router's own questions (giaoban/web/replica.py): the primary's WAL insert position and the
  replica's replay position, mean round trip each (a process asks them at most every 0.1-0.2 s);
* the machine's load average, which these figures move with.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import psycopg


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--primary", default="host=127.0.0.1 port=5432 user=postgres")
    ap.add_argument("--replica", default="host=127.0.0.1 port=5433 user=postgres")
    ap.add_argument("--commits", type=int, default=300)
    ap.add_argument("--database", default="bench_replica_lag")
    args = ap.parse_args()

    with psycopg.connect(f"{args.primary} dbname=postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{args.database}"')
        admin.execute(f'CREATE DATABASE "{args.database}"')
    try:
        primary = psycopg.connect(f"{args.primary} dbname={args.database}", autocommit=True)
        primary.execute("CREATE TABLE t (id int PRIMARY KEY, at timestamptz DEFAULT now())")
        deadline = time.monotonic() + 60
        while True:  # the new database reaches the replica by replication
            try:
                replica = psycopg.connect(f"{args.replica} dbname={args.database}", autocommit=True)
                replica.execute("SELECT 1 FROM t LIMIT 1")
                break
            except psycopg.Error:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        lags = []
        for i in range(1, args.commits + 1):
            primary.execute("INSERT INTO t (id) VALUES (%s)", (i,))
            committed = time.perf_counter()
            while replica.execute("SELECT 1 FROM t WHERE id = %s", (i,)).fetchone() is None:
                time.sleep(0.0005)
                if time.perf_counter() - committed > 30:
                    raise SystemExit(f"commit {i} not on the replica after 30 s")
            lags.append((time.perf_counter() - committed) * 1000)
            time.sleep(0.02)
        rtt_primary, rtt_replica = [], []
        for _ in range(200):
            start = time.perf_counter()
            primary.execute("SELECT pg_current_wal_insert_lsn()").fetchone()
            rtt_primary.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            replica.execute("SELECT pg_last_wal_replay_lsn()").fetchone()
            rtt_replica.append((time.perf_counter() - start) * 1000)
        primary.close()
        replica.close()
    finally:
        with psycopg.connect(f"{args.primary} dbname=postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{args.database}"')
    print(f"commit on the primary -> visible on the replica, {len(lags)} commits: "
          f"p50 {pct(lags, 50):.1f} / p95 {pct(lags, 95):.1f} / p99 {pct(lags, 99):.1f} / max {max(lags):.1f} ms")
    print(f"router's questions: primary's WAL position {statistics.mean(rtt_primary):.2f} ms, "
          f"replica's replay position {statistics.mean(rtt_replica):.2f} ms (mean round trip)")
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

"""Time to build the whole Lai Châu quarterly report as .docx.

1. From the synthetic model of giaoban.docwriter.synthetic (six organizations, 46 indicators,
   38 communes' narratives, one trend chart per organization): the writer alone. Goal: under 3 seconds.
2. With --database (a DATABASE_URL or an SQLite file; or $GIAOBAN_BENCH_DATABASE) holding the
   demo data (`giaoban demo`): end to end, `build_report_model` (every figure through the
   analytics engine) + the .docx, for Lai Châu (area 12) 2023-Q3.

Wall time on this shared machine depends on the load; the process CPU time and the load
average are printed next to it. The last line printed is one JSON object.
Run: .venv/bin/python benchmarks/report_docx.py [--repeat N] [--database URL|FILE]
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from giaoban.docwriter.docx import write_report_docx  # noqa: E402
from giaoban.docwriter.synthetic import build_synthetic_model  # noqa: E402


def _timed(fn, repeat: int):
    wall, cpu, result = [], [], None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)  # this process's CPU: robust on a shared machine
    return wall, cpu, result


def synthetic(repeat: int) -> dict:
    write_report_docx(build_synthetic_model(), charts=False)  # warm caches: fonts, templates
    models = [build_synthetic_model() for _ in range(repeat)]
    wall, cpu, data = _timed(lambda: write_report_docx(models.pop()), repeat)
    model = build_synthetic_model()
    start = time.perf_counter()
    write_report_docx(model, charts=False)
    without_charts = time.perf_counter() - start
    return {
        "organizations": len(model.sections),
        "indicators": sum(len(s.rows) for s in model.sections),
        "narratives": len(model.narratives),
        "communes": len({n.unit_name.split(" ", 2)[-1] for n in model.narratives}),
        "charts": len(model.sections),
        "seconds_median": round(statistics.median(wall), 3),
        "seconds_min": round(min(wall), 3),
        "cpu_seconds_median": round(statistics.median(cpu), 3),
        "seconds_without_charts": round(without_charts, 3),
        "bytes": len(data),
    }


def from_database(database: str, repeat: int) -> dict:
    import datetime as dt

    if "://" not in database:
        database = f"sqlite:///{Path(database).resolve()}"
    os.environ["DATABASE_URL"] = database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")
    import django

    django.setup()
    from django.db import connection

    from giaoban.documents.gather import build_report_model

    def build_model():
        # As the Word download builds it: the per-area tables are for the workbook only.
        return build_report_model("2023-Q3", "12", report_date=dt.date(2023, 10, 5), area_tables=False)

    build_model()  # warm: the engine's summary table, Django's query compilation
    m_wall, m_cpu, model = _timed(build_model, repeat)
    d_wall, d_cpu, data = _timed(lambda: write_report_docx(model), repeat)
    total = [a + b for a, b in zip(m_wall, d_wall)]
    total_cpu = [a + b for a, b in zip(m_cpu, d_cpu)]
    return {
        "database": connection.vendor,
        "organizations": len(model.sections),
        "indicators": sum(len(s.rows) for s in model.sections),
        "narratives": len(model.narratives),
        "previous_tasks": len(model.previous_tasks),
        "model_seconds_median": round(statistics.median(m_wall), 3),
        "model_cpu_seconds_median": round(statistics.median(m_cpu), 3),
        "docx_seconds_median": round(statistics.median(d_wall), 3),
        "docx_cpu_seconds_median": round(statistics.median(d_cpu), 3),
        "seconds_median": round(statistics.median(total), 3),
        "cpu_seconds_median": round(statistics.median(total_cpu), 3),
        "bytes": len(data),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database", default=os.environ.get("GIAOBAN_BENCH_DATABASE"),
                        help="DATABASE_URL or SQLite file with the demo data, for the end-to-end figure")
    args = parser.parse_args()
    out = {"benchmark": "report_docx", "goal_seconds": 3.0, "synthetic": synthetic(args.repeat)}
    out["ok"] = out["synthetic"]["seconds_median"] < 3.0
    if args.database:
        out["end_to_end"] = from_database(args.database, args.repeat)
        out["end_to_end"]["ok"] = out["end_to_end"]["seconds_median"] < 3.0
    out["load_average_1min"] = round(os.getloadavg()[0], 2)
    out["cpus"] = os.cpu_count()
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()

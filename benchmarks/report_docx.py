"""Time to build the whole Lai Châu quarterly report as .docx.

Six organizations, 45 indicators, 38 communes' narratives, 12 charts (PNG), from the synthetic
model of giaoban.reports.synthetic. Goal: under 3 seconds. The last line printed is one JSON
object. Run: .venv/bin/python benchmarks/report_docx.py [--repeat N] [--chart-workers N]
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from giaoban.reports.docx import write_report_docx  # noqa: E402
from giaoban.reports.synthetic import build_synthetic_model  # noqa: E402
from giaoban.reports import charts  # noqa: E402,F401  (matplotlib import is not the report's cost)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chart-workers", type=int, default=1)
    args = parser.parse_args()
    model = build_synthetic_model()
    write_report_docx(build_synthetic_model(), charts=False)  # warm caches: fonts, templates
    times, cpu, size = [], [], 0
    for _ in range(args.repeat):
        model = build_synthetic_model()
        start, start_cpu = time.perf_counter(), time.process_time()
        data = write_report_docx(model, chart_workers=args.chart_workers)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)  # this process's CPU: robust on a shared machine
        size = len(data)
    start = time.perf_counter()
    write_report_docx(build_synthetic_model(), charts=False)
    without_charts = time.perf_counter() - start
    indicators = sum(len(s.rows) for s in model.sections)
    print(json.dumps({
        "benchmark": "report_docx",
        "organizations": len(model.sections),
        "indicators": indicators,
        "narratives": len(model.narratives),
        "communes": len({n.unit_name.split(" ", 2)[-1] for n in model.narratives}),
        "charts": 2 * len(model.sections),
        "seconds_median": round(statistics.median(times), 3),
        "seconds_min": round(min(times), 3),
        "cpu_seconds_median": round(statistics.median(cpu), 3),
        "seconds_without_charts": round(without_charts, 3),
        "load_average_1min": round(__import__("os").getloadavg()[0], 2),
        "bytes": size,
        "goal_seconds": 3.0,
        "ok": statistics.median(times) < 3.0,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()

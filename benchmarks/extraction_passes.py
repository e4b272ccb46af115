"""Passes of the extraction engine over the texts `benchmarks/extraction.py` times, for counting
instructions (issue #15): on a shared machine CPU time moves with the load, instruction counts
hardly do. One warm pass, then N passes inside ``functools.reduce`` (called nowhere in the
engine), so that callgrind collects only those:

    PYTHONHASHSEED=0 valgrind --tool=callgrind --collect-atstart=no --toggle-collect=functools_reduce \\
        --callgrind-out-file=/tmp/cg.out .venv/bin/python benchmarks/extraction_passes.py 2
    # 'Collected : X' / 2 = instructions per pass (about 4.8e9 for the 570 texts of 2026-12-06 evening,
    # the shared seed included with GIAOBAN_SHARED=/work/shared; 2.6e9 for the 426 texts of that morning)

Without valgrind it prints the CPU time of the N passes. ``--engine DIR`` (as in extraction.py) counts another
checkout's engine on this checkout's texts.
"""

from __future__ import annotations

import functools
import sys
import time

from extraction import extract_text, timed_texts


def main(argv: list[str]) -> int:
    n = next((int(a) for a in argv if a.isdigit()), 2)
    corpus = timed_texts()
    for t in corpus:
        extract_text(t)  # warm: compiled patterns, caches
    cpu = time.process_time()
    functools.reduce(lambda acc, t: extract_text(t) and acc, corpus * n, 0)
    cpu = time.process_time() - cpu
    print(f"{len(corpus)} texts, {sum(map(len, corpus))} characters, {n} passes: {cpu / n * 1000:.1f} ms CPU a pass")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

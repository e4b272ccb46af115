"""The extraction engine compiled with mypyc, measured as benchmarks/extraction.py measures it as
Python (issue #15: its speed against underthesea's `word_tokenize` on the same texts).

mypyc ships with mypy (a dev dependency) and compiles the engine's modules as they are written,
type annotations included, to C extensions: the same rules and the same outputs, without the
interpreter's cost per call and per attribute, where the engine spends most of its time (its
profile is flat: no scan, rule or regex takes more than a few per cent). The build is made out of
the tree, in a temporary copy of the package: a compiled module next to its .py shadows it, so a
build in the tree would keep running the engine as it was when built. Then benchmarks/extraction.py
runs on that copy with the arguments given here:

    .venv/bin/python benchmarks/extraction_compiled.py [--verbose | --set NAME ...]

Measured 2026-12-06 on main c9c753e (the 2 cores shared with other work, so read the CPU figure):
6.89 x underthesea's word_tokenize in CPU time (engine 1,287,560 chars/s) against 4.6 x for the
same engine as Python; every corpus and fixture figure the same as the Python engine's, the same
outputs on the corpus, the fixtures and 2,500 spliced texts, and tests/textfigures passing on the
compiled modules. The build takes about 4 minutes (gcc), and needs the engine to type-check
(`mypy`, as CI runs it): mypyc compiles by the types mypy infers.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The engine's modules (the meeting parser, the readers and the scorer stay Python).
MODULES = [f"giaoban/textfigures/{name}.py" for name in (
    "engine", "attribution", "figures", "catalogue", "orgs", "numbers", "normalize", "period", "sections",
    "boilerplate", "lexicon")]


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="giaoban-mypyc-") as tmp:
        work = Path(tmp)
        skip = shutil.ignore_patterns("__pycache__", "*.so")
        shutil.copytree(ROOT / "giaoban", work / "giaoban", ignore=skip)
        shutil.copytree(ROOT / "benchmarks", work / "benchmarks", ignore=skip)
        (work / "tests").symlink_to(ROOT / "tests")  # (the corpus and the fixtures, read where they are)
        print(f"compiling {len(MODULES)} modules with mypyc in {work} …", file=sys.stderr)
        # (mypyc type-checks first, as mypy does in CI: code that mypy rejects is not compiled)
        build = subprocess.run([sys.executable, "-m", "mypyc", *MODULES], cwd=work, capture_output=True, text=True)
        if build.returncode != 0 or not list((work / "giaoban" / "textfigures").glob("engine.*.so")):
            print(build.stdout[-4000:], build.stderr[-4000:], "mypyc built no engine module", sep="\n", file=sys.stderr)
            return 1
        # (benchmarks/extraction.py puts its own tree, the copy, first on the import path)
        env = dict(os.environ, PYTHONPATH=str(work))
        return subprocess.run([sys.executable, str(work / "benchmarks" / "extraction.py"), *argv],
                              cwd=work, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The engine compiled with mypyc at install (setup.py; issue 15, speed) and its guard.

- In CI the engine that runs is the compiled one: a build that silently fell back to Python fails here.
- The compiled engine gives the Python engine's outputs, text for text (a sample of the corpus's
  development part, the Python engine run in a subprocess with GIAOBAN_ENGINE=python). Without a
  compiled build (outside CI) both runs are the Python engine and must agree all the same.
- The guard of giaoban/textfigures/__init__.py: compiled modules whose sources changed since the
  build (or GIAOBAN_ENGINE=python) are not imported, all engine modules load from their .py, a
  subpackage's as well (meetings/people.py, compiled since 2026-12-07). Shown on a copy of the package
  whose "compiled modules" are files no import could load: the package imports only if the guard kept them out.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import giaoban.textfigures as textfigures
from giaoban.textfigures import extract_text
from giaoban.textfigures.scoring import split_of
from tests.conftest import IN_CI

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
PACKAGE = ROOT / "giaoban" / "textfigures"
# setup.py's list of the modules it compiles, by their names in the package ('engine', 'meetings.people')
ENGINE = tuple(".".join((ROOT / path).relative_to(PACKAGE).with_suffix("").parts) for path in re.search(
    r'^ENGINE_FILES = "(.*)"$', (ROOT / "setup.py").read_text(encoding="utf-8"), re.M).group(1).split())
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def _source(package: Path, name: str) -> Path:
    return package.joinpath(*name.split(".")[:-1], name.split(".")[-1] + ".py")


def test_setup_compiles_the_engine_modules():
    # (meetings.people: the speakers of minutes, read by attribution._with_speakers)
    assert {"engine", "attribution", "figures", "numbers", "normalize", "meetings.people"} <= set(ENGINE)
    assert all(_source(PACKAGE, name).is_file() for name in ENGINE)


def test_ci_runs_the_compiled_engine():
    """(In CI only; elsewhere the build may be absent or forced to Python.)"""
    engine = sys.modules["giaoban.textfigures.engine"]
    from giaoban.textfigures.catalogue import CATALOGUE_PATH  # (a compiled module's __file__ as its body ran)
    assert CATALOGUE_PATH.is_file()
    assert textfigures.ENGINE_BUILD == ("mypyc" if engine.__file__.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
                                        else "python")
    if IN_CI:
        assert textfigures.ENGINE_BUILD == "mypyc", "CI must test the compiled engine: did setup.py's mypyc build fail?"
        for name in ENGINE:
            assert sys.modules[f"giaoban.textfigures.{name}"].__file__.endswith(SUFFIX), name


_RUN = """
import json, sys
import giaoban.textfigures as t
print(t.ENGINE_BUILD)
for path in sys.argv[1:]:
    print(json.dumps(t.extract_text(open(path, encoding="utf-8").read()), default=str, sort_keys=True))
"""


def test_compiled_and_python_engines_give_the_same_outputs():
    paths = [p for p in sorted(CORPUS.glob("*.txt")) if split_of(p.name) == "dev"][::12]
    assert len(paths) >= 30
    env = dict(os.environ, GIAOBAN_ENGINE="python", PYTHONPATH=str(ROOT))
    run = subprocess.run([sys.executable, "-c", _RUN, *map(str, paths)], env=env, cwd=ROOT, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    build, *lines = run.stdout.splitlines()
    assert build == "python"
    assert run.stderr == ""  # (forced, not stale: no warning)
    assert len(lines) == len(paths)
    for path, line in zip(paths, lines):
        here = json.dumps(extract_text(path.read_text(encoding="utf-8")), default=str, sort_keys=True)
        assert here == line, f"{path.name}: the {textfigures.ENGINE_BUILD} engine differs from the Python engine"


def _package_copy(tmp_path: Path, *, edited: str | None, record: bool = True) -> Path:
    """giaoban (the parts textfigures imports) copied under tmp_path, with a file that no import can
    load in place of each engine module's compiled module (a subpackage's in its folder), and their
    sources' hashes recorded as setup.py records them; `edited`: the module whose source changed after that."""
    skip = shutil.ignore_patterns("__pycache__", "*.so", "*.pyd", "_compiled.json")
    dest = tmp_path / "giaoban"
    dest.mkdir()
    shutil.copy(ROOT / "giaoban" / "__init__.py", dest)
    for part in ("core", "textfigures"):
        shutil.copytree(ROOT / "giaoban" / part, dest / part, ignore=skip)
    package = dest / "textfigures"
    hashes = {}
    for name in ENGINE:
        source = _source(package, name)
        source.with_name(f"{source.stem}{SUFFIX}").write_bytes(b"not a shared library")
        hashes[name] = hashlib.sha256(source.read_bytes()).hexdigest()
    (tmp_path / f"0123456789abcdef0123__mypyc{SUFFIX}").write_bytes(b"not a shared library")
    if record:
        (package / "_compiled.json").write_text(json.dumps({"sources": hashes}))
    if edited:
        with open(_source(package, edited), "a", encoding="utf-8") as f:
            f.write("\n# edited after the build\n")
    return tmp_path


_IMPORT = """
import sys
import giaoban.textfigures as t
assert t.extract_text("Hội LHPN tỉnh tổ chức 558 buổi tuyên truyền.")["figures"][0]["value"] == 558
print(t.ENGINE_BUILD, sorted(n for n, m in sys.modules.items() if n.startswith("giaoban.textfigures.")
                             and not m.__file__.endswith(".py")))
"""


def _import(root: Path, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "GIAOBAN_ENGINE"}
    return subprocess.run([sys.executable, "-c", _IMPORT], env=dict(environ, PYTHONPATH=str(root), **env), cwd=root,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("edited, record", [("numbers", True), ("meetings.people", True), (None, False)],
                         ids=["source-edited", "subpackage-source-edited", "no-record"])
def test_stale_compiled_modules_are_not_imported(tmp_path, edited, record):
    run = _import(_package_copy(tmp_path, edited=edited, record=record))
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["python", "[]"]
    assert "older than its sources" in run.stderr and len(run.stderr.splitlines()) == 1


def test_giaoban_engine_python_keeps_current_compiled_modules_out(tmp_path):
    root = _package_copy(tmp_path, edited=None)
    run = _import(root, GIAOBAN_ENGINE="python")
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["python", "[]"]
    assert run.stderr == ""
    # (and without it these current "compiled modules" would be imported: the copy tests the guard)
    assert _import(root).returncode != 0

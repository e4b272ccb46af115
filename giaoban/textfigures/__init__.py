"""Reading figures out of Vietnamese narrative reports and articles (plain Python, no Django).

    >>> from giaoban.textfigures import extract_text
    >>> extract_text("Hội LHPN tỉnh tổ chức 558 buổi tuyên truyền.")["figures"][0]["value"]
    558

Modules, each a small parser: ``normalize`` (NFC, tone placement, offsets), ``numbers`` (the
number grammar), ``lexicon`` (qualifiers, units, non-figure contexts), ``figures`` (candidates),
``orgs`` and ``attribution`` (whose figure), ``period``, ``catalogue`` (indicator codes),
``readers`` and ``boilerplate`` (files and web pages). ``meetings`` reads meeting texts (period,
people, tasks) on the same core: one normalizer, one table of organization names, one set of
readers and the period words of ``giaoban.core.periods``.
"""

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
from pathlib import Path


def _engine_build() -> str:
    """'mypyc' when the engine's compiled modules (made by setup.py at install, next to their .py)
    are those of the current sources; else 'python', having made every one of them load from its .py.

    An engine edit after the build would otherwise run the old compiled code (the import prefers an
    extension module to a source file): when any compiled module's source differs from the one
    setup.py recorded, or GIAOBAN_ENGINE=python, all of them load as Python (all or none: compiled
    modules call each other natively). The compiled modules are this package's and its subpackages'
    (meetings/people), named as setup.py records them ('engine', 'meetings.people'). This module stays
    Python, so it always runs first."""
    here = Path(__file__).resolve().parent
    compiled = {".".join(path.relative_to(here).parts)[: -len(suffix)]
                for suffix in importlib.machinery.EXTENSION_SUFFIXES for path in here.rglob(f"*{suffix}")}
    compiled = {name for name in compiled if _source(here, name).is_file()}  # (not the shared library)
    if not compiled:
        return "python"
    try:
        recorded: dict[str, str] = json.loads((here / "_compiled.json").read_text())["sources"]
    except (OSError, ValueError, KeyError, TypeError):
        recorded = {}
    stale = set(recorded) != compiled or any(
        not _source(here, name).is_file() or hashlib.sha256(_source(here, name).read_bytes()).hexdigest() != digest
        for name, digest in recorded.items())
    if not stale and os.environ.get("GIAOBAN_ENGINE", "") != "python":
        return "mypyc"
    if stale and os.environ.get("GIAOBAN_ENGINE", "") != "python":
        print(f"giaoban: the compiled extraction engine in {here} is older than its sources: running the Python "
              "engine (slower; `make test` or `pip install -e .` rebuilds it)", file=sys.stderr)
    names = {f"{__name__}.{name}" for name in compiled | set(recorded)}
    if not any(isinstance(finder, _FromSource) and finder.names == names for finder in sys.meta_path):
        sys.meta_path.insert(0, _FromSource(names, here))
    return "python"


def _source(here: Path, name: str) -> Path:
    """The .py of a module of this package by its name in it ('meetings.people': meetings/people.py)."""
    return here.joinpath(*name.split(".")[:-1], name.split(".")[-1] + ".py")


class _FromSource:
    """A meta path finder that loads the named modules of this package (and its subpackages) from their .py."""

    def __init__(self, names: set[str], here: Path):
        self.names = names
        self.here = here

    def find_spec(self, fullname: str, path: object = None, target: object = None):
        if fullname not in self.names:
            return None
        return importlib.util.spec_from_file_location(fullname, _source(self.here, fullname[len(__name__) + 1:]))


# 'mypyc' or 'python': which engine runs (benchmarks/extraction.py prints it; CI requires 'mypyc').
ENGINE_BUILD = _engine_build()

from .catalogue import default_catalogue  # noqa: E402
from .engine import PRETICK_CLASSES, extract_file, extract_text  # noqa: E402
from .readers import ReadError, read_file  # noqa: E402

__all__ = ["ENGINE_BUILD", "PRETICK_CLASSES", "extract_text", "extract_file", "read_file", "ReadError", "default_catalogue"]

"""The build: the extraction engine compiled with mypyc (issue 15: its speed).

Everything else is in pyproject.toml; this file only adds the compiled engine. `pip install -e .`
(what `make run`, `make test` and .ci/run do) and `pip install .` compile the engine's modules
(ENGINE below, meetings/people.py included: the engine reads the speakers of minutes with it; the rest
of the meeting parser, the readers and the scorer stay Python) with mypyc, mypy's compiler: the same
code, type annotations included, as C extensions that run it several times faster than the interpreter
(benchmarks/extraction.py prints which engine ran and its speed).

- The compiled modules sit next to their .py (an editable install builds in place) and share one
  library, the top-level module <hash>__mypyc (mypyc's default place for it: there a compiled module's
  __file__ is right while its body runs, which catalogue.py needs). Beside the modules, MANIFEST records the SHA-256 of each
  module's source as compiled: giaoban/textfigures/__init__.py loads every engine module from its
  .py instead when any source differs from its compiled copy (an engine edit after the build), or
  when GIAOBAN_ENGINE=python is set. `make test` rebuilds after an engine edit (Makefile).
- When the engine cannot be compiled (no C compiler, mypy missing or rejecting the code: mypyc
  compiles by the types mypy infers, so the code must type-check as CI's `mypy` checks it), the
  install still succeeds, with the Python engine and a warning.
- MYPYC_OPT_LEVEL (default 3) sets the C compiler's -O level.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import traceback
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.dist import Distribution

ROOT = Path(__file__).resolve().parent
PACKAGE = "giaoban/textfigures"
# The engine's modules, compiled (on one line: the Makefile reads it to rebuild after an edit), with
# meetings/people.py, whose speakers the engine reads in minutes (attribution._with_speakers).
ENGINE_FILES = "giaoban/textfigures/engine.py giaoban/textfigures/attribution.py giaoban/textfigures/figures.py giaoban/textfigures/catalogue.py giaoban/textfigures/orgs.py giaoban/textfigures/numbers.py giaoban/textfigures/normalize.py giaoban/textfigures/period.py giaoban/textfigures/sections.py giaoban/textfigures/boilerplate.py giaoban/textfigures/lexicon.py giaoban/textfigures/meetings/people.py"
# Their names in the package ('engine', 'meetings.people'): the keys of MANIFEST.
ENGINE = tuple(".".join(Path(path).relative_to(PACKAGE).with_suffix("").parts) for path in ENGINE_FILES.split())
MANIFEST = "_compiled.json"  # (read by giaoban/textfigures/__init__.py)


def source_of(name: str) -> Path:
    """The .py of an ENGINE module ('meetings.people' -> giaoban/textfigures/meetings/people.py)."""
    return ROOT / PACKAGE / f"{name.replace('.', '/')}.py"


def source_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def warn(message: str) -> None:
    print(f"\nWARNING (giaoban): {message}; the extraction engine stays Python (slower, same results)\n",
          file=sys.stderr, flush=True)


class EngineDistribution(Distribution):
    """The extensions are made by build_ext itself (mypyc type-checks and writes the C code then, not
    at every run of setup.py): say there are some so that the build runs it."""

    def has_ext_modules(self) -> bool:
        return True


class BuildEngine(build_ext):
    """build_ext that compiles the engine with mypyc, records the sources it compiled, and falls back
    to the Python engine (no extension, a warning) when compiling fails."""

    def finalize_options(self) -> None:
        self.engine_sources: dict[str, str] = {}
        # mypyc's C is generated here from the sources as they are now: their hashes are what is compiled.
        sources = {name: source_hash(source_of(name)) for name in ENGINE}
        try:
            from mypyc.build import mypycify

            cwd = os.getcwd()
            os.chdir(ROOT)  # (mypyc takes paths relative to the project and writes its C under build/)
            try:
                extensions = mypycify(ENGINE_FILES.split(),
                                      opt_level=os.environ.get("MYPYC_OPT_LEVEL", "3"))
            finally:
                os.chdir(cwd)
        except BaseException as exc:  # noqa: B036 (mypyc exits on a type error: SystemExit)
            if isinstance(exc, KeyboardInterrupt):
                raise
            traceback.print_exc()
            warn(f"mypyc could not translate the engine ({exc!r})")
            extensions = []
        else:
            self.engine_sources = sources
        self.distribution.ext_modules = extensions
        super().finalize_options()
        if self.parallel is None:  # the shims and the shared library compile side by side
            self.parallel = os.cpu_count() or 1

    def run(self) -> None:
        package = ROOT / PACKAGE
        inplace = bool(self.inplace)  # (an editable install; setuptools' run() clears it while it builds)
        target = package if inplace else Path(self.build_lib) / PACKAGE
        if inplace:  # no compiled module of an earlier build may outlive a failed one
            self._remove_compiled(package)
        if self.engine_sources:
            try:
                super().run()
            except Exception as exc:
                traceback.print_exc()
                warn(f"the compiled engine could not be built ({exc!r})")
                if inplace:
                    self._remove_compiled(package)
                return
            target.mkdir(parents=True, exist_ok=True)
            (target / MANIFEST).write_text(json.dumps({"sources": self.engine_sources}, indent=1) + "\n")

    @staticmethod
    def _remove_compiled(package: Path) -> None:
        # (the subpackages' too: meetings/people)
        for path in [package / MANIFEST, *package.rglob("*.so"), *package.rglob("*.pyd"), *ROOT.glob("*__mypyc.*")]:
            path.unlink(missing_ok=True)


setup(distclass=EngineDistribution, cmdclass={"build_ext": BuildEngine})

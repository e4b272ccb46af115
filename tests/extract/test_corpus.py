"""The engine on whole texts: the shared seed article and the project's annotated fixtures,
scored with the shared scorer's own matching (same code the benchmark uses)."""

from __future__ import annotations

import importlib.util
import json
import os
import unicodedata
from pathlib import Path

import pytest

from giaoban.extract import extract_text

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("GIAOBAN_SHARED", ROOT / ".." / "shared"))
FIXTURES = ROOT / "tests" / "fixtures" / "extraction"


def _scorer():  # type: ignore[no-untyped-def]
    for path in (SHARED / "tools" / "score_extraction.py", ROOT / "benchmarks" / "score_extraction.py"):
        if path.exists():
            spec = importlib.util.spec_from_file_location("score_extraction", path)
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)  # type: ignore[union-attr]
            return mod
    pytest.skip("score_extraction.py not available")


def _f1s(pairs: list[tuple[list, list]]) -> tuple[float, float]:
    sc = _scorer()
    gold = pred = match = strict = 0
    for g, p in pairs:
        m = sc.match(g, p)
        gold, pred, match = gold + len(g), pred + len(p), match + len(m)
        strict += sum(sc.orgs_of(a) == sc.orgs_of(b) and a.get("qualifier", "exact") == b.get("qualifier", "exact")
                      for a, b in m)
    return sc.f1(match, pred, gold)[2], sc.f1(strict, pred, gold)[2]


@pytest.fixture(scope="module")
def seed() -> tuple[str, dict]:
    txt, gold = SHARED / "seeds" / "lai-chau-2023-q3.txt", SHARED / "seeds" / "lai-chau-2023-q3.gold.json"
    if not (txt.exists() and gold.exists()):
        pytest.skip("../shared is absent")
    return txt.read_text(encoding="utf-8"), json.loads(gold.read_text(encoding="utf-8"))


def test_seed_scores(seed: tuple[str, dict]) -> None:
    text, gold = seed
    result = extract_text(text)
    detection, strict = _f1s([(gold["figures"], result["figures"])])
    assert detection == 1.0
    assert strict >= 0.95
    assert result["period"] == "2023-Q3"


def test_seed_nothing_from_the_headline_block(seed: tuple[str, dict]) -> None:
    text, gold = seed
    cut = gold["boilerplate_from"]
    assert unicodedata.normalize("NFC", text)[cut:].startswith("Tin đọc nhiều")
    assert [f for f in extract_text(text)["figures"] if f["end"] > cut] == []


def _fixtures() -> list[tuple[str, str, dict]]:
    out = []
    for gold_path in sorted(FIXTURES.glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        out.append((name, (FIXTURES / f"{name}.txt").read_text(encoding="utf-8"), json.loads(gold_path.read_text(encoding="utf-8"))))
    return out


def test_fixture_set_is_complete() -> None:
    docs = _fixtures()
    assert len(docs) >= 20
    assert {d["organization"] for _, _, d in docs} >= {"mttq", "congdoan", "phunu", "doan", "nongdan", "ccb"}
    for name, text, gold in docs:
        nfc = unicodedata.normalize("NFC", text)
        for f in gold["figures"]:
            assert nfc[f["start"]:f["end"]] == f["span"], name


def test_fixture_scores() -> None:
    pairs = [(gold["figures"], extract_text(text)["figures"]) for _, text, gold in _fixtures()]
    detection, strict = _f1s(pairs)
    assert detection >= 0.97
    assert strict >= 0.95


def test_fixture_boilerplate_gives_no_figures() -> None:
    for name, text, gold in _fixtures():
        if "boilerplate_from" in gold:
            figures = extract_text(text)["figures"]
            assert all(f["start"] < gold["boilerplate_from"] for f in figures), name


@pytest.mark.parametrize("name", [n for n, _, g in _fixtures() if g.get("period")])
def test_fixture_period(name: str) -> None:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((FIXTURES / f"{name}.gold.json").read_text(encoding="utf-8"))
    assert extract_text(text)["period"] == gold["period"]

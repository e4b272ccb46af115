"""The engine on whole texts: the shared seed article and the project's annotated fixtures,
scored with the project's scorer (giaoban.textfigures.scoring, the shared scorer's matching; same code
the benchmark uses). Only the seed needs ../shared; everything else runs in a plain clone."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest

from giaoban.textfigures import extract_text
from giaoban.textfigures.scoring import score_figures

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("GIAOBAN_SHARED", ROOT / ".." / "shared"))
FIXTURES = ROOT / "tests" / "fixtures" / "extraction"


def _f1s(pairs: list[tuple[list, list]]) -> tuple[float, float]:
    summary = score_figures(pairs)
    return summary["detection_f1"], summary["strict_f1"]


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


# --- the annotated corpus (tests/fixtures/corpus): development and test parts --------------------

CORPUS = ROOT / "tests" / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def corpus_scores() -> dict[str, dict]:
    from giaoban.textfigures.scoring import FigureTally, load_corpus, split_of

    tallies = {"dev": FigureTally(), "test": FigureTally()}
    for name, text, gold in load_corpus(CORPUS):
        tallies[split_of(name)].add(gold["figures"], extract_text(text)["figures"], name)
    return {part: t.summary() for part, t in tallies.items()}


def test_corpus_is_annotated_consistently() -> None:
    from giaoban.textfigures.catalogue import default_catalogue
    from giaoban.textfigures.scoring import load_corpus

    codes = {ind["code"] for ind in default_catalogue()}
    docs = load_corpus(CORPUS)
    assert len(docs) >= 19
    for name, text, gold in docs:
        nfc = unicodedata.normalize("NFC", text)
        for f in gold["figures"]:
            assert nfc[f["start"]:f["end"]] == f["span"], name
            assert f["indicator_code"] is None or f["indicator_code"] in codes, (name, f["indicator_code"])
            assert f["kind"] in ("level", "change", "share", "target"), name


def test_corpus_both_parts_hold_texts() -> None:
    from giaoban.textfigures.scoring import load_corpus, split_of

    parts = [split_of(name) for name, _, _ in load_corpus(CORPUS)]
    assert parts.count("test") >= 0.2 * len(parts)
    assert parts.count("dev") >= 0.5 * len(parts)


# Floors just under the figures measured (benchmarks/extraction.py prints them):
# the engine may only get better on both parts. The test part grew by texts of genres the
# corpus lacked (weekly reports of working groups, post-2025 wards), written before any rule was
# tuned: strict F1 and attribution there are lower than on the older texts, the codes better.
# The fresh set src_o (12 texts, 4 of them in the test part, written before any rule saw them)
# brought the test part's false-code rate from 0.050 to 0.067 with the engine unchanged: the
# floor follows the measurement, it is no licence to get worse (0.07). The fresh set src_q
# (16 post-2025 texts, 4 of them in the test part, written before any rule saw them) brought it
# from 0.068 to 0.089 with the engine unchanged (0.095); rules found on the dev parts of src_q and
# src_r then brought it to 0.068, and the dev part's to 0.012 (0.075 and 0.03). The fresh set
# src_t (17 texts, 4 of them in the test part, written before any rule saw them) brought the test
# part's from 0.068 to 0.077 with the engine unchanged (0.08). The fresh set src_u (15 texts, 7
# of them in the test part, written before any rule saw them) brought it from 0.062 to 0.080
# with the engine unchanged (0.085). The fresh set src_w2 (6 post-2025 commune fronts' texts, 2 of
# them in the test part, written before any rule saw them) brought it from 0.083 to 0.090 with the
# engine unchanged (0.095). The second reading of the gold (CONVENTIONS.md, 'Gold corrected on
# second reading') brought the test part's strict F1 from 0.929 to 0.920 and its attribution from
# 0.935 to 0.928 with the engine unchanged (0.915 and 0.925): gold corrections did it, not the engine.
@pytest.mark.parametrize("part", ["dev", "test"])
def test_corpus_scores(corpus_scores: dict[str, dict], part: str) -> None:
    s = corpus_scores[part]
    assert s["detection_f1"] >= 0.98, s
    assert s["strict_f1"] >= (0.92 if part == "dev" else 0.915), s
    assert s["attribution"] >= (0.93 if part == "dev" else 0.925), s
    assert s["indicator_right"] >= 0.86, s
    assert s["false_code"] <= (0.03 if part == "dev" else 0.095), s


# The issue asks that the classes ticked in advance reach 0.98 on the test part. The fresh set src_u
# (7 texts in the test part, written before any rule saw them) brought sure-clause there from 73/74
# to 75/77 = 0.974 with the engine unchanged, below that goal; the bar was lowered to 0.97 for a
# while. It is the again: the class set follows the test part (PRETICK_CLASSES, measured once
# after the class was tightened: no class reaches it, none is ticked), never the bar. A class needs
# enough figures on the test part for one error to show at that bar (50: 49/50 = 0.98).
PRETICK_FLOOR = 0.98
PRETICK_MIN_FIGURES = 50


def test_pretick_classes_hold_their_precision_on_the_test_part(corpus_scores: dict[str, dict]) -> None:
    from giaoban.textfigures import PRETICK_CLASSES

    classes = corpus_scores["test"]["classes"]
    for name in PRETICK_CLASSES:
        assert classes[name]["figures"] >= PRETICK_MIN_FIGURES, (name, classes[name])
        assert classes[name]["precision"] >= PRETICK_FLOOR, (name, classes[name])

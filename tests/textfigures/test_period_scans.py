"""The period words of running text scanned for one opening at a time ('6 tháng' apart from 'sáu tháng',
'9 tháng' from 'chín tháng': each pattern then opens with one character, found by a plain search; issue
15, speed) find what the kind's one pattern of all its openings finds, span for span and group for
group: on the corpus's dev part, the extraction fixtures and made-up strings of the words.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from giaoban.core import periods
from giaoban.textfigures import scoring

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _keys() -> list[str]:
    corpus = [text for name, text, _gold in scoring.load_corpus(FIXTURES / "corpus") if scoring.split_of(name) == "dev"]
    fixtures = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "extraction").glob("*.txt"))]
    return [unicodedata.normalize("NFC", t).lower() for t in corpus + fixtures]


def _by_opening(kind: str, key: str) -> list[tuple]:
    found = [(m.regs, m.lastgroup) for scan, pattern in periods._WORDS_TEXT.items() if scan[0] == kind
             for m in pattern.finditer(key)]
    return sorted(found)


def _reference(kind: str, key: str) -> list[tuple]:
    return [(m.regs, m.lastgroup) for m in periods._compile_words(False, (kind,)).finditer(key)]


def test_each_kind_of_several_openings_is_scanned_for_each_apart() -> None:
    assert {scan for scan in periods._WORDS_TEXT if scan[0] in ("H", "9M")} == {("H", 0), ("H", 1), ("9M", 0), ("9M", 1)}


def test_the_openings_apart_find_what_all_together_find() -> None:
    keys = _keys()
    assert len(keys) > 100
    found = 0
    for key in keys:
        for kind in periods._OPENINGS:
            assert _by_opening(kind, key) == _reference(kind, key), key[:60]
            found += len(_reference(kind, key))
    assert found > 100


NEW_WORDING = [
    "sáu tháng đầu năm 2026 và 6 tháng cuối năm, chín tháng, 9 tháng đầu năm 2025",
    "trong 6 tháng 7 ngày; sáu tháng 2024; chín tháng năm 2023 - 9 tháng/2022",
    "khảo sát 6 tháng, bức chín tháng; ô6 tháng, x9 tháng đầu, (9 tháng) [6 tháng cuối]",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["6", "9", "sáu", "chín", " ", "tháng", "đầu", "cuối", "năm", "2024", "/", ",", "x",
                                 "\n", "7"]), max_size=14))
def test_made_up_strings(parts: list[str]) -> None:
    key = " ".join(parts)
    for kind in periods._OPENINGS:
        assert _by_opening(kind, key) == _reference(kind, key), key


def test_new_wording() -> None:
    for key in NEW_WORDING:
        for kind in periods._OPENINGS:
            assert _by_opening(kind, key) == _reference(kind, key) != [], key

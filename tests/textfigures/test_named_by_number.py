"""figures._named_by_number ('phường 6' named so elsewhere in the text) with its pattern opening with the
place's first letter, the word start checked after it (issue 15, speed), finds what the pattern opening
with the look-behind found: at every 'phường N' and 'xã N' of the corpus's dev part and the extraction
fixtures, and on rows in new wording."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from giaoban.textfigures import figures, scoring
from giaoban.textfigures.normalize import match_key, nfc

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _reference(key: str, word: str, s: int) -> bool:
    m = figures._SMALL_NUMBER_RE.match(key, s)
    if m is None:
        return False
    name = re.escape(word + " " + m.group())
    return re.search(r"(?<![^\W\d_])" + name + r"(?:[ \t]*(?:[,.;:)](?!\d)|\n|$)| lần thứ)", key) is not None


def _keys() -> list[str]:
    corpus = [text for name, text, _gold in scoring.load_corpus(FIXTURES / "corpus") if scoring.split_of(name) == "dev"]
    fixtures = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "extraction").glob("*.txt"))]
    return [match_key(nfc(t)) for t in corpus + fixtures]


def test_every_numbered_place_of_the_texts() -> None:
    seen = named = 0
    for key in _keys():
        for m in re.finditer(r"(phường|xã) (?=\d)", key):
            seen += 1
            named += _reference(key, m.group(1), m.end())
            assert figures._named_by_number(key, m.group(1), m.end()) == _reference(key, m.group(1), m.end())
    assert seen > 20 and named > 0


@pytest.mark.parametrize("key, at, expected", [
    ("đại hội hội cựu chiến binh phường 4.\nubnd phường 4 tặng 12 suất", "phường 4 tặng", True),
    ("hội nông dân phường 26 hội viên", "phường 26", False),
    ("chi hội xã 3 lần thứ v; xã 3 có 40 hội viên", "xã 3 có", True),
    ("thị xã 3, liên xã 3 có 40 hội viên", "xã 3 có", True),
    ("xã 3 có 40 hội viên, xã 5 có 30", "xã 5 có", False),
    ("tháixã 7; xã 7 có 10 hộ", "xã 7 có", False),  # (no word starts at 'xã' in 'tháixã 7;')
])
def test_new_wording(key: str, at: str, expected: bool) -> None:
    word = at.split()[0]
    s = key.index(at) + len(word) + 1
    assert figures._named_by_number(key, word, s) == _reference(key, word, s) == expected

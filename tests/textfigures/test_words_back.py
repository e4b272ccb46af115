"""figures._words_back (the words before a number, read word by word: issue 15, speed) against the way
it was read before (the reference path): one anchored regex on the reversed window before the
position, falling back to a loop of characters tested with ``str.isalpha`` where the regex's letters
([^\\W\\d_]: '²' is one) are not ``isalpha``'s or the window cut a word. Both must give the same words,
starts, colon and stop at every position of the corpus's dev part and the extraction fixtures, and
of made-up strings of words, digits, colons, marks and spaces.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from giaoban.textfigures import figures, scoring
from giaoban.textfigures.normalize import match_key, nfc

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

_BACK_RE = re.compile(r"( *)(:?)(?:([^\W\d_]+)(?: ([^\W\d_]+)(?: ([^\W\d_]+))?)?)?")
_BACK_WINDOW = 96

Back = tuple[tuple[str, ...], tuple[int, ...], bool, int]


def _loop(key: str, s: int) -> Back:
    i = s
    while i > 0 and key[i - 1] == " ":
        i -= 1
    colon = i > 0 and key[i - 1] == ":"
    if colon:
        i -= 1
    stop = i
    words: list[str] = []
    starts: list[int] = []
    while len(words) < 3:
        j = i
        while j > 0 and key[j - 1].isalpha():
            j -= 1
        if j == i:
            break
        words.insert(0, key[j:i])
        starts.insert(0, j)
        if j == 0 or key[j - 1] != " ":
            break
        i = j - 1
    return tuple(words), tuple(starts), colon, stop


def _reference(key: str, s: int) -> Back:
    lo = s - _BACK_WINDOW if s > _BACK_WINDOW else 0
    rev = key[s - 1:lo - 1:-1] if lo > 0 else key[s - 1::-1] if s > 0 else ""
    m = _BACK_RE.match(rev)
    if m is None or (lo > 0 and m.end() == len(rev)):
        return _loop(key, s)
    spaces, colon_mark, r1, r2, r3 = m.groups()
    colon = colon_mark == ":"
    stop = s - len(spaces) - len(colon_mark)
    if r1 is None:
        return (), (), colon, stop
    runs = [r for r in (r1, r2, r3) if r is not None]
    if not all(r.isalpha() for r in runs):
        return _loop(key, s)
    words = tuple(r[::-1] for r in reversed(runs))
    starts: list[int] = []
    at = stop
    for w in reversed(words):
        at -= len(w)
        starts.insert(0, at)
        at -= 1
    return words, tuple(starts), colon, stop


def _keys() -> list[str]:
    corpus = [text for name, text, _gold in scoring.load_corpus(FIXTURES / "corpus") if scoring.split_of(name) == "dev"]
    fixtures = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "extraction").glob("*.txt"))]
    return [match_key(nfc(t)) for t in corpus + fixtures]


NEW_WORDING = [
    "tổng số hội viên: 120",
    "Số: 18/QĐ",
    "diện tích 25 m² 300 hộ",  # ('²': a letter of the regex, no letter of isalpha)
    "  đạt   45",
    ":12",
    "(hội viên) 30",
    "các chi hội,trong đó 40",
    "x" * 120 + " 7",  # (a word longer than the window)
    "a b c d e f 9",
    "Đoàn phường\n12 đoàn viên",
    "năm\t2024",
]


def test_the_words_before_every_position_are_the_reference_ones() -> None:
    keys = _keys()
    assert len(keys) > 100
    for key in keys:
        for s in range(len(key) + 1):
            assert figures._words_back(key, s) == _reference(key, s), (key[max(0, s - 40):s], s)


def test_new_wording() -> None:
    for key in NEW_WORDING:
        for s in range(len(key) + 1):
            assert figures._words_back(key, s) == _reference(key, s), (key[:s], s)
    assert figures._words_back("tổng số hội viên: 120", 18) == (("số", "hội", "viên"), (5, 8, 12), True, 16)
    assert figures._words_back("diện tích 25 m² 300 hộ", 16) == ((), (), False, 15)  # (no word: "m²" is none)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["hội", "viên", "Đoàn", "²", "2", ":", " ", "  ", ",", "\n", "_", "x" * 40]), max_size=12))
def test_made_up_strings(parts: list[str]) -> None:
    key = "".join(parts)
    for s in range(len(key) + 1):
        assert figures._words_back(key, s) == _reference(key, s), (key, s)

"""Patterns written for the regex engine's fast scan find what their plain form finds (issue 15 speed).

Python's regex engine scans for a pattern's first characters in C only when the pattern opens
with a literal, a character set, or an alternation whose every branch opens with a literal; any
other pattern ('[;:]|,x', '^…', a look-behind first) is tried at every position of the text, 10–40×
slower on a whole text. The engine writes such patterns in a fast form; each is held here to its
plain form (the reference) on every text of the fixtures and on random text, match by match.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from giaoban.textfigures import attribution, engine, figures
from giaoban.textfigures.normalize import match_key, nfc

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# (name, fast pattern, its plain form, the groups its callers read)
PAIRS: list[tuple[str, re.Pattern[str], re.Pattern[str], tuple[int, ...]]] = [
    ("engine._CLAUSE_BREAK_RE", engine._CLAUSE_BREAK_RE, re.compile(r"[;:(\n]|,(?!(?<=\d,)\d)"), ()),
    ("engine._CLAUSE_MARK_RE", engine._CLAUSE_MARK_RE, re.compile(r"[,;:()]| - "), ()),
    ("engine._COUNTED_PHRASE_END_RE", engine._COUNTED_PHRASE_END_RE, re.compile(
        r"[,;:()\n.\d]| (?:cho|với|của|tại|để|từ|ở|do|nhằm|qua|trong|trên|thuộc|đã|được|là|và|về)(?![^\W\d_])"), ()),
    ("engine._HELPED_BEFORE_RE", engine._HELPED_BEFORE_RE, re.compile(
        r"(?<![^\W\d_])(?:giúp|hỗ trợ|tạo điều kiện|hướng dẫn)(?: cho)? (?:(?:trên|hơn|gần|khoảng) )?$"), ()),
    ("attribution._BOUNDARY_RE", attribution._BOUNDARY_RE, re.compile(r"\n|[.!?…;](?=[ \t]+(\S))"), (1,)),
    ("attribution._CLAUSE_MARK_RE", attribution._CLAUSE_MARK_RE, re.compile(r"[,;:] |\(|\)| - "), ()),
    ("figures._TOTAL_LABEL_RE", figures._TOTAL_LABEL_RE, re.compile(r"(?<![^\W\d_])tổng số ([^\W\d_]+(?: [^\W\d_]+)?) $"), (1,)),
    ("figures._REMAINING_LABEL_RE", figures._REMAINING_LABEL_RE,
     re.compile(r"(?<![^\W\d_])([^\W\d_]+(?: [^\W\d_]+)?) còn $"), (1,)),
]
_SECTION_HEADING_PLAIN = re.compile(r"(?m)^[ \t]*(?:[ivxlc]+|\d+(?:\.\d+)*|[a-zđ])[.)][ \t]+[^\n]{1,100}$")


def _keys() -> list[str]:
    return [match_key(nfc(p.read_text(encoding="utf-8"))) for p in sorted(FIXTURES.rglob("*.txt"))]


def _found(pattern: re.Pattern[str], groups: tuple[int, ...], text: str, pos: int = 0,
           endpos: int | None = None) -> list[tuple[object, ...]]:
    end = len(text) if endpos is None else endpos
    return [(m.span(), *(m.group(g) for g in groups)) for m in pattern.finditer(text, pos, end)]


def _windows(text: str) -> list[tuple[int, int]]:
    """Windows as the callers search them: the 40 characters before each number and after each
    number and word, and a few elsewhere."""
    places = [m.start() for m in re.finditer(r"(?<!\d)\d", text)]
    places += [m.end() for m in re.finditer(r"\w+", text)]
    places += range(0, len(text) + 1, max(1, len(text) // 20))
    return [(max(0, p - 40), p) for p in places] + [(p, min(len(text), p + 40)) for p in places]


def _same(fast: re.Pattern[str], plain: re.Pattern[str], groups: tuple[int, ...], text: str) -> int:
    """Asserts that both find the same in the whole text and in its windows; returns how many they found."""
    whole = _found(plain, groups, text)
    assert _found(fast, groups, text) == whole
    found = len(whole)
    for a, b in _windows(text):
        f, p = fast.search(text, a, b), plain.search(text, a, b)
        assert (f and (f.span(), *(f.group(g) for g in groups))) == (p and (p.span(), *(p.group(g) for g in groups))), (a, b)
        found += p is not None
    return found


def _plain_headings(key: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SECTION_HEADING_PLAIN.finditer(key) if key[m.end() - 1] != "."]


@pytest.mark.parametrize("name,fast,plain,groups", PAIRS, ids=[p[0] for p in PAIRS])
def test_the_fast_form_finds_what_the_plain_form_finds_in_every_fixture(
        name: str, fast: re.Pattern[str], plain: re.Pattern[str], groups: tuple[int, ...]) -> None:
    keys = _keys()
    assert len(keys) > 250
    found = sum(_same(fast, plain, groups, key) for key in keys)
    assert found > 0, name  # (the fixtures hold the pattern's matches: the comparison compares something)


def test_section_headings_are_the_plain_patterns_in_every_fixture() -> None:
    keys = _keys()
    assert sum(len(_plain_headings(k)) for k in keys) > 20
    for key in keys:
        assert engine._section_headings(key) == _plain_headings(key)


# Random text made of what the patterns look at.
_PIECES = st.sampled_from([
    "\n", " ", "  ", "\t", ",", ", ", "; ", ": ", ".", ". ", "…", "!", "?", "(", ")", " - ", "-", "12,6", "1.234", "5",
    "Hội", "hội", "tổng số hộ ", " còn ", "giúp ", "hỗ trợ cho ", "hướng dẫn", "gần ", " cho ", " của ", "và",
    "II. ", "1.2) ", "a) ", "iv. ", "Phương hướng", "x", "đ", "_", "²",
])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=50).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_the_fast_forms_find_what_the_plain_forms_find_in_random_text(text: str) -> None:
    for _name, fast, plain, groups in PAIRS:
        _same(fast, plain, groups, text)
    assert engine._section_headings(text) == _plain_headings(text)


def test_a_changed_fast_form_fails() -> None:
    """The comparison can fail: a fast form that drops the digit exception of the comma differs."""
    wrong = re.compile(r"[;:(\n,]")
    with pytest.raises(AssertionError):
        _same(wrong, PAIRS[0][2], (), "tăng 12,6 tỷ đồng, đạt 5 hộ")


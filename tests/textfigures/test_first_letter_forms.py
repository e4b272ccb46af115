"""Patterns written by ``normalize.by_first_letter`` find what their plain form finds (issue 15 speed).

A pattern that opens with a look-behind ('(?<![^\\W\\d_])(?:tặng|trao) …') is tried by Python's
regex engine at every position of the text; ``by_first_letter`` writes it to open with its first
letters, which the engine scans for in C. Every pattern of the engine so written is held here to
its plain form (the one in the source), match by match with all groups: on the dev part of the
corpus and the extraction fixtures (the whole text, and windows as the callers search them), and on
made-up strings of the patterns' own words next to letters, digits, '_' and line breaks.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import giaoban.textfigures as textfigures
from giaoban.textfigures import normalize, scoring
from giaoban.textfigures.normalize import FIRST_LETTER_FORMS, by_first_letter, match_key, nfc

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _engine_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(module.NAME, pattern) of each module-level pattern written by ``by_first_letter``."""
    out: dict[str, tuple[str, re.Pattern[str]]] = {}  # (by pattern: one imported elsewhere counted once)
    for info in pkgutil.walk_packages(textfigures.__path__, "giaoban.textfigures."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and value.pattern in FIRST_LETTER_FORMS:
                out.setdefault(value.pattern, (f"{info.name.removeprefix('giaoban.textfigures.')}.{name}", value))
    return list(out.values())


PATTERNS = _engine_patterns()


def _texts() -> list[str]:
    """Match keys of the corpus's dev part (its test part is never read) and of the extraction fixtures."""
    corpus = [text for name, text, _gold in scoring.load_corpus(FIXTURES / "corpus") if scoring.split_of(name) == "dev"]
    fixtures = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "extraction").glob("*.txt"))]
    return [match_key(nfc(t)) for t in corpus + fixtures]


def _found(m: re.Match[str] | None) -> object:
    return m and m.regs


def _windows(text: str) -> list[tuple[int, int]]:
    """The 60 characters before and after each number, as the callers search them."""
    places = [m.start() for m in re.finditer(r"(?<!\d)\d", text)]
    return [(max(0, p - 60), p) for p in places] + [(p, min(len(text), p + 60)) for p in places]


def _fast_scanned(pattern: re.Pattern[str]) -> bool:
    """Whether Python's regex engine scans for the pattern's first characters in C (its literal prefix or its first
    characters' set, as re._compiler._compile_info finds them)."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    flags = parsed.state.flags
    return bool(_compiler._get_literal_prefix(parsed, flags)[0] or _compiler._get_charset_prefix(parsed, flags))


def test_the_engine_writes_its_look_behind_patterns_by_first_letter() -> None:
    assert len(PATTERNS) >= 95
    slow = [name for name, fast in PATTERNS if not _fast_scanned(fast)]
    assert not slow
    assert not [name for name, plain in PATTERNS if _fast_scanned(re.compile(FIRST_LETTER_FORMS[plain.pattern]))]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    out = _texts()
    assert len(out) > 300
    return out


@pytest.mark.parametrize("name,fast", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_the_first_letter_form_finds_what_the_plain_form_finds_in_the_dev_texts(
        name: str, fast: re.Pattern[str], texts: list[str]) -> None:
    plain = re.compile(FIRST_LETTER_FORMS[fast.pattern], fast.flags)
    for text in texts:
        assert [m.regs for m in fast.finditer(text)] == [m.regs for m in plain.finditer(text)]
        for a, b in _windows(text):
            assert _found(fast.search(text, a, b)) == _found(plain.search(text, a, b)), (a, b)
            assert _found(fast.match(text, a, b)) == _found(plain.match(text, a, b)), (a, b)


def _words(plain: str) -> list[str]:
    return re.findall(r"[^\W\d_]+(?: [^\W\d_]+)*", plain.replace(r"\W", " ").replace(r"\d", " "))


_WORDS = sorted({w for plain in FIRST_LETTER_FORMS.values() for w in _words(plain)})
_PIECES = st.one_of(st.sampled_from(_WORDS), st.sampled_from(
    [" ", "  ", "\n", "_", "1", "12", "a", "đ", "xã ", "giúp ", ",", ", ", ".", "\"", "“", "”", "'", ";", ":", "(", ")", "%"]))
_TEXT = st.lists(_PIECES, max_size=14).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_the_first_letter_forms_find_what_the_plain_forms_find_in_made_up_strings(text: str) -> None:
    for _name, fast in PATTERNS:
        plain = re.compile(FIRST_LETTER_FORMS[fast.pattern], fast.flags)
        assert [m.regs for m in fast.finditer(text)] == [m.regs for m in plain.finditer(text)]
        for a in range(len(text) + 1):
            assert _found(fast.match(text, a)) == _found(plain.match(text, a))
            assert _found(fast.search(text, 0, a)) == _found(plain.search(text, 0, a))
            assert _found(fast.search(text, a)) == _found(plain.search(text, a))


@pytest.mark.parametrize("plain,fast", [
    (r"(?<![^\W\d_])(?:tặng|trao|hỗ trợ)(?![^\W\d_])", r"(?:t(?<![^\W\d_].)(?:ặng|rao)|h(?<![^\W\d_].)ỗ trợ)(?![^\W\d_])"),
    (r"(?<![^\W\d_])(?:với )?số tiền $", r"(?:v(?<![^\W\d_].)ới số tiền $|s(?<![^\W\d_].)ố tiền $)"),
    (r"(?<!giúp )(?<![^\W\d_])cho $", r"(?:c(?<!giúp .)(?<![^\W\d_].)ho $)"),
    (r"(?<![^\W_])(hàng|vài|hàng chục) *$", r"(h(?<![^\W_].)(?:àng|àng chục)|v(?<![^\W_].)ài) *$"),
    (r"(?<![^\W\d_])(?:mặt trận|(?<!xã )hội) (tại|ở)$", r"(?:m(?<![^\W\d_].)ặt trận|h(?<![^\W\d_].)(?<!xã .)ội) (tại|ở)$"),
    (r"(?<!\d)((?:19|20)\d\d)(?!\d)", r"(1(?<!\d.)9\d\d|2(?<!\d.)0\d\d)(?!\d)"),
    # (branches with no look-behind before them all: each written on its own)
    (r"(?:các|những) vị:|(?<![^\W\d_])(?:Thư ký|Chủ trì):", r"(?:các vị:|những vị:|T(?<![^\W\d_].)hư ký:|C(?<![^\W\d_].)hủ trì:)"),
    (r"(?<![^\W\d_])(?:(?:đ|Đ)(?i:ồng chí|/c)|b(?i:à))\s+", r"(?:đ(?<![^\W\d_].)(?i:ồng chí|/c)|Đ(?<![^\W\d_].)(?i:ồng chí|/c)|b(?<![^\W\d_].)(?i:à))\s+"),
])
def test_how_a_pattern_is_written_by_first_letter(plain: str, fast: str) -> None:
    assert by_first_letter(plain) == fast


@pytest.mark.parametrize("plain", [
    r"(?![^\W_])",  # no look-behind
    r"(?:các|những) vị",  # no look-behind
    r"(?<![^\W\d_])\w+ $",  # no literal first
    r"(?<![^\W\d_])(?:a|b)* $",  # a repeated group first
    r"(?<![^\W\d_])(?:(x)|y)z",  # a capture regrouped
    r"(?<![^\W\d_])(?:a|b)?(c)",  # a capture copied
    r"(?<![^\W\d_])a|b",  # the look-behind of one branch only
])
def test_what_is_not_written_by_first_letter(plain: str) -> None:
    with pytest.raises(ValueError):
        by_first_letter(plain)


# The one walk over a pattern's text (normalize._syntax) skips escapes and character classes.
@pytest.mark.parametrize("pattern,branches", [
    (r"a|b(c|d)|[|(]x|\|y", ["a", "b(c|d)", "[|(]x", r"\|y"]),
    (r"[]|)]|[^]|]|(?:a|b)|", ["[]|)]", "[^]|]", "(?:a|b)", ""]),
    (r"(?<![^\W\d_])x", [r"(?<![^\W\d_])x"]),
])
def test_a_patterns_top_level_branches(pattern: str, branches: list[str]) -> None:
    assert normalize._split_top(pattern) == branches


@pytest.mark.parametrize("pattern,start,end", [(r"(a\)[)]b)c", 0, 8), (r"x(?:a(b)|[(])d", 1, 12), (r"((a)(b))", 4, 6), (r"((a)(b))", 0, 7)])
def test_where_a_group_ends(pattern: str, start: int, end: int) -> None:
    assert normalize._group_end(pattern, start) == end


@pytest.mark.parametrize("pattern,captures", [
    (r"(?:a)(?P<n>b)", True), (r"(?<=a)(b)", True), (r"(?:a)\(x[(]", False), (r"(?<![^\W\d_])(?!x)(?=y)", False)])
def test_whether_a_pattern_captures(pattern: str, captures: bool) -> None:
    assert normalize._captures(pattern) is captures

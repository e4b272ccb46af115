"""The engine's cheap text checks before its regexes against the regexes themselves (issue 15 speed).

A pre-check ('hơn' in before …) only keeps the outputs when every string its regex can match holds
one of its words: a new alternative in the regex without its word would silently lose matches.
(a) every path through each regex's alternatives, walked with the regex's own parser, must pass
its pre-check; (b) matches drawn by hypothesis from the regex, inside random Vietnamese text, too.
"""

from __future__ import annotations

import itertools
import re
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from giaoban.textfigures import attribution, engine, figures, numbers

_parser: Any = getattr(re, "_parser", None) or __import__("sre_parse")
_compiler: Any = getattr(re, "_compiler", None) or __import__("sre_compile")
_C = _parser  # (the opcodes: LITERAL, BRANCH, … are re-exported by the parser module)

# Characters tried, in order, for a character class or '.' (the first one the class accepts).
_POOL = "ax 1/đ,-A.\n\"(;"
_MAX_PATHS = 20_000


def _one_char(state: Any, node: tuple[Any, Any]) -> list[str]:
    sub = _compiler.compile(_parser.SubPattern(state, [node]))
    return [ch for ch in _POOL if sub.fullmatch(ch)][:1]


def _paths(state: Any, items: Any) -> list[str]:
    """A string for every choice of alternative and of optional part (lookarounds left out, a
    repetition at its fewest and, when that is none, once)."""
    out = [""]
    for op, av in items:
        if op is _C.LITERAL:
            options = [chr(av)]
        elif op in (_C.IN, _C.ANY, _C.NOT_LITERAL):
            options = _one_char(state, (op, av))
        elif op is _C.BRANCH:
            options = [s for alt in av[1] for s in _paths(state, alt)]
        elif op is _C.SUBPATTERN:
            options = _paths(state, av[-1])
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
            lo, _hi, body = av
            inner = _paths(state, body)
            options = ["".join(p) for p in itertools.product(inner, repeat=lo)] if lo else [""] + inner
        elif op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            options = [""]  # (checked below: the whole string must still match the regex)
        else:
            raise AssertionError(f"no path through {op} yet: teach _paths")
        out = [a + b for a, b in itertools.islice(itertools.product(out, options), _MAX_PATHS)]
    return out


def alternatives(regex: re.Pattern[str]) -> list[str]:
    parsed = _parser.parse(regex.pattern, regex.flags)
    return list(dict.fromkeys(_paths(parsed.state, parsed)))


def _any_of(words: tuple[str, ...] | str) -> Callable[[str], bool]:
    words = (words,) if isinstance(words, str) else words
    return lambda s: any(w in s for w in words)


def _starts(words: tuple[str, ...] | str) -> Callable[[str], bool]:
    return lambda s: s.startswith(words)


# (name, regex, how the engine asks it: 'search' in a string, 'stripped' in a stripped one or 'match'
# at its start, pre-check).
# A pre-check that is a function joined with its regex (_compared_before …) is the engine's own: the
# regex's match must make it true.
PAIRS: list[tuple[str, re.Pattern[str], str, Callable[[str], bool]]] = [
    ("compared before", engine._COMPARED_BEFORE_RE, "search", engine._compared_before),
    ("per item before", engine._PER_ITEM_BEFORE_RE, "search", engine._per_item_before),
    ("denominator before", engine._DENOMINATOR_BEFORE_RE, "search", engine._denominator_before),
    ("value before", engine._VALUE_BEFORE_RE, "search", engine._value_before),
    ("subtotal before", engine._SUBTOTAL_BEFORE_RE, "search", _any_of(engine._SUBTOTAL_WORD)),
    ("other than", engine._OTHER_THAN_RE, "search", _any_of(engine._OTHER_THAN_WORD)),
    ("donor after", engine._DONOR_AFTER_RE, "search", _any_of(engine._DONORS)),
    ("former after", engine._FORMER_AFTER_RE, "match", _starts(engine._FORMER_WORD)),
    ("tail", engine._TAIL_RE, "match", _starts(engine._TAIL_WORDS)),
    ("admin unit", engine._ADMIN_UNIT_RE, "match", _starts(engine._ADMIN_UNITS)),
    ("scale", numbers._SCALE_RE, "match", _starts(numbers._SCALE_STARTS)),
    ("committee named", attribution._COMMITTEE_NAMED_RE, "search", _any_of(attribution._COMMITTEE_WORDS)),
    ("member named", attribution._MEMBER_WORD_RE, "match",
     lambda s: attribution._may_open_with(s, 0, attribution._MEMBER_WORDS)),
    ("cited opening", attribution._CITED_OPEN_RE, "match", lambda s: attribution._may_open_with(s, 0, attribution._CITED_WORD)),
    ("households subject", attribution._HOUSEHOLDS_SUBJECT_RE, "match",
     lambda s: attribution._may_open_with(s, 0, attribution._HOUSEHOLDS_WORDS)),
    ("attendance", attribution._ATTENDANCE_RE, "match",
     lambda s: attribution._may_open_with(s, 0, attribution._ATTENDANCE_WORDS)),
    ("opening phrase", attribution._OPENING_PHRASE_RE, "match",
     lambda s: attribution._may_open_with(s, 0, attribution._OPENING_WORDS)),
    ("speaker after", attribution._SPEAKER_AFTER_RE, "match",
     lambda s: any(w in s[:attribution._SPEAKER_REACH] for w in attribution._SPEAKER_VERBS)),
    ("purpose", engine._PURPOSE_RE, "search", _any_of(engine._PURPOSE_WORDS)),
    ("paired title", engine._PAIRED_TITLE_RE, "search", _any_of(engine._PAIRED_TITLE_TAILS)),
    ("number label", figures._LABEL_RE, "search", _any_of(figures._LABEL_WORD)),
    ("remaining label", figures._REMAINING_LABEL_RE, "search", lambda s: s.endswith(figures._REMAINING_ENDS)),
    # (asked of a stripped opening only: '$' also matches before a last '\n', which str.endswith does not)
    ("speaker before", attribution._SPEAKER_BEFORE_RE, "stripped", lambda s: s.strip().endswith(attribution._SPEAKER_WORD)),
]
_IDS = [name for name, *_ in PAIRS]


def _hits(regex: re.Pattern[str], how: str, s: str) -> bool:
    if how == "stripped":
        s = s.strip()
    return (regex.match(s) if how == "match" else regex.search(s)) is not None


@pytest.mark.parametrize(("name", "regex", "how", "precheck"), PAIRS, ids=_IDS)
def test_every_alternative_passes_its_precheck(name: str, regex: re.Pattern[str], how: str,
                                               precheck: Callable[[str], bool]) -> None:
    paths = [s for s in alternatives(regex) if _hits(regex, how, s)]
    assert paths, f"{name}: no path through the regex matches it (the walk is wrong)"
    lost = [s for s in paths if not precheck(s)]
    assert not lost, f"{name}: the regex matches {lost[:5]!r} but its pre-check says no: add its word"


def test_the_walk_reaches_a_new_alternative() -> None:
    """The walk sees an alternative a pre-check lacks (what the test above must catch)."""
    widened = re.compile(engine._COMPARED_BEFORE_RE.pattern.replace("(c", "(nhỉnh|c", 1))
    lost = [s for s in alternatives(widened) if widened.search(s) and not engine._compared_before(s)]
    assert lost and all(s.startswith("nhỉnh") for s in lost)


_WORDS = st.sampled_from("năm 2025 toàn xã có hội viên của đoàn trong đó tổng số hơn mỗi quỹ vì người nghèo trị giá "
                         "triệu đồng , ; . : ( ) / \n - – tăng so với cùng kỳ bình quân ban tổ chức theo chia sẻ cũ".split(" "))
_TEXT = st.lists(_WORDS, max_size=12).map(" ".join)


@pytest.mark.parametrize(("name", "regex", "how", "precheck"), PAIRS, ids=_IDS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_matches_in_text_pass_their_precheck(name: str, regex: re.Pattern[str], how: str,
                                             precheck: Callable[[str], bool], data: st.DataObject) -> None:
    """A match drawn from the regex (or one of its walked paths) with random words around it."""
    core = data.draw(st.one_of(st.sampled_from(alternatives(regex)), st.from_regex(regex, fullmatch=True)))
    before = data.draw(_TEXT.map(lambda t: t + " ")) if how != "match" else ""
    s = before + core + data.draw(st.sampled_from(["", "", "\n", " "]) | _TEXT.map(lambda t: " " + t))
    if how != "match" and regex.search(s) is None and regex.search(core) is not None:
        s = core  # (an anchored regex: '$' wants the match last)
    if _hits(regex, how, s):
        assert precheck(s), f"{name}: the regex matches {s!r} but its pre-check says no"

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

from giaoban.textfigures import attribution, boilerplate, engine, figures, sections
from giaoban.textfigures.normalize import LinePattern, match_key, nfc

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# (name, fast pattern, its plain form, the groups its callers read)
PAIRS: list[tuple[str, re.Pattern[str], re.Pattern[str], tuple[int, ...]]] = [
    ("engine._CLAUSE_BREAK_RE", engine._CLAUSE_BREAK_RE, re.compile(
        r"[;:(\n]|,(?!(?<=\d,)\d)(?!(?<=\d,) thứ \d)(?!(?<=trong sạch,) vững mạnh)(?!(?<=sản xuất,) kinh doanh)"), ()),
    ("engine._CLAUSE_MARK_RE", engine._CLAUSE_MARK_RE, re.compile(r"[,;:()]| - "), ()),
    ("engine._COUNTED_PHRASE_END_RE", engine._COUNTED_PHRASE_END_RE, re.compile(
        r"[,;:()\n.\d]| (?:cho|với|của|tại|để|từ|ở|do|nhằm|qua|trong|trên|thuộc|đã|được|là|và|về)(?![^\W\d_])"), ()),
    ("engine._HELPED_BEFORE_RE", engine._HELPED_BEFORE_RE, re.compile(
        r"(?<![^\W\d_])(?:giúp|hỗ trợ|tạo điều kiện|hướng dẫn)(?: cho)? (?:(?:trên|hơn|gần|khoảng) )?$"), ()),
    ("engine._OUT_OF_FUND_RE", engine._OUT_OF_FUND_RE, re.compile(r"(?<![^\W\d_])(?:từ|trích)(?: nguồn)? quỹ(?![^\W\d_])"), ()),
    ("engine._SPENT_BEFORE_RE", engine._SPENT_BEFORE_RE, re.compile(
        r"(?<![^\W\d_])(?:chi|trích|sử dụng|dùng|xuất)(?: (?:hỗ trợ|thêm|tổng cộng|số tiền))* (?:(?:trên|hơn|gần|khoảng) )?$"), ()),
    ("engine._VALUED_BEFORE_RE", engine._VALUED_BEFORE_RE,
     re.compile(r"(?<![^\W\d_])trị giá (?:(?:trên|hơn|gần|khoảng|ước|là) )*$"), ()),
    ("engine._SUM_BEFORE_RE", engine._SUM_BEFORE_RE,
     re.compile(r"(?<![^\W\d_])(?:với )?(?:tổng )?số tiền (?:(?:là|trên|hơn|gần|khoảng) )?$"), ()),
    ("engine._CLAUSE_OR_SENTENCE_END_RE", engine._CLAUSE_OR_SENTENCE_END_RE, re.compile(r"[,;:(\n]|\.(?!\d)"), ()),
    ("engine._SENTENCE_BREAK_RE", engine._SENTENCE_BREAK_RE, re.compile(r"[;\n]|\.(?!\d)"), ()),
    ("figures._SENTENCE_BREAK_RE", figures._SENTENCE_BREAK_RE, re.compile(r"[;:\n]|\.(?!\d)"), ()),
    ("sections._SENTENCE_END_RE", sections._SENTENCE_END_RE, re.compile(r"[.!?](?=\s|$)|\n"), ()),
    ("attribution._CLAUSE_BREAK_RE", attribution._CLAUSE_BREAK_RE, re.compile(r"[,;:]|\.(?!\d)"), ()),
    ("attribution._SENTENCE_END_RE", attribution._SENTENCE_END_RE, re.compile(r"[.!?](?:\s|$)|\n"), ()),
    ("attribution._NAME_END_RE", attribution._NAME_END_RE,
     re.compile(r"[,;:.()]| (?:của|thuộc|do|đã|đang|vừa|hỗ trợ|trao|tặng|chi|cấp)(?![^\W\d_])"), ()),
    ("attribution._BOUNDARY_RE", attribution._BOUNDARY_RE, re.compile(r"\n|[.!?…;](?=[ \t]+(\S))"), (1,)),
    ("attribution._CLAUSE_MARK_RE", attribution._CLAUSE_MARK_RE, re.compile(r"[,;:] |\(|\)| - "), ()),
    ("attribution._PLACE_BEFORE_RE", attribution._PLACE_BEFORE_RE, re.compile(r"(?<![^\W\d_])(?:tại|ở) $"), ()),
    ("figures._TOTAL_LABEL_RE", figures._TOTAL_LABEL_RE, re.compile(r"(?<![^\W\d_])tổng số ([^\W\d_]+(?: [^\W\d_]+)?) $"), (1,)),
    ("figures._REMAINING_LABEL_RE", figures._REMAINING_LABEL_RE,
     re.compile(r"(?<![^\W\d_])([^\W\d_]+(?: [^\W\d_]+)?) còn $"), (1,)),
]
# (name, lines found by their line break, the plain form with '^')
LINES: list[tuple[str, LinePattern, re.Pattern[str]]] = [
    ("engine._SECTION_HEADING", engine._SECTION_HEADING,
     re.compile(r"(?m)^[ \t]*(?:[ivxlc]+|\d+(?:\.\d+)*|[a-zđ])[.)][ \t]+[^\n]{1,100}$")),
    ("boilerplate._TAIL", boilerplate._TAIL, re.compile(r"(?m)^" + boilerplate._TAIL.first.pattern)),
    ("boilerplate._LINE", boilerplate._LINE, re.compile(r"(?m)^" + boilerplate._LINE.first.pattern)),
]


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


def _same_lines(fast: LinePattern, plain: re.Pattern[str], text: str) -> int:
    spans = [m.span() for m in plain.finditer(text)]
    assert list(fast.spans(text)) == spans
    return len(spans)


@pytest.mark.parametrize("name,fast,plain,groups", PAIRS, ids=[p[0] for p in PAIRS])
def test_the_fast_form_finds_what_the_plain_form_finds_in_every_fixture(
        name: str, fast: re.Pattern[str], plain: re.Pattern[str], groups: tuple[int, ...]) -> None:
    keys = _keys()
    assert len(keys) > 250
    found = sum(_same(fast, plain, groups, key) for key in keys)
    assert found > 0, name  # (the fixtures hold the pattern's matches: the comparison compares something)


@pytest.mark.parametrize("name,fast,plain", LINES, ids=[p[0] for p in LINES])
def test_lines_found_by_their_break_are_the_plain_patterns_in_every_fixture(
        name: str, fast: LinePattern, plain: re.Pattern[str]) -> None:
    found = sum(_same_lines(fast, plain, key) for key in _keys())
    assert found > 0, name


# Random text made of what the patterns look at.
_PIECES = st.sampled_from([
    "\n", " ", "  ", "\t", ",", ", ", "; ", ": ", ".", ". ", "…", "!", "?", "(", ")", " - ", "-", "12,6", "1.234", "5",
    "Hội", "hội", "tổng số hộ ", " còn ", "giúp ", "hỗ trợ cho ", "hướng dẫn", "gần ", " cho ", " của ", "và",
    "II. ", "1.2) ", "a) ", "iv. ", "Phương hướng", "x", "đ", "_", "²", "tin đọc nhiều", "chia sẻ", "# ", "…", " do", "trao ", ".5", "?\n",
])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=50).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_the_fast_forms_find_what_the_plain_forms_find_in_random_text(text: str) -> None:
    for _name, fast, plain, groups in PAIRS:
        _same(fast, plain, groups, text)
    for _name, lines, plain_lines in LINES:
        _same_lines(lines, plain_lines, text)


def test_a_changed_fast_form_fails() -> None:
    """The comparison can fail: a fast form that drops the digit exception of the comma differs."""
    wrong = re.compile(r"[;:(\n,]")
    with pytest.raises(AssertionError):
        _same(wrong, PAIRS[0][2], (), "tăng 12,6 tỷ đồng, đạt 5 hộ")



_INTRO_PLAIN = re.compile(r"^(?:(?:" + "|".join(attribution._INTRO_WORDS) + r")[\s,:]*)*$")


def _openings(key: str) -> list[str]:
    """The first words of each clause, one to eight of them: what stands before a name."""
    out = []
    for clause in re.split(r"[;.\n(]", key):
        words = clause.split(" ")
        out += [" ".join(words[:k]).strip() for k in range(1, min(len(words), 8) + 1)]
    return out


def test_intro_words_grouped_by_letter_accept_what_the_plain_alternation_accepts() -> None:
    accepted = 0
    for key in _keys():
        for opening in _openings(key):
            plain = _INTRO_PLAIN.match(opening) is not None
            assert (attribution._INTRO_RE.match(opening) is not None) == plain, opening
            accepted += plain
    assert accepted > 100


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*(w for w in attribution._INTRO_WORDS if not set(w) & set("()[]\\?+*")), "quý iii", "năm 2025", "6 tháng đầu năm", "1.2.", "a)",
                                 "-", "cụm thi đua khối xã", "hội", ",", ", ", ":", " ", "x"]), max_size=6).map(" ".join))
def test_intro_words_grouped_by_letter_in_random_openings(opening: str) -> None:
    assert (attribution._INTRO_RE.match(opening) is not None) == (_INTRO_PLAIN.match(opening) is not None)


def test_the_qualifier_tail_searched_from_its_letters_starts_where_the_plain_search_finds_it() -> None:
    heads = 0
    for key in _keys():
        for a, b in _windows(key):
            head = key[a:b]
            assert engine._qualifier_tail_start(head) == engine._QUALIFIER_TAIL_RE.search(head).start(), head  # type: ignore[union-attr]
            heads += 1
    assert heads > 1000


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*engine._QUALIFIER_TAIL_WORDS, " ", "  ", "\n", "\u2028", "5", "x", "hội viên", "đ", "ơn", "a"]),
                max_size=8).map("".join))
def test_the_qualifier_tail_in_random_text(head: str) -> None:
    assert engine._qualifier_tail_start(head) == engine._QUALIFIER_TAIL_RE.search(head).start()  # type: ignore[union-attr]


# (attribution's two ends, whose set-first forms the review of 2026-12-07 found hard to read: at each of
# their cases, a mark, the space before a word or before a longer word, a line break, a mark before a letter)
@pytest.mark.parametrize("text", [
    "Hội Phụ nữ xã hỗ trợ 5 hộ", "Hội Phụ nữ xã hỗ trợx", "Ban (xã) của", "Mặt trận cấp", "Mặt trận cấpphát", " chi", "chi",
    "Hội CCB, Hội ND; Đoàn: x.", "xong.\nTiếp", "xong.Tiếp", "xong!", "a?\tb", "Hội do\n", "1.234 hộ.", "\n\n. ", "x .",
])
def test_attributions_name_and_sentence_ends_at_their_edges(text: str) -> None:
    for name, fast, plain, groups in PAIRS:
        if name in ("attribution._NAME_END_RE", "attribution._SENTENCE_END_RE"):
            _same(fast, plain, groups, text)
            assert _spans_at_each_place(fast, text) == _spans_at_each_place(plain, text), name


def _spans_at_each_place(pattern: re.Pattern[str], text: str) -> list[tuple[int, int] | None]:
    return [m.span() if (m := pattern.match(text, i)) else None for i in range(len(text) + 1)]

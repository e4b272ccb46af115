"""meetings.people's word-opening patterns written to open with their first letter (issue 15: speed) match
exactly where their first forms, a look-behind at every position, matched: on every text the project holds
and on new wordings (any case of the honorific, the word inside a longer word, after a digit, at the start
of the text, a list head inside a title). Since the review of 2026-12-07 they are written as the rest of the
engine's, by normalize.by_first_letter from their first forms (until then by hand, with LETTER_START).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from giaoban.textfigures.meetings import people
from giaoban.textfigures.normalize import FIRST_LETTER_FORMS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TEXTS = sorted(p for d in ("corpus", "extraction", "meetings") for p in (FIXTURES / d).glob("*.txt"))

# The forms as first written (before 2026-12-07).
FIRST_FORMS = {
    "_HONORIFIC": r"(?<![^\W\d_])(?:đồng chí|Đồng chí|ĐỒNG CHÍ|đ/c|Đ/c|ông|Ông|bà|Bà)\s+",
    "_LIST_HEAD": r"(?:các|những) (?:đồng chí|ông, bà|ông bà|ông|bà|vị)\s*:\s*|(?<![^\W\d_])(?:Thư ký|Chủ trì)\s*:\s*"
                  r"(?=[A-ZĐ][^\W\d_]* [A-ZĐ])",
    "_RANK": r"(?<![^\W\d_])(?:Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Chuẩn Đô đốc|Phó Đô đốc|Đại tá|"
             r"Thượng tá|Trung tá|Thiếu tá|Đại úy|Thượng úy|Trung úy|Thiếu úy)\s+",
    "_HONORIFIC_AND_NAME": r"(?<![^\W\d_])(?i:đồng chí|đ/c|ông|bà)\s+(" + people._NAME_WORD + "(?: " + people._NAME_WORD
                           + r")*)(?![^\W\d_])",
    # (first a word of the text looked up in SURNAMES, then by hand with LETTER_START until 2026-12-07)
    "_SURNAME_RE": r"(?<![^\W\d_])(?:" + "|".join(sorted(people.SURNAMES)) + r")(?![^\W\d_])",
}

NEW_WORDING = (
    "ĐỒNG CHÍ Lê Văn Tâm phát biểu. ĐỒNG chí Lê Tâm, Đ/C Tâm, Đ/c Lê Tâm, đ/C Tâm và BÀ Hoa, Bà Hoa, bÀ Hoa; ÔNG Tâm.",
    "Ông Tâm nói. Khoảng 3 ông bà cụ; bông lúa, tông màu, Bông Sen; 2bà Hoa, _ông Tâm, xông Tâm, Bàn bạc, bàn Tâm.",
    "Dự họp có các đồng chí: Lò Văn A, Chủ tịch; những ông, bà: Lê B; các vị : Hà C. Phó Thư ký: Lê Văn D; "
    "Chủ trì : Vũ Thị E. TổngThư ký: Lê Văn D. 5Chủ trì: Vũ Thị E. Thư ký: lê văn D. Chủ trì:Vũ Thị E",
    "Thiếu tướng Lê Văn A, Đại tá Hà B; Trung úy  Vũ C; ThượngĐại tá Lê D; 3Đại úy Lê E; Phó Đô đốc Phạm F, "
    "Chuẩn Đô đốc Trần G. Đại tướng\nVõ H.",
    "Nguyễn Văn An, 3Lê Bình, _Hà Chi, ÂuDương, Âu Cơ; TrầnThị Lan, Đỗ\nLường Văn Tú và NgôĐinh Hà; Lò Văn Mai, La Lâm.",
)


def _texts() -> list[str]:
    return [unicodedata.normalize("NFC", p.read_text(encoding="utf-8")) for p in TEXTS] + list(NEW_WORDING)


def _found(pattern: re.Pattern[str], text: str, pos: int = 0) -> list[tuple[tuple[int, int], str, str]]:
    """The spans and texts of the matches, and the name read (_HONORIFIC_AND_NAME's group 1)."""
    name = pattern.pattern.endswith(r")*)(?![^\W\d_])")
    return [(m.span(), m.group(0), m.group(1) if name else "") for m in pattern.finditer(text, pos)]


@pytest.mark.parametrize("name", sorted(FIRST_FORMS))
def test_letter_first_forms_match_as_the_first_forms(name):
    first, now = re.compile(FIRST_FORMS[name]), getattr(people, name)
    texts = _texts()
    # (the texts that differ by their index only: no corpus text is printed, CONVENTIONS.md's test part unseen)
    assert [i for i, text in enumerate(texts) for pos in (0, 5) if _found(now, text, pos) != _found(first, text, pos)] == []
    assert sum(len(_found(first, text)) for text in texts) > 10
    for text in NEW_WORDING:  # (and matched at each position: the word start is checked against the text before it)
        assert [i for i in range(len(text)) if bool(now.match(text, i)) != bool(first.match(text, i))] == []


def test_the_patterns_are_written_by_first_letter_from_their_first_forms():
    for name in ("_HONORIFIC", "_LIST_HEAD", "_RANK", "_SURNAME_RE"):
        assert FIRST_LETTER_FORMS[getattr(people, name).pattern] == FIRST_FORMS[name], name
    assert FIRST_LETTER_FORMS[people._SPEAKER_HONORIFIC].startswith(r"(?<![^\W\d_])")


def test_new_wordings_are_read():
    """(the rows mean something: honorifics of any case, lists and ranks are found in them)"""
    spans = [m.group(0) for m in people._HONORIFIC_AND_NAME.finditer(NEW_WORDING[0])]
    assert spans == ["ĐỒNG CHÍ Lê Văn Tâm", "ĐỒNG chí Lê Tâm", "Đ/C Tâm", "Đ/c Lê Tâm", "đ/C Tâm", "BÀ Hoa", "Bà Hoa",
                     "bÀ Hoa", "ÔNG Tâm"]
    assert [m.group(0).strip() for m in people._RANK.finditer(NEW_WORDING[3])] == [
        "Thiếu tướng", "Đại tá", "Trung úy", "Đại úy", "Phó Đô đốc", "Chuẩn Đô đốc", "Đại tướng"]

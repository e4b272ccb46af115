"""Vietnamese number grammar: digit literals, scale words and numbers written in words.

Works on the matching key (lower case, NFC, same length as the text). Only says what number an
expression denotes and where it lies; whether it is a *figure* (and not a year, a date, a decree
number) is decided by the engine with the lexicon.

Conventions: '.' groups thousands and ',' marks decimals ('29.774' = 29774, '34,5' = 34.5); a
comma followed by exactly three digits is ambiguous ('14,917 hộ' is a typo for 14917; '50,261 tỷ'
is 50.261 tỷ), so the literal reports both readings and the caller picks one from the unit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .normalize import WORD_START

SCALES: dict[str, Decimal] = {
    "nghìn": Decimal(1000), "ngàn": Decimal(1000), "vạn": Decimal(10000),
    "triệu": Decimal(10) ** 6, "tỷ": Decimal(10) ** 9, "tỉ": Decimal(10) ** 9,
}
DIGIT_WORDS: dict[str, int] = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
    "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}
WORD_PARTS = _WORD_PARTS = set(DIGIT_WORDS) | set(SCALES) | {"mười", "mươi", "trăm", "linh", "lẻ"}

# A digit literal: groups joined by '.' or ','; no letter or digit directly before it.
LITERAL_RE = re.compile(r"\d" + WORD_START + r"\d*(?:[.,]\d+)*")
_SPACE_GROUP_RE = re.compile(r" (\d{3})(?![\d.,])")
_WORD_RE = re.compile(r"[^\W\d_]+")
# The scale words a figure is written with after its digits ('3,5 triệu'), as a regex alternation.
SCALE_WORDS = "nghìn|ngàn|triệu|tỷ|tỉ"
_SCALE_RE = re.compile(r" ?(" + SCALE_WORDS + r"|trăm)(?![^\W\d_])")  # (its starts: _SCALE_STARTS, asked first)
_SCALE_STARTS = tuple(f"{space}{w}" for w in (*SCALE_WORDS.split("|"), "trăm") for space in ("", " "))  # what _SCALE_RE starts with
_SCALE_PAIR_RE = re.compile(r" (\d{1,3}(?:,\d+)?) (nghìn|ngàn|triệu)(?![^\W\d_])")


@dataclass(slots=True)
class Literal:
    start: int
    end: int
    value: Decimal
    # Reading of 'a,bcd' as a thousands group (None when the literal is not ambiguous).
    alt_thousands: Decimal | None = None
    is_integer_text: bool = True  # no decimal mark
    plain_digits: bool = False  # only digits, no separator ('2023', '3000')
    odd: bool = False  # separators that fit no convention ('1.2.3')


@lru_cache(maxsize=4096)
def parse_literal(s: str) -> Literal | None:
    """Read one digit literal (without offsets). Cached: the same literals recur ('1', '2024', '100'),
    and a Literal is never changed by its readers."""
    if s.isdigit():  # (most literals: fields by position, keywords cost more per call)
        return Literal(0, len(s), Decimal(s), None, True, True)
    dec_part = ""
    int_text = s
    if "," in s and "." in s:
        # '1.234,5': dots group, the comma is the decimal mark.
        int_text, _, dec_part = s.rpartition(",")
        groups = int_text.split(".")
        if "," in int_text or not _is_grouped(groups):
            return Literal(0, len(s), _dec(groups[0]), odd=True)
        return Literal(0, len(s), _dec("".join(groups) + "." + dec_part), is_integer_text=False)
    if "." in s:
        groups = s.split(".")
        if _is_grouped(groups):
            return Literal(0, len(s), _dec("".join(groups)))
        if len(groups) == 2:
            # '3.5': English decimal point; rare in Vietnamese text, accept with a flag.
            return Literal(0, len(s), _dec(s), is_integer_text=False, odd=True)
        return None
    groups = s.split(",")
    if len(groups) == 2:
        value = _dec(groups[0] + "." + groups[1])
        alt = _dec("".join(groups)) if len(groups[1]) == 3 and len(groups[0]) <= 3 else None
        return Literal(0, len(s), value, alt_thousands=alt, is_integer_text=False)
    if _is_grouped(groups):
        # '1,234,567': English grouping.
        return Literal(0, len(s), _dec("".join(groups)), odd=True)
    return None


def _is_grouped(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]) and groups[0] != "0"


def _dec(s: str) -> Decimal:
    try:
        return Decimal(s)
    except InvalidOperation:
        return Decimal(0)


def space_grouped_end(key: str, end: int, first_len: int) -> tuple[int, str]:
    """'19 136': extend a 1–3 digit literal over following space-separated groups of three."""
    if first_len > 3 or not key.startswith(" ", end):
        return end, ""
    digits = ""
    pos = end
    while True:
        m = _SPACE_GROUP_RE.match(key, pos)
        if not m:
            break
        digits += m.group(1)
        pos = m.end()
    return pos, digits


_ONE = Decimal(1)


def words_value(words: Sequence[str | Decimal]) -> Decimal | None:
    """Value of a sequence of number words and digit values: 'ba nghìn' → 3000,
    'hai mươi lăm' → 25, [Decimal('1.5'), 'tỷ'] → 1 500 000 000, '2 tỷ 500 triệu'."""
    if len(words) == 2 and isinstance(words[0], Decimal) and isinstance(scale := words[1], str) and scale in SCALES:
        # '1,5 tỷ', '300 triệu': most amounts, the loop's result without its sums (a zero before a
        # scale counts as one there, as below)
        return (words[0] or _ONE) * SCALES[scale]
    parts: list[tuple[Decimal, Decimal]] = []  # (scale, value already multiplied)
    group = Decimal(0)
    pending: Decimal | None = None
    seen = False
    for w in words:
        if isinstance(w, Decimal):
            if pending is not None:
                return None
            pending = w
        elif w in DIGIT_WORDS:
            if pending is not None:
                return None
            pending = Decimal(DIGIT_WORDS[w])
        elif w == "mười":
            group += 10
        elif w == "mươi":
            group += (pending if pending is not None else Decimal(1)) * 10
            pending = None
        elif w == "trăm":
            group += (pending if pending is not None else Decimal(1)) * 100
            pending = None
        elif w in ("linh", "lẻ"):
            continue
        elif w in SCALES:
            scale = SCALES[w]
            chunk = group + (pending or 0)
            # 'một nghìn tỷ': what came before a larger scale is multiplied by it.
            lower = sum((v for s, v in parts if s < scale), Decimal(0))
            if chunk == 0 and lower == 0:
                chunk = Decimal(1)
            parts = [(s, v) for s, v in parts if s >= scale]
            parts.append((scale, (chunk + lower) * scale))
            group, pending = Decimal(0), None
        else:
            return None
        seen = True
    if not seen:
        return None
    return sum((v for _, v in parts), Decimal(0)) + group + (pending or 0)


def read_word_run(key: str, pos: int) -> tuple[int, list[str]]:
    """Number words starting at ``pos`` separated by single spaces: returns (end, words)."""
    words: list[str] = []
    end = pos
    while len(words) < 12:  # no real number needs more words; bounds the work on odd input
        m = _WORD_RE.match(key, pos)
        if not m or m.group() not in _WORD_PARTS:
            break
        words.append(m.group())
        end = m.end()
        if key.startswith(" ", end):
            pos = end + 1
        else:
            break
    return end, words


def read_scales(key: str, pos: int) -> tuple[int, list[str | Decimal]]:
    """After a digit literal: scale words and further 'digits scale' pairs ('2 tỷ 500 triệu')."""
    if not key.startswith(_SCALE_STARTS, pos):
        return pos, []  # (most numbers: no scale word after them, asked in C)
    seq: list[str | Decimal] = []
    end = pos
    while True:
        m = _SCALE_RE.match(key, end)
        if m:
            seq.append(m.group(1))
            end = m.end()
            continue
        # Another literal followed by a *smaller* scale word: '2 tỷ 500 triệu'.
        m = _SCALE_PAIR_RE.match(key, end) if seq else None
        if m:
            prev = [s for s in seq if isinstance(s, str)]
            if prev and SCALES.get(prev[-1], Decimal(0)) > SCALES[m.group(2)]:
                seq.extend([_dec(m.group(1).replace(",", ".")), m.group(2)])
                end = m.end()
                continue
        break
    return end, seq

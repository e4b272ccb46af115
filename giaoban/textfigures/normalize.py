"""Text normalization for matching, with offsets that stay valid in the NFC text.

The engine reports offsets into ``unicodedata.normalize("NFC", text)``. Matching, however, needs
one spelling per word: lower case, one tone placement ('hoà' and 'hòa', 'Uỷ' and 'Ủy'), plain
spaces and dashes. Every change made here maps one character to one character, so the matching
key has exactly the length of the NFC text and an offset in one is the same offset in the other.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable, Iterator, NamedTuple

# Tone marks as combining characters (NFD).
_TONES = "\u0300\u0301\u0303\u0309\u0323"

# Old-style placement puts the tone on the second vowel of a final 'oa', 'oe', 'uy'
# ('hoà', 'khoẻ', 'thuỷ'); the canonical key uses the first ('hòa', 'khỏe', 'thủy').
_PAIRS = (("o", "a"), ("o", "e"), ("u", "y"))


def _build_tone_map() -> dict[str, str]:
    table: dict[str, str] = {}
    for first, second in _PAIRS:
        for tone in _TONES:
            old = first + unicodedata.normalize("NFC", second + tone)
            new = unicodedata.normalize("NFC", first + tone) + second
            table[old] = new
    return table


def _pairs_pattern(pairs: Iterable[str]) -> re.Pattern[str]:
    """The pairs at the end of a syllable ('hoàn' is right in both styles), never after 'q'
    ('quý'). The pattern lists the table's own keys, so everything it matches has a replacement
    ('uà' in 'XUÀ' is no pair: a character class of second vowels matched it and the lookup
    failed). Grouped by first letter, the 'q' test after it: a pattern that starts with its
    letters is scanned for in C (a look-behind first was tried at every position, 3× slower)."""
    groups: dict[str, list[str]] = {}
    for pair in sorted(pairs):
        groups.setdefault(pair[0], []).append(re.escape(pair[1:]))
    return re.compile("(" + "|".join(
        re.escape(first) + f"(?<![qQ]{re.escape(first)})(?:" + "|".join(rest) + ")" for first, rest in groups.items()
    ) + r")(?![^\W\d_])")


_TONE_MAP = _build_tone_map()
_TONE_RE = _pairs_pattern(_TONE_MAP)


def _cased(pair: str, upper: tuple[bool, bool]) -> str:
    return "".join(c.upper() if up else c for c, up in zip(pair, upper))


# The same for text whose case is kept ('Uỷ' → 'Ủy', 'THUỶ' → 'THỦY'): each letter keeps its case.
_TONE_MAP_ANY_CASE = {
    _cased(old, upper): _cased(new, upper)
    for old, new in _TONE_MAP.items()
    for upper in ((False, False), (True, False), (False, True), (True, True))
}
_TONE_RE_ANY_CASE = _pairs_pattern(_TONE_MAP_ANY_CASE)

# One-character replacements that make matching simpler.
_CHAR_MAP = {
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\t": " ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"',
    "\uff05": "%", "\u2026": "…",
    # Vietnamese 'Đ' lowercases to 'đ' already; a Latin 'Ð' (eth) is sometimes typed for it.
    "\u00d0": "đ", "\u0110": "đ",
}


# A word boundary checked after the first character: '(?<![^\W_])word' makes the regex engine try
# every position of the text, while a pattern that starts with a literal or a character set is
# scanned for in C (5–50× faster on long texts). Same matches.
WORD_START = r"(?<![^\W_].)"
# The same checked after the second character: a position inside a word fails at the second
# character's literal before the look-behind is tried (for words of two characters or more).
WORD_START_2 = r"(?<![^\W_]..)"
# WORD_START for a word that may follow a digit ('(?<![^\W\d_])word', checked after the first letter).
LETTER_START = r"(?<![^\W\d_].)"


def word_alternation(words: Iterable[str]) -> str:
    """'(w1|w2|...)' matching only at the start of a word, fast-scannable (see WORD_START).

    Grouped by first character, so the boundary is checked once per position and only the
    words with that first character are tried; within a group the given order is kept (put
    longer words first where one is a prefix of another)."""
    return prefix_alternation(words, WORD_START)


class LinePattern(NamedTuple):
    """A pattern that opens a line ('^' in MULTILINE), as two: one matched at the text's start
    and one found by the line break before it. A line break is a literal, which the regex engine
    scans for in C; a pattern that opens with '^' is tried at every position of the text."""

    first: re.Pattern[str]
    after_break: re.Pattern[str]

    @classmethod
    def compile(cls, body: str, flags: int = 0) -> "LinePattern":
        """``body`` without its '^' (and without inline flags: pass them as ``flags``)."""
        return cls(re.compile(body, flags | re.MULTILINE), re.compile("\n" + body, flags | re.MULTILINE))

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each match, in order: what ``re.finditer('^' + body)`` finds."""
        m = self.first.match(text)
        if m:
            yield m.span()
        for m in self.after_break.finditer(text):
            yield m.start() + 1, m.end()


def prefix_alternation(words: Iterable[str], after_first: str = "") -> str:
    """'(w1|w2|...)' grouped by first character: the regex engine tries one character test per
    group instead of every word (the words of a group keep their order; a pattern
    ``after_first`` goes after the first character)."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "(" + "|".join(re.escape(c) + after_first + "(?:" + "|".join(rest) + ")" for c, rest in groups.items()) + ")"


def trie_alternation(words: Iterable[str], after_first: str = "", after_second: str = "") -> str:
    """'(…)' matching the longest of ``words`` that the rest of the pattern allows, as a trie:
    at each character one test per next character instead of one per word (an alternation of
    several hundred names is tried word by word at every place it could start). The same
    matches as ``prefix_alternation`` of the words sorted longest first; ``after_first`` goes
    after the first character, ``after_second`` after the second (every word has two)."""
    trie: dict[str, dict] = {}
    for w in words:
        assert not after_second or len(w) >= 2, w
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict], depth: int) -> str:
        branches = [re.escape(ch) + (after_first if depth == 1 else after_second if depth == 2 else "")
                    + emit(child, depth + 1) for ch, child in node.items() if ch != ""]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body  # greedy: the longer word first

    return "(" + emit(trie, 1) + ")"


# Each pattern written by ``by_first_letter``: its fast form -> its plain form (the reference
# tests/textfigures/test_first_letter_forms.py holds it to).
FIRST_LETTER_FORMS: dict[str, str] = {}


def by_first_letter(plain: str) -> str:
    """A pattern that opens with look-behinds ('(?<![^\\W\\d_])(?:tặng|trao) …') written to open with
    its first letters instead ('(?:t(?<![^\\W\\d_].)(?:ặng|rao)) …'): the same matches and groups, but
    the regex engine scans for the first letters in C instead of trying the look-behinds at every
    position (see WORD_START). Each look-behind is checked after the first character, which it then
    covers ('.'); the branches are grouped by first character in their order, a leading optional or
    alternative group spelt out ('(?:với )?số tiền' -> 'với số tiền|số tiền'). Branches with no
    look-behind before them all are written so one by one, each with its own look-behinds if any
    ('(?:các|những) …|(?<![^\\W\\d_])Thư ký …'). Raises ValueError when the pattern is not of that
    shape (no look-behind, a branch opening with no literal, a capture to copy)."""
    behinds: list[str] = []
    i = 0
    while plain.startswith("(?<!", i) or plain.startswith("(?<=", i):
        j = _group_end(plain, i)
        behinds.append(plain[i:j + 1])
        i = j + 1
    rest = plain[i:]
    several = len(_split_top(rest)) > 1
    if "(?<" not in plain or (behinds and several):
        raise ValueError(f"no look-behind, or one before the first of several branches only: {plain!r}")
    opener, tail = "", ""
    if not several and rest.startswith("(") and not rest.startswith("(?<"):
        j = _group_end(rest, 0)
        if rest[j + 1:j + 2] not in ("?", "*", "+", "{"):
            opener = "(" if rest[1] != "?" else "(?:" if rest.startswith("(?:") else rest[:rest.index(">") + 1]
            if not opener.startswith(("(?:", "(?P<")) and opener != "(":
                raise ValueError(f"an unknown group first: {plain!r}")
            rest, tail = rest[len(opener):j], rest[j + 1:]
    branches = [b for part in _split_top(rest) for b in _literal_first(part)]
    groups: dict[str, list[str]] = {}
    for b in branches:
        if _captures(b) and len(branches) > 1:  # (regrouped, its number could change)
            raise ValueError(f"a capture in a branch: {plain!r}")
        groups.setdefault(b[0], []).append(b[1:])
    after_first = "".join(map(_after_first, behinds))
    body = "|".join(re.escape(c) + after_first + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")")
                    for c, rests in groups.items())
    fast = ("(" if opener == "(" else opener or "(?:") + body + ")" + tail
    FIRST_LETTER_FORMS[fast] = plain
    return fast


def _after_first(behind: str) -> str:
    """A look-behind checked one character later: '(?<!xã )' -> '(?<!xã .)'."""
    return behind[:4] + (f"(?:{behind[4:-1]})" if "|" in behind else behind[4:-1]) + ".)"


def _literal_first(branch: str) -> list[str]:
    """The branch as branches that each open with a literal character (its leading groups spelt out,
    its leading look-behinds moved after that character)."""
    if branch.startswith(("(?<!", "(?<=")):
        j = _group_end(branch, 0)
        return [b[0] + _after_first(branch[:j + 1]) + b[1:] for b in _literal_first(branch[j + 1:])]
    if branch.startswith("(?:"):
        j = _group_end(branch, 0)
        inner, after = branch[3:j], branch[j + 1:]
        if after.startswith("?") and not after.startswith(("??", "?+")):  # (greedy: with the group, then without)
            if _captures(after[1:]):
                raise ValueError(f"a capture to copy: {branch!r}")
            return [b for part in _split_top(inner) for b in _literal_first(part + after[1:])] + _literal_first(after[1:])
        if after[:1] not in ("*", "+", "{"):
            if len(_split_top(inner)) > 1 and _captures(after):
                raise ValueError(f"a capture to copy: {branch!r}")
            return [b for part in _split_top(inner) for b in _literal_first(part + after)]
    if not branch or branch[0] in "\\.^$*+?{}[]|()\n" or branch[1:2] in ("*", "+", "?", "{"):
        raise ValueError(f"a branch opening with no literal: {branch!r}")
    return [branch]


def _syntax(pattern: str, i: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth) of each character of ``pattern`` from ``i`` on that is regex syntax, not
    escaped ('\\(') nor in a character class ('[(|]'); depth: how many groups opened from ``i`` on hold it, a
    '(' counted inside the group it opens, a ')' outside the group it closes. The one walk of a pattern's
    text that the three questions below ask (Python's parser, re._parser, keeps no places in the text)."""
    depth = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(pattern, i) + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        yield i, ch, depth
        i += 1


def _captures(pattern: str) -> bool:
    """Whether the pattern has a capturing group ('(…)', '(?P<name>…)')."""
    return any(ch == "(" and (not pattern.startswith("(?", j) or pattern.startswith("(?P<", j)) for j, ch, _ in _syntax(pattern))


def _group_end(pattern: str, i: int) -> int:
    """The index of the ')' closing the group opened at ``i``."""
    return next(j for j, ch, depth in _syntax(pattern, i) if ch == ")" and depth == 0)


def _split_top(pattern: str) -> list[str]:
    """The pattern's top-level branches."""
    bars = [j for j, ch, depth in _syntax(pattern) if ch == "|" and depth == 0]
    return [pattern[a + 1:b] for a, b in zip([-1, *bars], [*bars, len(pattern)])]


def _class_end(pattern: str, i: int) -> int:
    """The index of the ']' closing the character class opened at ``i``."""
    j = i + 1
    if pattern[j:j + 1] == "^":
        j += 1
    if pattern[j:j + 1] == "]":
        j += 1
    while pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j


def lower_first(text: str) -> str:
    """The text as written inside a sentence: its first letter in lower case ('Quý III/2023' →
    'quý III/2023', 'Xã Bum Nưa' → 'xã Bum Nưa'), unless its first word is an acronym or a name
    written with capitals inside ('MTTQ', 'TP.', 'LHPN')."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first.isupper() or first[1:] != first[1:].lower()):
        return text
    return text[:1].lower() + text[1:]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _lower_char(c: str) -> str:
    low = c.lower()
    return low if len(low) == 1 else c


_CHAR_RE = re.compile("[" + re.escape("".join(_CHAR_MAP)) + "]")


def _retone(m: re.Match[str]) -> str:
    return _TONE_MAP.get(m.group(1), m.group(1))


def match_key(text_nfc: str) -> str:
    """Lower-cased, tone-canonical key of the same length as ``text_nfc``."""
    low = text_nfc.lower()
    if len(low) != len(text_nfc):
        # A few characters lower-case to two ('İ'); keep those as they are.
        low = "".join(_lower_char(c) for c in text_nfc)
    if _CHAR_RE.search(low):  # most texts have none or few: a scan in C, then each character found
        # (str.replace per character: str.translate with a table looks every character up, ~40×
        # slower on a Vietnamese text; no replacement is itself replaced)
        for ch, rep in _CHAR_MAP.items():
            if ch in low:
                low = low.replace(ch, rep)
    out = _TONE_RE.sub(_retone, low)
    assert len(out) == len(text_nfc)
    return out


def retone(text: str) -> str:
    """NFC with the canonical tone placement, case and everything else kept (same length as the
    NFC text): for showing and storing a sentence, where ``match_key`` is for matching."""
    text = nfc(text)
    return _TONE_RE_ANY_CASE.sub(lambda m: _TONE_MAP_ANY_CASE[m.group(1)], text)


@lru_cache(maxsize=4096)
def canonical(text: str) -> str:
    """Key for a lexicon entry or a user string (NFC first, then the matching key)."""
    return match_key(nfc(text))

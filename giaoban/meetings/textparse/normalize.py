"""Vietnamese text normalization that keeps offsets.

NFC first, then one tone placement: the mark goes on the first vowel of the open syllables
'oa', 'oe', 'uy' ('Uỷ' → 'Ủy', 'hoà' → 'hòa', 'khoẻ' → 'khỏe'), the spelling the seed's gold
annotation uses. Moving a mark never changes the length of an NFC string, so offsets found
in the normalized text are offsets into the NFC text.
"""

import re
import unicodedata

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD = re.compile(r"[^\W\d_]+")


def _move_tone(word: str) -> str:
    """Move the tone of a word ending in open 'oa'/'oe'/'uy' to the first vowel ('qu'+y keeps it)."""
    if len(word) < 2:
        return word
    lower = word.lower()
    first, second = word[-2], word[-1]
    base_first = unicodedata.normalize("NFD", first)[0].lower()
    decomposed = unicodedata.normalize("NFD", second)
    base_second, marks = decomposed[0], decomposed[1:]
    tone = [m for m in marks if m in TONE_MARKS]
    if not tone or len(unicodedata.normalize("NFD", first)) != 1:
        return word  # no tone to move, or the first vowel already carries a mark
    pair = base_first + base_second.lower()
    if pair not in ("oa", "oe", "uy"):
        return word
    if pair == "uy" and lower[:-2].endswith("q"):
        return word
    other = "".join(m for m in marks if m not in TONE_MARKS)
    new_second = unicodedata.normalize("NFC", base_second + other)
    new_first = unicodedata.normalize("NFC", first + tone[0])
    return word[:-2] + new_first + new_second


def normalize(text: str) -> str:
    """NFC + first-vowel tone placement; the result has the length of the NFC text."""
    text = unicodedata.normalize("NFC", text)
    return _WORD.sub(lambda m: _move_tone(m.group(0)), text)


def fold(text: str) -> str:
    """normalize() and lower-case: the form patterns are matched against."""
    return normalize(text).lower()

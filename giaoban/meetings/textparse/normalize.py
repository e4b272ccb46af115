"""Vietnamese text normalization that keeps offsets: the extraction engine's (NFC, then the mark
on the first vowel of open 'oa', 'oe', 'uy': 'Uỷ' → 'Ủy', 'hoà' → 'hòa', the spelling the seed's
gold annotation uses). Neither changes the length of an NFC string, so offsets found in the
normalized text are offsets into the NFC text."""

from giaoban.textfigures.normalize import retone


def normalize(text: str) -> str:
    """NFC + first-vowel tone placement, case kept; the result has the length of the NFC text."""
    return retone(text)


def fold(text: str) -> str:
    """normalize() and lower-case: the form patterns are matched against."""
    return retone(text).lower()

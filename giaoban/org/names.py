"""Matching keys for Vietnamese names of areas and units (plain Python).

'Phường Đoàn Kết', 'phường  đoàn kết' and the NFD form of it give one key; 'hoà'/'hòa' and
'Uỷ'/'Ủy' (old and new tone placement) too. Kind prefixes ('xã', 'thị trấn', ...) are split
off so a name can be given with or without one.
"""

import re
import unicodedata

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_TONE_MAP = {}
for _first, _second in ("oa", "oe", "uy"):
    for _tone in _TONES:
        _TONE_MAP[_first + unicodedata.normalize("NFC", _second + _tone)] = unicodedata.normalize("NFC", _first + _tone) + _second
# Only at the end of a syllable ('hoàn' is the same in both styles) and never after 'q' ('quý').
_TONE_RE = re.compile(r"(?<!q)(" + "|".join(_TONE_MAP) + r")(?![^\W\d_])")

# Longest first, so 'thành phố' wins over nothing and 'thị trấn' over 'thị xã'.
KIND_PREFIXES = {
    "thành phố": ("thanh_pho", "thanh_pho_tw"),
    "thị trấn": ("thi_tran",),
    "thị xã": ("thi_xa",),
    "phường": ("phuong",),
    "huyện": ("huyen",),
    "tỉnh": ("tinh",),
    "xã": ("xa",),
    "tp.": ("thanh_pho", "thanh_pho_tw"),
    "tp": ("thanh_pho", "thanh_pho_tw"),
}


def name_key(text: str) -> str:
    """NFC, lower case, one tone placement, single spaces."""
    text = unicodedata.normalize("NFC", text or "").replace("\u0110", "đ").replace("\u00d0", "đ").lower()
    text = _TONE_RE.sub(lambda m: _TONE_MAP[m.group(1)], text)
    return " ".join(text.split())


def split_kind(text: str) -> tuple[tuple[str, ...] | None, str]:
    """('phường Đoàn Kết') -> (('phuong',), 'đoàn kết'); without a prefix the kinds are None."""
    key = name_key(text)
    for prefix in sorted(KIND_PREFIXES, key=len, reverse=True):
        if key.startswith(prefix + " ") and len(key) > len(prefix) + 1:
            return KIND_PREFIXES[prefix], key[len(prefix) + 1:]
    return None, key

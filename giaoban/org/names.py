"""Matching keys for Vietnamese names of areas and units (plain Python).

'Phường Đoàn Kết', 'phường  đoàn kết' and the NFD form of it give one key; 'hoà'/'hòa' and
'Uỷ'/'Ủy' (old and new tone placement) too. Kind prefixes ('xã', 'thị trấn', ...) are split
off so a name can be given with or without one.
"""

from giaoban.textfigures.normalize import canonical

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
    """NFC, lower case, one tone placement, single spaces (the extraction engine's matching key)."""
    return " ".join(canonical(text or "").split())


def split_kind(text: str) -> tuple[tuple[str, ...] | None, str]:
    """('phường Đoàn Kết') -> (('phuong',), 'đoàn kết'); without a prefix the kinds are None."""
    key = name_key(text)
    for prefix in sorted(KIND_PREFIXES, key=len, reverse=True):
        if key.startswith(prefix + " ") and len(key) > len(prefix) + 1:
            return KIND_PREFIXES[prefix], key[len(prefix) + 1:]
    return None, key

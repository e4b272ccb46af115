"""DHIS2-style identifiers: 11 characters, a letter then letters or digits (^[A-Za-z][A-Za-z0-9]{10}$).

They are derived from what identifies a row (kind, code, start of validity), so the same data set
gets the same ids on every installation and after a backup and restore; a new version of a unit
(a merger reuses its code from a new date) gets a new id while the old version keeps its own.
"""

from __future__ import annotations

import hashlib

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ALNUM = _LETTERS + "0123456789"


def make_uid(*parts: object) -> str:
    n = int.from_bytes(hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).digest(), "big")
    out = [_LETTERS[n % 52]]
    n //= 52
    for _ in range(10):
        out.append(_ALNUM[n % 62])
        n //= 62
    return "".join(out)


def is_uid(value: str) -> bool:
    return len(value) == 11 and value[0] in _LETTERS and all(c in _ALNUM for c in value)

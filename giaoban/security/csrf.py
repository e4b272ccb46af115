"""The CSRF token a page carries, masked as Django masks it, at a tenth of the cost.

Every page has a form (sign out, language), so every response masks the CSRF secret anew (Django's
defence against BREACH): a random 32-character mask, each character a separate
``secrets.choice`` (an ``os.urandom`` call), and 64 ``str.index`` look-ups. That was ~60 µs a
request (issue 21). Here the mask's characters come from one ``os.urandom`` read, uniform over the
same 62 characters (bytes of 248 and above are drawn again, so none is likelier), and the cipher
is computed as Django's: ``django.middleware.csrf._unmask_cipher_token`` reads it back, and the
middleware checks it unchanged (tests/security/test_csrf_mask.py).
"""

import os

from django.middleware import csrf

_CHARS = csrf.CSRF_ALLOWED_CHARS
_N = len(_CHARS)  # 62
_INDEX = {c: i for i, c in enumerate(_CHARS)}
_UNBIASED = 256 - 256 % _N  # 248: a byte below it, modulo 62, is uniform


def random_chars(length: int = csrf.CSRF_SECRET_LENGTH) -> str:
    """`length` characters drawn uniformly from CSRF_ALLOWED_CHARS by the OS's CSPRNG."""
    out: list[str] = []
    while len(out) < length:
        out.extend(_CHARS[b % _N] for b in os.urandom(length + 8) if b < _UNBIASED)
    return "".join(out[:length])


def mask_cipher_secret(secret: str) -> str:
    """Django's _mask_cipher_secret: mask + (secret + mask) character by character, modulo 62."""
    mask = random_chars()
    return mask + "".join(_CHARS[(_INDEX[s] + _INDEX[m]) % _N] for s, m in zip(secret, mask))


def install() -> None:
    """Put these in Django's CSRF module (it looks them up at each call): new secrets and masks."""
    csrf._get_new_csrf_string = random_chars
    csrf._mask_cipher_secret = mask_cipher_secret

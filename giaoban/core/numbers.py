"""Vietnamese number input and display: '.' groups thousands, ',' is the decimal mark.

Plain Python, no Django. This module is for *form input* (one number per field) and for
display. Reading figures out of running text ("gần 1.200 đại biểu", "1,5 tỷ đồng") is the job
of ``giaoban.textfigures``.

Input rules of :func:`parse_vn_number` (each is a row of the test table):

* spaces around the number are ignored; a trailing ``%`` is allowed ('12,5%' → 12.5);
  a sign ``-``/``+`` (also the Unicode minus) may lead.
* ``.`` and spaces group thousands and must do so correctly: 1–3 digits, then groups of exactly
  three ('29.774', '3.000.000.000', '3 000 000'). '1.2.3' and '12.34' are refused.
* ``,`` is the decimal mark, at most once, with digits on both sides ('1,5', '1.234,56').
* A lone ``.`` followed by one, two or four-plus digits ('1.5', '12.34') is refused rather than
  guessed: in Vietnamese input '.' groups thousands, so '1.5' is not one and a half (write '1,5')
  and not fifteen hundred either (write '1.500'). A lone ``.`` followed by exactly three digits
  ('1.500') is always thousands grouping: 1500.
* English style ('1,234.56') is refused with a hint.
* The money words officers write may follow: ``nghìn``/``ngàn``, ``triệu``, ``tỷ``/``tỉ`` (and
  ``nghìn tỷ``), then ``đồng``/``đ``: '65,2 tỷ' → 65 200 000 000, '40 triệu đồng' → 40 000 000.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "NumberFormatError",
    "format_vn_money",
    "format_vn_number",
    "format_vn_percent",
    "parse_vn_number",
    "to_decimal",
]


class NumberFormatError(ValueError):
    """Input that is not a well-formed Vietnamese number (message in Vietnamese)."""


_GROUPED = re.compile(r"^\d{1,3}(?:[.\u00a0 ]\d{3})+$")  # 29.774, 3.000.000, 3 000 000
_PLAIN = re.compile(r"^\d+$")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_SCALES = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
_WORDS = re.compile(r"^(?P<number>.*?)\s*(?P<scale>(?:(?:nghìn|ngàn)\s+)?(?:tỷ|tỉ)|nghìn|ngàn|triệu)?\s*(?P<money>đồng|đ|vnđ|vnd)?$",
                    re.IGNORECASE)


def _error(text: str, why: str) -> NumberFormatError:
    return NumberFormatError(f"Không đọc được số '{text}': {why}")


def parse_vn_number(text: str | int | Decimal) -> Decimal:
    """Parse one number typed into a form the Vietnamese way; see the module doc for the rules."""
    if isinstance(text, bool):
        raise _error(str(text), "không phải là số.")
    if isinstance(text, int):
        return Decimal(text)
    if isinstance(text, Decimal):
        if not text.is_finite():
            raise _error(str(text), "không phải là số hữu hạn.")
        return text
    if not isinstance(text, str):
        raise _error(str(text), "không phải là chuỗi ký tự.")
    original = text
    s = unicodedata.normalize("NFKC", text).strip()
    if not s:
        raise _error(original, "ô trống, hãy nhập một số.")
    s = s.replace("\u2212", "-")
    words = _WORDS.match(s)
    scale = 1
    if words and (words["scale"] or words["money"]) and words["number"]:
        s = words["number"]
        for word in (words["scale"] or "").lower().split():
            scale *= _SCALES[word]
    if s.endswith("%"):
        s = s[:-1].rstrip()
    sign = ""
    if s and s[0] in "+-":
        sign, s = ("-" if s[0] == "-" else ""), s[1:].lstrip()
    if not s:
        raise _error(original, "thiếu chữ số.")
    # internal runs of spaces act as thousands separators; normalise them to one space
    s = _SPACES.sub(" ", s)
    if not re.fullmatch(r"[\d., ]+", s):
        raise _error(original, "chỉ được dùng chữ số, dấu chấm (phân cách hàng nghìn), dấu phẩy (phần thập phân) "
                                "và các chữ nghìn, triệu, tỷ (ví dụ 65,2 tỷ).")
    if s.count(",") > 1:
        raise _error(original, "có nhiều hơn một dấu phẩy; dấu phẩy chỉ dùng cho phần thập phân (ví dụ 1,5).")
    integer, _, fraction = s.partition(",")
    if "," in s:
        if not integer or not fraction:
            raise _error(original, "dấu phẩy phải có chữ số ở cả hai bên (ví dụ 0,5).")
        if not _PLAIN.match(fraction):
            if "." in fraction and "." not in integer:
                raise _error(original, "có vẻ viết theo kiểu tiếng Anh; hãy viết 1.234,5 (dấu chấm nhóm hàng nghìn, dấu phẩy thập phân).")
            raise _error(original, "phần sau dấu phẩy chỉ được có chữ số.")
    if _PLAIN.match(integer):
        digits = integer
    elif _GROUPED.match(integer):
        digits = re.sub(r"[. ]", "", integer)
    elif re.fullmatch(r"\d+\.(?:\d{1,2}|\d{4,})", integer) and "," not in s:
        raise _error(
            original,
            "dấu chấm dùng để nhóm hàng nghìn (1.500 là một nghìn năm trăm); "
            "số thập phân viết bằng dấu phẩy (1,5).",
        )
    else:
        raise _error(original, "các nhóm hàng nghìn phải có đúng 3 chữ số (ví dụ 29.774 hoặc 3.000.000).")
    value = Decimal(f"{sign}{digits}.{fraction}" if fraction else f"{sign}{digits}") * scale
    return value + 0 if value == 0 else value  # no '-0'


def to_decimal(value: int | float | Decimal | str) -> Decimal:
    """Any number to Decimal without binary noise (0.1 → Decimal('0.1')); strings are Vietnamese."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        return parse_vn_number(value)
    raise TypeError(f"not a number: {value!r}")


def _group(digits: str) -> str:
    out = []
    while len(digits) > 3:
        out.append(digits[-3:])
        digits = digits[:-3]
    out.append(digits)
    return ".".join(reversed(out))


def format_vn_number(value: int | float | Decimal | None, decimals: int | None = None) -> str:
    """29774 → '29.774'; 1.5 → '1,5'; Decimal('82.910') → '82,91'; None → ''.

    ``decimals=None`` shows the digits the value has (trailing zeros dropped);
    an integer ``decimals`` rounds half up and always shows that many digits.
    """
    if value is None:
        return ""
    # a float carries ~15 significant digits; more is binary noise (0.1 + 0.2 → '0,3')
    d = Decimal(format(value, ".15g")) if isinstance(value, float) else to_decimal(value)
    if not d.is_finite():
        raise ValueError(f"cannot format {value!r}")
    if decimals is not None:
        d = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    elif d == d.to_integral_value():
        d = d.quantize(Decimal(1))
    else:
        d = d.normalize()
    negative = d < 0
    text = format(abs(d), "f")
    integer, _, fraction = text.partition(".")
    out = _group(integer) + ("," + fraction if fraction else "")
    if negative and any(c not in "0.," for c in out):
        out = "-" + out
    return out


_BILLION = Decimal(1_000_000_000)
_MILLION = Decimal(1_000_000)


def _compact(d: Decimal, decimals: int) -> str:
    q = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return format_vn_number(q.normalize() if q != q.to_integral_value() else q.to_integral_value())


def format_vn_money(value: int | float | Decimal | None, decimals: int = 1) -> str:
    """Money in đồng, in the words reports use: '1,5 tỷ đồng', '238,9 triệu đồng', '700.000 đồng'.

    From one million up the amount is written in triệu, from one billion in tỷ, rounded half up
    to ``decimals`` digits with trailing zeros dropped ('2 tỷ đồng', not '2,0 tỷ đồng'). Below a
    million the exact amount is written. None → ''.
    """
    if value is None:
        return ""
    d = to_decimal(value)
    sign = "-" if d < 0 else ""
    a = abs(d)
    step = Decimal(1).scaleb(-decimals)
    if a >= _BILLION or (a / _MILLION).quantize(step, rounding=ROUND_HALF_UP) >= 1000:
        return f"{sign}{_compact(a / _BILLION, decimals)} tỷ đồng"
    if a >= _MILLION:
        return f"{sign}{_compact(a / _MILLION, decimals)} triệu đồng"
    text = format_vn_number(a.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return f"{sign if text != '0' else ''}{text} đồng"


def format_vn_percent(value: int | float | Decimal | None, decimals: int = 1) -> str:
    """A value already in percent: 12.345 → '12,3%'; None → ''. Fixed number of decimals."""
    if value is None:
        return ""
    return f"{format_vn_number(value, decimals)}%"


def parse_id(text: str | None, max_digits: int = 18) -> int | None:
    """A database id or version typed into a URL or a form: ASCII digits only, at most
    `max_digits` (a bigint holds 18 in full), else None. str.isdigit() alone takes '¹' and '٣',
    which int() then refuses (a 500 where a 400/404 belongs)."""
    text = (text or "").strip()
    if not text or len(text) > max_digits or not (text.isascii() and text.isdigit()):
        return None
    return int(text)

"""Numbers written the Vietnamese way: '.' groups thousands, ',' marks decimals.

format_number(29774) -> '29.774'; format_money(1_500_000_000) -> '1,5 tỷ đồng';
format_pct(12.345) -> '12,3%'. Plain Python, used by every writer of this package.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

TY = Decimal(1_000_000_000)
TRIEU = Decimal(1_000_000)


def _to_decimal(value) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(str(float(value)))  # float, numpy scalars


def format_number(value, decimals: int = 0, strip_zeros: bool = True) -> str:
    """29774 -> '29.774'; 2950.5 with decimals=1 -> '2.950,5'; -1234.5 -> '-1.234,5'."""
    if value is None:
        return ""
    d = _to_decimal(value)
    quant = Decimal(1).scaleb(-decimals) if decimals else Decimal(1)
    d = d.quantize(quant, rounding=ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    d = abs(d)
    text = f"{d:f}"
    whole, _, frac = text.partition(".")
    if strip_zeros:
        frac = frac.rstrip("0")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    if frac:
        out += "," + frac
    if out in {"0", ""}:
        sign = ""
    return sign + out


def format_pct(value, decimals: int = 1) -> str:
    """12.345 -> '12,3%'; 100 -> '100%'."""
    if value is None:
        return ""
    return format_number(value, decimals) + "%"


def format_money(value, with_unit: bool = True) -> str:
    """Đồng amounts scaled as writers do: '1,5 tỷ đồng', '238,9 triệu đồng', '700.000 đồng'."""
    if value is None:
        return ""
    d = _to_decimal(value)
    if abs(d) >= TY:
        text, unit = format_number(d / TY, 2 if abs(d) < 10 * TY else 1), "tỷ đồng"
    elif abs(d) >= TRIEU:
        text, unit = format_number(d / TRIEU, 1), "triệu đồng"
    else:
        text, unit = format_number(d), "đồng"
    return f"{text} {unit}" if with_unit else text


def format_value(value, value_type: str = "integer", unit: str = "", with_unit: bool = True) -> str:
    """A value as a sentence or a table shows it, with its unit noun when asked."""
    if value is None:
        return ""
    if value_type == "money":
        return format_money(value, with_unit=with_unit)
    if value_type == "percent":
        return format_pct(value, 1 if with_unit else 1)
    decimals = 0 if value_type == "integer" else 2
    text = format_number(value, decimals)
    if with_unit and unit and unit != "%":
        return f"{text} {unit}"
    if unit == "%":
        return text + "%"
    return text


def table_value(value, value_type: str = "integer") -> str:
    """A table cell: money in triệu đồng (the column says so), others as they are."""
    if value is None:
        return "–"
    if value_type == "money":
        return format_number(_to_decimal(value) / TRIEU, 1)
    if value_type == "percent":
        return format_number(value, 1)
    return format_number(value, 0 if value_type == "integer" else 2)


def table_unit(unit: str, value_type: str) -> str:
    """The unit as the sentences write it ('buổi', 'lượt người', 'triệu đồng'): a common noun is
    not capitalised in the middle of a table's row."""
    return "triệu đồng" if value_type == "money" else unit.strip()


def format_date_line(place: str, date: dt.date) -> str:
    """'Lai Châu, ngày 05 tháng 10 năm 2023' (Decree 30: days below 10 and months 1-2 padded)."""
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"


def format_date_text(date: dt.date) -> str:
    """Running text omits leading zeros: 'ngày 5/10/2023'."""
    return f"{date.day}/{date.month}/{date.year}"

"""Vietnamese display of a figure value: 29.774; 1,5; 3.000.000.000.000."""

from __future__ import annotations


def format_value(value: int | float) -> str:
    if isinstance(value, float) and not value.is_integer():
        whole, _, frac = f"{value:,.6f}".rstrip("0").partition(".")
        return whole.replace(",", ".") + ("," + frac if frac else "")
    return f"{int(value):,}".replace(",", ".")

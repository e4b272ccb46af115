from decimal import Decimal

from django import template

from giaoban.core.numbers import format_vn_number, format_vn_percent

register = template.Library()


@register.filter
def vn(value, decimals=None):
    """29774 → '29.774'; 2950.5 → '2.950,5'; None → '—'."""
    if value is None or value == "":
        return "—"
    d = Decimal(value)
    if decimals is None:
        d = d.quantize(Decimal("0.01")).normalize()
        return format_vn_number(d)
    return format_vn_number(d, int(decimals))


@register.filter
def vnpct(value):
    return "—" if value is None else format_vn_percent(value)


@register.filter
def signed_pct(value):
    if value is None:
        return "—"
    return ("+" if value > 0 else "") + format_vn_percent(value)


@register.filter
def qualifier_word(row):
    return {"approx": "khoảng ", "over": "hơn ", "under": "dưới ", "mixed": "~ "}.get(getattr(row, "qualifier", ""), "")

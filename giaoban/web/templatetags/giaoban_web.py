"""Template helpers shared by the pages."""

import unicodedata

from django import template
from django.conf import settings

from giaoban.core.periods import Period

register = template.Library()


@register.filter
def vi_name(user) -> str:
    """A person's name in Vietnamese order: họ (last_name) then tên (first_name); Django's
    get_full_name() puts the given name first ('Châu Cán bộ … tỉnh Lai')."""
    if user is None:
        return ""
    name = " ".join(part for part in (getattr(user, "last_name", ""), getattr(user, "first_name", "")) if part).strip()
    return name or getattr(user, "username", "")


@register.filter
def period_label(code) -> str:
    """'2025-Q3' → 'Quý III/2025' (what people write); anything unreadable is shown as it is."""
    try:
        return Period.parse(str(code)).label_vi
    except Exception:  # a label must never break a page
        return code


@register.filter
def bar_width(percent) -> str:
    """The class that sets a progress bar's width, in steps of 5 % ('w-35'): a class, not a style
    attribute, which the Content-Security-Policy refuses (site.css has the 21 widths)."""
    try:
        value = float(percent or 0)
    except (TypeError, ValueError):
        value = 0.0
    return f"w-{int(round(min(max(value, 0.0), 100.0) / 5) * 5)}"


@register.filter
def own_language_name(code: str) -> str:
    """A language named in its own words ('Tiếng Việt', 'English') whatever the page's language:
    a reader looking for their language cannot read it in the other one ('Tiếng Anh')."""
    return unicodedata.normalize("NFC", dict(settings.LANGUAGES).get(code, code))

"""Template helpers shared by the pages."""

import unicodedata

from django import template
from django.conf import settings

from giaoban.core import people
from giaoban.core.periods import label_or_code

register = template.Library()


register.filter("vi_name", people.vi_name)  # the pages' views write it too: one place, giaoban.core
register.filter("period_label", label_or_code)


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

"""Template helpers shared by the pages."""

import unicodedata
import weakref

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf
from django.utils import translation

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


_FIXED_KEPT = 16  # outputs a {% fixed %} block keeps: languages × URLconfs × script prefixes × escaping


class FixedNode(template.Node):
    """{% fixed %}…{% endfixed %}: markup the same on every page in a language (translated labels,
    {% url %} and {% static %} links, the language list), rendered once per process and kept. The
    frame of every page spent ~0.6 ms a request on it (issue 21).

    Exact by construction: the block is rendered without the page's context (no request, user or
    view data: a variable from outside reads empty, always, not stale), so what it writes depends
    only on the active language, the URLconf, the script prefix and the escaping, which key what is
    kept, and on settings, whose every change (tests' override_settings) empties it."""

    def __init__(self, nodelist):
        self.nodelist = nodelist
        self.kept: dict = {}
        _fixed_nodes.add(self)

    def render(self, context):
        key = (translation.get_language(), get_urlconf(), get_script_prefix(), context.autoescape)
        out = self.kept.get(key)
        if out is None:
            alone = template.Context(autoescape=context.autoescape, use_l10n=context.use_l10n, use_tz=context.use_tz)
            alone.template = context.template  # the engine's settings (string_if_invalid), nothing of the page
            out = self.nodelist.render(alone)
            if len(self.kept) < _FIXED_KEPT:
                self.kept[key] = out
        return out


_fixed_nodes: weakref.WeakSet = weakref.WeakSet()


@receiver(setting_changed)
def _forget_fixed(**kwargs):
    for node in list(_fixed_nodes):
        node.kept.clear()


@register.tag
def fixed(parser, token):
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("{% fixed %} takes no arguments")
    nodelist = parser.parse(("endfixed",))
    parser.delete_first_token()
    return FixedNode(nodelist)

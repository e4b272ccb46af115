"""The indicators on a unit's form: what the rules check and what the workflow accepts (below both,
so neither imports the other to learn them)."""

from giaoban.core.periods import Period
from giaoban.org import schedules, stamp
from giaoban.org.models import Indicator, Unit


def form_indicators(unit: Unit, period: Period | None = None):
    """The indicators of the unit's form, in form order: those of its reporting regimes (for
    ``period``'s kind when given: a working group's weekly set), else all its organization's."""
    return Indicator.objects.filter(schedules.form_filter(unit, period.kind if period else None), is_active=True).distinct(
    ).order_by("sort_order", "code")


def form_list(unit: Unit, period: Period | None = None) -> list[Indicator]:
    """form_indicators as a list, read once per (organization, level, period kind) until the
    catalogue or a regime changes (giaoban.org.stamp), and once per request for the same unit
    object. The Indicator objects are shared: read them, never change them."""
    kind = period.kind if period else None
    memo = unit.__dict__.setdefault("_giaoban_form", {})
    if kind not in memo:
        cached = stamp.entries()
        key = ("form", unit.organization_id, unit.level, kind)
        if key not in cached:
            cached[key] = list(form_indicators(unit, period))
        memo[kind] = cached[key]
    return memo[kind]

"""The indicators on a unit's form: what the rules check and what the workflow accepts (below both,
so neither imports the other to learn them)."""

from giaoban.core.periods import Period
from giaoban.org import schedules
from giaoban.org.models import Indicator, Unit


def form_indicators(unit: Unit, period: Period | None = None):
    """The indicators of the unit's form, in form order: those of its reporting regimes (for
    ``period``'s kind when given: a working group's weekly set), else all its organization's."""
    return Indicator.objects.filter(schedules.form_filter(unit, period.kind if period else None), is_active=True).distinct(
    ).order_by("sort_order", "code")

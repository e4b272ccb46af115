"""The indicators on a unit's form: what the rules check and what the workflow accepts (below both,
so neither imports the other to learn them)."""

from giaoban.org.models import Indicator, Unit


def form_indicators(unit: Unit):
    """The indicators the unit's organization reports, in form order."""
    return Indicator.objects.filter(is_active=True, organizations=unit.organization_id).order_by("sort_order", "code")

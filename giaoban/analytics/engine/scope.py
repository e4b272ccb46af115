"""Which subtrees a user may see in analytics (from their memberships)."""

from __future__ import annotations



from giaoban.collection.access import _memberships
from giaoban.org.models import (Area, Unit)
from giaoban.analytics.engine.base import Node


def scope_for_user(user) -> tuple[list[Node] | None, list[Area]]:
    """(within, areas): the subtrees a user may see (None: everything) and the areas they may
    open. A membership grants its unit's subtree; the province MTTQ sees every organization in
    its area (giaoban.collection.access)."""
    if getattr(user, "is_superuser", False):
        return None, []
    within, areas = [], []
    for m in _memberships(user):
        unit = m.unit
        if unit.organization.code == "mttq" and unit.level == Unit.Level.PROVINCE and unit.area_id:
            within.append(Node.of(unit.area))
        else:
            within.append(Node.of(unit))
        if unit.area_id:
            areas.append(unit.area)
    return within, areas

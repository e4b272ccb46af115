"""Yearly targets of a node (from its top units), read once per stamp of the cache."""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal


from giaoban.collection.models import Target
from giaoban.org.models import (Indicator, Unit)
from giaoban.analytics.engine.base import Node
from giaoban.analytics.engine.sql import _within_filter


def _top_units(node: Node, year: int):
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if node.kind == "unit":
        return list(Unit.objects.filter(pk=node.id))
    qs = Unit.objects.overlapping(start, end)
    if node.kind == "area":
        return list(qs.filter(area_id=node.id))
    return list(qs.filter(parent__isnull=True))


def yearly_targets(node: Node, indicators: list[Indicator], year: int, org_ids=None, by_org=False,
                   within=None) -> dict[tuple[int | None, int], Decimal]:
    """(org_id|None, indicator_id) -> the yearly target of the subtree: the target set at its top
    (the province's own target for the province); where a top unit has none, the sum of its
    sub-units' targets, level by level (never both, so nothing is counted twice)."""
    out: dict = defaultdict(Decimal)
    ind_ids = [i.pk for i in indicators]
    tops = _top_units(node, year)  # the same top units for every indicator: one query
    frontier = {ind: list(tops) for ind in ind_ids}
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    allowed = None
    if within is not None:
        allowed = set(Unit.objects.filter(_within_filter(within)).values_list("pk", flat=True))
    for _depth in range(4):
        units = {u.pk: u for us in frontier.values() for u in us}
        if not units:
            break
        found = {}
        for unit_id, ind_id, value in (
            Target.objects.filter(unit_id__in=list(units), indicator_id__in=ind_ids, year=year)
            .values_list("unit_id", "indicator_id", "value")
        ):
            found[unit_id, ind_id] = value
        missing_parents: dict[int, list[int]] = defaultdict(list)
        for ind_id, us in frontier.items():
            for u in us:
                if org_ids and u.organization_id not in org_ids:
                    continue
                if allowed is not None and u.pk not in allowed:
                    continue
                v = found.get((u.pk, ind_id))
                if v is not None:
                    out[u.organization_id if by_org else None, ind_id] += v
                else:
                    missing_parents[u.pk].append(ind_id)
        if not missing_parents:
            break
        children = defaultdict(list)
        for child in Unit.objects.overlapping(start, end).filter(parent_id__in=list(missing_parents)):
            children[child.parent_id].append(child)
        frontier = defaultdict(list)
        for parent_id, ind_list in missing_parents.items():
            for ind_id in ind_list:
                frontier[ind_id].extend(children.get(parent_id, []))
    return dict(out)

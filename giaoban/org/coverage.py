"""Units that serve several areas (a commune trade union for three communes, since the district
trade unions were dissolved on 1 July 2025), and which units serve an area.

Such a unit's `area` is the lowest area containing every area it serves, so the analytics count
it once there (in the province for communes of one province); its `served_areas` say which
communes it serves, and each of them lists it as 'phục vụ bởi'.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Q

from giaoban.org.models import Area, Unit


class CoverageError(ValueError):
    """Areas a unit cannot serve together (message in Vietnamese)."""


def lowest_common_area(areas: list[Area]) -> Area:
    """The deepest area whose subtree holds all ``areas`` (by their materialized paths)."""
    if not areas:
        raise CoverageError("Cần ít nhất một địa bàn.")
    paths = [[int(x) for x in a.path.strip("/").split("/") if x] for a in areas]
    common = []
    for ids in zip(*paths):
        if len(set(ids)) != 1:
            break
        common.append(ids[0])
    if not common:
        raise CoverageError("Các địa bàn không cùng thuộc một tỉnh: một đơn vị không phụ trách được.")
    return Area.objects.get(pk=common[-1])


@transaction.atomic
def serve(unit: Unit, areas: list[Area]) -> Unit:
    """Make ``unit`` serve ``areas``: its area becomes their lowest common area."""
    areas = list(areas)
    ended = [a for a in areas if not (a.valid_to is None or a.valid_to >= unit.valid_from)]
    if ended:
        raise CoverageError(f"{ended[0].full_name} đã hết hiệu lực trước khi {unit.name} được thành lập.")
    unit.area = lowest_common_area(areas) if len(areas) > 1 else areas[0]
    unit.save()
    unit.served_areas.set(areas if len(areas) > 1 else [])
    return unit


def served_by(area: Area, date: datetime.date, organization=None):
    """Units valid on ``date`` that serve ``area``: its own units and those serving it among several."""
    qs = Unit.objects.valid_on(date).filter(Q(served_areas=area) | Q(area=area)).distinct()
    if organization is not None:
        qs = qs.filter(organization=organization)
    return qs.select_related("organization").order_by("organization__sort_order", "level", "name")


def served_map(area_ids: list[int], date: datetime.date) -> dict[int, list[Unit]]:
    """{area id: [units serving it among several areas]} for a page of areas (two queries)."""
    through = Unit.served_areas.through
    links = list(through.objects.filter(area_id__in=area_ids).values_list("area_id", "unit_id"))
    units = Unit.objects.valid_on(date).filter(pk__in={u for _, u in links}).select_related("organization").in_bulk()
    out: dict[int, list[Unit]] = {}
    for area_id, unit_id in links:
        if unit_id in units:
            out.setdefault(area_id, []).append(units[unit_id])
    for lst in out.values():
        lst.sort(key=lambda u: (u.organization.sort_order, u.name))
    return out

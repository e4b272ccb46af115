"""Who may see and change meetings and tasks.

Province-level users (any role on a province-level unit) manage meetings. Other users see and
update only the tasks assigned to their units (or to a unit above theirs in their organization's
tree, which hands the task down); everything else answers 404.
"""


from giaoban.collection import access
from giaoban.collection.models import Membership
from giaoban.org.models import Unit

from .models import Task


def can_manage(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and access.is_province_user(user)


def member_units(user) -> list[Unit]:
    if not getattr(user, "is_authenticated", False):
        return []
    return [m.unit for m in Membership.objects.filter(user=user).select_related("unit", "unit__organization")]


def _line_ids(units) -> set[int]:
    """Each unit and the units above it."""
    ids: set[int] = set()
    for unit in units:
        ids.update(int(x) for x in unit.path.strip("/").split("/") if x)
    return ids


def visible_tasks(user):
    if can_manage(user):
        return Task.objects.all()
    units = member_units(user)
    if not units:
        return Task.objects.none()
    return Task.objects.filter(units__in=_line_ids(units)).distinct()


def units_reporting(user, task: Task) -> list[Unit]:
    """The user's units that may report progress on the task."""
    assigned = set(task.units.values_list("pk", flat=True))
    if can_manage(user):
        mine = member_units(user) or []
        return [u for u in mine if assigned & _line_ids([u])] or list(task.units.all())
    return [u for u in member_units(user) if assigned & _line_ids([u])]


def is_visible(user, task: Task) -> bool:
    return visible_tasks(user).filter(pk=task.pk).exists()


__all__ = ["can_manage", "visible_tasks", "units_reporting", "is_visible", "member_units"]

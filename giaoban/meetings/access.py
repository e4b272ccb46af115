"""Who may see and change meetings and tasks.

Province-level users (any role on a province-level unit) manage meetings. Other users see and
update only the tasks assigned to their units (or given to their organization without naming
units, in the meeting's area); everything else answers 404.
"""


from django.db.models import Q

from giaoban.collection import access
from giaoban.collection.models import Membership
from giaoban.org.models import Unit

from . import services
from .models import Task


def can_manage(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and access.is_province_user(user)


def member_units(user) -> list[Unit]:
    if not getattr(user, "is_authenticated", False):
        return []
    return [m.unit for m in Membership.objects.filter(user=user).select_related("unit", "unit__organization")]


def visible_tasks(user):
    if can_manage(user):
        return Task.objects.all()
    units = member_units(user)
    if not units:
        return Task.objects.none()
    condition = Q(pk__in=[])
    for unit in units:
        condition |= services.assigned_q(unit)
    return Task.objects.filter(condition).distinct()


def units_reporting(user, task: Task) -> list[Unit]:
    """The user's units that may report progress on the task (for managers: any assigned unit)."""
    mine = [u for u in member_units(user) if Task.objects.filter(services.assigned_q(u), pk=task.pk).exists()]
    if mine or not can_manage(user):
        return mine
    return list(task.units.all())


def is_visible(user, task: Task) -> bool:
    return visible_tasks(user).filter(pk=task.pk).exists()

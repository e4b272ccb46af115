"""Who may see and change meetings and tasks, by the permission table
(giaoban.collection.permissions):

- view: any role on a province-level unit sees meetings and every task; others see the tasks
  assigned to their units (or given to their organization without naming units, in the
  meeting's area); everything else answers 404;
- manage (create and confirm meetings, assign tasks): the 'approve' role on a province-level
  unit; a task is managed by those of its organizations (the province MTTQ convenes the
  briefing and manages every organization's tasks);
- progress: members ('entry' or 'approve') of an assigned unit, and the approvers of an
  assigned unit's parent, whose entries say they wrote on the unit's behalf. A view-only role
  writes nothing.
"""

from __future__ import annotations

from django.db.models import Q

from giaoban.collection import access as collection_access, permissions as rights
from giaoban.collection.models import Membership
from giaoban.org.models import Unit

from . import services
from .models import Task

ON_BEHALF = "(cấp trên ghi thay)"


def _level(unit: Unit) -> str:
    return Unit.Level(unit.level).name.lower()


def _memberships(user) -> list[Membership]:
    # collection's, kept on the user object: a meetings page asked for them three times, and the
    # menu a fourth
    return collection_access.memberships(user)


def _holding(user, action: str) -> list[Unit]:
    """The units on which the user holds `action` by the table."""
    return [m.unit for m in _memberships(user) if m.role in rights.roles_for(action, _level(m.unit))]


def can_view_meetings(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or bool(_holding(user, rights.VIEW_MEETINGS))


def manager_org_ids(user) -> set[int] | None:
    """Organizations whose meetings and tasks the user manages (None: every one)."""
    if getattr(user, "is_superuser", False):
        return None
    units = _holding(user, rights.MANAGE_MEETINGS)
    if any(u.organization.code == "mttq" for u in units):
        return None  # the Front convenes the briefing of every organization
    return {u.organization_id for u in units}


def can_manage(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    orgs = manager_org_ids(user)
    return orgs is None or bool(orgs)


def can_manage_task(user, task: Task) -> bool:
    """A manager of every organization the task is given to (by name or through its units)."""
    if not can_manage(user):
        return False
    orgs = manager_org_ids(user)
    if orgs is None:
        return True
    given = set(task.organizations.values_list("pk", flat=True)) | set(task.units.values_list("organization_id", flat=True))
    return bool(given) and given <= orgs


def member_units(user) -> list[Unit]:
    return [m.unit for m in _memberships(user)]


def visible_tasks(user):
    if can_view_meetings(user):
        return Task.objects.all()
    units = member_units(user)
    if not units:
        return Task.objects.none()
    condition = Q(pk__in=[])
    for unit in units:
        condition |= services.assigned_q(unit)
    return Task.objects.filter(condition).distinct()


def _assigned(task: Task, unit: Unit) -> bool:
    return Task.objects.filter(services.assigned_q(unit), pk=task.pk).exists()


def units_reporting(user, task: Task) -> list[Unit]:
    """The units whose progress on the task the user may write: their own assigned units
    (entry or approve role), and the assigned children of units they approve for."""
    if getattr(user, "is_superuser", False):
        return list(task.units.all())
    out: dict[int, Unit] = {}
    for m in _memberships(user):
        if m.role in rights.roles_for(rights.TASK_PROGRESS, _level(m.unit)) and _assigned(task, m.unit):
            out.setdefault(m.unit.pk, m.unit)
        if m.role in rights.roles_for(rights.TASK_PROGRESS_ON_BEHALF, _level(m.unit)):
            for child in task.units.filter(parent=m.unit):
                out.setdefault(child.pk, child)
    return list(out.values())


def on_behalf(user, unit: Unit | None) -> bool:
    """True when the user writes for a unit they are not a member of (its approver)."""
    if unit is None or getattr(user, "is_superuser", False):
        return False
    return not any(m.unit_id == unit.pk and m.role in rights.roles_for(rights.TASK_PROGRESS, _level(m.unit))
                   for m in _memberships(user))


def progress_note(user, unit: Unit | None, note: str) -> str:
    """The note as recorded: an approver writing for a child unit says so."""
    note = (note or "").strip()
    return f"{ON_BEHALF} {note}".strip() if on_behalf(user, unit) else note


def is_visible(user, task: Task) -> bool:
    return visible_tasks(user).filter(pk=task.pk).exists()

"""What can be done with meetings and tasks, as plain functions the views and commands call.

Every change of a task's status goes through `set_status`, which writes the progress row and
the audit entry in the same transaction.
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from giaoban import audit
from giaoban.core.periods import Period
from giaoban.org.compiled import Statement
from giaoban.org.models import Organization, Unit

from .models import Meeting, MeetingAttendee, Task, TaskProgress
from giaoban.textfigures.orgs import ORG_CODES, orgs_named



class MeetingError(ValueError):
    """A request that cannot be carried out; the message says why, in Vietnamese."""


def following_period(code: str) -> str:
    """The period after `code` (after nine months comes the fourth quarter)."""
    return Period.parse(code).following().code  # a bad code raises with a Vietnamese message


def _check_period(code: str, field: str) -> str:
    try:
        return Period.parse(code).code
    except ValueError as exc:
        raise MeetingError(f"{field}: {exc}") from exc


# --- meetings ---------------------------------------------------------------------------------


@transaction.atomic
def create_meeting_draft(parsed: dict, *, user=None, source_text: str = "", title: str = "", area=None) -> Meeting:
    """A draft meeting from `parse_meeting()`'s result: attendees, organizations, candidates."""
    if not parsed.get("period"):
        raise MeetingError("Không xác định được kỳ được đánh giá (quý, 6 tháng, năm) trong văn bản.")
    period = _check_period(parsed["period"], "Kỳ được đánh giá")
    people = parsed.get("people", [])
    chair = next((p for p in people if p.get("role") == "chair"), None) or next(
        (p for p in people if p.get("role") == "conclusion"), None
    )
    date = datetime.date.fromisoformat(parsed["date"]) if parsed.get("date") else None
    meeting = Meeting.objects.create(
        title=title or (source_text.strip().splitlines()[0][:300] if source_text.strip() else ""),
        date=date,
        period=period,
        area=area,
        place=parsed.get("place") or "",
        chair_name=chair["name"] if chair else "",
        chair_position=chair["position"] if chair else "",
        conclusions=parsed.get("conclusions", ""),
        source_text=source_text,
        candidates=parsed.get("tasks", []),
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    organizations = {o.code: o for o in Organization.objects.filter(code__in=ORG_CODES)}
    meeting.organizations.set([organizations[c] for c in parsed.get("organizations", []) if c in organizations])
    for person in people:
        codes = orgs_named(person.get("position", ""))
        MeetingAttendee.objects.create(
            meeting=meeting,
            name=person["name"],
            position=person.get("position", ""),
            organization=organizations.get(codes[0]) if len(codes) == 1 else None,
            role=person.get("role", MeetingAttendee.Role.ATTENDEE),
        )
    audit.record(user, "meeting.create", meeting, new=meeting.period, candidates=len(meeting.candidates))
    return meeting


def province_units(org_codes, *, area=None, on: datetime.date | None = None):
    """Province-level units of the named organizations (in the meeting's area when it has one)."""
    on = on or timezone.localdate()
    qs = Unit.objects.valid_on(on).filter(level=Unit.Level.PROVINCE, organization__code__in=list(org_codes))
    if area is not None:
        qs = qs.filter(Q(area=area) | Q(area__isnull=True))
    return qs


@transaction.atomic
def confirm_tasks(meeting: Meeting, items: list[dict], *, user=None) -> list[Task]:
    """Turn confirmed (possibly edited) candidates into tasks and confirm the meeting.

    Each item: text, orgs (codes), due_period, and optionally priority and units (a list of
    Unit ids; absent or 'all': the province-level units of the item's organizations).
    """
    if meeting.status == Meeting.Status.CONFIRMED and not items:
        return []
    organizations = {o.code: o for o in Organization.objects.all()}
    tasks = []
    for number, item in enumerate(items, start=1):
        text = " ".join((item.get("text") or "").split())
        if not text:
            raise MeetingError(f"Nhiệm vụ số {number}: nội dung trống.")
        due = _check_period(item.get("due_period") or following_period(meeting.period), f"Nhiệm vụ số {number}, kỳ phải hoàn thành")
        unknown = [c for c in item.get("orgs", []) if c not in organizations]
        if unknown:
            raise MeetingError(f"Nhiệm vụ số {number}: không có tổ chức mã {', '.join(unknown)}.")
        priority = item.get("priority") or Task.Priority.NORMAL
        if priority not in Task.Priority.values:
            raise MeetingError(f"Nhiệm vụ số {number}: mức ưu tiên '{priority}' không hợp lệ.")
        task = Task.objects.create(
            meeting=meeting, text=text, due_period=due, priority=priority,
            source=item.get("source", ""), created_by=user if getattr(user, "is_authenticated", False) else None,
        )
        task.organizations.set([organizations[c] for c in item.get("orgs", [])])
        units = item.get("units")
        if units in (None, "all"):
            task.units.set(province_units(item.get("orgs", []), area=meeting.area, on=meeting.date))
        else:
            task.units.set(Unit.objects.filter(pk__in=units))
        audit.record(user, "task.create", task, field="status", new=task.status, meeting=meeting.pk, due_period=due)
        tasks.append(task)
    old = meeting.status
    meeting.status = Meeting.Status.CONFIRMED
    meeting.candidates = []
    meeting.save(update_fields=["status", "candidates", "updated_at"])
    audit.record(user, "meeting.confirm", meeting, field="status", old=old, new=meeting.status, tasks=len(tasks))
    return tasks


# --- task progress ----------------------------------------------------------------------------


@transaction.atomic
def set_status(task: Task, status: str, *, user=None, unit=None, note: str = "", date=None) -> TaskProgress:
    """Record progress (a dated note) and the task's new status, with its audit entry."""
    if status not in Task.Status.values:
        raise MeetingError(f"Trạng thái '{status}' không hợp lệ.")
    if task.status == Task.Status.CARRIED and status != Task.Status.CARRIED:
        raise MeetingError("Nhiệm vụ đã chuyển kỳ sau: cập nhật tiến độ ở nhiệm vụ của kỳ mới.")
    if getattr(user, "is_authenticated", False) and not (note or "").strip():
        # a person's progress note says what was done (the demo's and carry-over's say it themselves)
        raise MeetingError("Hãy ghi kết quả thực hiện (đã làm gì, ở đâu, bao nhiêu).")
    progress = TaskProgress.objects.create(
        task=task, unit=unit, date=date or timezone.localdate(), note=note.strip(), status=status,
        user=user if getattr(user, "is_authenticated", False) else None,
    )
    assigned = list(task.units.values_list("pk", flat=True))
    if unit is not None and unit.pk in assigned and len(assigned) > 1:
        # one unit's part: the task is done when every assigned unit's latest word is 'done'
        statuses = unit_statuses(task)
        parts = [statuses[pk] for pk in assigned]
        if all(p == Task.Status.DONE for p in parts):
            status = Task.Status.DONE
        elif any(p in (Task.Status.DONE, Task.Status.IN_PROGRESS) for p in parts):
            status = Task.Status.IN_PROGRESS
        else:
            status = Task.Status.TODO
    if task.status != status:
        audit.record(user, "task.status", task, field="status", old=task.status, new=status, unit=unit.pk if unit else None)
        task.status = status
        task.save(update_fields=["status", "updated_at"])
    return progress


def unit_statuses(task: Task) -> dict[int, str]:
    """Each assigned unit's status: its latest progress note's, 'todo' before its first."""
    out = {pk: Task.Status.TODO for pk in task.units.values_list("pk", flat=True)}
    for unit_id, status in task.progress.filter(unit__in=list(out)).order_by("date", "id").values_list("unit_id", "status"):
        out[unit_id] = status
    return out


def _ends_by(code: str) -> datetime.date:
    return Period.parse(code).end


def assigned_q(unit: Unit) -> Q:
    """Tasks assigned to the unit, or given to its organization with no unit named, when the
    unit lies in the meeting's area (or the meeting has none)."""
    return _assigned(unit.pk, unit.organization_id, _area_ids(unit))


def _area_ids(unit: Unit) -> list[int] | None:
    """The unit's area and the areas above it (None: the unit has no area)."""
    return [int(x) for x in unit.area.path.strip("/").split("/") if x] if unit.area_id else None


def _assigned(unit_id: int, organization_id: int, area_ids: list[int] | None) -> Q:
    in_area = Q(meeting__area__isnull=True)
    if area_ids is not None:
        in_area |= Q(meeting__area__in=area_ids)
    return Q(units=unit_id) | (Q(units__isnull=True, organizations=organization_id) & in_area)


# sorted below: the model's ordering would only make the database sort the DISTINCT rows too; the
# entry page's panel shows the task, not its meeting (a reader of task.meeting loads it); compiled
# once (the entry page's panel asks on every load)
_CANDIDATES = Statement(Task, lambda unit_id, organization_id, area_ids: Task.objects.filter(
    _assigned(unit_id, organization_id, area_ids)).distinct().order_by())


def tasks_for_unit(unit: Unit, p: Period) -> list[Task]:
    """The unit's tasks for a period (parsed by the caller, at its edge): due in it, or due
    earlier and still not done."""
    candidates = _CANDIDATES(unit.pk, unit.organization_id, _area_ids(unit))
    out = []
    for task in candidates:
        due = Period.parse(task.due_period)
        if p.contains(due) or due == p:
            out.append(task)
        elif due.end < p.start and task.is_open:
            out.append(task)
    return sorted(out, key=lambda t: (Period.parse(t.due_period), t.pk))


# the open tasks (home's overdue list, the API's): compiled once; their meetings are not shown
_OPEN_TASKS = Statement(Task, lambda: Task.objects.filter(status__in=Task.OPEN))


def overdue_tasks(as_of_period: str):
    """Open tasks whose due period ended before `as_of_period` began."""
    start = Period.parse(as_of_period).start
    return [t for t in _OPEN_TASKS() if _ends_by(t.due_period) < start]


@transaction.atomic
def carry_over(period: str, *, user=None) -> list[Task]:
    """Move the tasks due in `period` and not done to the next period.

    The old task gets status 'chuyển kỳ sau'; a new task (same text, organizations, units,
    priority, status) due in the next period points back to it. Running it twice does nothing
    more.
    """
    p = Period.parse(period)
    target = following_period(p.code)
    new_tasks = []
    for task in Task.objects.filter(status__in=Task.OPEN).select_for_update():
        if not p.contains(Period.parse(task.due_period)):
            continue
        new = Task.objects.create(
            meeting=task.meeting, text=task.text, due_period=target, priority=task.priority,
            status=task.status, carried_from=task, source=task.source,
            created_by=user if getattr(user, "is_authenticated", False) else None,
        )
        new.organizations.set(task.organizations.all())
        new.units.set(task.units.all())
        set_status(task, Task.Status.CARRIED, user=user, note=f"Chuyển sang kỳ {target}.")
        audit.record(user, "task.carry_over", new, field="due_period", old=task.due_period, new=target, carried_from=task.pk)
        new_tasks.append(new)
    return new_tasks


def previous_meeting_tasks(p: Period, area=None) -> list[Task]:
    """For the consolidated report of period `p`: the tasks due in it (given by the previous
    meeting, or carried into it) with their status."""
    qs = Task.objects.select_related("meeting", "carried_from").prefetch_related("organizations")
    if area is not None:
        qs = qs.filter(Q(meeting__area=area) | Q(meeting__area__isnull=True))
    tasks = [t for t in qs if p.contains(Period.parse(t.due_period))]
    return sorted(tasks, key=lambda t: (t.meeting.date or datetime.date.min, t.pk))

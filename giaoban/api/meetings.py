"""Meetings and tasks endpoints, with the web pages' rules (giaoban.meetings.access).

Province users (any role on a province-level unit) manage meetings: they list and read them and
create drafts from a text; for anyone else a meeting answers 404. Tasks are seen by managers and
by the users of the units they are assigned to; a task's status is changed by those users (for
one of their assigned units) or by a manager (for any assigned unit) — a task the user cannot
see answers 404, one they see but may not update 403.
"""

from __future__ import annotations

from ninja import Router, Status

from giaoban.api import schemas as s
from giaoban.api.core import ERRORS, ApiError, _find_unit, _page, _period
from giaoban.core.periods import Period
from giaoban.meetings import access as meeting_access
from giaoban.meetings import services
from giaoban.meetings.models import Meeting, Task
from giaoban.textfigures.meetings import parse_meeting
from giaoban.org.models import Area

TAGS = ["Hội nghị và nhiệm vụ"]
router = Router()


# ---------------------------------------------------------------------------- output


def _task_out(task: Task) -> dict:
    return {
        "id": task.pk, "meeting": task.meeting_id, "meeting_title": str(task.meeting), "text": task.text,
        "organizations": sorted(o.code for o in task.organizations.all()),
        "units": sorted(u.code for u in task.units.all()),
        "due_period": task.due_period, "priority": task.priority, "status": task.status,
        "status_label": task.get_status_display(), "carried_from": task.carried_from_id, "updated_at": task.updated_at,
    }


def _tasks(qs):
    return qs.select_related("meeting").prefetch_related("organizations", "units")


def _meeting_out(meeting: Meeting, detail: bool = False) -> dict:
    out = {
        "id": meeting.pk, "title": meeting.title, "date": meeting.date, "period": meeting.period,
        "area": meeting.area.code if meeting.area_id else None, "place": meeting.place,
        "chair_name": meeting.chair_name, "chair_position": meeting.chair_position, "status": meeting.status,
        "status_label": meeting.get_status_display(), "organizations": sorted(o.code for o in meeting.organizations.all()),
        "tasks": meeting.tasks.count(),
    }
    if detail:
        out["conclusions"] = meeting.conclusions
        out["candidates"] = [
            {"text": c.get("text", ""), "orgs": c.get("orgs", []), "due_period": c.get("due_period"),
             "source": c.get("source", ""), "start": c.get("start"), "end": c.get("end")}
            for c in meeting.candidates
        ]
        out["attendees"] = [
            {"name": a.name, "position": a.position, "organization": a.organization.code if a.organization_id else None,
             "role": a.role}
            for a in meeting.attendees.select_related("organization")
        ]
        out["task_list"] = [_task_out(t) for t in _tasks(meeting.tasks.all())]
    return out


def _require_viewer(user):
    if not meeting_access.can_view_meetings(user):
        raise ApiError(404, "not_found", "Không tìm thấy hội nghị.")


def _require_manager(user):
    if not meeting_access.can_manage(user):
        raise ApiError(403, "forbidden", "Chỉ người có quyền duyệt cấp tỉnh được tạo hội nghị và giao nhiệm vụ.")


# ---------------------------------------------------------------------------- meetings


@router.get("/meetings", response={200: list[s.MeetingOut], ERRORS: s.ErrorOut}, tags=TAGS,
         summary="Hội nghị (cán bộ cấp tỉnh; người khác nhận danh sách rỗng)")
def meetings(request, period: str | None = None, status: str | None = None, limit: int = 200, offset: int = 0):
    if not meeting_access.can_view_meetings(request.user):
        return []
    qs = Meeting.objects.select_related("area").prefetch_related("organizations")
    if period:
        qs = qs.filter(period=_period(period).code)
    if status:
        if status not in Meeting.Status.values:
            raise ApiError(400, "invalid", f"Trạng thái không hợp lệ: '{status}' (draft hoặc confirmed).")
        qs = qs.filter(status=status)
    return [_meeting_out(m) for m in qs[_page(limit, offset)]]


@router.get("/meetings/{meeting_id}", response={200: s.MeetingDetailOut, ERRORS: s.ErrorOut}, tags=TAGS,
         summary="Một hội nghị: đại biểu, kết luận, nhiệm vụ đề xuất và nhiệm vụ đã giao")
def meeting_detail(request, meeting_id: int):
    _require_viewer(request.user)
    meeting = Meeting.objects.select_related("area").filter(pk=meeting_id).first()
    if meeting is None:
        raise ApiError(404, "not_found", f"Không tìm thấy hội nghị số {meeting_id}.")
    return _meeting_out(meeting, detail=True)


@router.post("/meetings", response={201: s.MeetingDetailOut, ERRORS: s.ErrorOut}, tags=TAGS,
          summary="Tạo bản nháp hội nghị từ văn bản (đọc kỳ, đại biểu, kết luận, nhiệm vụ đề xuất)")
def meeting_create(request, body: s.MeetingIn):
    _require_manager(request.user)
    area = None
    if body.area:
        area = Area.objects.filter(code=body.area.strip()).order_by("-valid_from").first()
        if area is None:
            raise ApiError(404, "not_found", f"Không tìm thấy địa bàn '{body.area}'.")
    parsed = parse_meeting(body.text)
    meeting = services.create_meeting_draft(parsed, user=request.user, source_text=body.text, title=body.title.strip(), area=area)
    return Status(201, _meeting_out(meeting, detail=True))


# ---------------------------------------------------------------------------- tasks


def _in_period(task: Task, p: Period) -> bool:
    due = Period.parse(task.due_period)
    return due == p or p.contains(due)


@router.get("/tasks", response={200: list[s.TaskOut], ERRORS: s.ErrorOut}, tags=TAGS,
         summary="Nhiệm vụ của một đơn vị trong một kỳ (cả nhiệm vụ kỳ trước chưa xong), hoặc nhiệm vụ người dùng được xem")
def tasks(request, unit: str | None = None, period: str | None = None, overdue: bool = False, status: str | None = None,
          limit: int = 1000, offset: int = 0):
    """With `unit` and `period`: the unit's tasks for the period (due in it, or due earlier and
    not done), as on the entry page. Without `unit`: the tasks the user may see (due in `period`;
    `overdue=true`: open and due before `period`)."""
    user = request.user
    if status and status not in Task.Status.values:
        raise ApiError(400, "invalid", f"Trạng thái không hợp lệ: '{status}'.")
    p = _period(period) if period else None
    if unit:
        if p is None:
            raise ApiError(400, "invalid", "Thiếu kỳ (period) khi xem nhiệm vụ của một đơn vị.")
        unit_obj = _find_unit(user, unit, p)
        found = services.tasks_for_unit(unit_obj, p)
        found = _tasks(Task.objects.filter(pk__in=[t.pk for t in found]))
        out = sorted(found, key=lambda t: (Period.parse(t.due_period), t.pk))
    else:
        visible = meeting_access.visible_tasks(user)
        if overdue:
            if p is None:
                raise ApiError(400, "invalid", "Thiếu kỳ (period): quá hạn so với kỳ nào.")
            ids = [t.pk for t in services.overdue_tasks(p.code)]
            visible = visible.filter(pk__in=ids)
        out = list(_tasks(visible))
        if p is not None and not overdue:
            out = [t for t in out if _in_period(t, p)]
        out.sort(key=lambda t: (Period.parse(t.due_period), t.pk))
    if status:
        out = [t for t in out if t.status == status]
    return [_task_out(t) for t in out[_page(limit, offset)]]


def _visible_task(user, task_id: int) -> Task:
    task = _tasks(Task.objects.filter(pk=task_id)).select_related("carried_from").first()
    if task is None or not meeting_access.is_visible(user, task):
        raise ApiError(404, "not_found", f"Không tìm thấy nhiệm vụ số {task_id}.")
    return task


def _task_detail(user, task: Task) -> dict:
    units = meeting_access.units_reporting(user, task)
    return {
        **_task_out(task),
        "progress": [
            {"date": pr.date, "unit": pr.unit.code if pr.unit_id else None, "status": pr.status, "note": pr.note,
             "user": pr.user.get_username() if pr.user_id else None, "created_at": pr.created_at}
            for pr in task.progress.select_related("unit", "user")
        ],
        "can_update": bool(units) and task.status != Task.Status.CARRIED,
        "units_reporting": sorted(u.code for u in units),
    }


@router.get("/tasks/{task_id}", response={200: s.TaskDetailOut, ERRORS: s.ErrorOut}, tags=TAGS,
         summary="Một nhiệm vụ và tiến độ thực hiện")
def task_detail(request, task_id: int):
    return _task_detail(request.user, _visible_task(request.user, task_id))


@router.post("/tasks/{task_id}/status", response={200: s.TaskDetailOut, ERRORS: s.ErrorOut}, tags=TAGS,
          summary="Cập nhật trạng thái nhiệm vụ kèm ghi chú tiến độ")
def task_status(request, task_id: int, body: s.TaskStatusIn):
    user = request.user
    task = _visible_task(user, task_id)
    units = meeting_access.units_reporting(user, task)
    if not units:
        raise ApiError(403, "forbidden", "Bạn không thuộc đơn vị được giao nhiệm vụ này nên không cập nhật được tiến độ.")
    if body.status not in Task.Status.values or body.status == Task.Status.CARRIED:
        raise ApiError(400, "invalid", f"Trạng thái không hợp lệ: '{body.status}' (todo, in_progress hoặc done).")
    if task.status == Task.Status.CARRIED:
        raise ApiError(409, "conflict", "Nhiệm vụ đã chuyển kỳ sau: cập nhật tiến độ ở nhiệm vụ của kỳ mới.")
    if body.unit:
        unit = next((u for u in units if u.code == body.unit.strip()), None)
        if unit is None:
            raise ApiError(403, "forbidden", f"Đơn vị '{body.unit}' không phải đơn vị bạn được ghi tiến độ cho nhiệm vụ này.")
    elif len(units) == 1:
        unit = units[0]
    else:
        raise ApiError(400, "invalid", "Chọn đơn vị báo cáo (unit): " + ", ".join(sorted(u.code for u in units)) + ".")
    services.set_status(task, body.status, user=user, unit=unit, note=meeting_access.progress_note(user, unit, body.note))
    return _task_detail(user, _visible_task(user, task_id))

"""Meeting pages: list, detail, upload → candidates → confirmation, task detail with progress."""


from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from giaoban.core.periods import Period, label_or_code
from giaoban.core.uploads import UploadError
from giaoban.intake.service import ExtractionError, check_file, read_document
from giaoban.org.models import Organization

from . import access, services
from .forms import CandidateFormSet, ProgressForm, UploadForm
from .models import Meeting, Task
from giaoban.textfigures.meetings import parse_meeting


def _require_viewer(request):
    if not access.can_view_meetings(request.user):
        raise Http404("Không tìm thấy trang.")


def _require_manager(request):
    _require_viewer(request)
    if not access.can_manage(request.user):
        raise PermissionDenied("Chỉ người có quyền duyệt cấp tỉnh được tạo, xác nhận hội nghị và giao nhiệm vụ.")


@login_required
def meeting_list(request):
    current = Period.for_date(timezone.localdate(), "Q")
    manage = access.can_manage(request.user)
    # the rows show date, title, period and status: the meetings' organizations were read for nothing
    meetings = Meeting.objects.all()[:200] if access.can_view_meetings(request.user) else []
    tasks = access.visible_tasks(request.user).filter(status__in=Task.OPEN).select_related("meeting")
    overdue = [t for t in tasks if Period.parse(t.due_period).end < current.start]
    shown = list(tasks)[:200]
    return render(
        request,
        "meetings/list.html",
        {"meetings": meetings, "tasks": shown, "overdue": overdue, "manage": manage, "current": current,
         "overdue_items": _overdue_items(overdue), "meeting_rows": _meeting_rows(meetings) if manage else "",
         "task_rows": _task_rows(shown)},
    )


# The lists as HTML, one reverse() for all rows: through the template engine, with a url tag a
# row, they were most of the page (up to 200 meetings and 200 tasks).
# what get_status_display() answers, without flattening the choices again for every row
MEETING_STATUS, TASK_STATUS = dict(Meeting.Status.choices), dict(Task.Status.choices)


def _task_url():
    pattern = reverse("meetings:task", args=[987654321])
    return lambda pk: pattern.replace("987654321", str(pk))


def _overdue_items(tasks) -> str:
    url = _task_url()
    return mark_safe("".join(
        f'<li><a href="{url(t.pk)}">{escape(t.text)}</a> <span class="muted">– hạn {escape(label_or_code(t.due_period))}, '
        f'{escape(TASK_STATUS.get(t.status, t.status).lower())}</span></li>' for t in tasks))


def _meeting_rows(meetings) -> str:
    pattern = reverse("meetings:detail", args=[987654321])
    return mark_safe("".join(
        f'<tr><td>{m.date.strftime("%d/%m/%Y") if m.date else "–"}</td><td><a href="{pattern.replace("987654321", str(m.pk))}">'
        f'{escape(str(m))}</a></td><td>{escape(label_or_code(m.period))}</td><td><span class="status status-'
        f'{"draft" if m.status == "draft" else "approved"}">{escape(MEETING_STATUS.get(m.status, m.status))}</span></td></tr>' for m in meetings))


def _task_rows(tasks) -> str:
    url = _task_url()
    return mark_safe("".join(
        f'<tr><td><a href="{url(t.pk)}">{escape(t.text)}</a></td><td>{escape(label_or_code(t.due_period))}</td>'
        f'<td>{escape(TASK_STATUS.get(t.status, t.status))}</td></tr>' for t in tasks))


@login_required
def meeting_detail(request, pk):
    _require_viewer(request)
    meeting = get_object_or_404(Meeting, pk=pk)
    tasks = meeting.tasks.prefetch_related("organizations", "units")
    return render(request, "meetings/detail.html", {"meeting": meeting, "tasks": tasks})


@login_required
def meeting_upload(request):
    _require_manager(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("file")
        try:
            if upload:
                # Size and type checked by content, zip and XML limits, as for every upload.
                data, kind = check_file(upload)
                text = read_document(data, kind, upload.name)
            else:
                text = form.cleaned_data["text"]
            parsed = parse_meeting(text)
            meeting = services.create_meeting_draft(
                parsed, user=request.user, source_text=text, title=form.cleaned_data.get("title", ""),
                area=form.cleaned_data.get("area"),
            )
        except (UploadError, ExtractionError, services.MeetingError) as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Đã tạo bản nháp hội nghị với {len(parsed['tasks'])} nhiệm vụ đề xuất.")
            return redirect("meetings:confirm", pk=meeting.pk)
    return render(request, "meetings/upload.html", {"form": form})


@login_required
def meeting_confirm(request, pk):
    _require_manager(request)
    meeting = get_object_or_404(Meeting, pk=pk)
    if meeting.status == Meeting.Status.CONFIRMED:
        messages.info(request, "Hội nghị đã được xác nhận.")
        return redirect("meetings:detail", pk=meeting.pk)
    default_due = services.following_period(meeting.period)
    initial = [
        {"keep": True, "text": c["text"], "orgs": c.get("orgs", []), "due_period": c.get("due_period") or default_due,
         "priority": Task.Priority.NORMAL, "source": c.get("source", "")}
        for c in meeting.candidates
    ]
    formset = CandidateFormSet(request.POST or None, initial=initial, prefix="c")
    if request.method == "POST" and formset.is_valid():
        items = [
            {"text": f.cleaned_data["text"], "orgs": f.cleaned_data["orgs"], "due_period": f.cleaned_data["due_period"],
             "priority": f.cleaned_data["priority"], "source": f.cleaned_data.get("source", "")}
            for f in formset.forms
            if f.cleaned_data.get("keep") and (f.cleaned_data.get("text") or "").strip()
        ]
        try:
            _check_task_orgs(request.user, items)
            tasks = services.confirm_tasks(meeting, items, user=request.user)
        except services.MeetingError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Đã giao {len(tasks)} nhiệm vụ.")
            return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/confirm.html", {"meeting": meeting, "formset": formset})


def _check_task_orgs(user, items: list[dict]) -> None:
    """A manager of some organizations assigns tasks to those only (the MTTQ: to every one)."""
    orgs = access.manager_org_ids(user)
    if orgs is None:
        return
    mine = set(Organization.objects.filter(pk__in=orgs).values_list("code", flat=True))
    for item in items:
        others = sorted(set(item["orgs"] or []) - mine) if item["orgs"] else ["(chưa chọn tổ chức)"]
        if others:
            raise services.MeetingError(
                f"Nhiệm vụ «{item['text'][:60]}»: bạn chỉ giao được nhiệm vụ cho tổ chức của mình "
                f"({', '.join(sorted(mine))}), không cho {', '.join(others)}.")


def _unit_statuses(task) -> list[dict]:
    statuses = services.unit_statuses(task)
    labels = dict(Task.Status.choices)
    return [{"unit": u, "status": statuses[u.pk], "label": labels[statuses[u.pk]]} for u in task.units.all().order_by("name")]


@login_required
def task_detail(request, pk):
    task = get_object_or_404(Task.objects.select_related("meeting", "carried_from"), pk=pk)
    if not access.is_visible(request.user, task):
        raise Http404("Không tìm thấy nhiệm vụ.")
    units = access.units_reporting(request.user, task)
    can_update = bool(units) and task.status != Task.Status.CARRIED
    initial = {"status": task.status, "unit": units[0].pk if len({u.pk for u in units}) == 1 else None}  # one unit: nothing to choose
    form = ProgressForm(request.POST or None, units=units, initial=initial)
    if request.method == "POST":
        if not can_update:
            raise Http404("Không tìm thấy nhiệm vụ.")
        if form.is_valid():
            try:
                unit = form.cleaned_data["unit"]
                services.set_status(
                    task, form.cleaned_data["status"], user=request.user, unit=unit,
                    note=access.progress_note(request.user, unit, form.cleaned_data["note"]),
                )
            except services.MeetingError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, "Đã ghi tiến độ.")
                return redirect("meetings:task", pk=task.pk)
    return render(
        request,
        "meetings/task.html",
        {"task": task, "form": form, "can_update": can_update, "progress": task.progress.select_related("unit", "user"),
         "unit_statuses": _unit_statuses(task),
         "manage": access.can_manage(request.user)},
    )

"""Pages of data collection. Every view starts by loading the unit and period through `_load`,
which answers 404 for anything outside the user's subtree (so nobody learns it exists), and
checks the action's own permission (403) before touching data. The work itself is done by
giaoban.collection.workflow."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse
from django.middleware.csrf import get_token
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from giaoban import audit
from giaoban.collection import access, completeness as comp, excel, panels, plausibility, reminders, workflow
from giaoban.collection.entry import (QUALIFIER_CHOICES, build_rows, check_fields, field_texts, merge_with_saved, page_figures,
                                     read_post, rows_html, sections_html)
from giaoban.collection.indicators import form_list
from giaoban.collection.models import Attachment, DataValue, Reminder, Report
from giaoban.collection.rules import validate
from giaoban.collection.workflow import NARRATIVE_FIELDS, ConflictError, WorkflowError
from giaoban.core.numbers import NumberFormatError, format_vn_number, parse_id, parse_vn_number
from giaoban.core.people import vi_name
from giaoban.core.periods import Period, label_or_code, option_tags
from giaoban.core.uploads import DOCX, OLE, PDF, UploadError, check_upload, read_upload
from giaoban.jobs.queue import start as start_job
from giaoban.org import stamp
from giaoban.org.compiled import Statement
from giaoban.org.models import Unit

COMPLETENESS_SCOPES_KEPT = 5_000  # (user, scope, period) unit lists a process keeps for the completeness page
ATTACHMENT_KINDS = {DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    PDF: "application/pdf", OLE: "application/msword"}


# one report at most (unit, period): without the model's ordering, which joins the unit and its organization
_REPORT = Statement(Report, lambda unit_id, period: Report.objects.filter(unit_id=unit_id, period=period).order_by()[:1])
_UNREAD_REMINDERS = Statement(Reminder, lambda user_id: Reminder.objects.filter(user_id=user_id, read_at=None)[:20])
_ATTACHMENTS = Statement(Attachment, lambda report_id: Attachment.objects.filter(report_id=report_id, deleted_at=None))


def _load(request, unit_id: int, period: str):
    """(unit, period, report or None) if the user may see the unit; 404 otherwise."""
    unit = access.viewable_unit(request.user, unit_id)
    if unit is None:
        raise Http404("Không tìm thấy đơn vị")
    try:
        p = workflow.base_period(period)
    except WorkflowError:
        raise Http404("Kỳ báo cáo không hợp lệ") from None
    if not workflow.unit_active_in(unit, p):
        raise Http404("Đơn vị không hoạt động trong kỳ này")
    report = next(iter(_REPORT(unit.pk, p.code)), None)
    if report is not None:
        report.unit = unit  # the same object: its form is read once a request (form_list's memo)
    return unit, p, report


def _posted_version(request) -> int:
    """The version the page was loaded with (0 when missing or garbled: a conflict, not a guess)."""
    version = parse_id(request.POST.get("version"))
    return 0 if version is None else version


def _entry_url(unit, period) -> str:
    return reverse("collection:entry", args=[unit.pk, period.code])


def recent_periods(count: int = 4) -> list[Period]:
    current = comp.pick_period(None)
    periods = [current]
    while len(periods) < count:
        periods.append(periods[-1].previous())
    return periods


# ---------------------------------------------------------------------------- lists


@login_required
def my_reports(request):
    periods = recent_periods()
    units = access.entry_unit_list(request.user, None, 100)
    reports, returned = comp.unit_reports(units, [p.code for p in periods])
    deadlines = comp.Deadlines.for_periods(periods)
    rows = _my_report_rows(units, periods, reports, deadlines)
    reminders = _UNREAD_REMINDERS(request.user.pk)
    return render(request, "collection/my_reports.html",
                  {"periods": periods, "rows": rows, "returned": returned, "reminders": reminders,
                   "returned_items": _returned_items(returned), "reminder_items": _reminder_items(reminders, get_token(request))})


def _returned_items(returned) -> str:
    """The returned reports as list items, one reverse() for all (a url tag each in the template)."""
    pattern = reverse("collection:entry", args=[987654321, "PERIOD"])
    return mark_safe("".join(
        f'<li><a href="{escape(pattern.replace("987654321", str(r.unit_id)).replace("PERIOD", r.period))}">{escape(str(r.unit))} – '
        f'{escape(label_or_code(r.period))}</a>: {escape(r.returned_reason)}</li>' for r in returned))


def _reminder_items(reminders, csrf_token: str) -> str:
    """The unread reminders as list items, each with its 'seen' button (a url and a csrf tag each
    in the template)."""
    pattern = reverse("collection:reminder_read", args=[987654321])
    token = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf_token)}">'
    return mark_safe("".join(
        f'<li>{escape(r.message)} <span class="muted">({timezone.localtime(r.created_at).strftime("%d/%m/%Y")})</span>\n'
        f'<form method="post" class="inline" action="{pattern.replace("987654321", str(r.pk))}">{token}'
        f'<button type="submit">Đã xem</button></form></li>' for r in reminders))


def _my_report_rows(units, periods, reports, deadlines) -> str:
    """The table of the user's units × periods as HTML (up to 100 × 4 cells, each a link, a state
    and a deadline: through the template engine, with a reverse() a cell, most of the page)."""
    pattern = reverse("collection:entry", args=[987654321, "PERIOD"])  # one reverse() for every cell
    today = timezone.localdate()
    out = []
    for unit in units:
        cells = []
        for p in periods:
            if not workflow.unit_active_in(unit, p):
                cells.append('<td><span class="muted">—</span></td>')
                continue
            state = comp.UnitState(unit, reports.get((unit.pk, p.code)), deadlines[p.code].for_unit(unit), today)
            url = pattern.replace("987654321", str(unit.pk)).replace("PERIOD", p.code)
            cells.append(f'<td><a href="{escape(url)}"><span class="status status-{state.css}">{escape(state.label)}</span></a>'
                         f'<br><small class="muted">hạn {state.deadline.strftime("%d/%m/%Y")}</small></td>')
        out.append(f'<tr><th scope="row">{escape(str(unit))}</th>{"".join(cells)}</tr>')
    return mark_safe("".join(out))


@login_required
def approvals(request):
    approvable = access.approvable_units(request.user)
    waiting = list(
        Report.objects.filter(unit__in=approvable, status=Report.Status.SUBMITTED)
        .select_related("unit", "unit__organization", "submitted_by").order_by("period", "unit__name")[:200]
    )
    deadlines = comp.Deadlines.for_periods({r.period for r in waiting})
    today = timezone.localdate()
    for r in waiting:
        r.state = comp.UnitState(r.unit, r, deadlines[r.period].for_unit(r.unit), today)
    user = request.user
    # the units the user approves for, kept until a membership or the tree changes (the stamp)
    parents = [] if user.is_superuser else stamp.remembered("approve_parents", user.pk, lambda: list(
        Unit.objects.filter(memberships__user=user, memberships__role="approve").distinct()), access.MEMBERSHIP_USERS_KEPT)
    return render(request, "collection/approvals.html",
                  {"waiting": waiting, "rows": _waiting_rows(waiting), "parents": parents, "period": recent_periods(1)[0]})


def _waiting_rows(waiting) -> str:
    """The reports waiting for approval as table rows (up to 200, each a link, two dates, a
    mark and a name: through the template engine, with a reverse() a row, most of the page)."""
    pattern = reverse("collection:entry", args=[987654321, "PERIOD"])  # one reverse() for every row
    out = []
    for r in waiting:
        url = pattern.replace("987654321", str(r.unit_id)).replace("PERIOD", r.period)
        sent = timezone.localtime(r.submitted_at).strftime("%H:%M %d/%m/%Y") if r.submitted_at else ""
        late = ' <span class="status status-late">muộn</span>' if r.state.late else ""
        out.append(f'<tr><td><a href="{escape(url)}">{escape(str(r.unit))}</a></td><td>{escape(label_or_code(r.period))}</td>'
                   f'<td>{sent}</td>\n<td>{r.state.deadline.strftime("%d/%m/%Y")}{late}</td>'
                   f'<td>{escape(vi_name(r.submitted_by)) if r.submitted_by else ""}</td></tr>')
    return mark_safe("".join(out))


@login_required
def completeness(request):
    viewable = access.viewable_units(request.user)
    root = None
    if request.GET.get("unit"):
        unit_id = parse_id(request.GET["unit"])
        root = get_object_or_404(viewable, pk=unit_id) if unit_id is not None else None
        if root is None:
            raise Http404
    units = viewable.filter(path__startswith=root.path) if root else viewable
    try:
        period = comp.pick_period(request.GET.get("period"))
    except ValueError as exc:
        return render(request, "400.html", {"message": str(exc)}, status=400)
    scope = (request.user.pk, bool(request.user.is_superuser), root.pk if root else None)

    def states_for(period):
        # the expected units of the scope, kept until the tree, a regime or a membership changes
        # (the stamp): their query and model objects were a third of the page
        expected = stamp.remembered("completeness_units", (*scope, period.kind, period.end),
                                    lambda: comp.expected_unit_list(units, period), COMPLETENESS_SCOPES_KEPT)
        return comp.unit_states(units, period, expected)

    states = states_for(period)
    # nothing sent for the quarter being reported yet: the latest quarter that has reports (a report
    # of an expected unit answers the question without asking the database again)
    if (not request.GET.get("period") and not any(s.report is not None for s in states)
            and not Report.objects.filter(unit__in=units, period=period.code).exists()):
        latest = Report.objects.filter(unit__in=units, period__contains="-Q").order_by("-period").values_list("period", flat=True).first()
        if latest:
            period = Period.parse(latest)
            states = states_for(period)
    summary = comp.summarize(states)
    show = request.GET.get("show", "")
    listed = [s for s in states if (show != "missing" or s.missing) and (show != "late" or s.late)]
    listed.sort(key=lambda s: (s.unit.organization.sort_order, s.unit.level, s.unit.name))
    if request.GET.get("format") == "json":
        return JsonResponse({
            "period": period.code, "root": root.code if root else None, "total": summary["total"].as_dict(),
            "by_org": [t.as_dict() for t in summary["by_org"]], "by_area": [t.as_dict() for t in summary["by_area"]],
        })
    entry_url = reverse("collection:entry", args=[987654321, period.code])  # one reverse() for every row
    may_remind = _remindable(request.user, [s.unit.pk for s in states if s.missing])
    rows = _state_rows(listed[:500], entry_url, may_remind, period, get_token(request))
    roots = stamp.remembered("completeness_roots", (*scope[:2], period.end), lambda: list(
        viewable.filter(level__lte=Unit.Level.DISTRICT).valid_on(period.end).select_related("organization")[:100]),
        COMPLETENESS_SCOPES_KEPT)
    periods = [period.next(), period] + [period.previous()]
    while len(periods) < 8:
        periods.append(periods[-1].previous())
    return render(request, "collection/completeness.html", {
        "period": period, "periods": periods, "period_options": mark_safe(option_tags(periods, period.code)), "root": root, "roots": roots, "summary": summary,
        "by_org": _tally_rows(summary["by_org"]), "by_area": _tally_rows(summary["by_area"]), "rows": rows, "truncated": len(listed) > 500, "show": show,
        "can_remind_all": bool(may_remind),
    })


def _remindable(user, unit_ids: list[int]) -> set[int]:
    """The units among `unit_ids` whose people this user may remind: those whose reports they
    approve (the level above), every unit for an administrator."""
    if user.is_superuser:
        return set(unit_ids)
    return access.approvable_unit_ids(user).intersection(unit_ids)


def _tally_rows(tallies) -> str:
    """The rows of a summary table as HTML (a province's communes: a hundred rows of eight cells,
    each a lookup and a localized number through the template engine)."""
    shown: dict = {}

    def number(value) -> str:  # as the template writes it: localized (the language chosen), escaped
        key = (type(value), value)
        if key not in shown:
            shown[key] = escape(formats.localize(value))
        return shown[key]

    out = []
    for t in tallies:
        sent, approved = t.sent_pct, t.approved_pct
        out.append(f'<tr><th scope="row">{escape(t.label)}</th><td class="num">{number(t.expected)}</td>'
                   f'<td class="num">{number(t.on_time)}</td><td class="num">{number(t.late)}</td>'
                   f'<td class="num">{number(t.missing)}</td><td class="num">{number(t.approved)}</td>'
                   f'<td class="num">{"—" if sent is None else number(sent)}%</td>'
                   f'<td class="num">{"—" if approved is None else number(approved)}%</td></tr>')
    return mark_safe("".join(out))


def _state_rows(states, entry_url: str, may_remind: set, period, csrf_token: str) -> str:
    """The units' rows of the completeness table as HTML: up to 500 rows of five cells, which the
    template engine took most of the page's time to write (a lookup, an escape and a date filter
    per cell, a url and a csrf tag per reminder button)."""
    remind = (f'<form method="post" action="{reverse("collection:remind")}" class="inline">'
              f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf_token)}">'
              f'<input type="hidden" name="period" value="{escape(period.code)}">')
    out = []
    labels: dict = {}  # a handful of labels and deadlines on hundreds of rows: written once each
    deadlines: dict = {}
    for s in states:
        sent = s.report.submitted_at if s.report is not None else None
        name = escape(s.unit.name)
        button = (f'{remind}<input type="hidden" name="unit" value="{s.unit.pk}"><button type="submit" aria-label="Nhắc {name}">'
                  f'Nhắc</button></form>') if s.unit.pk in may_remind else ""
        label = labels.get(s.label) or labels.setdefault(s.label, escape(s.label))
        deadline = deadlines.get(s.deadline)
        if deadline is None:
            deadline = deadlines[s.deadline] = s.deadline.strftime("%d/%m/%Y") if s.deadline else ""
        out.append(f'<tr><td><a href="{entry_url.replace("987654321", str(s.unit.pk))}">{name}</a></td>'
                   f'<td><span class="status status-{s.css}">{label}</span></td>\n'
                   f'<td>{timezone.localtime(sent).strftime("%H:%M %d/%m/%Y") if sent else ""}</td>'
                   f'<td>{deadline}</td>\n<td>{button}</td></tr>')
    return mark_safe("".join(out))


@login_required
def remind(request):
    """'Nhắc' on the completeness page: one unit (`unit`), or every unit not sent in the scope
    (`all`, within `root`); then back to the page with what was done. Opened as a page (a
    bookmark, a reload), it leads back to the completeness page and reminds nobody."""
    if request.method != "POST":
        return redirect("collection:completeness")
    try:
        period = comp.pick_period(request.POST.get("period"))
    except ValueError as exc:
        return render(request, "400.html", {"message": str(exc)}, status=400)
    viewable = access.viewable_units(request.user)
    root_id = request.POST.get("root", "")
    if request.POST.get("all"):
        units = viewable.filter(path__startswith=get_object_or_404(viewable, pk=root_id).path) if root_id.isdigit() else viewable
    elif request.POST.get("unit", "").isdigit():
        units = viewable.filter(pk=get_object_or_404(viewable, pk=request.POST["unit"]).pk)
    else:
        return render(request, "400.html", {"message": "Chưa chọn đơn vị để nhắc."}, status=400)
    states = [s for s in comp.unit_states(units, period) if s.missing]
    allowed = _remindable(request.user, [s.unit.pk for s in states])
    if not allowed and not request.POST.get("all"):
        raise PermissionDenied("Chỉ cấp duyệt báo cáo của đơn vị mới nhắc được đơn vị đó.")
    result = reminders.remind([s for s in states if s.unit.pk in allowed], period)
    if result["units"]:
        messages.success(request, f"Đã nhắc {result['units']} đơn vị chưa gửi báo cáo {period.label_vi}.")
    elif not result["already"]:
        messages.info(request, "Không có đơn vị nào cần nhắc.")
    if result["already"]:
        messages.info(request, f"{result['already']} đơn vị đã được nhắc hôm nay, không nhắc lại.")
    if result["units_without_entry_user"]:
        messages.warning(request, f"{result['units_without_entry_user']} đơn vị chưa có người nhập liệu để nhắc: hãy phân quyền nhập liệu.")
    back = reverse("collection:completeness") + f"?period={period.code}"
    return redirect(back + (f"&unit={root_id}" if root_id.isdigit() else ""))


@login_required
@require_POST
def reminder_read(request, pk: int):
    reminder = get_object_or_404(Reminder, pk=pk, user=request.user)
    reminder.read_at = timezone.now()
    reminder.save(update_fields=["read_at"])
    return redirect("collection:my_reports")


# ---------------------------------------------------------------------------- the report page


FOLD_ABOVE = 12  # a form with more indicators opens with its sections folded
# the report's own links on its page (a {% url %} tag each: ~50 µs of reverse() apiece, a dozen a page)
REPORT_LINKS = ("approve", "lock", "return", "reopen", "excel_download", "children_excel_download", "grid", "excel_upload",
                "children_excel_upload", "autosave", "check", "attachment_upload")
_REPORT_PATTERNS: dict = {}  # (URLconf, script prefix) → {name: the link with placeholders}: fixed in a process


def _report_urls(unit, period) -> dict[str, str]:
    """The report page's links (REPORT_LINKS), each reverse()d once a process with placeholders."""
    key = (get_resolver(get_urlconf()), get_script_prefix())
    patterns = _REPORT_PATTERNS.get(key)
    if patterns is None:
        patterns = _REPORT_PATTERNS[key] = {name: reverse(f"collection:{name}", args=[987654321, "PERIOD"]) for name in REPORT_LINKS}
    unit_id = str(unit.pk)
    return {name: url.replace("987654321", unit_id).replace("PERIOD", period.code) for name, url in patterns.items()}


def _folded(sections) -> list[dict]:
    """The form's sections with their 'đã nhập 3/5' counters; a long form starts folded, a
    section with something to fix open."""
    fold = sum(len(rows) for _, rows in sections) > FOLD_ABOVE
    return [{"name": name, "rows": rows, "filled": sum(1 for r in rows if (r.text or "").strip()), "total": len(rows),
             "open": not fold or any(r.error or r.issues for r in rows)} for name, rows in sections]


def _page(request, unit, period, report, *, posted=None, errors=None, status=200, conflict="", conflicts=()):
    indicators = form_list(unit)  # the form, its rules and the report's figures read once for the page
    # the report's figures, the unit's earlier ones and the year's targets, read once: the jump
    # rule, the flags and the rows' context all look back on them
    stored, figures, targets = page_figures(unit, period, report, indicators)
    issues = validate(report, for_submission=True, indicators=indicators, stored=stored, figures=figures) if report else []
    flags = plausibility.report_flags(report, {i.code: i for i in indicators}, stored, figures=figures, targets=targets) \
        if report else []
    actions = workflow.allowed_actions(report, request.user)
    if report is None and access.can_enter(request.user, unit):
        actions = {"edit", "submit"}
    narrative = [
        {"name": name, "label": label, "text": (posted or {}).get(name, getattr(report, name, "") if report else "")}
        for name, label in NARRATIVE_FIELDS.items()
    ]
    attachments = _ATTACHMENTS(report.pk) if report else []
    children = excel.workflow_children_count(unit, period)  # _load gave a unit the user may view: their subtree too
    sections = _folded(build_rows(unit, period, report, posted, errors, list(issues) + flags, current=stored, figures=figures,
                                  targets=targets))
    history = reverse("collection:history", args=[unit.pk, period.code, "CODE"]) if report else None  # one reverse() a page
    rows_html(((s["name"], s["rows"]) for s in sections), editable="edit" in actions, history_url=history)
    return render(request, "collection/entry.html", {
        "filled": sum(s["filled"] for s in sections), "total": sum(s["total"] for s in sections),
        "folded": any(not s["open"] for s in sections),
        "unit": unit, "period": period, "report": report, "sections": sections, "flags": flags,
        "sections_html": sections_html(sections), "urls": _report_urls(unit, period),
        "issues": issues, "blocking": [i for i in issues if i.blocks_submission], "actions": actions,
        "editable": "edit" in actions, "narrative": narrative, "attachments": attachments, "qualifiers": QUALIFIER_CHOICES,
        "deadline": comp.deadline_for(unit, period), "conflict": conflict, "conflicts": conflicts, "errors": errors or {},
        "children": children, "max_upload_mb": settings.GIAOBAN_MAX_UPLOAD_BYTES // (1024 * 1024),
        **panels.entry_context(unit, period),  # the meeting's tasks, from meetings
    }, status=status)


@login_required
def entry(request, unit_id: int, period: str):
    unit, period, report = _load(request, unit_id, period)
    if request.method != "POST":
        return _page(request, unit, period, report)
    if not access.can_enter(request.user, unit):
        raise PermissionDenied("Bạn không có quyền nhập số liệu cho đơn vị này.")
    values, narrative, errors = read_post(request.POST, unit, period.code)
    if errors:
        messages.error(request, f"Chưa lưu: {len(errors)} ô nhập chưa đúng.")
        return _page(request, unit, period, report, posted=request.POST, errors=errors, status=400)
    report = report or workflow.get_or_create_report(unit, period.code, request.user)
    try:
        conflicts = _save_merged(request, report, values, narrative)
    except ConflictError as exc:
        return _page(request, unit, period, report, posted=request.POST, status=409, conflict=exc.message)
    except WorkflowError as exc:
        messages.error(request, exc.message)
        return _page(request, unit, period, report, posted=request.POST, status=400)
    if conflicts:
        return _page(request, unit, period, report, posted=request.POST, status=409, conflicts=conflicts,
                     conflict=_conflict_message(conflicts))
    if request.POST.get("action") == "submit":
        return _do(request, unit, period, lambda r: workflow.submit(r, request.user), "Đã gửi báo cáo lên cấp trên.")
    messages.success(request, "Đã lưu.")
    return redirect(_entry_url(unit, period))


@login_required
@require_POST
def autosave(request, unit_id: int, period: str):
    """The page's script saves what changed (JSON answer); 409 on a conflict, nothing saved."""
    unit, period, report = _load(request, unit_id, period)
    if not access.can_enter(request.user, unit):
        raise PermissionDenied("Bạn không có quyền nhập số liệu cho đơn vị này.")
    values, narrative, errors = read_post(request.POST, unit, period.code)
    if errors and not values and not narrative:
        return JsonResponse({"ok": False, "errors": errors, "message": "Chưa lưu: có ô nhập chưa đúng."}, status=400)
    if report is not None and not report.is_editable:
        # read by this request a moment ago: the answer the save would give under the report's lock
        # (the same version, so no conflict first), without a transaction to lock and roll back
        # (four in five autosaves of benchmarks/load.py reach a submitted or approved report)
        return JsonResponse({"ok": False, "message": workflow.not_editable_message(report)}, status=400)
    report = report or workflow.get_or_create_report(unit, period.code, request.user)
    saved: dict = {}
    try:
        conflicts = _save_merged(request, report, values, narrative, refused=errors, saved=saved)
    except ConflictError as exc:
        return JsonResponse({"ok": False, "conflict": True, "message": exc.message, "version": report.version}, status=409)
    except WorkflowError as exc:
        return JsonResponse({"ok": False, "message": exc.message}, status=400)
    if conflicts:
        return JsonResponse({"ok": False, "conflict": True, "message": _conflict_message(conflicts), "version": report.version,
                             "conflicts": [c.as_dict() for c in conflicts], "errors": errors}, status=409)
    if errors:
        # a figure that cannot be read or breaks a rule is not saved; the others are (each
        # field saves on its own)
        return JsonResponse({"ok": False, "errors": errors, "version": report.version,
                             "fields": field_texts(report, request.POST, saved.get("values")),
                             "message": f"Chưa lưu {len(errors)} ô chưa đúng (xem ở từng ô); các ô khác đã lưu."}, status=400)
    # the figures as the save left them (read inside its transaction), not read again
    stored = saved.get("values")
    issues = [i.as_dict() for i in validate(report, for_submission=True, stored=stored)]
    return JsonResponse({"ok": True, "version": report.version, "issues": issues, "fields": field_texts(report, request.POST, stored),
                         "saved_at": timezone.localtime().strftime("%H:%M:%S")})


@login_required
@require_GET
def check(request, unit_id: int, period: str):
    """What the typed figures read as and their flags, while typing (nothing is saved)."""
    unit, period, report = _load(request, unit_id, period)
    return JsonResponse(check_fields(report, unit, period, request.GET))


GRID_ALL_ABOVE = 12  # more indicators than this: the grid shows one section at a time


@login_required
def grid(request, unit_id: int, period: str):
    """All child units × indicators for one period on one screen: typed with the keyboard or
    pasted from Excel, read by the one number parser, saved through the one write path, all or
    nothing."""
    unit, period, _ = _load(request, unit_id, period)
    children = excel.workflow_children(unit, period)
    if not children:
        raise Http404("Đơn vị không có đơn vị trực thuộc trong kỳ này")
    indicators = list(form_list(unit))
    sections = list(dict.fromkeys(i.section or "Chỉ tiêu khác" for i in indicators))
    section = request.GET.get("muc") or (sections[0] if len(indicators) > GRID_ALL_ABOVE else "")
    if section:
        indicators = [i for i in indicators if (i.section or "Chỉ tiêu khác") == section]
    reports = {r.unit_id: r for r in Report.objects.filter(unit__in=children, period=period.code).order_by()}
    stored = {(u, c): v for u, c, v in DataValue.objects.filter(unit__in=children, period=period.code)
              .values_list("unit_id", "indicator__code", "value")}
    writable = {c.pk for c in children if access.can_enter(request.user, c)
                and (reports.get(c.pk) is None or reports[c.pk].is_editable)}
    errors: dict[str, str] = {}
    posted = request.POST if request.method == "POST" else {}
    if request.method == "POST" and not writable:
        raise PermissionDenied("Bạn không có quyền nhập số liệu cho các đơn vị trực thuộc.")
    if request.method == "POST":
        plans = []
        for child in children:
            if child.pk not in writable:
                continue
            values = {}
            for ind in indicators:
                name = f"g-{child.pk}-{ind.code}"
                if name not in posted:
                    continue
                text = posted[name].strip()
                try:
                    value = parse_vn_number(text) if text else None
                except NumberFormatError as exc:
                    errors[name] = f"{child.name} – {ind.name}: {exc}"
                    continue
                if value != stored.get((child.pk, ind.code)):
                    values[ind.code] = {"value": value}
            if values:
                plans.append((child, values))
        if not errors:
            try:
                with transaction.atomic():
                    for child, values in plans:
                        report = workflow.get_or_create_report(child, period.code, request.user)
                        try:
                            workflow.save_values(report, request.user, values, expected_version=_grid_version(posted, child, report))
                        except WorkflowError as exc:
                            errors[f"row-{child.pk}"] = f"{child.name}: {exc.message}"
                            raise
            except WorkflowError:
                pass
            else:
                messages.success(request, f"Đã lưu số liệu của {len(plans)} đơn vị.")
                return redirect(request.get_full_path())
    rows = []
    for child in children:
        report = reports.get(child.pk)
        rows.append({"unit": child, "report": report, "writable": child.pk in writable, "error": errors.get(f"row-{child.pk}", ""),
                     "cells": [{"name": f"g-{child.pk}-{ind.code}", "label": ind.name, "error": errors.get(f"g-{child.pk}-{ind.code}", ""),
                                "text": posted.get(f"g-{child.pk}-{ind.code}", format_vn_number(stored.get((child.pk, ind.code))))}
                               for ind in indicators]})
    return render(request, "collection/grid.html", {
        "unit": unit, "period": period, "indicators": indicators, "rows": rows, "sections": sections, "section": section,
        "errors": errors, "back": _entry_url(unit, period), "any_writable": bool(writable),
    }, status=400 if errors else 200)


def _grid_version(posted, child, report) -> int:
    version = parse_id(posted.get(f"ver-{child.pk}"))
    return report.version if version is None else version


def _save_merged(request, report, values, narrative, refused=None, saved=None) -> list:
    """Save what the officer changed; fields someone else changed meanwhile come back as
    conflicts (not saved). Formatting differences ('05', a trailing line break) are no change.
    With `refused` (the autosave, where each field saves on its own), figures that break an
    error rule are left out and named there (code → message) instead of refusing the rest, in
    the same transaction (workflow.save_values).
    `saved` (a dict) receives the report's figures after the save ("values": code → DataValue).
    The merge compares with the figures the save's transaction holds (no read of its own)."""
    stale = _posted_version(request) != report.version
    merged: dict = {}

    def merge(existing):
        merged["values"], keep_narrative, merged["conflicts"] = merge_with_saved(report, request.POST, values, narrative,
                                                                                 stale=stale, stored=existing)
        return merged["values"], keep_narrative

    result = workflow.save_values(report, request.user, merge=merge, expected_version=report.version, refused=refused)
    if saved is not None:
        saved["values"] = result.values
    return merged["conflicts"]


def _conflict_message(conflicts) -> str:
    return (f"{len(conflicts)} ô vừa được người khác sửa trong lúc bạn nhập. Chọn giữ số của bạn hoặc lấy số đã lưu "
            f"cho từng ô bên dưới; các ô khác đã được lưu.")


def _do(request, unit, period, action, done: str):
    report = Report.objects.filter(unit=unit, period=period.code).order_by().first()
    if report is None:
        raise Http404("Chưa có báo cáo")
    try:
        action(report)
    except WorkflowError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect(_entry_url(unit, period))


def _reason(request) -> str:
    return request.POST.get("reason", "")


# One row per workflow step: who may take it, what it does with the posted form, what the officer is told.
# Steps taken on a version the page showed pass it on, so that a report changed meanwhile is refused.
_STEPS = {
    "submit": (access.can_enter, lambda r, req: workflow.submit(r, req.user), "Đã gửi báo cáo lên cấp trên."),
    "approve": (access.can_approve,
                lambda r, req: workflow.approve(r, req.user, expected_version=_posted_version(req)),
                "Đã duyệt báo cáo."),
    "return_report": (access.can_approve,
                      lambda r, req: workflow.return_report(r, req.user, _reason(req),
                                                            expected_version=_posted_version(req)),
                      "Đã trả lại báo cáo."),
    "reopen": (access.can_approve, lambda r, req: workflow.reopen(r, req.user, _reason(req)),
               "Đã mở lại báo cáo để sửa."),
    "lock": (access.can_approve, lambda r, req: workflow.lock(r, req.user), "Đã khóa báo cáo."),
}


def _step_view(name: str):
    allowed, step, done = _STEPS[name]

    @login_required
    @require_POST
    def view(request, unit_id: int, period: str):
        unit, period, _ = _load(request, unit_id, period)
        if not allowed(request.user, unit):
            raise PermissionDenied
        return _do(request, unit, period, lambda r: step(r, request), done)

    view.__name__ = view.__qualname__ = name
    return view


submit = _step_view("submit")
approve = _step_view("approve")
return_report = _step_view("return_report")
reopen = _step_view("reopen")
lock = _step_view("lock")


@login_required
@require_GET
def history(request, unit_id: int, period: str, code: str):
    unit, period, report = _load(request, unit_id, period)
    indicator = get_object_or_404(workflow.form_indicators(unit), code=code)
    entries = list(workflow.value_history(report, code)) if report else []
    sources = dict(DataValue.Source.choices)
    for e in entries:  # 'Đọc từ văn bản', not 'extraction'
        source = (e.data or {}).get("source") or ""
        e.source_label = sources.get(source, source)
    return render(request, "collection/history.html",
                  {"unit": unit, "period": period, "indicator": indicator, "entries": entries, "back": _entry_url(unit, period)})


# ---------------------------------------------------------------------------- attachments


@login_required
@require_POST
def attachment_upload(request, unit_id: int, period: str):
    unit, period, report = _load(request, unit_id, period)
    if not access.can_enter(request.user, unit):
        raise PermissionDenied
    if report is not None and not report.is_editable:
        # A file added to a sent or approved report could never be removed (removal needs an
        # editable report): what was approved stays what was approved.
        messages.error(request, f"Báo cáo đang ở trạng thái '{report.get_status_display()}': không đính kèm thêm tệp. "
                                f"Cấp trên cần trả lại hoặc mở lại báo cáo trước.")
        return redirect(_entry_url(unit, period))
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "Hãy chọn tệp cần đính kèm.")
        return redirect(_entry_url(unit, period))
    try:
        data = read_upload(upload, upload.name, settings.GIAOBAN_MAX_UPLOAD_BYTES)
        kind = check_upload(data, upload.name, set(ATTACHMENT_KINDS), settings.GIAOBAN_MAX_UPLOAD_BYTES)
    except UploadError as exc:
        messages.error(request, str(exc))
        return redirect(_entry_url(unit, period))
    report = report or workflow.get_or_create_report(unit, period.code, request.user)
    attachment = Attachment(report=report, original_name=upload.name[:255], content_type=ATTACHMENT_KINDS[kind],
                            size=len(data), uploaded_by=request.user)
    attachment.file.save("tep", ContentFile(data), save=True)
    audit.record(request.user, "attachment.add", report, field="attachment", new=attachment.original_name,
                 attachment=attachment.pk, size=len(data))
    messages.success(request, f"Đã đính kèm «{attachment.original_name}».")
    return redirect(_entry_url(unit, period))


@login_required
@require_GET
def attachment_download(request, unit_id: int, period: str, pk: int):
    unit, period, report = _load(request, unit_id, period)
    attachment = get_object_or_404(Attachment, pk=pk, report=report, deleted_at=None) if report else None
    if attachment is None:
        raise Http404
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name,
                            content_type=attachment.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def attachment_remove(request, unit_id: int, period: str, pk: int):
    unit, period, report = _load(request, unit_id, period)
    if not access.can_enter(request.user, unit):
        raise PermissionDenied
    attachment = get_object_or_404(Attachment, pk=pk, report=report, deleted_at=None) if report else None
    if attachment is None:
        raise Http404
    if not report.is_editable:
        messages.error(request, "Báo cáo đã gửi: không gỡ được tệp đính kèm.")
        return redirect(_entry_url(unit, period))
    attachment.deleted_at = timezone.now()
    attachment.save(update_fields=["deleted_at"])
    audit.record(request.user, "attachment.remove", report, field="attachment", old=attachment.original_name, attachment=pk)
    messages.success(request, f"Đã gỡ «{attachment.original_name}» (tệp vẫn được lưu trong hệ thống).")
    return redirect(_entry_url(unit, period))


# ---------------------------------------------------------------------------- Excel


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=excel.XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def excel_download(request, unit_id: int, period: str):
    unit, period, report = _load(request, unit_id, period)
    return _xlsx(excel.one_unit_workbook(unit, period, report), f"bieu-mau-{unit.code}-{period.code}.xlsx")


@login_required
@require_POST
def excel_upload(request, unit_id: int, period: str):
    unit, period, _ = _load(request, unit_id, period)
    if not access.can_enter(request.user, unit):
        raise PermissionDenied
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "Hãy chọn tệp Excel cần tải lên.")
        return redirect(_entry_url(unit, period))
    try:
        excel.import_one_unit(upload, upload.name, unit, period, request.user)
    except excel.ExcelImportError as exc:
        return _upload_errors(request, unit, period, upload.name, exc.errors)
    messages.success(request, f"Đã nhập số liệu từ «{upload.name}».")
    return redirect(_entry_url(unit, period))


@login_required
@require_GET
def children_excel_download(request, unit_id: int, period: str):
    unit, period, _ = _load(request, unit_id, period)
    children = excel.workflow_children(unit, period)
    return _xlsx(excel.children_workbook(unit, period, children), f"bieu-mau-cap-duoi-{unit.code}-{period.code}.xlsx")


@login_required
@require_POST
def children_excel_upload(request, unit_id: int, period: str):
    unit, period, _ = _load(request, unit_id, period)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "Hãy chọn tệp Excel cần tải lên.")
        return redirect(_entry_url(unit, period))
    if len(excel.workflow_children(unit, period)) > BACKGROUND_CHILDREN:
        # Many rows take a while on a slow server: run it as a job with a progress bar.
        data = upload.read(settings.GIAOBAN_MAX_UPLOAD_BYTES + 1)
        job = start_job(request.user, "children-excel", f"Nhập Excel cấp dưới – {unit.name} – {period.label_vi}",
                        _import_children_job, upload.name, unit.pk, period.code, request.user.pk,
                        _entry_url(unit, period), input_file=(upload.name, data))
        return redirect("job", job_id=job.pk)
    try:
        saved = excel.import_children(upload, upload.name, unit, period, request.user)
    except excel.ExcelImportError as exc:
        return _upload_errors(request, unit, period, upload.name, exc.errors)
    messages.success(request, f"Đã nhập số liệu của {len(saved)} đơn vị từ «{upload.name}».")
    return redirect(_entry_url(unit, period))


BACKGROUND_CHILDREN = 30  # more child units than this: the upload runs as a background job


def _import_children_job(progress, fileobj, name: str, unit_id: int, period_code: str, user_id: int, back: str) -> dict:
    from django.contrib.auth import get_user_model

    unit, period = Unit.objects.get(pk=unit_id), Period.parse(period_code)
    user = get_user_model().objects.get(pk=user_id)
    progress(0, 2, f"Đang đọc và kiểm tra «{name}»…")
    try:
        saved = excel.import_children(fileobj, name, unit, period, user)
    except excel.ExcelImportError as exc:
        shown = "\n".join(exc.errors[:50]) + (f"\n… và {len(exc.errors) - 50} lỗi khác." if len(exc.errors) > 50 else "")
        raise RuntimeError(f"chưa nhập gì, tệp có {len(exc.errors)} lỗi:\n{shown}") from None
    progress(2, 2, f"Đã nhập số liệu của {len(saved)} đơn vị.")
    return {"result_url": back, "message": f"Đã nhập số liệu của {len(saved)} đơn vị từ «{name}»."}


def _upload_errors(request, unit, period, name, errors):
    return render(request, "collection/upload_errors.html",
                  {"unit": unit, "period": period, "name": name, "errors": errors, "back": _entry_url(unit, period)}, status=400)

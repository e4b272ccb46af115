"""Pages of figure reading: upload a narrative report, review the figures, accept them.

Scope: a session is only reachable through the units the user enters data for (404 otherwise,
so nobody learns it exists); posting a unit the user may not enter for is a 403. Writing values
goes through giaoban.collection.workflow (via service.accept), never around it.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from giaoban.collection import access, workflow
from giaoban.collection.workflow import WorkflowError
from giaoban.core.numbers import NumberFormatError, format_vn_number, parse_id, parse_vn_number
from giaoban.core.periods import Period
from giaoban.core.uploads import UploadError
from giaoban.intake import service
from giaoban.intake.models import ExtractionSession
from giaoban.intake.service import ExtractionError
from giaoban.jobs.queue import start as start_job
from giaoban.org.models import Unit

MAX_FILES = 20
STATE_LABELS = {"accepted": "đã nhận", "rejected": "không nhận", "on": "sẽ nhận", "off": "chưa chọn",
                "other": "tổ chức khác", "target": "chỉ tiêu/kế hoạch"}


def recent_quarters(count: int = 8) -> list[Period]:
    periods = [service.current_quarter()]
    while len(periods) < count:
        periods.append(periods[-1].previous())
    return periods


def _sessions_in_scope(user):
    return ExtractionSession.objects.filter(unit__in=access.entry_units(user)).select_related("unit", "unit__organization")


def _check_period(unit: Unit, code: str) -> Period:
    """A period the unit can report for; WorkflowError with a Vietnamese message otherwise."""
    period = workflow.base_period(code)
    if not workflow.unit_active_in(unit, period):
        raise WorkflowError(f"{unit.name} không hoạt động trong {period.label_vi}.")
    return period


# ---------------------------------------------------------------------------- upload


@login_required
def upload(request):
    units = list(access.entry_units(request.user).select_related("organization")[:500])
    if request.method == "POST":
        response = _handle_upload(request)
        if response is not None:
            return response
    sessions = _sessions_in_scope(request.user)
    batch = request.GET.get("dot", "")
    try:
        batch = uuid.UUID(batch) if batch else None
    except ValueError:
        batch = None
    sessions = sessions.filter(batch=batch) if batch else sessions
    return render(request, "extraction/upload.html", {
        "units": units, "periods": recent_quarters(), "sessions": sessions[:50], "batch": batch,
        "selected_unit": request.POST.get("unit", ""), "selected_period": request.POST.get("period", ""),
        "max_files": MAX_FILES,
    })


def _handle_upload(request):
    """Check everything first; nothing is kept unless every file passes."""
    unit_id = parse_id(request.POST.get("unit"))
    unit = Unit.objects.select_related("organization").filter(pk=unit_id).first() if unit_id is not None else None
    if unit is None:
        raise Http404("Không có đơn vị này")
    if not access.can_enter(request.user, unit):
        raise PermissionDenied("Bạn không có quyền nhập số liệu cho đơn vị này.")
    period = request.POST.get("period", "").strip()
    if period:
        try:
            period = _check_period(unit, period).code
        except WorkflowError as exc:
            messages.error(request, exc.message)
            return None
    files = request.FILES.getlist("files")
    if not files:
        messages.error(request, "Hãy chọn tệp báo cáo cần đọc (.docx, .pdf, .txt hoặc .html).")
        return None
    if len(files) > MAX_FILES:
        messages.error(request, f"Mỗi lần chỉ tải lên tối đa {MAX_FILES} tệp (bạn chọn {len(files)} tệp).")
        return None
    try:
        service.take_upload_quota(request.user, len(files))
    except service.ExtractionError as exc:
        messages.error(request, str(exc))
        return None
    checked, errors = [], []
    for f in files:
        try:
            data, kind = service.check_file(f)
        except UploadError as exc:
            errors.append(str(exc))
            continue
        checked.append((f.name, data, kind))
    if errors:
        for e in errors:
            messages.error(request, e)
        if len(files) > 1:
            messages.error(request, "Chưa tệp nào được đọc: hãy bỏ hoặc sửa các tệp bị từ chối rồi tải lên lại.")
        return None
    if len(checked) == 1:
        name, data, kind = checked[0]
        session = service.create_session(request.user, unit, period, name, data, kind)
        service.run_extraction(session, data)
        if session.status == ExtractionSession.Status.FAILED:
            messages.error(request, session.error)
            return redirect("extraction:upload")
        return redirect("extraction:review", pk=session.pk)
    batch = uuid.uuid4()
    ids = [service.create_session(request.user, unit, period, name, data, kind, batch=batch).pk
           for name, data, kind in checked]
    url = reverse("extraction:upload") + f"?dot={batch}"
    job = start_job(request.user, "extraction", f"Đọc số liệu từ {len(ids)} tệp – {unit.name}", _read_batch, ids, url)
    return redirect("job", job_id=job.pk)


def _read_batch(progress, ids: list[int], result_url: str) -> dict:
    total, failed = len(ids), 0
    progress(0, total, "Bắt đầu đọc các tệp…")
    for done, pk in enumerate(ids, start=1):
        session = ExtractionSession.objects.select_related("unit", "unit__organization").get(pk=pk)
        service.run_extraction(session)
        if session.status == ExtractionSession.Status.FAILED:
            failed += 1
            note = session.error
        else:
            note = f"Đã đọc «{session.original_name}»: {len(session.figures)} số liệu."
        progress(done, total, note)
    message = f"Đã đọc {total - failed}/{total} tệp." + (f" {failed} tệp không đọc được." if failed else "")
    return {"result_url": result_url, "message": message}


# ---------------------------------------------------------------------------- review


def highlight(text: str, figures: list[dict], states: list[str]):
    """The text as HTML with every figure marked at its NFC offsets; everything else escaped."""
    out, pos = [], 0
    order = sorted(range(len(figures)), key=lambda i: (figures[i]["start"], figures[i]["end"]))
    for i in order:
        start, end = figures[i]["start"], figures[i]["end"]
        if start < pos or end <= start or end > len(text):
            continue  # overlapping or out-of-range span: listed beside the text, not marked
        span = escape(text[start:end])
        out.append(escape(text[pos:start]))
        out.append(f'<mark id="m{i}" class="fig st-{states[i]}" data-i="{i}"><a href="#f{i}" '
                   f'aria-label="Số liệu {i + 1}: {span} ({STATE_LABELS[states[i]]})">{span}</a>'
                   f'<sup aria-hidden="true">{i + 1}</sup></mark>')
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))


def _state(item: dict, owner: str, unit: Unit, target: bool = False) -> str:
    if item.get("status") in ("accepted", "rejected"):
        return item["status"]
    if item.get("accept"):
        return "on"
    if target:
        return "target"  # a plan's figure: what is to be done, not a result
    return "other" if owner not in ("", unit.organization.code) else "off"


def _same_value(stored, typed: str) -> bool:
    try:
        return parse_vn_number(typed) == stored
    except NumberFormatError:
        return False


def _why(f: dict) -> dict:
    """The words that named a figure's organization and its indicator (older sessions have none)."""
    why = f.get("why") or {}
    org = why.get("org") or ("tiêu đề văn bản" if why.get("org_source") == "default" else "")
    words = list(dict.fromkeys(why.get("indicator") or []))
    return {"why_org": org, "why_indicator": "», «".join(words[:3])}


@login_required
def review(request, pk: int):
    session = get_object_or_404(_sessions_in_scope(request.user), pk=pk)
    if request.method == "POST":
        return _handle_review(request, session)
    if session.status in (ExtractionSession.Status.PENDING, ExtractionSession.Status.FAILED):
        return render(request, "extraction/review.html", {"session": session, "rows": []})
    unit = session.unit
    items = service.decisions(session)
    report, existing = service.existing_values(session)
    indicators = list(workflow.form_indicators(unit))
    rows, states = [], []
    for i, (f, item) in enumerate(zip(session.figures, items)):
        owner = service.figure_owner(f)
        target = f.get("kind") == "target"
        state = _state(item, owner, unit, target)
        states.append(state)
        current = existing.get(item["indicator"])
        if current is not None and _same_value(current.value, item["value"]):
            current = None  # already what the reviewer proposes: nothing would be replaced
        rows.append({
            "i": i, "n": i + 1, "f": f, "d": item, "state": state, "state_label": STATE_LABELS[state],
            "owner_other": owner not in ("", unit.organization.code), "target": target,
            "orgs": service.org_choices(f), "confidence": round(100 * (f.get("confidence") or 0)),
            **_why(f),
            "current": format_vn_number(current.value) if current else "",
        })
    periods = recent_quarters()
    period_codes = [p.code for p in periods]
    for code in (service._enterable(session.detected_period), session.period):
        if code and code not in period_codes:
            periods.insert(0, Period.parse(code))
            period_codes.insert(0, code)
    detected_label = ""
    if session.detected_period:
        try:
            detected_label = Period.parse(session.detected_period).label_vi
        except ValueError:
            detected_label = session.detected_period
    return render(request, "extraction/review.html", {
        "session": session, "unit": unit, "rows": rows, "marked": highlight(session.text, session.figures, states),
        "indicators": indicators, "qualifiers": service.QUALIFIERS, "periods": periods,
        "period_label": Period.parse(session.period).label_vi, "detected_label": detected_label,
        "detected_enterable": bool(service._enterable(session.detected_period)),
        "report": report, "version": report.version if report else "new",
        "ticked": sum(1 for it in items if it["accept"]),
        "entry_url": reverse("collection:entry", args=[unit.pk, session.period]) if report else "",
    })


def _handle_review(request, session: ExtractionSession):
    if not access.can_enter(request.user, session.unit):
        raise PermissionDenied("Bạn không có quyền nhập số liệu cho đơn vị này.")
    if session.status not in (ExtractionSession.Status.READY, ExtractionSession.Status.SAVED):
        messages.error(request, f"Tệp «{session.original_name}» chưa đọc xong hoặc không đọc được.")
        return redirect("extraction:review", pk=session.pk)
    items = service.read_post(session, request.POST)
    code = request.POST.get("period", "").strip()
    try:
        period = _check_period(session.unit, code)
    except WorkflowError as exc:
        service.save_decisions(session, items, "")
        messages.error(request, f"Kỳ báo cáo «{code}»: {exc.message}")
        return redirect("extraction:review", pk=session.pk)
    # Keep what the person chose before anything can refuse it.
    service.save_decisions(session, items, period.code)
    if request.POST.get("action") != "accept":
        messages.success(request, "Đã lưu các lựa chọn (chưa nhận vào báo cáo).")
        return redirect("extraction:review", pk=session.pk)
    try:
        result = service.accept(session, request.user, items, period.code, request.POST.get("version"))
    except ExtractionError as exc:
        messages.error(request, f"Chưa nhận số liệu nào từ «{session.original_name}»: {exc}")
        return redirect("extraction:review", pk=session.pk)
    except WorkflowError as exc:
        messages.error(request, f"Chưa nhận số liệu nào từ «{session.original_name}»: {exc.message}")
        return redirect("extraction:review", pk=session.pk)
    messages.success(request, f"Đã nhận {result.accepted} số liệu từ «{session.original_name}» vào báo cáo "
                              f"{session.unit.name} {period.label_vi} ({len(result.changed)} chỉ tiêu thay đổi).")
    return redirect("extraction:review", pk=session.pk)


@login_required
@require_GET
def original(request, pk: int):
    session = get_object_or_404(_sessions_in_scope(request.user), pk=pk)
    if not session.file:
        raise Http404
    return FileResponse(session.file.open("rb"), as_attachment=True, filename=session.original_name)

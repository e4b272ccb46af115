"""Report downloads (Word, Excel, PDF, news draft) and the template preview page."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe

from giaoban.analytics.engine import AnalyticsError, resolve_area, scope_for_user
from giaoban.collection.models import Membership, Report
from giaoban.core.periods import Period, PeriodError, option_tags, parse_reachable
from giaoban.jobs.queue import start as start_job
from giaoban.meetings.access import visible_tasks
from giaoban.org import stamp
from giaoban.org.models import Area, Organization
from giaoban.docwriter.pdf import ConversionFailed, PdfUnavailable, soffice_path
from giaoban.docwriter.writing import PHRASING_ENV, PhrasingError, render_preview_html

from .gather import build_report_model
from .render import FORMATS, phrasing, render as render_format


def _scope(user):
    """The subtrees whose figures `user` may see (engine Nodes), None for staff: everything."""
    if user.is_superuser or user.is_staff:
        return None
    within, _areas = scope_for_user(user)
    return within


def _can_see_area(user, area: Area) -> bool:
    """Staff see everything; others need a role on a unit placed at this area or above it."""
    if user.is_superuser or user.is_staff:
        return True
    paths = Membership.objects.filter(user=user, unit__area__isnull=False).values_list("unit__area__path", flat=True)
    return any(area.path.startswith(p) for p in paths)


def _form_defaults():
    today = timezone.localdate()
    current = Period.for_date(today, "Q").previous()
    # the first top area, kept until an area changes (the stamp): the page asked on every visit
    top = stamp.remembered("documents_top_area", today, lambda: getattr(
        Area.objects.valid_on(today).filter(parent__isnull=True).order_by("code").first(), "code", ""), 1000)
    return {"period": current.code, "area": top}


def _params(request):
    defaults = _form_defaults()
    period = (request.GET.get("period") or defaults["period"]).strip()
    area_text = (request.GET.get("area") or defaults["area"]).strip()
    org = (request.GET.get("org") or "").strip() or None
    try:
        parsed = parse_reachable(period)
        area = resolve_area(area_text, parsed.end)
    except (PeriodError, AnalyticsError) as exc:
        return None, str(exc)
    return {"period": parsed.code, "area": area, "org": org}, None


def _period_choices(default: str) -> list[Period]:
    """Every quarter, half year, nine months and year from the first year with a report to now,
    newest first, the default among them (documents are written for past years too)."""
    current = Period.for_date(timezone.localdate(), "Q")
    # the oldest report by the (unit, period) index's period order: one row, not a scan of periods
    first = Report.objects.order_by("period").values_list("period", flat=True).first()
    first_year = min(int(first[:4]) if first and first[:4].isdigit() else current.year, current.year)
    first_year = max(first_year, current.year - 20)  # a typo'd year in old data does not list a century
    quarters = [current]  # at least the last 8 quarters, back to the first quarter of first_year
    while len(quarters) < 8 or quarters[-1].start.year > first_year or quarters[-1].start.month > 1:
        quarters.append(quarters[-1].previous())
    first_year = quarters[-1].start.year
    extra = [f"{y}-{k}" for y in range(first_year, current.year + 1) for k in ("H1", "9M")]
    extra += [str(y) for y in range(first_year, current.year + 1)]
    choices = {p.code: p for p in quarters}
    for code in extra + [default]:
        try:
            p = Period.parse(code)
        except PeriodError:
            continue
        choices.setdefault(p.code, p)
    return sorted(choices.values(), key=lambda p: (p.end, -p.start.toordinal()), reverse=True)


@login_required
def index(request):
    defaults = _form_defaults()
    periods = _period_choices(defaults["period"])
    return render(request, "documents/index.html", {
        "defaults": defaults, "periods": periods, "period_options": mark_safe(option_tags(periods, defaults["period"])),
        # kept until an organization changes (the stamp): a query on every visit
        "organizations": stamp.remembered("documents_organizations", None, lambda: list(Organization.objects.order_by("sort_order")), 1),
        "formats": [("docx", "Word (.docx)"), ("xlsx", "Excel (.xlsx)"), ("pdf", "PDF"), ("news", "Tin bài (.txt)"),
                    ("news-docx", "Tin bài (.docx)")],
        "pdf_available": soffice_path() is not None,
    })


@login_required
def download(request):
    params, error = _params(request)
    fmt = request.GET.get("format", "docx")
    if error or fmt not in FORMATS:
        return HttpResponse(error or f"Định dạng không hỗ trợ: '{fmt}'.", status=400, content_type="text/plain; charset=utf-8")
    if not _can_see_area(request.user, params["area"]):
        raise PermissionDenied("Bạn không có quyền xem báo cáo của địa bàn này.")
    name = f"bao-cao-{params['area'].code}-{params['period']}" + ("-tin-bai" if fmt.startswith("news") else "")
    # Only the figures of the subtrees the user may see (a commune women's union officer asking
    # for the commune gets the union's figures, not the other organizations').
    within = _scope(request.user)
    if fmt == "pdf":
        # LibreOffice takes seconds: build in the background and show the job's progress bar.
        if soffice_path() is None:
            return HttpResponse("Máy chủ chưa cài LibreOffice nên chưa xuất được PDF.", status=503,
                                content_type="text/plain; charset=utf-8")
        job = start_job(request.user, "report-pdf", f"Báo cáo PDF – {params['area'].name} – {params['period']}",
                        _build_file, params["period"], params["area"].pk, params["org"], fmt, name, request.user.pk)
        return redirect("job", job_id=job.pk)
    try:
        model = build_report_model(params["period"], params["area"], params["org"], report_date=None,
                                   within=within, area_tables=fmt == "xlsx", tasks=visible_tasks(request.user))
        data, ext, mime = render_format(model, fmt)
    except PdfUnavailable as exc:
        return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")
    except (ConversionFailed, PhrasingError, AnalyticsError) as exc:
        return HttpResponse(str(exc), status=500 if isinstance(exc, ConversionFailed) else 400,
                            content_type="text/plain; charset=utf-8")
    response = HttpResponse(data, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{name}.{ext}"'
    return response


def _build_file(progress, period: str, area_id: int, org, fmt: str, name: str, user_id: int) -> dict:
    """The job's work: gather the figures (within the user's scope), write the document, keep it as the job's file."""
    progress(0, 3, "Đang tổng hợp số liệu…")
    user = get_user_model().objects.get(pk=user_id)
    model = build_report_model(period, Area.objects.get(pk=area_id), org, report_date=None,
                               within=_scope(user), area_tables=fmt == "xlsx", tasks=visible_tasks(user))
    progress(1, 3, "Đang viết văn bản và chuyển sang PDF…")
    data, ext, _mime = render_format(model, fmt)
    progress(3, 3, "Xong.")
    return {"result_file": (f"{name}.{ext}", data), "message": f"Đã tạo {name}.{ext}: bấm «Tải tệp về»."}


@login_required
def preview(request):
    """The report as the templates render it now: edit the phrasing file, reload, compare."""
    params, error = _params(request)
    # where the phrasing comes from, in words: a server path or a setting's name means nothing to the reader
    own = bool(getattr(settings, "GIAOBAN_REPORT_PHRASING", None) or os.environ.get(PHRASING_ENV))
    context = {"error": error, "own_phrasing": own, "is_admin": request.user.is_superuser}
    if not error:
        if not _can_see_area(request.user, params["area"]):
            raise PermissionDenied("Bạn không có quyền xem báo cáo của địa bàn này.")
        try:
            model = build_report_model(params["period"], params["area"], params["org"], report_date=None,
                                       within=_scope(request.user), area_tables=False,
                                       tasks=visible_tasks(request.user))
            context["html"] = render_preview_html(model, phrasing(), charts=request.GET.get("charts") != "0")
            context["params"] = params
        except (PhrasingError, AnalyticsError) as exc:
            context["error"] = str(exc)
    return render(request, "documents/preview.html", context, status=400 if context["error"] else 200)

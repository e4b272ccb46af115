import datetime

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.template.defaultfilters import truncatewords
from django.utils import formats
from django.utils.translation import gettext, ngettext

from giaoban.collection import access
from giaoban.collection.completeness import Deadlines, pick_period, unit_reports
from giaoban.collection.models import Report
from giaoban.core.periods import Period
from giaoban.meetings import services as meeting_services
from giaoban.org import schedules
from giaoban.jobs.models import Job
from giaoban.meetings.models import Task
from giaoban.core.periods import label_or_code
from giaoban.security.forms import ThrottledAuthenticationForm


def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def recent_quarters(today: datetime.date, count: int = 4) -> list[Period]:
    current = Period.for_date(today, "Q")
    periods = [current]
    while len(periods) < count:
        periods.append(periods[-1].previous())
    return periods


def _link(name: str, label: str, hint: str) -> dict | None:
    """A shortcut on the home page, or None when the page is not installed (yet)."""
    try:
        return {"url": reverse(name), "label": label, "hint": hint}
    except NoReverseMatch:
        return None


PROVINCE_LINKS = [
    ("analytics:dashboard", "Bảng điều khiển", "Số liệu toàn tỉnh, so với chỉ tiêu và cùng kỳ"),
    ("collection:completeness", "Tiến độ nộp báo cáo", "Đơn vị đã nộp, nộp muộn, chưa nộp"),
    ("documents:index", "Văn bản", "Tải báo cáo tổng hợp (Word, Excel, PDF) và tin bài"),
    ("meetings:list", "Hội nghị, nhiệm vụ", "Kết luận hội nghị và tiến độ nhiệm vụ"),
    ("analytics:pivot", "Bảng tổng hợp", "Lọc, xoay bảng số liệu, xuất Excel"),
]


_LINKS_KEPT: dict = {}  # (URLconf, script prefix) → the province's shortcuts: they cannot change in a process


def _province_links() -> tuple[list[dict], str]:
    """The province's shortcuts and their tiles as HTML: five reverse() calls and a template loop a page before."""
    key = (get_resolver(get_urlconf()), get_script_prefix())
    if key not in _LINKS_KEPT:
        links = [link for link in (_link(*item) for item in PROVINCE_LINKS) if link]
        _LINKS_KEPT[key] = links, mark_safe("".join(
            f'<li><a href="{escape(link["url"])}"><strong>{escape(link["label"])}</strong><span>{escape(link["hint"])}</span></a></li>'
            for link in links))
    return _LINKS_KEPT[key]


_login_here = auth_views.LoginView.as_view(template_name="web/login.html", authentication_form=ThrottledAuthenticationForm)


def _entry_urls():
    """entry_url(unit id, period code): one reverse() for a page of links (the administrator's
    home had 300, a sixth of its time)."""
    pattern = reverse("collection:entry", args=[987654321, "PERIOD"])

    def entry_url(unit_id: int, period: str) -> str:
        return pattern.replace("987654321", str(unit_id)).replace("PERIOD", period)

    return entry_url


# what get_status_display() answers, without flattening the choices again for every row
REPORT_STATUS, TASK_STATUS = dict(Report.Status.choices), dict(Task.Status.choices)


def _unit_rows(units, periods, reports, deadlines, entry_url) -> str:
    """The table of the user's units × periods as HTML (up to 50 × 4 cells, each a link, a status
    and a deadline: through the template engine the biggest part of the page's time)."""
    none, due = escape(gettext("Chưa có")), escape(gettext("hạn"))
    labels = [escape(p.label_vi) for p in periods]
    out = []
    for unit in units:
        name = escape(str(unit))
        cells = []
        for p, label in zip(periods, labels, strict=True):
            report = reports.get((unit.pk, p.code))
            status = (f'<span class="status status-{escape(report.status)}">{escape(REPORT_STATUS.get(report.status, report.status))}</span>'
                      if report else f'<span class="status status-missing">{none}</span>')
            cells.append(f'<td><a href="{entry_url(unit.pk, p.code)}" aria-label="{name} – {label}">{status}</a><br>'
                         f'<small class="muted">{due} {deadlines[p.code].for_unit(unit).strftime("%d/%m/%Y")}</small></td>')
        out.append(f'<tr><th scope="row">{name}</th>{"".join(cells)}</tr>')
    return mark_safe("".join(out))


def _todo_items(todo) -> str:
    """The list 'to enter and send' as HTML (up to 50 units, each a button, a status, a deadline
    and the days left: through the template engine the administrator's home spent half its time here)."""
    go_on, start, none = escape(gettext("Tiếp tục nhập")), escape(gettext("Nhập số liệu")), escape(gettext("Chưa có"))
    due, late = escape(gettext("hạn")), escape(gettext("đã quá hạn"))
    out = []
    for t in todo:
        report = t["report"]
        status = (f'<span class="status status-{escape(report.status)}">{escape(REPORT_STATUS.get(report.status, report.status))}</span>'
                  if report else f'<span class="status status-missing">{none}</span>')
        days = t["days"]
        if t["late"]:
            band, tail = "band-red", f" – {late}"
        elif days <= 7:
            band, tail = "band-amber", " – " + ngettext("còn %(n)s ngày", "còn %(n)s ngày", days) % {"n": escape(formats.localize(days))}
        else:
            band, tail = "muted", ""
        out.append(f'<li><a class="button primary" href="{escape(t["url"])}">{go_on if report else start}</a>\n'
                   f'<span><strong>{escape(str(t["unit"]))}</strong><br>\n{status}\n'
                   f'<span class="{band}">{due} {t["deadline"].strftime("%d/%m/%Y")}{tail}</span></span></li>')
    return mark_safe("".join(out))


def _waiting_rows(waiting) -> str:
    """The reports waiting for the user's approval as table rows (up to 50)."""
    out = []
    for r in waiting:
        sent = timezone.localtime(r.submitted_at).strftime("%H:%M %d/%m/%Y") if r.submitted_at else ""
        out.append(f'<tr><td><a href="{escape(r.url)}">{escape(str(r.unit))}</a></td><td>{escape(label_or_code(r.period))}</td>'
                   f'<td>{sent}</td></tr>')
    return mark_safe("".join(out))


def _overdue_rows(tasks) -> str:
    """The province's overdue tasks as table rows (up to 30), one reverse() for all of them."""
    pattern = reverse("meetings:task", args=[987654321])
    out = []
    for t in tasks:
        out.append(f'<tr><td><a href="{pattern.replace("987654321", str(t.pk))}">{escape(truncatewords(t.text, 30))}</a></td>'
                   f'<td>{escape(label_or_code(t.due_period))}</td><td>{escape(TASK_STATUS.get(t.status, t.status))}</td></tr>')
    return mark_safe("".join(out))


def home(request):
    """What the user has to do first: the data-entry person sees their forms, deadlines and
    returned reports; the approver the reports waiting; the province its overview pages.

    Signed out, "/" is the login form itself rather than a redirect to /dang-nhap/?next=/:
    DHIS2 clients open the server's root to find its base URL and would take the login URL
    with its query string for it."""
    if not request.user.is_authenticated:
        return _login_here(request)
    today = timezone.localdate()
    periods = recent_quarters(today)
    due = pick_period(None, today)
    # dissolved units (the 2025 merger) are not offered for entry: their forms answer 404
    units = access.entry_unit_list(request.user, due.end, 50)
    regimes = schedules.rules() if units else []
    if units and all(schedules.applies(u, "W", regimes) and not schedules.applies(u, "Q", regimes) for u in units):
        # a residential area's working group reports every week: this week and the three before
        due = Period.for_date(today, "W")
        periods = [due]
        while len(periods) < 4:
            periods.append(periods[-1].previous())
    approvable = access.approvable_units(request.user)
    reports, returned = unit_reports(units, [p.code for p in periods] + [due.code])
    deadlines = Deadlines.for_periods([*periods, due])
    entry_url = _entry_urls()
    rows = _unit_rows(units, periods, reports, deadlines, entry_url)
    todo = []
    for unit in units:
        report = reports.get((unit.pk, due.code))
        if report is None or report.status in (Report.Status.DRAFT, Report.Status.RETURNED):
            deadline = deadlines[due.code].for_unit(unit)
            todo.append({"unit": unit, "report": report, "deadline": deadline, "late": deadline < today,
                         "days": (deadline - today).days, "url": entry_url(unit.pk, due.code)})
    todo.sort(key=lambda t: (t["deadline"], t["unit"].name))
    # a row needs the unit's name, not its organization; built only for people who approve (the
    # menu's answer, kept under the stamp): for the others the ORM compiled it to find it empty
    waiting = list(
        Report.objects.filter(unit__in=approvable, status=Report.Status.SUBMITTED)
        .select_related("unit")
        .order_by("period", "unit__name")[:50]
    ) if access.has_approvable_units(request.user) else []
    for r in waiting:
        r.url = entry_url(r.unit_id, r.period)
    for r in returned:
        r.url = entry_url(r.unit_id, r.period)
    province = access.is_province_user(request.user)
    links, links_html, overdue = [], "", []
    if province:
        links, links_html = _province_links()
        overdue = meeting_services.overdue_tasks(Period.for_date(today, "Q").code)[:30]
    return render(
        request,
        "web/home.html",
        {"periods": periods, "rows": rows, "waiting": waiting, "returned": returned, "today": today,
         "due": due, "todo": todo, "province": province, "links": links, "links_html": links_html, "overdue": overdue,
         "todo_items": _todo_items(todo), "waiting_rows": _waiting_rows(waiting), "overdue_rows": _overdue_rows(overdue),
         "is_entry": bool(units), "approvals_url": _link("collection:approvals", "", "")},
    )


def _own_job(request, job_id) -> Job:
    job = get_object_or_404(Job, pk=job_id)
    if job.user_id != request.user.pk and not request.user.is_superuser:
        raise Http404
    return job


@login_required
def job_page(request, job_id):
    return render(request, "web/job.html", {"job": _own_job(request, job_id)})


@login_required
def job_status(request, job_id):
    job = _own_job(request, job_id)
    return JsonResponse({
        "status": job.status, "status_label": job.get_status_display(), "done": job.done, "total": job.total,
        "percent": job.percent, "message": job.message, "result_url": job.result_url or (
            f"/viec/{job.pk}/tep/" if job.result_file else ""),
    })


@login_required
def job_file(request, job_id):
    job = _own_job(request, job_id)
    if not job.result_file:
        raise Http404
    return FileResponse(job.result_file.open("rb"), as_attachment=True, filename=job.result_file.name.rsplit("/", 1)[-1])

import datetime

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from giaoban.collection import access
from giaoban.collection.models import Report
from giaoban.core.periods import Period
from giaoban.web.models import Job


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


@login_required
def home(request):
    """The periods and the reports of the user's units, with their status."""
    today = timezone.localdate()
    periods = recent_quarters(today)
    units = list(access.entry_units(request.user).select_related("organization")[:50])
    approvable = access.approvable_units(request.user)
    reports = {
        (r.unit_id, r.period): r
        for r in Report.objects.filter(unit__in=units, period__in=[p.code for p in periods])
    }
    rows = []
    for unit in units:
        cells = []
        for p in periods:
            report = reports.get((unit.pk, p.code))
            cells.append({"period": p, "report": report, "deadline": p.deadline()})
        rows.append({"unit": unit, "cells": cells})
    waiting = (
        Report.objects.filter(unit__in=approvable, status=Report.Status.SUBMITTED)
        .select_related("unit", "unit__organization")
        .order_by("period", "unit__name")[:50]
    )
    returned = Report.objects.filter(unit__in=units, status=Report.Status.RETURNED).select_related("unit")
    return render(
        request,
        "web/home.html",
        {"periods": periods, "rows": rows, "waiting": waiting, "returned": returned, "today": today},
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

"""Reports and data values: read, create, fill, submit, approve, return, reopen; values read and written in bulk."""

from __future__ import annotations

from decimal import Decimal

from ninja import Router

from giaoban.api import schemas as s
from giaoban.collection import access, bulk, workflow
from giaoban.collection.models import DataValue, Report
from giaoban.dhis2 import service as dhis2
from giaoban.org.models import Indicator, Unit

from giaoban.api.core import ERRORS, ApiError, _find_unit, _page, _period, _report

router = Router()


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _value_out(v: DataValue) -> dict:
    return {
        "unit": v.unit.code, "indicator": v.indicator.code, "period": v.period, "value": _plain(v.value),
        "qualifier": v.qualifier, "source": v.source, "comment": v.comment, "updated_at": v.updated_at,
    }


def _allowed(report: Report, user) -> list[str]:
    return sorted(workflow.allowed_actions(report, user))


def _report_out(report: Report, user, detail: bool = False) -> dict:
    out = {
        "id": report.pk, "unit": report.unit.code, "unit_name": report.unit.name, "period": report.period,
        "status": report.status, "status_label": report.get_status_display(), "version": report.version,
        "submitted_at": report.submitted_at, "approved_at": report.approved_at,
        "returned_reason": report.returned_reason, "allowed_actions": _allowed(report, user),
    }
    if detail:
        out.update(highlights=report.highlights, limitations=report.limitations, proposals=report.proposals,
                   next_tasks=report.next_tasks)
        values = report.values.select_related("unit", "indicator").order_by("indicator__sort_order", "indicator__code")
        out["values"] = [_value_out(v) for v in values]
    return out



# ---------------------------------------------------------------------------- reports


@router.get("/reports", response={200: list[s.ReportOut], ERRORS: s.ErrorOut}, tags=["Báo cáo"], summary="Báo cáo được xem")
def reports(request, period: str | None = None, unit: str | None = None, status: str | None = None,
            organization: str | None = None, limit: int = 200, offset: int = 0):
    qs = access.visible_reports(request.user).select_related("unit", "unit__organization")
    if period:
        qs = qs.filter(period=_period(period).code)
    if unit:
        qs = qs.filter(unit=_find_unit(request.user, unit, _period(period) if period else None))
    if status:
        if status not in Report.Status.values:
            raise ApiError(400, "invalid", f"Trạng thái không hợp lệ: '{status}'.")
        qs = qs.filter(status=status)
    if organization:
        qs = qs.filter(unit__organization__code=organization)
    return [_report_out(r, request.user) for r in qs.order_by("-period", "unit__code")[_page(limit, offset)]]


@router.get("/reports/{report_id}", response={200: s.ReportDetailOut, ERRORS: s.ErrorOut}, tags=["Báo cáo"], summary="Một báo cáo và số liệu")
def report_detail(request, report_id: int):
    return _report_out(_report(request.user, report_id), request.user, detail=True)


@router.post("/reports", response={200: s.ReportDetailOut, ERRORS: s.ErrorOut}, tags=["Báo cáo"],
          summary="Mở (hoặc lấy) báo cáo nháp của một đơn vị cho một kỳ")
def report_create(request, body: s.ReportCreateIn):
    p = _period(body.period)
    unit = _find_unit(request.user, body.unit, p)
    report = workflow.get_or_create_report(unit, p.code, request.user)
    return _report_out(report, request.user, detail=True)


@router.put("/reports/{report_id}/values", response={200: s.ReportDetailOut, ERRORS: s.ErrorOut}, tags=["Báo cáo"],
         summary="Ghi số liệu và phần lời của báo cáo (kèm phiên bản đã đọc)")
def report_values(request, report_id: int, body: s.ReportValuesIn):
    report = _report(request.user, report_id)
    values = {}
    for code, v in body.values.items():
        if isinstance(v, str):
            try:
                v = Decimal(v.strip())
            except ArithmeticError:
                raise ApiError(400, "invalid", f"Giá trị của chỉ tiêu '{code}' không phải là số: '{v}'.") from None
        values[code] = {"value": v}
    result = workflow.save_values(report, request.user, values, expected_version=body.version, source=DataValue.Source.API,
                                  narrative=body.narrative)
    return _report_out(result.report, request.user, detail=True)


def _transition(request, report_id: int, action: str, reason: str | None = None, version: int | None = None):
    report = _report(request.user, report_id)
    user = request.user
    if action == "submit":
        report = workflow.submit(report, user)
    elif action == "approve":
        report = workflow.approve(report, user, expected_version=version)
    elif action == "return":
        report = workflow.return_report(report, user, reason, expected_version=version)
    else:
        report = workflow.reopen(report, user, reason)
    return _report_out(report, user, detail=True)


@router.post("/reports/{report_id}/submit", response={200: s.ReportDetailOut, ERRORS: s.ErrorOut}, tags=["Báo cáo"], summary="Gửi báo cáo")
def report_submit(request, report_id: int):
    return _transition(request, report_id, "submit")


@router.post("/reports/{report_id}/approve", response={200: s.ReportDetailOut, ERRORS: s.ErrorOut}, tags=["Báo cáo"], summary="Duyệt báo cáo (kèm phiên bản đã xem)")
def report_approve(request, report_id: int, body: s.ApproveIn):
    return _transition(request, report_id, "approve", version=body.version)


@router.post("/reports/{report_id}/return", response={200: s.ReportDetailOut, ERRORS: s.ErrorOut}, tags=["Báo cáo"],
          summary="Trả lại báo cáo (kèm lý do và phiên bản đã xem)")
def report_return(request, report_id: int, body: s.ReturnIn):
    return _transition(request, report_id, "return", body.reason, body.version)


@router.post("/reports/{report_id}/reopen", response={200: s.ReportDetailOut, ERRORS: s.ErrorOut}, tags=["Báo cáo"],
          summary="Mở lại báo cáo đã duyệt (kèm lý do)")
def report_reopen(request, report_id: int, body: s.ReasonIn):
    return _transition(request, report_id, "reopen", body.reason)


# ---------------------------------------------------------------------------- data values


@router.get("/datavalues", response={200: list[s.ValueOut], ERRORS: s.ErrorOut}, tags=["Số liệu"], summary="Đọc số liệu (lọc)")
def datavalues(request, period: str | None = None, unit: str | None = None, children: bool = False,
               indicator: str | None = None, organization: str | None = None, limit: int = 1000, offset: int = 0):
    user = request.user
    qs = DataValue.objects.filter(unit__in=access.viewable_units(user)).select_related("unit", "indicator")
    p = _period(period) if period else None
    if p is not None:
        qs = qs.filter(period__in=[x.code for x in dhis2._stored_periods(p)])
    if unit:
        u = _find_unit(user, unit, p)
        qs = qs.filter(unit__in=Unit.objects.subtree(u)) if children else qs.filter(unit=u)
    if indicator:
        if not Indicator.objects.filter(code=indicator).exists():
            raise ApiError(404, "not_found", f"Không tìm thấy chỉ tiêu '{indicator}'.")
        qs = qs.filter(indicator__code=indicator)
    if organization:
        qs = qs.filter(unit__organization__code=organization)
    return [_value_out(v) for v in qs.order_by("period", "unit__code", "indicator__code")[_page(limit, offset)]]


@router.post("/datavalues", response={200: s.BulkOut, ERRORS: s.ErrorOut}, tags=["Số liệu"],
          summary="Ghi nhiều số liệu một lần (tất cả hoặc không gì cả)")
def datavalues_write(request, body: s.DataValuesIn):
    user = request.user
    indicator_ids = dict(Indicator.objects.values_list("code", "pk"))
    rows, missing = [], []
    unit_cache: dict[tuple[str, str], Unit] = {}
    for i, v in enumerate(body.values):
        p = _period(v.period)
        key = (v.unit, p.code)
        if key not in unit_cache:
            try:
                unit_cache[key] = _find_unit(user, v.unit, p)
            except ApiError as exc:
                missing.append({"index": i, "field": "unit", "object": v.unit, "message": exc.message})
                continue
        if v.indicator not in indicator_ids:
            missing.append({"index": i, "field": "indicator", "object": v.indicator,
                            "message": f"Không tìm thấy chỉ tiêu '{v.indicator}'."})
            continue
        raw = "" if v.value is None else str(v.value).strip()
        rows.append((unit_cache[key].pk, indicator_ids[v.indicator], p.code, raw, v.comment, i))
    if missing:
        raise ApiError(404, "not_found", "Có mã đơn vị hoặc chỉ tiêu không tìm thấy; không có số liệu nào được lưu.", missing)
    allowed = None if user.is_superuser else set(access.entry_units(user).values_list("pk", flat=True))
    result = bulk.write_values(rows, user=user, source=DataValue.Source.API, allowed_unit_ids=allowed, dry_run=body.dry_run)
    if result.problems:
        kinds = {p.kind for p in result.problems}
        status, code = (403, "forbidden") if "scope" in kinds else (409, "locked") if "locked" in kinds else (400, "invalid")
        details = [{"index": p.index, "field": p.field, "object": p.object, "message": p.message} for p in result.problems]
        raise ApiError(status, code, f"{result.problems[0].message} Không có số liệu nào được lưu.", details)
    return {"imported": result.imported, "updated": result.updated, "ignored": result.ignored, "dry_run": result.dry_run,
            "batch": result.batch}



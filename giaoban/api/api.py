"""The JSON API (django-ninja): schema at /api/openapi.json, docs at /api/docs.

Authentication (giaoban/api/auth.py): `Authorization: Bearer gb_…` or `ApiToken gb_…` (API
tokens, for programs), Basic where the setting allows it (DHIS2 clients), or the browser session
(with CSRF on writes). Permissions are the web pages' own (giaoban.collection.access and the
workflow's checks): a unit or report outside the user's scope is answered 404 when the user may
not even see it, 403 when they may see it but not do the action — never with its data.
Errors all have the shape {"code", "message" (Vietnamese), "details"}.
Analytics endpoints live in giaoban/api/analytics.py, meetings and tasks in giaoban/api/meetings.py,
the DHIS2 facade in giaoban/api/dhis2_api.py: they register on this NinjaAPI, and
giaoban/api/endpoints.py gathers them all (the URLs take the API from there).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from ninja import File, NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.files import UploadedFile

from giaoban.api import schemas as s
from giaoban.api.auth import HeaderAuth, SessionCsrfAuth, challenge, is_dhis2_client
from giaoban.collection import access, bulk, workflow
from giaoban.collection.models import DataValue, Report
from giaoban.core.periods import KINDS, REACHABLE_YEARS, Period, PeriodError
from giaoban.core.uploads import UploadError
from giaoban.dhis2 import format as dhis2_format
from giaoban.dhis2 import metadata as dhis2_metadata
from giaoban.dhis2 import service as dhis2
from giaoban.dhis2.query import listing, parse_fields, select
from giaoban.textfigures import extract_text
from giaoban.intake.service import ExtractionError, check_file, read_document, take_upload_quota
from giaoban.org.models import Area, Indicator, Organization, Unit

ERRORS = frozenset({400, 401, 403, 404, 409, 422})
MAX_PAGE = 5000


api = NinjaAPI(
    title="giaoban API",
    version="1",
    description=(
        "API của giaoban: danh mục (tổ chức, địa bàn, đơn vị, chỉ tiêu, kỳ), báo cáo và quy trình duyệt, "
        "số liệu, đọc số liệu từ văn bản, trao đổi dataValueSets với DHIS2.\n\n"
        "Xác thực: `Authorization: Bearer <mã truy cập>` (tạo bằng `giaoban apitoken TÊN_NGƯỜI_DÙNG`) "
        "hoặc phiên đăng nhập của trình duyệt (kèm CSRF khi ghi)."
    ),
    urls_namespace="api",
    auth=[HeaderAuth(), SessionCsrfAuth()],
    docs=Swagger(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)


# ---------------------------------------------------------------------------- errors


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, details: list | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details or []


def error(request, status: int, code: str, message: str, details: list | None = None):
    return api.create_response(request, {"code": code, "message": message, "details": details or []}, status=status)


@api.exception_handler(ApiError)
def _api_error(request, exc: ApiError):
    return error(request, exc.status, exc.code, exc.message, exc.details)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    message = "Cần đăng nhập hoặc gửi mã truy cập (Authorization: Bearer … hoặc ApiToken …)."
    # giaoban's error fields and DHIS2's WebMessage ones: who is calling is not known yet.
    response = api.create_response(request, {"code": "unauthenticated", "message": message, "details": [],
                                             "httpStatus": "Unauthorized", "httpStatusCode": 401, "status": "ERROR"},
                                   status=401)
    response["WWW-Authenticate"] = challenge()
    return response


@api.exception_handler(ValidationError)
def _invalid(request, exc: ValidationError):
    details = [
        {"field": ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path")), "message": e.get("msg", "")}
        for e in exc.errors
    ]
    fields = ", ".join(d["field"] for d in details if d["field"]) or "dữ liệu gửi lên"
    return error(request, 422, "invalid", f"Dữ liệu gửi lên không hợp lệ: {fields}.", details)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return error(request, 404, "not_found", str(exc) if str(exc) and not str(exc).startswith("No ") else "Không tìm thấy.")


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    message = str(exc) or "Bạn không có quyền thực hiện thao tác này."
    if "CSRF" in message:
        message = "Thiếu hoặc sai mã CSRF: tải lại trang rồi thử lại."
    return error(request, 403, "forbidden", message)


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    if exc.status_code == 403:
        return error(request, 403, "forbidden", "Thiếu hoặc sai mã CSRF: tải lại trang rồi thử lại.")
    return error(request, exc.status_code, "error", str(exc))


def _workflow_errors():
    @api.exception_handler(workflow.ConflictError)
    def _conflict(request, exc):
        return error(request, 409, "conflict", exc.message, [_issue(i) for i in exc.issues])

    @api.exception_handler(workflow.WorkflowError)
    def _workflow(request, exc):
        return error(request, 400, "workflow", exc.message, [_issue(i) for i in exc.issues])


def _issue(issue) -> dict:
    if isinstance(issue, dict):
        return {k: str(v) for k, v in issue.items()}
    out = {"message": str(getattr(issue, "message", issue))}
    for attr in ("code", "indicator", "level", "severity"):
        if hasattr(issue, attr):
            out[attr] = str(getattr(issue, attr))
    return out


_workflow_errors()


# ---------------------------------------------------------------------------- helpers


def _period(code: str) -> Period:
    try:
        if len(code) > 40:
            raise PeriodError(f"Mã kỳ báo cáo quá dài ({len(code)} ký tự).")
        period = dhis2.parse_any_period(code)
    except PeriodError as exc:
        raise ApiError(400, "invalid_period", str(exc)) from exc
    low, high = REACHABLE_YEARS
    if not low <= period.year <= high:
        raise ApiError(400, "invalid_period", f"Kỳ báo cáo {period.code} nằm ngoài khoảng năm {low}–{high} mà hệ thống xử lý.")
    return period


MAX_OFFSET = 10**9


def _page(limit: int, offset: int) -> slice:
    """The rows asked for; limits and offsets outside their bounds are a 400, not a database error."""
    if not 0 <= limit <= MAX_PAGE:
        raise ApiError(400, "invalid", f"limit phải từ 0 đến {MAX_PAGE} (nhận được {limit}).")
    if not 0 <= offset <= MAX_OFFSET:
        raise ApiError(400, "invalid", f"offset phải từ 0 đến {MAX_OFFSET} (nhận được {offset}).")
    return slice(offset, offset + limit)


def _as_of(value: datetime.date | None) -> datetime.date:
    return value or datetime.date.today()


def _find_unit(user, code: str, period: Period | None = None, *, need: str = "view") -> Unit:
    """The version of unit `code` valid in `period` (or today, or its latest), if the user may see
    it; 404 otherwise. need='enter' adds a 403 when the user may see but not enter for it."""
    versions = Unit.objects.filter(code=code).select_related("organization", "parent", "area").order_by("-valid_from")
    if period is not None:
        versions = versions.overlapping(period.start, period.end)
    else:
        current = versions.valid_on(datetime.date.today())
        versions = current if current.exists() else versions
    unit = versions.filter(pk__in=access.viewable_units(user)).first()
    if unit is None:
        raise ApiError(404, "not_found", f"Không tìm thấy đơn vị '{code}'" + (f" trong kỳ {period.code}." if period else "."))
    if need == "enter" and not access.can_enter(user, unit):
        raise ApiError(403, "forbidden", f"Bạn không có quyền nhập số liệu cho đơn vị '{code}'.")
    return unit


def _report(user, report_id: int) -> Report:
    report = access.visible_reports(user).select_related("unit", "unit__organization").filter(pk=report_id).first()
    if report is None:
        raise ApiError(404, "not_found", f"Không tìm thấy báo cáo số {report_id}.")
    return report


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


# ---------------------------------------------------------------------------- metadata


@api.get("/me", response={200: dict, ERRORS: s.ErrorOut}, tags=["Danh mục"],
         summary="Người dùng hiện tại (các trường của DHIS2 và của giaoban)")
def me(request):
    out = dhis2_metadata.me(request.user)
    fields = request.GET.getlist("fields")
    return JsonResponse(select(out, parse_fields(fields)) if fields else out)


@api.get("/organizations", response={200: list[s.OrganizationOut], ERRORS: s.ErrorOut}, tags=["Danh mục"], summary="Tổ chức")
def organizations(request):
    return list(Organization.objects.values("code", "name", "short_name"))


@api.get("/areas", response={200: list[s.AreaOut], ERRORS: s.ErrorOut}, tags=["Danh mục"], summary="Địa bàn hiệu lực vào một ngày")
def areas(request, as_of: datetime.date | None = None, level: int | None = None, parent: str | None = None):
    qs = Area.objects.valid_on(_as_of(as_of)).select_related("parent")
    if level is not None:
        qs = qs.filter(level=level)
    if parent:
        qs = qs.filter(parent__code=parent)
    return [
        {"code": a.code, "name": a.name, "kind": a.kind, "level": a.level, "parent": a.parent.code if a.parent else None,
         "valid_from": a.valid_from, "valid_to": a.valid_to}
        for a in qs
    ]


@api.get("/units", response={200: list[s.UnitOut], ERRORS: s.ErrorOut}, tags=["Danh mục"],
         summary="Đơn vị người dùng được xem, hiệu lực vào một ngày")
def units(request, as_of: datetime.date | None = None, organization: str | None = None, level: int | None = None,
          parent: str | None = None):
    qs = access.viewable_units(request.user).valid_on(_as_of(as_of)).select_related("organization", "area", "parent")
    if organization:
        qs = qs.filter(organization__code=organization)
    if level is not None:
        qs = qs.filter(level=level)
    if parent:
        qs = qs.filter(parent__code=parent)
    return [
        {"code": u.code, "name": u.name, "organization": u.organization.code, "level": u.level,
         "area": u.area.code if u.area else None, "parent": u.parent.code if u.parent else None,
         "valid_from": u.valid_from, "valid_to": u.valid_to}
        for u in qs.order_by("organization__sort_order", "level", "code")
    ]


@api.get("/indicators", response={200: list[s.IndicatorOut], ERRORS: s.ErrorOut}, tags=["Danh mục"], summary="Chỉ tiêu")
def indicators(request, organization: str | None = None, active: bool = True):
    if is_dhis2_client(request):
        # DHIS2's indicators are formulas over data elements; giaoban's indicators are its
        # dataElements (/api/dataElements), so a DHIS2 client finds none here.
        return JsonResponse(listing("indicators", [], request.GET))
    qs = Indicator.objects.prefetch_related("organizations")
    if active:
        qs = qs.filter(is_active=True)
    if organization:
        qs = qs.filter(organizations__code=organization)
    return [
        {"code": i.code, "name": i.name, "unit_noun": i.unit_noun, "value_type": i.value_type,
         "unit_aggregation": i.unit_aggregation, "time_aggregation": i.time_aggregation, "section": i.section,
         "organizations": sorted(o.code for o in i.organizations.all())}
        for i in qs.distinct()
    ]


def _period_out(p: Period) -> dict:
    try:
        dhis2_code = dhis2_format.to_dhis2_period(p)
    except PeriodError:
        dhis2_code = None
    return {"code": p.code, "dhis2": dhis2_code, "kind": p.kind, "label_vi": p.label_vi, "start": p.start,
            "end": p.end, "deadline": p.deadline(), "is_cumulative": p.is_cumulative}


@api.get("/periods", response={200: list[s.PeriodOut], ERRORS: s.ErrorOut}, tags=["Danh mục"], summary="Các kỳ báo cáo của một năm")
def periods(request, year: int | None = None, kind: str | None = None):
    year = year or datetime.date.today().year
    if not 1900 <= year <= 2999:
        raise ApiError(400, "invalid_period", f"Năm không hợp lệ: {year}.")
    if kind is not None and kind not in KINDS:
        raise ApiError(400, "invalid_period", f"Loại kỳ không hợp lệ: '{kind}' (W, M, Q, H, 9M hoặc Y).")
    # weeks only when asked for: 52 or 53 of them would bury the year's 20 other periods
    out = Period.weeks_of(year) if kind == "W" else []
    out += [Period(year, "M", m) for m in range(1, 13)] + [Period(year, "Q", q) for q in range(1, 5)]
    out += [Period(year, "H", 1), Period(year, "9M", 1), Period(year, "H", 2), Period(year, "Y", 1)]
    return [_period_out(p) for p in sorted(out) if kind is None or p.kind == kind]


@api.get("/periods/{code}", response={200: s.PeriodOut, ERRORS: s.ErrorOut}, tags=["Danh mục"], summary="Đọc một mã kỳ")
def period_detail(request, code: str):
    return _period_out(_period(code))


# ---------------------------------------------------------------------------- reports


@api.get("/reports", response={200: list[s.ReportOut], ERRORS: s.ErrorOut}, tags=["Báo cáo"], summary="Báo cáo được xem")
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


@api.get("/reports/{report_id}", response={200: s.ReportDetailOut, ERRORS: s.ErrorOut}, tags=["Báo cáo"], summary="Một báo cáo và số liệu")
def report_detail(request, report_id: int):
    return _report_out(_report(request.user, report_id), request.user, detail=True)


@api.post("/reports", response={200: s.ReportDetailOut, ERRORS: s.ErrorOut}, tags=["Báo cáo"],
          summary="Mở (hoặc lấy) báo cáo nháp của một đơn vị cho một kỳ")
def report_create(request, body: s.ReportCreateIn):
    p = _period(body.period)
    unit = _find_unit(request.user, body.unit, p)
    report = workflow.get_or_create_report(unit, p.code, request.user)
    return _report_out(report, request.user, detail=True)


@api.put("/reports/{report_id}/values", response={200: s.ReportDetailOut, ERRORS: s.ErrorOut}, tags=["Báo cáo"],
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


@api.post("/reports/{report_id}/submit", response={200: s.ReportDetailOut, ERRORS: s.ErrorOut}, tags=["Báo cáo"], summary="Gửi báo cáo")
def report_submit(request, report_id: int):
    return _transition(request, report_id, "submit")


@api.post("/reports/{report_id}/approve", response={200: s.ReportDetailOut, ERRORS: s.ErrorOut}, tags=["Báo cáo"], summary="Duyệt báo cáo (kèm phiên bản đã xem)")
def report_approve(request, report_id: int, body: s.ApproveIn):
    return _transition(request, report_id, "approve", version=body.version)


@api.post("/reports/{report_id}/return", response={200: s.ReportDetailOut, ERRORS: s.ErrorOut}, tags=["Báo cáo"],
          summary="Trả lại báo cáo (kèm lý do và phiên bản đã xem)")
def report_return(request, report_id: int, body: s.ReturnIn):
    return _transition(request, report_id, "return", body.reason, body.version)


@api.post("/reports/{report_id}/reopen", response={200: s.ReportDetailOut, ERRORS: s.ErrorOut}, tags=["Báo cáo"],
          summary="Mở lại báo cáo đã duyệt (kèm lý do)")
def report_reopen(request, report_id: int, body: s.ReasonIn):
    return _transition(request, report_id, "reopen", body.reason)


# ---------------------------------------------------------------------------- data values


@api.get("/datavalues", response={200: list[s.ValueOut], ERRORS: s.ErrorOut}, tags=["Số liệu"], summary="Đọc số liệu (lọc)")
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


@api.post("/datavalues", response={200: s.BulkOut, ERRORS: s.ErrorOut}, tags=["Số liệu"],
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


# ---------------------------------------------------------------------------- DHIS2

# dataValueSets and the metadata facade: giaoban/api/dhis2_api.py


# ---------------------------------------------------------------------------- extraction


@api.post("/extract", response={200: dict[str, Any], ERRORS: s.ErrorOut}, tags=["Đọc số liệu"],
          summary="Đọc số liệu từ một đoạn văn bản")
def extract(request, body: s.ExtractIn):
    return extract_text(body.text)


@api.post("/extract/file", response={200: dict[str, Any], ERRORS | {429}: s.ErrorOut}, tags=["Đọc số liệu"],
          summary="Đọc số liệu từ một tệp (.docx, .pdf, .txt, .html); mỗi người dùng có hạn mức số tệp")
def extract_upload(request, file: File[UploadedFile]):
    try:
        take_upload_quota(request.user, 1)
    except ExtractionError as exc:
        raise ApiError(429, "rate_limited", str(exc)) from exc
    try:
        data, kind = check_file(file)  # size and type by content, zip and XML limits
        return extract_text(read_document(data, kind, file.name or "tệp"))
    except (UploadError, ExtractionError) as exc:
        raise ApiError(400, "unreadable", str(exc)) from exc


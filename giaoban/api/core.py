"""The JSON API's shared edge (django-ninja): the NinjaAPI with its authentication, every error
handler (giaoban's error shape, and DHIS2's WebMessage for DHIS2 clients), and the parameter
helpers the routers share (period, paging, unit and report lookups in the user's scope).

Authentication (giaoban/api/auth.py): `Authorization: Bearer gb_…` or `ApiToken gb_…` (API
tokens, for programs), Basic where the setting allows it (DHIS2 clients), or the browser session
(with CSRF on writes). Permissions are the web pages' own (giaoban.collection.access and the
workflow's checks): a unit or report outside the user's scope is answered 404 when the user may
not even see it, 403 when they may see it but not do the action — never with its data.
Errors all have the shape {"code", "message" (Vietnamese), "details"}.

The endpoints are routers per domain (metadata, reports, extraction, analytics, dhis2_api,
meetings); giaoban/api/endpoints.py adds them to this API (the URLs take the API from there).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError

from giaoban.analytics import engine
from giaoban.api.auth import HeaderAuth, SessionCsrfAuth, challenge, is_dhis2_client
from giaoban.collection import access, workflow
from giaoban.collection.models import Report
from giaoban.core.periods import REACHABLE_YEARS, Period, PeriodError
from giaoban.dhis2 import service as dhis2
from giaoban.dhis2.query import QueryError
from giaoban.meetings.services import MeetingError
from giaoban.org.models import Unit

ERRORS = frozenset({400, 401, 403, 404, 409, 422})
MAX_PAGE = 5000


# The operation ids clients generated code from when the endpoints lived in giaoban/api/api.py
# (ninja's default id is the view's module and name): kept, so the OpenAPI schema is unchanged.
LEGACY_MODULES = {"giaoban.api.metadata": "giaoban.api.api", "giaoban.api.reports": "giaoban.api.api",
                  "giaoban.api.extraction": "giaoban.api.api"}


class GiaobanAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        module = operation.view_func.__module__
        return f"{LEGACY_MODULES.get(module, module)}_{operation.view_func.__name__}".replace(".", "_")


api = GiaobanAPI(
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


@api.exception_handler(workflow.ConflictError)
def _conflict(request, exc):
    return error(request, 409, "conflict", exc.message, [_issue(i) for i in exc.issues])


@api.exception_handler(workflow.WorkflowError)
def _workflow(request, exc):
    return error(request, 400, "workflow", exc.message, [_issue(i) for i in exc.issues])


@api.exception_handler(engine.AnalyticsError)
def _analytics_error(request, exc):
    return error(request, 400, "invalid", str(exc))


@api.exception_handler(MeetingError)
def _meeting_error(request, exc):
    return error(request, 400, "invalid", str(exc))


# DHIS2's own errors: DHIS2 clients get DHIS2's error WebMessage; giaoban's own keep its error shape.


class Dhis2Error(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


_REASONS = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
            409: "Conflict"}


def web_message_error(status: int, message: str) -> dict:
    """DHIS2's error WebMessage with giaoban's own error fields beside it (code, details)."""
    return {"httpStatus": _REASONS.get(status, "Error"), "httpStatusCode": status, "status": "ERROR", "message": message,
            "code": "not_found" if status == 404 else "invalid", "details": []}


def _dhis2_answer(request, status: int, message: str):
    if is_dhis2_client(request):
        return api.create_response(request, web_message_error(status, message), status=status)
    return error(request, status, "not_found" if status == 404 else "invalid", message)


@api.exception_handler(Dhis2Error)
def _dhis2_error(request, exc: Dhis2Error):
    return _dhis2_answer(request, exc.status, exc.message)


@api.exception_handler(QueryError)
def _query_error(request, exc: QueryError):
    return _dhis2_answer(request, 400, str(exc))


def _issue(issue) -> dict:
    if isinstance(issue, dict):
        return {k: str(v) for k, v in issue.items()}
    out = {"message": str(getattr(issue, "message", issue))}
    for attr in ("code", "indicator", "level", "severity"):
        if hasattr(issue, attr):
            out[attr] = str(getattr(issue, attr))
    return out


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



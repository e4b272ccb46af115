"""The DHIS2 facade: the metadata endpoints DHIS2 clients call first (system/info, organisation
units and their levels, data elements, data sets, the default category combinations), with DHIS2's
list parameters (giaoban.dhis2.query), and `dhis2_path`, which serves /api/{version}/… and
….json paths by the same endpoints and answers unknown /api/ paths with JSON, never HTML.

A router added to the NinjaAPI of giaoban/api/core.py (giaoban/api/endpoints.py), so authentication is the
same everywhere (giaoban/api/auth.py).
"""

from __future__ import annotations

import datetime
import io
import json
import re
import uuid

from django.http import HttpResponse, JsonResponse
from django.urls import Resolver404, resolve
from django.views.decorators.csrf import csrf_exempt
from ninja import Router, Status

from giaoban.api import schemas as s
from giaoban.api.core import Dhis2Error, web_message_error
from giaoban.api.auth import is_dhis2_client
from giaoban.jobs import queue
from giaoban.jobs.models import Job
from giaoban.core.periods import PeriodError
from giaoban.dhis2 import format as dhis2_format
from giaoban.dhis2 import metadata
from giaoban.dhis2 import service as dhis2
from giaoban.dhis2.query import listing, parse_fields, select

TAGS = ["DHIS2"]
ANSWERS = {200: dict, frozenset({400, 401, 403, 404}): dict}
# DHIS2 API versions whose paths (/api/41/…) are served by the same endpoints.
VERSIONS = range(28, 44)
router = Router()


def _listing(request, collection: str, objects: list[dict], default_fields: str = "id,displayName"):
    return JsonResponse(listing(collection, objects, request.GET, default_fields=default_fields))


def _one(request, objects: list[dict], ident: str, what: str):
    found = next((o for o in objects if o["id"] == ident or o.get("code") == ident), None)
    if found is None:
        raise Dhis2Error(404, f"Không tìm thấy {what} có id '{ident}'.")
    return JsonResponse(select(found, parse_fields(request.GET.getlist("fields") or "*")))


@router.get("/system/info", response=ANSWERS, tags=TAGS, summary="Thông tin hệ thống (như DHIS2)")
def system_info(request):
    return JsonResponse(metadata.system_info(request.build_absolute_uri("/")))


@router.get("/organisationUnits", response=ANSWERS, tags=TAGS, summary="Đơn vị (organisationUnits, như DHIS2)")
def organisation_units(request):
    units = metadata.organisation_units(request.user)
    level = request.GET.get("level")
    if level:
        units = [u for u in units if str(u["level"]) == level]
    return _listing(request, "organisationUnits", units)


@router.get("/organisationUnits/{ident}", response=ANSWERS, tags=TAGS, summary="Một đơn vị (như DHIS2)")
def organisation_unit(request, ident: str):
    return _one(request, metadata.organisation_units(request.user), ident, "đơn vị (organisationUnit)")


@router.get("/organisationUnitLevels", response=ANSWERS, tags=TAGS, summary="Các cấp đơn vị (như DHIS2)")
def organisation_unit_levels(request):
    levels = metadata.organisation_unit_levels(metadata.organisation_units(request.user))
    return _listing(request, "organisationUnitLevels", levels)


@router.get("/dataElements", response=ANSWERS, tags=TAGS, summary="Chỉ tiêu (dataElements, như DHIS2)")
def data_elements(request):
    return _listing(request, "dataElements", metadata.data_elements())


@router.get("/dataElements/{ident}", response=ANSWERS, tags=TAGS, summary="Một chỉ tiêu (như DHIS2)")
def data_element(request, ident: str):
    return _one(request, metadata.data_elements(), ident, "chỉ tiêu (dataElement)")


def _data_sets(request) -> list[dict]:
    return metadata.data_sets(metadata.organisation_units(request.user), metadata.data_elements())


@router.get("/dataSets", response=ANSWERS, tags=TAGS, summary="Bộ báo cáo của từng tổ chức (dataSets, như DHIS2)")
def data_sets(request):
    return _listing(request, "dataSets", _data_sets(request))


@router.get("/dataSets/{ident}", response=ANSWERS, tags=TAGS, summary="Một bộ báo cáo (như DHIS2)")
def data_set(request, ident: str):
    return _one(request, _data_sets(request), ident, "bộ báo cáo (dataSet)")


@router.get("/categoryOptionCombos", response=ANSWERS, tags=TAGS, summary="Phân tổ mặc định (như DHIS2)")
def category_option_combos(request):
    return _listing(request, "categoryOptionCombos", metadata.category_option_combos())


@router.get("/programIndicators", response=ANSWERS, tags=TAGS, summary="Chỉ số chương trình (không có; như DHIS2)")
def program_indicators(request):
    return _listing(request, "programIndicators", [])


@router.get("/categoryCombos", response=ANSWERS, tags=TAGS, summary="Nhóm phân tổ mặc định (như DHIS2)")
def category_combos(request):
    return _listing(request, "categoryCombos", metadata.category_combos())


# ---------------------------------------------------------------------------- paths

_VERSIONED = re.compile(r"^(\d{2})/(.*)$")
_SUFFIX = re.compile(r"^(.*?)\.(json|csv|xml|adx|xml\.gz|json\.gz)$")


@csrf_exempt
def dhis2_path(request, rest: str):
    """/api/41/dataValueSets.json → the endpoint of /api/dataValueSets, with the format the
    suffix names (request.dhis2_format); anything else under /api/ → a JSON 404."""
    path = rest
    m = _VERSIONED.match(path)
    if m and int(m.group(1)) in VERSIONS:
        path = m.group(2)
    m = _SUFFIX.match(path)
    if m:
        path = m.group(1)
        request.dhis2_format = m.group(2).split(".")[0]
    if path != rest:
        for candidate in (f"/api/{path}", f"/api/{path}/"):
            try:
                match = resolve(candidate)
            except Resolver404:
                continue
            if match.func is not dhis2_path:
                return match.func(request, *match.args, **match.kwargs)
    return JsonResponse(web_message_error(404, f"Không có địa chỉ API này: /api/{rest}"), status=404)


# ---------------------------------------------------------------------------- dataValueSets

_CONTENT_TYPES = {"json": "application/json", "csv": "application/csv; charset=utf-8", "xml": "application/xml; charset=utf-8"}


def _flag(request, name: str, default: bool | None) -> bool | None:
    value = request.GET.get(name)
    if value in (None, ""):
        return default
    return value.strip().lower() in ("true", "1", "yes")


def _scheme(request, kind: str, default: str | None) -> str | None:
    value = request.GET.get(f"{kind}IdScheme") or request.GET.get("idScheme") or default
    return value.upper() if value else None


def _date(request, name: str):
    value = request.GET.get(name)
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        raise Dhis2Error(400, f"{name} phải là ngày dạng YYYY-MM-DD: '{value}'.") from None


def _wanted_format(request, fmt: str | None) -> str:
    fmt = (fmt or getattr(request, "dhis2_format", "") or request.GET.get("format") or "").lower()
    if not fmt:
        accept = request.headers.get("Accept", "")
        fmt = "csv" if "csv" in accept else "xml" if "xml" in accept and "json" not in accept else "json"
    if fmt == "adx":
        raise Dhis2Error(400, "Chưa hỗ trợ ADX; dùng JSON, CSV hoặc XML.")
    if fmt not in _CONTENT_TYPES:
        raise Dhis2Error(400, f"Định dạng không hỗ trợ: '{fmt}' (json, csv hoặc xml).")
    return fmt


def _export(request, fmt: str | None = None):
    dhis2_client = is_dhis2_client(request)
    fmt = _wanted_format(request, fmt)
    get = request.GET
    periods = get.getlist("period")
    org_units = get.getlist("orgUnit")
    data_sets = get.getlist("dataSet")
    default_scheme = "UID" if dhis2_client else None
    try:
        for code in periods:
            dhis2.parse_any_period(code)
        values = dhis2.export_values(
            periods=periods, user=request.user, area=get.get("area"), org_units=org_units,
            children=_flag(request, "children", False), data_sets=data_sets,
            start_date=_date(request, "startDate"), end_date=_date(request, "endDate"),
            exact=dhis2_client or _flag(request, "exactPeriods", False),
            id_scheme={"dataElement": _scheme(request, "dataElement", default_scheme),
                       "orgUnit": _scheme(request, "orgUnit", default_scheme),
                       "inputOrgUnit": (get.get("inputOrgUnitIdScheme") or get.get("inputIdScheme") or "").upper() or None},
        )
        values = list(values)
    except PeriodError as exc:
        raise Dhis2Error(400, str(exc)) from exc
    except LookupError as exc:
        raise Dhis2Error(404 if org_units or data_sets or get.get("area") else 400, str(exc).strip("'\"")) from exc
    header = {}
    if len(data_sets) == 1:
        header["dataSet"] = data_sets[0]
    if len(periods) == 1:
        header["period"] = periods[0]
    if len(org_units) == 1:
        header["orgUnit"] = org_units[0]
    out = io.StringIO()
    if fmt == "csv":
        dhis2_format.write_csv(values, out, header=_flag(request, "includeHeader", True))
    elif fmt == "xml":
        dhis2_format.write_xml(values, out, **header)
    else:
        dhis2_format.write_json(values, out, **header)
    return HttpResponse(out.getvalue(), content_type=_CONTENT_TYPES[fmt])


# The declared parameters document the endpoint; each of period, orgUnit and dataSet may be
# repeated (a union), so the values are read from request.GET.
_EXPORT_DOC = dict(tags=TAGS, response={200: s.DataValueSetOut, frozenset({400, 401, 403, 404}): dict},
                   summary="Xuất dataValueSets (như DHIS2 2.41): period, orgUnit, dataSet lặp lại được; startDate/endDate; "
                           "children; idScheme; JSON, CSV hoặc XML")


@router.get("/dataValueSets", **_EXPORT_DOC)
def dhis2_export(request, period: str | None = None, orgUnit: str | None = None,  # noqa: N803
                 dataSet: str | None = None, children: bool = False, area: str | None = None,  # noqa: N803
                 startDate: str | None = None, endDate: str | None = None, idScheme: str | None = None):  # noqa: N803
    return _export(request)


@router.get("/dataValueSets.json", **_EXPORT_DOC)
def dhis2_export_json(request, period: str | None = None, orgUnit: str | None = None,  # noqa: N803
                      children: bool = False):
    return _export(request, "json")


@router.get("/dataValueSets.csv", tags=TAGS, response={200: str, frozenset({400, 401, 403, 404}): dict},
         summary="Xuất dataValueSets (CSV, các cột theo thứ tự của DHIS2)",
         openapi_extra={"responses": {"200": {"description": "CSV", "content": {"application/csv": {"schema": {"type": "string"}}}}}})
def dhis2_export_csv(request, period: str | None = None, orgUnit: str | None = None,  # noqa: N803
                     children: bool = False):
    return _export(request, "csv")


@router.get("/dataValueSets.xml", tags=TAGS, response={200: str, frozenset({400, 401, 403, 404}): dict},
         summary="Xuất dataValueSets (XML của DHIS2)",
         openapi_extra={"responses": {"200": {"description": "XML", "content": {"application/xml": {"schema": {"type": "string"}}}}}})
def dhis2_export_xml(request, period: str | None = None, orgUnit: str | None = None,  # noqa: N803
                     children: bool = False):
    return _export(request, "xml")


_DVS_BODY = {
    "requestBody": {
        "required": True,
        "description": "dataValueSets JSON (như tài liệu DHIS2); cũng nhận CSV (Content-Type: application/csv hoặc "
                       "text/csv) và XML (application/xml).",
        "content": {"application/json": {"schema": s.DataValueSetIn.model_json_schema(ref_template="#/components/schemas/{model}")}},
    }
}


def _payload_format(request) -> str:
    named = (request.GET.get("format") or getattr(request, "dhis2_format", "") or "").lower()
    if named:
        return named
    content_type = (request.content_type or "").lower()
    if "adx" in content_type:
        return "adx"
    return "csv" if "csv" in content_type else "xml" if "xml" in content_type else "json"


@router.post("/dataValueSets", response={200: dict, 409: dict, frozenset({400, 401, 403, 404, 422}): dict}, tags=TAGS,
          summary="Nhập dataValueSets (như DHIS2 2.41): JSON, CSV hoặc XML; dryRun, importStrategy, atomicMode, idScheme",
          openapi_extra=_DVS_BODY)
def dhis2_import(request, dryRun: bool = False, importStrategy: str | None = None, atomicMode: str | None = None,  # noqa: N803
                 idScheme: str | None = None, format: str | None = None):  # noqa: A002
    """Programs that authenticate as DHIS2 clients do (ApiToken, Basic) get DHIS2's answer and
    defaults: the WebMessage envelope, atomicMode NONE (valid values saved, the others listed as
    conflicts: WARNING), ids in the DHIS2 scheme; giaoban's own clients (Bearer, browser) keep
    the bare ImportSummary and all-or-nothing unless they ask otherwise (atomicMode=NONE)."""
    dhis2_client = is_dhis2_client(request)
    fmt = _payload_format(request)
    if fmt not in ("json", "csv", "xml"):
        raise Dhis2Error(400, f"Định dạng không hỗ trợ: '{fmt}' (json, csv hoặc xml).")
    mode = (atomicMode or ("NONE" if dhis2_client else "ALL")).upper()
    if mode not in ("ALL", "NONE"):
        raise Dhis2Error(400, f"atomicMode không hợp lệ: '{atomicMode}' (ALL hoặc NONE).")
    options = dict(
        dry_run=_flag(request, "dryRun", False), source_name="api", atomic=mode == "ALL",
        strategy=importStrategy or request.GET.get("strategy") or "CREATE_AND_UPDATE",
        id_schemes={"dataElement": _scheme(request, "dataElement", None), "orgUnit": _scheme(request, "orgUnit", None)},
        first_row_is_header=_flag(request, "firstRowIsHeader", True if dhis2_client else None),
    )
    if _flag(request, "async", False):
        job = queue.start(request.user, dhis2.JOB_KIND, "Nhập dataValueSets (DHIS2)", dhis2.run_import_job,
                          request.user.pk, fmt, options, input_file=(f"dataValueSets.{fmt}", request.body))
        return Status(200, _job_message(job))
    summary = dhis2.import_data_value_set(request.body, fmt, user=request.user, **options)
    if dhis2_client:
        status, body = summary.web_message()
        return Status(status, body)
    return Status(409 if summary.status != "SUCCESS" else 200, summary.as_dict())


# ---------------------------------------------------------------------------- async jobs


def _job_message(job: Job) -> dict:
    """DHIS2's answer to an async import: the job to follow at /api/system/tasks/…"""
    return {
        "httpStatus": "OK", "httpStatusCode": 200, "status": "OK", "message": f"Initiated {dhis2.JOB_TYPE}",
        "response": {"responseType": "JobConfigurationWebMessageResponse", "name": dhis2.JOB_TYPE, "id": str(job.pk),
                     "created": job.created_at.isoformat(timespec="milliseconds"), "jobType": dhis2.JOB_TYPE,
                     "jobStatus": "SCHEDULED",
                     "relativeNotifierEndpoint": f"/api/system/tasks/{dhis2.JOB_TYPE}/{job.pk}"},
    }


def _job(request, job_type: str, job_id: str) -> Job:
    job = None
    if job_type == dhis2.JOB_TYPE:
        try:
            job = Job.objects.filter(pk=uuid.UUID(job_id), kind=dhis2.JOB_KIND).first()
        except ValueError:
            job = None
    if job is None or (job.user_id != request.user.pk and not request.user.is_superuser):
        raise Dhis2Error(404, f"Không tìm thấy việc {job_type}/{job_id}.")
    return job


@router.get("/system/tasks/{job_type}/{job_id}", response={200: list[dict], frozenset({401, 404}): dict}, tags=TAGS,
         summary="Tiến trình một việc chạy nền (như DHIS2), mới nhất trước")
def system_task(request, job_type: str, job_id: str):
    job = _job(request, job_type, job_id)
    started = {"id": f"{job.pk}-0", "uid": f"{job.pk}-0", "level": "INFO", "category": job_type,
               "time": job.created_at.isoformat(timespec="milliseconds"), "message": "Process started", "completed": False}
    if job.status not in (Job.Status.DONE, Job.Status.FAILED):
        return JsonResponse([{**started, "message": job.message or started["message"]}] if job.message else [started],
                            safe=False)
    finished = {"id": f"{job.pk}-1", "uid": f"{job.pk}-1", "level": "ERROR" if job.status == Job.Status.FAILED else "INFO",
                "category": job_type, "time": (job.finished_at or job.created_at).isoformat(timespec="milliseconds"),
                "message": job.message or "Import done", "completed": True}
    return JsonResponse([finished, started], safe=False)


@router.get("/system/taskSummaries/{job_type}/{job_id}", response={200: dict, frozenset({401, 404}): dict}, tags=TAGS,
         summary="Kết quả một việc nhập chạy nền (ImportSummary, như DHIS2)")
def system_task_summary(request, job_type: str, job_id: str):
    job = _job(request, job_type, job_id)
    if job.status != Job.Status.DONE or not job.result_file:
        return JsonResponse({})
    with job.result_file.open("rb") as f:
        return JsonResponse(json.loads(f.read().decode("utf-8")))

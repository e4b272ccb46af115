"""The DHIS2 facade: the metadata endpoints DHIS2 clients call first (system/info, organisation
units and their levels, data elements, data sets, the default category combinations), with DHIS2's
list parameters (giaoban.dhis2.query), and `dhis2_path`, which serves /api/{version}/… and
….json paths by the same endpoints and answers unknown /api/ paths with JSON, never HTML.

Registered on the NinjaAPI of giaoban/api/api.py (imported at its end), so authentication is the
same everywhere (giaoban/api/auth.py).
"""

from __future__ import annotations

import re

from django.http import JsonResponse
from django.urls import Resolver404, resolve
from django.views.decorators.csrf import csrf_exempt

from giaoban.api.api import api
from giaoban.dhis2 import metadata
from giaoban.dhis2.query import QueryError, listing, parse_fields, select

TAGS = ["DHIS2"]
ANSWERS = {200: dict, frozenset({400, 401, 403, 404}): dict}
# DHIS2 API versions whose paths (/api/41/…) are served by the same endpoints.
VERSIONS = range(28, 44)


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


@api.exception_handler(Dhis2Error)
def _dhis2_error(request, exc: Dhis2Error):
    return api.create_response(request, web_message_error(exc.status, exc.message), status=exc.status)


@api.exception_handler(QueryError)
def _query_error(request, exc: QueryError):
    return api.create_response(request, web_message_error(400, str(exc)), status=400)


def _listing(request, collection: str, objects: list[dict], default_fields: str = "id,displayName"):
    return JsonResponse(listing(collection, objects, request.GET, default_fields=default_fields))


def _one(request, objects: list[dict], ident: str, what: str):
    found = next((o for o in objects if o["id"] == ident or o.get("code") == ident), None)
    if found is None:
        raise Dhis2Error(404, f"Không tìm thấy {what} có id '{ident}'.")
    return JsonResponse(select(found, parse_fields(request.GET.getlist("fields") or "*")))


@api.get("/system/info", response=ANSWERS, tags=TAGS, summary="Thông tin hệ thống (như DHIS2)")
def system_info(request):
    return JsonResponse(metadata.system_info(request.build_absolute_uri("/")))


@api.get("/organisationUnits", response=ANSWERS, tags=TAGS, summary="Đơn vị (organisationUnits, như DHIS2)")
def organisation_units(request):
    units = metadata.organisation_units(request.user)
    level = request.GET.get("level")
    if level:
        units = [u for u in units if str(u["level"]) == level]
    return _listing(request, "organisationUnits", units)


@api.get("/organisationUnits/{ident}", response=ANSWERS, tags=TAGS, summary="Một đơn vị (như DHIS2)")
def organisation_unit(request, ident: str):
    return _one(request, metadata.organisation_units(request.user), ident, "đơn vị (organisationUnit)")


@api.get("/organisationUnitLevels", response=ANSWERS, tags=TAGS, summary="Các cấp đơn vị (như DHIS2)")
def organisation_unit_levels(request):
    levels = metadata.organisation_unit_levels(metadata.organisation_units(request.user))
    return _listing(request, "organisationUnitLevels", levels)


@api.get("/dataElements", response=ANSWERS, tags=TAGS, summary="Chỉ tiêu (dataElements, như DHIS2)")
def data_elements(request):
    return _listing(request, "dataElements", metadata.data_elements())


@api.get("/dataElements/{ident}", response=ANSWERS, tags=TAGS, summary="Một chỉ tiêu (như DHIS2)")
def data_element(request, ident: str):
    return _one(request, metadata.data_elements(), ident, "chỉ tiêu (dataElement)")


def _data_sets(request) -> list[dict]:
    return metadata.data_sets(metadata.organisation_units(request.user), metadata.data_elements())


@api.get("/dataSets", response=ANSWERS, tags=TAGS, summary="Bộ báo cáo của từng tổ chức (dataSets, như DHIS2)")
def data_sets(request):
    return _listing(request, "dataSets", _data_sets(request))


@api.get("/dataSets/{ident}", response=ANSWERS, tags=TAGS, summary="Một bộ báo cáo (như DHIS2)")
def data_set(request, ident: str):
    return _one(request, _data_sets(request), ident, "bộ báo cáo (dataSet)")


@api.get("/categoryOptionCombos", response=ANSWERS, tags=TAGS, summary="Phân tổ mặc định (như DHIS2)")
def category_option_combos(request):
    return _listing(request, "categoryOptionCombos", metadata.category_option_combos())


@api.get("/categoryCombos", response=ANSWERS, tags=TAGS, summary="Nhóm phân tổ mặc định (như DHIS2)")
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

"""Metadata endpoints: the user, organizations, areas, units, indicators and periods."""

from __future__ import annotations

import datetime

from django.http import JsonResponse
from ninja import Router

from giaoban.api import schemas as s
from giaoban.api.auth import is_dhis2_client
from giaoban.collection import access
from giaoban.core.periods import KINDS, Period, PeriodError
from giaoban.dhis2 import format as dhis2_format
from giaoban.dhis2 import metadata as dhis2_metadata
from giaoban.dhis2.query import listing, parse_fields, select
from giaoban.org.models import Area, Indicator, Organization

from giaoban.api.core import ERRORS, ApiError, _as_of, _period

router = Router()


# ---------------------------------------------------------------------------- metadata


@router.get("/me", response={200: dict, ERRORS: s.ErrorOut}, tags=["Danh mục"],
         summary="Người dùng hiện tại (các trường của DHIS2 và của giaoban)")
def me(request):
    out = dhis2_metadata.me(request.user)
    fields = request.GET.getlist("fields")
    return JsonResponse(select(out, parse_fields(fields)) if fields else out)


@router.get("/organizations", response={200: list[s.OrganizationOut], ERRORS: s.ErrorOut}, tags=["Danh mục"], summary="Tổ chức")
def organizations(request):
    return list(Organization.objects.values("code", "name", "short_name"))


@router.get("/areas", response={200: list[s.AreaOut], ERRORS: s.ErrorOut}, tags=["Danh mục"], summary="Địa bàn hiệu lực vào một ngày")
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


@router.get("/units", response={200: list[s.UnitOut], ERRORS: s.ErrorOut}, tags=["Danh mục"],
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


@router.get("/indicators", response={200: list[s.IndicatorOut], ERRORS: s.ErrorOut}, tags=["Danh mục"], summary="Chỉ tiêu")
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


@router.get("/periods", response={200: list[s.PeriodOut], ERRORS: s.ErrorOut}, tags=["Danh mục"], summary="Các kỳ báo cáo của một năm")
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


@router.get("/periods/{code}", response={200: s.PeriodOut, ERRORS: s.ErrorOut}, tags=["Danh mục"], summary="Đọc một mã kỳ")
def period_detail(request, code: str):
    return _period_out(_period(code))



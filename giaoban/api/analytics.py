"""Analytics endpoints: the queries of `giaoban query`, the dashboard and completeness.

Scoped as the dashboard page (giaoban.analytics.views._scope): the engine gets the user's
subtrees (`within`), an area must lie inside one of the user's areas (403 otherwise: areas are
public, their figures are not), a unit must be one the user may see (404 otherwise). Only the
engine's public functions are called.
"""

from __future__ import annotations

import datetime
from typing import Literal

from ninja import Router

from giaoban.analytics import engine
from giaoban.api import schemas as s
from giaoban.api.core import ERRORS, ApiError, _period
from giaoban.collection import access
from giaoban.core.periods import Period

TAGS = ["Phân tích"]
router = Router()


def _area_scope(user, period: Period, area: str | None, as_of: datetime.date | None):
    """(area or None for the country, as_of, within) as the dashboard page decides them."""
    within, grant_areas = engine.scope_for_user(user)
    if not area:
        if within is None:
            return None, as_of or period.end, None  # a superuser: the whole country
        if not grant_areas:
            raise ApiError(403, "forbidden", "Tài khoản chưa được phân quyền xem số liệu địa bàn nào; hãy chọn đơn vị (unit).")
        area = grant_areas[0].code
        if as_of is None and not grant_areas[0].is_valid_on(period.end):
            as_of = grant_areas[0].valid_from  # the user's own (newer) area, reconstructed
    as_of = as_of or period.end
    area_obj = engine.resolve_area(area, as_of)
    if within is not None and not any(area_obj.path.startswith(g.path) for g in grant_areas):
        raise ApiError(403, "forbidden", f"Bạn không có quyền xem số liệu của địa bàn '{area}'.")
    return area_obj, as_of, within


def _unit_scope(user, unit: str, period: Period, as_of: datetime.date | None):
    as_of = as_of or period.end
    try:
        unit_obj = engine.resolve_unit(unit, as_of)
    except engine.AnalyticsError:
        if user.is_superuser or access.viewable_units(user).filter(code=unit.strip()).exists():
            raise  # the engine's message (ambiguous name, not valid on that date) helps
        raise ApiError(404, "not_found", f"Không tìm thấy đơn vị '{unit}'.") from None
    if not access.can_view_unit(user, unit_obj):
        raise ApiError(404, "not_found", f"Không tìm thấy đơn vị '{unit}'.")
    within, _ = engine.scope_for_user(user)
    return unit_obj, as_of, within


@router.get("/analytics/query", response={200: list[s.AnalyticsRowOut], ERRORS: s.ErrorOut}, tags=TAGS,
         summary="Số liệu tổng hợp của một chỉ tiêu (như lệnh giaoban query)")
def analytics_query(request, period: str, indicator: str | None = None, area: str | None = None, unit: str | None = None,
                    as_of: datetime.date | None = None, by: Literal["org", "area", "unit", "period", "indicator"] | None = None,
                    org: str | None = None, include_submitted: bool = False):
    """Rows of the engine (`reconstructed`: figure rebuilt from the units or areas before a
    restructuring). Without `area` and `unit`: the user's own area (a superuser: the country)."""
    p = _period(period)
    if not indicator and by != "indicator":
        raise ApiError(400, "invalid", "Thiếu chỉ tiêu (indicator), hoặc dùng by=indicator.")
    if area and unit:
        raise ApiError(400, "invalid", "Chọn địa bàn (area) hoặc đơn vị (unit), không chọn cả hai.")
    if unit:
        unit_obj, as_of, within = _unit_scope(request.user, unit, p, as_of)
        area_obj = None
    else:
        area_obj, as_of, within = _area_scope(request.user, p, area, as_of)
        unit_obj = None
    rows = engine.query(indicator or None, p, area=area_obj, unit=unit_obj, org=org or None, as_of=as_of, by=by,
                        include_submitted=include_submitted, within=within)
    return [r.to_dict() for r in rows]


def _row_with_indicator(indicator, row) -> dict:
    return {**row.to_dict(), "indicator_name": indicator.name, "unit_noun": indicator.unit_noun}


@router.get("/analytics/dashboard", response={200: s.DashboardOut, ERRORS: s.ErrorOut}, tags=TAGS,
         summary="Bảng điều khiển: chỉ tiêu chính theo tổ chức, xu hướng 8 quý, tiến độ gửi báo cáo")
def analytics_dashboard(request, period: str, area: str | None = None, as_of: datetime.date | None = None,
                        include_submitted: bool = False):
    p = _period(period)
    area_obj, as_of, within = _area_scope(request.user, p, area, as_of)
    data = engine.dashboard(p, area_obj, as_of, include_submitted=include_submitted, within=within)
    return {
        "period": data["period"].code, "as_of": data["as_of"], "area": area_obj.code if area_obj else None,
        "scope": data["node"].label, "reconstructed": data["reconstructed"],
        "organizations": [
            {"org": o["org"].code, "label": o["org"].short_name, "rows": [_row_with_indicator(i, r) for i, r in o["rows"]]}
            for o in data["organizations"]
        ],
        "trends": [
            {"indicator": t["indicator"].code, "indicator_name": t["indicator"].name, "unit_noun": t["indicator"].unit_noun,
             "points": [{"period": q.code, "label": q.label_vi, "value": _number(v), "reconstructed": recon,
                         "reporting_units": n, "expected_units": e}
                        for (q, v, recon), (n, e) in zip(t["points"], t["coverage"])]}
            for t in data["trends"]
        ],
        "completeness": [_completeness_row(r) for r in data["completeness"]],
    }


@router.get("/analytics/completeness", response={200: list[s.CompletenessOut], ERRORS: s.ErrorOut}, tags=TAGS,
         summary="Tiến độ gửi và duyệt báo cáo của một kỳ, theo tổ chức")
def analytics_completeness(request, period: str, area: str | None = None, as_of: datetime.date | None = None,
                           org: str | None = None):
    p = _period(period)
    area_obj, as_of, within = _area_scope(request.user, p, area, as_of)
    return [_completeness_row(r) for r in engine.completeness(p, area_obj, as_of, org=org or None, within=within)]


def _number(v):
    if v is None:
        return None
    v = v.normalize()
    return int(v) if v == v.to_integral_value() else float(v)


def _completeness_row(row: dict) -> dict:
    return {k: _number(v) if k.endswith("_pct") else v for k, v in row.items()}


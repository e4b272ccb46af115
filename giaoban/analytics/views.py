"""Dashboard and pivot pages. Both read the engine, scoped to what the user may see."""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import connections, router
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from giaoban.analytics import engine
from giaoban.analytics.charts import bar_chart
from giaoban.analytics.pivot import DIMENSIONS, pivot, to_csv, to_xlsx
from giaoban.analytics.templatetags.analytics_tags import qualifier_word, signed_pct, vn, vnpct
from giaoban.collection.models import Report
from giaoban.core.periods import Period, option_tags
from giaoban.org.models import Area, AreaSuccession, Indicator, Organization
from giaoban.org.stamp import remembered


def _latest_approved(up_to: Period, weeks: bool) -> tuple[str | None, str | None]:
    """The latest quarter up to ``up_to`` with approved (or locked) reports, and when ``weeks`` the
    latest such week: one plain statement (the dashboard compiled and ran two querysets a visit)."""
    conn = connections[router.db_for_read(Report)]
    table, period, status = (conn.ops.quote_name(n) for n in (Report._meta.db_table, "period", "status"))
    latest = f"(SELECT MAX({period}) FROM {table} WHERE {status} IN (%s, %s) AND {period} LIKE %s"
    counted = [Report.Status.APPROVED.value, Report.Status.LOCKED.value]
    sql, params = f"SELECT {latest} AND {period} <= %s)", [*counted, "%-Q%", up_to.code]
    if weeks:
        sql, params = f"{sql}, {latest})", [*params, *counted, "%-W%"]
    with conn.cursor() as cur:
        cur.execute(sql, params)
        row = cur.fetchone()
    return row[0], row[1] if weeks else None


def _defaults(weeks: bool = True) -> tuple[Period, str | None]:
    """(default_period(), the latest approved week when a regime asks for weeks, else None)."""
    period = Period.for_date(timezone.localdate(), "Q").previous()
    quarter, week = _latest_approved(period, weeks and "W" in engine.scheduled_kinds())
    return (period if quarter is None or quarter == period.code else Period.parse(quarter)), week


def default_period() -> Period:
    """The quarter just ended, or the latest quarter with approved reports when that one has
    none yet (an install that stopped reporting, or the demo data)."""
    return _defaults(weeks=False)[0]


def _scope(request, period: Period):
    """(area, as_of, within, grant areas) for the request, or PermissionDenied when the area is
    not the user's."""
    within, grant_areas = engine.scope_for_user(request.user)
    as_of = engine.parse_date(request.GET.get("as_of") or None)
    code = request.GET.get("area") or ""
    if not code:
        if within is None:
            code = _kept(("top_area_code",), lambda: getattr(Area.objects.filter(parent__isnull=True).order_by("code").first(), "code", ""))
        elif grant_areas:
            code = grant_areas[0].code
            if as_of is None and not grant_areas[0].is_valid_on(period.end):
                as_of = grant_areas[0].valid_from  # the user's own (newer) area, reconstructed
        else:
            raise PermissionDenied("Tài khoản chưa được phân quyền xem số liệu địa bàn nào.")
    as_of = as_of or period.end
    area = _kept(("area", code, as_of), lambda: engine.resolve_area(code, as_of)) if code else None
    if within is not None:
        allowed = any(area is not None and area.path.startswith(g.path) for g in grant_areas)
        if not allowed:
            raise PermissionDenied("Bạn không có quyền xem số liệu của địa bàn này.")
    return area, as_of, within, grant_areas


def _area_options(area: Area | None, grant_areas: list[Area], within, on: datetime.date) -> list[Area]:
    """Suggestions for the area box, as the tree stands on `on`: the provinces and districts the
    user may see, and the communes under the area on screen (every commune of a country would
    weigh more than the page)."""
    key = ("area_options", None if within is None else tuple(a.pk for a in grant_areas), area.pk if area else None, on)
    return _kept(key, lambda: _read_area_options(area, grant_areas, within, on))


def _read_area_options(area: Area | None, grant_areas: list[Area], within, on: datetime.date) -> list[Area]:
    roots = list(Area.objects.filter(parent__isnull=True)) if within is None else grant_areas
    if not roots:
        return []
    in_scope = Q()
    for root in roots:
        in_scope |= Q(path__startswith=root.path)
    shown = Q(level__lte=Area.Level.DISTRICT)
    if area is not None:
        shown |= Q(path__startswith=area.path)
    return list(Area.objects.valid_on(on).filter(in_scope & shown).order_by("path")[:2000])


KEPT_MAX = 50_000  # entries of the pages' own in the stamp cache (areas × dates typed by people)


def _kept(key: tuple, compute):
    """What the tree says (areas, successions), kept until an area changes (the engine's stamp
    cache); shared between requests: never change it."""
    return remembered("analytics_pages", key, compute, KEPT_MAX)


def _common(request, default: Period | None = None):
    try:
        period = engine.parse_period(request.GET.get("period") or default or default_period())
    except engine.AnalyticsError as e:
        return None, str(e)
    return period, None


@login_required
def dashboard(request):
    default, latest_week = _defaults()  # one statement for the page
    period, error = _common(request, default)
    context = {"error": error, "periods": _period_choices(default, latest_week), "area": None, "organizations": None}
    if period:
        try:
            area, as_of, within, grants = _scope(request, period)
            context["area_options"] = _area_options(area, grants, within, as_of)
            data = engine.dashboard(period, area, as_of, include_submitted=bool(request.GET.get("submitted")), within=within)
        except engine.AnalyticsError as e:
            context["error"] = str(e)
        else:
            context.update(data)
            context["area"] = area
            context["charts"] = [
                {"title": t["indicator"].name, "svg": bar_chart(
                    [(q.label_vi.replace("Quý ", ""), v, recon) for q, v, recon in t["points"]], unit=t["indicator"].unit_noun,
                    coverage=t["coverage"])}
                for t in data["trends"]
            ]
            context["organization_tables"] = [{"org": block["org"], "rows": _figure_rows(block["rows"])}
                                              for block in data["organizations"]]
            context.update(_coverage(data, period, request))
            context["period_names"] = _names_in_period(area, period)
            context["now_names"] = _names_now(area, request)
    context["period"] = period
    context["query"] = request.GET
    context["period_options"] = mark_safe(option_tags(context["periods"], period.code if period else None))
    context.update(_boxes(request, context))
    # A question the data cannot answer (a bad period, an unknown area) is the asker's: 400.
    return render(request, "analytics/dashboard.html", context, status=400 if context["error"] else 200)


_UNLIKE_MARK = '<span class="unlike-mark" title="Hai kỳ không đủ đơn vị báo cáo">≠</span> '


def _figure_rows(rows) -> str:
    """An organization's table on the dashboard as HTML: a province's forty indicators, eight
    cells each with a number filter, were through the template engine the biggest part of the
    page. Written as the template wrote it: numbers by the same filters, counts localized."""
    out = []
    count = _counter()
    for ind, r in rows:
        ly, pv = r.same_period_last_year, r.previous
        target = vn(r.target, 0) if ind.value_type == "integer" else vn(r.target)
        band = f" band-{escape(r.band)}" if r.band else ""
        ly_unlike = ly is not None and not ly.like and ly.change_pct is not None
        pv_unlike = pv is not None and not pv.like and pv.value is not None
        ly_units = f"<small>{count(r.reporting_units)} so với {count(ly.reporting_units)} đơn vị</small>" if ly_unlike else ""
        pv_units = f"<small>{count(pv.reporting_units)}/{count(pv.expected_units)} đơn vị</small>" if pv_unlike else ""
        out.append(
            f'<tr>\n<td>{escape(ind.name)} <span class="muted">({escape(ind.unit_noun)})</span></td>\n'
            f'<td class="num">{qualifier_word(r)}{vn(r.value)}{"*" if r.reconstructed else ""}</td>\n'
            f'<td class="num">{target}</td>\n'
            f'<td class="num{band}">{vnpct(r.progress_pct)}</td>\n'
            f'<td class="num">{vn(ly.value if ly else None)}{"*" if ly is not None and ly.reconstructed else ""}</td>\n'
            f'<td class="num same-period{" unlike" if ly_unlike else ""}">{_UNLIKE_MARK if ly_unlike else ""}'
            f'{signed_pct(ly.change_pct if ly else None)}{ly_units}</td>\n'
            f'<td class="num previous{" unlike" if pv_unlike else ""}">{vn(pv.value if pv else None)}{pv_units}</td>\n'
            f'<td class="num">{count(r.reporting_units)}/{count(r.expected_units)}</td></tr>')
    return mark_safe("".join(out))


def _counter():
    """n as {{ n }} writes it: with the language's thousands separator (formats.localize, some
    thirty calls), once per number on a page."""
    shown: dict = {}

    def count(n) -> str:
        if n not in shown:
            shown[n] = escape(formats.localize(n))
        return shown[n]
    return count


def _coverage(data: dict, period: Period, request) -> dict:
    """How complete the figures on screen are: the units in the headline figures against those
    expected (the note above the tables), and, when nothing at all is approved, the reports
    waiting and the actions that fill the page (the empty state)."""
    rows = [r for block in data["organizations"] for _, r in block["rows"]]
    short = [r for r in rows if r.reporting_units < r.expected_units]
    least = min(short, key=lambda r: r.reporting_units / r.expected_units, default=None)
    empty = not any(r.value is not None for r in rows)
    query = request.GET.copy()
    query["period"], query["submitted"] = period.code, "1"
    return {"incomplete": least if short and not empty else None, "incomplete_count": len(short), "empty": empty,
            "waiting": sum(c["submitted"] for c in data["completeness"]), "with_submitted": query.urlencode()}


def _names_in_period(area: Area | None, period: Period) -> list[str]:
    """The areas the one on screen was made of during the period, when it did not exist yet
    (a commune merged in 2025 seen for 2024): their names as they were, beside today's."""
    if area is None:
        return []
    parts = engine.expand(engine.Node.of(area), period.end)
    if [n for n, _ in parts] == [engine.Node.of(area)]:
        return []
    return list(dict.fromkeys(n.label for n, _ in parts))


def _names_now(area: Area | None, request) -> list[dict]:
    """What an area that has since ended became (a township merged into a commune on 1/7/2025):
    its successors' names and dates, with the address of this page on their tree — the same
    figures there include the other communes merged in, which is why they differ."""
    if area is None or area.valid_to is None:
        return []
    out = []
    for link in AreaSuccession.objects.filter(predecessor=area).select_related("successor").order_by("successor__code"):
        successor = link.successor
        query = request.GET.copy()
        query["area"], query["as_of"] = successor.code, f"{successor.valid_from:%d/%m/%Y}"
        out.append({"name": successor.full_name, "code": successor.code, "since": successor.valid_from,
                    "url": "?" + query.urlencode()})
    return out


def _period_choices(default: Period, latest_week: str | None) -> list[Period]:
    """The periods offered: when a regime asks for weeks, the 12 weeks up to the latest approved one
    (or this week) and 6 months; then three years of years, 9 months, halves and quarters."""
    out = []
    if "W" in engine.scheduled_kinds():
        week = Period.parse(latest_week) if latest_week else Period.for_date(timezone.localdate(), "W")
        month = week.month()
        out += [week] + [week := week.previous() for _ in range(11)]
        out += [month] + [month := month.previous() for _ in range(5)]
    for year in (default.year, default.year - 1, default.year - 2):
        out += [Period(year, "Y"), Period(year, "9M"), Period(year, "H", 2), Period(year, "H", 1)] + Period.quarters_of(year)[::-1]
    return out


@login_required
def pivot_view(request):
    default, latest_week = _defaults()
    period, error = _common(request, default)
    g = request.GET
    rows_dim = g.get("rows") if g.get("rows") in DIMENSIONS else "area"
    cols_dim = g.get("cols") if g.get("cols") in DIMENSIONS else "org"
    context = {"error": error, "dimensions": DIMENSIONS, "rows_dim": rows_dim, "cols_dim": cols_dim,
               "indicators": Indicator.objects.filter(is_active=True), "organizations": Organization.objects.all(),
               "periods": _period_choices(default, latest_week), "period": period, "query": g, "table": None, "area": None,
               "indicator": g.get("indicator") or ""}
    if period:
        try:
            area, as_of, within, grants = _scope(request, period)
            context["area_options"] = _area_options(area, grants, within, as_of)
            indicator = g.get("indicator") or (None if "indicator" in (rows_dim, cols_dim) else Indicator.objects.filter(is_active=True).values_list("code", flat=True).first())
            filters = {"period": period, "indicator": indicator, "area": area, "org": g.get("org") or None,
                       "as_of": as_of, "include_submitted": bool(g.get("submitted")), "within": within}
            table = pivot(rows_dim, cols_dim, filters)
            ind = engine.resolve_indicator(indicator) if indicator else None
            org = engine.resolve_org(g.get("org") or None)
            # the title says every filter, so an exported file read alone says what it counts
            table.title = " – ".join(x for x in (ind.name if ind else "", org.short_name if org else "", period.label_vi,
                                                  area.full_name if area else "Toàn quốc") if x)
            if as_of != period.end:
                table.title += f" (địa giới, tổ chức tại ngày {as_of:%d/%m/%Y})"
            if g.get("submitted"):
                table.title += " (tính cả báo cáo chưa duyệt)"
        except engine.AnalyticsError as e:
            context["error"] = str(e)
        else:
            context.update({"table": table, "area": area, "as_of": as_of, "indicator": indicator})
            fmt = g.get("export")
            if fmt in ("csv", "xlsx"):
                body = to_csv(table) if fmt == "csv" else to_xlsx(table)
                ctype = "text/csv; charset=utf-8" if fmt == "csv" else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                resp = HttpResponse(body, content_type=ctype)
                stamp = datetime.date.today().isoformat()
                name = "-".join(x for x in ("tong-hop", indicator or "", org.code if org else "", period.code, stamp) if x)
                resp["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
                return resp
            context["grid"] = [
                {"label": rl, "cells": [(table.cells.get((rk, ck)), (rk, ck) in table.reconstructed) for ck, _ in table.col_headers],
                 "total": table.row_totals.get(rk), "units": table.row_units.get(rk)}
                for rk, rl in table.row_headers
            ]
            context["col_totals"] = [table.col_totals.get(ck) for ck, _ in table.col_headers]
    context["period_options"] = mark_safe(option_tags(context["periods"], period.code if period else None))
    context.update(_boxes(request, context))
    return render(request, "analytics/pivot.html", context, status=400 if context["error"] else 200)


def _area_box(options: list[Area]) -> tuple[list, str]:
    """The area box's choices (name, or code where two areas share the name) and its datalist as
    HTML (a province's hundred areas through the template engine were a fifth of the page)."""
    counts: dict[str, int] = {}
    for a in options:
        counts[a.full_name] = counts.get(a.full_name, 0) + 1
    choices = [(a.full_name if counts[a.full_name] == 1 else a.code, a.full_name, a.code) for a in options]
    return choices, mark_safe("".join(
        f'<option value="{escape(value)}" data-code="{escape(code)}">{escape(name) if value != name else "mã " + escape(code)}</option>'
        for value, name, code in choices))


def _boxes(request, context: dict) -> dict:
    """What the area and date boxes show: the area's name (its code only where two areas of the
    tree share the name), the date as dd/mm/yyyy whatever was typed."""
    area, typed = context.get("area"), request.GET.get("area") or ""
    as_of = context.get("as_of")
    options = context.get("area_options") or []
    context["area_choices"], context["area_datalist"] = _kept(("area_box", *(a.pk for a in options)), lambda: _area_box(options))
    text = typed
    if area is not None:
        on = as_of or area.valid_to or area.valid_from
        same = _kept(("areas_named", area.name, area.kind, on),
                     lambda: Area.objects.valid_on(on).filter(name=area.name, kind=area.kind).count()) if on else 2
        text = area.full_name if same == 1 else area.code
    date_text = request.GET.get("as_of") or ""
    try:
        parsed = engine.parse_date(date_text or None)
    except engine.AnalyticsError:
        parsed = None
    # the dates worth picking: the day before and the day of each restructuring of the areas
    changes = _kept(("succession_dates",), lambda: sorted(set(AreaSuccession.objects.values_list("effective_date", flat=True)))[-3:])
    picks = [(d - datetime.timedelta(days=1), f"trước sắp xếp ngày {d:%d/%m/%Y}") for d in changes]
    picks += [(d, f"sau sắp xếp ngày {d:%d/%m/%Y}") for d in changes]
    return {"area_code": text, "as_of_text": f"{parsed:%d/%m/%Y}" if parsed else date_text,
            "as_of_picks": [(f"{d:%d/%m/%Y}", label) for d, label in sorted(picks)]}

"""The dashboard: headline figures per organization, the last quarters, targets, completeness."""

from __future__ import annotations

from collections import defaultdict


from giaoban.analytics import cache
from giaoban.core.periods import Period
from giaoban.org.models import (Indicator, ReportingSchedule)
from giaoban.analytics.engine.base import Node, _links, _memoized, _orgs
from giaoban.analytics.engine.completion import completeness
from giaoban.analytics.engine.computing import _base_periods, compute
from giaoban.analytics.engine.figures import _dec, query
from giaoban.analytics.engine.names import parse_date, parse_period, resolve_area
from giaoban.analytics.engine.sql import expected_units, reporting_levels


def last_quarters(period, count: int = 8) -> list[Period]:
    """The trend's periods: the last ``count`` quarters (weeks for a week)."""
    q = _base_periods(parse_period(period))[-1]
    if q.kind == "M":
        q = Period.for_date(q.end, "Q")
    out = [q]
    while len(out) < count:
        out.append(out[-1].previous())
    return out[::-1]


def headline_indicators(limit_per_org: int = 4) -> dict[int, list[Indicator]]:
    """The first indicators of each organization (catalogue order): the dashboard's headline."""
    def load():
        out: dict = defaultdict(list)
        links = _links(memo)
        for ind in Indicator.objects.filter(is_active=True).order_by("sort_order", "code"):
            for org_id in links.get(ind.pk, ()):
                if len(out[org_id]) < limit_per_org:
                    out[org_id].append(ind)
        return dict(out)
    memo = cache.entries()
    return _memoized(memo, ("headline", limit_per_org), load)


def scheduled_headlines(kind: str, limit_per_org: int = 4) -> dict[int, list[Indicator]]:
    """The headline of a week's or a month's dashboard: the indicators of the reporting regimes
    that ask for weeks (and, for a month, months), by organization."""
    def load():
        kinds = ["W"] if kind == "W" else ["W", "M"]
        out: dict = defaultdict(list)
        for schedule in ReportingSchedule.objects.filter(is_active=True, frequency__in=kinds).prefetch_related("indicators"):
            for ind in sorted(schedule.indicators.all(), key=lambda i: (i.sort_order, i.code)):
                for org_id in ([schedule.organization_id] if schedule.organization_id else _links(memo).get(ind.pk, ())):
                    if ind not in out[org_id] and len(out[org_id]) < limit_per_org:
                        out[org_id].append(ind)
        return dict(out)
    memo = cache.entries()
    return _memoized(memo, ("scheduled_headline", kind, limit_per_org), load)


def dashboard(period, area=None, as_of=None, include_submitted: bool = False,
              within: list[Node] | None = None, trend_indicators: int = 3) -> dict:
    """Everything the dashboard page shows, as plain data: per organization its headline
    indicators (value, target, % đạt, band, same period last year, previous period), the trend of
    the first indicators over the last 8 quarters, completeness."""
    period = parse_period(period)
    as_of = parse_date(as_of) or period.end
    area_obj = resolve_area(area, as_of) if area is not None else None
    node = Node.of(area_obj)
    heads = (period.kind in ("W", "M") and scheduled_headlines(period.kind)) or headline_indicators()
    indicators = sorted({i for lst in heads.values() for i in lst}, key=lambda i: (i.sort_order, i.code))
    rows = query(indicators, period, area=area_obj, as_of=as_of, by="org", include_submitted=include_submitted, within=within)
    wanted = {(o, i.code) for o, lst in heads.items() for i in lst}
    orgs = _orgs(cache.entries())
    code_to_id = {o.code: o.pk for o in orgs.values()}
    per_org: dict = defaultdict(list)
    for r in rows:
        oid = code_to_id[r.key["org"]]
        if (oid, r.indicator) in wanted:
            per_org[oid].append(r)
    names = {i.code: i for i in indicators}
    organizations = [
        {"org": orgs[oid], "rows": [(names[r.indicator], r) for r in sorted(per_org[oid], key=lambda r: (names[r.indicator].sort_order, r.indicator))]}
        for oid in sorted(per_org, key=lambda o: (orgs[o].sort_order, orgs[o].code))
    ]
    quarters = last_quarters(period)
    trend_inds = indicators[:trend_indicators]
    cells = compute([(node.code, node)], trend_inds, quarters, include_submitted, False, None, within, check_built=False)
    trends = []
    memo = cache.entries()
    links = _links(memo)
    levels = _memoized(memo, ("levels",), lambda: {k: frozenset(v) for k, v in reporting_levels(None).items()})
    within_key = tuple(within) if within is not None else None
    for ind in trend_inds:
        points, coverage = [], []
        for q in quarters:
            c = cells.get((node.code, None, ind.code, q.code))
            points.append((q, _dec(c.total) if c else None, bool(c and c.reconstructed)))
            q_end = q.end
            counts = _memoized(memo, ("expected", node, q_end, within_key), lambda: expected_units(node, q_end, within, memo))
            expected = sum(n for (o, level), n in counts.items() if o in links.get(ind.pk, ()) and level in levels.get(ind.pk, ()))
            coverage.append((c.count if c else 0, expected))  # a bar that drops because units are missing says so
        trends.append({"indicator": ind, "points": points, "coverage": coverage})
    return {
        "period": period, "as_of": as_of, "node": node, "organizations": organizations, "trends": trends,
        "completeness": completeness(period, area_obj, as_of, within=within),
        "reconstructed": any(r.reconstructed for r in rows),
    }

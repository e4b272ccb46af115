""":func:`query`: one indicator (or all) over a period for a subtree, broken down by org, area,
unit, period or indicator, with targets and comparisons."""

from __future__ import annotations

import datetime
from decimal import Decimal


from giaoban.analytics import cache
from giaoban.core import aggregation as rules
from giaoban.org import identity
from giaoban.org.models import (Area, Indicator, Unit)
from giaoban.analytics.engine.base import AnalyticsError, Cell, Comparison, FOUR, Node, Row, _links, _memoized
from giaoban.analytics.engine.computing import _base_periods, compute
from giaoban.analytics.engine.names import parse_date, parse_period, resolve_area, resolve_indicator, resolve_orgs, resolve_unit
from giaoban.analytics.engine.sql import expected_units, reporting_levels
from giaoban.analytics.engine.targets import yearly_targets


def _qualifier(quals: dict) -> str:
    kinds = [k for k, n in quals.items() if n]
    if not kinds:
        return "exact"
    return kinds[0] if len(kinds) == 1 else "mixed"


def _dec(v):
    return None if v is None else Decimal(v).quantize(FOUR)


def _as_list(x):
    return x if isinstance(x, list | tuple) else [x]


def _children(node: Node, by: str, on: datetime.date, org_ids: list[int] | None) -> list[Node]:
    if by == "area":
        if node.kind == "unit":
            raise AnalyticsError("Không thể chia theo địa bàn khi đã chọn một đơn vị; hãy chọn địa bàn.")
        qs = Area.objects.valid_on(on)
        qs = qs.filter(parent_id=node.id) if node.kind == "area" else qs.filter(parent__isnull=True)
        return [Node.of(a) for a in qs.order_by("code")]
    # by unit
    qs = Unit.objects.valid_on(on).select_related("organization")
    if node.kind == "unit":
        qs = qs.filter(parent_id=node.id)
    elif node.kind == "area":
        qs = qs.filter(area_id=node.id)
    else:
        qs = qs.filter(parent__isnull=True)
    if org_ids:
        qs = qs.filter(organization_id__in=org_ids)
    units = list(qs.order_by("organization__sort_order", "code"))
    # a unit serving several areas sits at their common area beside its parent: the parent's
    # subtree already holds it, so it is not a row of its own (nothing counted twice)
    ids = {u.pk for u in units}
    return [Node.of(u) for u in units if u.parent_id not in ids]


def query(indicator=None, period="", area=None, unit=None, org=None, as_of=None, by=None,
          include_submitted: bool = False, compare: bool = True, prorate: str = "even",
          within: list[Node] | None = None) -> list[Row]:
    """Figures of ``indicator`` (code, name or Indicator; a list, or None with by="indicator"
    for all) over ``period`` for an area subtree, a unit subtree or the country.

    ``as_of`` picks the tree (default: the end of the period); ``by`` breaks the figure down by
    org | area | unit | period | indicator; ``include_submitted`` also counts submitted
    reports; ``prorate`` ('even': the period's share of the year, the default; 'none'; 'cumulative')
    gives the part of the yearly target the period is compared with (stocks: never prorated); ``within`` limits the data to some subtrees (a user's access scope)."""
    period = parse_period(period)
    if period.kind in ("W", "M") and by == "period":
        raise AnalyticsError(f"Kỳ {'tuần' if period.kind == 'W' else 'tháng'} không chia nhỏ hơn được.")
    as_of = parse_date(as_of) or period.end
    if by not in (None, "", "org", "area", "unit", "period", "indicator"):
        raise AnalyticsError(f"Không chia được theo '{by}' (chọn org, area, unit, period hoặc indicator).")
    if area is not None and unit is not None:
        raise AnalyticsError("Chọn địa bàn hoặc đơn vị, không chọn cả hai.")
    selected = resolve_orgs(org, as_of)
    org_ids = [o.pk for o in selected] if selected else None
    if indicator is None:
        indicators = list(Indicator.objects.filter(is_active=True))
    else:
        indicators = [resolve_indicator(i) for i in _as_list(indicator)]
    memo = cache.entries()
    links = _links(memo)
    ind_orgs = {i.pk: links.get(i.pk, frozenset()) for i in indicators}  # indicator -> its organizations
    if org_ids and indicator is None:
        indicators = [i for i in indicators if ind_orgs[i.pk] & set(org_ids)]
    node = Node.of(resolve_area(area, as_of) if area is not None else resolve_unit(unit, as_of) if unit is not None else None)
    targets = [(node.code, node)]
    if by in ("area", "unit"):
        targets = [(child.code, child) for child in _children(node, by, as_of, org_ids)]
    periods = [period]
    if by == "period":
        periods = [q for q in _base_periods(period)]
    comparisons = {}
    if compare:
        for p in list(periods):
            comparisons[p.code] = (p.previous(), p.same_period_last_year())
            periods += [p.previous(), p.same_period_last_year()]
    periods = sorted(set(periods))
    cells = compute(targets, indicators, periods, include_submitted, by == "org", org_ids, within)
    levels = _memoized(memo, ("levels",), lambda: {k: frozenset(v) for k, v in reporting_levels(None).items()})
    rows: list[Row] = []
    within_key = tuple(within) if within is not None else None
    target_key = (tuple(i.pk for i in indicators), tuple(org_ids or ()), by == "org", within_key)
    main_periods = [p for p in periods if not compare or p.code in comparisons]
    for row_key, tnode in targets:
        org_keys = sorted({k[1] for k in cells if k[0] == row_key and k[1] is not None}) if by == "org" else [None]
        for org_key in org_keys:
            for ind in indicators:
                for p in main_periods:
                    cell = cells.get((row_key, org_key, ind.code, p.code)) or Cell(total=None)
                    key, labels = {}, {}
                    if by in ("area", "unit"):
                        key[by], labels[by] = tnode.code, tnode.label
                    if by == "org":
                        # the organization's name as it was in the period: keys stay, labels follow
                        o = _memoized(memo, ("orgs_on", p.end), lambda: identity.organizations_as_of(p.end))[org_key]
                        key["org"], labels["org"] = o.code, o.short_name
                    if by == "period":
                        key["period"], labels["period"] = p.code, p.label_vi
                    if by == "indicator":
                        key["indicator"], labels["indicator"] = ind.code, ind.name
                    # expected reporters
                    exp_date = p.end
                    counts = _memoized(memo, ("expected", tnode, exp_date, within_key),
                                       lambda: expected_units(tnode, exp_date, within, memo))
                    want_orgs = {org_key} if org_key else (set(org_ids) if org_ids else ind_orgs[ind.pk])
                    lv = levels.get(ind.pk, set())
                    expected = sum(n for (o, level), n in counts.items() if o in want_orgs and level in lv)
                    row = Row(
                        indicator=ind.code, period=p.code, value=_dec(cell.total), qualifier=_qualifier(cell.qual),
                        qualifiers={k: n for k, n in cell.qual.items() if n}, reporting_units=cell.count,
                        expected_units=expected, reconstructed=cell.reconstructed, key=key, labels=labels,
                        scope=node.label if node.kind != "nation" else "Toàn quốc", as_of=as_of.isoformat(),
                    )
                    # targets
                    by_target = _memoized(memo, ("targets", tnode, p.year, target_key),
                                          lambda: yearly_targets(tnode, indicators, p.year, org_ids, by == "org", within))
                    yearly = by_target.get((org_key, ind.pk))
                    if yearly is not None:
                        mode = rules.ProrateMode.NONE if ind.is_stock else prorate
                        row.target_year = _dec(yearly)
                        row.target = _dec(rules.prorate_target(yearly, p, mode))
                        pct = rules.progress(row.value, row.target)
                        row.progress_pct = _dec(pct)
                        row.band = rules.progress_band(pct)
                    if compare:
                        prev, last_year = comparisons[p.code]
                        for attr, cp in (("previous", prev), ("same_period_last_year", last_year)):
                            c = cells.get((row_key, org_key, ind.code, cp.code))
                            v = _dec(c.total) if c else None
                            diff, pct = rules.change(row.value, v)
                            cp_end = cp.end
                            cp_counts = _memoized(memo, ("expected", tnode, cp_end, within_key),
                                                  lambda: expected_units(tnode, cp_end, within, memo))
                            cp_expected = sum(n for (o, level), n in cp_counts.items() if o in want_orgs and level in lv)
                            cp_count = c.count if c else 0
                            like = row.reporting_units >= expected and cp_count >= cp_expected
                            setattr(row, attr, Comparison(cp.code, v, _dec(diff), _dec(pct), bool(c and c.reconstructed),
                                                          cp_count, cp_expected, like))
                    rows.append(row)
    return rows

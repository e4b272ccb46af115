"""Computing: the stored periods of a period, combined over time; reconstruction of a node
that did not exist yet from its predecessors; :func:`compute`, the core."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal


from giaoban.analytics import cache
from giaoban.analytics.summary import BUILT_SQL, ensure_built
from giaoban.core import aggregation as rules
from giaoban.core.periods import Period
from giaoban.org.models import (Indicator, ReportingSchedule)
from giaoban.analytics.engine.base import Cell, Node, ONE, QUAL_KINDS, ZERO, _memoized
from giaoban.analytics.engine.restructuring import expand
from giaoban.analytics.engine.sql import _fetch


def _base_periods(period: Period, kinds: frozenset = frozenset()) -> list[Period]:
    """The stored periods whose figures make ``period``: its quarters (or itself), and the weeks
    and months filed under it (a week by its Thursday: Period.stored_parts) when ``kinds`` says
    a reporting regime asks for weeks or months. Units of different regimes report an indicator
    by week, month or quarter, never two of them, so the parts add up."""
    base = period.quarters() if period.is_cumulative else [period]
    if not kinds or period.kind == "W":
        return base
    extra = [p for p in period.stored_parts() if p.kind in kinds and p != period]
    return sorted(base + extra) if extra else base


def scheduled_kinds(indicators: list[Indicator] | None = None) -> frozenset:
    """The kinds of period shorter than a quarter that an active reporting regime asks for
    ('W', 'M'), of ``indicators`` when given; none without regimes, and then quarters are read
    alone, as before regimes. A quarter of indicators no weekly or monthly regime asks for is
    thus one stored period (the fast path) even when the working groups report weekly."""
    def load():
        out: dict[int | None, set[str]] = defaultdict(set)
        through = ReportingSchedule.indicators.through.objects.filter(reportingschedule__is_active=True).exclude(
            reportingschedule__frequency="Q")
        for frequency, ind_id in through.values_list("reportingschedule__frequency", "indicator_id"):
            out[None].add(frequency)
            out[ind_id].add(frequency)
        return {k: frozenset(v) for k, v in out.items()}
    by_indicator = _memoized(cache.entries(), ("scheduled_kinds",), load)
    if indicators is None:
        return by_indicator.get(None, frozenset())
    return frozenset().union(*(by_indicator.get(i.pk, frozenset()) for i in indicators))


def _stored_cells(targets, indicators, periods, by_org, uses, fetched) -> dict:
    """:func:`compute` when every period is stored (quarters, months: nothing to combine over time)
    and every target is answered by itself (no restructuring): one cell per fetched row, the same
    values as the general path without its per-quarter accumulators (the national pivot)."""
    row_of = {key: us[0][0] for key, us in uses.items()}
    ind_info = {i.pk: (i.code, i.unit_aggregation) for i in indicators}
    average, none = Indicator.UnitAggregation.AVERAGE, Indicator.UnitAggregation.NONE
    result: dict = {}
    groups = set() if by_org else {(rk, None) for rk, _ in targets}
    for (sub, org, ind_id, qcode), (total, count, approx, over, under) in fetched.items():
        row_key = row_of.get((sub, qcode))
        if row_key is None:
            continue
        code, unit_rule = ind_info[ind_id]
        value = ZERO if total is None else ZERO + total
        if unit_rule == average:
            value = value / count if count else None
        elif unit_rule == none:
            value = value if count == 1 else None
        qual = {kind: n for kind, n in zip(QUAL_KINDS, (approx, over, under), strict=True) if n} if approx or over or under else {}
        result[row_key, org, code, qcode] = Cell(value, count, qual, False)  # one stored period: its own figure
        groups.add((row_key, org))
    codes = [p.code for p in periods]
    for row_key, org in groups:  # the cells no row answered: empty, as in the general path
        for code, _ in ind_info.values():
            for pcode in codes:
                if (row_key, org, code, pcode) not in result:
                    result[row_key, org, code, pcode] = Cell(None, 0, {}, False)
    return result


def _combine(rule: rules.TimeAggregation, parts: list[Period], values: list) -> Decimal | None:
    """Combine the figures of a period's stored parts over time. Parts of one kind (the quarters
    of a year): the indicator's time rule. Weeks, months and quarters together come from units
    of different regimes: the rule within each kind, then the kinds added up (a stock's last
    week of the working groups plus the last quarter of the organizations)."""
    kinds = {p.kind for p in parts}
    if len(kinds) == 1:
        return rules.combine_in_order(rule, values)
    per_kind = [rules.combine_in_order(rule, [v for p, v in zip(parts, values, strict=True) if p.kind == kind])
                for kind in sorted(kinds)]
    present = [v for v in per_kind if v is not None]
    return sum(present, ZERO) if present else None


# compute()'s answers are kept under the catalogue's stamp and the data stamp (cache.data_stamp):
# exact, see giaoban/analytics/cache.py. False: always computed (the tests compare both).
USE_RESULT_CACHE = True
RESULT_CACHE_SIZE = 64  # answers kept per process for one data stamp, then the slot starts over (a national
# pivot answer is about 0.7 MB: 2,448 cells)


def _result_key(targets, indicators, periods, include_submitted, by_org, org_ids, within, fast) -> tuple | None:
    """What compute()'s answer depends on besides the stamped tables; None: not cacheable."""
    key = (tuple(targets), tuple((i.pk, i.code, i.unit_aggregation, i.time_aggregation, i.parent_child_rule)
                                 for i in indicators),
           tuple(p.code for p in periods), bool(include_submitted), bool(by_org),
           None if org_ids is None else tuple(org_ids), None if within is None else tuple(within), fast)
    try:
        hash(key)
    except TypeError:  # a caller's row key that is not hashable
        return None
    return key


def compute(targets: list[tuple[object, Node]], indicators: list[Indicator], periods: list[Period],
            include_submitted: bool = False, by_org: bool = False, org_ids: list[int] | None = None,
            within: list[Node] | None = None, check_built: bool = True, fast: bool = True) -> dict:
    """The core: (row_key, org_id|None, indicator_code, period_code) -> Cell, for every target
    node (with reconstruction) and period (cumulative periods combined from quarters).
    ``fast=False`` takes the general path even where the stored cells answer (tests compare both).

    The answer of the same question on the same catalogue and summary rows is read from the cache
    (a new dict of the same cells; callers never mutate a Cell): the national pivot asked again
    costs one statement (the stamps) until a report is approved, returned or edited."""
    slot = None
    key = _result_key(targets, indicators, periods, include_submitted, by_org, org_ids, within, fast) if USE_RESULT_CACHE else None
    if key is None:
        if check_built:
            ensure_built()
    else:
        # the two stamps and ensure_built()'s probe in one round trip (a cached answer costs this
        # only), once a request: the probe is asked for even when not checked, so that every call
        # of the request reads the same columns
        memo, (stamp, *built) = cache.entries_and_once(f"{cache.DATA_STAMP_SQL}, {BUILT_SQL}")
        if check_built and not all(built):
            ensure_built()  # builds the tables (a bulk load without signals): this answer is not kept
            stamp = None
        if stamp is not None:
            slot = memo.get(("results",))
            if slot is None or slot[0] != stamp or len(slot[1]) >= RESULT_CACHE_SIZE:
                slot = memo[("results",)] = (stamp, {})
            hit = slot[1].get(key)
            if hit is not None:
                return dict(hit)
    result = _compute(targets, indicators, periods, include_submitted, by_org, org_ids, within, fast)
    if slot is not None:
        slot[1][key] = result
        return dict(result)
    return result


def _compute(targets, indicators, periods, include_submitted, by_org, org_ids, within, fast) -> dict:
    kinds = scheduled_kinds(indicators)
    base = {p: _base_periods(p, kinds) for p in periods}
    quarters = sorted({q for p in periods for q in base[p]})
    # which stored node answers for which target node in which quarter
    plan: dict[tuple, list] = defaultdict(list)  # (kind, level) -> [(node, quarter)]
    uses: dict[tuple, list] = defaultdict(list)  # (node, quarter) -> [(row_key, weight, reconstructed)]
    qinfo = [(q.code, q.end) for q in quarters]  # Period.end is computed, not stored
    memo = None
    for row_key, node in targets:
        for qcode, qend in qinfo:
            if node.kind == "nation" or node.valid_from <= qend:  # expand()'s own answer, without the call
                uses[node, qcode].append((row_key, ONE, False))
                plan[node.kind, node.level].append((node, qcode))
                continue
            if memo is None:
                memo = cache.entries()  # the successions, read once per node for every quarter
            expansion = expand(node, qend, memo=memo)
            recon = expansion != [(node, ONE)]
            for sub, weight in expansion:
                uses[sub, qcode].append((row_key, ONE if weight == 1 else weight, recon))
                plan[sub.kind, sub.level].append((sub, qcode))
    fetched: dict = {}
    for pairs in plan.values():  # one GROUP BY per (kind, level)
        nodes = list({n for n, _ in pairs})
        qs = sorted({q for _, q in pairs})
        fetched.update(_fetch(nodes, indicators, qs, include_submitted, by_org, org_ids, within))
    if fast and all(len(base[p]) == 1 and base[p][0] == p for p in periods) and all(
            len(us) == 1 and us[0][1] is ONE and not us[0][2] for us in uses.values()):
        return _stored_cells(targets, indicators, periods, by_org, uses, fetched)
    # per quarter: [total, count, approx, over, under] summed over the stored nodes answering for a target
    by_quarter: dict[tuple, list] = {}
    recon_marks: set = set()
    for (sub, qcode), targets_of in uses.items():
        for row_key, weight, recon in targets_of:
            if recon:
                recon_marks.add((row_key, qcode))
    for (sub, org, ind_id, qcode), (total, count, approx, over, under) in fetched.items():
        for row_key, weight, _recon in uses.get((sub, qcode), ()):
            part = total if total is None or weight is ONE else total * weight
            k = (row_key, org, ind_id, qcode)
            acc = by_quarter.get(k)
            if acc is None:
                by_quarter[k] = [ZERO if part is None else ZERO + part, count, approx or 0, over or 0, under or 0]
            else:
                if part is not None:
                    acc[0] += part
                acc[1] += count
                acc[2] += approx or 0
                acc[3] += over or 0
                acc[4] += under or 0
    ind_by_id = {i.pk: i for i in indicators}
    # combine over units (average/none) per quarter, then over time per period
    per_q_value: dict[tuple, Decimal | None] = {}
    for k, acc in by_quarter.items():
        rule = ind_by_id[k[2]].unit_aggregation
        if rule == Indicator.UnitAggregation.AVERAGE:
            per_q_value[k] = acc[0] / acc[1] if acc[1] else None
        elif rule == Indicator.UnitAggregation.NONE:
            per_q_value[k] = acc[0] if acc[1] == 1 else None
        else:
            per_q_value[k] = acc[0]
    groups = {(k[0], k[1]) for k in by_quarter} or set()
    codes = {p: p.code for p in periods}
    single = {p: qs[0].code for p, qs in base.items() if len(qs) == 1}
    time_rule = {ind.pk: rules.TimeAggregation(ind.time_aggregation) for ind in indicators}
    result: dict = {}
    plist = [(codes[p], base[p], single.get(p)) for p in periods]
    ilist = [(ind.pk, ind.code, time_rule[ind.pk]) for ind in indicators]
    for row_key, org in groups | {(rk, None) for rk, _ in targets if not by_org}:
        for ind_pk, ind_code, trule in ilist:
            for pcode, qs, qcode in plist:
                if qcode is not None:  # a stored period: no combining over time (the national pivot's 2,448 cells)
                    k = (row_key, org, ind_pk, qcode)
                    acc = by_quarter.get(k)
                    recon = (row_key, qcode) in recon_marks
                    if acc is None:
                        result[row_key, org, ind_code, pcode] = Cell(None, 0, {}, recon)
                    else:
                        qual = {kind: n for kind, n in zip(QUAL_KINDS, acc[2:], strict=True) if n} if acc[2] or acc[3] or acc[4] else {}
                        result[row_key, org, ind_code, pcode] = Cell(per_q_value[k], acc[1], qual, recon)
                    continue
                keys = [(row_key, org, ind_pk, q.code) for q in qs]
                present = [acc for acc in map(by_quarter.get, keys) if acc]
                # reporters of the latest quarter with figures (matches expected units at the end)
                qual = {}
                for acc in present:
                    for kind, n in zip(QUAL_KINDS, acc[2:], strict=True):
                        if n:
                            qual[kind] = qual.get(kind, 0) + n
                result[row_key, org, ind_code, pcode] = Cell(
                    _combine(trule, qs, [per_q_value.get(k) for k in keys]), present[-1][1] if present else 0, qual,
                    any((row_key, q.code) in recon_marks for q in qs))
    return result

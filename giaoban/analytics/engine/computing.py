"""Computing: the stored periods of a period, combined over time; reconstruction of a node
that did not exist yet from its predecessors; :func:`compute`, the core."""

from __future__ import annotations

import gc
from collections import defaultdict
from contextlib import contextmanager
from itertools import chain, islice, repeat
from decimal import Decimal


from giaoban.analytics import cache
from giaoban.analytics.summary import PACKED_BUILT_SQL, ensure_built
from giaoban.core import aggregation as rules
from giaoban.core.periods import Period
from giaoban.org.models import (Indicator, ReportingSchedule)
from giaoban.analytics.engine.base import FOUR, Cell, Node, ONE, QUAL_KINDS, ZERO, _memoized
from giaoban.analytics.engine.restructuring import expand
from giaoban.analytics.engine.sql import _fetch, _fetch_sql, _packed_sql, _totals_answer, exact_total
from giaoban.org.stamp import read_connection


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


def scheduled_kinds(indicators: list[Indicator] | None = None, entries: dict | None = None) -> frozenset:
    """The kinds of period shorter than a quarter that an active reporting regime asks for
    ('W', 'M'), of ``indicators`` when given; none without regimes, and then quarters are read
    alone, as before regimes. A quarter of indicators no weekly or monthly regime asks for is
    thus one stored period (the fast path) even when the working groups report weekly.
    ``entries``: the catalogue's cache as the caller read it (compute's), else read here."""
    def load():
        out: dict[int | None, set[str]] = defaultdict(set)
        through = ReportingSchedule.indicators.through.objects.filter(reportingschedule__is_active=True).exclude(
            reportingschedule__frequency="Q")
        for frequency, ind_id in through.values_list("reportingschedule__frequency", "indicator_id"):
            out[None].add(frequency)
            out[ind_id].add(frequency)
        return {k: frozenset(v) for k, v in out.items()}
    by_indicator = _memoized(cache.entries() if entries is None else entries, ("scheduled_kinds",), load)
    if indicators is None:
        return by_indicator.get(None, frozenset())
    return frozenset().union(*(by_indicator.get(i.pk, frozenset()) for i in indicators))


@contextmanager
def _gc_paused():
    """The collector held off while one answer's cells are made (thousands of young objects kept
    in the answer): otherwise a run of young collections promotes them and, every few national
    pivots, a full collection walks the whole process inside one of them (issue 21: the pivot's
    p95 of 33 ms against a p50 of 9). The objects are still collected as usual afterwards; another
    thread that pauses meanwhile finds the collector off and leaves it to the first."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


NO_QUAL: dict = {}  # the qualifiers of most cells, one dict for them all (callers never mutate a Cell)

# The cells of each packed row read, kept by the row's own text (exact: a FactPacked row's periods,
# totals and counts are its cells, and its text changes exactly when they do) and the caller's row
# key and indicator code (the cells' keys): the first pivot after an approval makes the cells of the
# few rows the approval rewrote and takes the others' as they were (issue 21). Bounded: past
# PACKED_CELLS_SIZE rows the memo starts over. False: the cells made from every row every time.
USE_PACKED_CELLS = True
PACKED_CELLS_SIZE = 8192  # ~1.8 KB a row of 4 quarters (tracemalloc): ~15 MB a process at most
_packed_memo: dict = {}


def _make_packed(rows: list[tuple]) -> list[dict]:
    """The cells of each (row_key, org, indicator code, periods, totals, ns) row, a dict per row,
    made column by column (the texts joined and split once, keys by zip/repeat, Decimals by map: no
    Python loop per cell but Cell.__init__)."""
    row_keys, o, codes, pers, tots, ns = zip(*rows)
    sizes = [n + 1 for n in map(str.count, pers, repeat(","), repeat(0))]
    each = chain.from_iterable
    keys = zip(each(map(repeat, row_keys, sizes)), each(map(repeat, o, sizes)), each(map(repeat, codes, sizes)),
               ",".join(pers).split(","))
    with _gc_paused():
        pairs = iter(zip(keys, map(Cell, map(Decimal, ",".join(tots).split(",")), map(int, ",".join(ns).split(",")),
                                   repeat(NO_QUAL), repeat(False))))
        return [dict(islice(pairs, n)) for n in sizes]


def _packed_cells(cur, nodes, row_of, indicators, ind_info, codes, include_submitted, org_ids) -> tuple[dict, dict] | None:
    """:func:`_stored_cells`' cells of one level by organization from the packed level (FactPacked:
    a row per node, organization, indicator, year and flags, its periods' totals as text): the
    national pivot reads 612 rows instead of 2,448, and makes the cells of the rows it has not read
    before (the memo above). (cells, row_key -> organizations), or None when FactTotal's rows must
    be added up instead: a period with qualifier counts, an indicator not summed over units, or a
    cell in two rows (other flags); the same cells as the general path (tests compare both)."""
    cur.execute(*_packed_sql(nodes, indicators, sorted({int(c[:4]) for c in codes}), include_submitted, org_ids))
    rows = cur.fetchall()
    if not rows:
        return {}, {}
    k, o, ind, pers, tots, ns, quals = zip(*rows)
    del rows
    if any(quals) or any(ind_info[i][1] for i in set(ind)) or 0 in o:
        return None
    asked = set(codes)
    if not all(asked.issuperset(p.split(",")) for p in set(pers)):  # other periods of a year: FactTotal's path
        return None
    code_of = {i: c for i, (c, _) in ind_info.items()}
    row_keys = list(map(row_of.__getitem__, k))
    keys = list(zip(row_keys, o, map(code_of.__getitem__, ind), pers, tots, ns))
    memo = _packed_memo if USE_PACKED_CELLS else {}
    got = list(map(memo.get, keys))
    if None in got:  # rows not read before, or rewritten since
        new = [key for key, pairs in zip(keys, got) if pairs is None]
        made = iter(_make_packed(new))
        if len(memo) + len(new) > PACKED_CELLS_SIZE:
            memo.clear()
        got = [pairs if pairs is not None else memo.setdefault(key, next(made)) for key, pairs in zip(keys, got)]
    cells: dict = {}
    for part in got:  # each row's dict keeps its keys' hashes: no tuple hashed again
        cells.update(part)
    if len(cells) != sum(map(len, got)):  # a cell in two rows (other flags): FactTotal's path adds them up
        return None
    orgs: dict = defaultdict(set)
    for row_key, org in set(zip(row_keys, o)):
        orgs[row_key].add(org)
    return cells, orgs


def _stored_cells(targets, indicators, periods, include_submitted, by_org, org_ids, within) -> dict:
    """:func:`compute` when every period is stored (quarters, months: nothing to combine over time)
    and every target is answered by its own node in every period (no restructuring, no two targets
    on one node): one cell per group of rows, built while the rows are read, with the same values
    as the general path (tests compare both). The national pivot: 2,448 cells from FactTotal's own
    rows in the order of its covering index (engine.sql._fetch_sql, ``unsummed``), without the
    general path's per-quarter accumulators and (node, quarter) maps (issue 21)."""
    rule_of = {Indicator.UnitAggregation.AVERAGE: 1, Indicator.UnitAggregation.NONE: 2}  # else 0: the sum
    ind_info = {i.pk: (i.code, rule_of.get(i.unit_aggregation, 0)) for i in indicators}
    codes = [p.code for p in periods]
    result: dict = {}
    orgs_of: dict = {}  # row_key -> the organizations with a row (by_org: each gets every cell)
    by_level: dict[tuple, list] = defaultdict(list)
    for row_key, node in targets:
        by_level[node.kind, node.level].append((row_key, node))
    with read_connection().cursor() as cur:
        for pairs in by_level.values():  # one statement per (kind, level)
            nodes = [n for _, n in pairs]
            row_of = {n.id: rk for rk, n in pairs} if nodes[0].column() else {0: pairs[0][0]}  # the nation: 0
            if by_org and _totals_answer(nodes[0].column(), within):
                packed = _packed_cells(cur, nodes, row_of, indicators, ind_info, codes, include_submitted, org_ids)
                if packed is not None:
                    result.update(packed[0])
                    for row_key, orgs in packed[1].items():
                        orgs_of.setdefault(row_key, set()).update(orgs)
                    continue
            # FactTotal's own rows when it answers by organization (one after the other per group),
            # else one row per group (a GROUP BY): a key never comes twice but in a run
            cur.execute(*_fetch_sql(nodes, indicators, codes, include_submitted, by_org, org_ids, within, packed=True))
            with _gc_paused():  # the SQL above with the collector on: it may take long
                last = last_row = seen = ptotal = pcount = pquals = None
                for k, o, ind, per, total, count, quals in cur.fetchall():
                    code, unit_rule = ind_info[ind]
                    row_key, org = row_of[k], o or None
                    if row_key is not last_row:  # rows come node by node
                        seen, last_row = orgs_of.setdefault(row_key, set()), row_key
                    seen.add(org)
                    key = (row_key, org, code, per)
                    if total is not None:  # exact_total() with its usual cases first (as the general path: ZERO + it)
                        if total.__class__ is int:  # SQLite's whole numbers
                            total = Decimal(total).quantize(FOUR)
                        elif total.__class__ is Decimal:  # PostgreSQL's numeric: never -0, ZERO + adds nothing
                            total = total.quantize(FOUR)
                        else:
                            total = ZERO + exact_total(total)
                    if key == last:  # unsummed: the same group's next row (other flags): add up, as SUM() would
                        total = ptotal if total is None else total if ptotal is None else ptotal + total
                        count += pcount
                        quals = " ".join(str(int(x) + int(y)) for x, y in zip((pquals or "0 0 0").split(), (quals or "0 0 0").split(), strict=True))
                    last, ptotal, pcount, pquals = key, total, count, quals
                    value = ZERO if total is None else total
                    if unit_rule:
                        if unit_rule == 1:
                            value = value / count if count else None
                        else:
                            value = value if count == 1 else None
                    if quals is None:
                        qual = NO_QUAL
                    else:
                        qual = {kind: int(n) for kind, n in zip(QUAL_KINDS, quals.split(), strict=True) if n != "0"}
                        qual = qual or NO_QUAL
                    result[key] = Cell(value, count, qual, False)  # one stored period: its own figure
        if not by_org:
            for row_key, _ in targets:
                orgs_of.setdefault(row_key, set()).add(None)
        if len(result) < sum(map(len, orgs_of.values())) * len(ind_info) * len(codes):
            for row_key, orgs in orgs_of.items():  # the cells no row answered: empty, as in the general path
                for org in orgs:
                    for code, _ in ind_info.values():
                        for pcode in codes:
                            if (row_key, org, code, pcode) not in result:
                                result[row_key, org, code, pcode] = Cell(None, 0, NO_QUAL, False)
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
    # the two stamps and the summary's probe in one round trip (a cached answer costs this only),
    # once a request: the probe is asked for even when not checked, so that every call of the
    # request reads the same columns; the catalogue's entries found are the ones the answer is made
    # with (not read again: outside a request, a round trip less)
    memo: dict | None
    memo, (stamp, built) = cache.entries_and_once(f"{cache.DATA_STAMP_SQL}, {PACKED_BUILT_SQL}")
    if check_built and not built:
        ensure_built()  # builds the tables (a bulk load without signals): this answer is not kept
        stamp = memo = None  # and the catalogue's entries read again
    if key is not None and stamp is not None and memo is not None:
        slot = memo.get(("results",))
        if slot is None or slot[0] != stamp or len(slot[1]) >= RESULT_CACHE_SIZE:
            slot = memo[("results",)] = (stamp, {})
        hit = slot[1].get(key)
        if hit is not None:
            return dict(hit)
    result = _compute(targets, indicators, periods, include_submitted, by_org, org_ids, within, fast, memo)
    if slot is not None:
        slot[1][key] = result
        return dict(result)
    return result


def _compute(targets, indicators, periods, include_submitted, by_org, org_ids, within, fast, entries=None) -> dict:
    kinds = scheduled_kinds(indicators, entries)
    base = {p: _base_periods(p, kinds) for p in periods}
    quarters = sorted({q for p in periods for q in base[p]})
    if fast and quarters and indicators and all(len(base[p]) == 1 and base[p][0] == p for p in periods):
        # every target its own node in every period (it existed by the end of the first one: no
        # expand()), no node twice: the stored cells answer (issue 21)
        first_end = quarters[0].end
        if all(node.kind == "nation" or node.valid_from <= first_end for _, node in targets) and len(
                {node for _, node in targets}) == len(targets):
            return _stored_cells(targets, indicators, periods, include_submitted, by_org, org_ids, within)
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
                memo = entries if entries is not None else cache.entries()  # the successions, read once for every node
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

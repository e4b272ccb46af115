"""The aggregation engine: figures for any unit, area subtree or the whole country, any period,
with the project's rules (``giaoban.core.aggregation``) and the work done in SQL.

Public functions (other parts of the project call these; all return plain dataclasses):

* :func:`query` ``(indicator, period, area=None, unit=None, org=None, as_of=None, by=None,
  include_submitted=False, ...) -> list[Row]`` — one indicator (or all, ``by="indicator"``)
  over a period, for an area subtree, a unit subtree or the country, optionally broken down
  ``by`` ``"org" | "area" | "unit" | "period" | "indicator"``. Each :class:`Row` carries the
  value, a qualifier summary, reporting/expected unit counts, the ``reconstructed`` flag, the
  yearly target with % đạt and colour band, and the comparisons with the previous period and
  the same period last year.
* :func:`dashboard` ``(period, area, as_of=None, ...)`` — headline figures per organization,
  progress toward targets, the last 8 quarters, completeness.
* :func:`pivot` ``(rows_dim, cols_dim, filters) -> PivotTable`` — see ``pivot.py``.
* :func:`completeness` ``(period, area=None, ...)`` — expected, submitted, approved reports.
* :func:`resolve_area`, :func:`resolve_unit`, :func:`resolve_indicator`,
  :func:`resolve_org` — a code or an exact Vietnamese name to the object (as of a date).

How a figure is computed
------------------------
1. Stored figures are quarters (and months). A half year, nine months or year is combined
   from its quarters with the indicator's time rule (flows sum, stocks take the last quarter
   that has a figure, rates average): :func:`giaoban.core.aggregation.combine_over_time`.
2. Per quarter, the subtree total is one GROUP BY over the summary table
   (:mod:`giaoban.analytics.models`), counting each unit only under the indicator's
   parent/child rule (default: a unit's own figure counts only when none of its sub-units
   reported: :func:`giaoban.core.aggregation.resolve_parent_children`, applied at every
   level). Units combine with the indicator's unit rule (sum; average; none = a single unit).
3. The tree is the one valid on ``as_of`` (default: the end of the period). When the chosen
   area or unit did not exist yet in a quarter, its figure for that quarter is the sum of its
   predecessors' (times the share for a split), following succession links back through
   several restructurings; such figures are marked ``reconstructed``.
4. Approved reports only, unless ``include_submitted``.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import Q

from giaoban.analytics import cache
from giaoban.analytics.models import NATION_SCOPE, TOTAL_SCOPES, Fact, FactTotal, ReportingLevel
from giaoban.analytics.summary import ensure_built
from giaoban.collection.access import _memberships
from giaoban.collection.models import Report, Target
from giaoban.core import aggregation as rules
from giaoban.core.periods import Period, PeriodError, parse_reachable
from giaoban.org import identity, schedules
from giaoban.org.models import (Area, AreaSuccession, Indicator, Organization, OrganizationVersion, ReportingSchedule, Unit,
                                UnitSuccession)
from giaoban.org.names import name_key

__all__ = [
    "AnalyticsError", "Comparison", "Node", "Row", "completeness", "dashboard", "query",
    "resolve_area", "resolve_indicator", "resolve_org", "resolve_unit", "scope_for_user",
]

T = Fact._meta.db_table
TT = FactTotal._meta.db_table
# Read the second summary level (FactTotal) when the query's shape allows; False: always Fact
# (the tests compare both paths).
USE_TOTALS = True

# The one translation between the Indicator model's stored parent/child rule values (kept as they
# are: data exists) and the rule names of giaoban.core.aggregation (which also names them in the
# plain-Python tests). Every Indicator.ParentChildRule choice must be here (tested).
PARENT_CHILD_RULES = {
    Indicator.ParentChildRule.CHILDREN_ELSE_PARENT: rules.ParentChildRule.CHILDREN_FIRST,  # children's sum, else the parent's own
    Indicator.ParentChildRule.PARENT_ONLY: rules.ParentChildRule.PARENT_FIRST,  # the parent's own, else the children's sum
    Indicator.ParentChildRule.PARENT_PLUS_CHILDREN: rules.ParentChildRule.SUM_ALL,  # both, no overlap by definition
}


def parent_child_rule(indicator: Indicator) -> rules.ParentChildRule:
    """The core rule for an indicator (an unknown stored value is an error, not a silent default)."""
    try:
        return PARENT_CHILD_RULES[indicator.parent_child_rule]
    except KeyError:
        raise AnalyticsError(
            f"Chỉ tiêu '{indicator.code}': quy tắc cấp trên/cấp dưới '{indicator.parent_child_rule}' không hợp lệ.") from None


QUALIFIER_LABELS = {"exact": "", "approx": "khoảng", "over": "hơn", "under": "dưới", "mixed": "có số ước tính"}
FOUR = Decimal("0.0001")
ONE = Decimal(1)


class AnalyticsError(ValueError):
    """A question the engine cannot answer as asked (message in Vietnamese)."""


# --------------------------------------------------------------------------- result types


@dataclass
class Comparison:
    period: str
    value: Decimal | None
    change: Decimal | None
    change_pct: Decimal | None
    reconstructed: bool = False
    reporting_units: int = 0
    expected_units: int = 0
    # like with like: every expected unit is in both figures (else the change is marked, not bare)
    like: bool = True


@dataclass
class Row:
    """One figure. ``key``/``labels`` name the breakdown (e.g. ``{"org": "phunu"}``)."""

    indicator: str
    period: str
    value: Decimal | None
    qualifier: str = "exact"  # exact | approx | over | under | mixed
    qualifiers: dict = field(default_factory=dict)
    reporting_units: int = 0
    expected_units: int = 0
    reconstructed: bool = False
    key: dict = field(default_factory=dict)
    labels: dict = field(default_factory=dict)
    scope: str = ""
    as_of: str = ""
    target: Decimal | None = None
    target_year: Decimal | None = None
    progress_pct: Decimal | None = None
    band: str | None = None
    previous: Comparison | None = None
    same_period_last_year: Comparison | None = None

    def to_dict(self) -> dict:
        def plain(v):
            if isinstance(v, Decimal):
                v = v.quantize(FOUR).normalize()
                return int(v) if v == v.to_integral_value() else float(v)
            if isinstance(v, dict):
                return {k: plain(x) for k, x in v.items()}
            return v
        return plain(asdict(self))


@dataclass(frozen=True)
class Node:
    """A scope: an area subtree, a unit subtree, or the country (kind 'nation')."""

    kind: str
    id: int | None = None
    level: int = 1
    code: str = ""
    label: str = "Toàn quốc"
    valid_from: datetime.date = datetime.date(1900, 1, 1)
    valid_to: datetime.date | None = None

    @classmethod
    def of(cls, obj) -> Node:
        if obj is None:
            return NATION
        kind = "area" if isinstance(obj, Area) else "unit"
        label = obj.full_name if kind == "area" else obj.name
        return cls(kind, obj.pk, obj.level, obj.code, label, obj.valid_from, obj.valid_to)

    def __hash__(self):  # nodes key the engine's dicts: hash the identity, not every field
        return hash((self.kind, self.id))

    def column(self) -> str | None:
        if self.kind == "nation":
            return None
        return f"{'area' if self.kind == 'area' else 'unit'}_l{self.level}"


NATION = Node("nation")


# --------------------------------------------------------------------------- name resolution


def normalize_name(text: str) -> str:
    """NFC, one tone placement ('hoà' → 'hòa', 'Uỷ' → 'Ủy'), single spaces, lower case."""
    return name_key(text)


def _validity(obj) -> str:
    start = obj.valid_from.strftime("%d/%m/%Y") if obj.valid_from.year > 1900 else "trước đây"
    end = obj.valid_to.strftime("%d/%m/%Y") if obj.valid_to else "nay"
    return f"{start} – {end}"


def _pick(kind_vi: str, text: str, candidates: list, on: datetime.date | None):
    if not candidates:
        raise AnalyticsError(f"Không tìm thấy {kind_vi} '{text}' (nhập mã hoặc đúng tên tiếng Việt).")
    valid = [c for c in candidates if on is None or c.is_valid_on(on)]
    if len(valid) == 1:
        return valid[0]
    listing = "; ".join(f"{c} (mã {c.code}, hiệu lực {_validity(c)})" for c in candidates)
    if not valid:
        raise AnalyticsError(
            f"{kind_vi.capitalize()} '{text}' không có hiệu lực vào ngày {on:%d/%m/%Y}. Các phiên bản: {listing}. "
            "Hãy chọn ngày (--as-of) trong thời gian hiệu lực."
        )
    listing = "; ".join(f"{c} (mã {c.code}, hiệu lực {_validity(c)})" for c in valid)
    raise AnalyticsError(f"Tên {kind_vi} '{text}' chưa rõ, có {len(valid)} {kind_vi} trùng tên: {listing}. Hãy dùng mã.")


def resolve_area(text: str | Area, on: datetime.date | None = None) -> Area:
    """An area by code or exact name ('phường Đoàn Kết' or 'Đoàn Kết'), the version valid ``on``."""
    if isinstance(text, Area):
        return text
    text = str(text).strip()
    by_code = list(Area.objects.filter(code=text))
    if by_code:
        return _pick("địa bàn", text, by_code, on)
    wanted = normalize_name(text)
    names = [a for a in Area.objects.all() if wanted in (normalize_name(a.full_name), normalize_name(a.name))]
    return _pick("địa bàn", text, names, on)


def resolve_unit(text: str | Unit, on: datetime.date | None = None) -> Unit:
    if isinstance(text, Unit):
        return text
    text = str(text).strip()
    by_code = list(Unit.objects.filter(code=text))
    if by_code:
        return _pick("đơn vị", text, by_code, on)
    wanted = normalize_name(text)
    names = [u for u in Unit.objects.filter(name__iexact=text)] or [
        u for u in Unit.objects.all() if normalize_name(u.name) == wanted]
    return _pick("đơn vị", text, names, on)


def resolve_indicator(text: str | Indicator) -> Indicator:
    if isinstance(text, Indicator):
        return text
    text = str(text).strip()
    found = Indicator.objects.filter(code=text).first()
    if found:
        return found
    wanted = normalize_name(text)
    matches = [i for i in Indicator.objects.all() if normalize_name(i.name) == wanted]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise AnalyticsError(f"Không tìm thấy chỉ tiêu '{text}' (nhập mã, ví dụ tuyen_truyen_buoi, hoặc đúng tên).")
    listing = "; ".join(f"{i.name} (mã {i.code})" for i in matches)
    raise AnalyticsError(f"Tên chỉ tiêu '{text}' chưa rõ: {listing}. Hãy dùng mã.")


def resolve_org(text: str | Organization | None) -> Organization | None:
    """An organization by code, or by a name it has or had ('Hội Liên hiệp Phụ nữ', 'Hội LHPN')."""
    if text is None or isinstance(text, Organization):
        return text
    text = str(text).strip()
    found = Organization.objects.filter(code=text).first()
    if found:
        return found
    wanted = normalize_name(text)
    for org in Organization.objects.all():
        if wanted in (normalize_name(org.name), normalize_name(org.short_name)):
            return org
    for version in OrganizationVersion.objects.select_related("organization"):
        if wanted in (normalize_name(version.name), normalize_name(version.short_name)):
            return version.organization
    codes = ", ".join([*Organization.objects.values_list("code", flat=True), identity.SYSTEM_CODE])
    raise AnalyticsError(f"Không tìm thấy tổ chức '{text}' (các mã: {codes}).")


def resolve_orgs(text, on: datetime.date) -> list[Organization] | None:
    """The organizations a query is about: None for all of them; one; or the roll-up
    'MTTQ và các tổ chức chính trị - xã hội' (code mttq-ctxh; also 'mttq+' for any organization
    with those under it): the organization and those under it or members of it on ``on``."""
    if text is None or text == "":
        return None
    if isinstance(text, list | tuple):
        return [resolve_org(t) for t in text]
    if isinstance(text, str):
        key = normalize_name(text)
        if key in (identity.SYSTEM_CODE, normalize_name(identity.SYSTEM_NAME)):
            root = Organization.objects.filter(code="mttq").first()
            if root is None:
                raise AnalyticsError("Chưa có tổ chức 'mttq' để tổng hợp MTTQ và các tổ chức chính trị - xã hội.")
        elif key.endswith("+"):
            root = resolve_org(text.strip()[:-1])
        else:
            return [resolve_org(text)]
        ids = identity.family_ids(root, on)
        by_id = Organization.objects.in_bulk(ids)
        return [by_id[i] for i in ids]
    return [resolve_org(text)]


def parse_period(text: str | Period) -> Period:
    try:
        return parse_reachable(text)
    except PeriodError as e:
        raise AnalyticsError(str(e)) from None


def parse_date(text: str | datetime.date | None) -> datetime.date | None:
    if text is None or isinstance(text, datetime.date):
        return text
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(str(text).strip(), fmt).date()
        except ValueError:
            continue
    raise AnalyticsError(f"Ngày không hợp lệ: '{text}' (dùng dạng 2026-01-01 hoặc 01/01/2026).")


# --------------------------------------------------------------------------- restructuring


def expand(node: Node, date: datetime.date, _seen=None) -> list[tuple[Node, Decimal]]:
    """The nodes that stood for ``node`` on ``date``, with weights: itself if it existed,
    otherwise its predecessors (times their share), back through several changes."""
    if node.kind == "nation" or node.valid_from <= date:
        return [(node, Decimal(1))]
    seen = (_seen or set()) | {(node.kind, node.id)}
    model = AreaSuccession if node.kind == "area" else UnitSuccession
    links = model.objects.filter(successor_id=node.id).select_related("predecessor")
    out: list[tuple[Node, Decimal]] = []
    for link in links:
        pred = Node.of(link.predecessor)
        if (pred.kind, pred.id) in seen:
            continue
        for sub, w in expand(pred, date, seen):
            out.append((sub, w * link.share))
    return out


# --------------------------------------------------------------------------- the SQL side


@dataclass(slots=True)
class Cell:
    """One figure of :func:`compute`: total, reporting units, qualifier counts (non-zero only)."""

    total: Decimal | None = Decimal(0)
    count: int = 0
    qual: dict = field(default_factory=dict)
    reconstructed: bool = False


ZERO = Decimal(0)
QUAL_KINDS = ("approx", "over", "under")


def _rule_sql(indicators: list[Indicator], include_submitted: bool, root_level: int) -> tuple[str, list]:
    suffix = "any" if include_submitted else "appr"
    groups: dict = defaultdict(list)
    for ind in indicators:
        groups[parent_child_rule(ind)].append(ind.pk)
    parts, params = [], []
    for rule, ids in groups.items():
        marks = ",".join(["%s"] * len(ids))
        if rule is rules.ParentChildRule.CHILDREN_FIRST:
            parts.append(f"(indicator_id IN ({marks}) AND NOT desc_{suffix})")
        elif rule is rules.ParentChildRule.PARENT_FIRST:
            parts.append(f"(indicator_id IN ({marks}) AND anc_{suffix} < %s)")
            params.extend(ids)
            params.append(root_level)
            continue
        else:
            parts.append(f"(indicator_id IN ({marks}))")
        params.extend(ids)
    return "(" + " OR ".join(parts) + ")", params


def _totals_answer(col: str | None, within) -> bool:
    """FactTotal can answer a GROUP BY on the nation or a level-1/2 ancestor, without an access
    scope (which needs each row's own ancestors)."""
    return USE_TOTALS and within is None and (col is None or col in TOTAL_SCOPES)


def _fetch(nodes: list[Node], indicators: list[Indicator], periods: list[str], include_submitted: bool,
           by_org: bool, org_ids: list[int] | None, within: list[Node] | None) -> dict:
    """(node, org_id|None, indicator_id, period) -> (sum, count, {qualifier: n}) for nodes of one level/kind.

    One GROUP BY: over FactTotal when it can answer (nation or a level-1/2 ancestor, no access
    scope), else over Fact. Both carry the same flag columns, so the filters are the same SQL."""
    if not nodes or not periods or not indicators:
        return {}
    node = nodes[0]
    col = node.column()
    totals = _totals_answer(col, within)
    rule, rule_params = _rule_sql(indicators, include_submitted, node.level)
    where, params = [], []
    if totals:
        where.append("scope = %s")
        params.append(col or NATION_SCOPE)
        if col:
            where.append(f"scope_id IN ({','.join(['%s'] * len(nodes))})")
            params += [n.id for n in nodes]
    elif col:
        where.append(f"{col} IN ({','.join(['%s'] * len(nodes))})")
        params += [n.id for n in nodes]
    where.append(rule)
    params += rule_params
    where.append(f"period IN ({','.join(['%s'] * len(periods))})")
    params += periods
    if not include_submitted:
        where.append("approved" + (" = 1" if connection.vendor == "sqlite" else ""))
    if org_ids:
        where.append(f"org_id IN ({','.join(['%s'] * len(org_ids))})")
        params += org_ids
    if within is not None:
        conds = [f"{w.column()} = %s" for w in within if w.column()]
        if len(conds) < len(within):  # a country-wide grant
            conds = []
        else:
            where.append("(" + " OR ".join(conds) + ")" if conds else "1 = 0")
            params += [w.id for w in within]
    key_col = ("scope_id" if totals else col) if col else None
    group = ", ".join(c for c in (key_col, "org_id" if by_org else None, "indicator_id", "period") if c)
    org = "org_id" if by_org else "0"
    if totals:
        measures = "SUM(total), SUM(n), SUM(n_approx), SUM(n_over), SUM(n_under)"
        table = TT
    else:
        measures = ("SUM(value), COUNT(*), SUM(CASE WHEN qualifier = 1 THEN 1 ELSE 0 END), "
                    "SUM(CASE WHEN qualifier = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN qualifier = 3 THEN 1 ELSE 0 END)")
        table = T
    sql = f"SELECT {key_col or '0'}, {org}, indicator_id, period, {measures} FROM {table} WHERE {' AND '.join(where)} GROUP BY {group}"
    by_id = {n.id: n for n in nodes}
    out = {}
    with connection.cursor() as cur:
        cur.execute(sql, params)
        rows = cur.fetchall()
    for k, o, ind, per, total, count, approx, over, under in rows:
        # values have 4 decimals: a sum has too (SQLite sums them as floats, this drops the noise;
        # PostgreSQL returns Decimals, an int is exact: no detour through str for those)
        if total is not None:
            total = (total if total.__class__ is Decimal else Decimal(total if total.__class__ is int else str(total))).quantize(FOUR)
        out[by_id.get(k) if col else node, o or None, ind, per] = (total, count, approx, over, under)
    return out


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


def compute(targets: list[tuple[object, Node]], indicators: list[Indicator], periods: list[Period],
            include_submitted: bool = False, by_org: bool = False, org_ids: list[int] | None = None,
            within: list[Node] | None = None, check_built: bool = True, fast: bool = True) -> dict:
    """The core: (row_key, org_id|None, indicator_code, period_code) -> Cell, for every target
    node (with reconstruction) and period (cumulative periods combined from quarters).
    ``fast=False`` takes the general path even where the stored cells answer (tests compare both)."""
    if check_built:
        ensure_built()
    kinds = scheduled_kinds(indicators)
    base = {p: _base_periods(p, kinds) for p in periods}
    quarters = sorted({q for p in periods for q in base[p]})
    # which stored node answers for which target node in which quarter
    plan: dict[tuple, list] = defaultdict(list)  # (kind, level) -> [(node, quarter)]
    uses: dict[tuple, list] = defaultdict(list)  # (node, quarter) -> [(row_key, weight, reconstructed)]
    qinfo = [(q.code, q.end) for q in quarters]  # Period.end is computed, not stored
    for row_key, node in targets:
        for qcode, qend in qinfo:
            if node.kind == "nation" or node.valid_from <= qend:  # expand()'s own answer, without the call
                uses[node, qcode].append((row_key, ONE, False))
                plan[node.kind, node.level].append((node, qcode))
                continue
            expansion = expand(node, qend)
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


# --------------------------------------------------------------------------- expected units and targets


def _unit_filter(node: Node) -> Q:
    if node.kind == "area":
        area = Area.objects.only("path").get(pk=node.id)
        return Q(area__path__startswith=area.path)
    if node.kind == "unit":
        unit = Unit.objects.only("path").get(pk=node.id)
        return Q(path__startswith=unit.path)
    return Q()


def _within_filter(within: list[Node] | None) -> Q:
    if within is None:
        return Q()
    q = Q(pk__in=[])
    for w in within:
        q |= _unit_filter(w)
    return q


UNIT_T, AREA_T = Unit._meta.db_table, Area._meta.db_table


def _node_sql(node: Node) -> tuple[str, list]:
    """SQL on ``u`` (a Unit row) for :func:`_unit_filter`: the area subtree by the areas' paths
    (few rows, then the unit's area index), a unit subtree by the unit's path."""
    if node.kind == "area":
        return (f"u.area_id IN (SELECT id FROM {AREA_T} WHERE path LIKE "
                f"(SELECT path FROM {AREA_T} WHERE id = %s) || '%%')"), [node.id]
    if node.kind == "unit":
        return f"u.path LIKE (SELECT path FROM {UNIT_T} WHERE id = %s) || '%%'", [node.id]
    return "", []


def _units_sql(node: Node, date: datetime.date, within: list[Node] | None) -> tuple[str, list]:
    """WHERE on ``u``: units valid on ``date`` in ``node``'s subtree and inside ``within`` (the
    same rows as ``Unit.objects.valid_on(date).filter(_unit_filter(node)).filter(_within_filter(within))``,
    without the ORM's cost on every dashboard). Paths hold digits and slashes only: no LIKE escaping."""
    conds, params = ["u.valid_from <= %s", "(u.valid_to IS NULL OR u.valid_to >= %s)"], [date, date]
    sql, p = _node_sql(node)
    if sql:
        conds.append(sql)
        params += p
    if within is not None:
        parts = []
        for w in within:
            sql, p = _node_sql(w)
            if not sql:  # a country-wide grant
                break
            parts.append(f"({sql})")
            params += p
        else:
            conds.append("(" + " OR ".join(parts) + ")" if parts else "1 = 0")
    return " AND ".join(conds), params


def expected_units(node: Node, date: datetime.date, within=None) -> dict[tuple[int, int], int]:
    """(org_id, level) -> units of the subtree valid on ``date`` (predecessors if it did not exist)."""
    counts: dict = defaultdict(int)
    with connection.cursor() as cur:
        for sub, _w in expand(node, date):
            where, params = _units_sql(sub, date, within)
            cur.execute(f"SELECT u.organization_id, u.level, COUNT(*) FROM {UNIT_T} u WHERE {where} GROUP BY 1, 2", params)
            for org_id, level, n in cur.fetchall():
                counts[org_id, level] += n
    return counts


def reporting_levels(indicator_ids: list[int] | None) -> dict[int, set[int]]:
    """indicator -> the unit levels that reported it (all indicators with None)."""
    qs = ReportingLevel.objects.all() if indicator_ids is None else ReportingLevel.objects.filter(indicator_id__in=indicator_ids)
    out = defaultdict(set)
    for ind_id, level in qs.values_list("indicator_id", "level"):
        out[ind_id].add(level)
    return out


# --------------------------------------------------------------------------- cached lookups
# (giaoban.analytics.cache: valid until a watched table changes; callers never mutate the values)


def _memoized(memo: dict, key: tuple, compute_value):
    try:
        return memo[key]
    except KeyError:
        value = memo[key] = compute_value()
        return value


def _links(memo: dict) -> dict[int, frozenset[int]]:
    """indicator -> the organizations that report it (the whole catalogue, one query)."""
    def load():
        out = defaultdict(set)
        for ind_id, org_id in Indicator.organizations.through.objects.values_list("indicator_id", "organization_id"):
            out[ind_id].add(org_id)
        return {k: frozenset(v) for k, v in out.items()}
    return _memoized(memo, ("links",), load)


def _orgs(memo: dict) -> dict[int, Organization]:
    return _memoized(memo, ("orgs",), lambda: {o.pk: o for o in Organization.objects.order_by("sort_order", "code")})


def _top_units(node: Node, year: int):
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if node.kind == "unit":
        return list(Unit.objects.filter(pk=node.id))
    qs = Unit.objects.overlapping(start, end)
    if node.kind == "area":
        return list(qs.filter(area_id=node.id))
    return list(qs.filter(parent__isnull=True))


def yearly_targets(node: Node, indicators: list[Indicator], year: int, org_ids=None, by_org=False,
                   within=None) -> dict[tuple[int | None, int], Decimal]:
    """(org_id|None, indicator_id) -> the yearly target of the subtree: the target set at its top
    (the province's own target for the province); where a top unit has none, the sum of its
    sub-units' targets, level by level (never both, so nothing is counted twice)."""
    out: dict = defaultdict(Decimal)
    ind_ids = [i.pk for i in indicators]
    tops = _top_units(node, year)  # the same top units for every indicator: one query
    frontier = {ind: list(tops) for ind in ind_ids}
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    allowed = None
    if within is not None:
        allowed = set(Unit.objects.filter(_within_filter(within)).values_list("pk", flat=True))
    for _depth in range(4):
        units = {u.pk: u for us in frontier.values() for u in us}
        if not units:
            break
        found = {}
        for unit_id, ind_id, value in (
            Target.objects.filter(unit_id__in=list(units), indicator_id__in=ind_ids, year=year)
            .values_list("unit_id", "indicator_id", "value")
        ):
            found[unit_id, ind_id] = value
        missing_parents: dict[int, list[int]] = defaultdict(list)
        for ind_id, us in frontier.items():
            for u in us:
                if org_ids and u.organization_id not in org_ids:
                    continue
                if allowed is not None and u.pk not in allowed:
                    continue
                v = found.get((u.pk, ind_id))
                if v is not None:
                    out[u.organization_id if by_org else None, ind_id] += v
                else:
                    missing_parents[u.pk].append(ind_id)
        if not missing_parents:
            break
        children = defaultdict(list)
        for child in Unit.objects.overlapping(start, end).filter(parent_id__in=list(missing_parents)):
            children[child.parent_id].append(child)
        frontier = defaultdict(list)
        for parent_id, ind_list in missing_parents.items():
            for ind_id in ind_list:
                frontier[ind_id].extend(children.get(parent_id, []))
    return dict(out)


# --------------------------------------------------------------------------- query


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
                                       lambda: expected_units(tnode, exp_date, within))
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
                                                  lambda: expected_units(tnode, cp_end, within))
                            cp_expected = sum(n for (o, level), n in cp_counts.items() if o in want_orgs and level in lv)
                            cp_count = c.count if c else 0
                            like = row.reporting_units >= expected and cp_count >= cp_expected
                            setattr(row, attr, Comparison(cp.code, v, _dec(diff), _dec(pct), bool(c and c.reconstructed),
                                                          cp_count, cp_expected, like))
                    rows.append(row)
    return rows


# --------------------------------------------------------------------------- completeness, dashboard


def completeness(period, area=None, as_of=None, org=None, within: list[Node] | None = None) -> list[dict]:
    """Per organization: units expected to report (valid at the end of the period, in the
    subtree), and their reports by status. A cumulative period is judged by its last quarter."""
    period = parse_period(period)
    stored = _base_periods(period)[-1]
    as_of = parse_date(as_of) or period.end
    node = Node.of(resolve_area(area, as_of) if area is not None else None)
    selected = resolve_orgs(org, as_of)
    where, params = _units_sql(node, stored.end, within)
    if selected:
        where += f" AND u.organization_id IN ({','.join(['%s'] * len(selected))})"
        params += [o.pk for o in selected]
    # the units whose reporting regime asks for this kind of period
    due, due_params = schedules.expected_sql(stored.kind, "u", _memoized(cache.entries(), ("schedule_rules",), schedules.rules))
    if due:
        where += f" AND {due}"
        params += due_params
    by_status: dict = defaultdict(lambda: defaultdict(int))
    with connection.cursor() as cur:  # raw SQL: the same rows as the ORM's, a fraction of its cost per dashboard
        memo = cache.entries()

        def count_units():
            cur.execute(f"SELECT u.organization_id, COUNT(*) FROM {UNIT_T} u WHERE {where} GROUP BY 1", params)
            return dict(cur.fetchall())

        expected = _memoized(memo, ("units_by_org", node, stored.end, stored.kind, tuple(within) if within is not None else None,
                                    tuple(o.pk for o in selected or ())), count_units)
        if connection.vendor == "postgresql" and node.kind != "nation":
            # a subtree: each unit's report by the (unit_id, period) unique index; the plain join lets
            # PostgreSQL pick the unit_id index and filter every period of the unit (3x slower at 10 M)
            cur.execute(f"SELECT u.organization_id, r.status, COUNT(*) FROM {UNIT_T} u CROSS JOIN LATERAL "
                        f"(SELECT status FROM {Report._meta.db_table} r WHERE r.unit_id = u.id AND r.period = %s "
                        f"ORDER BY r.unit_id, r.period LIMIT 1) r WHERE {where} GROUP BY 1, 2", [stored.code, *params])
        else:
            cur.execute(f"SELECT u.organization_id, r.status, COUNT(*) FROM {Report._meta.db_table} r "
                        f"JOIN {UNIT_T} u ON u.id = r.unit_id WHERE r.period = %s AND {where} GROUP BY 1, 2",
                        [stored.code, *params])
        for org_id, status, n in cur.fetchall():
            by_status[org_id][status] += n
    rows = []
    names = _memoized(memo, ("orgs_on", stored.end), lambda: identity.organizations_as_of(stored.end))
    for o in [names[o.pk] for o in _orgs(memo).values() if o.pk in expected]:  # sort_order, code
        s = by_status[o.id]
        exp = expected[o.id]
        sent = s["submitted"] + s["approved"] + s["locked"]
        approved = s["approved"] + s["locked"]
        rows.append({
            "org": o.code, "label": o.short_name, "period": stored.code, "expected": exp,
            "draft": s["draft"], "returned": s["returned"], "submitted": s["submitted"], "approved": approved,
            "missing": exp - sent - s["draft"] - s["returned"], "sent": sent,
            "sent_pct": _dec(Decimal(sent * 100) / exp) if exp else None,
            "approved_pct": _dec(Decimal(approved * 100) / exp) if exp else None,
        })
    return rows


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
            counts = _memoized(memo, ("expected", node, q_end, within_key), lambda: expected_units(node, q_end, within))
            expected = sum(n for (o, level), n in counts.items() if o in links.get(ind.pk, ()) and level in levels.get(ind.pk, ()))
            coverage.append((c.count if c else 0, expected))  # a bar that drops because units are missing says so
        trends.append({"indicator": ind, "points": points, "coverage": coverage})
    return {
        "period": period, "as_of": as_of, "node": node, "organizations": organizations, "trends": trends,
        "completeness": completeness(period, area_obj, as_of, within=within),
        "reconstructed": any(r.reconstructed for r in rows),
    }


def scope_for_user(user) -> tuple[list[Node] | None, list[Area]]:
    """(within, areas): the subtrees a user may see (None: everything) and the areas they may
    open. A membership grants its unit's subtree; the province MTTQ sees every organization in
    its area (giaoban.collection.access)."""
    if getattr(user, "is_superuser", False):
        return None, []
    within, areas = [], []
    for m in _memberships(user):
        unit = m.unit
        if unit.organization.code == "mttq" and unit.level == Unit.Level.PROVINCE and unit.area_id:
            within.append(Node.of(unit.area))
        else:
            within.append(Node.of(unit))
        if unit.area_id:
            areas.append(unit.area)
    return within, areas

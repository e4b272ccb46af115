"""The SQL side: one GROUP BY over the summary tables per level (figures), and the expected
units of a subtree (completeness, reporting levels)."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db import connection
from django.db.models import Q

from giaoban.analytics.models import NATION_SCOPE, TOTAL_SCOPES, Fact, FactPacked, FactTotal, ReportingLevel
from giaoban.analytics.summary import exact_total  # noqa: F401  (the engine's reading of a stored total)
from giaoban.core import aggregation as rules
from giaoban.org.models import (Area, Indicator, Unit)
from giaoban.org.stamp import read_connection
from giaoban.analytics.engine.base import Node, parent_child_rule
from giaoban.analytics.engine.restructuring import expand


T = Fact._meta.db_table
TT = FactTotal._meta.db_table
PT = FactPacked._meta.db_table
# Read the second summary level (FactTotal) when the query's shape allows; False: always Fact
# (the tests compare both paths).
USE_TOTALS = True


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


def _approved_and_orgs(where: list[str], params: list, include_submitted: bool, org_ids: list[int] | None) -> None:
    """The filters every statement over the facts ends with (Fact, FactTotal and FactPacked carry the same
    columns): approved values only unless ``include_submitted``, and the organizations asked for."""
    if not include_submitted:
        where.append("approved" + (" = 1" if connection.vendor == "sqlite" else ""))
    if org_ids:
        where.append(f"org_id IN ({','.join(['%s'] * len(org_ids))})")
        params += org_ids


def _fetch_sql(nodes: list[Node], indicators: list[Indicator], periods: list[str], include_submitted: bool,
               by_org: bool, org_ids: list[int] | None, within: list[Node] | None,
               packed: bool = False) -> tuple[str, list]:
    """The statement of :func:`_fetch` for nodes of one level/kind (``nodes``, ``periods`` and
    ``indicators`` not empty): rows of (node id or 0, org_id or 0, indicator_id, period, sum,
    count, approx, over, under), one per group.

    One GROUP BY: over FactTotal when it can answer (nation or a level-1/2 ancestor, no access
    scope), else over Fact. Both carry the same flag columns, so the filters are the same SQL.

    ``packed`` (the engine's fast path, computing._stored_cells): the three qualifier counts as
    one column, NULL when all are 0 (nearly always: a value less to read per row), else
    'approx over under'; and by organization over FactTotal, its own rows instead of their sums,
    ordered by the group so that the rows of one group (differing in their flags only: rare) come
    one after the other for the caller to add up. SQLite reads those from the covering index
    fact_total_read in its order, with no sort, no lookup of each table row and no aggregates
    (issue 21: the national pivot's statement at 1 M values 4.2 -> 2.2 ms of CPU)."""
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
    unsummed = packed and totals and by_org
    if unsummed and connection.vendor == "postgresql":
        # PostgreSQL (15) descends a B-tree once per combination of the IN lists of its columns: FactTotal's
        # own rows by organization (the national pivot: 34 nodes x 12 quarters x 3 year partitions = 1,224
        # descents, 3,742 pages for 2,448 rows) are read with the list of periods as a filter instead
        # (an expression: no index condition), one descent per node (380 pages); the range keeps the
        # partitions pruned (by period) and bounds each node's scan
        where.append("period BETWEEN %s AND %s")
        params += [min(periods), max(periods)]
        where.append(f"(period || '') IN ({','.join(['%s'] * len(periods))})")
    else:
        where.append(f"period IN ({','.join(['%s'] * len(periods))})")
    params += periods
    _approved_and_orgs(where, params, include_submitted, org_ids)
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
    where_sql = " AND ".join(where)
    if totals:
        measures = ["SUM(total)", "SUM(n)", "SUM(n_approx)", "SUM(n_over)", "SUM(n_under)"]
        table = TT
    else:
        measures = ["SUM(value)", "COUNT(*)", "SUM(CASE WHEN qualifier = 1 THEN 1 ELSE 0 END)",
                    "SUM(CASE WHEN qualifier = 2 THEN 1 ELSE 0 END)", "SUM(CASE WHEN qualifier = 3 THEN 1 ELSE 0 END)"]
        table = T
    tail = f"GROUP BY {group}"
    if packed:
        if unsummed:  # FactTotal's own rows, in its covering index's order
            measures = ["total", "n", "n_approx", "n_over", "n_under"]
            tail = "ORDER BY " + ", ".join(c for c in (key_col, "indicator_id", "period", "org_id") if c)
        text = "TEXT" if connection.vendor == "sqlite" else "varchar"
        a, o, u = measures[2:]
        measures[2:] = [f"CASE WHEN {a} = 0 AND {o} = 0 AND {u} = 0 THEN NULL "
                        f"ELSE CAST({a} AS {text}) || ' ' || CAST({o} AS {text}) || ' ' || CAST({u} AS {text}) END"]
    return f"SELECT {key_col or '0'}, {org}, indicator_id, period, {', '.join(measures)} FROM {table} WHERE {where_sql} {tail}", params


def _packed_sql(nodes: list[Node], indicators: list[Indicator], years: list[int], include_submitted: bool,
                org_ids: list[int] | None) -> tuple[str, list]:
    """The statement of the engine's fast path by organization on the packed level (FactPacked):
    rows of (node id or 0, org_id, indicator_id, periods, totals, ns, quals) of ``years``, with the
    same filters as :func:`_fetch_sql` over FactTotal (the flags are the same columns)."""
    node = nodes[0]
    col = node.column()
    rule, rule_params = _rule_sql(indicators, include_submitted, node.level)
    where, params = ["scope = %s"], [col or NATION_SCOPE]
    if col:
        where.append(f"scope_id IN ({','.join(['%s'] * len(nodes))})")
        params += [n.id for n in nodes]
    where.append(rule)
    params += rule_params
    if connection.vendor == "postgresql":
        # one descent of fact_packed_key_uniq per node, not one per node and year (year comes after
        # org_id in the key; as with FactTotal's periods in _fetch_sql): the years as a filter, the
        # range bounding each node's scan (the national pivot at 1 M values: 401 -> 148 buffers)
        where.append("year BETWEEN %s AND %s")
        params += [min(years), max(years)]
        where.append(f"(year + 0) IN ({','.join(['%s'] * len(years))})")
    else:
        where.append(f"year IN ({','.join(['%s'] * len(years))})")
    params += years
    _approved_and_orgs(where, params, include_submitted, org_ids)
    return (f"SELECT {'scope_id' if col else '0'}, org_id, indicator_id, periods, totals, ns, quals FROM {PT} "
            f"WHERE {' AND '.join(where)}"), params


def _fetch(nodes: list[Node], indicators: list[Indicator], periods: list[str], include_submitted: bool,
           by_org: bool, org_ids: list[int] | None, within: list[Node] | None) -> dict:
    """(node, org_id|None, indicator_id, period) -> (sum, count, approx, over, under) for nodes of
    one level/kind: one GROUP BY (:func:`_fetch_sql`)."""
    if not nodes or not periods or not indicators:
        return {}
    sql, params = _fetch_sql(nodes, indicators, periods, include_submitted, by_org, org_ids, within)
    node = nodes[0]
    by_id = {n.id: n for n in nodes} if node.column() else None
    out = {}
    with read_connection().cursor() as cur:
        cur.execute(sql, params)
        rows = cur.fetchall()
    for k, o, ind, per, total, count, approx, over, under in rows:
        out[by_id.get(k) if by_id is not None else node, o or None, ind, per] = (
            None if total is None else exact_total(total), count, approx, over, under)
    return out




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


def expected_units(node: Node, date: datetime.date, within=None, memo: dict | None = None) -> dict[tuple[int, int], int]:
    """(org_id, level) -> units of the subtree valid on ``date`` (predecessors if it did not exist;
    ``memo``: the engine's cache, which keeps the successions)."""
    counts: dict = defaultdict(int)
    with read_connection().cursor() as cur:
        for sub, _w in expand(node, date, memo=memo):
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

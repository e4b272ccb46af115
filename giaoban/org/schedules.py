"""Reporting regimes (ReportingSchedule) applied: which units owe a report for a period, which
indicators their form has, and by when.

A unit whose (organization, level) no active schedule names keeps the rule from before
schedules: every indicator of its organization, owed by quarter (a month may be entered, it is
not expected), never by week.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Exists, Q

from giaoban.core.periods import Period
from giaoban.org import stamp
from giaoban.org.models import Indicator, ReportingSchedule, Unit

# A week's report is due the day after it ends unless a schedule says otherwise (Monday).
WEEK_DEADLINE_DAYS = 1


@dataclass(frozen=True)
class Rule:
    org_id: int | None
    level: int
    frequency: str
    deadline_days: int | None
    schedule_id: int


def rules() -> list[Rule]:
    """The active schedules: one query, then kept until a regime changes (giaoban.org.stamp; the
    pages asked for them once per list of deadlines). The list is shared: never change it."""
    cached = stamp.entries()
    if ("schedule_rules",) not in cached:
        cached[("schedule_rules",)] = [Rule(o, lv, f, d, pk) for pk, o, lv, f, d in ReportingSchedule.objects.filter(
            is_active=True).values_list("pk", "organization_id", "unit_level", "frequency", "deadline_days")]
    return cached[("schedule_rules",)]


def _matches(rule: Rule, org_id: int, level: int) -> bool:
    return rule.level == level and (rule.org_id is None or rule.org_id == org_id)


def applies(unit: Unit, kind: str, all_rules: list[Rule] | None = None) -> bool:
    """True when ``unit`` owes a report for periods of ``kind`` (W, M or Q)."""
    if all_rules is None:
        frequencies = {f for f, _ in _unit_links(unit)}
    else:
        frequencies = {r.frequency for r in all_rules if _matches(r, unit.organization_id, unit.level)}
    if not frequencies:
        return kind == "Q"
    return kind in frequencies


def expected_q(kind: str, all_rules: list[Rule] | None = None) -> Q:
    """A filter on Unit for the units that owe a report for a period of ``kind``."""
    all_rules = rules() if all_rules is None else all_rules

    def pair(r: Rule) -> Q:
        return Q(level=r.level) if r.org_id is None else Q(level=r.level, organization_id=r.org_id)

    scheduled = Q(pk__in=[])
    for r in all_rules:
        if r.frequency == kind:
            scheduled |= pair(r)
    if kind != "Q":
        return scheduled
    any_schedule = Q(pk__in=[])
    for r in all_rules:
        any_schedule |= pair(r)
    return scheduled | ~any_schedule


def expected_sql(kind: str, alias: str = "u", all_rules: list[Rule] | None = None) -> tuple[str, list]:
    """:func:`expected_q` as SQL on a Unit row named ``alias`` ("" when no schedule exists)."""
    all_rules = rules() if all_rules is None else all_rules
    if not all_rules:
        return ("", []) if kind == "Q" else ("1 = 0", [])

    def pair(r: Rule) -> tuple[str, list]:
        if r.org_id is None:
            return f"{alias}.level = %s", [r.level]
        return f"({alias}.level = %s AND {alias}.organization_id = %s)", [r.level, r.org_id]

    parts, params = [], []
    for r in all_rules:
        if r.frequency == kind:
            sql, p = pair(r)
            parts.append(sql)
            params += p
    scheduled = "(" + " OR ".join(parts) + ")" if parts else "1 = 0"
    if kind != "Q":
        return scheduled, params
    others, other_params = [], []
    for r in all_rules:
        sql, p = pair(r)
        others.append(sql)
        other_params += p
    return f"({scheduled} OR NOT ({' OR '.join(others)}))", params + other_params


def _unit_links(unit: Unit) -> list[tuple[str, int | None]]:
    """[(frequency, indicator id or None)] of the active regimes naming ``unit``: one query per
    (organization, level) until a regime changes (giaoban.org.stamp), kept on the unit object (a
    request asks several times for the same unit's form)."""
    cached = getattr(unit, "_giaoban_regimes", None)
    if cached is None:
        shared = stamp.entries()
        key = ("unit_regimes", unit.organization_id, unit.level)
        if key not in shared:
            schedules = ReportingSchedule.objects.filter(is_active=True, unit_level=unit.level).filter(
                Q(organization__isnull=True) | Q(organization_id=unit.organization_id))
            shared[key] = [(f, i) for f, i in schedules.values_list("frequency", "indicators__id")]
        cached = unit._giaoban_regimes = shared[key]
    return cached


def indicator_ids(unit: Unit, kind: str | None = None) -> list[int] | None:
    """Ids of the indicators ``unit``'s regimes ask for (periods of ``kind``; every kind with
    None); None when no regime names the unit."""
    links = _unit_links(unit)
    if not links:
        return None
    return sorted({i for f, i in links if i is not None and kind in (None, f)})


def form_filter(unit: Unit, kind: str | None = None) -> Q:
    """A filter on Indicator for ``unit``'s form, inside the one query that reads the form: its
    regimes' indicators (for periods of ``kind``; any kind with None) when a regime names the
    unit, else every indicator of its organization."""
    mine = ReportingSchedule.objects.filter(is_active=True, unit_level=unit.level).filter(
        Q(organization__isnull=True) | Q(organization_id=unit.organization_id))
    wanted = mine if kind is None else mine.filter(frequency=kind)
    through = ReportingSchedule.indicators.through.objects.filter(reportingschedule__in=wanted.values("pk"))
    return (Q(Exists(mine), pk__in=through.values("indicator_id"))
            | Q(~Exists(mine), organizations=unit.organization_id))


def indicators_for(unit: Unit, kind: str) -> list[Indicator] | None:
    """The indicators of ``unit``'s form for a period of ``kind`` by its schedules; None when no
    schedule names the unit (then its organization's whole list, by quarter or month)."""
    mine = [r for r in rules() if _matches(r, unit.organization_id, unit.level)]
    if not mine:
        return None
    ids = [r.schedule_id for r in mine if r.frequency == kind]
    return list(Indicator.objects.filter(is_active=True, schedules__in=ids).distinct().order_by("sort_order", "code"))


def deadline_for(unit: Unit, period: Period, all_rules: list[Rule] | None = None) -> datetime.date | None:
    """The deadline a schedule sets for ``unit``'s report of ``period``; None: the default one."""
    for r in rules() if all_rules is None else all_rules:
        if _matches(r, unit.organization_id, unit.level) and r.frequency == period.kind:
            if r.deadline_days is not None:
                return period.end + datetime.timedelta(days=r.deadline_days)
            break
    if period.kind == "W":
        return period.end + datetime.timedelta(days=WEEK_DEADLINE_DAYS)
    return None

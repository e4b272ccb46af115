"""Deadlines and completeness: who has sent the period's report, on time or late, and who not.

A unit is expected to report for a period when it exists on the period's last day. Its state:
- missing:  no report, or a draft / returned report (nothing is with the parent now);
- on time / late: sent (submitted, approved or locked), by the deadline or after it;
- approved: approved or locked (also counted as on time or late).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from giaoban.collection.models import Deadline, Report
from giaoban.core.periods import Period, parse_reachable
from giaoban.org import schedules, stamp
from giaoban.org.compiled import Statement
from giaoban.org.models import Area, Organization, Unit

SENT = (Report.Status.SUBMITTED, Report.Status.APPROVED, Report.Status.LOCKED)
APPROVED = (Report.Status.APPROVED, Report.Status.LOCKED)


class Deadlines:
    """deadline(organization_id) for one period: an admin override, else the period's default."""

    def __init__(self, period: Period, overrides: dict | None = None, rules: list | None = None):
        self.period = period
        self.default = period.deadline()
        if overrides is None:
            overrides = _overrides([period.code])[period.code]
        self.overrides = overrides
        self.by_regime: dict = {}
        self.rules = [] if rules is None else rules

    @classmethod
    def for_periods(cls, periods) -> dict[str, Deadlines]:
        """{period code: Deadlines} for several periods in one query (pages list many units × periods)."""
        periods = {p.code: p for p in (Period.parse(p) for p in periods)}
        overrides = _overrides(list(periods))
        rules: list = []  # shared: the reporting regimes are read once, when a unit first needs them
        return {code: cls(p, overrides[code], rules) for code, p in periods.items()}

    def for_org(self, organization_id) -> datetime.date:
        if organization_id in self.overrides:
            return self.overrides[organization_id]
        return self.overrides.get(None, self.default)

    def for_unit(self, unit: Unit) -> datetime.date:
        """An admin override, else the unit's reporting regime's, else the period's default."""
        if unit.organization_id in self.overrides or None in self.overrides:
            return self.for_org(unit.organization_id)
        key = (unit.organization_id, unit.level)
        if key not in self.by_regime:
            if not self.rules:
                self.rules.append(schedules.rules())
            self.by_regime[key] = schedules.deadline_for(unit, self.period, self.rules[0]) or self.default
        return self.by_regime[key]


def _overrides(codes: list[str]) -> dict[str, dict]:
    """{period code: {organization id or None: due date}}: the administrators' deadlines, one query
    for the periods not read yet, then kept until a deadline changes (giaoban.org.stamp: collection
    watches the table). The dicts are shared: read them, never change them."""
    kept = stamp.entries().setdefault(("deadlines",), {})
    missing = [code for code in codes if code not in kept]
    if missing:
        found: dict[str, dict] = {code: {} for code in missing}
        for period, org_id, due in Deadline.objects.filter(period__in=missing).values_list("period", "organization_id", "due_date"):
            found[period][org_id] = due
        if len(kept) < 10_000:  # periods asked for, a few per page
            kept.update(found)
        return {code: found[code] if code in found else kept[code] for code in codes}
    return {code: kept[code] for code in codes}


def deadline_for(unit: Unit, period: Period | str) -> datetime.date:
    return Deadlines(Period.parse(period)).for_unit(unit)


# What each state on the colour scale is called on the pages (an approved report sent late says so too).
_STATE_LABELS = {"approved": "Đã duyệt", "submitted": "Đã gửi đúng hạn", "late": "Gửi muộn", "returned": "Bị trả lại",
                 "overdue": "Quá hạn, chưa gửi", "missing": "Chưa gửi"}


@dataclass
class UnitState:
    """A unit's state for a period. Worked out once when made (the tallies, the label and the
    colour each ask several times per unit, on pages of hundreds): the report is not changed after."""

    unit: Unit
    report: Report | None
    deadline: datetime.date
    today: datetime.date | None = field(default=None, repr=False, compare=False)  # given when making many
    sent: bool = field(init=False, repr=False, compare=False)
    missing: bool = field(init=False, repr=False, compare=False)
    approved: bool = field(init=False, repr=False, compare=False)
    on_time: bool = field(init=False, repr=False, compare=False)
    late: bool = field(init=False, repr=False, compare=False)
    overdue: bool = field(init=False, repr=False, compare=False)
    css: str = field(init=False, repr=False, compare=False)
    label: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        report = self.report
        status = report.status if report is not None else None
        self.sent = sent = status in SENT
        self.missing = not sent
        self.approved = status in APPROVED
        self.on_time = sent and report.submitted_at is not None and (
            timezone.localtime(report.submitted_at).date() <= self.deadline)
        self.late = sent and not self.on_time
        self.overdue = not sent and (self.today or timezone.localdate()) > self.deadline
        # one colour scale on every page (site.css): green approved, blue sent on time, amber
        # sent late, yellow not sent yet, red returned or overdue
        if self.approved:
            self.css = "approved"
        elif sent:
            self.css = "submitted" if self.on_time else "late"
        elif status == Report.Status.RETURNED:
            self.css = "returned"
        else:
            self.css = "overdue" if self.overdue else "missing"
        self.label = _STATE_LABELS[self.css] + (" (nộp muộn)" if self.approved and self.late else "")


@dataclass
class Tally:
    key: str
    label: str
    expected: int = 0
    on_time: int = 0
    late: int = 0
    missing: int = 0
    approved: int = 0
    states: list = field(default_factory=list, repr=False)

    def add(self, s: UnitState) -> None:
        self.expected += 1
        self.on_time += s.on_time
        self.late += s.late
        self.missing += s.missing
        self.approved += s.approved

    @property
    def sent(self) -> int:
        return self.on_time + self.late

    def share(self, n: int) -> float | None:
        return None if not self.expected else round(100 * n / self.expected, 1)

    @property
    def sent_pct(self):
        return self.share(self.sent)

    @property
    def approved_pct(self):
        return self.share(self.approved)

    def as_dict(self) -> dict:
        return {"key": self.key, "label": self.label, "expected": self.expected, "on_time": self.on_time, "late": self.late,
                "missing": self.missing, "approved": self.approved, "sent_pct": self.sent_pct, "approved_pct": self.approved_pct}


def expected_units(units_qs, period: Period):
    """The units that owe a report for ``period``: valid at its end, and asked for this kind of
    period by their reporting regime (weekly working groups, monthly communes...)."""
    return units_qs.valid_on(period.end).filter(schedules.expected_q(period.kind)).select_related("organization", "area")


def expected_unit_list(units_qs, period: Period) -> list[Unit]:
    """The units of ``units_qs`` that owe a report for ``period``, as model objects whose
    organization and area are the shared ones of the stamp cache (a page of 800 units made 2,400
    objects)."""
    units = list(units_qs.valid_on(period.end).filter(schedules.expected_q(period.kind)))
    orgs = _organizations()
    areas = areas_by_id({u.area_id for u in units if u.area_id})
    org_field, area_field = Unit.organization.field, Unit.area.field
    for u in units:
        org_field.set_cached_value(u, orgs[u.organization_id])
        area_field.set_cached_value(u, areas.get(u.area_id) if u.area_id else None)
    return units


# compiled once per number of units (giaoban.org.compiled): the pages' own report reads.
# A state needs the status and the sending time, not the report's texts; a dict, so no ordering
# (the model's joined two tables).
_PERIOD_REPORTS = Statement(Report, lambda code, unit_ids: Report.objects.filter(period=code, unit_id__in=unit_ids).only(
    "id", "unit_id", "period", "status", "submitted_at").order_by())
# the returned reports keep the model's order (the reports' own query's, as the pages list them)
_UNIT_REPORTS = Statement(Report, lambda codes, unit_ids: Report.objects.filter(
    Q(period__in=codes) | Q(status=Report.Status.RETURNED), unit_id__in=unit_ids).only(
    "id", "unit_id", "period", "status", "submitted_at", "returned_reason"))


def unit_states(units_qs, period: Period, units: list[Unit] | None = None) -> list[UnitState]:
    """Each expected unit's state; ``units``: expected_unit_list(units_qs, period) when the caller
    has it already (the completeness page keeps it under the stamp)."""
    if units is None:
        units = expected_unit_list(units_qs, period)
    reports = {r.unit_id: r for r in _PERIOD_REPORTS(period.code, [u.pk for u in units])}
    deadlines = Deadlines(period)
    today = timezone.localdate()
    return [UnitState(u, reports.get(u.pk), deadlines.for_unit(u), today) for u in units]


def unit_reports(units: list[Unit], codes: list[str]) -> tuple[dict, list[Report]]:
    """({(unit id, period code): report} for these periods, the units' returned reports of any
    period in the order of the reports' own query) in one query, not two: the home page and 'my
    reports' show both. Read without the reports' texts but the reason for a return; a returned
    report's unit is the caller's object."""
    by_id = {u.pk: u for u in units}
    reports: dict = {}
    returned = []
    for r in _UNIT_REPORTS(list(codes), [u.pk for u in units]):
        if r.period in codes:
            reports[(r.unit_id, r.period)] = r
        if r.status == Report.Status.RETURNED:
            Report.unit.field.set_cached_value(r, by_id[r.unit_id])
            returned.append(r)
    return reports, returned


def _organizations() -> dict:
    """Every organization by id, kept until one changes (giaoban.org.stamp). Shared: read only."""
    return stamp.remembered("organizations", None, lambda: {o.pk: o for o in Organization.objects.all()}, 1)


def areas_by_id(ids) -> dict[int, Area]:
    """The areas with these ids and their ancestors, read once (one or two queries for the ones not
    kept yet) and kept until an area changes (giaoban.org.stamp). Shared: read only."""
    kept = stamp.entries().setdefault(("areas",), {})
    wanted = set(ids)
    for _ in range(2):  # the areas, then the ancestors their paths name
        missing = [i for i in wanted if i not in kept]
        if missing:
            found = {a.pk: a for a in Area.objects.filter(pk__in=missing)}
            if len(kept) < 100_000:  # every area of a country, at most
                kept.update(found)
            else:
                kept = {**kept, **found}
        wanted = {int(x) for i in wanted if i in kept for x in kept[i].path.strip("/").split("/") if x}
    return kept


def _area_groups(states: list[UnitState]) -> dict[int, Area]:
    """Each unit's area for the summary: its district (before 2025) or its own commune/province."""
    areas = areas_by_id({s.unit.area_id for s in states if s.unit.area_id})
    group: dict[int, Area] = {}  # area id → its group, once per area
    out = {}
    for s in states:
        area_id = s.unit.area_id
        if not area_id:
            continue
        if area_id not in group:
            area = areas[area_id]
            chain = [areas[int(x)] for x in area.path.strip("/").split("/") if x and int(x) in areas]
            district = [a for a in chain if a.level == Area.Level.DISTRICT]
            group[area_id] = district[0] if district else area
        out[s.unit.pk] = group[area_id]
    return out


def summarize(states: list[UnitState]) -> dict:
    total = Tally("all", "Tổng cộng")
    by_org: dict[int, Tally] = {}
    by_area: dict = {}
    groups = _area_groups(states)
    for s in states:
        total.add(s)
        org = s.unit.organization
        tally = by_org.get(org.pk)
        if tally is None:  # a tally (and its label) made once per organization, not once per unit
            tally = by_org[org.pk] = Tally(org.code, str(org))
        tally.add(s)
        area = groups.get(s.unit.pk)
        key = area.pk if area else None
        tally = by_area.get(key)
        if tally is None:
            tally = by_area[key] = Tally(area.code if area else "-", area.full_name if area else "Không gắn địa bàn")
        tally.add(s)
    orgs = sorted(by_org.values(), key=lambda t: t.key)
    return {"total": total, "by_org": orgs, "by_area": sorted(by_area.values(), key=lambda t: t.label)}


def pick_period(code: str | None, today: datetime.date | None = None) -> Period:
    """The period asked for, else the quarter being reported now (its data window holds today)."""
    if code:
        return parse_reachable(code)
    today = today or timezone.localdate()
    return Period.for_reporting_date(today, "Q")

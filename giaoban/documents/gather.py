"""Fill the report model (giaoban.docwriter.model) from the database.

Every figure comes from the analytics engine (`giaoban.analytics.engine.query`), so the report
says exactly what the dashboards and the API say: approved reports only (unless asked),
reconstructed areas flagged, targets of the subtree, the same period last year.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django.conf import settings
from django.db.models import Q

from giaoban.analytics import engine
from giaoban.collection.models import Report
from giaoban.core.periods import Period
from giaoban.meetings.models import Meeting
from giaoban.meetings.services import previous_meeting_tasks
from giaoban.org.identity import PARTY_COMMISSION_MERGED, issuer_as_of
from giaoban.org.models import Area, Indicator, Organization, Unit
from giaoban.docwriter.issuer import IssuingUnit, make_issuer
from giaoban.docwriter.model import (AreaRow, IndicatorRow, Issuer, MeetingInfo, NarrativeExcerpt, OrgSection, Person,
                                   ReportModel, TaskItem, TrendSeries, period_labels)
from giaoban.docwriter.writing import load_phrasing

LEVEL_NAMES = {1: "tỉnh", 2: "huyện", 3: "xã"}
LEVEL_CODES = {1: "province", 2: "district", 3: "commune"}
# The Party committee of an area, as its own documents name it ('Thường trực Tỉnh ủy').
PARTY_COMMITTEES = {"tinh": "Tỉnh ủy", "thanh_pho_tw": "Thành ủy", "huyen": "Huyện ủy", "thanh_pho": "Thành ủy",
                    "thi_xa": "Thị ủy", "xa": "Đảng ủy xã", "phuong": "Đảng ủy phường", "thi_tran": "Đảng ủy thị trấn"}
TREND_QUARTERS = 5
TREND_SERIES = 3
VISIBLE_STATUSES = (Report.Status.APPROVED, Report.Status.LOCKED)


def year_to_date(period: Period) -> Period | None:
    """The cumulative period from January to the end of `period` (Q3 -> 9 months)."""
    if period.kind == "Q":
        return Period.parse({1: f"{period.year}-Q1", 2: f"{period.year}-H1", 3: f"{period.year}-9M", 4: f"{period.year}"}[period.index])
    if period.kind in ("H", "9M", "Y"):
        return Period.parse(f"{period.year}") if (period.kind == "H" and period.index == 2) else period
    return None


def _labels(period: Period) -> dict:
    labels = period_labels(period.code)
    if labels:
        return labels
    text = period.label_vi
    return {"label": text[:1].lower() + text[1:], "short": text, "next": period.next().label_vi.lower(), "year": period.year}


def _num(value):
    if value is None:
        return None
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


def _indicator_row(ind: Indicator, r, y) -> IndicatorRow | None:
    value = _num(r.value)
    ytd_value = _num(y.value) if y is not None else None
    last_year = _num(r.same_period_last_year.value) if r.same_period_last_year else None
    target = _num(r.target_year)
    if value is None and ytd_value is None and target is None:
        return None
    return IndicatorRow(
        code=ind.code, name=ind.name, unit=ind.unit_noun, value_type=ind.value_type, value=value,
        year_to_date=ytd_value, target=target, same_period_last_year=last_year,
        # the engine's flag, for this period's figure or the one it is compared with
        reconstructed=bool(r.reconstructed or (r.same_period_last_year and r.same_period_last_year.reconstructed)),
        qualifier=r.qualifier if r.qualifier in ("approx", "over", "under") else "exact",
        stock=ind.is_stock, field=ind.section,
    )


def _all_org_rows(period: Period, ytd: Period | None, area: Area, orgs: list[Organization], org: Organization | None,
                  include_submitted: bool, within=None) -> dict[str, list[IndicatorRow]]:
    """Every organization's indicator rows from two engine calls (the period, and the year to
    date), broken down by organization, instead of two calls per organization."""
    by_org = engine.query(None, period, area=area, org=org, by="org", include_submitted=include_submitted,
                          within=within)
    ytd_rows = {}
    if ytd is not None and ytd != period:
        ytd_rows = {(r.key.get("org"), r.indicator): r for r in engine.query(
            None, ytd, area=area, org=org, by="org", include_submitted=include_submitted, compare=False,
            within=within)}
    indicators = {i.code: i for i in Indicator.objects.filter(code__in={r.indicator for r in by_org})
                  .prefetch_related("organizations")}
    members = {code: {o.code for o in ind.organizations.all()} for code, ind in indicators.items()}
    out: dict[str, list] = {o.code: [] for o in orgs}
    for r in by_org:
        org_code = r.key.get("org")
        if org_code not in out or org_code not in members.get(r.indicator, ()):
            continue
        ind = indicators[r.indicator]
        y = ytd_rows.get((org_code, r.indicator), r if ytd == period else None)
        row = _indicator_row(ind, r, y)
        if row is not None:
            out[org_code].append((ind.sort_order, row))
    return {code: [row for _o, row in sorted(items, key=lambda x: (x[0], x[1].code))] for code, items in out.items()}


def _last_quarters(period: Period, n: int) -> list[Period]:
    last = period.quarters()[-1] if period.kind != "M" else Period.parse(f"{period.year}-Q{(period.index - 1) // 3 + 1}")
    out = [last]
    while len(out) < n:
        out.insert(0, out[0].previous())
    return out


def _trend_picks(rows: list[IndicatorRow]) -> list[IndicatorRow]:
    return [r for r in rows if r.value_type != "percent" and r.value is not None][:TREND_SERIES]


def _all_trends(period: Period, area: Area, org: Organization | None, rows_by_org: dict[str, list[IndicatorRow]],
                include_submitted: bool, within=None) -> list[TrendSeries]:
    """The last quarters of each organization's first indicators. One engine call per quarter
    still missing, broken down by organization; each call also answers the quarter before and
    the same quarter a year earlier (its comparisons), so five quarters take two calls."""
    picks = {code: _trend_picks(rows) for code, rows in rows_by_org.items()}
    codes = sorted({r.code for rows in picks.values() for r in rows})
    if not codes:
        return []
    quarters = _last_quarters(period, TREND_QUARTERS)
    values: dict[tuple[str, str, str], object] = {}
    known: set[str] = set()
    for q in reversed(quarters):
        if q.code in known:
            continue
        for r in engine.query(codes, q, area=area, org=org, by="org", include_submitted=include_submitted,
                              within=within):
            o = r.key.get("org")
            values[o, r.indicator, q.code] = _num(r.value)
            for comp in (r.previous, r.same_period_last_year):
                if comp is not None:
                    values.setdefault((o, r.indicator, comp.period), _num(comp.value))
        known.update({q.code, q.previous().code, q.same_period_last_year().code})
    return [TrendSeries(org_code=o, indicator_code=row.code, label=f"{row.name} ({row.unit})",
                        points=[(f"Q{q.index}/{q.year}", values.get((o, row.code, q.code))) for q in quarters],
                        unit=row.unit, value_type=row.value_type)
            for o, rows in picks.items() for row in rows]


def _area_rows(period: Period, area: Area, org: Organization, include_submitted: bool, within=None) -> list[AreaRow]:
    rows = engine.query(None, period, area=area, org=org, by="area", include_submitted=include_submitted,
                        compare=False, within=within)
    children = {a.code: a for a in Area.objects.valid_on(period.end).filter(parent=area)}
    by_area: dict[str, AreaRow] = {}
    for r in rows:
        code = r.key.get("area")
        child = children.get(code)
        if child is None:
            continue
        item = by_area.setdefault(code, AreaRow(area_name=child.full_name, level=LEVEL_NAMES.get(child.level, str(child.level)),
                                                org_code=org.code, parent_name=area.full_name))
        item.values[r.indicator] = _num(r.value)
    return [by_area[c] for c in sorted(by_area, key=lambda c: children[c].name)]


def _within_q(within) -> Q:
    """Reports of units inside the scope `within` (engine Nodes: area or unit subtrees; None: all)."""
    if within is None:
        return Q()
    q = Q(pk__in=[])
    for node in within:
        if node.kind == "area":
            q |= Q(unit__area__path__startswith=Area.objects.only("path").get(pk=node.id).path)
        elif node.kind == "unit":
            q |= Q(unit__path__startswith=Unit.objects.only("path").get(pk=node.id).path)
        else:
            return Q()
    return q


def _split_items(text: str) -> list[str]:
    parts = [p.strip(" -–•\t") for p in re.split(r"\n+|;\s*(?=\S)", text or "")]
    return [p for p in parts if len(p) > 3]


def _narratives(period: Period, area: Area, org: Organization | None, include_submitted: bool, levels: int,
                within=None):
    statuses = list(VISIBLE_STATUSES) + ([Report.Status.SUBMITTED] if include_submitted else [])
    codes = [q.code for q in period.quarters()] if period.is_cumulative else [period.code]
    # The area's own units and those `levels - 1` steps down the tree (by parent links, not by
    # level numbers: after 2025 communes sit directly under the province).
    where = Q(unit__area=area)
    step = "unit__area__parent"
    for _ in range(levels - 1):
        where |= Q(**{step: area})
        step += "__parent"
    qs = (Report.objects.filter(where, period__in=codes, status__in=statuses).filter(_within_q(within))
          .select_related("unit", "unit__organization", "unit__area")
          .order_by("unit__organization__sort_order", "unit__level", "unit__name", "period"))
    if org is not None:
        qs = qs.filter(unit__organization=org)
    out = []
    units = set()
    for report in qs:
        units.add(report.unit_id)
        for section, text in (("ket_qua", report.highlights), ("han_che", report.limitations), ("de_xuat", report.proposals)):
            if text and text.strip():
                out.append(NarrativeExcerpt(unit_name=report.unit.name, section=section, text=text.strip(),
                                            org_code=report.unit.organization.code))
        # the next period's tasks one item each ('…; chuẩn bị …' is two tasks), grouped by the writer
        for item in _split_items(report.next_tasks):
            out.append(NarrativeExcerpt(unit_name=report.unit.name, section="phuong_huong", text=item.rstrip(".") + ".",
                                        org_code=report.unit.organization.code))
    return out, len(units)


def _meetings(period: Period, area: Area, visible=None):
    """The period's meeting and its tasks; `visible` (a Task queryset) keeps only the tasks the
    reader may see (None: every task, for the command line)."""
    meeting = Meeting.objects.filter(period=period.code, area=area).order_by("-date", "-id").first()
    info = None
    next_tasks: list[str] = []
    if meeting is not None:
        attendees = list(meeting.attendees.all())
        chair = next((a for a in attendees if a.role == "conclusion"), None) or next((a for a in attendees if a.role == "chair"), None)
        chair_person = Person(meeting.chair_name, meeting.chair_position) if meeting.chair_name else (
            Person(chair.name, chair.position) if chair else None)
        info = MeetingInfo(
            date=meeting.date, place=meeting.place, chair=chair_person,
            attendees=[Person(a.name, a.position) for a in attendees if a.role == "attendee"],
            attending_bodies=[o.short_name or o.name for o in meeting.organizations.all()],
            conclusions=_split_items(meeting.conclusions),
            next_tasks=[t.text for t in (meeting.tasks.all() if visible is None else meeting.tasks.filter(pk__in=visible))],
        )
        next_tasks = info.next_tasks
    previous = []
    # the meetings app's own answer: tasks due in the period, given earlier or carried over
    prev_tasks = [t for t in previous_meeting_tasks(period, area=area) if t.meeting.period != period.code]
    if visible is not None:
        allowed = set(visible.filter(pk__in=[t.pk for t in prev_tasks]).values_list("pk", flat=True))
        prev_tasks = [t for t in prev_tasks if t.pk in allowed]
    for task in prev_tasks:
        orgs = list(task.organizations.all())
        # A unit is named only when its organization is not already: 'Hội LHPN, Hội LHPN tỉnh…' says it twice.
        names = [o.short_name or o.name for o in orgs] + [
            u.name for u in task.units.all() if u.organization_id not in {o.pk for o in orgs}]
        progress = task.progress.all()
        note = progress[0].note if progress else ""
        previous.append(TaskItem(text=task.text, orgs=names, status_label=task.get_status_display(), note=note))
    return info, previous, next_tasks


def default_report_date(period: Period, today: dt.date | None = None) -> dt.date:
    """The period's reporting deadline, or today when that is still ahead: a report is dated on
    or before its deadline, never weeks after the quarter it reports on."""
    deadline = period.deadline(getattr(settings, "GIAOBAN_REPORTING", None))
    today = today or dt.date.today()
    return min(deadline, today)


def issuing_unit(area: Area, org: Organization | None, date: dt.date) -> IssuingUnit:
    """The body that issues the report as it stood on `date`: the area's Front committee, or the
    organization's unit at the area when the report is one organization's."""
    code = org.code if org is not None else "mttq"
    unit = (Unit.objects.valid_on(date).filter(area=area, organization__code=code).select_related("parent")
            .order_by("level").first())
    if unit is None:  # the report is dated after the unit ended (or before it began): its version on the period
        unit = Unit.objects.filter(area=area, organization__code=code).select_related("parent").order_by("-valid_from").first()
    level = LEVEL_CODES.get(area.level, "commune")
    kind = area.get_kind_display().lower()
    # The body above as the organization tree stood on the date (org.identity: a commune's
    # association is under the commune's Front committee from 1/7/2025).
    governing = issuer_as_of(unit, date).governing_body if unit else ""
    return IssuingUnit(
        org_code=code, level=level, area_name=area.full_name[:1].lower() + area.full_name[1:], kind=kind,
        place=area.name, unit_name=unit.name if unit else "", upper_name=unit.parent.name if unit and unit.parent else "",
        governing_body=governing, party=PARTY_COMMITTEES.get(area.kind, "Đảng ủy"),
        signer_name=unit.signer_name if unit else "", signer_title=unit.signer_title if unit else "",
    )


def _completeness(period: Period, area: Area, org: Organization | None, within) -> dict[str, tuple[int, int]]:
    """Per organization: (units whose report is approved, units expected to report)."""
    return {row["org"]: (row["approved"], row["expected"])
            for row in engine.completeness(period, area=area, org=org, within=within)}


def build_report_model(period_code: str, area, org_code: str | None = None, *, report_date: dt.date | None = None,
                       include_submitted: bool = False, narrative_levels: int = 2, area_tables: bool = True,
                       issuer: dict | None = None, within: list | None = None, appendix: bool = False,
                       tasks=None) -> ReportModel:
    """The consolidated report of `area` (code, exact name or Area) for `period_code`.

    `org_code` limits it to one organization; `narrative_levels` is how many levels of units'
    narratives are merged (2: the area's own units and the level below); `area_tables` adds the
    per-area figures only the workbook shows (the costliest part: leave it off for Word, PDF and
    the news draft); `within` (engine Nodes, see `engine.scope_for_user`) limits every figure and
    narrative to the subtrees a user may see (None: everything)."""
    period = engine.parse_period(period_code)
    area_obj = engine.resolve_area(area, period.end)
    orgs = list(Organization.objects.order_by("sort_order", "code"))
    if org_code:
        org = engine.resolve_org(org_code)
        orgs = [org]
    else:
        org = None
    ytd = year_to_date(period)
    rows_by_org = _all_org_rows(period, ytd, area_obj, orgs, org, include_submitted, within)
    if org is None:
        rows_by_org = {code: rows for code, rows in rows_by_org.items() if rows}
    counts = _completeness(period, area_obj, org, within) if not include_submitted else {}
    sections = [OrgSection(org_code=o.code, org_name=o.name, rows=rows_by_org[o.code],
                           reported=counts.get(o.code, (None, None))[0], expected=counts.get(o.code, (None, None))[1])
                for o in orgs if o.code in rows_by_org]
    for section in sections:
        if not section.complete:  # figures of part of the units: no change against a whole quarter
            for row in section.rows:
                row.comparable = False
    trends = _all_trends(period, area_obj, org, rows_by_org, include_submitted, within)
    area_rows = []
    if area_tables:
        for o in orgs:
            if o.code in rows_by_org:
                area_rows.extend(_area_rows(period, area_obj, o, include_submitted, within))
    meeting, previous_tasks, meeting_tasks = _meetings(period, area_obj, tasks)
    labels = _labels(period)
    date = report_date or default_report_date(period)
    unit = issuing_unit(area_obj, org, date)
    issuer_obj = make_issuer(load_phrasing(getattr(settings, "GIAOBAN_REPORT_PHRASING", None)), unit, date,
                             commission_merged=PARTY_COMMISSION_MERGED)
    # A deployment's own settings name the top body (GIAOBAN_ISSUER_*); lower levels are the tree's.
    overrides = dict(getattr(settings, "GIAOBAN_ISSUER", {}) or {}) if area_obj.parent_id is None and org is None else {}
    overrides.update(issuer or {})
    for key, value in overrides.items():
        if key in Issuer.__dataclass_fields__ and value not in (None, ""):
            setattr(issuer_obj, key, [r.strip() for r in value.split(";") if r.strip()] if key == "recipients" and isinstance(value, str) else value)
    narratives, total_units = _narratives(period, area_obj, org, include_submitted, narrative_levels, within)
    return ReportModel(
        period_code=period.code,
        period_label=labels["label"],
        period_short_label=labels.get("short", ""),
        next_period_label=labels.get("next", ""),
        same_period_year=period.year - 1,
        area_name=area_obj.full_name[:1].lower() + area_obj.full_name[1:],
        report_date=date,
        issuer=issuer_obj,
        sections=sections,
        narratives=narratives,
        total_units=total_units,
        previous_tasks=previous_tasks,
        next_tasks=meeting_tasks,  # the units' own tasks are narratives, grouped by the writer
        trends=trends,
        area_rows=area_rows,
        meeting=meeting,
        org_code=org.code if org is not None else "",
        org_name=unit.unit_name if org is not None else "",
        level=unit.level,
        appendix=appendix,
    )

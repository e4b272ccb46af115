"""The village level of the demo: residential areas of two communes, their MTTQ working groups
(Ban Công tác Mặt trận) and their weekly brief figures for 2026, as the national platform
'Mặt trận số' asks of each residential area.

The names are sample data, marked '(mẫu)': the real lists of thôn, bản and tổ dân phố of the
two communes were not found. The weekly indicators are the working groups' own small set (no
commune or organization reports them), so weeks add up into months and quarters without
overlapping anything else (giaoban.core.periods.Period.stored_parts).
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from decimal import Decimal

from django.utils import timezone

from giaoban.collection.models import DataValue, Report
from giaoban.core.periods import Period
from giaoban.org.models import Area, Indicator, ReportingSchedule, Unit

# (commune code, kind of its residential areas, how many): phường Đoàn Kết, xã Bum Nưa
SAMPLE_COMMUNES = [("03388", Area.Kind.STREET_GROUP, 6), ("03466", Area.Kind.HAMLET, 5)]
KIND_WORDS = {Area.Kind.STREET_GROUP: "Tổ dân phố", Area.Kind.HAMLET: "Bản", Area.Kind.VILLAGE: "Thôn"}

# code, name, unit noun, weekly mean per working group
WEEKLY_INDICATORS = [
    ("btt_ho_tham_hoi", "Hộ gia đình được Ban Công tác Mặt trận thăm hỏi, nắm tình hình", "hộ", 9),
    ("btt_phan_anh", "Ý kiến, phản ánh của Nhân dân được tiếp nhận ở khu dân cư", "ý kiến", 3),
    ("btt_sinh_hoat", "Buổi họp, sinh hoạt khu dân cư", "buổi", 1),
]
SECTION = "Báo cáo nhanh hằng tuần của Ban Công tác Mặt trận khu dân cư"

# The communes' MTTQ committees report a few figures every month (code, name, unit noun, monthly
# mean per commune): weeks from the residential areas, months from the communes, quarters from
# the organizations, as the regimes of 2026 ask. Their own set, so nothing is counted twice.
MONTHLY_INDICATORS = [
    ("mttq_thang_kien_nghi", "Ý kiến, kiến nghị của cử tri và Nhân dân được tổng hợp, chuyển đến cơ quan có thẩm quyền",
     "ý kiến", 12),
    ("mttq_thang_hoa_giai", "Vụ việc được tổ hòa giải ở cơ sở hòa giải thành", "vụ việc", 3),
]
MONTHLY_SECTION = "Báo cáo tháng của Ủy ban MTTQ cấp xã"


def _indicator_set(loader, mttq, rows, section: str, first_order: int) -> list[Indicator]:
    """The MTTQ's indicators of one set (code, name, unit noun, mean), in the loader's lookup too."""
    made = []
    for order, (code, name, noun, _mean) in enumerate(rows, start=first_order):
        ind, _ = Indicator.objects.update_or_create(
            code=code, defaults={"name": name, "unit_noun": noun, "section": section, "sort_order": order})
        ind.organizations.set([mttq])
        made.append(ind)
    loader.indicators.update({i.code: i for i in made})
    return made


def load_structure(loader) -> list[Unit]:
    """Residential areas, working groups, the weekly indicators and the reporting regimes
    (idempotent: upserted by code). Returns the working groups."""
    mttq = loader.orgs["mttq"]
    groups = []
    for commune_code, kind, count in SAMPLE_COMMUNES:
        commune = loader.new_areas[commune_code]
        parent_unit = loader.new_units["mttq", commune_code]
        for n in range(1, count + 1):
            name = f"số {n} (mẫu)"
            area, _ = Area.objects.update_or_create(
                code=f"{commune_code}-{n:02d}", valid_from=commune.valid_from,
                defaults={"name": name, "kind": kind, "level": Area.Level.RESIDENTIAL, "parent": commune, "valid_to": None})
            unit, _ = Unit.objects.update_or_create(
                code=f"mttq-{area.code}", valid_from=commune.valid_from,
                defaults={"organization": mttq, "level": Unit.Level.GRASSROOTS, "area": area, "parent": parent_unit,
                          "name": f"Ban Công tác Mặt trận {KIND_WORDS[kind].lower()} {name}", "valid_to": None})
            groups.append(unit)
    weekly = _indicator_set(loader, mttq, WEEKLY_INDICATORS, SECTION, first_order=900)
    schedule, _ = ReportingSchedule.objects.update_or_create(
        code="tuan-ban-cong-tac-mat-tran",
        defaults={"name": "Báo cáo nhanh hằng tuần của Ban Công tác Mặt trận khu dân cư", "frequency": "W",
                  "organization": mttq, "unit_level": Unit.Level.GRASSROOTS, "deadline_days": 1})
    schedule.indicators.set(weekly)
    monthly = _indicator_set(loader, mttq, MONTHLY_INDICATORS, MONTHLY_SECTION, first_order=950)
    schedule, _ = ReportingSchedule.objects.update_or_create(
        code="thang-mttq-xa", defaults={"name": MONTHLY_SECTION, "frequency": "M", "organization": mttq,
                                         "unit_level": Unit.Level.COMMUNE})
    schedule.indicators.set(monthly)
    # the MTTQ's communes and province keep their quarterly form, without the weekly and monthly sets
    own_sets = {c for c, *_ in WEEKLY_INDICATORS} | {c for c, *_ in MONTHLY_INDICATORS}
    quarterly = [i for i in Indicator.objects.filter(organizations=mttq) if i.code not in own_sets]
    for level, words in ((Unit.Level.COMMUNE, "xã, phường"), (Unit.Level.PROVINCE, "tỉnh")):
        s, _ = ReportingSchedule.objects.update_or_create(
            code=f"quy-mttq-{level}", defaults={"name": f"Báo cáo quý của Ủy ban MTTQ cấp {words}", "frequency": "Q",
                                                "organization": mttq, "unit_level": level})
        s.indicators.set(quarterly)
    return groups


def _rng(*key) -> random.Random:  # seeded by names, not by the clock or database ids
    return random.Random("|".join(str(k) for k in key))


def _report(unit: Unit, period: Period, status: str, sent: datetime.datetime, approval_days: int) -> Report:
    """A report in the given state: a draft was never sent; an approved one was approved days after it was."""
    return Report(unit=unit, period=period.code, status=status,
                  submitted_at=sent if status != Report.Status.DRAFT else None,
                  approved_at=sent + datetime.timedelta(days=approval_days) if status == Report.Status.APPROVED else None)



def _last_week_status(roll: float) -> str | None:
    return None if roll < 0.2 else Report.Status.DRAFT if roll < 0.3 else Report.Status.SUBMITTED


def _last_month_status(roll: float) -> str | None:
    return (None if roll < 0.1 else Report.Status.DRAFT if roll < 0.2 else Report.Status.SUBMITTED if roll < 0.4
            else Report.Status.APPROVED)


def _reports(units: list[Unit], periods: list[Period], key: str, last_status: Callable[[float], str | None],
             delay_days: list[int], hour: int, approval_days: int) -> list[Report]:
    """A report of each unit for each period: all approved but the last period's, whose state
    ``last_status`` draws from a roll (None: not sent); sent a few days after the period's end."""
    tz = timezone.get_current_timezone()
    reports = []
    for unit in units:
        for period in periods:
            r = _rng(key, unit.code, period.code)
            status = Report.Status.APPROVED if period != periods[-1] else last_status(r.random())
            if status is None:
                continue
            sent = datetime.datetime.combine(period.end + datetime.timedelta(days=r.choice(delay_days)), datetime.time(hour), tz)
            reports.append(_report(unit, period, status, sent, approval_days))
    return reports

def weeks_until(last: Period) -> list[Period]:
    """The weeks of the demo's year up to the last quarter (by their Thursday)."""
    return [w for q in Period.quarters_of(last.year) if q <= last for w in q.weeks()]


def load_figures(loader, groups: list[Unit]) -> int:
    """Weekly reports of the working groups in the last quarter's year; skipped when present.
    Every week approved but the last one (some sent, one draft, some missing)."""
    if DataValue.objects.filter(period__contains="-W").exists():
        return 0

    weeks = weeks_until(loader.last)
    reports = _reports(groups, weeks, "week", _last_week_status, delay_days=[0, 1, 1, 2], hour=17, approval_days=1)
    Report.objects.bulk_create(reports, batch_size=1000)
    ids = {(r.unit_id, r.period): r.pk for r in Report.objects.filter(period__contains="-W").only("id", "unit_id", "period")}
    codes = {u.pk: u.code for u in groups}
    rows = []
    for (unit_id, period), report_id in sorted(ids.items()):
        for code, _name, _noun, mean in WEEKLY_INDICATORS:
            r = _rng("weekly", codes[unit_id], period, code)
            value = max(0, round(r.gauss(mean, mean / 3)))
            rows.append(DataValue(report_id=report_id, unit_id=unit_id, indicator=loader.indicators[code], period=period,
                                  value=Decimal(value), source=DataValue.Source.DEMO))
    DataValue.objects.bulk_create(rows, batch_size=1000)
    loader.say(f"Báo cáo tuần của {len(groups)} Ban Công tác Mặt trận: {len(reports)}; số liệu: {len(rows)}")
    return len(rows)


def load_monthly_figures(loader) -> int:
    """Monthly reports of the communes' MTTQ committees for the months of the last quarter's year;
    skipped when present. Every month approved but the last one (some sent, one draft, some
    missing)."""
    codes = [c for c, *_ in MONTHLY_INDICATORS]
    if DataValue.objects.filter(indicator__code__in=codes).exists():
        return 0

    months = [m for q in Period.quarters_of(loader.last.year) if q <= loader.last for m in q.months()]
    units = [loader.new_units["mttq", c.code] for c in loader.new_communes]
    reports = _reports(units, months, "month", _last_month_status, delay_days=[1, 2, 3, 5], hour=16, approval_days=2)
    Report.objects.bulk_create(reports, batch_size=1000)
    ids = {(r.unit_id, r.period): r.pk for r in Report.objects.filter(period__in=[m.code for m in months], unit__in=units)}
    names = {u.pk: u.code for u in units}
    rows = []
    for (unit_id, period), report_id in sorted(ids.items()):
        for code, _name, _noun, mean in MONTHLY_INDICATORS:
            r = _rng("monthly", names[unit_id], period, code)
            rows.append(DataValue(report_id=report_id, unit_id=unit_id, indicator=loader.indicators[code], period=period,
                                  value=Decimal(max(0, round(r.gauss(mean, mean / 3)))), source=DataValue.Source.DEMO))
    DataValue.objects.bulk_create(rows, batch_size=1000)
    loader.say(f"Báo cáo tháng của {len(units)} Ủy ban MTTQ cấp xã: {len(reports)}; số liệu: {len(rows)}")
    return len(rows)

"""Load the Lai Châu demo data set: areas before and after 2025, six organizations' unit trees,
the indicator catalogue, quarterly figures from 2022-Q1 to the last quarter, yearly targets for
every year they cover, briefing meetings, demo accounts.

The last quarter is the latest quarter that has ended by the load date (on 30/11/2026:
2026-Q3), or the one given (``load_demo(until="2026-Q3")``); it keeps a mix of late, missing,
returned and draft reports, every earlier quarter is approved. Its meeting (held a week into
the next quarter) gives tasks due in the quarter running.

Deterministic for a given last quarter (seeded by names, not by the clock) and idempotent: the
tree and catalogue are upserted by natural keys, and figures are only generated when no demo
figure exists yet (a later run does not extend them).

The province totals of 2023-Q3 equal the figures of the Lai Châu Q3 2023 briefing article
(anchors in data/figures.json; the indicators' metadata is giaoban/textfigures/catalogue.json), and
every province figure of an additive indicator is the sum of its communes.
"""

import datetime
import json
import random
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from giaoban.collection import peers
from giaoban.collection.models import DataValue, Membership, Report, Target
from giaoban.core.periods import Period, PeriodError, periods_between
from giaoban.org import lai_chau_areas as lai_chau
from giaoban.demo.narratives import unit_narrative
from giaoban.demo import weekly
from giaoban.meetings import services
from giaoban.meetings.models import Meeting
from giaoban.textfigures.catalogue import default_catalogue
from giaoban.textfigures.normalize import lower_first
from giaoban.org import coverage, identity
from giaoban.org.models import (BEGINNING, Area, AreaSuccession, Indicator, Organization, OrganizationVersion,
                                Unit, UnitSuccession)

DATA_DIR = Path(__file__).resolve().parent / "data"
DEMO_PASSWORD = "giaoban-demo"
FIRST_QUARTER = Period.parse("2022-Q1")
EARLIEST_LAST_QUARTER = Period.parse("2025-Q4")  # the 2025 merger and its meetings are always in
ANCHOR = Period.parse("2023-Q3")
LAST_DAY_BEFORE_REFORM = lai_chau.REFORM_DATE - datetime.timedelta(days=1)

ORGANIZATIONS = [
    # code, name, short name, province unit, district unit pattern, commune unit pattern
    ("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam", "MTTQ", "Ủy ban MTTQ Việt Nam tỉnh {p}", "Ủy ban MTTQ Việt Nam {d}", "Ủy ban MTTQ Việt Nam {c}"),
    ("congdoan", "Liên đoàn Lao động", "Công đoàn", "Liên đoàn Lao động tỉnh {p}", "Liên đoàn Lao động {d}", "Công đoàn {c}"),
    ("phunu", "Hội Liên hiệp Phụ nữ", "Hội LHPN", "Hội LHPN tỉnh {p}", "Hội LHPN {d}", "Hội LHPN {c}"),
    ("doan", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn TNCS Hồ Chí Minh", "Tỉnh đoàn {p}", "Đoàn TNCS Hồ Chí Minh {d}", "Đoàn TNCS Hồ Chí Minh {c}"),
    ("nongdan", "Hội Nông dân", "Hội Nông dân", "Hội Nông dân tỉnh {p}", "Hội Nông dân {d}", "Hội Nông dân {c}"),
    ("ccb", "Hội Cựu chiến binh", "Hội CCB", "Hội Cựu chiến binh tỉnh {p}", "Hội Cựu chiến binh {d}", "Hội Cựu chiến binh {c}"),
]

# Signing words and document symbol of each organization's reports (editable in the admin; the
# organizations' own symbols vary by province).
SIGNING = {
    "mttq": ("TM. BAN THƯỜNG TRỰC", "MTTQ-BTT"),
    "congdoan": ("TM. BAN THƯỜNG VỤ", "LĐLĐ"),
    "phunu": ("TM. BAN THƯỜNG VỤ", "HLHPN"),
    "doan": ("TM. BAN THƯỜNG VỤ", "TĐTN"),
    "nongdan": ("TM. BAN THƯỜNG VỤ", "HND"),
    "ccb": ("TM. BAN THƯỜNG VỤ", "CCB"),
}

# Seasonal profile of a flow, quarter 1..4 (the anchor is the 2023-Q3 figure).
SEASONS = {
    "flat": (1.0, 1.0, 1.0, 1.0),
    "q4": (0.8, 0.9, 1.0, 1.4),
    "voters": (0.5, 1.0, 0.8, 1.0),
    "nov18": (0.05, 0.05, 0.1, 1.0),
    "tet": (1.8, 0.7, 0.8, 1.0),
    "jul27": (0.5, 0.6, 1.5, 0.6),
    "flood": (0.5, 0.9, 1.3, 0.7),
}
# Smallest step of an allocated value, so that commune figures add up exactly to the total.
STEP = {"integer": Decimal(1), "decimal": Decimal("0.1"), "money": Decimal(1_000_000), "percent": Decimal("0.1")}


def catalogue() -> list[dict]:
    """The indicators the demo generates figures for: the metadata of the extraction catalogue
    (giaoban/textfigures/catalogue.json, the single source) with the generator's parameters of
    data/figures.json under "demo"; "orgs" are the organizations the demo has figures for."""
    with open(DATA_DIR / "figures.json", encoding="utf-8") as f:
        figures = json.load(f)
    indicators = {ind["code"]: ind for ind in default_catalogue()}
    unknown = sorted(set(figures) - set(indicators))
    if unknown:
        raise ValueError(f"figures.json: mã chỉ tiêu không có trong danh mục chỉ tiêu: {', '.join(unknown)}")
    specs = []
    for code, demo in figures.items():
        ind = indicators[code]
        specs.append({**ind, "unit_noun": ind["unit"], "orgs": list(demo["anchor"]), "demo": demo})
    return sorted(specs, key=lambda s: s["sort_order"])



def insert_rows(model, columns: list[str], rows: list[tuple], per_statement: int = 1000) -> None:
    """Plain INSERTs: the ORM's bulk_create spends most of its time preparing values. SQLite
    runs one prepared statement per row fastest; elsewhere many rows go in one statement, as
    PostgreSQL's statement triggers (the analytics stamp: one row updated again and again in
    the transaction) would otherwise fire once per row."""
    table = connection.ops.quote_name(model._meta.db_table)
    cols = ", ".join(connection.ops.quote_name(c) for c in columns)
    row = f"({', '.join(['%s'] * len(columns))})"
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.executemany(f"INSERT INTO {table} ({cols}) VALUES {row}", rows)
            return
        limit = connection.features.max_query_params
        if limit:
            per_statement = max(1, min(per_statement, limit // len(columns)))
        for start in range(0, len(rows), per_statement):
            chunk = rows[start:start + per_statement]
            cursor.execute(f"INSERT INTO {table} ({cols}) VALUES {', '.join([row] * len(chunk))}",
                           [value for r in chunk for value in r])


def rng_for(*key) -> random.Random:
    return random.Random("|".join(str(k) for k in key))


FAMILY = ("Lò", "Lường", "Tao", "Vàng", "Giàng", "Sùng", "Hoàng", "Nguyễn", "Trần", "Đèo", "Lý", "Phàn")
MIDDLE = {"m": ("Văn", "A", "Đức", "Minh"), "f": ("Thị", "Thị", "Thu", "Ngọc")}
GIVEN = {"m": ("Thắng", "Pao", "Chung", "Dũng", "Tuấn", "Sơn", "Hùng", "Khánh"),
         "f": ("Hoa", "Mai", "Lan", "Sinh", "Dung", "Hương", "Thảo", "Xuân")}


def unit_target(value: Decimal, *key) -> Decimal | None:
    """A unit's yearly target: what it will reach in the year, a little above or below (some
    miss it), in the figure's own step; none for a unit that does none of it in the year. A
    floor of one step would give each of a hundred communes sharing a dozen conferences a
    quarter a target of one, and the province (their sum) a target three times its year."""
    step = STEP["money"] if value >= 10_000_000 else Decimal(1)
    target = (value * Decimal(str(rng_for("target", *key).uniform(0.9, 1.12))) / step).quantize(Decimal(1)) * step
    return target if target > 0 else None


# Most lines' yearly targets are what the units will reach, give or take; an organization sets a
# few of them high (a campaign of the year, a target handed down from the centre), and those are
# behind by the third quarter, as in any real year (without them every line was on pace).
AMBITIOUS_SHARE = 0.1


def line_ambition(org_code: str, ind_code: str, year: int) -> Decimal:
    """How far above what its units will reach an organization set an indicator's yearly target."""
    r = rng_for("ambition", org_code, ind_code, year)
    return Decimal(str(round(r.uniform(1.35, 1.6), 2))) if r.random() < AMBITIOUS_SHARE else Decimal(1)


def signer_for(code: str, org: str) -> str:
    """A made-up name for who signs the unit's reports (the women's union is chaired by a woman)."""
    r = rng_for("signer", code)
    sex = "f" if org == "phunu" else r.choice("mmf")
    return f"{r.choice(FAMILY)} {r.choice(MIDDLE[sex])} {r.choice(GIVEN[sex])}"


class DemoError(CommandError):
    """A last quarter the demo cannot end on (message in Vietnamese); `giaoban demo` prints it."""


def last_ended_quarter(today: datetime.date) -> Period:
    """The latest quarter whose reporting period has ended by ``today``: the quarter before the
    one running (30/11/2026 → 2026-Q3). Its report deadline has passed too."""
    return Period.for_date(today, "Q").previous()


def resolve_until(until: str | Period | None, today: datetime.date | None = None) -> Period:
    """The demo's last quarter: ``until`` when given (checked), else derived from ``today``."""
    today = today or timezone.localdate()
    latest = last_ended_quarter(today)
    if until is None or until == "":
        return latest
    try:
        period = Period.parse(until)
    except PeriodError as exc:
        raise DemoError(str(exc)) from exc
    if period.kind != "Q":
        raise DemoError(f"Kỳ cuối của dữ liệu mẫu phải là một quý (ví dụ {latest.code}), không phải '{period.code}'.")
    if period < EARLIEST_LAST_QUARTER:
        raise DemoError(f"Dữ liệu mẫu chạy ít nhất đến {EARLIEST_LAST_QUARTER.label_vi} (sau sắp xếp đơn vị hành chính năm 2025); "
                        f"'{period.code}' sớm hơn.")
    if period > latest:
        raise DemoError(f"{period.label_vi} chưa kết thúc vào ngày {today:%d/%m/%Y}: quý cuối muộn nhất là {latest.code}.")
    return period


class DemoLoader:
    def __init__(self, stdout=None, until: str | Period | None = None, today: datetime.date | None = None):
        self.say = (lambda msg: stdout.write(msg + "\n")) if stdout else (lambda msg: None)
        self.last = resolve_until(until, today)

    # ---- tree -------------------------------------------------------------------------
    def load_tree(self):
        districts, old, new = lai_chau.load()
        province, _ = Area.objects.update_or_create(
            code=lai_chau.PROVINCE["code"], valid_from=BEGINNING,
            defaults={"name": lai_chau.PROVINCE["name"], "kind": Area.Kind.PROVINCE, "level": Area.Level.PROVINCE, "parent": None},
        )
        district_areas = {}
        for d in districts:
            district_areas[d.code], _ = Area.objects.update_or_create(
                code=d.code, valid_from=BEGINNING,
                defaults={"name": d.name, "kind": d.kind, "level": Area.Level.DISTRICT, "parent": province,
                          "valid_to": LAST_DAY_BEFORE_REFORM},
            )
        old_areas = {}
        for c in old:
            old_areas[c.code], _ = Area.objects.update_or_create(
                code=c.code, valid_from=lai_chau.OLD_COMMUNES_FROM,
                defaults={"name": c.name, "kind": c.kind, "level": Area.Level.COMMUNE,
                          "parent": district_areas[c.district_code], "valid_to": LAST_DAY_BEFORE_REFORM},
            )
        new_areas = {}
        for c in new:
            new_areas[c.code], _ = Area.objects.update_or_create(
                code=c.code, valid_from=lai_chau.REFORM_DATE,
                defaults={"name": c.name, "kind": c.kind, "level": Area.Level.COMMUNE, "parent": province, "valid_to": None},
            )
            for pred in c.predecessor_codes:
                AreaSuccession.objects.update_or_create(
                    predecessor=old_areas[pred], successor=new_areas[c.code],
                    defaults={"kind": AreaSuccession.Kind.MERGE, "share": 1, "effective_date": lai_chau.REFORM_DATE},
                )
        self.province, self.district_areas, self.old_areas, self.new_areas = province, district_areas, old_areas, new_areas
        self.new_communes = new
        self.say(f"Địa bàn: 1 tỉnh, {len(district_areas)} huyện, {len(old_areas)} xã cũ, {len(new_areas)} xã mới")

    def load_units(self):
        self.orgs, self.province_units, self.old_units, self.new_units = {}, {}, {}, {}
        self.district_units = {}
        p = self.province.name
        for order, (code, name, short, prov_name, dist_name, comm_name) in enumerate(ORGANIZATIONS, start=1):
            org, _ = Organization.objects.update_or_create(code=code, defaults={"name": name, "short_name": short, "sort_order": order})
            self.orgs[code] = org
            self.load_versions(org)
            top, _ = Unit.objects.update_or_create(
                code=f"{code}-{self.province.code}", valid_from=BEGINNING,
                defaults={"organization": org, "name": prov_name.format(p=p), "level": Unit.Level.PROVINCE, "area": self.province, "parent": None,
                          "signer_name": signer_for(f"{code}-{self.province.code}", code)},
            )
            self.province_units[code] = top
            for dcode, area in self.district_areas.items():
                self.district_units[code, dcode], _ = Unit.objects.update_or_create(
                    code=f"{code}-{dcode}", valid_from=BEGINNING,
                    defaults={"organization": org, "name": dist_name.format(d=lower_first(area.full_name)), "level": Unit.Level.DISTRICT,
                              "area": area, "parent": top, "valid_to": LAST_DAY_BEFORE_REFORM,
                              "signer_name": signer_for(f"{code}-{dcode}", code)},
                )
            for ccode, area in self.old_areas.items():
                self.old_units[code, ccode], _ = Unit.objects.update_or_create(
                    code=f"{code}-{ccode}", valid_from=area.valid_from,
                    defaults={"organization": org, "name": comm_name.format(c=lower_first(area.full_name)), "level": Unit.Level.COMMUNE,
                              "area": area, "parent": self.district_units[code, area.parent.code], "valid_to": LAST_DAY_BEFORE_REFORM,
                              "signer_name": signer_for(f"{code}-{ccode}", code)},
                )
            groups = self.union_groups() if code == "congdoan" else {c.code: [c.code] for c in self.new_communes}
            by_code = {c.code: c for c in self.new_communes}
            for lead, members in groups.items():
                area = self.new_areas[lead]
                unit, _ = Unit.objects.update_or_create(
                    code=f"{code}-{lead}", valid_from=area.valid_from,
                    defaults={"organization": org, "name": comm_name.format(c=lower_first(area.full_name)), "level": Unit.Level.COMMUNE,
                              "area": area, "parent": top, "valid_to": None, "signer_name": signer_for(f"{code}-{lead}", code)},
                )
                if len(members) > 1:  # counted once at the province, serving each of its communes
                    coverage.serve(unit, [self.new_areas[m] for m in members])
                for member in members:
                    self.new_units[code, member] = unit
                    for pred in by_code[member].predecessor_codes:
                        UnitSuccession.objects.update_or_create(
                            predecessor=self.old_units[code, pred], successor=unit,
                            defaults={"kind": UnitSuccession.Kind.MERGE, "share": 1, "effective_date": lai_chau.REFORM_DATE},
                        )
        self.say(f"Đơn vị: {Unit.objects.count()} của {len(self.orgs)} tổ chức")

    def union_groups(self) -> dict[str, list[str]]:
        """The commune trade unions from 1 July 2025 (the district ones dissolved): one for up to
        three new communes of the same former district, named after the first (a sample grouping:
        Lai Châu's real list was not found; Quảng Ninh has 22 for 54 communes)."""
        by_district = defaultdict(list)
        for c in self.new_communes:
            by_district[self.old_areas[c.predecessor_codes[0]].parent.code].append(c.code)
        groups = {}
        for _district, codes in sorted(by_district.items()):
            codes.sort()
            for i in range(0, len(codes), 3):
                groups[codes[i]] = codes[i:i + 3]
        return groups

    def load_versions(self, org: Organization) -> None:
        """The organization's versions: the MTTQ's one; each of the five a member organization of
        the MTTQ until 30/6/2025 and under it from 1/7/2025 (Resolution 60-NQ/TW, Law 97/2025/QH15)."""
        signing, symbol = SIGNING[org.code]
        common = {"name": org.name, "short_name": org.short_name, "signing_title": signing, "document_symbol": symbol}
        if org.code == "mttq":
            OrganizationVersion.objects.update_or_create(organization=org, valid_from=BEGINNING, defaults=common)
            return
        front = self.orgs["mttq"]
        OrganizationVersion.objects.update_or_create(
            organization=org, valid_from=BEGINNING,
            defaults={**common, "valid_to": LAST_DAY_BEFORE_REFORM, "parent": front, "relation": OrganizationVersion.Relation.MEMBER})
        OrganizationVersion.objects.update_or_create(
            organization=org, valid_from=lai_chau.REFORM_DATE,
            defaults={**common, "valid_to": None, "parent": front, "relation": OrganizationVersion.Relation.UNDER})

    def load_indicators(self):
        """Every indicator of the catalogue (reported by its organizations); figures are generated
        only for those with parameters in data/figures.json (self.specs)."""
        self.indicators = {}
        self.specs = catalogue()
        for spec in default_catalogue():
            ind, _ = Indicator.objects.update_or_create(
                code=spec["code"],
                defaults={"unit_noun": spec["unit"], "synonyms": list(spec["synonyms"]),
                          **{k: spec[k] for k in ("name", "value_type", "unit_aggregation", "time_aggregation", "section", "sort_order")}},
            )
            ind.organizations.set([self.orgs[o] for o in spec["orgs"]])
            self.indicators[spec["code"]] = ind
        self.say(f"Chỉ tiêu: {len(self.indicators)}")

    # ---- figures ----------------------------------------------------------------------
    def commune_weights(self) -> tuple[dict, dict]:
        """A fixed size for each old commune; a new commune weighs what its predecessors did."""
        old = {code: rng_for("weight", code).uniform(0.5, 1.6) for code in self.old_areas}
        new = {c.code: sum(old[p] for p in c.predecessor_codes) for c in self.new_communes}
        return old, new

    @staticmethod
    def province_total(spec: dict, org: str, period: Period) -> Decimal:
        demo = spec["demo"]
        anchor = demo["anchor"][org]
        years = (period.year - ANCHOR.year) + (period.index - ANCHOR.index) / 4
        if spec["time_aggregation"] == "last":
            value = anchor * (1 + demo["growth"]) ** years
        else:
            season = SEASONS[demo["season"]]
            value = anchor * season[period.index - 1] / season[ANCHOR.index - 1] * (1 + demo["growth"]) ** (period.year - ANCHOR.year)
            if period != ANCHOR:
                value *= rng_for("noise", spec["code"], org, period.code).uniform(0.9, 1.1)
        step = STEP[spec["value_type"]]
        return (Decimal(str(value)) / step).quantize(Decimal(1)) * step

    @staticmethod
    def allocate(total: Decimal, weights: dict, step: Decimal) -> dict:
        """Split total over keys by weight in multiples of step, adding up exactly (largest remainder)."""
        units = int(total / step)
        wsum = sum(weights.values())
        raw = {k: units * w / wsum for k, w in weights.items()}
        base = {k: int(v) for k, v in raw.items()}
        left = units - sum(base.values())
        for k in sorted(raw, key=lambda k: raw[k] - base[k], reverse=True)[:left]:
            base[k] += 1
        return {k: v * step for k, v in base.items()}

    def load_figures(self) -> bool:
        """Generate the figures; False when the demo's figures are already there."""
        existing = DataValue.objects.filter(source=DataValue.Source.DEMO).aggregate(last=Max("period"))["last"]
        if existing:
            self.say(f"Số liệu mẫu đã có (đến {existing}): bỏ qua.")
            return False
        periods = periods_between(FIRST_QUARTER, self.last)
        self.say(f"Kỳ báo cáo: {FIRST_QUARTER.label_vi} – {self.last.label_vi}")
        self.save_reports(self.generate(periods), periods)
        return True

    def generate(self, periods: list[Period]) -> dict[tuple, dict]:
        """The figures of the periods, {(unit, period code): {indicator code: value}}. A period's
        figures depend on it alone, not on the others asked for."""
        old_w, new_w = self.commune_weights()
        values: dict[tuple, dict] = defaultdict(dict)  # (unit, period) -> {indicator: value}
        jitters = {}  # a commune's share of an indicator stays put from one quarter to the next
        for spec in self.specs:
            for org in spec["orgs"]:
                for before, weights in ((True, old_w), (False, new_w)):
                    jitters[before] = {c: w * rng_for("jit", spec["code"], org, c).uniform(0.7, 1.3) for c, w in weights.items()}
                for period in periods:
                    total = self.province_total(spec, org, period)
                    if spec["demo"]["level"] == "province":
                        values[self.province_units[org], period.code][spec["code"]] = total
                        continue
                    before = period.end < lai_chau.REFORM_DATE
                    weights = old_w if before else new_w
                    units = self.old_units if before else self.new_units
                    if spec["value_type"] == "percent":
                        for ccode in weights:
                            r = rng_for("pct", spec["code"], org, ccode, period.code)
                            share = min(Decimal(100), max(Decimal(40), total + Decimal(str(round(r.gauss(0, 6), 1)))))
                            values[units[org, ccode], period.code].setdefault(spec["code"], share)
                        continue
                    for ccode, v in self.allocate(total, jitters[before], STEP[spec["value_type"]]).items():
                        # a trade union serving several communes reports their sum
                        figures = values[units[org, ccode], period.code]
                        figures[spec["code"]] = figures.get(spec["code"], 0) + v
        return values

    def report_status(self, unit: Unit, period: Period) -> str | None:
        """Everything is approved but the last quarter, where some units are late or missing."""
        if period != self.last:
            return Report.Status.APPROVED
        if unit.level == Unit.Level.PROVINCE:
            return Report.Status.SUBMITTED
        r = rng_for("status", unit.code, period.code).random()
        if r < 0.08:
            return None
        if r < 0.2:
            return Report.Status.SUBMITTED
        if r < 0.26:
            return Report.Status.DRAFT
        if r < 0.29:
            return Report.Status.RETURNED
        return Report.Status.APPROVED

    def save_reports(self, values: dict, periods: list[Period]):
        tz = timezone.get_current_timezone()
        # District units report their narrative (and approve their communes) until the reform.
        for (org, dcode), unit in self.district_units.items():
            for period in periods:
                if period.end < lai_chau.REFORM_DATE:
                    values.setdefault((unit, period.code), {})
        for org, unit in self.province_units.items():
            for period in periods:
                values.setdefault((unit, period.code), {})
        reports = []
        for (unit, pcode), figures in values.items():
            period = Period.parse(pcode)
            status = self.report_status(unit, period)
            if status is None:
                continue
            r = rng_for("dates", unit.code, pcode)
            deadline = period.deadline()
            submitted = datetime.datetime.combine(deadline, datetime.time(9), tz) + datetime.timedelta(
                days=r.choice([-6, -4, -3, -2, -1, -1, 0, 0, 1, 3]), hours=r.randint(0, 8))
            report = Report(unit=unit, period=pcode, status=status, **self.narrative(unit, period, figures))
            if status in (Report.Status.SUBMITTED, Report.Status.APPROVED, Report.Status.RETURNED):
                report.submitted_at = submitted
            if status == Report.Status.APPROVED:
                report.approved_at = submitted + datetime.timedelta(days=r.randint(1, 5))
            if status == Report.Status.RETURNED:
                report.returned_reason = "Số lượt người dự tuyên truyền chưa khớp với số buổi; đề nghị rà soát lại."
            reports.append(report)
        Report.objects.bulk_create(reports, batch_size=1000)
        ids = {(r.unit_id, r.period): r.pk for r in Report.objects.filter(period__in=[p.code for p in periods]).only("id", "unit_id", "period")}
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        rows = []
        for (unit, pcode), figures in values.items():
            report_id = ids.get((unit.pk, pcode))
            if report_id is None:
                continue
            for code, value in figures.items():
                rows.append((report_id, unit.pk, self.indicators[code].pk, pcode, str(value), "exact", "demo", "{}", "", now))
        insert_rows(DataValue, ["report_id", "unit_id", "indicator_id", "period", "value", "qualifier", "source",
                                "source_detail", "comment", "updated_at"], rows)
        self.say(f"Báo cáo: {len(reports)}; số liệu: {len(rows)}")

    def narrative(self, unit: Unit, period: Period, figures: dict) -> dict:
        """The unit's narrative sections, in its organization's words and from its own figures
        (giaoban.demo.narratives)."""
        return unit_narrative(unit.organization.code, unit.name, unit.code, period.code, lower_first(period.label_vi),
                              figures, period.end >= lai_chau.REFORM_DATE)

    def load_targets(self):
        if Target.objects.exists():
            return
        rows = []
        flows = [s for s in self.specs if s["time_aggregation"] == "sum" and s["value_type"] != "percent"]
        codes = [s["code"] for s in flows]
        demo = DataValue.objects.filter(source=DataValue.Source.DEMO, indicator__code__in=codes)
        last = demo.aggregate(last=Max("period"))["last"]
        if last is None:
            return
        last_year = Period.parse(last).year
        flow_codes = set(codes)
        # A unit's yearly target is a little above or below what it will reach: some miss it.
        actual = defaultdict(Decimal)
        for unit_id, ind_id, period, value in demo.exclude(period__startswith=f"{last_year}-").values_list(
            "unit_id", "indicator_id", "period", "value"
        ):
            actual[unit_id, ind_id, int(period[:4])] += value
        # The last year is not over (or not all reported): what its four quarters will reach.
        for (unit, _), figures in self.generate(Period.quarters_of(last_year)).items():
            for code, value in figures.items():
                if code in flow_codes:
                    actual[unit.pk, self.indicators[code].pk, last_year] += value
        # A yearly target belongs to the units standing at the year's end: in 2025 the merged
        # communes carry their predecessors' first half too, and the old units have none.
        reform_year = lai_chau.REFORM_DATE.year
        successors = defaultdict(list)
        for old_id, new_id, share in UnitSuccession.objects.values_list("predecessor_id", "successor_id", "share"):
            successors[old_id].append((new_id, share))
        for (unit_id, ind_id, year) in [k for k in actual if k[2] == reform_year and k[0] in successors]:
            value = actual.pop((unit_id, ind_id, year))
            for new_id, share in successors[unit_id]:
                actual[new_id, ind_id, year] += value * share
        units = {u.pk: u for u in Unit.objects.filter(level__in=[Unit.Level.PROVINCE, Unit.Level.DISTRICT, Unit.Level.COMMUNE])
                 .select_related("organization")}
        ind_codes = {ind.pk: code for code, ind in self.indicators.items()}
        per_parent = defaultdict(Decimal)
        for (unit_id, ind_id, year), value in actual.items():
            ambition = line_ambition(units[unit_id].organization.code, ind_codes[ind_id], year)
            target = unit_target(value * ambition, unit_id, ind_id, year)
            if target is None:
                continue
            rows.append((unit_id, ind_id, year, str(target)))
            for ancestor_id in [int(x) for x in units[unit_id].path.strip("/").split("/")[:-1]]:
                per_parent[ancestor_id, ind_id, year] += target
        for (unit_id, ind_id, year), value in per_parent.items():
            ended = units[unit_id].valid_to is not None and units[unit_id].valid_to.year <= year
            if (unit_id, ind_id, year) not in actual and not ended:
                rows.append((unit_id, ind_id, year, str(value)))
        insert_rows(Target, ["unit_id", "indicator_id", "year", "value"], rows)
        self.say(f"Chỉ tiêu năm: {len(rows)}")

    # ---- people -----------------------------------------------------------------------
    def load_accounts(self) -> list[tuple[str, str]]:
        User = get_user_model()
        accounts = []
        password = make_password(DEMO_PASSWORD)  # hashing is slow on purpose: once for all

        def account(username, full_name, grants, superuser=False):
            first, _, last = full_name.rpartition(" ")
            user, created = User.objects.get_or_create(username=username, defaults={"first_name": last, "last_name": first})
            if created:
                user.password = password
                user.is_staff = user.is_superuser = superuser
                user.save()
            for unit, role in grants:
                Membership.objects.get_or_create(user=user, unit=unit, role=role)
            accounts.append((username, full_name + " – " + (", ".join(f"{Membership.Role(r).label} {u.name}" for u, r in grants) or "quản trị hệ thống")))

        E, A, V = Membership.Role.ENTRY, Membership.Role.APPROVE, Membership.Role.VIEW
        account("admin", "Quản trị Hệ thống", [], superuser=True)
        for code, unit in self.province_units.items():
            account(f"{code}.tinh", f"Cán bộ {unit.name}", [(unit, E), (unit, A), (unit, V)])
        account("bandanvan", "Ban Tuyên giáo và Dân vận Tỉnh ủy", [(u, V) for u in self.province_units.values()])
        doan_ket = self.new_areas["03388"]
        for code in ("mttq", "phunu", "doan"):
            account(f"{code}.doanket", f"Cán bộ {self.new_units[code, doan_ket.code].name}", [(self.new_units[code, doan_ket.code], E)])
        account("phunu.bumnua.xem", "Cán bộ xem Hội LHPN xã Bum Nưa", [(self.new_units["phunu", "03466"], V)])
        group = Unit.objects.get(code="mttq-03388-01", valid_from=lai_chau.REFORM_DATE)
        account("bcttm.doanket", f"Trưởng {group.name}", [(group, E)])  # the weekly report on a phone
        return accounts


DEMO_MEETINGS = [
    {
        "title": "Hội nghị giao ban MTTQ và các tổ chức chính trị - xã hội tỉnh quý II/2025",
        "period": "2025-Q2", "date": "2025-07-09", "place": "Hội trường Tỉnh ủy Lai Châu",
        "people": [
            {"name": "Nguyễn Thị Hòa", "position": "Phó Bí thư Tỉnh ủy", "role": "chair"},
            {"name": "Trần Văn Bình", "position": "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", "role": "attendee"},
            {"name": "Lường Văn Thắng", "position": "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy", "role": "attendee"},
        ],
        "conclusions": "Hội nghị thống nhất tập trung chuẩn bị tốt việc sắp xếp tổ chức bộ máy từ ngày 01/7/2025: "
                       "các tổ chức chính trị - xã hội trực thuộc Ủy ban MTTQ Việt Nam tỉnh, giải thể Liên đoàn Lao động "
                       "cấp huyện, thành lập công đoàn xã, phường; bảo đảm hoạt động của Mặt trận và các đoàn thể ở 38 xã, "
                       "phường mới không bị gián đoạn.",
        "tasks": [
            ("Hoàn thành kiện toàn tổ chức Mặt trận và các đoàn thể ở 38 xã, phường mới.", ["mttq", "congdoan", "phunu", "doan", "nongdan", "ccb"], "done"),
            ("Bàn giao hồ sơ, số liệu của cấp huyện cho cấp tỉnh và cấp xã mới, không để thất lạc.", ["mttq", "phunu", "doan", "nongdan", "ccb"], "done"),
            ("Rà soát, củng cố các tổ tiết kiệm và vay vốn sau sắp xếp địa giới hành chính.", ["phunu", "doan", "nongdan"], "in_progress"),
        ],
    },
    {
        "title": "Hội nghị giao ban MTTQ và các tổ chức chính trị - xã hội tỉnh quý III/2025",
        "period": "2025-Q3", "date": "2025-10-08", "place": "Hội trường Tỉnh ủy Lai Châu",
        "people": [
            {"name": "Nguyễn Thị Hòa", "position": "Phó Bí thư Tỉnh ủy", "role": "chair"},
            {"name": "Lường Văn Thắng", "position": "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy", "role": "attendee"},
        ],
        "conclusions": "Đề nghị các tổ chức tập trung hoàn thành chỉ tiêu năm 2025, nhất là xóa nhà tạm, nhà dột nát "
                       "và thu hồi nợ quá hạn; chuẩn bị tổng kết năm.",
        "tasks": [
            ("Hoàn thành xóa nhà tạm, nhà dột nát trên địa bàn tỉnh trong quý IV.", ["mttq", "doan"], "in_progress"),
            ("Đôn đốc thu hồi nợ quá hạn, giữ tỷ lệ nợ quá hạn dưới 0,2% tổng dư nợ ủy thác.", ["phunu", "doan", "nongdan"], "todo"),
            ("Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở 100% khu dân cư.", ["mttq"], "done"),
            ("Tổng kết công tác năm 2025, xây dựng chương trình công tác năm 2026.", ["mttq", "congdoan", "phunu", "doan", "nongdan", "ccb"], "todo"),
        ],
    },
]


def last_quarter_meeting(last: Period) -> dict:
    """The briefing meeting on the demo's last quarter, held early in the next one, in the style of
    DEMO_MEETINGS: its tasks are due in the quarter running after the last one (the current one)."""
    following = last.next()
    tasks = [
        ((f"Đôn đốc các xã, phường nộp báo cáo {lower_first(following.label_vi)} đúng hạn; hoàn thiện ngay các báo cáo "
          f"{lower_first(last.label_vi)} chưa nộp hoặc bị trả lại."), [o[0] for o in ORGANIZATIONS], "in_progress"),
        (f"Rà soát kết quả thực hiện chỉ tiêu năm {following.year} ở 38 xã, phường; tập trung các chỉ tiêu còn đạt thấp.",
         [o[0] for o in ORGANIZATIONS], "todo"),
        ("Đôn đốc thu hồi nợ quá hạn, củng cố các tổ tiết kiệm và vay vốn yếu kém.", ["phunu", "doan", "nongdan"], "todo"),
    ]
    if following.index == 4:
        tasks.append((f"Tổng kết công tác năm {last.year}, xây dựng chương trình công tác năm {last.year + 1}.",
                      [o[0] for o in ORGANIZATIONS], "todo"))
    held = following.start + datetime.timedelta(days=7)
    return {
        "title": f"Hội nghị giao ban MTTQ và các tổ chức chính trị - xã hội tỉnh {lower_first(last.label_vi)}",
        "period": last.code, "date": held.isoformat(), "place": "Hội trường Tỉnh ủy Lai Châu",
        "people": [
            {"name": "Nguyễn Thị Hòa", "position": "Phó Bí thư Tỉnh ủy", "role": "chair"},
            {"name": "Lường Văn Thắng", "position": f"Trưởng {identity.party_commission_as_of(held)}", "role": "attendee"},
        ],
        "conclusions": f"Hội nghị đánh giá kết quả {lower_first(last.label_vi)}; đề nghị Mặt trận và các đoàn thể tập trung thực hiện "
                       f"nhiệm vụ {lower_first(following.label_vi)}, phấn đấu hoàn thành chỉ tiêu năm {following.year}; "
                       f"chấn chỉnh việc nộp báo cáo chậm, thiếu ở cấp xã.",
        "tasks": tasks,
        "updated": held + datetime.timedelta(days=14),
    }


def demo_meetings(last: Period) -> list[dict]:
    """The two briefing meetings of 2025, and the meeting on the last quarter when it is later."""
    meetings = list(DEMO_MEETINGS)
    if last > max(Period.parse(m["period"]) for m in meetings):
        meetings.append(last_quarter_meeting(last))
    return meetings


def load_meetings(loader: DemoLoader) -> None:
    """Briefing meetings with their tasks at different stages (see demo_meetings)."""
    if Meeting.objects.exists():
        return
    for spec in demo_meetings(loader.last):
        meeting = services.create_meeting_draft(
            {"period": spec["period"], "date": spec["date"], "place": spec["place"], "people": spec["people"],
             "conclusions": spec["conclusions"], "organizations": [o[0] for o in ORGANIZATIONS]},
            title=spec["title"], area=loader.province,
        )
        tasks = services.confirm_tasks(meeting, [{"text": t, "orgs": orgs} for t, orgs, _ in spec["tasks"]])
        updated = spec.get("updated") or Period.parse(spec["period"]).next().end
        for task, (_, _, status) in zip(tasks, spec["tasks"]):
            if status != "todo":
                services.set_status(task, status, note="Cập nhật từ báo cáo của các tổ chức.", date=updated)
    loader.say(f"Hội nghị: {Meeting.objects.count()}")


def load_demo(stdout=None, until: str | Period | None = None, today: datetime.date | None = None) -> list[tuple[str, str]]:
    """Load the demo up to the quarter ``until`` (default: the latest quarter ended by ``today``,
    default the local date); raises DemoError for a quarter it cannot end on."""
    loader = DemoLoader(stdout, until=until, today=today)
    with transaction.atomic():
        loader.load_tree()
        loader.load_units()
        loader.load_indicators()
        groups = weekly.load_structure(loader)
        loaded = loader.load_figures()
        loaded = weekly.load_figures(loader, groups) > 0 or loaded
        loaded = weekly.load_monthly_figures(loader) > 0 or loaded
        loader.load_targets()
        load_meetings(loader)
        if loaded:
            # Figures went in with plain INSERTs (no signals): build the analytics summary once,
            # not again on a second run that changed nothing.
            from giaoban.analytics.summary import rebuild

            rebuild()
            peers.rebuild()  # the plausibility bound's peer tops, from the same plain INSERTs
        return loader.load_accounts()

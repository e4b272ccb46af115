"""What a consolidated report says, independent of the database.

The writers (docx, xlsx, news, preview) read only these dataclasses, so they can be tested and
benchmarked without Django; `giaoban.documents.gather` fills them from the database.
Values are plain numbers (int, float or Decimal) in the indicator's base unit (money in đồng).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Union

Number = Union[int, float, Decimal]

VALUE_TYPES = ("integer", "decimal", "money", "percent")
NARRATIVE_SECTIONS = ("ket_qua", "han_che", "de_xuat", "phuong_huong")
NARRATIVE_SECTION_TITLES = {
    "ket_qua": "Kết quả nổi bật",
    "han_che": "Hạn chế, khó khăn",
    "de_xuat": "Đề xuất, kiến nghị",
    "phuong_huong": "Phương hướng, nhiệm vụ kỳ tới",
}
ROMAN = ("I", "II", "III", "IV")


@dataclass
class Issuer:
    """The body that issues and signs the report (deployment settings)."""

    parent_body: str = "ỦY BAN MTTQ VIỆT NAM"
    body: str = "TỈNH LAI CHÂU"
    symbol: str = "BC-MTTQ"
    number: str = ""  # left blank for the office to fill in at issue time
    place: str = "Lai Châu"
    signer_title: str = "TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH"
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)
    # "state" = Decree 30/2020 (the MTTQ and the associations use the state quốc hiệu);
    # "youth" = the Youth Union: 'ĐOÀN TNCS HỒ CHÍ MINH' top right, Party-style number 'Số 12-BC/TĐTN'.
    variant: str = "state"
    board: str = ""  # the line under the body: 'BAN THƯỜNG TRỰC' for an MTTQ committee
    org_code: str = ""  # the issuing organization ('mttq' for the Front's own report)

    @classmethod
    def from_mapping(cls, data: dict | None) -> "Issuer":
        data = dict(data or {})
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        if isinstance(known.get("recipients"), str):
            known["recipients"] = [r.strip() for r in known["recipients"].split(";") if r.strip()]
        return cls(**known)


@dataclass
class IndicatorRow:
    code: str
    name: str
    unit: str  # unit noun: buổi, lượt người, hội viên, đồng, % ...
    value_type: str = "integer"
    value: Number | None = None  # the period's value
    year_to_date: Number | None = None
    target: Number | None = None
    same_period_last_year: Number | None = None
    reconstructed: bool = False  # computed from predecessor areas (2025 merges), this period or the one compared
    qualifier: str = "exact"  # exact / approx / over / under, as reported
    stock: bool = False  # a level at the period's end (members, balances), not a count of what was done
    field: str = ""  # the field of work ('Tuyên truyền, giáo dục'), for the results by field
    comparable: bool = True  # False when the period's figure covers fewer units than the one compared

    @property
    def pct_achieved(self) -> float | None:
        """Year-to-date value against the year's target, in percent."""
        base = self.year_to_date if self.year_to_date is not None else self.value
        if base is None or not self.target:
            return None
        return float(base) / float(self.target) * 100

    @property
    def change_pct(self) -> float | None:
        """Change against the same period last year, in percent (None for a rate: see change_points,
        and when the two figures do not cover the same units)."""
        if self.value is None or not self.same_period_last_year or not self.comparable or self.value_type == "percent":
            return None
        prev = float(self.same_period_last_year)
        return (float(self.value) - prev) / prev * 100

    @property
    def change_points(self) -> float | None:
        """A rate's change against the same period last year, in percentage points."""
        if self.value_type != "percent" or self.value is None or self.same_period_last_year is None or not self.comparable:
            return None
        return float(self.value) - float(self.same_period_last_year)

    @property
    def change_abs(self) -> float | None:
        if self.value is None or self.same_period_last_year is None or not self.comparable:
            return None
        return float(self.value) - float(self.same_period_last_year)


@dataclass
class OrgSection:
    org_code: str
    org_name: str  # the organization's own name, e.g. "Hội Liên hiệp Phụ nữ"
    rows: list[IndicatorRow] = field(default_factory=list)
    reported: int | None = None  # units whose report of the period is approved
    expected: int | None = None  # units expected to report

    @property
    def complete(self) -> bool:
        return self.expected is None or self.reported is None or self.reported >= self.expected


@dataclass
class NarrativeExcerpt:
    unit_name: str  # "Hội LHPN xã Bum Nưa"
    section: str  # one of NARRATIVE_SECTIONS
    text: str
    org_code: str = ""


@dataclass
class TaskItem:
    text: str
    orgs: list[str] = field(default_factory=list)  # names of the units or organizations
    status_label: str = ""  # "Đã hoàn thành", "Đang thực hiện", ...
    note: str = ""


@dataclass
class TrendSeries:
    """One line of a trend chart: (period label, value) pairs, oldest first."""

    org_code: str
    indicator_code: str
    label: str  # "Buổi tuyên truyền (buổi)"
    points: list[tuple[str, Number | None]] = field(default_factory=list)
    unit: str = ""
    value_type: str = "integer"


@dataclass
class AreaRow:
    """One area's figures for the per-area-level sheets of the workbook."""

    area_name: str
    level: str  # "tỉnh", "huyện", "xã"
    org_code: str
    values: dict[str, Number | None] = field(default_factory=dict)  # indicator code -> value
    parent_name: str = ""


@dataclass
class Person:
    name: str
    position: str = ""


@dataclass
class MeetingInfo:
    date: dt.date | None = None
    place: str = ""
    chair: Person | None = None
    attendees: list[Person] = field(default_factory=list)
    attending_bodies: list[str] = field(default_factory=list)
    discussion: list[str] = field(default_factory=list)
    conclusions: list[str] = field(default_factory=list)
    next_tasks: list[str] = field(default_factory=list)


@dataclass
class ReportModel:
    period_code: str  # "2023-Q3"
    period_label: str  # "quý III năm 2023"
    area_name: str  # "tỉnh Lai Châu"
    report_date: dt.date
    issuer: Issuer = field(default_factory=Issuer)
    sections: list[OrgSection] = field(default_factory=list)
    narratives: list[NarrativeExcerpt] = field(default_factory=list)
    previous_tasks: list[TaskItem] = field(default_factory=list)
    next_tasks: list[str] = field(default_factory=list)  # the meeting's tasks; the units' own are narratives 'phuong_huong'
    trends: list[TrendSeries] = field(default_factory=list)
    area_rows: list[AreaRow] = field(default_factory=list)
    meeting: MeetingInfo | None = None
    period_short_label: str = ""  # "quý III/2023"
    next_period_label: str = ""  # "quý IV năm 2023"
    same_period_year: int | None = None  # 2022
    summary_line: str = ""  # the trích yếu; a default is written from the period when empty
    org_code: str = ""  # the report of one organization; empty: the Front and all organizations
    org_name: str = ""  # that organization's name as the area knows it ('Hội LHPN tỉnh Lai Châu')
    level: str = "province"  # the issuing level: province, district, commune
    total_units: int = 0  # units whose reports (narratives) were read
    appendix: bool = False  # add the units' own texts as an appendix

    @property
    def reported_units(self) -> int | None:
        known = [s for s in self.sections if s.expected is not None]
        return sum(s.reported or 0 for s in known) if known else None

    @property
    def expected_units(self) -> int | None:
        known = [s for s in self.sections if s.expected is not None]
        return sum(s.expected or 0 for s in known) if known else None

    @property
    def complete(self) -> bool:
        return all(s.complete for s in self.sections)

    def __post_init__(self) -> None:
        labels = period_labels(self.period_code)
        if labels:
            self.period_short_label = self.period_short_label or labels["short"]
            self.next_period_label = self.next_period_label or labels["next"]
            if self.same_period_year is None:
                self.same_period_year = labels["year"] - 1

    def section(self, org_code: str) -> OrgSection | None:
        return next((s for s in self.sections if s.org_code == org_code), None)

    def all_rows(self):
        for section in self.sections:
            for row in section.rows:
                yield section, row


_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_NINE = re.compile(r"^(\d{4})-9M$")
_YEAR = re.compile(r"^(\d{4})$")


def period_labels(code: str) -> dict | None:
    """Vietnamese labels for a period code, for the few places the writer needs them.

    Kept here (not in giaoban.core.periods) so the writer has no dependency when it runs alone;
    gather.py passes the core's labels explicitly when the core is installed.
    """
    code = (code or "").strip()
    if m := _QUARTER.match(code):
        year, q = int(m[1]), int(m[2])
        nyear, nq = (year + 1, 1) if q == 4 else (year, q + 1)
        return {
            "year": year,
            "label": f"quý {ROMAN[q - 1]} năm {year}",
            "short": f"quý {ROMAN[q - 1]}/{year}",
            "next": f"quý {ROMAN[nq - 1]} năm {nyear}",
            "next_short": f"quý {ROMAN[nq - 1]}",
        }
    if m := _HALF.match(code):
        year, h = int(m[1]), int(m[2])
        label = f"6 tháng đầu năm {year}" if h == 1 else f"6 tháng cuối năm {year}"
        nxt = f"6 tháng cuối năm {year}" if h == 1 else f"6 tháng đầu năm {year + 1}"
        return {"year": year, "label": label, "short": label, "next": nxt, "next_short": nxt}
    if m := _NINE.match(code):
        year = int(m[1])
        return {"year": year, "label": f"9 tháng đầu năm {year}", "short": f"9 tháng/{year}",
                "next": f"quý IV năm {year}", "next_short": "quý IV"}
    if m := _MONTH.match(code):
        year, month = int(m[1]), int(m[2])
        nyear, nmonth = (year + 1, 1) if month == 12 else (year, month + 1)
        return {"year": year, "label": f"tháng {month} năm {year}", "short": f"tháng {month}/{year}",
                "next": f"tháng {nmonth} năm {nyear}", "next_short": f"tháng {nmonth}"}
    if m := _YEAR.match(code):
        year = int(m[1])
        return {"year": year, "label": f"năm {year}", "short": f"năm {year}",
                "next": f"năm {year + 1}", "next_short": f"năm {year + 1}"}
    return None


def saved_bytes(document, target=None) -> bytes:
    """The bytes of a python-docx Document or openpyxl Workbook, also written to `target`
    (a path or a writable file) when given."""
    import io

    buf = io.BytesIO()
    document.save(buf)
    data = buf.getvalue()
    if target is not None:
        if hasattr(target, "write"):
            target.write(data)
        else:
            with open(target, "wb") as fh:
                fh.write(data)
    return data

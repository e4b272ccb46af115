"""Reporting periods (kỳ báo cáo): codes, Vietnamese labels, composition, windows, deadlines.

Plain Python, no Django. A period is ``Period(year, kind, index)``:

========  ==========  ===========  ==============================
kind      index       code         label_vi
========  ==========  ===========  ==============================
``W``     1..52/53    2026-W49     Tuần 49/2026
``M``     1..12       2023-07      Tháng 7/2023
``Q``     1..4        2023-Q3      Quý III/2023
``H``     1..2        2023-H1      6 tháng đầu năm 2023
``9M``    1           2023-9M      9 tháng đầu năm 2023
``Y``     1           2023         Năm 2023
========  ==========  ===========  ==============================

Half years, nine months and the year are *cumulative* (derived) periods: their figures are
computed from the quarters (see :meth:`Period.quarters`), never typed in twice.

Weeks are ISO weeks (Monday to Sunday; ``year`` is the ISO year, so 29/12/2025 is in
2026-W01). A week that crosses a month's end belongs to the month of its Thursday, as DHIS2
files weekly data under months: 2026-W05 (26/1–1/2/2026) is in January, 2026-W01
(29/12/2025–4/1/2026) in January 2026 and in 2026-Q1, never in 2025. The Thursday is always
in the ISO year, so a week's month and quarter are of its own ``year``. Weeks, months and
quarters are all *stored* periods: a month's flow is its own figure plus the figures of its
weeks (:meth:`Period.stored_parts`), reported by different units under their reporting regime.

Reporting regime
----------------
Each period has a data cut-off window and a deadline. The defaults follow Decree 09/2019/NĐ-CP
(Art. 12): data run from the day after the cut-off of the month *before* the period's first month
to the cut-off day (the 14th) of its last month -- a month 15/6–14/7, Q1 15/12–14/3, H1 15/12–14/6,
H2 15/6–14/12, nine months 15/12–14/9 (not in the decree; provinces add it), year 15/12–14/12.
The deadline is ``deadline_offset_days`` after the cut-off (default 6: the 20th of the last month,
the usual deadline for subordinate units; Art. 13 has provinces report to the Government by the
25th, i.e. offset 11). Art. 8(5) requires at least one day between cut-off and deadline, so an
offset below 1 is refused. A deployment overrides this with its own :class:`ReportingRegime`
(``cutoff_day=None`` gives calendar windows), per period kind and per level if needed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

__all__ = [
    "KINDS",
    "DEFAULT_REGIME",
    "Period",
    "PeriodError",
    "ReportingRegime",
    "parse_period",
    "periods_between",
]

KINDS = ("W", "M", "Q", "H", "9M", "Y")
_MAX_INDEX = {"W": 53, "M": 12, "Q": 4, "H": 2, "9M": 1, "Y": 1}
# number of months of each period, by kind (a week: none of its own; it sorts before a month)
_SPAN_MONTHS = {"W": 0, "M": 1, "Q": 3, "H": 6, "9M": 9, "Y": 12}
STORED_KINDS = ("W", "M", "Q")
_KIND_RANK = {k: i for i, k in enumerate(KINDS)}
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_ROMAN_TO_INT = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_MONTHS_EN = [calendar.month_name[m] for m in range(13)]
MIN_YEAR, MAX_YEAR = 1900, 2999


class PeriodError(ValueError):
    """A period code or value that cannot be understood (message in Vietnamese)."""


# --------------------------------------------------------------------------- reporting regime


@dataclass(frozen=True)
class ReportingRegime:
    """When a period's data are cut off and when its report is due.

    ``cutoff_day``: day of the month data are cut off (14 under Decree 09/2019); ``None`` means
    calendar periods (cut-off = last day of the period). A day beyond a month's length is the
    month's last day.
    ``deadline_offset_days``: days from cut-off to deadline (6 → the 20th).
    ``deadline_offsets_by_kind``: per-kind overrides, e.g. ``{"Y": 11}``.
    ``deadline_offsets_by_level``: per-level overrides used by ``deadline(level=...)``, e.g.
    ``{"commune": 4, "province": 6}`` so that a roll-up has a deadline per level (Art. 8).
    """

    cutoff_day: int | None = 14
    deadline_offset_days: int = 6
    deadline_offsets_by_kind: Mapping[str, int] = field(default_factory=dict, hash=False)
    deadline_offsets_by_level: Mapping[str, int] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if self.cutoff_day is not None and not 1 <= self.cutoff_day <= 31:
            raise PeriodError(f"Ngày chốt số liệu không hợp lệ: {self.cutoff_day} (phải từ 1 đến 31).")
        offsets = [self.deadline_offset_days, *self.deadline_offsets_by_kind.values(),
                   *self.deadline_offsets_by_level.values()]
        if any(o < 1 for o in offsets):
            raise PeriodError(
                "Hạn gửi báo cáo phải sau ngày chốt số liệu ít nhất 01 ngày (Nghị định 09/2019, Điều 8)."
            )
        for kind in self.deadline_offsets_by_kind:
            if kind not in _MAX_INDEX:
                raise PeriodError(f"Loại kỳ báo cáo không hợp lệ trong cấu hình hạn báo cáo: '{kind}'.")

    @classmethod
    def from_mapping(cls, data: Mapping) -> ReportingRegime:
        """Build from a settings dict, e.g. ``{"cutoff_day": 14, "deadline_offset_days": 6}``."""
        known = {"cutoff_day", "deadline_offset_days", "deadline_offsets_by_kind",
                 "deadline_offsets_by_level"}
        unknown = set(data) - known
        if unknown:
            raise PeriodError(f"Khóa cấu hình chế độ báo cáo không hợp lệ: {', '.join(sorted(unknown))}.")
        return cls(**dict(data))

    def cutoff_date(self, year: int, month: int) -> dt.date:
        last = calendar.monthrange(year, month)[1]
        day = last if self.cutoff_day is None else min(self.cutoff_day, last)
        return dt.date(year, month, day)

    def offset_for(self, kind: str, level: str | None = None) -> int:
        if level is not None and level in self.deadline_offsets_by_level:
            return self.deadline_offsets_by_level[level]
        return self.deadline_offsets_by_kind.get(kind, self.deadline_offset_days)


DEFAULT_REGIME = ReportingRegime()


def _regime(config: ReportingRegime | Mapping | None) -> ReportingRegime:
    if config is None:
        return DEFAULT_REGIME
    if isinstance(config, ReportingRegime):
        return config
    if isinstance(config, Mapping):
        return ReportingRegime.from_mapping(config)
    raise TypeError(f"config must be a ReportingRegime or a mapping, not {type(config).__name__}")


# --------------------------------------------------------------------------- the period


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1



def option_tags(periods: Iterable[Period], chosen: str | None) -> str:
    """<option> tags of a period box, the one whose code is ``chosen`` selected. Not escaped: a
    code and a label are made of digits and fixed words. The pages' boxes list up to a hundred
    periods, which through the template engine cost a lookup, a comparison and two escapes each."""
    return "".join(f'<option value="{p.code}"{" selected" if p.code == chosen else ""}>{p.label_vi}</option>' for p in periods)


def label_or_code(code) -> str:
    """'2025-Q3' → 'Quý III/2025' (what people write); anything unreadable is shown as it is."""
    try:
        return Period.parse(str(code)).label_vi
    except Exception:  # a label must never break a page
        return code

@functools.total_ordering
@dataclass(frozen=True, eq=True, order=False)
class Period:
    """One reporting period. Immutable, hashable, sorted chronologically (by end, then kind)."""

    year: int
    kind: str
    index: int = 1

    def __post_init__(self) -> None:
        if self.kind not in _MAX_INDEX:
            raise PeriodError(f"Loại kỳ báo cáo không hợp lệ: '{self.kind}' (phải là W, M, Q, H, 9M hoặc Y).")
        if isinstance(self.year, bool) or not isinstance(self.year, int) or not MIN_YEAR <= self.year <= MAX_YEAR:
            raise PeriodError(f"Năm của kỳ báo cáo không hợp lệ: '{self.year}'.")
        if isinstance(self.index, bool) or not isinstance(self.index, int) or not 1 <= self.index <= _MAX_INDEX[self.kind]:
            raise PeriodError(
                f"Số thứ tự kỳ báo cáo không hợp lệ: '{self.index}' cho loại '{self.kind}' "
                f"(phải từ 1 đến {_MAX_INDEX[self.kind]})."
            )
        if self.kind == "W" and self.index > weeks_in_year(self.year):
            raise PeriodError(f"Năm {self.year} chỉ có {weeks_in_year(self.year)} tuần (theo ISO 8601): không có tuần {self.index}.")

    # ---- parsing and formatting

    @classmethod
    def parse(cls, code: str | Period) -> Period:
        """Read a period code; tolerant of DHIS2 codes and Vietnamese wording. See module doc."""
        if isinstance(code, Period):
            return code
        if not isinstance(code, str):
            raise PeriodError(f"Mã kỳ báo cáo không hợp lệ: '{code}' (phải là chuỗi ký tự).")
        result = _parse(code)
        if result is None:
            raise PeriodError(
                f"Mã kỳ báo cáo không hợp lệ: '{code}'. Dùng dạng 2026-W49 (tuần), 2023-07 (tháng), 2023-Q3 (quý), "
                f"2023-H1/2023-H2 (6 tháng), 2023-9M (9 tháng) hoặc 2023 (năm)."
            )
        return result

    @functools.cached_property  # immutable: worked out once (pages ask hundreds of times)
    def code(self) -> str:
        if self.kind == "W":
            return f"{self.year}-W{self.index:02d}"
        if self.kind == "M":
            return f"{self.year}-{self.index:02d}"
        if self.kind == "Q":
            return f"{self.year}-Q{self.index}"
        if self.kind == "H":
            return f"{self.year}-H{self.index}"
        if self.kind == "9M":
            return f"{self.year}-9M"
        return f"{self.year}"

    def __str__(self) -> str:
        return self.code

    def to_json(self) -> str:
        return self.code

    @classmethod
    def from_json(cls, value: str) -> Period:
        return cls.parse(value)

    @functools.cached_property
    def label_vi(self) -> str:
        if self.kind == "W":
            return f"Tuần {self.index}/{self.year}"
        if self.kind == "M":
            return f"Tháng {self.index}/{self.year}"
        if self.kind == "Q":
            return f"Quý {_ROMAN[self.index]}/{self.year}"
        if self.kind == "H":
            half = "đầu" if self.index == 1 else "cuối"
            return f"6 tháng {half} năm {self.year}"
        if self.kind == "9M":
            return f"9 tháng đầu năm {self.year}"
        return f"Năm {self.year}"

    @property
    def label_en(self) -> str:
        if self.kind == "W":
            return f"Week {self.index} {self.year}"
        if self.kind == "M":
            return f"{_MONTHS_EN[self.index]} {self.year}"
        if self.kind == "Q":
            return f"Q{self.index} {self.year}"
        if self.kind == "H":
            return f"{'First' if self.index == 1 else 'Second'} half of {self.year}"
        if self.kind == "9M":
            return f"First nine months of {self.year}"
        return f"Year {self.year}"

    # ---- calendar

    @property
    def thursday(self) -> dt.date:
        """A week's Thursday: the day that files it under a month (the DHIS2 rule)."""
        if self.kind != "W":
            raise PeriodError(f"{self.label_vi} không phải là một tuần.")
        return dt.date.fromisocalendar(self.year, self.index, 4)

    @property
    def first_month(self) -> int:
        if self.kind == "W":
            return self.thursday.month
        if self.kind == "M":
            return self.index
        if self.kind == "Q":
            return 3 * self.index - 2
        if self.kind == "H":
            return 6 * self.index - 5
        return 1

    @property
    def last_month(self) -> int:
        return self.first_month + max(_SPAN_MONTHS[self.kind], 1) - 1

    @functools.cached_property
    def start(self) -> dt.date:
        if self.kind == "W":
            return dt.date.fromisocalendar(self.year, self.index, 1)
        return dt.date(self.year, self.first_month, 1)

    @functools.cached_property
    def end(self) -> dt.date:
        if self.kind == "W":
            return dt.date.fromisocalendar(self.year, self.index, 7)
        return dt.date(self.year, self.last_month, calendar.monthrange(self.year, self.last_month)[1])

    def month(self) -> Period:
        """The month a week is filed under (its Thursday's); a month for itself."""
        if self.kind not in ("W", "M"):
            raise PeriodError(f"{self.label_vi} dài hơn một tháng.")
        return Period(self.year, "M", self.first_month)

    @property
    def is_cumulative(self) -> bool:
        """True for periods derived from quarters (half year, nine months, year)."""
        return self.kind in ("H", "9M", "Y")

    def months(self) -> list[Period]:
        """The months of the period ([] for a week: see :meth:`month`)."""
        if self.kind == "W":
            return []
        return [Period(self.year, "M", m) for m in range(self.first_month, self.last_month + 1)]

    def weeks(self) -> list[Period]:
        """The ISO weeks filed under this period: those whose Thursday falls in it ([self] for a week)."""
        if self.kind == "W":
            return [self]
        first = self.start + dt.timedelta(days=(3 - self.start.weekday()) % 7)  # its first Thursday
        out = []
        day = first
        while day <= self.end:
            iso = day.isocalendar()
            out.append(Period(iso[0], "W", iso[1]))
            day += dt.timedelta(days=7)
        return out

    def stored_parts(self) -> list[Period]:
        """Every stored period (week, month, quarter) whose figures make up this one, in time order:
        a quarter is its own figure, its months' and its weeks'; a year its quarters' and so on.
        Under one reporting regime a unit reports an indicator for one kind only, so nothing is
        counted twice."""
        if self.kind == "W":
            return [self]
        parts = [*self.weeks(), *self.months(), *[q for q in self.quarters() if q.kind == "Q"]]
        return sorted(parts)

    def quarters(self) -> list[Period]:
        """The quarters that make up this period ([] for a week or a month, [self] for a quarter)."""
        if self.kind in ("W", "M"):
            return []
        first, last = (self.first_month + 2) // 3, self.last_month // 3
        return [Period(self.year, "Q", q) for q in range(first, last + 1)]

    def contains(self, other: Period) -> bool:
        """True when ``other`` lies within this period (a period contains itself); a week lies in
        the period that holds its Thursday, even when it crosses the period's end."""
        if other.kind == "W" and self.kind != "W":
            return self.start <= other.thursday <= self.end
        if self.kind == "W" and other.kind != "W":
            return False
        return self.start <= other.start and other.end <= self.end

    def __contains__(self, other: object) -> bool:
        return isinstance(other, Period) and self.contains(other)

    # ---- navigation

    def _shift(self, steps: int) -> Period:
        if self.kind == "W":
            monday = self.start + dt.timedelta(weeks=steps)
            iso = monday.isocalendar()
            return Period(iso[0], "W", iso[1])
        if self.kind in ("9M", "Y"):
            return Period(self.year + steps, self.kind, 1)
        n = _MAX_INDEX[self.kind]
        pos = self.year * n + (self.index - 1) + steps
        return Period(pos // n, self.kind, pos % n + 1)

    def previous(self) -> Period:
        """The period of the same kind just before (for 9M and Y: the previous year's)."""
        return self._shift(-1)

    def next(self) -> Period:
        return self._shift(1)

    def following(self) -> Period:
        """The period a review of this one plans for: the next of the same kind, except after nine
        months, which the fourth quarter completes (a meeting on 9 months sets tasks for Q4)."""
        return Period(self.year, "Q", 4) if self.kind == "9M" else self.next()

    def same_period_last_year(self) -> Period:
        """Kỳ cùng kỳ năm trước: same kind and index, one year earlier (week 53 → week 52 of a
        year without a 53rd week)."""
        if self.kind == "W":
            return Period(self.year - 1, "W", min(self.index, weeks_in_year(self.year - 1)))
        return Period(self.year - 1, self.kind, self.index)

    def year_to_date(self) -> list[Period]:
        """From 1 January to this period's end: quarters (Q1..Qn), or months for a month.

        A month is not a whole number of quarters, so a month's year-to-date is its months
        (2023-08 → 2023-01 .. 2023-08).
        """
        if self.kind == "W":
            return [Period(self.year, "W", w) for w in range(1, self.index + 1)]
        if self.kind == "M":
            return [Period(self.year, "M", m) for m in range(1, self.index + 1)]
        return [Period(self.year, "Q", q) for q in range(1, self.last_month // 3 + 1)]

    # ---- reporting regime

    def data_window(self, config: ReportingRegime | Mapping | None = None) -> tuple[dt.date, dt.date]:
        """(first day, cut-off day) of the data this period's report covers, both inclusive."""
        regime = _regime(config)
        if regime.cutoff_day is None or self.kind == "W":  # a week is its own seven days
            return self.start, self.end
        py, pm = _add_months(self.year, self.first_month, -1)
        start = regime.cutoff_date(py, pm) + dt.timedelta(days=1)
        return start, regime.cutoff_date(self.year, self.last_month)

    def cutoff(self, config: ReportingRegime | Mapping | None = None) -> dt.date:
        return self.data_window(config)[1]

    def deadline(self, config: ReportingRegime | Mapping | None = None, level: str | None = None) -> dt.date:
        """Last day to submit this period's report (cut-off + the regime's offset)."""
        regime = _regime(config)
        return self.cutoff(regime) + dt.timedelta(days=regime.offset_for(self.kind, level))

    # ---- constructors

    @classmethod
    def for_date(cls, d: dt.date, kind: str = "Q") -> Period:
        """The calendar period of ``kind`` containing date ``d``."""
        kind = _normalize_kind(kind)
        if kind == "W":
            iso = d.isocalendar()
            return cls(iso[0], "W", iso[1])
        if kind == "M":
            return cls(d.year, "M", d.month)
        if kind == "Q":
            return cls(d.year, "Q", (d.month - 1) // 3 + 1)
        if kind == "H":
            return cls(d.year, "H", 1 if d.month <= 6 else 2)
        if kind == "9M":
            if d.month > 9:
                raise PeriodError(f"Ngày {d:%d/%m/%Y} không thuộc kỳ 9 tháng đầu năm nào.")
            return cls(d.year, "9M", 1)
        return cls(d.year, "Y", 1)

    @classmethod
    def for_reporting_date(cls, d: dt.date, kind: str = "Q",
                           config: ReportingRegime | Mapping | None = None) -> Period:
        """The period whose *data window* contains ``d`` (e.g. 20/12/2023 → 2024-Q1 under 15–14)."""
        kind = _normalize_kind(kind)
        if kind == "9M":
            for p in (cls(d.year, "9M"), cls(d.year + 1, "9M")):
                lo, hi = p.data_window(config)
                if lo <= d <= hi:
                    return p
            raise PeriodError(f"Ngày {d:%d/%m/%Y} không thuộc khoảng số liệu của kỳ 9 tháng nào.")
        p = cls.for_date(d, kind)
        for candidate in (p, p.next(), p.previous()):
            lo, hi = candidate.data_window(config)
            if lo <= d <= hi:
                return candidate
        raise PeriodError(f"Không xác định được kỳ báo cáo cho ngày {d:%d/%m/%Y}.")  # pragma: no cover

    @classmethod
    def quarters_of(cls, year: int) -> list[Period]:
        return [cls(year, "Q", q) for q in range(1, 5)]

    @classmethod
    def months_of(cls, year: int) -> list[Period]:
        return [cls(year, "M", m) for m in range(1, 13)]

    @classmethod
    def weeks_of(cls, year: int) -> list[Period]:
        return [cls(year, "W", w) for w in range(1, weeks_in_year(year) + 1)]

    # ---- ordering

    def sort_key(self) -> tuple:
        return (self.end, _SPAN_MONTHS[self.kind], _KIND_RANK[self.kind], self.year, self.index)


    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.sort_key() < other.sort_key()


parse_period = Period.parse


# Pages and the API compare a period with earlier ones (previous quarters, the same period of
# earlier years, trends): a period asked for from outside must leave room for them.
REACHABLE_YEARS = (MIN_YEAR + 10, MAX_YEAR - 10)


def parse_reachable(code: str | Period) -> Period:
    """Period.parse for a period asked for by a user or a program (a page's ?period=, the API):
    also refuses years so near the ends of the calendar that its comparisons fall outside it."""
    if isinstance(code, str) and len(code) > 40:
        raise PeriodError(f"Mã kỳ báo cáo quá dài ({len(code)} ký tự).")
    period = Period.parse(code)
    low, high = REACHABLE_YEARS
    if not low <= period.year <= high:
        raise PeriodError(f"Kỳ báo cáo {period.code} nằm ngoài khoảng năm {low}–{high} mà hệ thống xử lý.")
    return period


def weeks_in_year(year: int) -> int:
    """52 or 53: the ISO week of 28 December is always the year's last."""
    return dt.date(year, 12, 28).isocalendar()[1]


def periods_between(first: Period | str, last: Period | str) -> list[Period]:
    """All periods of one kind from ``first`` to ``last``, both included."""
    first, last = Period.parse(first), Period.parse(last)
    if first.kind != last.kind:
        raise PeriodError(f"Hai kỳ '{first.code}' và '{last.code}' không cùng loại kỳ báo cáo.")
    if last < first:
        raise PeriodError(f"Kỳ đầu '{first.code}' nằm sau kỳ cuối '{last.code}'.")
    out = [first]
    while out[-1] != last:
        out.append(out[-1].next())
    return out


def sort_periods(periods: Iterable[Period | str]) -> list[Period]:
    return sorted(Period.parse(p) for p in periods)


# --------------------------------------------------------------------------- the tolerant parser


def _normalize_kind(kind: str) -> str:
    k = str(kind).strip().upper()
    k = {"WEEK": "W", "MONTH": "M", "QUARTER": "Q", "HALF": "H", "S": "H", "YEAR": "Y", "A": "Y"}.get(k, k)
    if k not in _MAX_INDEX:
        raise PeriodError(f"Loại kỳ báo cáo không hợp lệ: '{kind}' (phải là W, M, Q, H, 9M hoặc Y).")
    return k


def _fold(text: str) -> str:
    """Lower case, no diacritics, đ→d, single spaces: '2023-Q3 ' → '2023-q3' (the code forms)."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("đ", "d").replace("Đ", "D").lower()
    return re.sub(r"\s+", " ", stripped).strip()


_Y = r"(?P<y>\d{4})"
_QNUM = r"(?P<q>[1-4]|iv|iii|ii|i)"

# Codes: the project's, DHIS2's and a few day-to-day ones (on the folded text). The Vietnamese
# wording ('Quý III/2023', '6 tháng đầu năm 2023') is read by the period words below.
_PATTERNS: list[tuple[re.Pattern, str]] = [
    (re.compile(rf"^{_Y}$"), "Y"),
    (re.compile(rf"^{_Y}-?w(?P<w>\d{{1,2}})$"), "W"),  # 2026-W49, DHIS2 weekly 2026W49
    (re.compile(rf"^{_Y}-?(?:y|a|nam)$"), "Y"),
    (re.compile(rf"^{_Y}-(?P<m>\d{{1,2}})$"), "M"),
    (re.compile(rf"^{_Y}(?P<m>\d{{2}})$"), "M"),  # DHIS2 monthly 202307
    (re.compile(rf"^{_Y}-?q{_QNUM}$"), "Q"),
    (re.compile(rf"^{_Y}-?[hs](?P<h>[12])$"), "H"),  # 2023-H1, DHIS2 six-monthly 2023S1
    (re.compile(rf"^{_Y}-?9m$"), "9M"),
    (re.compile(rf"^(?P<m>\d{{1,2}})/{_Y}$"), "M"),  # 07/2023
]


@functools.lru_cache(maxsize=4096)  # pages read the same few codes hundreds of times; a Period is immutable
def _parse(code: str) -> Period | None:
    text = _fold(unicodedata.normalize("NFC", code))
    if not text:
        return None
    for pattern, kind in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        year = int(m.group("y"))
        groups = m.groupdict()
        if kind == "W":
            index = int(groups["w"])
        elif kind == "M":
            index = int(groups["m"])
        elif kind == "Q":
            q = groups["q"]
            index = int(q) if q.isdigit() else _ROMAN_TO_INT[q]
        elif kind == "H":
            index = int(groups["h"])
        else:
            index = 1
        try:
            return Period(year, kind, index)
        except PeriodError:
            return None
    words = _period_words(" ".join(unicodedata.normalize("NFC", code).lower().split()))
    if words is None or words.year is None:
        return None
    return words.period()


# --------------------------------------------------------------------------- period words


@dataclass(slots=True)  # not frozen: made for every period named in every text read, and a frozen one is slow to make
class PeriodWords:
    """A period named in Vietnamese ('quý III năm 2023', '6 tháng đầu năm', '9 tháng', 'năm 2024',
    'tháng 7/2023', 'tuần 49/2026'), as found by :func:`find_period_words`: ``index`` is None for
    '6 tháng' without 'đầu' or 'cuối' (read as the first half), ``year`` None when no year is
    written beside the words; ``start``/``end`` are offsets in the text searched."""

    kind: str
    index: int | None
    year: int | None
    start: int
    end: int

    def period(self, default_year: int | None = None) -> Period | None:
        """The period meant, the year taken from ``default_year`` when none is written beside it."""
        year = self.year or default_year
        if year is None:
            return None
        try:
            return Period(year, self.kind, self.index or 1)
        except PeriodError:
            return None


# One grammar of the period words, for codes typed by a user (``whole``: the words must be the whole
# string; any year; diacritics optional, 'quy 3 nam 2023') and for running text (years 19xx and 20xx,
# diacritics as written). Both on lower-case NFC text.
_WORD_GRAMMAR = [
    ("Q", r"q{B}(?:uý|úy|uí{Q_LOOSE})\s*(iv|iii|ii|i|[1-4])(?![^\W_])"),
    # Not 'ngày 6 tháng 7': a date.
    ("H", r"{OPEN}\s+tháng(?!\s+\d{{1,2}}(?!\d))(?:\s+(đầu|cuối))?(?:\s+năm)?"),
    ("9M", r"{OPEN}\s+tháng(?!\s+\d{{1,2}}(?!\d))(?:\s+đầu)?(?:\s+năm)?"),
    ("M", r"t{B}(?:háng\s+{M_SHORT})(\d{{1,2}})(?!\d)"),  # 'T7/2023' only as a whole code
    ("W", r"t{B}uần\s*(\d{{1,2}})(?!\d)"),
    ("Y", r"năm(?<![^\W\d_]năm)\s+{Y}(?![\d/-])(?!\s*[-–]\s*\d{{4}})"),
]
# A word starts after a non-letter ('năm' inside 'chăm' is no year), checked after its first
# letter: a pattern that starts with a letter is scanned for in C, a look-behind first is tried
# at every position of the text.
_WORD_START = r"(?<![^\W\d_].)"
# The words that open a kind ({OPEN}: any of them), each on its own for running text: a pattern that opens
# with one character is found by a plain search for it, one that opens with a choice ('6' or 's', '9' or
# 'c') by a test of a set of characters at every position of the text, several times slower.
_OPENINGS = {"H": ("6{B}", "s{B}áu"), "9M": ("9{B}", "c{B}hín")}
# The year written after the words: 'quý III năm 2023', 'quý 2/2024', 'Quý II - 2023', 'quý III, năm 2023'.
_YEAR_TAIL = r"(?:(?:\s*,)?(?:\s+năm\s+|\s*[/.-]\s*|\s+){Y}(?![\d-]))?"


def _loose(pattern: str) -> str:
    """The pattern with each letter's diacritics optional ('quý' also matches 'quy', 'đầu' 'dau')."""
    out = []
    for ch in pattern:
        base = "d" if ch == "đ" else unicodedata.normalize("NFD", ch)[0]
        out.append(f"[{ch}{base}]" if base != ch and ch.isalpha() else ch)
    return "".join(out)


def _compile_words(whole: bool, kinds: Iterable[str], opening: int | None = None) -> re.Pattern[str]:
    """The pattern of the words of ``kinds``; ``opening``: only those that open with that one of the
    kind's _OPENINGS."""
    year = r"(\d{4})" if whole else r"((?:19|20)\d\d)"
    parts = []
    for kind, body in _WORD_GRAMMAR:
        if kind not in kinds:
            continue
        openings = [w.format(B=_WORD_START) for w in _OPENINGS.get(kind, ())]
        first = "(?:" + "|".join(openings) + ")" if opening is None else openings[opening]
        body = body.format(Y=year, Q_LOOSE="|" if whole else "", M_SHORT=r"|\s?" if whole else "", B=_WORD_START,
                           OPEN=first)
        if kind != "Y":
            body += _YEAR_TAIL.format(Y=year)
        if whole:
            body = _loose(body)
        parts.append(f"(?P<{_GROUP[kind]}>{body})")
    return re.compile("|".join(parts))


_GROUP = {"9M": "N9M", **{k: k for k in KINDS if k != "9M"}}  # a group's name cannot start with a digit
_KIND = {group: kind for kind, group in _GROUP.items()}
_WORDS_WHOLE = _compile_words(True, KINDS)
# Running text: one pattern per kind and opening, each scanned for by its first letter (an alternation of
# all would be tried at every 'n', 's', 'c', … of the text): (kind, its opening or None) -> pattern.
_SCANS = tuple((kind, i) for kind in KINDS for i in (range(len(_OPENINGS[kind])) if kind in _OPENINGS else (None,)))
_WORDS_TEXT = {(kind, i): _compile_words(False, (kind,), i) for kind, i in _SCANS}
# A word every match of a kind's pattern holds: a text without it is not scanned for that kind.
_SCAN_NEEDS = {"Q": "q", "H": "tháng", "9M": "tháng", "M": "tháng", "W": "tuần", "Y": "năm"}
_GRAMMAR_ORDER = {kind: i for i, (kind, _) in enumerate(_WORD_GRAMMAR)}


_HALF_WORD = {"đầu": 1, "dau": 1, "cuối": 2, "cuoi": 2}


_INNER: dict[tuple[re.Pattern[str], str], tuple[str, range]] = {}


def _inner_groups(pattern: re.Pattern[str], group: str) -> tuple[str, range]:
    """The kind of an alternative and its inner groups' numbers (worked out once per pattern)."""
    hit = _INNER.get((pattern, group))
    if hit is None:
        outer = pattern.groupindex[group]
        after = [i for i in pattern.groupindex.values() if i > outer]
        hit = _INNER[(pattern, group)] = (_KIND[group], range(outer + 1, min(after, default=pattern.groups + 1)))
    return hit


def _words_of(m: re.Match[str]) -> PeriodWords:
    # The inner groups of the alternative that matched, those that took part.
    kind, inner = _inner_groups(m.re, str(m.lastgroup))
    values = [g for g in m.group(*inner) if g is not None] if len(inner) > 1 else \
        [g for g in (m.group(i) for i in inner) if g is not None]
    year = None
    if values and len(values[-1]) == 4 and values[-1].isdigit():
        year = int(values.pop())
    index: int | None = 1
    if kind == "Q":
        q = values[0]
        index = int(q) if q.isdigit() else _ROMAN_TO_INT[q]
    elif kind == "H":
        index = _HALF_WORD.get(values[0]) if values else None
    elif kind in ("M", "W"):
        index = int(values[0])
    return PeriodWords(kind, index, year, m.start(), m.end())


def find_period_words(key: str, kinds: Iterable[str] = ("Q", "H", "9M", "Y")) -> list[PeriodWords]:
    """The periods named in running text (lower-case NFC, e.g. the extraction engine's match key),
    in order, none inside another: 'năm 2024' in '6 tháng đầu năm 2024' is part of the half year.
    Months and weeks only when asked for (``kinds``): 'ngày 2 tháng 7 năm 2024' is a date."""
    wanted = set(kinds)
    found = sorted((m.start(), _GRAMMAR_ORDER[_KIND[str(m.lastgroup)]], m)
                   for scan in _SCANS if scan[0] in wanted and _SCAN_NEEDS[scan[0]] in key
                   for m in _WORDS_TEXT[scan].finditer(key))
    out: list[PeriodWords] = []
    end = -1
    for start, _, m in found:
        if start >= end and _KIND[str(m.lastgroup)] in wanted:  # the first to start wins; on a tie the grammar's order
            out.append(_words_of(m))
            end = m.end()
    return out


def _period_words(text: str) -> PeriodWords | None:
    """The period words that make up the whole of ``text`` (lower-case NFC, single spaces)."""
    m = _WORDS_WHOLE.fullmatch(re.sub(r"^c[ảa] (?=n)", "", text))  # 'cả năm 2023': the year
    return _words_of(m) if m else None

"""The reporting period a text is about: 'quý III năm 2023', '6 tháng đầu năm', '9 tháng',
'năm 2023', 'nhiệm kỳ 2022-2027'.

The period words are the project's one grammar (``giaoban.core.periods.find_period_words``); this
module chooses among them. Codes follow the project's periods: '2023-Q3', '2023-H1', '2023-9M',
'2023'. Without a year the code is None and the detail says what was found. Mentions inside the
next period's tasks ('Nhiệm vụ quý IV', 'phương hướng ... quý IV') are the future, not the period
reported.
"""

from __future__ import annotations

import re
from typing import Any

from giaoban.core.periods import PeriodWords, find_period_words

from .normalize import by_first_letter

_KIND_NAMES = {"Q": "quarter", "9M": "9m", "H": "half", "Y": "year"}
_RANK = {"Q": 0, "9M": 1, "H": 2}
_TERM_RE = re.compile(r"n(?<![^\W_].)hiệm kỳ ((?:19|20)\d\d) ?[-–] ?((?:19|20)\d\d)")
# The title of a year or term report is in its first lines.
_REPORT_YEAR_RE = re.compile(r"(tổng kết|báo cáo)[^\n]{0,80}năm (19|20)\d\d")
_REPORT_TERM_RE = re.compile(r"(tổng kết|báo cáo|đại hội)[^\n]{0,80}nhiệm kỳ")
_FUTURE_RE = re.compile(
    r"((phương hướng|tiếp theo|sắp tới|đề nghị|kế hoạch)[^.\n]{0,60}|(^|[.\n:] ?)(nhiệm vụ|trọng tâm)[^.\n]{0,20})$"
)
_FUTURE_WORDS = ("phương hướng", "tiếp theo", "sắp tới", "đề nghị", "kế hoạch", "nhiệm vụ", "trọng tâm")


def _future(before: str) -> bool:
    """Whether the words before a period name the next period's tasks (every match of
    _FUTURE_RE holds one of its words: scans in C first, the regex tries every position)."""
    return any(w in before for w in _FUTURE_WORDS) and _FUTURE_RE.search(before) is not None


_ANY_YEAR_RE = re.compile(by_first_letter(r"(?<!\d)((?:19|20)\d\d)(?!\d)"))


def detect_period(key: str) -> dict[str, Any]:
    """Return {'code', 'kind', 'number', 'year', 'text', 'start', 'end'} or kind None."""
    words = find_period_words(key)
    # A half year only with 'đầu'/'cuối' ('6 tháng' alone is as often a duration).
    found = [w for w in words if w.kind in _RANK and (w.kind != "H" or w.index is not None)]
    # Past periods only: drop mentions that name next period's tasks.
    past = [w for w in found if not _future(key[max(0, w.start - 80):w.start])]
    with_year = [w for w in words if w.year is not None]
    term = _TERM_RE.search(key) if "nhiệm kỳ" in key else None  # (a scan for 'nhiệm kỳ' in C first)
    if past:
        best = min(past, key=lambda w: (w.start > 400 and _RANK[w.kind], w.start))
    elif with_year and _REPORT_YEAR_RE.search(key, 0, 1500):
        best = _year_of(with_year[0])
    elif term and _REPORT_TERM_RE.search(key, 0, 1500):
        return dict(code=None, kind="term", number=None, year=int(term.group(1)),
                    end_year=int(term.group(2)), text=term.group(0), start=term.start(), end=term.end())
    elif with_year:
        best = _year_of(with_year[0])
    else:
        return dict(code=None, kind=None, number=None, year=None, text=None, start=None, end=None)
    year = best.year
    if year is None:
        # 'quý III' with the year elsewhere ('... năm 2023').
        year = _nearest_year(key, best.start, with_year)
    period = best.period(year)
    return dict(code=period.code if period else None, kind=_KIND_NAMES[best.kind],
                number=best.index if best.kind in ("Q", "H") else None,
                year=year, text=key[best.start:best.end], start=best.start, end=best.end)


def _year_of(w: PeriodWords) -> PeriodWords:
    """The year a mention names ('quý I năm 2024' → the year 2024)."""
    return w if w.kind == "Y" else PeriodWords("Y", 1, w.year, w.start, w.end)


def _nearest_year(key: str, pos: int, with_year: list[PeriodWords]) -> int | None:
    if with_year:
        return min(with_year, key=lambda w: abs(w.start - pos)).year
    # Dates in the header ('ngày 25 tháng 9 năm 2023', '25/9/2023') give the year too.
    m = _ANY_YEAR_RE.search(key, 0, 2000)
    return int(m.group(1)) if m else None

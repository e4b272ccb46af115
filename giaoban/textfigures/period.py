"""The reporting period a text is about: 'quý III năm 2023', '6 tháng đầu năm', '9 tháng',
'năm 2023', 'nhiệm kỳ 2022-2027'.

Codes follow the project's periods: '2023-Q3', '2023-H1', '2023-9M', '2023'. Without a year the
code is None and the detail says what was found. Mentions inside the next period's tasks
('Nhiệm vụ quý IV', 'phương hướng ... quý IV') are the future, not the period reported.
"""

from __future__ import annotations

import re
from typing import Any

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"(?:năm )?((?:19|20)\d\d)"
_QUARTER_RE = re.compile(r"q(?<![^\W_].)uý (iv|iii|ii|i|[1-4])(?![^\W_])(?:(?: |/|,? ?năm |-)((?:19|20)\d\d))?")
_HALF_RE = re.compile(r"(6(?<![^\W_].)|s(?<![^\W_].)áu) tháng (đầu|cuối) năm(?: ((?:19|20)\d\d))?")
_NINE_RE = re.compile(r"(9(?<![^\W_].)|c(?<![^\W_].)hín) tháng(?: đầu năm)?(?: (?:năm )?((?:19|20)\d\d))?")
_YEAR_RE = re.compile(r"n(?<![^\W_].)ăm ((?:19|20)\d\d)(?![\d/-])")
_TERM_RE = re.compile(r"n(?<![^\W_].)hiệm kỳ ((?:19|20)\d\d) ?[-–] ?((?:19|20)\d\d)")
# The title of a year or term report is in its first lines.
_REPORT_YEAR_RE = re.compile(r"(tổng kết|báo cáo)[^\n]{0,80}năm (19|20)\d\d")
_REPORT_TERM_RE = re.compile(r"(tổng kết|báo cáo|đại hội)[^\n]{0,80}nhiệm kỳ")
_FUTURE_RE = re.compile(
    r"((phương hướng|tiếp theo|sắp tới|đề nghị|kế hoạch)[^.\n]{0,60}|(^|[.\n:] ?)(nhiệm vụ|trọng tâm)[^.\n]{0,20})$"
)


def detect_period(key: str) -> dict[str, Any]:
    """Return {'code', 'kind', 'number', 'year', 'text', 'start', 'end'} or kind None."""
    found: list[dict[str, Any]] = []
    for m in _QUARTER_RE.finditer(key):
        found.append(dict(kind="quarter", number=_ROMAN[m.group(1)], year=_int(m.group(2)), m=m, rank=0))
    for m in _NINE_RE.finditer(key):
        found.append(dict(kind="9m", number=None, year=_int(m.group(2)), m=m, rank=1))
    for m in _HALF_RE.finditer(key):
        found.append(dict(kind="half", number=1 if m.group(2) == "đầu" else 2, year=_int(m.group(3)), m=m, rank=2))
    # Past periods only: drop mentions that name next period's tasks.
    past = [f for f in found if not _FUTURE_RE.search(key[max(0, f["m"].start() - 80):f["m"].start()])]
    years = [int(m.group(1)) for m in _YEAR_RE.finditer(key)]
    term = _TERM_RE.search(key)
    if past:
        best = min(past, key=lambda f: (f["m"].start() > 400 and f["rank"], f["m"].start()))
    elif years and _REPORT_YEAR_RE.search(key, 0, 1500):
        best = dict(kind="year", number=None, year=years[0], m=_YEAR_RE.search(key), rank=3)
    elif term and _REPORT_TERM_RE.search(key, 0, 1500):
        return dict(code=None, kind="term", number=None, year=int(term.group(1)),
                    end_year=int(term.group(2)), text=term.group(0), start=term.start(), end=term.end())
    elif years:
        best = dict(kind="year", number=None, year=years[0], m=_YEAR_RE.search(key), rank=3)
    else:
        return dict(code=None, kind=None, number=None, year=None, text=None, start=None, end=None)
    year = best["year"]
    if year is None and years:
        # 'quý III' with the year elsewhere ('... năm 2023').
        year = _nearest_year(key, best["m"].start())
    m = best["m"]
    return dict(code=_code(best["kind"], best["number"], year), kind=best["kind"], number=best["number"],
                year=year, text=m.group(0), start=m.start(), end=m.end())


_ANY_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _nearest_year(key: str, pos: int) -> int | None:
    best = None
    for m in _YEAR_RE.finditer(key):
        d = abs(m.start() - pos)
        if best is None or d < best[0]:
            best = (d, int(m.group(1)))
    for m in _ANY_YEAR_RE.finditer(key, 0, 2000):
        # Dates in the header ('ngày 25 tháng 9 năm 2023', '25/9/2023') give the year too.
        if best is None:
            best = (abs(m.start() - pos), int(m.group(1)))
    return best[1] if best else None


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _code(kind: str, number: int | None, year: int | None) -> str | None:
    if year is None:
        return None
    if kind == "quarter":
        return f"{year}-Q{number}"
    if kind == "half":
        return f"{year}-H{number}"
    if kind == "9m":
        return f"{year}-9M"
    return str(year)

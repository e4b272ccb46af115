"""The date and place of a meeting, as written near the top of an article or minutes."""

import datetime as dt
import re

_DATE = re.compile(
    r"(?:ngày|sáng|chiều|tối|trưa)\s+(\d{1,2})\s*(?:/\s*(\d{1,2})|tháng\s+(\d{1,2}))"
    r"(?:\s*(?:/|năm)\s*((?:19|20)\d\d))?",
    re.I,
)
_PLACE = re.compile(r"^\s*địa điểm\s*:\s*(.+?)\s*\.?\s*$|\btại\s+((?:hội trường|trụ sở|phòng họp)[^,.;\n]*)", re.I | re.M)


def meeting_date(text: str, default_year: int | None) -> str | None:
    """ISO date of the first 'ngày 02 tháng 7 năm 2024' / 'Sáng 9/4' in the text."""
    for m in _DATE.finditer(text[:1500]):
        day, month = int(m.group(1)), int(m.group(2) or m.group(3))
        year = int(m.group(4)) if m.group(4) else default_year
        if year is None:
            continue
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


def meeting_place(text: str) -> str | None:
    m = _PLACE.search(text[:3000])
    if not m:
        return None
    return (m.group(1) or m.group(2)).strip()

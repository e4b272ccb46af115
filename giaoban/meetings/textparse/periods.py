"""Period mentions in meeting texts ('quý III', '6 tháng đầu năm 2024', 'năm 2023') and which
one the meeting reviewed.

Codes follow the project's period codes: '2023-Q3', '2024-H1', '2023-9M', '2023', '2023-07'.
Matching runs on `fold()`ed text (lower case, one tone placement, same offsets).
"""

import re
from collections import Counter
from dataclasses import dataclass

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR_TAIL = r"(?:\s*(?:năm\s+|/\s*|-\s*)?((?:19|20)\d\d)(?![\d-]))?"
_PATTERNS = [
    ("Q", re.compile(r"\bquý\s+(iv|i{1,3}|[1-4])(?![\w])" + _YEAR_TAIL)),
    ("H", re.compile(r"\b(?:6|sáu)\s+tháng(?:\s+(đầu|cuối))?(?:\s+năm)?" + _YEAR_TAIL)),
    ("9M", re.compile(r"\b(?:9|chín)\s+tháng(?:\s+đầu)?(?:\s+năm)?" + _YEAR_TAIL)),
    ("Y", re.compile(r"\bnăm\s+((?:19|20)\d\d)(?![\d/])(?!\s*-\s*\d{4})")),
]
# Keyword nearest before a mention (same sentence) says whether it is the period reviewed
# ('sơ kết quý III', 'kết quả 6 tháng') or the one ahead ('nhiệm vụ quý IV', 'trọng tâm năm 2024').
_CONTEXT = re.compile(
    r"sơ kết|tổng kết|giao ban|kết quả|đánh giá|đạt được|thực hiện nhiệm vụ"
    r"|phương hướng|nhiệm vụ|kế hoạch|triển khai|trọng tâm|tới|cần|đề nghị|đề xuất|phấn đấu"
    r"|để|hoàn thiện|hoàn thành"
)
_REVIEW_WORDS = {"sơ kết", "tổng kết", "giao ban", "kết quả", "đánh giá", "đạt được", "thực hiện nhiệm vụ"}
_DATE = re.compile(r"\b\d{1,2}\s*/\s*\d{1,2}\s*/\s*((?:19|20)\d\d)\b|tháng\s+\d{1,2}\s+năm\s+((?:19|20)\d\d)\b")


@dataclass
class Mention:
    kind: str  # Q, H, 9M, Y
    number: int | None  # quarter 1-4, half 1-2
    year: int | None  # as written next to the mention
    start: int
    end: int
    context: str  # review, next or neutral

    def code(self, default_year: int | None) -> str | None:
        year = self.year or default_year
        if year is None:
            return None
        if self.kind == "Q":
            return f"{year}-Q{self.number}"
        if self.kind == "H":
            return f"{year}-H{self.number}"
        if self.kind == "9M":
            return f"{year}-9M"
        return str(year)


def _context(folded: str, start: int) -> str:
    sentence_start = max(folded.rfind(". ", 0, start), folded.rfind("\n", 0, start), start - 80)
    window = folded[sentence_start + 1 : start]
    found = list(_CONTEXT.finditer(window))
    if not found:
        return "neutral"
    word = found[-1].group(0)
    if word in _REVIEW_WORDS:
        return "review"
    return "next"


def find_mentions(folded: str) -> list[Mention]:
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            if any(s <= m.start() < e for s, e in taken):
                continue  # 'năm 2024' inside '6 tháng đầu năm 2024'
            if kind == "Q":
                number, year = ROMAN[m.group(1)], m.group(2)
            elif kind == "H":
                number, year = (2 if m.group(1) == "cuối" else 1), m.group(2)
            elif kind == "9M":
                number, year = None, m.group(1)
            else:
                number, year = None, m.group(1)
            mentions.append(
                Mention(kind, number, int(year) if year else None, m.start(), m.end(), _context(folded, m.start()))
            )
            taken.append((m.start(), m.end()))
    return sorted(mentions, key=lambda x: x.start)


def document_year(folded: str, mentions: list[Mention]) -> int | None:
    """The year the text speaks of: years written beside periods, else dates, else none."""
    written = Counter(m.year for m in mentions if m.year)
    if written:
        return written.most_common(1)[0][0]
    dates = Counter(int(a or b) for a, b in _DATE.findall(folded))
    if dates:
        return dates.most_common(1)[0][0]
    return None


def next_period(code: str) -> str:
    """The period after `code`; after nine months comes the fourth quarter."""
    if re.fullmatch(r"\d{4}", code):
        return str(int(code) + 1)
    year_text, part = code.split("-", 1)
    year = int(year_text)
    if part.startswith("Q"):
        n = int(part[1])
        return f"{year}-Q{n + 1}" if n < 4 else f"{year + 1}-Q1"
    if part.startswith("H"):
        return f"{year}-H2" if part == "H1" else f"{year + 1}-H1"
    if part == "9M":
        return f"{year}-Q4"
    month = int(part)
    return f"{year}-{month + 1:02d}" if month < 12 else f"{year + 1}-01"


def previous_period(code: str) -> str:
    if re.fullmatch(r"\d{4}", code):
        return str(int(code) - 1)
    year_text, part = code.split("-", 1)
    year = int(year_text)
    if part.startswith("Q"):
        n = int(part[1])
        return f"{year}-Q{n - 1}" if n > 1 else f"{year - 1}-Q4"
    if part.startswith("H"):
        return f"{year}-H1" if part == "H2" else f"{year - 1}-H2"
    if part == "9M":
        return f"{year}-H1"
    month = int(part)
    return f"{year}-{month - 1:02d}" if month > 1 else f"{year - 1}-12"


def reviewed_period(folded: str) -> tuple[str | None, list[Mention], int | None]:
    """(period code reviewed, mentions, document year).

    Each period scores 2 per mention in a reviewing context, 1 per neutral one and 3 more when
    the period after it is also named (a Q3 meeting names Q4 for its tasks); ties go to the
    period named first. With only forward-looking mentions, the period before them is taken.
    """
    mentions = find_mentions(folded)
    year = document_year(folded, mentions)
    codes = [(m, m.code(year)) for m in mentions if m.code(year)]
    if not codes:
        return None, mentions, year
    named = {c for _, c in codes}
    scores: Counter = Counter()
    first_seen: dict[str, int] = {}
    for m, c in codes:
        scores[c] += {"review": 2, "neutral": 1, "next": 0}[m.context]
        first_seen.setdefault(c, m.start)
    for c in named:
        if next_period(c) in named:
            scores[c] += 3
    best = max(named, key=lambda c: (scores[c], -first_seen[c]))
    if scores[best] == 0:
        return previous_period(codes[0][1]), mentions, year
    return best, mentions, year


def end_key(code: str) -> tuple[int, int]:
    """(year, last month) of a period, to tell which of two periods ends later."""
    if re.fullmatch(r"\d{4}", code):
        return int(code), 12
    year_text, part = code.split("-", 1)
    if part.startswith("Q"):
        return int(year_text), 3 * int(part[1])
    if part.startswith("H"):
        return int(year_text), 6 * int(part[1])
    if part == "9M":
        return int(year_text), 9
    return int(year_text), int(part)


def is_after(code: str | None, reviewed: str | None) -> bool:
    return bool(code and reviewed and end_key(code) > end_key(reviewed))

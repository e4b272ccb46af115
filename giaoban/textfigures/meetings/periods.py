"""Which period a meeting reviewed, from the period words of its text (``giaoban.core.periods``:
'quý III', '6 tháng đầu năm 2024', 'năm 2023', 'tháng 3'), each read in its context.

Matching runs on the match key (lower case, one tone placement, same offsets as the text).
"""

import re
from collections import Counter
from dataclasses import dataclass

from giaoban.core.periods import Period, PeriodWords, find_period_words

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
    words: PeriodWords
    context: str  # review, next or neutral

    @property
    def start(self) -> int:
        return self.words.start

    def period(self, default_year: int | None) -> Period | None:
        return self.words.period(default_year)


def _context(key: str, start: int) -> str:
    sentence_start = max(key.rfind(". ", 0, start), key.rfind("\n", 0, start), start - 80)
    window = key[sentence_start + 1 : start]
    found = list(_CONTEXT.finditer(window))
    if not found:
        return "neutral"
    return "review" if found[-1].group(0) in _REVIEW_WORDS else "next"


# A month after a day's number is a date ('ngày 2 tháng 4 năm 2026', 'sáng 9 tháng 4').
_DAY_BEFORE = re.compile(r"\d\s*$")


def find_mentions(key: str) -> list[Mention]:
    """Quarters, half years, nine months, years and months ('giao ban tháng 3', 'trong tháng 4')."""
    return [Mention(w, _context(key, w.start)) for w in find_period_words(key, ("Q", "H", "9M", "M", "Y"))
            if w.kind != "M" or not _DAY_BEFORE.search(key, max(0, w.start - 4), w.start)]


def document_year(key: str, mentions: list[Mention]) -> int | None:
    """The year the text speaks of: years written beside periods, else dates, else none."""
    written = Counter(m.words.year for m in mentions if m.words.year)
    if written:
        return written.most_common(1)[0][0]
    dates = Counter(int(a or b) for a, b in _DATE.findall(key))
    if dates:
        return dates.most_common(1)[0][0]
    return None


def reviewed_period(key: str) -> tuple[Period | None, list[Mention], int | None]:
    """(period reviewed, mentions, document year).

    Each period scores 2 per mention in a reviewing context, 1 per neutral one and 3 more when
    the period after it is also named (a Q3 meeting names Q4 for its tasks); ties go to the
    period named first. With only forward-looking mentions, the period before them is taken.
    """
    mentions = find_mentions(key)
    year = document_year(key, mentions)
    periods = [(m, p) for m in mentions if (p := m.period(year)) is not None]
    if not periods:
        return None, mentions, year
    named = {p for _, p in periods}
    scores: Counter = Counter()
    first_seen: dict[Period, int] = {}
    for m, p in periods:
        scores[p] += {"review": 2, "neutral": 1, "next": 0}[m.context]
        first_seen.setdefault(p, m.start)
    for p in named:
        if p.following() in named:
            scores[p] += 3
    best = max(named, key=lambda p: (scores[p], -first_seen[p]))
    if scores[best] == 0:
        return periods[0][1].previous(), mentions, year
    if best.kind == "Y":
        # A year named beside a campaign ('tổng kết chiến dịch hè năm 2025') with the tasks set for
        # a part of that same year ('nhiệm vụ quý IV năm 2025'): the part before it was reviewed.
        for m, p in periods:
            if m.context == "next" and p.kind != "Y" and best.contains(p) and best.contains(p.previous()):
                return p.previous(), mentions, year
    return best, mentions, year


def is_after(period: Period | None, reviewed: Period | None) -> bool:
    return bool(period and reviewed and period.end > reviewed.end)

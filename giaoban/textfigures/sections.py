"""Parts of a report that state plans, not results: 'Phương hướng, nhiệm vụ quý IV',
'Nhiệm vụ trọng tâm 6 tháng cuối năm', 'Chỉ tiêu năm 2024'. Figures there are targets (kind
'target'), so a reviewer does not take them for what was done.

A heading line opens such a section, which runs to the next heading line of another kind or
the end of the text; a long line (a paragraph of an article) that opens with those words is a
target section by itself.
"""

from __future__ import annotations

import re

# List markers before a heading: 'IV.', '2.', 'b)', '-', '*'.
_MARKER = r"[ \t]*(?:(?:[ivxlc]+|\d+(?:\.\d+)*|[a-zđ])[.)][ \t]*|[-+•*–][ \t]*)?"
_TARGET_HEAD = (
    r"(?:(?:về |các |một số )?(?:phương hướng|định hướng)"
    r"|(?:các |một số )?(?:nhiệm vụ|giải pháp|kế hoạch|chương trình công tác)(?:,? (?:giải pháp|nhiệm vụ))?"
    r"(?: (?:trọng tâm|chủ yếu|chính))?(?: (?:công tác))?(?:[^\n.:]{0,40}?)(?:tới|tiếp theo|sắp tới|cuối năm|kỳ tới|năm \d{4}|quý [ivx\d]+)"
    r"|(?:các )?chỉ tiêu (?:năm|phấn đấu|kế hoạch|chủ yếu|nhiệm kỳ|giao)"
    r"|mục tiêu(?:,? chỉ tiêu)?)(?![^\W_])"
)
_LINE_RE = re.compile(r"[^\n]*")
_TARGET_LINE_RE = re.compile(_MARKER + _TARGET_HEAD)
_HEADING_MAX = 120
_SENTENCE_TARGET_RE = re.compile(r"[.!?] +(" + _TARGET_HEAD + r"),")


_NUMBERED_RE = re.compile(r"[ \t]*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)][ \t]")


def _is_heading(line: str, raw: str) -> bool:
    s = raw.strip()
    if not s or len(s) > _HEADING_MAX:
        return False
    if s.endswith(":") or (not s.endswith(".") and _NUMBERED_RE.match(raw)):
        return True
    letters = list(filter(str.isalpha, s))
    return bool(letters) and sum(map(str.isupper, letters)) / len(letters) > 0.8


# Every match of _TARGET_HEAD holds one of these (most texts hold none: scans in C, then no line by line).
_TARGET_WORDS = ("hướng", "nhiệm vụ", "giải pháp", "kế hoạch", "chương trình công tác", "chỉ tiêu", "mục tiêu")
# A body's aim stated inside a sentence of results ('Năm 2020, Hội phấn đấu giảm thêm 150 hộ …', '…; phấn đấu trồng
# 150.000 cây xanh', 'Hội đặt mục tiêu giúp 1.200 hộ …'): what follows, to the end of its sentence, is a target.
# Not the effort behind a result ('Nhờ nỗ lực phấn đấu, …', 'tấm gương phấn đấu vươn lên', 'phấn đấu học tập').
# (the checks before the word made after its first letter: a pattern that opens with a letter is scanned for in C)
_NOT_AN_AIM_BEFORE = r"(?<![^\W\d_].)(?<!nỗ lực .)(?<!sự .)(?<!trình .)(?<!thần .)(?<!gương .)(?<!ý chí .)"
_AIM_RE = re.compile(r"(?:p" + _NOT_AN_AIM_BEFORE + r"hấn đấu(?! (?:vươn lên|rèn luyện|học tập|không ngừng))|"
                     r"đ" + _NOT_AN_AIM_BEFORE + r"ặt (?:ra )?mục tiêu)(?![^\W\d_])")
_SENTENCE_END_RE = re.compile(r"[.!?\n](?:(?<=\n)|(?=\s|$))")  # ('[.!?](?=\s|$)|\n', a set first)


def _aim_ranges(key: str, out: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stated aims of sentences outside the target sections ``out``, added to them."""
    added = []
    for m in _AIM_RE.finditer(key):
        if any(s <= m.start() < e for s, e in out):
            continue
        end = _SENTENCE_END_RE.search(key, m.end())
        added.append((m.start(), end.start() if end else len(key)))
    return sorted(out + added) if added else out


def target_ranges(text: str, key: str) -> list[tuple[int, int]]:
    """(start, end) ranges of the text that state targets or plans."""
    aims = "phấn đấu" in key or "mục tiêu" in key
    if not any(map(key.__contains__, _TARGET_WORDS)):
        return _aim_ranges(key, []) if aims else []
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _LINE_RE.finditer(key):
        s, e = m.start(), m.end()
        if s == e and s < len(key) and key[s:s + 1] != "\n":
            continue
        line, raw = m.group(), text[s:e]
        target = _TARGET_LINE_RE.match(line) is not None
        if open_at is None and not target and len(line) <= _HEADING_MAX:
            continue  # (a short line that opens nothing outside a section: heading or not, nothing to do)
        heading = _is_heading(line, raw)
        if heading:
            if open_at is not None and not target:
                out.append((open_at, s))
                open_at = None
            if target and open_at is None:
                open_at = s
        elif target and open_at is None and len(line.strip()) > _HEADING_MAX:
            out.append((s, e))  # a paragraph that opens with 'Phương hướng, nhiệm vụ ...'
        elif open_at is None and len(line) > _HEADING_MAX:
            # A sentence of an article that turns to the plans runs to the end of its paragraph.
            for sm in _SENTENCE_TARGET_RE.finditer(line):
                if text[s + sm.start(1)].isupper():
                    out.append((s + sm.start(1), e))
                    break
    if open_at is not None:
        out.append((open_at, len(key)))
    return _aim_ranges(key, out) if aims else out

"""Parts of a web page saved as text that are not the article: the 'Tin đọc nhiều' block and other
lists of headlines, navigation, sharing and tag lines. Returned as ranges so offsets stay those of
the text.
"""

from __future__ import annotations

import re

from .normalize import LinePattern, canonical

# A line that opens a list of other articles; everything after it is site furniture.
_TAIL_MARKERS = [
    "Tin đọc nhiều", "Đọc nhiều", "Tin liên quan", "Tin cùng chuyên mục", "Bài viết liên quan",
    "Tin khác", "Các tin khác", "Tin mới", "Tin mới nhất", "Tin mới hơn", "Tin cũ hơn", "Xem thêm",
    "Đọc thêm", "Có thể bạn quan tâm", "Tin tiêu điểm", "Tin nổi bật", "Bài liên quan",
    "Tin bài liên quan", "Cùng chuyên mục", "Tin xem nhiều", "Xem nhiều", "Tin đã đưa",
    "Các bài viết khác", "Các tin đã đưa", "Tin tức liên quan", "Bài đọc nhiều",
]
# (lines found by their line break: see LinePattern)
_TAIL = LinePattern.compile(
    r"[ \t#*>\-–]*(" + "|".join(re.escape(canonical(m)) for m in _TAIL_MARKERS) + r")[ \t:.…]*$")
# Single lines of furniture anywhere: sharing, tags, breadcrumbs, comment prompts.
_LINE = LinePattern.compile(
    r"[ \t]*(chia sẻ|bình luận|từ khóa|tags?|in bài|gửi bình luận|trang chủ ?[>»/]|chuyên mục:|"
    r"nguồn:|theo dõi|quay lại|lên đầu trang|bản quyền|©|copyright)[^\n]*$")


def body_end(key: str) -> int:
    """Where the article ends: at the line that opens the lists of other articles ('Tin đọc
    nhiều'), or the text's end. A marker in the first quarter is a menu item, not the end."""
    start = next((a for a, _ in _TAIL.spans(key)), None)
    return start if start is not None and start > len(key) * 0.25 else len(key)


def boilerplate_ranges(key: str) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    end = body_end(key)
    if end < len(key):
        ranges.append((end, len(key)))
    ranges += ((a, b) for a, b in _LINE.spans(key) if b - a < 200)
    return ranges


def inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in ranges)

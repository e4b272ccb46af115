"""Read meeting texts with the extraction engine's readers (one set of file readers and their
safety checks for the project: giaoban.textfigures.readers); find where an article's body ends."""

import re
from pathlib import Path

from giaoban.textfigures.readers import ReadError, read_file

# News sites append lists of other articles after the body ('Tin đọc nhiều', 'Tin liên quan').
_BOILERPLATE = re.compile(
    r"^\s*(?:tin đọc nhiều|tin liên quan|bài viết liên quan|tin cùng chuyên mục|các tin khác|tin khác"
    r"|xem thêm|tin mới nhất|bài liên quan|tin nổi bật)\s*:?\s*$",
    re.I | re.M,
)


class UnreadableDocument(ReadError, ValueError):
    """The file cannot be read as a meeting text (message in Vietnamese)."""


def body_end(text: str) -> int:
    m = _BOILERPLATE.search(text)
    return m.start() if m else len(text)


def read_document(path: str | Path) -> str:
    """The text of a .txt, .docx, .pdf or .html file (the extraction engine's readers)."""
    try:
        return read_file(path)
    except ReadError as exc:
        raise UnreadableDocument(str(exc)) from exc

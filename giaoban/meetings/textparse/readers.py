"""Read meeting texts from .txt, .docx and .html files; find where an article's body ends."""

import re
from pathlib import Path

# News sites append lists of other articles after the body ('Tin đọc nhiều', 'Tin liên quan').
_BOILERPLATE = re.compile(
    r"^\s*(?:tin đọc nhiều|tin liên quan|bài viết liên quan|tin cùng chuyên mục|các tin khác|tin khác"
    r"|xem thêm|tin mới nhất|bài liên quan|tin nổi bật)\s*:?\s*$",
    re.I | re.M,
)


class UnreadableDocument(ValueError):
    """The file cannot be read as a meeting text (message in Vietnamese)."""


def body_end(text: str) -> int:
    m = _BOILERPLATE.search(text)
    return m.start() if m else len(text)


def read_txt(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "utf-16", "cp1258"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableDocument(f"Tệp {path.name}: không đọc được bảng mã (cần UTF-8).")


def read_docx(path: Path) -> str:
    import docx  # python-docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for a damaged file
        raise UnreadableDocument(f"Tệp {path.name}: không mở được tệp Word ({exc}).") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells = []
            for cell in row.cells:
                if cell.text not in cells:  # merged cells repeat their text
                    cells.append(cell.text)
            lines.append(" ".join(cells))
    return "\n".join(lines)


def read_html(path_or_text: Path | str) -> str:
    """The article body of a web page, one paragraph per line (menus, footers, scripts dropped)."""
    from bs4 import BeautifulSoup

    html = path_or_text.read_bytes() if isinstance(path_or_text, Path) else path_or_text
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe"]):
        tag.decompose()
    root = soup.find("article") or _densest(soup) or soup.body or soup
    title = soup.find("h1")
    lines = []
    if title and not root.find("h1"):
        lines.append(title.get_text(" ", strip=True))
    blocks = root.find_all(["h1", "h2", "h3", "h4", "p", "li"])
    if not blocks:
        return root.get_text("\n", strip=True)
    for block in blocks:
        if block.find(["p", "li"]):
            continue  # its inner paragraphs come on their own
        line = block.get_text(" ", strip=True)
        if line:
            lines.append(line)
    return "\n".join(lines)


def _densest(soup):
    """The element whose direct <p> children hold the most text (the article body)."""
    best, best_len = None, 0
    for element in soup.find_all(["div", "section", "main"]):
        length = sum(len(p.get_text(strip=True)) for p in element.find_all("p", recursive=False))
        if length > best_len:
            best, best_len = element, length
    return best


def read_document(path: str | Path) -> str:
    path = Path(path)
    if not path.exists():
        raise UnreadableDocument(f"Không tìm thấy tệp {path}.")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return read_docx(path)
    if suffix in (".html", ".htm"):
        return read_html(path)
    if suffix in (".txt", ".md", ""):
        return read_txt(path)
    raise UnreadableDocument(f"Tệp {path.name}: định dạng {suffix} chưa hỗ trợ (dùng .txt, .docx, .html).")

"""Text out of the files people send: .txt, .docx, .pdf and .html (the article body only)."""

from __future__ import annotations

import re
from pathlib import Path

from .normalize import nfc


class ReadError(Exception):
    """A file that cannot be read; the message is Vietnamese and names the file."""


def read_file(path: str | Path) -> str:
    p = Path(path)
    if not p.exists():
        raise ReadError(f"Không tìm thấy tệp '{p}'.")
    if not p.is_file():
        raise ReadError(f"'{p}' không phải là một tệp.")
    suffix = p.suffix.lower()
    try:
        if suffix == ".docx":
            text = read_docx(p)
        elif suffix == ".pdf":
            text = read_pdf(p)
        elif suffix in (".html", ".htm", ".xhtml"):
            text = read_html(p.read_bytes())
        elif suffix in (".txt", ".text", ".md", ""):
            text = decode_bytes(p.read_bytes())
        else:
            raise ReadError(
                f"Không đọc được tệp '{p}': định dạng '{suffix}' chưa được hỗ trợ (dùng .txt, .docx, .pdf, .html)."
            )
    except ReadError:
        raise
    except Exception as exc:  # a broken docx/pdf raises many kinds of errors
        raise ReadError(f"Không đọc được tệp '{p}': tệp hỏng hoặc sai định dạng ({type(exc).__name__}).") from exc
    return nfc(text)


def decode_bytes(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Old Vietnamese Windows files: code page 1258 (combining tones; NFC afterwards).
        return data.decode("cp1258", errors="replace")


def read_docx(path: Path) -> str:
    import docx  # python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    lines: list[str] = []
    # Body order, so that tables stay where they are in the report.
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    t = cell.text.strip()
                    if t and (not cells or cells[-1] != t):  # merged cells repeat their text
                        cells.append(t)
                lines.append(" | ".join(cells))
    return "\n".join(lines)


def read_pdf(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    pages = [page.extract_text() or "" for page in reader.pages]
    return reflow("\n".join(pages))


def reflow(text: str) -> str:
    """Join lines a PDF broke inside a sentence (the next line starts in lower case)."""
    text = re.sub(r"-\n(?=[a-zà-ỹđ])", "", text)
    return re.sub(r"(?<=[^\s.:;!?])\n(?=[a-zà-ỹđ0-9(])", " ", text)


_JUNK_TAGS = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
              "button", "select", "template"]
_JUNK_CLASS = re.compile(
    r"(related|relate|most-?read|doc-?nhieu|xem-?nhieu|lien-?quan|tin-?khac|other|sidebar|comment|share|"
    r"social|tags?\b|breadcrumb|menu|banner|advert|\bads?\b|widget|footer|header|navbar|toolbar|rating)",
    re.IGNORECASE,
)
_BODY_CLASS = re.compile(r"(detail|content|article|post|entry|body|story|news|main|fulltext|noidung)", re.I)


def read_html(data: bytes | str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "html.parser")
    for tag in soup(_JUNK_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed if hasattr(tag, "decomposed") else False:
            continue
        attrs = getattr(tag, "attrs", None) or {}
        names = " ".join(attrs.get("class", []) if isinstance(attrs.get("class"), list) else [str(attrs.get("class", ""))])
        names += " " + str(attrs.get("id", ""))
        if names.strip() and _JUNK_CLASS.search(names) and not _BODY_CLASS.search(names):
            tag.decompose()
    for cap in soup.find_all("figcaption"):
        if not re.search(r"\d", cap.get_text()):
            cap.decompose()
    title = soup.find("h1")
    body = _best_container(soup)
    parts: list[str] = []
    if title is not None and (body is None or title not in body.descendants):
        parts.append(title.get_text(" ", strip=True))
    root = body if body is not None else (soup.body or soup)
    for br in root.find_all("br"):
        br.replace_with("\n")
    blocks = root.find_all(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "figcaption"])
    if blocks:
        for b in blocks:
            if b.find_parent(["p", "li", "tr", "blockquote"]) is not None and b.name != "tr":
                continue
            if b.name == "tr":
                cells = [c.get_text(" ", strip=True) for c in b.find_all(["td", "th"])]
                parts.append(" | ".join(c for c in cells if c))
            else:
                parts.append(b.get_text(" ", strip=True))
    else:
        parts.append(root.get_text("\n", strip=True))
    text = "\n".join(p for p in parts if p)
    return re.sub(r"[ \t]+", " ", text)


def _best_container(soup):
    article = soup.find("article")
    if article is not None and len(article.get_text(strip=True)) > 200:
        return article
    best, best_len = None, 0
    for tag in soup.find_all(["div", "section", "main", "td"]):
        attrs = " ".join(tag.get("class", [])) + " " + str(tag.get("id", ""))
        if not _BODY_CLASS.search(attrs):
            continue
        n = sum(len(p.get_text(strip=True)) for p in tag.find_all("p", recursive=True))
        if n > best_len:
            best, best_len = tag, n
    if best is not None and best_len > 100:
        return best
    return article

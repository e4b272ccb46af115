"""Text out of the files people send: .txt, .docx, .pdf and .html (the article body only)."""

from __future__ import annotations

import re
import time
import zlib
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


# The work a PDF may ask for, checked before the text is extracted: a few kB of PDF can hold one
# large content stream shared by every page (each page decodes it again), or a stream that
# inflates to gigabytes. A report of the MTTQ runs to some ten pages of some 10-50 kB each.
PDF_MAX_PAGES = 200
PDF_MAX_STREAM_BYTES = 4 * 1024 * 1024  # one content stream, decompressed
PDF_MAX_TOTAL_BYTES = 16 * 1024 * 1024  # every page's content, decompressed, a shared stream once per page
PDF_MAX_SECONDS = 20.0  # text extraction of the whole file


def read_pdf(path: Path, *, max_pages: int = PDF_MAX_PAGES, max_stream: int = PDF_MAX_STREAM_BYTES,
             max_total: int = PDF_MAX_TOTAL_BYTES, max_seconds: float = PDF_MAX_SECONDS) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    count = len(reader.pages)
    if count > max_pages:
        raise ReadError(f"Tệp '{path}' có {count} trang, quá giới hạn {max_pages} trang: hãy tách thành các tệp nhỏ hơn.")
    sizes: dict = {}  # a stream's decompressed size, by object, measured once
    total = 0
    for page in reader.pages:
        for stream in _content_streams(page):
            key = id(stream) if stream.indirect_reference is None else (stream.indirect_reference.idnum, stream.indirect_reference.generation)
            if key not in sizes:
                sizes[key] = _decoded_size(stream, max_stream)
            if sizes[key] > max_stream:
                raise ReadError(f"Tệp '{path}' có một luồng nội dung quá lớn (hơn {max_stream // (1024 * 1024)} MB khi giải nén).")
            total += sizes[key]
            if total > max_total:
                raise ReadError(f"Tệp '{path}' có nội dung quá lớn khi giải nén (hơn {max_total // (1024 * 1024)} MB): "
                                "hãy lưu lại thành PDF thông thường hoặc gửi bản Word.")
    started = time.monotonic()
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        if time.monotonic() - started > max_seconds:
            raise ReadError(f"Tệp '{path}' đọc quá lâu (hơn {max_seconds:.0f} giây, mới tới trang {number}): "
                            "hãy gửi bản Word hoặc tách tệp.")
        pages.append(page.extract_text() or "")
    return reflow("\n".join(pages))


def _content_streams(page) -> list:
    contents = page.get("/Contents")
    if contents is None:
        return []
    contents = contents.get_object()
    if hasattr(contents, "get_data"):
        return [contents]
    return [c.get_object() for c in contents if hasattr(c.get_object(), "get_data")]


def _decoded_size(stream, limit: int) -> int:
    """The stream's decompressed size, inflating at most `limit` + 1 bytes of a Flate stream
    (pypdf would inflate it whole first); other filters are decoded by pypdf."""
    filters = stream.get("/Filter")
    names = [str(f) for f in (filters if isinstance(filters, list) else [filters] if filters else [])]
    raw = stream._data
    if not names:
        return len(raw)
    if names == ["/FlateDecode"] and not stream.get("/DecodeParms"):
        inflater = zlib.decompressobj()
        size = len(inflater.decompress(raw, limit + 1))
        return size
    return len(stream.get_data())


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

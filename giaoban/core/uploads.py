"""Safe reading of uploaded files, for every importer and the extraction upload.

The type of a file is decided by its content (magic bytes, and for Office files the main part
named in [Content_Types].xml), never by its name: a renamed .exe stays an .exe. Zip containers
(.docx, .xlsx) are checked for zip bombs (entry count, total uncompressed size, compression
ratio) before python-docx or openpyxl touch them, and every XML part is scanned with defusedxml
with DTDs forbidden: OOXML never needs a DTD, so any DOCTYPE or entity declaration (billion
laughs, external entities) is refused outright.

Errors are `UploadError`, a ValueError whose message is Vietnamese and names the file.

Usage:
    kind = check_upload(data, name, {"docx", "pdf", "text", "html"}, max_bytes)
    document = open_docx_safely(data, name)
    workbook = open_xlsx_safely(data, name)        # read_only, data_only by default
    text = read_text(data, name)                    # for kind "text"/"html": decoded str

Plain Python (no Django): pass settings.GIAOBAN_MAX_UPLOAD_BYTES as max_bytes from views.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterable

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Zip limits: generous for real reports (a 5,000-row workbook is ~60 parts, a few MB unpacked).
MAX_ZIP_ENTRIES = 2000
MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200  # whole archive; a single part only when larger than RATIO_MIN_PART
RATIO_MIN_PART = 1024 * 1024
MAX_PART_BYTES = 200 * 1024 * 1024

PDF, DOCX, XLSX, TEXT, HTML = "pdf", "docx", "xlsx", "text", "html"
# Recognized but never accepted by an importer: named so the message can say what to do.
DOCM, ODT, ODS, OLE, ZIP, UNKNOWN = "docm", "odt", "ods", "ole", "zip", "unknown"

KIND_LABELS = {
    PDF: "tệp PDF",
    DOCX: "tài liệu Word (.docx)",
    XLSX: "bảng tính Excel (.xlsx)",
    TEXT: "văn bản thuần (.txt, .csv, .json)",
    HTML: "trang HTML",
    DOCM: "tài liệu Word có macro (.docm)",
    ODT: "văn bản OpenDocument (.odt)",
    ODS: "bảng tính OpenDocument (.ods)",
    OLE: "tệp Word/Excel định dạng cũ (.doc/.xls)",
    ZIP: "tệp nén (.zip)",
    UNKNOWN: "tệp nhị phân không rõ loại",
}
ADVICE = {
    OLE: " Hãy mở tệp bằng Word/Excel và lưu lại dưới dạng .docx hoặc .xlsx.",
    ODT: " Hãy lưu lại dưới dạng .docx.",
    ODS: " Hãy lưu lại dưới dạng .xlsx.",
    DOCM: " Hãy lưu lại dưới dạng .docx (không macro).",
}

_CT_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": DOCX,
    "application/vnd.ms-word.document.macroenabled.main+xml": DOCM,
    "application/vnd.ms-word.template.macroenabledtemplate.main+xml": DOCM,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": XLSX,
    "application/vnd.ms-excel.sheet.macroenabled.main+xml": XLSX,  # .xlsm: openpyxl reads it, macros ignored
}
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# What reading a damaged zip member can raise (bad CRC, bad deflate stream, unsupported method...).
ZIP_READ_ERRORS = (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, OSError, EOFError, ValueError)


class UploadError(ValueError):
    """A refused upload. str(error) is a Vietnamese sentence naming the file."""

    def __init__(self, message: str, filename: str = ""):
        super().__init__(message)
        self.filename = filename


def _name(filename) -> str:
    return str(filename or "không tên")


def _size_vi(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f}".replace(".", ",") + " MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} byte"


# ---- sniffing -----------------------------------------------------------------------------

def sniff(data: bytes, filename=None) -> str:
    """The kind of `data`, from its content alone (`filename` is only used in messages).

    Returns one of pdf, docx, xlsx, text, html, or a refused kind (docm, odt, ods, ole, zip,
    unknown). Raises UploadError for an empty file or a zip that cannot be read safely.
    """
    name = _name(filename)
    if not data:
        raise UploadError(f"Tệp «{name}» rỗng (0 byte).", name)
    head = data[:8]
    if data[:1024].lstrip()[:5] == b"%PDF-":
        return PDF
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(data, name)
    text = _decode(data)
    if text is None:
        return UNKNOWN
    start = text.lstrip("\ufeff \t\r\n")[:1024].lower()
    if start.startswith(("<!doctype html", "<html")) or ("<html" in start and "<body" in text[:4096].lower()):
        return HTML
    return TEXT


def _decode(data: bytes) -> str | None:
    """Text if `data` is UTF-8 (with or without BOM) or UTF-16 with a BOM, without control
    characters other than tab/newline/form feed; None otherwise."""
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            text = data[3:].decode("utf-8")
        elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    sample = text[:65536]
    if any(ord(c) < 32 and c not in "\t\n\r\f" for c in sample):
        return None
    return text


def read_text(data: bytes, filename=None) -> str:
    """Decoded text of a text/HTML upload (BOM removed; NUL or invalid UTF-8 refused)."""
    name = _name(filename)
    text = _decode(data)
    if text is None:
        raise UploadError(
            f"Tệp «{name}» không phải văn bản mã hóa UTF-8 hoặc UTF-16 (có BOM). "
            "Hãy lưu lại với mã hóa UTF-8.", name)
    return text.lstrip("\ufeff")


def _open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.LargeZipFile, *ZIP_READ_ERRORS) as exc:  # NotImplementedError: 'zip file version 8.4'
        raise UploadError(f"Tệp «{name}» bị hỏng: không đọc được cấu trúc nén ({exc}).", name) from None


def _sniff_zip(data: bytes, name: str) -> str:
    zf = _open_zip(data, name)
    with zf:
        check_zip_limits(zf, name, len(data))
        names = set(zf.namelist())
        if "mimetype" in names:
            mimetype = _read_member(zf, "mimetype", name, limit=200).strip()
            if mimetype == b"application/vnd.oasis.opendocument.text":
                return ODT
            if mimetype == b"application/vnd.oasis.opendocument.spreadsheet":
                return ODS
        if "[Content_Types].xml" not in names:
            return ZIP
        raw = _read_member(zf, "[Content_Types].xml", name, limit=1024 * 1024)
        try:
            root = SafeET.fromstring(raw, forbid_dtd=True)
        except (DefusedXmlException, SafeET.ParseError) as exc:
            raise UploadError(f"Tệp «{name}» bị hỏng hoặc không an toàn: phần [Content_Types].xml không hợp lệ ({exc}).", name) from None
        for el in root:
            if el.tag.rsplit("}", 1)[-1] == "Override":
                kind = _CT_MAIN.get((el.get("ContentType") or "").lower())
                if kind:
                    part = (el.get("PartName") or "").lstrip("/")
                    if part not in names:
                        raise UploadError(f"Tệp «{name}» bị hỏng: thiếu phần chính «{part}».", name)
                    return kind
        return ZIP


def _read_member(zf: zipfile.ZipFile, member: str, name: str, limit: int) -> bytes:
    try:
        with zf.open(member) as f:
            raw = f.read(limit + 1)
    except ZIP_READ_ERRORS as exc:
        raise UploadError(f"Tệp «{name}» bị hỏng: không giải nén được phần «{member}» ({exc}).", name) from None
    if len(raw) > limit:
        raise UploadError(f"Tệp «{name}»: phần «{member}» lớn bất thường; không mở.", name)
    return raw


def check_zip_limits(zf: zipfile.ZipFile, filename, compressed_size: int) -> None:
    """Refuse zip bombs from the central directory, before anything is decompressed.

    zipfile itself stops at the declared size of each member and checks its CRC, so a member
    cannot unpack to more than the size checked here.
    """
    name = _name(filename)
    infos = zf.infolist()
    bomb = f"Tệp «{name}» có cấu trúc nén bất thường (nghi là «bom nén»): "
    if len(infos) > MAX_ZIP_ENTRIES:
        raise UploadError(bomb + f"{len(infos)} phần, giới hạn {MAX_ZIP_ENTRIES}. Không mở.", name)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UploadError(f"Tệp «{name}» được đặt mật khẩu (mã hóa); hãy gỡ mật khẩu rồi tải lên lại.", name)
        if info.file_size > MAX_PART_BYTES:
            raise UploadError(bomb + f"phần «{info.filename}» giải nén ra {_size_vi(info.file_size)}. Không mở.", name)
        if info.file_size > RATIO_MIN_PART and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            raise UploadError(bomb + f"phần «{info.filename}» nén với tỷ lệ hơn {MAX_COMPRESSION_RATIO} lần. Không mở.", name)
        total += info.file_size
    if total > MAX_UNCOMPRESSED_BYTES:
        raise UploadError(bomb + f"giải nén ra {_size_vi(total)}, giới hạn {_size_vi(MAX_UNCOMPRESSED_BYTES)}. Không mở.", name)
    if total > RATIO_MIN_PART and total > MAX_COMPRESSION_RATIO * max(compressed_size, 1):
        raise UploadError(bomb + f"tỷ lệ nén hơn {MAX_COMPRESSION_RATIO} lần. Không mở.", name)


def check_xml_parts(zf: zipfile.ZipFile, filename) -> None:
    """Parse every XML part with defusedxml (streaming, no tree kept), DTDs forbidden: entity
    expansion and external entities never reach lxml/expat in python-docx or openpyxl. The other
    parts are read through once, so a damaged member (bad CRC or deflate stream) is found here."""
    import xml.sax
    from xml.sax.handler import ContentHandler

    from defusedxml.expatreader import DefusedExpatParser

    name = _name(filename)
    for info in zf.infolist():
        lower = info.filename.lower()
        if not (lower.endswith((".xml", ".rels", ".vml")) or lower == "[content_types].xml"):
            try:
                with zf.open(info) as f:
                    while f.read(1 << 20):
                        pass
            except ZIP_READ_ERRORS as exc:
                raise UploadError(f"Tệp «{name}» bị hỏng: không giải nén được phần «{info.filename}» ({exc}).", name) from None
            continue
        parser = DefusedExpatParser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
        parser.setContentHandler(ContentHandler())
        try:
            with zf.open(info) as f:
                parser.parse(f)
        except DefusedXmlException:
            raise UploadError(
                f"Tệp «{name}» chứa khai báo DTD/thực thể XML trong phần «{info.filename}»: "
                "không được phép vì lý do an toàn. Hãy lưu lại tệp bằng Word/Excel rồi tải lên lại.", name) from None
        except xml.sax.SAXException as exc:
            raise UploadError(f"Tệp «{name}» bị hỏng: phần «{info.filename}» không phải XML hợp lệ ({exc.getMessage()}).", name) from None
        except ZIP_READ_ERRORS as exc:
            raise UploadError(f"Tệp «{name}» bị hỏng: không giải nén được phần «{info.filename}» ({exc}).", name) from None


# ---- the gate ------------------------------------------------------------------------------

def read_upload(fileobj, filename=None, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a binary file object (Django UploadedFile, open file) up to `max_bytes`."""
    name = _name(filename or getattr(fileobj, "name", None))
    chunks, size = [], 0
    while True:
        chunk = fileobj.read(min(1024 * 1024, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise UploadError(f"Tệp «{name}» quá lớn (hơn {_size_vi(max_bytes)}); giới hạn là {_size_vi(max_bytes)}.", name)
    return b"".join(chunks)


def check_upload(data: bytes, filename, allowed_kinds: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Check size, type (by content) and, for .docx/.xlsx, zip and XML safety. Returns the kind."""
    name = _name(filename)
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise TypeError("check_upload expects bytes; use read_upload(fileobj) first")
    if len(data) > max_bytes:
        raise UploadError(f"Tệp «{name}» quá lớn ({_size_vi(len(data))}); giới hạn là {_size_vi(max_bytes)}.", name)
    allowed = set(allowed_kinds)
    kind = sniff(data, name)
    if kind not in allowed:
        accepted = ", ".join(KIND_LABELS.get(k, k) for k in sorted(allowed))
        raise UploadError(
            f"Tệp «{name}» là {KIND_LABELS.get(kind, kind)} (nhận biết theo nội dung, không theo tên tệp); "
            f"chỉ nhận: {accepted}.{ADVICE.get(kind, '')}", name)
    if kind in (DOCX, XLSX):
        with _open_zip(data, name) as zf:
            check_zip_limits(zf, name, len(data))
            check_xml_parts(zf, name)
    return kind


def open_docx_safely(data: bytes, filename=None, max_bytes: int = DEFAULT_MAX_BYTES):
    """A python-docx Document, after check_upload(.., {"docx"}); any failure is an UploadError."""
    name = _name(filename)
    check_upload(data, name, {DOCX}, max_bytes)
    import docx
    from docx.opc.exceptions import OpcError

    try:
        return docx.Document(io.BytesIO(data))
    except (OpcError, KeyError, TypeError, AttributeError, IndexError, SyntaxError, *ZIP_READ_ERRORS) as exc:
        # lxml's XMLSyntaxError is a SyntaxError.
        raise UploadError(f"Tệp «{name}» không mở được như tài liệu Word: {type(exc).__name__}: {exc}", name) from None


def open_xlsx_safely(data: bytes, filename=None, max_bytes: int = DEFAULT_MAX_BYTES, *, read_only: bool = True,
                     data_only: bool = True):
    """An openpyxl Workbook, after check_upload(.., {"xlsx"}); any failure is an UploadError.

    data_only=True gives the cached results of formulas (what the user saw), not the formulas.
    """
    name = _name(filename)
    check_upload(data, name, {XLSX}, max_bytes)
    import openpyxl

    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=read_only, data_only=data_only)
    except (KeyError, TypeError, AttributeError, IndexError, SyntaxError, *ZIP_READ_ERRORS) as exc:
        raise UploadError(f"Tệp «{name}» không mở được như bảng tính Excel: {type(exc).__name__}: {exc}", name) from None

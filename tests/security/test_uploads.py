"""giaoban.core.uploads: type by content, size limit, zip bombs, XML entities, Vietnamese errors."""

import io
import zipfile

import docx
import openpyxl
import pytest

from giaoban.core import uploads
from giaoban.core.uploads import UploadError, check_upload, open_docx_safely, open_xlsx_safely, read_text, sniff


def make_docx(text="Ủy ban MTTQ xã tổ chức 12 buổi tuyên truyền") -> bytes:
    d = docx.Document()
    d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_xlsx(rows=(("chỉ tiêu", "giá trị"), ("tuyen_truyen", 12))) -> bytes:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(list(row))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def rezip(data: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None,
          compression=zipfile.ZIP_DEFLATED) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, (replace or {}).get(info.filename, src.read(info.filename)))
        for k, v in (add or {}).items():
            dst.writestr(k, v)
    return out.getvalue()


PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.mark.parametrize("data,kind", [
    (PDF, "pdf"),
    (b"\n  %PDF-1.4 leading whitespace", "pdf"),
    ("Hội LHPN xã Bum Nưa: 29.774 lượt người".encode(), "text"),
    (b"\xef\xbb\xbf" + "Đoàn viên".encode(), "text"),
    ("Hội Nông dân".encode("utf-16"), "text"),  # with BOM
    (b"\xfe\xff" + "Cựu chiến binh".encode("utf-16-be"), "text"),
    ("<!DOCTYPE html><html><body>Tin hội nghị</body></html>".encode(), "html"),
    (b"  <html lang='vi'><head></head><body>x</body></html>", "html"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "ole"),
    (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "unknown"),
    (b"\xff\xd8\xff\xe0 JFIF", "unknown"),
    ("xin chao, so lieu quy 3".encode("cp1258"), "text"),  # ASCII-only is valid UTF-8
    ("Lai Châu".encode("latin-1", "replace"), "unknown"),
    (b"abc\x00def", "unknown"),
])
def test_sniff_by_content(data, kind):
    assert sniff(data, "x") == kind


def test_docx_and_xlsx_are_told_apart_by_their_main_part_not_their_name():
    assert sniff(make_docx(), "bao-cao.xlsx") == "docx"
    assert sniff(make_xlsx(), "bao-cao.docx") == "xlsx"
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as z:
        z.writestr("word/document.xml", "<x/>")  # no [Content_Types].xml: just a zip
    assert sniff(plain.getvalue(), "a.docx") == "zip"


def test_renamed_executable_is_refused_with_the_file_name():
    with pytest.raises(UploadError) as e:
        check_upload(b"MZ\x90\x00" + bytes(range(256)), "bao-cao-quy-3.docx", {"docx", "pdf"})
    msg = str(e.value)
    assert "bao-cao-quy-3.docx" in msg and "không theo tên tệp" in msg
    assert e.value.filename == "bao-cao-quy-3.docx"


def test_old_word_format_gets_advice():
    with pytest.raises(UploadError, match=r"lưu lại dưới dạng \.docx"):
        check_upload(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "cu.doc", {"docx"})


def test_size_limit():
    with pytest.raises(UploadError, match="quá lớn"):
        check_upload(b"a" * 2001, "to.txt", {"text"}, max_bytes=2000)
    assert check_upload(b"a" * 2000, "vua.txt", {"text"}, max_bytes=2000) == "text"
    with pytest.raises(UploadError, match="rỗng"):
        check_upload(b"", "rong.txt", {"text"})


def test_read_upload_stops_at_the_limit():
    class Endless(io.RawIOBase):
        read_calls = 0

        def readable(self):
            return True

        def read(self, n=-1):
            Endless.read_calls += 1
            return b"x" * (n if n and n > 0 else 1024)

    with pytest.raises(UploadError, match="quá lớn"):
        uploads.read_upload(Endless(), "vo-han.txt", max_bytes=3 * 1024 * 1024)
    assert Endless.read_calls <= 5
    assert uploads.read_upload(io.BytesIO(b"abc"), "a.txt", max_bytes=3) == b"abc"


def test_good_files_open():
    document = open_docx_safely(make_docx(), "bc.docx")
    assert "12 buổi" in document.paragraphs[0].text
    wb = open_xlsx_safely(make_xlsx(), "bieu.xlsx")
    assert [c.value for c in next(wb.active.iter_rows(min_row=2, max_row=2))] == ["tuyen_truyen", 12]


def test_zip_bomb_by_ratio_is_refused_before_opening():
    bomb = rezip(make_docx(), add={"word/media/padding.bin": b"\0" * (30 * 1024 * 1024)})
    assert len(bomb) < 200_000
    with pytest.raises(UploadError, match="bom nén"):
        open_docx_safely(bomb, "bom.docx")


def test_zip_bomb_by_total_size_is_refused(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_UNCOMPRESSED_BYTES", 1024 * 1024)
    data = rezip(make_xlsx(), add={f"xl/media/{i}.bin": bytes(range(256)) * 1024 for i in range(5)},
                 compression=zipfile.ZIP_STORED)
    with pytest.raises(UploadError, match="giải nén ra"):
        open_xlsx_safely(data, "lon.xlsx")


def test_too_many_entries_is_refused():
    data = rezip(make_xlsx(), add={f"xl/x/{i}.txt": b"" for i in range(uploads.MAX_ZIP_ENTRIES + 1)})
    with pytest.raises(UploadError, match="phần, giới hạn"):
        check_upload(data, "nhieu.xlsx", {"xlsx"})


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""

XXE = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>"""


def test_entity_expansion_in_docx_is_refused():
    with pytest.raises(UploadError, match="DTD/thực thể XML.*word/document.xml"):
        open_docx_safely(rezip(make_docx(), replace={"word/document.xml": BILLION_LAUGHS}), "cuoi.docx")


def test_external_entity_in_xlsx_is_refused():
    with pytest.raises(UploadError, match="xl/worksheets/sheet1.xml"):
        open_xlsx_safely(rezip(make_xlsx(), replace={"xl/worksheets/sheet1.xml": XXE}), "xxe.xlsx")


def test_dtd_in_content_types_is_refused():
    data = make_docx()
    ct = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    evil = ct.replace(b"<Types", b'<!DOCTYPE t [<!ENTITY a "b">]><Types', 1)
    with pytest.raises(UploadError, match="không an toàn"):
        check_upload(rezip(data, replace={"[Content_Types].xml": evil}), "ct.docx", {"docx"})


def test_broken_files_give_clear_errors():
    with pytest.raises(UploadError, match="hong.docx.*hỏng"):
        check_upload(make_docx()[:2000], "hong.docx", {"docx"})
    bad_xml = rezip(make_docx(), replace={"word/document.xml": b"<w:document><unclosed>"})
    with pytest.raises(UploadError, match="không phải XML hợp lệ"):
        open_docx_safely(bad_xml, "xml.docx")
    with pytest.raises(UploadError, match="bảng tính"):
        open_xlsx_safely(make_docx(), "nham.xlsx")


def test_a_zip_of_a_later_format_version_is_refused_clearly():
    """A central directory asking for a newer zip version than Python reads ('zip file version 8.4',
    NotImplementedError: found by the fuzz test on a mutated sample) is a broken upload, not a 500."""
    data = bytearray(make_docx())
    at = data.find(b"PK\x01\x02")  # the first central directory entry; 'version needed' at +6
    data[at + 6] = 84
    with pytest.raises(UploadError, match="moi.docx.*hỏng"):
        check_upload(bytes(data), "moi.docx", {"docx"})


def test_read_text():
    assert read_text("\ufeffỦy ban".encode("utf-8"), "a.txt") == "Ủy ban"
    assert read_text("Hòa bình".encode("utf-16"), "a.txt") == "Hòa bình"
    with pytest.raises(UploadError, match="UTF-8"):
        read_text("Hòa".encode("cp1258", "replace") + b"\xe0\xe2", "cu.txt")


def test_core_module_imports_no_django():
    import subprocess
    import sys

    code = "import sys, giaoban.core.uploads; print(any(m.startswith('django') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"

"""Extraction limits before the work (issue 20, finding 5): an 11 kB PDF whose 30 pages share
one content stream of 2 MB held a worker ~110 s before the length limit refused it. The page
count and the decompressed bytes (per stream, and in total over the pages that use them) are
checked before any text is extracted, so such a file is refused at once; an ordinary PDF reads."""

import time
import zlib

import pytest

from giaoban.core.uploads import PDF
from giaoban.textfigures import readers
from giaoban.intake.service import ExtractionError, read_document


def build_pdf(pages: int, content: bytes) -> bytes:
    """A PDF whose `pages` pages all draw the same Flate-compressed content stream."""
    stream = zlib.compress(content, 9)
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream",
    ] + [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R"
        b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>"
        for _ in range(pages)
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


LINE = b"BT /F1 12 Tf 72 720 Td (Hoi to chuc 12 buoi tuyen truyen cho 1250 luot nguoi.) Tj ET\n"


def test_thirty_pages_sharing_a_two_megabyte_stream_are_refused_fast():
    data = build_pdf(30, LINE * (2 * 1024 * 1024 // len(LINE)))
    assert len(data) < 64 * 1024  # a small file
    started = time.monotonic()
    with pytest.raises(ExtractionError, match="quá lớn"):
        read_document(data, PDF, "bao-cao.pdf")
    assert time.monotonic() - started < 3


def test_a_stream_that_inflates_past_the_limit_is_refused_without_inflating_it_whole():
    data = build_pdf(1, b" " * (64 * 1024 * 1024))  # 64 MB of spaces: a few dozen kB compressed
    started = time.monotonic()
    with pytest.raises(ExtractionError, match="luồng nội dung quá lớn"):
        read_document(data, PDF, "bom.pdf")
    assert time.monotonic() - started < 3


def test_too_many_pages_are_refused():
    data = build_pdf(readers.PDF_MAX_PAGES + 1, LINE)
    with pytest.raises(ExtractionError, match="trang"):
        read_document(data, PDF, "dai.pdf")


def test_an_ordinary_pdf_still_reads():
    text = read_document(build_pdf(3, LINE * 20), PDF, "bao-cao.pdf")
    assert "1250" in text


def test_time_per_file_is_bounded(tmp_path):
    path = tmp_path / "cham.pdf"
    path.write_bytes(build_pdf(5, LINE * 2000))
    with pytest.raises(readers.ReadError, match="quá lâu"):
        readers.read_pdf(path, max_seconds=-1.0)


@pytest.mark.django_db
def test_uploads_to_read_are_rate_limited_per_user_across_web_and_api(client, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from giaoban.api.models import ApiToken

    from .tree import build_tree

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.GIAOBAN_EXTRACT_RATE = 3
    t = build_tree()
    user = t.users["entry_a1"]
    token = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user, 't')[1]}"}
    text = "Hội tổ chức 12 buổi tuyên truyền.".encode()
    for _ in range(2):
        r = client.post("/api/extract/file", {"file": SimpleUploadedFile("a.txt", text)}, **token)
        assert r.status_code == 200, r.content
    client.force_login(user)
    client.post(reverse("extraction:upload"), {"unit": t.units["mttq_a1"].pk, "files": [SimpleUploadedFile("b.txt", text)]})
    r = client.post("/api/extract/file", {"file": SimpleUploadedFile("c.txt", text)}, **token)
    assert r.status_code == 429 and "tối đa 3 tệp" in r.json()["message"]
    # another user has their own quota
    other = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(t.users['entry_a2'], 't')[1]}"}
    assert client.post("/api/extract/file", {"file": SimpleUploadedFile("d.txt", text)}, **other).status_code == 200

"""Readers on real files written in the test: .txt (UTF-8, UTF-16, NFD), .docx, .pdf, .html."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest

from giaoban.textfigures import ReadError, extract_file, read_file
from tests.conftest import require_tool

BODY = [
    "HỘI LHPN XÃ BUM NƯA",
    "Báo cáo kết quả công tác Hội quý III năm 2023",
    "Trong quý, Hội tổ chức 24 buổi tuyên truyền, thu hút 1.136 lượt hội viên tham dự.",
    "Kết nạp mới 37 hội viên, nâng tổng số hội viên lên 1.482 hội viên.",
]


def _values(result: dict) -> list:
    return [f["value"] for f in result["figures"]]


def test_txt_utf8_utf16_and_nfd(tmp_path: Path) -> None:
    text = "\n".join(BODY)
    for name, data in [("a.txt", text.encode("utf-8")), ("b.txt", text.encode("utf-16")),
                       ("c.txt", unicodedata.normalize("NFD", text).encode("utf-8")),
                       ("d.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))]:
        p = tmp_path / name
        p.write_bytes(data)
        result = extract_file(p)
        assert _values(result) == [24, 1136, 37, 1482], name
        assert result["period"] == "2023-Q3"
        assert all(result["text"][f["start"]:f["end"]] == f["text"] for f in result["figures"])


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    for line in BODY:
        d.add_paragraph(line)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Chỉ tiêu"
    table.cell(0, 1).text = "Kết quả"
    table.cell(1, 0).text = "Suất quà trao tặng"
    table.cell(1, 1).text = "15 suất quà"
    d.add_paragraph("Hội quản lý 9 tổ tiết kiệm và vay vốn.")
    p = tmp_path / "baocao.docx"
    d.save(str(p))
    result = extract_file(p)
    assert _values(result) == [24, 1136, 37, 1482, 15, 9]
    assert {f["org"] for f in result["figures"]} == {"phunu"}


def _pdf_with_matplotlib(path: Path, lines: list[str]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    matplotlib.rcParams["pdf.fonttype"] = 42  # TrueType, so the text can be extracted again
    fig = plt.figure(figsize=(8.27, 11.69))
    for i, line in enumerate(lines):
        fig.text(0.05, 0.95 - i * 0.03, line, fontsize=9)
    fig.savefig(path)
    plt.close(fig)


@pytest.mark.slow  # importing matplotlib and writing the PDF takes ~7 s on the shared machine
def test_pdf(tmp_path: Path) -> None:
    p = tmp_path / "baocao.pdf"
    _pdf_with_matplotlib(p, BODY)
    assert "công tác Hội quý III" in read_file(p)  # TrueType text with DejaVu Sans: readable again
    assert _values(extract_file(p)) == [24, 1136, 37, 1482]


@pytest.mark.slow
def test_pdf_from_libreoffice(tmp_path: Path) -> None:
    soffice = require_tool("soffice")
    import docx

    d = docx.Document()
    for line in BODY:
        d.add_paragraph(line)
    src = tmp_path / "bc.docx"
    d.save(str(src))
    done = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                          check=False, capture_output=True, timeout=120, text=True)
    pdf = tmp_path / "bc.pdf"
    assert pdf.exists(), f"LibreOffice wrote no PDF (it exits 0 even then): {done.stdout} {done.stderr}"
    assert _values(extract_file(pdf)) == [24, 1136, 37, 1482]


PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Báo Lai Châu</title>
<script>var x = 12345;</script></head><body>
<header><nav><a href="/">Trang chủ</a> <a href="/p/2">Trang 2</a> <a>Top 10 tin</a></nav></header>
<div class="main-content"><article class="detail">
<h1>Hội Nông dân tỉnh sơ kết 9 tháng đầu năm 2024</h1>
<p>9 tháng qua, Hội Nông dân tỉnh tổ chức 214 buổi tuyên truyền cho khoảng 11.500 lượt hội viên.</p>
<figure><img src="a.jpg"><figcaption>Quang cảnh hội nghị.</figcaption></figure>
<p>Các cấp Hội vận động ủng hộ Quỹ Hỗ trợ nông dân được hơn 1,25 tỷ đồng.</p>
</article>
<div class="related-news"><h3>Tin đọc nhiều</h3><ul>
<li><a>Than Uyên: 9 tập thể, 25 cá nhân được khen thưởng</a></li>
<li><a>Hơn 800 hộ nông dân được vay vốn</a></li></ul></div></div>
<aside>Quảng cáo 300 suất</aside>
<footer>Bản quyền 2024 - Giấy phép số 12/GP-BTTTT</footer></body></html>"""


def test_html_article_body_only(tmp_path: Path) -> None:
    p = tmp_path / "bai.html"
    p.write_text(PAGE, encoding="utf-8")
    result = extract_file(p)
    assert _values(result) == [214, 11500, 1250000000]
    assert {f["org"] for f in result["figures"]} == {"nongdan"}
    assert result["period"] == "2024-9M"
    assert "Than Uyên" not in result["text"] and "12345" not in result["text"]


def test_missing_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="Không tìm thấy tệp .*khong-co.txt"):
        read_file(tmp_path / "khong-co.txt")
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ReadError, match="hong.docx"):
        read_file(bad)
    bad_pdf = tmp_path / "hong.pdf"
    bad_pdf.write_bytes(b"%PDF-1.4 garbage")
    with pytest.raises(ReadError, match="hong.pdf"):
        read_file(bad_pdf)
    odd = tmp_path / "bang.xlsx"
    odd.write_bytes(b"PK")
    with pytest.raises(ReadError, match="chưa được hỗ trợ"):
        read_file(odd)

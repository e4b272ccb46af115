"""Round trips through LibreOffice: the .docx as PDF, the .xlsx recalculated."""

import shutil
import subprocess

import openpyxl
import pytest

from giaoban.docwriter import pdf
from giaoban.docwriter.synthetic import build_synthetic_model
from giaoban.docwriter.vnformat import format_number
from giaoban.docwriter.xlsx import write_report_xlsx
from tests.conftest import needs_tool

needs_soffice = needs_tool(pdf.soffice_path() is not None, "LibreOffice (soffice) is not installed here")
needs_poppler = needs_tool(shutil.which("pdftotext") is not None, "poppler-utils (pdftotext) is not installed here")


def test_missing_libreoffice_is_said_in_vietnamese(tmp_path, monkeypatch):
    monkeypatch.setenv("GIAOBAN_SOFFICE", str(tmp_path / "no-such-soffice"))
    src = tmp_path / "a.docx"
    src.write_bytes(b"x")
    with pytest.raises(pdf.PdfUnavailable, match="chưa cài LibreOffice"):
        pdf.docx_to_pdf(src, tmp_path)


@pytest.mark.slow
@needs_soffice
def test_a_broken_file_is_reported_not_silently_accepted(tmp_path):
    src = tmp_path / "broken.docx"
    src.write_bytes(b"PK\x03\x04 a zip header and nothing after it")  # soffice still exits 0 here
    with pytest.raises(pdf.ConversionFailed, match="broken.docx"):
        pdf.docx_to_pdf(src, tmp_path / "out")


@pytest.mark.slow
@needs_soffice
@needs_poppler
def test_docx_to_pdf_is_a4_with_vietnamese_text(tmp_path, report_docx_bytes):
    src = tmp_path / "bao-cao.docx"
    src.write_bytes(report_docx_bytes)
    out = pdf.docx_to_pdf(src, tmp_path / "out")
    assert out.is_file()
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages >= 5
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN MTTQ VIỆT NAM",
                     "Lai Châu, ngày 05 tháng 10 năm 2023", "BÁO CÁO", "Hội LHPN các cấp", "29.774", "Nơi nhận:"):
        assert expected in text, expected
    first_page = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(out), "-"], capture_output=True, text=True).stdout
    second_page = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(out), "-"], capture_output=True, text=True).stdout
    assert second_page.lstrip().startswith("2")  # the page number heads page 2 …
    assert not first_page.lstrip().startswith("1")  # … and page 1 has none
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")], check=True)
    png = next(tmp_path.glob("page*.png"))
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 5000


@pytest.mark.slow
@needs_soffice
def test_xlsx_formulas_compute_after_libreoffice_recalculation(tmp_path):
    model = build_synthetic_model()
    src = tmp_path / "so-lieu.xlsx"
    write_report_xlsx(model, src)
    out = pdf.recalculate_xlsx(src, tmp_path / "recalc")
    wb = openpyxl.load_workbook(out, data_only=True)
    ws = wb["Hội LHPN"]
    section = model.section("phunu")
    def vn(x: float, signed: bool = False) -> str:
        return ("+" if signed and x > 0 else "") + format_number(x, 1, strip_zeros=False) + " %"

    for i, row in enumerate(section.rows, start=5):
        if row.value_type not in ("integer", "money"):
            continue  # decimals and rates are text written by the program, not formulas
        # Exactly what the cells say (money is rounded to whole triệu đồng in the sheet), with a
        # decimal comma although LibreOffice runs here in an English locale …
        if row.target:
            assert ws[f"G{i}"].value == vn(ws[f"E{i}"].value / ws[f"F{i}"].value * 100)
            # … and what the model says, to the sheet's rounding.
            assert abs(float(ws[f"G{i}"].value[:-2].replace(",", ".")) - row.pct_achieved) < 0.2
        if row.same_period_last_year:
            assert ws[f"I{i}"].value == vn((ws[f"D{i}"].value - ws[f"H{i}"].value) / ws[f"H{i}"].value * 100, signed=True)
    area = wb["Cấp xã - MTTQ"]
    total_row = 5 + 38 + 1  # the areas, the level's own figures, the total
    areas = sum(r.values["mt_tiep_xuc_cu_tri"] for r in model.area_rows if r.org_code == "mttq")
    own = area[f"C{total_row - 1}"].value or 0
    assert area[f"C{total_row}"].value == areas + own


@pytest.mark.slow
@needs_soffice
@needs_poppler
def test_the_signature_block_never_stands_alone_on_a_page(tmp_path):
    """The closing sentence, 'Nơi nhận' and the signature stay on one page whatever the length
    of the body: the report is shifted line by line past a page end and each PDF is read back."""
    from giaoban.docwriter.docx import write_report_docx
    sources = []
    # One-line tasks added three at a time walk the end of the body over a page's last third
    # (before the fix, 21 and 24 extra tasks left 'Nơi nhận' and the signature alone on page 7).
    for extra in range(0, 39, 3):
        model = build_synthetic_model()
        model.narratives = []
        model.trends = []
        model.next_tasks = model.next_tasks + [f"Nhiệm vụ bổ sung số {i + 1}" for i in range(extra)]
        path = tmp_path / f"bien-the-{extra:02d}.docx"
        write_report_docx(model, path, charts=False)
        sources.append(path)
    # One LibreOffice start for every variant (each start costs seconds).
    subprocess.run([pdf.soffice_path(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--norestore", "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, sources)],
                   check=True, timeout=300, capture_output=True, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    for source in sources:
        text = subprocess.run(["pdftotext", "-layout", str(source.with_suffix(".pdf")), "-"], check=True,
                              capture_output=True, text=True).stdout
        pages = [p for p in text.split("\f") if p.strip()]
        signed = [p for p in pages if "TM. BAN THƯỜNG TRỰC" in p]
        assert len(signed) == 1, source.name
        assert "Trên đây là báo cáo" in signed[0], f"{source.name}: the signature page holds no body text"
        assert "Nơi nhận" in signed[0]

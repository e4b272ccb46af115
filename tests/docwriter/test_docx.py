import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from giaoban.docwriter.synthetic import build_synthetic_model
from giaoban.docwriter.vnformat import format_number, table_value
from giaoban.docwriter.writing import table_header


@pytest.fixture(scope="module")
def document(report_docx_bytes):
    return docx.Document(io.BytesIO(report_docx_bytes))


def cell_texts(table):
    return [[c.text for c in row.cells] for row in table.rows]


def test_page_is_a4_with_decree_30_margins(document):
    s = document.sections[0]
    assert abs(s.page_width - Mm(210)) < Mm(0.5) and abs(s.page_height - Mm(297)) < Mm(0.5)
    assert Mm(20) <= s.top_margin <= Mm(25) and Mm(20) <= s.bottom_margin <= Mm(25)
    assert Mm(30) <= s.left_margin <= Mm(35) and Mm(15) <= s.right_margin <= Mm(20)


def test_times_new_roman_everywhere(document):
    rfonts = document.styles["Normal"].element.rPr.rFonts
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        assert rfonts.get(qn(attr)) == "Times New Roman"
    assert rfonts.get(qn("w:asciiTheme")) is None
    assert document.styles["Normal"].font.size == Pt(14)


def test_page_numbers_top_centre_from_page_two(document):
    s = document.sections[0]
    assert s.different_first_page_header_footer
    assert s.first_page_header.paragraphs[0].text == ""
    head = s.header.paragraphs[0]
    assert head.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" in "".join(head._p.itertext())


def test_header_block(document):
    table = document.tables[0]
    left, right = table.rows[0].cells
    left_lines = [p.text for p in left.paragraphs if p.text]
    assert left_lines[0] == "ỦY BAN MTTQ VIỆT NAM"
    assert left_lines[1] == "TỈNH LAI CHÂU"
    assert left.paragraphs[1].runs[0].bold
    assert left_lines[2].startswith("Số: ") and left_lines[2].endswith("/BC-MTTQ")
    quoc_hieu, tieu_ngu = right.paragraphs[0], right.paragraphs[1]
    assert quoc_hieu.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert quoc_hieu.runs[0].bold and Pt(12) <= quoc_hieu.runs[0].font.size <= Pt(13)
    assert tieu_ngu.text == "Độc lập - Tự do - Hạnh phúc"
    assert tieu_ngu.runs[0].bold and Pt(13) <= tieu_ngu.runs[0].font.size <= Pt(14)
    # The rules: bottom borders under the issuing body and the tiêu ngữ.
    assert left.paragraphs[2]._p.pPr.find(qn("w:pBdr")) is not None
    assert right.paragraphs[2]._p.pPr.find(qn("w:pBdr")) is not None
    date = [p for p in right.paragraphs if p.text.startswith("Lai Châu, ngày")][0]
    assert date.text == "Lai Châu, ngày 05 tháng 10 năm 2023"
    assert date.runs[0].italic
    # Borderless header table.
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert all(el.get(qn("w:val")) == "nil" for el in borders)


def test_title_and_summary_are_bold(document):
    paras = document.paragraphs
    title = next(p for p in paras if p.text == "BÁO CÁO")
    assert title.runs[0].bold and title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    summary = paras[paras.index(title) + 1] if title in paras else None
    summary = document.paragraphs[[p.text for p in paras].index("BÁO CÁO") + 1]
    assert summary.text.startswith("Kết quả hoạt động quý III năm 2023")
    assert summary.runs[0].bold


def test_body_paragraphs_justified_indented_spaced(document):
    body = [p for p in document.paragraphs if len(p.text) > 200]
    assert len(body) >= 7  # intro + one per organization at least
    for p in body:
        fmt = p.paragraph_format
        assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert Cm(1) - 1000 <= fmt.first_line_indent <= Cm(1.27) + 1000
        assert fmt.space_after >= Pt(6)


def test_headings_keep_with_next(document):
    headings = [p for p in document.paragraphs if p.text[:3] in {"I. ", "II.", "III", "IV."} or p.text[:2] in {"1.", "2.", "3."}]
    assert len(headings) >= 10
    assert all(p.paragraph_format.keep_with_next for p in headings)


def test_a_table_header_row_keeps_with_its_first_row(document):
    """The commune sample's page 2 ended on 'Bảng 1' and its header row, the figures on page 3:
    every paragraph of a header row keeps with the next, as the caption does, so the header goes
    over with its first row of figures (LibreOffice and Word both honour it)."""
    for table in document.tables[1:-1]:
        assert all(p.paragraph_format.keep_with_next for c in table.rows[0].cells for p in c.paragraphs)


def test_indicator_tables_repeat_header_and_hold_the_model_figures(document):
    model = build_synthetic_model()
    tables = document.tables[1:-1]  # between the header block and the signature block
    assert len(tables) == len(model.sections)
    for table, section in zip(tables, model.sections):
        first = table.rows[0]._tr
        assert first.trPr.find(qn("w:tblHeader")) is not None
        rows = cell_texts(table)
        assert rows[0] == table_header(model)
        for cells, row in zip(rows[1:], section.rows):
            assert cells[1].startswith(row.name)
            if row.value_type != "money":
                assert cells[3] == table_value(row.value, row.value_type)
                assert cells[4] == table_value(row.year_to_date, row.value_type)
                assert cells[5] == table_value(row.target, row.value_type)
                assert cells[7] == table_value(row.same_period_last_year, row.value_type)
            assert cells[6] == format_number(row.pct_achieved, 1)
    pn = dict((r[1], r) for r in cell_texts(tables[2])[1:])
    assert pn["Lượt người tham dự"][3] == "29.774"
    # billions of đồng in tỷ so that the figure fits its column on one line
    assert pn["Dư nợ ủy thác"][2:4] == ["tỷ đồng", "1.062,4"]


def test_charts_are_png_images(document):
    assert len(document.inline_shapes) == 6  # one trend chart per organization
    blobs = [rel.target_part.blob for rel in document.part.rels.values() if "image" in rel.reltype]
    assert blobs and all(b.startswith(b"\x89PNG") for b in blobs)


def test_recipients_and_signature(document):
    sign = document.tables[-1]
    left, right = sign.rows[0].cells
    title = left.paragraphs[0]
    assert title.text == "Nơi nhận:"
    assert title.runs[0].bold and title.runs[0].italic and title.runs[0].font.size == Pt(12)
    items = [p for p in left.paragraphs[1:] if p.text]
    assert items[-1].text == "- Lưu: VT."
    assert all(p.runs[0].font.size == Pt(11) for p in items)
    right_text = [p.text for p in right.paragraphs if p.text]
    assert right_text[:2] == ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"]
    assert right_text[-1] == "Lường Văn Chung"


def test_no_party_layout_for_a_front_report(document):
    """The Front's report carries the state quốc hiệu, never the Party's title."""
    right = document.tables[0].rows[0].cells[1]
    assert not any("ĐẢNG CỘNG SẢN" in p.text for p in right.paragraphs)


def test_a_heading_s_period_is_never_broken(document):
    """'III. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM' then '2026' alone on a line (the
    province and Hội LHPN samples): the period's words are bound, the heading wraps before it."""
    heads = [p.text for p in document.paragraphs if p.text.startswith(("I. ", "III. "))]
    assert heads[0].endswith("NHIỆM VỤ QUÝ\u00a0III/2023"), heads
    assert heads[1].endswith("TRỌNG TÂM QUÝ\u00a0IV\u00a0NĂM\u00a02023"), heads
    # left-aligned: justified, the line before the bound period would be stretched word by word
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.LEFT for p in document.paragraphs if p.text.startswith(("I. ", "III. ")))

"""The consolidated report as a Word file laid out per Decree 30/2020/NĐ-CP, Appendix I.

A4; margins 20/20/30/15 mm (top, bottom, left, right); Times New Roman; body 14 pt justified with
a 1.27 cm first-line indent and 6 pt after; page numbers top centre from page 2; the header block
as a borderless two-column table; indicator tables whose header row repeats on every page;
headings kept with what follows; the closing paragraph, 'Nơi nhận' and the signature kept on one
page. `variant="youth"` is the Youth Union's first page ('ĐOÀN TNCS HỒ CHÍ MINH' top right, '***'
under the body, 'Số: 12-BC/TĐTN-VP'). The Party's own layout (HD 36) is not produced: these
reports are issued by the Front and the organizations, never by a Party committee.
"""

from __future__ import annotations

import re

import copy
import io
import math
import os
from typing import BinaryIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, Twips

from . import charts as chart_mod
from .model import ReportModel, saved_bytes
from .vnformat import format_date_line
from .writing import Block, compose, load_phrasing, summary_line

FONT = "Times New Roman"
BODY_PT = 14
BODY_INDENT = Cm(1.27)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_CM = (210 - MARGINS_MM["left"] - MARGINS_MM["right"]) / 10  # 16.5 cm
HEADER_COLS_CM = (6.3, TEXT_WIDTH_CM - 6.3)
TABLE_COLS_CM = (0.8, 4.3, 1.9, 1.8, 1.7, 1.6, 1.2, 1.7, 1.5)  # 16,5 cm: the full text width
CHART_WIDTH_CM = 12.5
MOTTO_RULE_CM = 5.6  # as long as 'Độc lập - Tự do - Hạnh phúc' in 13 pt bold
RULE_GAP_PT = 3  # the rules under the body, the tiêu ngữ and the summary sit clear of the letters' descenders

# Decree 30 sizes; the Youth Union keeps them with its own title in place of the Quốc hiệu.
LAYOUTS = {
    "state": {"title": 12, "motto": 13, "agency": 13, "number": 13, "date": 14, "doc_type": 14, "summary": 14, "body": 14},
    "youth": {"title": 13, "motto": 0, "agency": 13, "number": 13, "date": 14, "doc_type": 14, "summary": 14, "body": 14},
}


# ---------------------------------------------------------------- low-level helpers


def _set_fonts(rpr_parent, name: str = FONT) -> None:
    """Times New Roman for every script slot; theme fonts removed so they cannot win."""
    rpr = rpr_parent.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")


def _run(paragraph, text: str, size: float | None = None, bold: bool = False, italic: bool = False, caps: bool = False):
    run = paragraph.add_run(text)
    font = run.font
    if size:
        font.size = Pt(size)
    if bold:
        font.bold = True
    if italic:
        font.italic = True
    if caps:
        font.all_caps = True
    return run


def _para(container, text: str = "", size: float | None = None, bold=False, italic=False,
          align=WD_ALIGN_PARAGRAPH.CENTER, before=0, after=0, indent=None, keep_next=False, line=1.0):
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = line
    if indent is not None:
        fmt.first_line_indent = indent
    if keep_next:
        fmt.keep_with_next = True
    if text:
        _run(p, text, size, bold, italic)
    return p


def _rule(container, length_cm: float, cell_width_cm: float, before: float = 0, after: float = 0):
    """A short horizontal rule: an empty paragraph's bottom border, narrowed by its indents."""
    p = container.add_paragraph()
    fmt = p.paragraph_format
    side = max(0.0, (cell_width_cm - 0.38 - length_cm) / 2)
    fmt.left_indent = Cm(side)
    fmt.right_indent = Cm(side)
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = Pt(2)
    ppr = p._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, val in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), val)
    border.append(bottom)
    ppr.insert_element_before(border, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                              "w:pPrChange")
    return p


def _no_borders(table) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblpr.append(borders)


def _fixed_widths(table, widths_cm) -> None:
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)
    for col, width in zip(table.columns, widths_cm):
        col.width = Cm(width)


def _cell_margins(table, side_cm: float) -> None:
    mar = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(int(side_cm / 2.54 * 1440)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    table._tbl.tblPr.append(mar)


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _cant_split(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def _page_field(paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)
    run.font.size = Pt(13)


# ---------------------------------------------------------------- document set-up


def _mm_up(mm: float) -> Twips:
    return Twips(math.ceil(mm * 1440 / 25.4))


def new_document(body_pt: int = BODY_PT) -> DocxDocument:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    # Word stores twips: round up so 15 mm does not become 14,99 mm, below the decree's minimum.
    section.top_margin, section.bottom_margin = _mm_up(MARGINS_MM["top"]), _mm_up(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = _mm_up(MARGINS_MM["left"]), _mm_up(MARGINS_MM["right"])
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    for style_name in ("Normal", "Table Grid", "Header", "Footer"):
        try:
            style = doc.styles[style_name]
        except KeyError:
            continue
        _set_fonts(style.element)
        if style_name == "Normal":
            style.font.size = Pt(body_pt)
            style.paragraph_format.space_after = Pt(0)
            style.paragraph_format.line_spacing = 1.0
    # Page numbers: none on page 1, centred at the top from page 2 on.
    section.different_first_page_header_footer = True
    header_p = section.header.paragraphs[0]
    header_p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(header_p)
    section.first_page_header.paragraphs[0].text = ""
    props = doc.core_properties
    props.language = "vi-VN"
    return doc


def _layout(model: ReportModel) -> dict:
    return LAYOUTS.get(model.issuer.variant, LAYOUTS["state"])


def _issuer_number(model: ReportModel) -> str:
    issuer = model.issuer
    number = issuer.number or "\u00a0" * 8
    if issuer.variant == "youth":
        return f"Số: {number}-{issuer.symbol}"  # 'Số: 12-BC/TĐTN-VP'
    return f"Số: {number}/{issuer.symbol}"


_PLACE_LEVEL = re.compile(r"\s((?:TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s.+)$")


def keep_place_together(body: str) -> str:
    """'HỘI LHPN TỈNH LAI CHÂU' wraps in the header column as 'HỘI LHPN / TỈNH LAI CHÂU', never
    'HỘI LHPN TỈNH LAI / CHÂU': the place after the body's name is joined by no-break spaces."""
    m = _PLACE_LEVEL.search(body)
    if not m:
        return body
    return body[:m.start(1)] + m.group(1).replace(" ", "\u00a0")


def header_block(doc, model: ReportModel) -> None:
    issuer = model.issuer
    youth = issuer.variant == "youth"
    sizes = _layout(model)
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _fixed_widths(table, HEADER_COLS_CM)
    left, right = table.rows[0].cells
    left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
    right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)

    if issuer.parent_body:
        _para(left, issuer.parent_body.upper(), sizes["agency"])
    _para(left, keep_place_together(issuer.body.upper()), sizes["agency"], bold=True)
    if issuer.board:
        _para(left, issuer.board.upper(), sizes["agency"], bold=True)
    if youth:
        _para(left, "***", sizes["agency"])
    else:
        _rule(left, HEADER_COLS_CM[0] / 3, HEADER_COLS_CM[0], before=RULE_GAP_PT)
    _para(left, _issuer_number(model), sizes["number"], before=6)

    if youth:
        title = _para(right, "ĐOÀN TNCS HỒ CHÍ MINH", sizes["title"], bold=True)
        title.runs[0].font.underline = True
        date_p = _para(right, format_date_line(issuer.place, model.report_date), sizes["date"], italic=True, before=12)
        date_p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        return
    _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", sizes["title"], bold=True)
    _para(right, "Độc lập - Tự do - Hạnh phúc", sizes["motto"], bold=True)
    _rule(right, MOTTO_RULE_CM, HEADER_COLS_CM[1], before=RULE_GAP_PT)
    _para(right, format_date_line(issuer.place, model.report_date), sizes["date"], italic=True, before=6)


def title_block(doc, model: ReportModel, phrasing: dict) -> None:
    sizes = _layout(model)
    _para(doc, "BÁO CÁO", sizes["doc_type"], bold=True, before=18, keep_next=True)
    _para(doc, summary_line(model, phrasing), sizes["summary"], bold=True, keep_next=True)
    _rule(doc, 3.0, TEXT_WIDTH_CM, before=RULE_GAP_PT, after=12)


def _body(doc, text: str, keep_next: bool = False, size: float | None = None):
    return _para(doc, text, size, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6, indent=BODY_INDENT,
                 keep_next=keep_next, line=1.15)


def _no_wrap(cell) -> None:
    """A figure stays on one line: Word and LibreOffice shrink nothing, they just do not break it."""
    tcpr = cell._tc.get_or_add_tcPr()
    el = OxmlElement("w:noWrap")
    later = next((c for c in tcpr if c.tag in {qn("w:tcMar"), qn("w:textDirection"), qn("w:tcFitText"), qn("w:vAlign"),
                                                qn("w:hideMark")}), None)  # the schema's order
    if later is not None:
        later.addprevious(el)
    else:
        tcpr.append(el)


_HEADING_PERIOD = re.compile(r"\b(?:QUÝ|\d+ THÁNG|THÁNG|NĂM) .*$")


def _period_unbroken(text: str) -> str:
    """'… TRỌNG TÂM QUÝ IV NĂM 2026' wraps as '… TRỌNG TÂM / QUÝ IV NĂM 2026', never leaving
    '2026' alone on the heading's second line."""
    return _HEADING_PERIOD.sub(lambda m: m[0].replace(" ", "\u00a0"), text, count=1)


def indicator_table(doc, header: list[str], rows: list[list[str]]):
    """The indicator table. The first data row is built through python-docx; the others are
    copies of its XML with their texts replaced (a provincial report has ~150 rows × 9 cells,
    and building each cell through the API was most of the document's time)."""
    table = doc.add_table(rows=2 if rows else 1, cols=len(header))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fixed_widths(table, TABLE_COLS_CM)
    _cell_margins(table, 0.12)  # figures must not touch the cell borders
    head = table.rows[0]
    _repeat_header(head)
    _cant_split(head)
    for cell, text in zip(head.cells, header):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        # the header row goes with the first row of figures: never alone at the foot of a page
        p.paragraph_format.keep_with_next = True
        _run(p, text, 11, bold=True)
    if not rows:
        return table
    template = table.rows[1]
    _cant_split(template)
    for c_index, cell in enumerate(template.cells):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        p = cell.paragraphs[0]
        p.alignment = (WD_ALIGN_PARAGRAPH.LEFT if c_index == 1 else
                       WD_ALIGN_PARAGRAPH.CENTER if c_index in (0, 2) else WD_ALIGN_PARAGRAPH.RIGHT)
        _run(p, "\u2060", 11)  # a placeholder: every cell gets exactly one run and one w:t
        if c_index >= 3:
            _no_wrap(cell)
    tr = template._tr
    texts_of = qn("w:t")
    copies = [tr] + [copy.deepcopy(tr) for _ in rows[1:]]
    for row_el, values in zip(copies, rows):
        for t_el, text in zip(row_el.iter(texts_of), values):
            t_el.text = text
            if text != text.strip():
                t_el.set(qn("xml:space"), "preserve")
        if row_el is not tr:
            table._tbl.append(row_el)
    return table


def signature_block(doc, model: ReportModel, phrasing: dict) -> None:
    """'Nơi nhận' on the left, the signature on the right, in one row that cannot split; the
    paragraphs before it (the closing sentence) keep with it, so it never sits alone on a page."""
    issuer = model.issuer
    sizes = _layout(model)
    spacer = _para(doc, "", after=6, keep_next=True)
    spacer.paragraph_format.keep_together = True
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _fixed_widths(table, (8.0, TEXT_WIDTH_CM - 8.0))
    left, right = table.rows[0].cells
    _cant_split(table.rows[0])
    p = left.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _run(p, phrasing["blocks"]["recipients_title"], 12, bold=True, italic=True)
    for item in issuer.recipients or phrasing["blocks"]["default_recipients"]:
        _para(left, f"- {item}", 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    first = right.paragraphs[0]
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    lines = [line for line in issuer.signer_title.split("\n") if line.strip()]
    for i, line in enumerate(lines):
        target = first if i == 0 else _para(right, "")
        _run(target, line.upper(), sizes["body"], bold=True)
    for _ in range(4):
        _para(right, "")
    if issuer.signer_name:
        _para(right, issuer.signer_name, sizes["body"], bold=True)
    for cell in (left, right):
        for par in cell.paragraphs:
            par.paragraph_format.keep_with_next = True
            par.paragraph_format.keep_together = True


def render_blocks(doc, blocks: list[Block]) -> None:
    chart_blocks = [b for b in blocks if b.kind == "chart"]
    pngs = dict(zip(map(id, chart_blocks), chart_mod.render_blocks(chart_blocks, "png")))
    for block in blocks:
        if block.kind == "heading1":
            # left, not justified: a heading wrapping before its period would stretch its first line
            p = _para(doc, _period_unbroken(block.text), BODY_PT, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, before=6, after=6,
                      indent=BODY_INDENT, keep_next=True)
            if block.extra.get("page_break"):
                p.paragraph_format.page_break_before = True
        elif block.kind == "heading2":
            _para(doc, block.text, BODY_PT, bold=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=3, after=6,
                  indent=BODY_INDENT, keep_next=True)
        elif block.kind == "para":
            _body(doc, block.text)
        elif block.kind == "bullet":
            _body(doc, "- " + block.text)
        elif block.kind == "caption":
            # Table captions sit above their table and stay with it; chart captions follow the chart.
            _para(doc, block.text, 12, italic=True, after=6, keep_next=True)
        elif block.kind == "note":
            _para(doc, block.text, 12, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, before=3, after=6)
        elif block.kind == "table":
            indicator_table(doc, block.extra["header"], block.extra["rows"])
            _para(doc, "", 6)
        elif block.kind == "chart":
            png = pngs[id(block)]
            p = _para(doc, "", before=6, keep_next=True)
            p.add_run().add_picture(io.BytesIO(png), width=Cm(CHART_WIDTH_CM))


def build_report_docx(model: ReportModel, phrasing: dict | None = None, charts: bool = True) -> DocxDocument:
    phrasing = phrasing or load_phrasing()
    doc = new_document(_layout(model)["body"])
    # The default document starts with one empty paragraph: drop it so the header table is first.
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    header_block(doc, model)
    title_block(doc, model, phrasing)
    blocks = compose(model, phrasing, charts=charts)
    appendix_at = next((i for i, b in enumerate(blocks) if b.extra.get("page_break")), len(blocks))
    render_blocks(doc, blocks[:appendix_at])
    # The closing sentence keeps with the signature block that follows it.
    closing = doc.paragraphs[-1]
    closing.paragraph_format.keep_with_next = True
    closing.paragraph_format.keep_together = True
    signature_block(doc, model, phrasing)
    render_blocks(doc, blocks[appendix_at:])
    return doc


def write_report_docx(model: ReportModel, target: str | os.PathLike | BinaryIO | None = None,
                      phrasing: dict | None = None, charts: bool = True) -> bytes:
    """Build the report and return the .docx bytes (also written to `target` when given)."""
    doc = build_report_docx(model, phrasing, charts)
    return saved_bytes(doc, target)

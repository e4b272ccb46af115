"""The consolidated figures as an Excel workbook (openpyxl).

One sheet per organization with its indicator table, one sheet per area level with the areas'
figures, the figures the level reports itself and the total. Totals and % đạt are real formulas
(=SUM, =IF(target>0, value/target, "")), so Excel and LibreOffice recompute them when a user
corrects a figure; a rate's total is the engine's (a rate of the whole, not an average of rates).
Counts and money (in triệu đồng, whole) are numbers that print with a literal '.' between
thousands whatever the reader's locale (29.774 on an English system too). A decimal comma cannot
be put in a number format (Excel takes the decimal sign from the reader's system: 34.5 km reads
as thirty-four thousand to a Vietnamese eye), so decimals and rates are written as Vietnamese text
('34,5', '77,7') and % đạt and the change are formulas that write it ('77,7 %', '+12,3 %'):
FIXED gives the figure with the system's decimal sign and SUBSTITUTE makes it a comma. Every sheet prints landscape on A4, one page wide, with its header rows (and the
area column) repeated and 'Trang n/m' at the foot.
"""

from __future__ import annotations

import dataclasses
import os
import re
from typing import BinaryIO

from openpyxl import Workbook

from giaoban.core.cells import xlsx_text
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from .model import ReportModel, saved_bytes
from .vnformat import format_number, table_value
from .writing import cap_first, load_phrasing, localize, subject_forms

THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDE7F3")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
FONT = "Times New Roman"
# Literal dots between thousands: the same on every locale (Excel's ',' follows the reader's system).
INT_FORMAT = r"[>=1000000]#\.###\.##0;[>=1000]#\.##0;0"
TEXT_FORMAT = "@"


def vn_text_formula(expr: str, signed: bool = False, suffix: str = " %") -> str:
    """Excel text of `expr` to one decimal with a decimal comma on any locale: FIXED writes the
    system's decimal sign ('.' or ','), no thousands separator; SUBSTITUTE turns '.' into ','."""
    sign = f'IF(({expr})>0,"+","")&' if signed else ""
    return f'{sign}SUBSTITUTE(FIXED({expr},1,TRUE),".",",")&"{suffix}"'


def vn_text(value, value_type: str) -> str | None:
    """A decimal or a rate as the report's tables write it ('34,5', '77,7', '1.234,5')."""
    if value is None:
        return None
    return table_value(value, value_type)

ORG_HEADERS = ["TT", "Chỉ tiêu", "Đơn vị tính", "{period}", "Lũy kế năm", "Chỉ tiêu năm", "% đạt",
               "Cùng kỳ {prev_year}", "Tăng, giảm so với cùng kỳ"]
ORG_WIDTHS = [5, 50, 13, 14, 14, 14, 9, 14, 12]
ORG_HEADER_ROW = 4
LEVEL_LABELS = {"tỉnh": "Cấp tỉnh", "huyện": "Cấp huyện", "xã": "Cấp xã"}
SHEET_NAME_BAD = re.compile(r"[\[\]\*\?/\\:]")


def _sheet_name(text: str, used: set[str]) -> str:
    name = SHEET_NAME_BAD.sub("-", text)[:31]
    base, n = name, 2
    while name in used:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(name)
    return name


def _number_format(value_type: str) -> str:
    return INT_FORMAT if value_type in ("integer", "money") else TEXT_FORMAT


def _numeric(value_type: str) -> bool:
    """Counts and money stay numbers (their format prints dots on any locale); decimals and rates
    are Vietnamese text."""
    return value_type in ("integer", "money")


def _print_setup(ws, title_rows: str, title_cols: str | None = None) -> None:
    """Landscape A4, one page wide, header rows (and the name column) on every page, page numbers."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    if title_cols:
        ws.print_title_cols = title_cols
    ws.oddFooter.center.text = "Trang &P/&N"
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6


def _cell_value(value, value_type: str):
    """Money in triệu đồng (the unit column says so), counts as numbers; a decimal or a rate (in
    percent) as its Vietnamese text."""
    if value is None:
        return None
    if value_type == "money":
        return round(float(value) / 1_000_000)
    if value_type == "integer":
        return int(value)
    return vn_text(value, value_type)


def _title(ws, text: str, subtitle: str, width: int) -> None:
    xlsx_text(ws.cell(row=1, column=1, value=text)).font = Font(name=FONT, bold=True, size=13)
    xlsx_text(ws.cell(row=2, column=1, value=subtitle)).font = Font(name=FONT, italic=True, size=11)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)


def _header(ws, row: int, headers: list[str]) -> None:
    for col, text in enumerate(headers, start=1):
        cell = xlsx_text(ws.cell(row=row, column=col, value=text))
        cell.font = Font(name=FONT, bold=True, size=11)
        cell.fill = HEAD_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[row].height = 45


def org_sheet(wb: Workbook, model: ReportModel, section, phrasing: dict, used: set[str]) -> None:
    subj = subject_forms(phrasing, section)
    ws = wb.create_sheet(_sheet_name(subj.get("sheet") or subj.get("name") or section.org_name, used))
    period = cap_first(model.period_short_label or model.period_label)
    headers = [h.format(period=period, prev_year=model.same_period_year or "") for h in ORG_HEADERS]
    _title(ws, f"{subj.get('name') or section.org_name} – {model.area_name}",
           f"Số liệu {model.period_label}; tiền tính bằng triệu đồng; % đạt = lũy kế năm / chỉ tiêu năm; "
           f"tăng, giảm của tỷ lệ tính bằng điểm phần trăm.", len(headers))
    _header(ws, ORG_HEADER_ROW, headers)
    for i, row in enumerate(section.rows, start=1):
        r = ORG_HEADER_ROW + i
        fmt = _number_format(row.value_type)
        unit = "triệu đồng" if row.value_type == "money" else row.unit
        # A rate's change is in percentage points (a difference), others in percent; no change
        # when this period's figure covers fewer units than the one compared.
        # Counts and money: formulas (a corrected figure recomputes them); decimals and rates are
        # text, so their % đạt and change are written here.
        if not row.comparable:
            change = None
        elif row.value_type == "percent":
            pts = row.change_points
            change = None if pts is None else ("+" if pts > 0 else "") + format_number(pts, 1, strip_zeros=False) + " điểm"  # 'đ' reads as đồng
        elif not _numeric(row.value_type):
            pct = row.change_pct
            change = None if pct is None else ("+" if pct > 0 else "") + format_number(pct, 1, strip_zeros=False) + " %"
        else:
            change = f'=IF(AND(ISNUMBER(H{r}),H{r}>0,ISNUMBER(D{r})),{vn_text_formula(f"(D{r}-H{r})/H{r}*100", signed=True)},"")'
        if _numeric(row.value_type):
            achieved: str | None = f'=IF(AND(ISNUMBER(E{r}),ISNUMBER(F{r}),F{r}>0),{vn_text_formula(f"E{r}/F{r}*100")},"")'
        else:
            achieved = None if row.pct_achieved is None else format_number(row.pct_achieved, 1, strip_zeros=False) + " %"
        values = [i, row.name + (" (*)" if row.reconstructed else ""), unit,
                  _cell_value(row.value, row.value_type), _cell_value(row.year_to_date, row.value_type),
                  _cell_value(row.target, row.value_type), achieved,
                  _cell_value(row.same_period_last_year, row.value_type), change]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col, value=value)
            if col in (2, 3):  # names from the database; columns 7 and 9 are our formulas or text
                xlsx_text(cell)
            cell.border = BORDER
            cell.font = Font(name=FONT, size=11)
            if col in (4, 5, 6, 8):
                cell.number_format = fmt
            if col >= 4:
                cell.alignment = Alignment(horizontal="right")
            if col == 2:
                cell.alignment = Alignment(wrap_text=True, vertical="center")
    for col, width in enumerate(ORG_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(row=ORG_HEADER_ROW + 1, column=3)
    _print_setup(ws, f"{ORG_HEADER_ROW}:{ORG_HEADER_ROW}")


def area_sheets(wb: Workbook, model: ReportModel, phrasing: dict, used: set[str]) -> None:
    """One sheet per area level: areas down, indicators across (grouped by organization), the
    level's own figures, a total row of =SUM formulas for the indicators that add up and the
    engine's figure for rates."""
    levels = []
    for row in model.area_rows:
        if row.level not in levels:
            levels.append(row.level)
    # One sheet per level and organization: ~20 indicator columns print one page wide; all
    # organizations side by side (137 columns) printed as dozens of unreadable pages.
    for level, org_section in [(lv, s) for lv in levels for s in model.sections]:
        rows = [r for r in model.area_rows if r.level == level and r.org_code == org_section.org_code]
        if not rows or not org_section.rows:
            continue
        short = subject_forms(phrasing, org_section).get("sheet") or org_section.org_name
        ws = wb.create_sheet(_sheet_name(f"{LEVEL_LABELS.get(level, f'Cấp {level}')} - {short}", used))
        columns = [(org_section, ind) for ind in org_section.rows]  # (section, indicator row)
        _title(ws, f"Số liệu theo địa bàn – {LEVEL_LABELS.get(level, level).lower()} – {short} – {model.area_name}",
               f"{cap_first(model.period_label)}; tiền tính bằng triệu đồng.", 2 + len(columns))
        org_row, head_row = 3, 4
        ws.cell(row=org_row, column=1, value="TT")
        ws.cell(row=org_row, column=2, value="Địa bàn")
        _header(ws, head_row, ["", ""] + [f"{ind.name} ({'triệu đồng' if ind.value_type == 'money' else ind.unit})" for _s, ind in columns])
        for col in (1, 2):
            ws.merge_cells(start_row=org_row, start_column=col, end_row=head_row, end_column=col)
            cell = ws.cell(row=org_row, column=col)
            cell.font = Font(name=FONT, bold=True, size=11)
            cell.fill = HEAD_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center")
        # Organization group headers over their indicator columns.
        col = 3
        for section in model.sections:
            count = sum(1 for s, _ in columns if s is section)
            if not count:
                continue
            cell = xlsx_text(ws.cell(row=org_row, column=col, value=subject_forms(phrasing, section).get("name") or section.org_name))
            cell.font = Font(name=FONT, bold=True, size=11)
            cell.fill = HEAD_FILL
            cell.alignment = Alignment(horizontal="center")
            cell.border = BORDER
            if count > 1:
                ws.merge_cells(start_row=org_row, start_column=col, end_row=org_row, end_column=col + count - 1)
            col += count
        areas = []
        for r in rows:
            if r.area_name not in areas:
                areas.append(r.area_name)
        by_area_org = {(r.area_name, r.org_code): r for r in rows}
        first = head_row + 1
        for i, area in enumerate(areas):
            row_no = first + i
            ws.cell(row=row_no, column=1, value=i + 1).border = BORDER
            xlsx_text(ws.cell(row=row_no, column=2, value=area)).border = BORDER
            for c, (section, ind) in enumerate(columns, start=3):
                src = by_area_org.get((area, section.org_code))
                value = _cell_value(src.values.get(ind.code), ind.value_type) if src else None
                cell = ws.cell(row=row_no, column=c, value=value)
                cell.number_format = _number_format(ind.value_type)
                cell.border = BORDER
                if not _numeric(ind.value_type):
                    cell.alignment = Alignment(horizontal="right")
        last = first + len(areas) - 1
        # What the level reports itself (a province-level unit's figures: new grassroots trade
        # unions, the Women's Union's own loans): the engine's total less the areas', so that
        # the total below equals the report's figure.
        own_row = last + 1
        xlsx_text(ws.cell(row=own_row, column=2, value=f"Cấp trên trực tiếp báo cáo ({model.area_name})")).border = BORDER
        for c, (section, ind) in enumerate(columns, start=3):
            value = None
            if ind.value_type != "percent" and ind.value is not None:
                areas_sum = sum(float(by_area_org[(a, section.org_code)].values.get(ind.code) or 0)
                                for a in areas if (a, section.org_code) in by_area_org)
                own = float(ind.value) - areas_sum
                if abs(own) >= 0.05:
                    value = _cell_value(round(own, 6), ind.value_type) if own > 0 else None
            cell = ws.cell(row=own_row, column=c, value=value)
            cell.number_format = _number_format(ind.value_type)
            cell.border = BORDER
        total_row = own_row + 1
        label = ws.cell(row=total_row, column=2, value="Tổng cộng")
        label.font = Font(name=FONT, bold=True)
        for c, (_section, ind) in enumerate(columns, start=3):
            letter = get_column_letter(c)
            if not _numeric(ind.value_type):
                # a rate of the whole as the engine combines it, never an average of the areas'
                # rates; a decimal (text, which SUM would skip) is the engine's total as well
                value = _cell_value(ind.value, ind.value_type)
            else:
                value = f"=SUM({letter}{first}:{letter}{own_row})" if areas else None
            cell = ws.cell(row=total_row, column=c, value=value)
            cell.number_format = _number_format(ind.value_type)
            cell.font = Font(name=FONT, bold=True)
            cell.fill = TOTAL_FILL
            cell.border = BORDER
        ws.column_dimensions["A"].width = 5
        ws.column_dimensions["B"].width = 24
        for c in range(3, 3 + len(columns)):
            ws.column_dimensions[get_column_letter(c)].width = 14
        ws.freeze_panes = ws.cell(row=first, column=3)
        _print_setup(ws, f"{org_row}:{head_row}", "A:B")


def build_report_xlsx(model: ReportModel, phrasing: dict | None = None) -> Workbook:
    phrasing = phrasing or load_phrasing()
    model = dataclasses.replace(model, sections=[localize(s, phrasing) for s in model.sections])
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for section in model.sections:
        org_sheet(wb, model, section, phrasing, used)
    area_sheets(wb, model, phrasing, used)
    if not wb.sheetnames:
        ws = wb.create_sheet("Báo cáo")
        ws["A1"] = f"Không có số liệu {model.period_label} cho {model.area_name}."
        _print_setup(ws, "1:1")
    # Ask the reader's spreadsheet program to recompute on open (openpyxl stores no results).
    wb.calculation.fullCalcOnLoad = True
    return wb


def write_report_xlsx(model: ReportModel, target: str | os.PathLike | BinaryIO | None = None,
                      phrasing: dict | None = None) -> bytes:
    wb = build_report_xlsx(model, phrasing)
    return saved_bytes(wb, target)

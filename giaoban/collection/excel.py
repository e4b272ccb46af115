"""Excel round-trip of the data-entry form (openpyxl).

Two layouts:
- one unit:   sheet 'Biểu mẫu', one indicator a row (code, name, unit, value, qualifier, comment);
- children:   sheet 'Cấp dưới', one child unit a row, one indicator a column (codes in row 5).
The unit, period and report version are written into the file; an upload for another unit or
period, or for a report that changed since the download, is refused. Every problem is reported
by sheet, row and column in Vietnamese, and nothing is saved when any row is wrong.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from giaoban.collection import access, workflow
from giaoban.collection.entry import QUALIFIER_CHOICES
from giaoban.collection.models import DataValue, Report
from giaoban.core.cells import xlsx_text
from giaoban.core.numbers import NumberFormatError, parse_vn_number
from giaoban.core.periods import Period
from giaoban.core.uploads import UploadError, open_xlsx_safely, read_upload
from giaoban.org import stamp

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ONE_SHEET, CHILDREN_SHEET = "Biểu mẫu", "Cấp dưới"
HEADER_ROW, FIRST_ROW = 6, 7
CHILD_LABEL_ROW, CHILD_CODE_ROW, CHILD_FIRST_ROW = 4, 5, 6
ONE_COLUMNS = ["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Giá trị", "Độ chính xác", "Ghi chú", "Kỳ trước", "Cùng kỳ năm trước"]
BOLD = Font(bold=True)
INPUT_FILL = PatternFill("solid", fgColor="FFF8DC")


class ExcelImportError(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


def _norm(text) -> str:
    return unicodedata.normalize("NFC", str(text or "")).strip().lower()


QUALIFIERS = {}
for code, label in QUALIFIER_CHOICES:
    QUALIFIERS[_norm(code)] = code
    QUALIFIERS[_norm(label)] = code
    for part in label.split(","):
        QUALIFIERS[_norm(part)] = code
QUALIFIERS[""] = "exact"
SHORT_QUALIFIERS = {"exact": "chính xác", "approx": "khoảng", "over": "hơn", "under": "dưới"}


def _number_format(ind) -> str:
    return "#,##0" if ind.value_type in ("integer", "money") else "#,##0.##"


def _cell_value(value):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _save(wb) -> bytes:
    # These sheets hold no formula of ours: any text that looks like one (a comment
    # '=HYPERLINK(…)', a name) stays text in the approver's spreadsheet program.
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                xlsx_text(cell)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------------------- download


def one_unit_workbook(unit, period: Period, report: Report | None) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = ONE_SHEET
    ws["A1"] = f"BIỂU MẪU BÁO CÁO {period.label_vi.upper()} – {unit.name}"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"], ws["B2"], ws["C2"], ws["D2"] = "Đơn vị", unit.name, "Mã đơn vị", unit.code
    ws["A3"], ws["B3"], ws["C3"], ws["D3"] = "Kỳ báo cáo", period.label_vi, "Mã kỳ", period.code
    ws["A4"], ws["B4"] = "Phiên bản", report.version if report else 1
    ws["C4"] = "Chỉ điền cột Giá trị, Độ chính xác, Ghi chú; không sửa mã đơn vị, mã kỳ, phiên bản và mã chỉ tiêu."
    for col, title in enumerate(ONE_COLUMNS, start=1):
        c = ws.cell(HEADER_ROW, col, title)
        c.font = BOLD
    current = {dv.indicator_id: dv for dv in DataValue.objects.filter(report=report)} if report else {}
    history = {
        (ind_id, p): v for ind_id, p, v in DataValue.objects.filter(
            unit=unit, period__in=[period.previous().code, period.same_period_last_year().code]
        ).values_list("indicator_id", "period", "value")
    }
    indicators = list(workflow.form_indicators(unit))
    for i, ind in enumerate(indicators):
        r = FIRST_ROW + i
        dv = current.get(ind.pk)
        ws.cell(r, 1, ind.code)
        ws.cell(r, 2, ind.name)
        ws.cell(r, 3, ind.unit_noun)
        value_cell = ws.cell(r, 4, _cell_value(dv.value) if dv else None)
        value_cell.number_format = _number_format(ind)
        value_cell.fill = INPUT_FILL
        ws.cell(r, 5, SHORT_QUALIFIERS[dv.qualifier] if dv else SHORT_QUALIFIERS["exact"]).fill = INPUT_FILL
        ws.cell(r, 6, dv.comment if dv else None).fill = INPUT_FILL
        for col, p in ((7, period.previous()), (8, period.same_period_last_year())):
            v = history.get((ind.pk, p.code))
            ws.cell(r, col, _cell_value(v)).number_format = _number_format(ind)
    if indicators:
        # A list validation cannot hold commas inside an item: the short labels.
        dv_list = DataValidation(type="list", formula1='"' + ",".join(SHORT_QUALIFIERS.values()) + '"', allow_blank=True)
        ws.add_data_validation(dv_list)
        dv_list.add(f"E{FIRST_ROW}:E{FIRST_ROW + len(indicators) - 1}")
    for col, width in zip("ABCDEFGH", (24, 48, 12, 16, 14, 36, 14, 16)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = f"D{FIRST_ROW}"
    return _save(wb)


def children_workbook(parent, period: Period, children: list) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = CHILDREN_SHEET
    ws["A1"] = f"BIỂU MẪU BÁO CÁO {period.label_vi.upper()} – CÁC ĐƠN VỊ TRỰC THUỘC {parent.name.upper()}"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"], ws["B2"], ws["C2"], ws["D2"] = "Mã kỳ", period.code, "Mã đơn vị cấp trên", parent.code
    ws["A3"] = ("Mỗi dòng là một đơn vị; ô để trống không làm thay đổi số liệu đã có. "
                "Không sửa các cột mã, tên, phiên bản và dòng mã chỉ tiêu (dòng 5).")
    indicators = list(workflow.form_indicators(parent))
    labels = ["Mã đơn vị", "Tên đơn vị", "Phiên bản"] + [f"{i.name} ({i.unit_noun})" for i in indicators]
    codes = ["ma_don_vi", "ten_don_vi", "phien_ban"] + [i.code for i in indicators]
    for col, (label, code) in enumerate(zip(labels, codes), start=1):
        ws.cell(CHILD_LABEL_ROW, col, label).font = BOLD
        ws.cell(CHILD_LABEL_ROW, col).alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(CHILD_CODE_ROW, col, code).font = Font(color="777777", size=9)
    reports = {r.unit_id: r for r in Report.objects.filter(unit__in=children, period=period.code)}
    values = {
        (dv.unit_id, dv.indicator_id): dv.value
        for dv in DataValue.objects.filter(unit__in=children, period=period.code)
    }
    for i, unit in enumerate(children):
        r = CHILD_FIRST_ROW + i
        report = reports.get(unit.pk)
        ws.cell(r, 1, unit.code)
        ws.cell(r, 2, unit.name)
        ws.cell(r, 3, report.version if report else 1)
        for j, ind in enumerate(indicators, start=4):
            c = ws.cell(r, j, _cell_value(values.get((unit.pk, ind.pk))))
            c.number_format = _number_format(ind)
            c.fill = INPUT_FILL
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 36
    for j in range(4, len(codes) + 1):
        ws.column_dimensions[get_column_letter(j)].width = 16
    ws.freeze_panes = ws.cell(CHILD_FIRST_ROW, 4)
    return _save(wb)


# ---------------------------------------------------------------------------- upload


def _where(sheet: str, row: int, col: int, what: str = "") -> str:
    letter = get_column_letter(col)
    return f"Trang '{sheet}', dòng {row}, cột {letter}" + (f" ({what})" if what else "")


def parse_number_cell(value) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise NumberFormatError(f"Không đọc được số '{value}': không phải là số.")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value)).normalize() if value == value else None
    if isinstance(value, Decimal):
        return value
    text = str(value).strip()
    return parse_vn_number(text) if text else None


def _open(fileobj, name: str):
    try:
        data = read_upload(fileobj, name, settings.GIAOBAN_MAX_UPLOAD_BYTES)
        return open_xlsx_safely(data, name, settings.GIAOBAN_MAX_UPLOAD_BYTES)
    except UploadError as exc:
        raise ExcelImportError([str(exc)]) from None


def _sheet(wb, title: str):
    if title not in wb.sheetnames:
        raise ExcelImportError([f"Tệp không có trang '{title}': hãy dùng biểu mẫu tải về từ hệ thống."])
    return wb[title]


def _rows(ws) -> list[tuple]:
    return [tuple(r) for r in ws.iter_rows(values_only=True)]


def _sheet_rows(fileobj, name: str, title: str) -> list[tuple]:
    return _rows(_sheet(_open(fileobj, name), title))


def _check_form_is_for(where: str, whose: str, file_unit: str, file_period: str, unit, period: Period) -> None:
    """A form downloaded for another unit or period is refused whole: its rows would land in the wrong report."""
    if file_unit != unit.code or file_period != period.code:
        raise ExcelImportError([
            f"{where}: tệp là biểu mẫu của {whose} '{file_unit}', kỳ '{file_period}', "
            f"không phải của {unit.name} ({unit.code}), kỳ {period.code}."
        ])


def _at(rows, row: int, col: int):
    r = rows[row - 1] if len(rows) >= row else ()
    return r[col - 1] if len(r) >= col else None


def _version(value, where: str, errors: list) -> int | None:
    try:
        v = int(Decimal(str(value)))
        if v < 1:
            raise InvalidOperation
        return v
    except (InvalidOperation, ValueError, TypeError):
        errors.append(f"{where}: phiên bản '{value}' không hợp lệ (không sửa ô này).")
        return None


@dataclass
class Planned:
    unit: object
    version: int
    values: dict
    row: int


def _apply(plans: list[Planned], period: Period, user, sheet: str) -> list[Report]:
    """Save every planned row in one transaction; any refusal undoes them all."""
    saved = []
    try:
        with transaction.atomic():
            for plan in plans:
                try:
                    report = workflow.get_or_create_report(plan.unit, period.code, user)
                    workflow.save_values(report, user, plan.values, expected_version=plan.version, source=DataValue.Source.EXCEL)
                except workflow.WorkflowError as exc:
                    raise ExcelImportError([f"Trang '{sheet}', dòng {plan.row} ({plan.unit.name}): {exc.message}"]) from None
                saved.append(report)
    except workflow.ScopeError:
        raise ExcelImportError([f"Trang '{sheet}': bạn không có quyền nhập số liệu cho một đơn vị trong tệp."]) from None
    return saved


def import_one_unit(fileobj, name: str, unit, period: Period, user) -> list[Report]:
    rows = _sheet_rows(fileobj, name, ONE_SHEET)
    errors: list[str] = []
    file_unit, file_period = str(_at(rows, 2, 4) or "").strip(), str(_at(rows, 3, 4) or "").strip()
    _check_form_is_for(_where(ONE_SHEET, 2, 4), "đơn vị", file_unit, file_period, unit, period)
    version = _version(_at(rows, 4, 2), _where(ONE_SHEET, 4, 2, "Phiên bản"), errors)
    if _norm(_at(rows, HEADER_ROW, 1)) != _norm(ONE_COLUMNS[0]):
        raise ExcelImportError([f"{_where(ONE_SHEET, HEADER_ROW, 1)}: không thấy tiêu đề 'Mã chỉ tiêu'; hãy dùng biểu mẫu tải về từ hệ thống."])
    indicators = {i.code: i for i in workflow.form_indicators(unit)}
    values, seen = {}, {}
    for r in range(FIRST_ROW, len(rows) + 1):
        code = str(_at(rows, r, 1) or "").strip()
        if not code:
            if any(_at(rows, r, c) not in (None, "") for c in (4, 5, 6)):
                errors.append(f"{_where(ONE_SHEET, r, 1, 'Mã chỉ tiêu')}: dòng có số liệu nhưng thiếu mã chỉ tiêu.")
            continue
        ind = indicators.get(code)
        if ind is None:
            errors.append(f"{_where(ONE_SHEET, r, 1, 'Mã chỉ tiêu')}: mã '{code}' không có trong biểu mẫu của {unit.organization}.")
            continue
        if code in seen:
            errors.append(f"{_where(ONE_SHEET, r, 1, 'Mã chỉ tiêu')}: chỉ tiêu '{ind.name}' đã có ở dòng {seen[code]}.")
            continue
        seen[code] = r
        try:
            value = parse_number_cell(_at(rows, r, 4))
        except NumberFormatError as exc:
            errors.append(f"{_where(ONE_SHEET, r, 4, 'Giá trị – ' + ind.name)}: {exc}")
            continue
        qualifier = QUALIFIERS.get(_norm(_at(rows, r, 5)))
        if qualifier is None:
            errors.append(f"{_where(ONE_SHEET, r, 5, 'Độ chính xác – ' + ind.name)}: '{_at(rows, r, 5)}' không hợp lệ "
                          f"(chọn: chính xác, khoảng, hơn, dưới).")
            continue
        comment = str(_at(rows, r, 6) or "").strip()
        values[code] = {"value": value, "qualifier": qualifier, "comment": comment}
    if errors:
        raise ExcelImportError(errors)
    return _apply([Planned(unit, version, values, FIRST_ROW)], period, user, ONE_SHEET)


def import_children(fileobj, name: str, parent, period: Period, user) -> list[Report]:
    rows = _sheet_rows(fileobj, name, CHILDREN_SHEET)
    errors: list[str] = []
    file_period, file_parent = str(_at(rows, 2, 2) or "").strip(), str(_at(rows, 2, 4) or "").strip()
    _check_form_is_for(_where(CHILDREN_SHEET, 2, 2), "cấp dưới", file_parent, file_period, parent, period)
    indicators = {i.code: i for i in workflow.form_indicators(parent)}
    header = rows[CHILD_CODE_ROW - 1] if len(rows) >= CHILD_CODE_ROW else ()
    if tuple(_norm(h) for h in header[:3]) != ("ma_don_vi", "ten_don_vi", "phien_ban"):
        raise ExcelImportError([f"{_where(CHILDREN_SHEET, CHILD_CODE_ROW, 1)}: không thấy dòng mã cột; hãy dùng biểu mẫu tải về từ hệ thống."])
    columns = {}
    for col in range(4, len(header) + 1):
        code = str(header[col - 1] or "").strip()
        if not code:
            continue
        if code not in indicators:
            errors.append(f"{_where(CHILDREN_SHEET, CHILD_CODE_ROW, col)}: mã chỉ tiêu '{code}' không có trong biểu mẫu của {parent.organization}.")
        elif code in columns.values():
            errors.append(f"{_where(CHILDREN_SHEET, CHILD_CODE_ROW, col)}: chỉ tiêu '{code}' bị lặp.")
        else:
            columns[col] = code
    children = {u.code: u for u in workflow_children(parent, period)}
    plans, seen = [], {}
    for r in range(CHILD_FIRST_ROW, len(rows) + 1):
        code = str(_at(rows, r, 1) or "").strip()
        if not code:
            if any(_at(rows, r, c) not in (None, "") for c in columns):
                errors.append(f"{_where(CHILDREN_SHEET, r, 1, 'Mã đơn vị')}: dòng có số liệu nhưng thiếu mã đơn vị.")
            continue
        unit = children.get(code)
        if unit is None:
            errors.append(f"{_where(CHILDREN_SHEET, r, 1, 'Mã đơn vị')}: '{code}' không phải đơn vị trực thuộc {parent.name} trong kỳ này.")
            continue
        if code in seen:
            errors.append(f"{_where(CHILDREN_SHEET, r, 1, 'Mã đơn vị')}: đơn vị '{unit.name}' đã có ở dòng {seen[code]}.")
            continue
        seen[code] = r
        # In this layout an empty cell means "no figure given": it neither clears nor changes anything.
        filled = {col: ind_code for col, ind_code in columns.items() if _at(rows, r, col) not in (None, "")}
        if not filled:
            continue
        if not access.can_enter(user, unit):
            errors.append(f"{_where(CHILDREN_SHEET, r, 1, 'Mã đơn vị')}: bạn không có quyền nhập số liệu cho {unit.name}.")
            continue
        version = _version(_at(rows, r, 3), _where(CHILDREN_SHEET, r, 3, "Phiên bản"), errors)
        values = {}
        for col, ind_code in filled.items():
            try:
                values[ind_code] = {"value": parse_number_cell(_at(rows, r, col))}
            except NumberFormatError as exc:
                errors.append(f"{_where(CHILDREN_SHEET, r, col, indicators[ind_code].name)}: {exc}")
        plans.append(Planned(unit, version, values, r))
    if errors:
        raise ExcelImportError(errors)
    return _apply(plans, period, user, CHILDREN_SHEET)


def workflow_children(parent, period: Period) -> list:
    """The parent's direct children (same organization) that exist in the period."""
    return [u for u in parent.children.valid_on(period.end).filter(organization=parent.organization_id).order_by("name")]


def workflow_children_count(parent, period: Period) -> int:
    """len(workflow_children(...)), kept until the tree changes (the stamp): every report page
    shows it in its links to the grid and the children's workbook."""
    return stamp.remembered("children_count", (parent.pk, period.end), lambda: parent.children.valid_on(period.end).filter(
        organization=parent.organization_id).count(), 200_000)  # units × periods opened

import io

import openpyxl
import pytest

from giaoban.docwriter.synthetic import build_synthetic_model
from giaoban.docwriter.vnformat import format_number
from giaoban.docwriter.xlsx import INT_FORMAT, write_report_xlsx


@pytest.fixture(scope="module")
def workbook():
    return openpyxl.load_workbook(io.BytesIO(write_report_xlsx(build_synthetic_model())))


def test_one_sheet_per_organization_and_per_area_level(workbook):
    orgs = ["MTTQ", "Công đoàn", "Hội LHPN", "Đoàn TN", "Hội Nông dân", "Hội CCB"]
    assert workbook.sheetnames == orgs + [f"Cấp xã - {o}" for o in orgs]


def test_org_sheet_values_formulas_formats(workbook):
    model = build_synthetic_model()
    ws = workbook["Hội LHPN"]
    assert ws.freeze_panes == "C5"
    assert ws["D4"].value == "Quý III/2023"
    section = model.section("phunu")
    for i, ind in enumerate(section.rows, start=5):
        assert ws[f"B{i}"].value.startswith(ind.name)  # names, no code column
        if ind.value_type == "money":
            assert ws[f"D{i}"].value == round(ind.value / 1_000_000)
        elif ind.value_type == "integer":
            assert ws[f"D{i}"].value == ind.value
        else:  # decimals and rates: the Vietnamese text
            assert ws[f"D{i}"].value == format_number(ind.value, 1 if ind.value_type == "percent" else 2)
        if ind.value_type in ("integer", "money"):
            assert ws[f"D{i}"].number_format == INT_FORMAT
            assert ws[f"G{i}"].value.startswith("=IF(") and "FIXED(E" in ws[f"G{i}"].value
            assert ws[f"I{i}"].value.startswith("=IF(")
    assert ws.column_dimensions["B"].width >= 40
    assert not any(c.value == "Mã" for c in ws[4])


def test_counts_print_with_dots_on_any_locale(workbook):
    """The format carries its own thousands dots: nothing depends on the reader's locale."""
    assert "," not in INT_FORMAT and "\\." in INT_FORMAT
    ws = workbook["Hội LHPN"]
    big = [c for c in ws["D"][4:] if isinstance(c.value, (int, float)) and c.value >= 1000]
    assert big and all(c.number_format == INT_FORMAT for c in big)


def test_every_sheet_prints_landscape_one_page_wide_with_titles_and_page_numbers(workbook):
    for ws in workbook.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.print_title_rows, ws.title
        assert "&P" in ws.oddFooter.center.text, ws.title
        if ws.title.startswith("Cấp"):
            assert ws.print_title_cols == "$A:$B"


def test_area_totals_include_the_level_s_own_figures_and_rates_are_not_averaged(workbook):
    model = build_synthetic_model()
    ws = workbook["Cấp xã - Hội CCB"]
    assert ws.freeze_panes == "C5"
    assert ws["B5"].value == "xã Mường Kim"
    total_row = next(r for r in range(5, ws.max_row + 1) if ws[f"B{r}"].value == "Tổng cộng")
    own_row = total_row - 1
    assert ws[f"B{own_row}"].value.startswith("Cấp trên trực tiếp báo cáo")
    assert total_row == 5 + 38 + 1
    assert ws[f"C{total_row}"].value == f"=SUM(C5:C{own_row})"
    headers = [c.value for c in ws[4]]
    pct_col = headers.index("Tỷ lệ cơ sở hội trong sạch, vững mạnh (%)") + 1
    letter = openpyxl.utils.get_column_letter(pct_col)
    rate = next(r for r in model.section("ccb").rows if r.value_type == "percent")
    assert ws[f"{letter}{total_row}"].value == format_number(rate.value, 1)  # the engine's rate, not =AVERAGE(...)


def test_decimals_and_percentages_read_vietnamese_on_any_locale(workbook):
    """No number format may carry a decimal point or '%' (Excel prints it with the reader's
    decimal sign: 77.7% on an English system); decimals and rates are Vietnamese text, and the
    formulas for % đạt and the change write a decimal comma whatever the system's sign."""
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert "0.0" not in cell.number_format and "%" not in cell.number_format, (ws.title, cell.coordinate)
                if isinstance(cell.value, float):
                    raise AssertionError((ws.title, cell.coordinate, cell.value))  # a decimal left as a number
    ws = workbook["Đoàn TN"]
    formulas = [c.value for c in ws["G"][4:] + ws["I"][4:] if isinstance(c.value, str) and c.value.startswith("=")]
    assert formulas and all('SUBSTITUTE(FIXED(' in f and '".",","' in f for f in formulas)

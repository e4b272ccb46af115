import io

import openpyxl
import pytest

from giaoban.reports.synthetic import build_synthetic_model
from giaoban.reports.xlsx import write_report_xlsx


@pytest.fixture(scope="module")
def workbook():
    return openpyxl.load_workbook(io.BytesIO(write_report_xlsx(build_synthetic_model())))


def test_one_sheet_per_organization_and_per_area_level(workbook):
    assert workbook.sheetnames == ["MTTQ", "Công đoàn", "Hội LHPN", "Đoàn TN", "Hội Nông dân", "Hội CCB", "Cấp xã"]


def test_org_sheet_values_formulas_formats(workbook):
    model = build_synthetic_model()
    ws = workbook["Hội LHPN"]
    assert ws.freeze_panes == "D5"
    assert ws["E4"].value == "Quý III/2023"
    section = model.section("phunu")
    for i, row in enumerate(section.rows, start=5):
        ind = section.rows[i - 5]
        assert ws[f"B{i}"].value == ind.code
        if ind.value_type == "money":
            assert ws[f"E{i}"].value == round(ind.value / 1_000_000, 1)
            assert ws[f"E{i}"].number_format == "#,##0.0"
        else:
            assert ws[f"E{i}"].value == ind.value
            assert ws[f"E{i}"].number_format == "#,##0"
        assert ws[f"H{i}"].value == f'=IF(G{i}>0,F{i}/G{i},"")'
        assert ws[f"H{i}"].number_format == "0.0%"
        assert ws[f"J{i}"].value.startswith("=IF(")
    assert ws.column_dimensions["C"].width >= 40


def test_area_sheet_totals_are_sum_formulas(workbook):
    ws = workbook["Cấp xã"]
    assert ws.freeze_panes == "C5"
    assert ws["B5"].value == "xã Mường Kim"
    total_row = next(r for r in range(5, ws.max_row + 1) if ws[f"B{r}"].value == "Tổng cộng")
    assert total_row == 5 + 38
    assert ws[f"C{total_row}"].value == f"=SUM(C5:C{total_row - 1})"
    headers = [c.value for c in ws[4]]
    pct_col = headers.index("Tỷ lệ cơ sở hội trong sạch, vững mạnh (%)") + 1
    letter = openpyxl.utils.get_column_letter(pct_col)
    assert ws[f"{letter}{total_row}"].value.startswith("=AVERAGE(")

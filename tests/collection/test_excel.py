"""Excel round-trip: download the form, fill it in (openpyxl, or re-saved by LibreOffice),
upload it; errors by sheet, row and column; nothing saved when any row is wrong."""

import io
import subprocess
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from giaoban.collection import workflow as wf
from giaoban.collection.excel import CHILD_FIRST_ROW, FIRST_ROW
from giaoban.collection.models import DataValue, Membership, Report

from tests.conftest import require_tool

from .conftest import PERIOD


def url(name, unit):
    return reverse(f"collection:{name}", args=[unit.pk, PERIOD])


def download(client, name, unit) -> openpyxl.Workbook:
    response = client.get(url(name, unit))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return openpyxl.load_workbook(io.BytesIO(response.content))


def to_bytes(wb) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def upload(client, name, unit, data: bytes, filename="bieu-mau.xlsx"):
    return client.post(url(name, unit), {"file": SimpleUploadedFile(filename, data)})


def fill_one(wb, values: dict, comments=None, qualifiers=None):
    ws = wb["Biểu mẫu"]
    for row in range(FIRST_ROW, ws.max_row + 1):
        code = ws.cell(row, 1).value
        if code in values:
            ws.cell(row, 4).value = values[code]
        if qualifiers and code in qualifiers:
            ws.cell(row, 5).value = qualifiers[code]
        if comments and code in comments:
            ws.cell(row, 6).value = comments[code]
    return wb


def libreoffice_resave(data: bytes, tmp_path) -> bytes:
    soffice = require_tool("soffice")
    src, out = tmp_path / "in" / "bieu-mau.xlsx", tmp_path / "out"
    src.parent.mkdir(parents=True)
    out.mkdir(parents=True)
    src.write_bytes(data)
    profile = tmp_path / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx",
                    "--outdir", str(out), str(src)], check=True, capture_output=True, timeout=180)
    result = out / "bieu-mau.xlsx"
    assert result.exists(), "LibreOffice did not write the file (it exits 0 even when it fails)"
    return result.read_bytes()


def test_one_unit_round_trip_with_openpyxl(tree, client):
    a = tree.units["phunu-a"]
    client.force_login(tree.users["entry_a"])
    wb = download(client, "excel_download", a)
    ws = wb["Biểu mẫu"]
    assert ws["D2"].value == "phunu-a" and ws["D3"].value == PERIOD and ws["B4"].value == 1
    fill_one(wb, {"tuyen_truyen_buoi": 12, "tuyen_truyen_luot_nguoi": "29.774", "du_no_uy_thac": 3_000_000_000,
                  "co_so_vung_manh": 82.5, "no_qua_han": "1,5"},
             comments={"no_qua_han": "một hộ"}, qualifiers={"tuyen_truyen_luot_nguoi": "khoảng"})
    response = upload(client, "excel_upload", a, to_bytes(wb))
    assert response.status_code == 302, response.content.decode()[:2000]
    values = {dv.indicator.code: dv for dv in DataValue.objects.filter(unit=a).select_related("indicator")}
    assert values["tuyen_truyen_luot_nguoi"].value == 29774 and values["tuyen_truyen_luot_nguoi"].qualifier == "approx"
    assert values["du_no_uy_thac"].value == 3_000_000_000 and values["co_so_vung_manh"].value == Decimal("82.5")
    assert values["no_qua_han"].value == Decimal("1.5") and values["no_qua_han"].comment == "một hộ"
    assert {dv.source for dv in values.values()} == {"excel"}
    # the download now carries the values and the new version
    wb2 = download(client, "excel_download", a)
    assert wb2["Biểu mẫu"]["B4"].value == 2
    assert [r[3] for r in wb2["Biểu mẫu"].iter_rows(min_row=FIRST_ROW, max_row=FIRST_ROW + 1, values_only=True)] == [12, 29774]
    # uploading the old file again is a conflict: someone (here: the same file) changed it since
    response = upload(client, "excel_upload", a, to_bytes(wb))
    assert response.status_code == 400 and "người khác cập nhật" in response.content.decode()


def test_errors_name_sheet_row_and_column_and_nothing_is_saved(tree, client):
    a = tree.units["phunu-a"]
    client.force_login(tree.users["entry_a"])
    wb = fill_one(download(client, "excel_download", a), {"tuyen_truyen_buoi": 12, "tuyen_truyen_luot_nguoi": "12.34",
                                                          "ket_nap_moi": True}, qualifiers={"tong_hoi_vien": "nhiều"})
    ws = wb["Biểu mẫu"]
    ws.cell(ws.max_row + 1, 1).value = "khong_co_chi_tieu"
    response = upload(client, "excel_upload", a, to_bytes(wb))
    text = response.content.decode()
    assert response.status_code == 400
    assert f"Trang &#x27;Biểu mẫu&#x27;, dòng {FIRST_ROW + 1}, cột D (Giá trị – Lượt người dự tuyên truyền)" in text
    assert f"dòng {FIRST_ROW + 2}, cột D" in text and f"dòng {FIRST_ROW + 3}, cột E (Độ chính xác – Tổng số hội viên" in text
    assert "cột A (Mã chỉ tiêu): mã &#x27;khong_co_chi_tieu&#x27;" in text
    assert not DataValue.objects.exists() and not Report.objects.exists()


def test_upload_for_another_unit_or_period_or_not_xlsx_is_refused(tree, client):
    a, b = tree.units["phunu-a"], tree.units["phunu-b"]
    client.force_login(tree.users["entry_b"])
    wb_b = download(client, "excel_download", b)
    client.force_login(tree.users["entry_a"])
    # B's form uploaded on A's page
    response = upload(client, "excel_upload", a, to_bytes(fill_one(wb_b, {"tuyen_truyen_buoi": 5})))
    assert response.status_code == 400 and "không phải của Hội LHPN xã A" in response.content.decode()
    # a Word file or a PDF renamed .xlsx
    response = upload(client, "excel_upload", a, b"%PDF-1.4 not a sheet", "so-lieu.xlsx")
    assert response.status_code == 400 and "nhận biết theo nội dung" in response.content.decode()
    assert not DataValue.objects.exists()


def test_children_round_trip_all_rows_or_none(tree, client):
    parent, a, b = tree.units["phunu-tinh"], tree.units["phunu-a"], tree.units["phunu-b"]
    # the province office types in the communes' figures for both (it holds their entry role)
    for unit in (a, b):
        Membership.objects.create(user=tree.users["approver"], unit=unit, role=Membership.Role.ENTRY)
    client.force_login(tree.users["approver"])
    wb = download(client, "children_excel_download", parent)
    ws = wb["Cấp dưới"]
    codes = [c.value for c in ws[5]]
    assert codes[:3] == ["ma_don_vi", "ten_don_vi", "phien_ban"] and "tuyen_truyen_buoi" in codes
    rows = {ws.cell(r, 1).value: r for r in range(CHILD_FIRST_ROW, ws.max_row + 1)}
    assert set(rows) == {"phunu-a", "phunu-b"}
    col = codes.index("tuyen_truyen_buoi") + 1
    ws.cell(rows["phunu-a"], col).value = 7
    ws.cell(rows["phunu-b"], col).value = "1.2.3"
    response = upload(client, "children_excel_upload", parent, to_bytes(wb))
    assert response.status_code == 400
    letter = openpyxl.utils.get_column_letter(col)
    assert f"Trang &#x27;Cấp dưới&#x27;, dòng {rows['phunu-b']}, cột {letter} (Buổi tuyên truyền)" in response.content.decode()
    assert not DataValue.objects.exists()
    ws.cell(rows["phunu-b"], col).value = "1.234"
    assert upload(client, "children_excel_upload", parent, to_bytes(wb)).status_code == 302
    assert dict(DataValue.objects.values_list("unit__code", "value")) == {"phunu-a": 7, "phunu-b": 1234}
    # a row for a unit the uploader may not enter is refused, with the others
    Membership.objects.filter(user=tree.users["approver"], unit=b, role="entry").delete()
    client.force_login(tree.users["approver"])
    wb = download(client, "children_excel_download", parent)
    ws = wb["Cấp dưới"]
    ws.cell(rows["phunu-a"], col).value = 8
    ws.cell(rows["phunu-b"], col).value = 9
    response = upload(client, "children_excel_upload", parent, to_bytes(wb))
    assert response.status_code == 400 and "bạn không có quyền nhập số liệu cho Hội LHPN xã B" in response.content.decode()
    assert DataValue.objects.get(unit=a).value == 7
    # B's row left empty: nothing to check for B, A's figure is saved
    ws.cell(rows["phunu-b"], col).value = None
    assert upload(client, "children_excel_upload", parent, to_bytes(wb)).status_code == 302
    assert dict(DataValue.objects.values_list("unit__code", "value")) == {"phunu-a": 8, "phunu-b": 1234}


@pytest.mark.slow
def test_round_trip_of_a_file_resaved_by_libreoffice(tree, client, tmp_path):
    a = tree.units["phunu-a"]
    wf.get_or_create_report(a, PERIOD, tree.users["entry_a"])
    client.force_login(tree.users["entry_a"])
    wb = fill_one(download(client, "excel_download", a), {"tuyen_truyen_buoi": 21, "tuyen_truyen_luot_nguoi": "1.500",
                                                          "du_no_uy_thac": 2_500_000_000, "co_so_vung_manh": 90.5},
                  qualifiers={"tuyen_truyen_luot_nguoi": "hơn"})
    resaved = libreoffice_resave(to_bytes(wb), tmp_path)
    response = upload(client, "excel_upload", a, resaved)
    assert response.status_code == 302, response.content.decode()[:3000]
    values = {dv.indicator.code: dv for dv in DataValue.objects.filter(unit=a).select_related("indicator")}
    assert values["tuyen_truyen_buoi"].value == 21 and values["tuyen_truyen_luot_nguoi"].value == 1500
    assert values["tuyen_truyen_luot_nguoi"].qualifier == "over"
    assert values["du_no_uy_thac"].value == 2_500_000_000 and values["co_so_vung_manh"].value == Decimal("90.5")
    # and the children layout
    Membership.objects.create(user=tree.users["approver"], unit=a, role=Membership.Role.ENTRY)
    client.force_login(tree.users["approver"])
    wb = download(client, "children_excel_download", tree.units["phunu-tinh"])
    ws = wb["Cấp dưới"]
    codes = [c.value for c in ws[5]]
    row = next(r for r in range(CHILD_FIRST_ROW, ws.max_row + 1) if ws.cell(r, 1).value == "phunu-a")
    ws.cell(row, codes.index("ket_nap_moi") + 1).value = 3
    resaved = libreoffice_resave(to_bytes(wb), tmp_path / "children")
    response = upload(client, "children_excel_upload", tree.units["phunu-tinh"], resaved)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert DataValue.objects.get(unit=a, indicator__code="ket_nap_moi").value == 3
    assert DataValue.objects.get(unit=a, indicator__code="tuyen_truyen_buoi").value == 21


@pytest.mark.django_db(transaction=True)  # the worker loop checks its connection as a worker process does
def test_many_children_are_imported_by_a_queued_job(tree, client, monkeypatch, settings):
    """Over BACKGROUND_CHILDREN rows the upload is kept with a queued job; the worker reads it."""
    from giaoban.collection import views
    from giaoban.jobs.models import Job
    from giaoban.jobs.worker import run_pending

    monkeypatch.setattr(views, "BACKGROUND_CHILDREN", 1)  # the two communes are "many" here
    settings.GIAOBAN_JOBS_INLINE = False
    parent, a, b = tree.units["phunu-tinh"], tree.units["phunu-a"], tree.units["phunu-b"]
    for unit in (a, b):
        Membership.objects.create(user=tree.users["approver"], unit=unit, role=Membership.Role.ENTRY)
    client.force_login(tree.users["approver"])
    wb = download(client, "children_excel_download", parent)
    ws = wb["Cấp dưới"]
    codes = [c.value for c in ws[5]]
    rows = {ws.cell(r, 1).value: r for r in range(CHILD_FIRST_ROW, ws.max_row + 1)}
    col = codes.index("tuyen_truyen_buoi") + 1
    ws.cell(rows["phunu-a"], col).value = 7
    ws.cell(rows["phunu-b"], col).value = "1.234"
    response = upload(client, "children_excel_upload", parent, to_bytes(wb))
    assert response.status_code == 302 and response["Location"].startswith("/viec/")
    job = Job.objects.get()
    assert job.status == "queued" and job.input_file and not DataValue.objects.exists()
    run_pending()
    job.refresh_from_db()
    assert job.status == "done", job.message
    assert job.message == "Đã nhập số liệu của 2 đơn vị từ «bieu-mau.xlsx»."
    assert dict(DataValue.objects.values_list("unit__code", "value")) == {"phunu-a": 7, "phunu-b": 1234}
    assert not job.input_file  # the upload is not kept once its job is done

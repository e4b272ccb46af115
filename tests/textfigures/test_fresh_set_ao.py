"""Causes of the errors on the dev part of the fresh set src_ao (issue 15: short news items and year
reports with a 'Một số chỉ tiêu chủ yếu' section, central coast and highlands), each in new wording. One
row per case; every row failed before its fix, except the guards marked as such (wording that must keep
its answer)."""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text


def found(text: str) -> list:
    return [(f["text"], f.get("orgs") or f["org"], f["indicator_code"]) for f in extract_text(text)["figures"]]


LABEL_THEN_VALUE: list[tuple[str, list]] = [
    # A line of a report's main targets names its indicator before the colon and gives only the value
    # after it: the label, back to the line's start, is the figure's own clause.
    (
        "HỘI NÔNG DÂN HUYỆN CƯ M'GAR\nBÁO CÁO NĂM 2021\nI. MỘT SỐ CHỈ TIÊU CHỦ YẾU\n"
        "- Cơ sở Hội đạt vững mạnh: 83,5%.\n",
        [("83,5%", "nongdan", "co_so_vung_manh")],
    ),
    (
        "ĐOÀN TNCS HỒ CHÍ MINH HUYỆN ĐẮK HÀ\nI. CÁC CHỈ TIÊU CHÍNH\n"
        "- Kết nạp đoàn viên mới: 264 đoàn viên.\n- Chi đoàn xếp loại vững mạnh: 71%.\n",
        [("264 đoàn viên", "doan", "ket_nap_moi"), ("71%", "doan", "co_so_vung_manh")],
    ),
    (
        "HỘI CỰU CHIẾN BINH THỊ XÃ SÔNG CẦU\nMột số chỉ tiêu chủ yếu năm 2023\n"
        "+ Chi hội trong sạch, vững mạnh: 90%\n",
        [("90%", "ccb", "co_so_vung_manh")],
    ),
    # Guards: a heading before a colon and a sentence after it keeps the sentence's own words; a second
    # colon on the line keeps the label from being read as one.
    (
        "HỘI CỰU CHIẾN BINH XÃ ĐĂK LA\n3. Giúp nhau làm kinh tế: 46 hộ hội viên đang vay vốn qua 2 tổ tiết "
        "kiệm và vay vốn.\n",
        [("46 hộ hội viên", "ccb", "ho_du_no"), ("2 tổ tiết kiệm và vay vốn", "ccb", "to_tk_vv")],
    ),
    (
        "HỘI NÔNG DÂN XÃ HÒA THỊNH\n- Ghi chú: hội viên vững mạnh: 60%.\n",
        [("60%", "nongdan", None)],
    ),
]


@pytest.mark.parametrize("text,expected", LABEL_THEN_VALUE, ids=[c[0][-40:] for c in LABEL_THEN_VALUE])
def test_label_then_value(text: str, expected: list) -> None:
    assert found(text) == expected


CREDIT_INSTITUTIONS_CALLED_ON: list[tuple[str, list]] = [
    # Credit institutions named after the body's verb are the donors it called on, a list with the others
    # after them, not a subject of their own: the body keeps the clause and the next one.
    (
        "Năm 2024, Hội LHPN huyện Krông Búk vận động tổ chức tín dụng, nhà hảo tâm giúp 38 chị em khởi "
        "nghiệp; mở 4 lớp tập huấn quản lý tài chính gia đình.\n",
        [("38 chị em", "phunu", None), ("4 lớp", "phunu", "lop_tap_huan")],
    ),
    (
        "Hội Nông dân xã Hòa Phong vận động các tổ chức tín dụng, doanh nghiệp cho 52 hội viên vay ưu đãi; "
        "phối hợp mở 2 lớp tập huấn kỹ thuật trồng sầu riêng.\n",
        [("52 hội viên", "nongdan", None), ("2 lớp", "nongdan", "lop_tap_huan")],
    ),
    # The institutions as the subject lend on their own: a body of their own, not the organizations'
    # 'các tổ chức' (on main the words read as all six jointly).
    (
        "Các tổ chức tín dụng trên địa bàn huyện đã cho 410 hộ vay.\n",
        [("410 hộ vay", "other", None)],
    ),
]


@pytest.mark.parametrize("text,expected", CREDIT_INSTITUTIONS_CALLED_ON,
                         ids=[c[0][:40] for c in CREDIT_INSTITUTIONS_CALLED_ON])
def test_credit_institutions_called_on(text: str, expected: list) -> None:
    assert found(text) == expected


COMRADES_HOUSE_SHORT_NAME: list[tuple[str, list]] = [
    # The veterans' house is often called by the short name 'Tình đồng đội' (without 'Nghĩa'): the same
    # indicator.
    (
        "Năm 2022, Hội CCB thị xã Ninh Hòa khánh thành 6 căn nhà \"Tình đồng đội\" cho hội viên khó khăn.\n",
        [("6 căn nhà", "ccb", "nha_nghia_tinh_dong_doi")],
    ),
    (
        "Hội Cựu chiến binh huyện Đắk Mil bàn giao 2 nhà tình đồng đội trước Tết.\n",
        [("2 nhà", "ccb", "nha_nghia_tinh_dong_doi")],
    ),
    # Guard: the veterans' fund of that name is money, no house.
    (
        "Quỹ \"Tình đồng đội\" của Hội CCB xã Ea Tiêu có 85 triệu đồng.\n",
        [("85 triệu đồng", "ccb", None)],
    ),
]


@pytest.mark.parametrize("text,expected", COMRADES_HOUSE_SHORT_NAME, ids=[c[0][:40] for c in COMRADES_HOUSE_SHORT_NAME])
def test_comrades_house_short_name(text: str, expected: list) -> None:
    assert found(text) == expected

"""Causes of the errors on the dev part of the fresh set src_aj (issue 15: the north-east and Thanh Hóa -
Nghệ An, year summaries and the conclusions that close them), each in new wording. One row per case;
every row failed before its fix, except the guards marked as such (wording that must keep its answer)."""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text


def found(text: str) -> list:
    return [(f["text"], f.get("orgs") or f["org"], f["indicator_code"]) for f in extract_text(text)["figures"]]


BULLET_ITEMS: list[tuple[str, list]] = [
    # A dash item of a report's list opens a new item: a body named inside the item before does not
    # carry into it; the report's own body takes it up again.
    (
        "ỦY BAN MTTQ VIỆT NAM XÃ TÂN HÒA\nBÁO CÁO TUẦN 8\n"
        "- Các tổ chức: Đoàn xã ra quân 2 đội hình; Hội Nông dân xã lập 1 câu lạc bộ.\n"
        "- An sinh: trao 7 suất quà cho hộ nghèo.\n",
        [
            ("2 đội hình", "doan", "doi_hinh_tinh_nguyen"),
            ("1 câu lạc bộ", "nongdan", "mo_hinh_cau_lac_bo"),
            ("7 suất quà", "mttq", "suat_qua"),
        ],
    ),
    (
        "ỦY BAN MTTQ VIỆT NAM PHƯỜNG BA ĐÌNH\nSỐ LIỆU TUẦN 3\n"
        "+ Hội LHPN phường trao 15 suất quà cho hội viên.\n"
        "+ Tuần tới: trao 40 suất quà cho hộ cận nghèo.\n",
        [("15 suất quà", "phunu", "suat_qua"), ("40 suất quà", "mttq", "suat_qua")],
    ),
    # Guards: an item that names its own body; a line that goes on without a dash.
    (
        "ỦY BAN MTTQ VIỆT NAM XÃ TÂN HÒA\n- Hội Nông dân xã lập 1 câu lạc bộ.\n- Đoàn xã ra quân 2 đội hình.\n",
        [("1 câu lạc bộ", "nongdan", "mo_hinh_cau_lac_bo"), ("2 đội hình", "doan", "doi_hinh_tinh_nguyen")],
    ),
    (
        "ỦY BAN MTTQ VIỆT NAM XÃ TÂN HÒA\n- Hội Nông dân xã lập 1 câu lạc bộ.\nHội còn kết nạp 12 hội viên.\n",
        [("1 câu lạc bộ", "nongdan", "mo_hinh_cau_lac_bo"), ("12 hội viên", "nongdan", "ket_nap_moi")],
    ),
]


@pytest.mark.parametrize("text,expected", BULLET_ITEMS, ids=[c[0][-50:] for c in BULLET_ITEMS])
def test_bullet_items(text: str, expected: list) -> None:
    assert found(text) == expected


RUNNING_TOTALS: list[tuple[str, list]] = [
    # A clause that opens with a running total ('lũy kế', 'cộng dồn') after a semicolon totals what the
    # clause before counted: the same indicator.
    (
        'ỦY BAN MTTQ XÃ\n- Quỹ "Vì người nghèo": nhận 15 triệu đồng trong tuần; lũy kế từ đầu năm 210 triệu đồng.\n',
        [("15 triệu đồng", "mttq", "quy_vi_nguoi_ngheo"), ("210 triệu đồng", "mttq", "quy_vi_nguoi_ngheo")],
    ),
    (
        "HỘI CỰU CHIẾN BINH HUYỆN\nHội kết nạp 14 hội viên mới trong quý; cộng dồn 9 tháng được 52 hội viên.\n",
        [("14 hội viên", "ccb", "ket_nap_moi"), ("52 hội viên", "ccb", "ket_nap_moi")],
    ),
    # Guard: a clause with its own thing after the semicolon keeps its own words.
    (
        'ỦY BAN MTTQ XÃ\nQuỹ "Vì người nghèo" nhận 15 triệu đồng; lũy kế có 6 khu dân cư tổ chức Ngày hội Đại đoàn kết.\n',
        [("15 triệu đồng", "mttq", "quy_vi_nguoi_ngheo"), ("6 khu dân cư", "mttq", "khu_dan_cu_ngay_hoi")],
    ),
]


@pytest.mark.parametrize("text,expected", RUNNING_TOTALS, ids=[c[0][-50:] for c in RUNNING_TOTALS])
def test_running_totals(text: str, expected: list) -> None:
    assert found(text) == expected


PAIRED_TITLES: list[tuple[str, list]] = [
    # The comma inside a title of two words ('trong sạch, vững mạnh', 'sản xuất, kinh doanh giỏi') does
    # not end the figure's clause: a comparison after the title leaves the title's words to the figure.
    (
        "HỘI CỰU CHIẾN BINH TỈNH\nCó 91% cơ sở Hội đạt trong sạch, vững mạnh, cao hơn năm trước.\n",
        [("91%", "ccb", "co_so_vung_manh")],
    ),
    (
        "HỘI NÔNG DÂN TỈNH\nToàn tỉnh có 4.310 hộ nông dân sản xuất, kinh doanh giỏi, tăng 6% so với năm trước.\n",
        [("4.310 hộ", "nongdan", "ho_sxkd_gioi"), ("6%", "nongdan", None)],
    ),
    # Guard: without the comparison the title was read already.
    ("HỘI CỰU CHIẾN BINH TỈNH\nCó 91% cơ sở Hội đạt trong sạch, vững mạnh.\n", [("91%", "ccb", "co_so_vung_manh")]),
]


@pytest.mark.parametrize("text,expected", PAIRED_TITLES, ids=[c[0][-50:] for c in PAIRED_TITLES])
def test_paired_titles(text: str, expected: list) -> None:
    assert found(text) == expected


PLATFORM_FEEDBACK: list[tuple[str, list]] = [
    # What residents send through the platform's app ('Mặt trận số') is their feedback, not the voters'
    # opinions gathered at meetings that the catalogue's indicator sums up.
    (
        "ỦY BAN MTTQ VIỆT NAM XÃ\n- Phản ánh: nhận 5 ý kiến của người dân qua ứng dụng, đã chuyển 2 ý kiến đến xã.\n",
        [("5 ý kiến", "mttq", None), ("2 ý kiến", "mttq", None)],
    ),
    (
        'ỦY BAN MTTQ VIỆT NAM PHƯỜNG\nTrên nền tảng "Mặt trận số", các khu phố nhận 11 ý kiến phản ánh.\n',
        [("11 ý kiến", "mttq", None)],
    ),
    # Guard: the voters' opinions of a meeting keep the indicator.
    (
        "ỦY BAN MTTQ VIỆT NAM XÃ\nTại 4 điểm tiếp xúc cử tri, cử tri nêu 23 ý kiến, kiến nghị.\n",
        [("4 điểm", "mttq", "diem_tiep_xuc_cu_tri"), ("23 ý kiến, kiến nghị", "mttq", "y_kien_kien_nghi")],
    ),
]


@pytest.mark.parametrize("text,expected", PLATFORM_FEEDBACK, ids=[c[0][-50:] for c in PLATFORM_FEEDBACK])
def test_platform_feedback(text: str, expected: list) -> None:
    assert found(text) == expected

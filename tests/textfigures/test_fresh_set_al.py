"""Causes of the errors on the dev part of the fresh set src_al (issue 15: the northern mountains, the Red
River delta and the north-central coast, newspaper articles and the organizations' news pages on results
and special programmes), each in new wording. One row per case; every row failed before its fix, except
the guards marked as such (wording that must keep its answer)."""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text


def found(text: str) -> list:
    return [(f["text"], f.get("orgs") or f["org"], f["indicator_code"]) for f in extract_text(text)["figures"]]


def kinds(text: str) -> list:
    return [(f["text"], f["kind"], f["indicator_code"]) for f in extract_text(text)["figures"]]


OFFICIAL_TELLS: list[tuple[str, list]] = [
    # An official's office in apposition, closed by a comma, then 'cho biết:' with a colon: the official
    # speaks for that body, also where the statement counts 'toàn tỉnh có …' of the body's own units.
    (
        "Phụ nữ Yên Bái vượt khó\n"
        "Bà Hoàng Thị Lan, Phó Chủ tịch Hội LHPN tỉnh Yên Bái, cho biết: toàn tỉnh có 1.240 chi hội với 98.600 hội viên.\n",
        [("1.240 chi hội", "phunu", "chi_hoi"), ("98.600 hội viên", "phunu", "tong_hoi_vien")],
    ),
    (
        "Tuổi trẻ vùng cao\n"
        "Anh Lò Văn Hùng, Bí thư Huyện đoàn Mường Tè, cho hay: trong năm đã kết nạp 215 đoàn viên mới.\n",
        [("215 đoàn viên", "doan", "ket_nap_moi")],
    ),
]


@pytest.mark.parametrize("text,expected", OFFICIAL_TELLS, ids=[c[0][-50:] for c in OFFICIAL_TELLS])
def test_official_tells(text: str, expected: list) -> None:
    assert found(text) == expected


SAME_PERIOD: list[tuple[str, list]] = [
    # 'cùng kỳ' before a number is the period compared with, not a session named by it ('kỳ 3'): the
    # number is the difference; 'nhiều hơn … là N' is one too.
    (
        "HỘI NÔNG DÂN HUYỆN\nHội kết nạp 412 hội viên mới, cao hơn cùng kỳ 57 hội viên.\n",
        [("412 hội viên", "level", "ket_nap_moi"), ("57 hội viên", "change", None)],
    ),
    (
        "HUYỆN ĐOÀN\nĐoàn kết nạp 96 đoàn viên, nhiều hơn cùng kỳ năm 2023 là 14 đoàn viên.\n",
        [("96 đoàn viên", "level", "ket_nap_moi"), ("14 đoàn viên", "change", None)],
    ),
    # Guard: the year after 'cùng kỳ' names the period, no figure.
    (
        "HỘI NÔNG DÂN HUYỆN\nHội kết nạp 412 hội viên mới, tăng 8% so với cùng kỳ 2023.\n",
        [("412 hội viên", "level", "ket_nap_moi"), ("8%", "change", None)],
    ),
]


@pytest.mark.parametrize("text,expected", SAME_PERIOD, ids=[c[0][-50:] for c in SAME_PERIOD])
def test_same_period(text: str, expected: list) -> None:
    assert kinds(text) == expected


HOUSE_KIND: list[tuple[str, list]] = [
    # Houses counted by a bare 'nhà' / 'ngôi nhà' after houses of one kind, a sentence or two later or in a
    # list of districts, are the same kind of houses. (These rows failed on main when written; main's
    # 8dc5980, landed meanwhile, mends the class, and this set's own rule was dropped for it.)
    (
        "ỦY BAN MTTQ TỈNH THANH HÓA\n"
        "Năm 2024, Mặt trận các cấp xây mới 214 nhà Đại đoàn kết cho hộ nghèo. Mỗi nhà được hỗ trợ 50 triệu đồng. "
        "Huyện Mường Lát làm nhiều nhất với 41 ngôi nhà.\n",
        [("214 nhà", "mttq", "nha_dai_doan_ket"), ("50 triệu đồng", "mttq", None), ("41 ngôi nhà", "mttq", "nha_dai_doan_ket")],
    ),
    (
        "ỦY BAN MTTQ TỈNH\nMặt trận các cấp đã bàn giao 60 nhà \"Đại đoàn kết\" cho hộ khó khăn. "
        "Kinh phí lấy từ Quỹ \"Vì người nghèo\" và nguồn xã hội hóa.\n"
        "Cụ thể, Ủy ban MTTQ huyện Con Cuông 22 nhà; huyện Tương Dương 18 nhà; huyện Quế Phong 20 nhà.\n",
        [("60 nhà", "mttq", "nha_dai_doan_ket"), ("22 nhà", "mttq", "nha_dai_doan_ket"),
         ("18 nhà", "mttq", "nha_dai_doan_ket"), ("20 nhà", "mttq", "nha_dai_doan_ket")],
    ),
    # Guards: houses named by another scheme after the measure word; houses of another kind counted
    # between; houses still to be finished.
    (
        "HỘI LHPN TỈNH\nCác cấp Hội xây 9 nhà \"Mái ấm tình thương\". Hội còn hỗ trợ 3 nhà theo mô hình \"Viên gạch hồng\".\n",
        [("9 nhà", "phunu", "nha_mai_am"), ("3 nhà", "phunu", None)],
    ),
    (
        "HỘI CỰU CHIẾN BINH TỈNH\nHội trao 4 nhà \"Nghĩa tình đồng đội\". Công ty Điện lực hỗ trợ xóa 9 nhà tạm cho hội viên.\n"
        "Năm nay các cấp Hội sửa chữa 26 nhà cho hội viên khó khăn.\n",
        [("4 nhà", "ccb", "nha_nghia_tinh_dong_doi"), ("9 nhà", "other", None), ("26 nhà", "ccb", None)],
    ),
]


@pytest.mark.parametrize("text,expected", HOUSE_KIND, ids=[c[0][-50:] for c in HOUSE_KIND])
def test_house_kind(text: str, expected: list) -> None:
    assert found(text) == expected


TITLE_TIMES: list[tuple[str, list]] = [
    # A title reached year after year is counted in 'lượt hộ' as well as in 'hộ'.
    (
        "HỘI NÔNG DÂN TỈNH\nTrong 5 năm, toàn tỉnh có 86.400 lượt hộ đạt danh hiệu nông dân sản xuất, kinh doanh giỏi.\n",
        [("86.400 lượt hộ", "nongdan", "ho_sxkd_gioi")],
    ),
    # Guard: poor households the title-holders helped are no title-holders (nor theirs: the households
    # are the sentence's subject).
    (
        "HỘI NÔNG DÂN TỈNH\nCác hộ sản xuất, kinh doanh giỏi đã giúp đỡ 1.320 lượt hộ nghèo về giống, vốn.\n",
        [("1.320 lượt hộ nghèo", None, None)],
    ),
]


@pytest.mark.parametrize("text,expected", TITLE_TIMES, ids=[c[0][-50:] for c in TITLE_TIMES])
def test_title_times(text: str, expected: list) -> None:
    assert found(text) == expected


SUBTOTAL_SENTENCE: list[tuple[str, list]] = [
    # A sentence that opens 'Trong đó,' and gives a part of the total before with only the total's own
    # verb counts the total's thing, as do the items that follow it.
    (
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH\nChương trình trao 420 suất quà cho công nhân có hoàn cảnh khó khăn. "
        "Trong đó, Liên đoàn Lao động tỉnh trao 300 suất; Liên đoàn Lao động huyện 120 suất.\n",
        [("420 suất quà", "congdoan", "suat_ho_tro_doan_vien"), ("300 suất", "congdoan", "suat_ho_tro_doan_vien"),
         ("120 suất", "congdoan", "suat_ho_tro_doan_vien")],
    ),
]


@pytest.mark.parametrize("text,expected", SUBTOTAL_SENTENCE, ids=[c[0][-50:] for c in SUBTOTAL_SENTENCE])
def test_subtotal_sentence(text: str, expected: list) -> None:
    assert found(text) == expected


DRAWN_TO_WORKS: list[tuple[str, list]] = [
    # The people the youth's works drew took part in them as volunteers, also past the works' value.
    (
        "TỈNH ĐOÀN HÀ TĨNH\nTrong tháng, tuổi trẻ toàn tỉnh làm 380 công trình, phần việc thanh niên, tổng trị giá 2,1 tỷ đồng, "
        "thu hút 18.500 lượt đoàn viên, thanh niên tham gia.\n",
        [("380 công trình, phần việc", "doan", "cong_trinh_thanh_nien"), ("2,1 tỷ đồng", "doan", None),
         ("18.500 lượt đoàn viên, thanh niên", "doan", "luot_dvtn_tinh_nguyen")],
    ),
]


@pytest.mark.parametrize("text,expected", DRAWN_TO_WORKS, ids=[c[0][-50:] for c in DRAWN_TO_WORKS])
def test_drawn_to_works(text: str, expected: list) -> None:
    assert found(text) == expected


WHERE_MEMORIALS: list[tuple[str, list]] = [
    # Memorials where the work took place are the body's figure (CONVENTIONS.md 9 as decided again in issue 15; nobody's before).
    (
        "HỘI CỰU CHIẾN BINH HUYỆN\nHội đưa 30 hội viên về thăm chiến trường xưa, thắp hương tại 4 nghĩa trang liệt sĩ.\n",
        [("30 hội viên", "ccb", None), ("4 nghĩa", "ccb", None)],
    ),
    (
        "HUYỆN ĐOÀN\nĐoàn viên ra quân dọn vệ sinh tại 6 di tích lịch sử, thu hút 240 lượt đoàn viên.\n",
        [("6 di", "doan", None), ("240 lượt đoàn viên", "doan", "luot_dvtn_tinh_nguyen")],
    ),
]


@pytest.mark.parametrize("text,expected", WHERE_MEMORIALS, ids=[c[0][-50:] for c in WHERE_MEMORIALS])
def test_where_memorials(text: str, expected: list) -> None:
    assert found(text) == expected

"""Causes of the errors on the dev part of the fresh set src_ac (issue 15: the MTTQ's fund, houses,
supervision and Tết gifts, the Hội CCB), each in new wording. One row per case; every row failed
before its fix, except the guards marked as such (wording that must keep its answer)."""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text


def figures(text: str) -> list:
    return [(f["text"], f.get("orgs") or f["org"]) for f in extract_text(text)["figures"]]


def codes(text: str) -> list:
    return [(f["text"], f["indicator_code"]) for f in extract_text(text)["figures"]]


DATES: list[tuple[str, list]] = [
    # A day named before a day/month ('Ngày Quốc tế Lao động 1/5', 'ngày sinh Bác 19/5') is a date,
    # whatever word follows it: no figures.
    ("HỘI CỰU CHIẾN BINH XÃ AN PHÚ\nCác chi hội kỷ niệm Ngày Quốc tế Lao động 1/5 thiết thực, tiết kiệm.\n", []),
    ("HỘI LHPN XÃ AN PHÚ\nTổ chức kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh 19/5 trang trọng.\n", []),
    ("ĐOÀN XÃ AN PHÚ\nChào mừng Ngày Giải phóng miền Nam 30/4 và ngày Quốc tế Thiếu nhi 1/6 vui tươi.\n", []),
    # Guards: a pair of figures stays one, a day named or not.
    ("HỘI CỰU CHIẾN BINH XÃ AN PHÚ\nTrong ngày hội, 3/4 chi hội có mặt.\n", [("3", "ccb"), ("4 chi hội", "ccb")]),
]


@pytest.mark.parametrize("text,expected", DATES, ids=[c[0][:60] for c in DATES])
def test_dates(text: str, expected: list) -> None:
    assert figures(text) == expected


ITEMS: list[tuple[str, list]] = [
    # A body named inside one numbered item of a report does not carry into the next item: the next
    # item is the report's own body's again.
    ("ỦY BAN MTTQ VIỆT NAM XÃ AN PHÚ\nBÁO CÁO\n1. Hội Cựu chiến binh xã tặng 25 suất quà cho hội viên.\n"
     "2. Phương hướng quý tới: hoàn thành 2 căn nhà còn lại.\n",
     [("25 suất quà", "ccb"), ("2 căn nhà", "mttq")]),
    ("ỦY BAN MTTQ VIỆT NAM PHƯỜNG BÌNH AN\nBÁO CÁO\n3. Hội Nông dân phường hiện có 1.240 hội viên.\n"
     "4. Nhiệm vụ tháng tới: vận động 50 triệu đồng sửa nhà cho hộ nghèo.\n",
     [("1.240 hội viên", "nongdan"), ("50 triệu đồng", "mttq")]),
    ("HỘI CỰU CHIẾN BINH HUYỆN TÂN AN\nBÁO CÁO\nII. Đoàn Thanh niên huyện phối hợp tổ chức 4 buổi tuyên truyền.\n"
     "III. Kết nạp 36 hội viên mới.\n",
     [("4 buổi", "doan"), ("36 hội viên", "ccb")]),
    # Guards: the items under a heading line that names a body are that body's; a sub-item goes on
    # with the body of its item.
    ("ỦY BAN MTTQ XÃ AN PHÚ\nII. Hội Nông dân xã\n1. Kết nạp 120 hội viên.\n2. Tổ chức 3 lớp tập huấn.\n",
     [("120 hội viên", "nongdan"), ("3 lớp", "nongdan")]),
    ("ỦY BAN MTTQ XÃ AN PHÚ\n2. Hội LHPN xã tổ chức 6 buổi tuyên truyền.\n2.1. Kết nạp 15 hội viên mới.\n",
     [("6 buổi", "phunu"), ("15 hội viên", "phunu")]),
]


@pytest.mark.parametrize("text,expected", ITEMS, ids=[c[0][:60] for c in ITEMS])
def test_items(text: str, expected: list) -> None:
    assert figures(text) == expected


AGENTS: list[tuple[str, list]] = [
    # The agent of a passive right after a figure ('N căn do X hỗ trợ') gave it, whoever the
    # sentence's subject or its first agent is.
    ("ỦY BAN MTTQ TỈNH KON TUM\nTrong số này, 20 căn do Công ty Xổ số kiến thiết tài trợ, 1 căn do Mặt trận "
     "huyện Ngọc Hồi hỗ trợ.\n", [("20 căn", "other"), ("1 căn", "mttq")]),
    ("HỘI NÔNG DÂN HUYỆN CHỢ MỚI\nNgân hàng Agribank tặng 40 suất quà, 12 suất do Hội Nông dân xã Long Điền "
     "vận động.\n", [("40 suất quà", "other"), ("12 suất", "nongdan")]),
    # Guards: an agent right after the gifts of the sentence's subject; an agent before the figure,
    # between the subject and it, still gives it.
    ("HỘI LHPN TỈNH AN GIANG\nHội trao 30 suất quà do Công ty Bảo Minh tài trợ cho phụ nữ nghèo.\n",
     [("30 suất quà", "other")]),
    ("ỦY BAN MTTQ HUYỆN\nQuỹ do UBND tỉnh cấp từ ngân sách 20 tỷ đồng.\n", [("20 tỷ đồng", "other")]),
]


@pytest.mark.parametrize("text,expected", AGENTS, ids=[c[0][:60] for c in AGENTS])
def test_agents(text: str, expected: list) -> None:
    assert figures(text) == expected


EACH: list[tuple[str, list]] = [
    # What each item is worth ('…, mỗi phần 400.000 đồng') is the giver's of the items, not the
    # channel's the gifts went through nor the text's body's.
    ("ỦY BAN MTTQ VIỆT NAM XÃ TÂN TRỤ\nHội Đồng hương Tân Trụ tại Thành phố Hồ Chí Minh trao qua Mặt trận 200 "
     "phần quà, mỗi phần 400.000 đồng.\n", [("200 phần quà", "other"), ("400.000 đồng", "other")]),
    ("HỘI CỰU CHIẾN BINH XÃ AN PHÚ\nHội Đồng hương xã tại Hà Nội gửi qua Hội 25 suất quà, mỗi suất 700.000 đồng.\n",
     [("25 suất quà", "other"), ("700.000 đồng", "other")]),
    ("ỦY BAN MTTQ PHƯỜNG 3\nChùa Phước Long trao qua Mặt trận 120 phần quà, mỗi phần 300.000 đồng.\n",
     [("120 phần quà", "other"), ("300.000 đồng", "other")]),
    # A guard: the body's own gifts and what each is worth.
    ("ỦY BAN MTTQ XÃ AN PHÚ\nMặt trận xã trao 560 phần quà, mỗi phần 500.000 đồng.\n",
     [("560 phần quà", "mttq"), ("500.000 đồng", "mttq")]),
]


@pytest.mark.parametrize("text,expected", EACH, ids=[c[0][:60] for c in EACH])
def test_each(text: str, expected: list) -> None:
    assert figures(text) == expected


HOUSE_STEPS: list[tuple[str, list]] = [
    # Houses named by a bare measure word at a later step (handed over, finished, the rest) are the
    # houses the figure before named; a time word or 'còn lại' after them names no other thing.
    ("HỘI CỰU CHIẾN BINH XÃ ĐĂK HÀ\nHội khởi công 3 nhà \"Nghĩa tình đồng đội\" và đã bàn giao 2 nhà trước Tết.\n",
     [("3 nhà", "nha_nghia_tinh_dong_doi"), ("2 nhà", "nha_nghia_tinh_dong_doi")]),
    ("ỦY BAN MTTQ XÃ AN PHÚ\n1. Mặt trận xã phối hợp khởi công 9 căn nhà Đại đoàn kết, đã bàn giao 7 căn.\n"
     "2. Hội Nông dân xã trao 50 suất quà.\n3. Phương hướng: hoàn thành 2 căn nhà còn lại trước Tết.\n",
     [("9 căn nhà", "nha_dai_doan_ket"), ("7 căn", "nha_dai_doan_ket"), ("50 suất quà", "suat_qua"),
      ("2 căn nhà", "nha_dai_doan_ket")]),
    ("HỘI LHPN HUYỆN TAM ĐƯỜNG\nHội xây 4 căn \"Mái ấm tình thương\", bàn giao 3 căn vào dịp 20/10.\n",
     [("4 căn", "nha_mai_am"), ("3 căn", "nha_mai_am")]),
    # Guards: the rest still being built is no house done; another body's houses carry no code.
    ("ỦY BAN MTTQ XÃ AN PHÚ\nMặt trận xã khởi công 7 căn nhà Đại đoàn kết; 2 căn còn lại đang hoàn thiện.\n",
     [("7 căn nhà", "nha_dai_doan_ket"), ("2 căn", None)]),
    ("ỦY BAN MTTQ XÃ AN PHÚ\nMặt trận xây 4 nhà Đại đoàn kết. Ủy ban nhân dân xã bàn giao 3 nhà cho hộ nghèo.\n",
     [("4 nhà", "nha_dai_doan_ket"), ("3 nhà", None)]),
]


@pytest.mark.parametrize("text,expected", HOUSE_STEPS, ids=[c[0][:60] for c in HOUSE_STEPS])
def test_house_steps(text: str, expected: list) -> None:
    assert codes(text) == expected


TOLD_AREA: list[tuple[str, list]] = [
    # The population of a place told by a body ('X cho biết thôn có 193 hộ, 884 nhân khẩu') is the
    # place's (CONVENTIONS.md 5): the teller owns nothing. (Fixed on main by another change meanwhile;
    # the rows, which failed before it, now guard it in new wording.)
    ("ỦY BAN MTTQ XÃ TRÀ GIÁC\nBáo cáo của Ban Công tác Mặt trận thôn cho biết thôn có 193 hộ, 884 nhân khẩu.\n",
     [("193 hộ", None), ("884 nhân khẩu", None)]),
    ("HỘI NÔNG DÂN XÃ PHƯỚC HỮU\nĐại diện Hội Nông dân xã cho biết xã hiện có 4.180 hộ với 15.200 nhân khẩu.\n",
     [("4.180 hộ", None), ("15.200 nhân khẩu", None)]),
    # A guard: what the teller's body did stays its own.
    ("ỦY BAN MTTQ XÃ TRÀ GIÁC\nBan Công tác Mặt trận thôn cho biết đã vận động 120 ngày công sửa đường.\n",
     [("120 ngày công", "mttq")]),
]


@pytest.mark.parametrize("text,expected", TOLD_AREA, ids=[c[0][:60] for c in TOLD_AREA])
def test_told_area(text: str, expected: list) -> None:
    assert figures(text) == expected


AND_HOUSES: list[tuple[str, list]] = [
    # 'N nhà và sửa chữa M nhà Đại đoàn kết': the bare 'nhà' of the first count is the house the second
    # names, as 'căn' already was.
    ("ỦY BAN MTTQ TỈNH NINH THUẬN\nMặt trận các cấp hỗ trợ làm mới 171 nhà và sửa chữa 4 nhà Đại đoàn kết.\n",
     [("171 nhà", "nha_dai_doan_ket"), ("4 nhà", "nha_dai_doan_ket")]),
    ("HỘI CỰU CHIẾN BINH TỈNH HÀ NAM\nHội xây mới 12 nhà và sửa chữa 5 nhà \"Nghĩa tình đồng đội\".\n",
     [("12 nhà", "nha_nghia_tinh_dong_doi"), ("5 nhà", "nha_nghia_tinh_dong_doi")]),
    # A guard: another thing after 'và'.
    ("ỦY BAN MTTQ XÃ AN PHÚ\nMặt trận xây 3 nhà và trồng 200 cây xanh.\n", [("3 nhà", None), ("200 cây xanh", "cay_xanh")]),
]


@pytest.mark.parametrize("text,expected", AND_HOUSES, ids=[c[0][:60] for c in AND_HOUSES])
def test_and_houses(text: str, expected: list) -> None:
    assert codes(text) == expected

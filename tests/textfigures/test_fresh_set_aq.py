"""Causes of the errors on the dev part of the fresh set src_aq (issue 15: unit reports, conclusions and
minutes with the real structure, Mekong delta, south-east and north-west mountains), each in new wording.
One row per case; every row failed before its fix, except the guards marked as such (wording that must
keep its answer)."""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text
from giaoban.textfigures.meetings import parse_meeting


def found(text: str) -> list:
    return [(f["text"], f.get("orgs") or f["org"], f["indicator_code"]) for f in extract_text(text)["figures"]]


PART_OF_WHOLE_LIKE_A_DATE: list[tuple[str, list]] = [
    # 'x/y' of two small numbers with no unit after it reads as a day ('2/8') unless a word of count stands
    # right before it: then it is a part of a whole ('còn 3/9 Ủy ban MTTQ xã chưa …'), both figures.
    (
        "ỦY BAN MTTQ VIỆT NAM HUYỆN ĐIỆN BIÊN ĐÔNG\nĐến hết quý, còn 3/9 Ủy ban MTTQ xã chưa gửi báo cáo.\n",
        [("3", "mttq", None), ("9", "mttq", None)],
    ),
    (
        "ỦY BAN MTTQ VIỆT NAM HUYỆN PHONG THỔ\nHiện mới có 2/7 Ủy ban MTTQ xã ứng dụng phần mềm quản lý.\n",
        [("2", "mttq", None), ("7", "mttq", None)],
    ),
    # Guards: a day after 'ngày', 'sáng', and a day after 'có' followed by 'là' stay days.
    (
        "ỦY BAN MTTQ VIỆT NAM HUYỆN PHONG THỔ\nNgày 2/8 Ủy ban MTTQ huyện trao 20 suất quà.\n",
        [("20 suất quà", "mttq", "suat_qua")],
    ),
    (
        "ỦY BAN MTTQ VIỆT NAM HUYỆN PHONG THỔ\nSáng 3/9 Ủy ban MTTQ huyện tổ chức 2 cuộc giám sát.\n",
        [("2 cuộc", "mttq", "cuoc_giam_sat")],
    ),
    (
        "HỘI LHPN HUYỆN PHONG THỔ\nTrong tháng có 1/6 là ngày Quốc tế Thiếu nhi.\n",
        [],
    ),
]


@pytest.mark.parametrize("text,expected", PART_OF_WHOLE_LIKE_A_DATE, ids=[c[0][-40:] for c in PART_OF_WHOLE_LIKE_A_DATE])
def test_part_of_whole_like_a_date(text: str, expected: list) -> None:
    assert found(text) == expected


FUND_GROWN_BY: list[tuple[str, list]] = [
    # A fund or a balance grown 'thêm' N, however long its name between the verb and 'thêm', is a change of
    # it: no level code, as a result (a change) or as a target of the next period.
    (
        "HỘI NÔNG DÂN HUYỆN BÙ ĐĂNG\nIII. PHƯƠNG HƯỚNG NĂM 2025\n"
        "- Tăng trưởng nguồn vốn Quỹ Hỗ trợ nông dân các cấp thêm 1,2 tỷ đồng.\n",
        [("1,2 tỷ đồng", "nongdan", None)],
    ),
    (
        "HỘI NÔNG DÂN HUYỆN BÙ ĐĂNG\nNăm 2024, Hội phát triển Quỹ Hỗ trợ nông dân của huyện thêm 650 triệu đồng, "
        "nâng tổng nguồn vốn lên 5,4 tỷ đồng.\n",
        [("650 triệu đồng", "nongdan", None), ("5,4 tỷ đồng", "nongdan", "quy_ho_tro_nong_dan")],
    ),
    # Guards: members recruited 'thêm' are new members all the same; money raised 'thêm' is money raised.
    (
        "HỘI NÔNG DÂN HUYỆN BÙ ĐĂNG\nTrong quý, Hội kết nạp thêm 300 hội viên mới.\n",
        [("300 hội viên", "nongdan", "ket_nap_moi")],
    ),
    (
        "ỦY BAN MTTQ HUYỆN BÙ ĐĂNG\nQuỹ \"Vì người nghèo\" huyện vận động thêm 200 triệu đồng trong tháng cao điểm.\n",
        [("200 triệu đồng", "mttq", "quy_vi_nguoi_ngheo")],
    ),
]


@pytest.mark.parametrize("text,expected", FUND_GROWN_BY, ids=[c[0][-40:] for c in FUND_GROWN_BY])
def test_fund_grown_by(text: str, expected: list) -> None:
    assert found(text) == expected


NAME_AFTER_A_TITLED_VERB: list[tuple[str, list]] = [
    # A title, then a verb, then a name: the name is the verb's object (the member helped, the child given a
    # gift), not an attendee holding the title.
    (
        "BIÊN BẢN\nHội nghị giao ban quý III năm 2023\nChủ trì: đồng chí Lường Văn Pâng, Chủ tịch Hội Nông dân huyện.\n"
        "II. Ý kiến thảo luận: Chủ tịch Hội Nông dân xã Chiềng Ơn đề nghị huyện hỗ trợ giống cho hội viên Lò Văn "
        "Xôm bị thiệt hại do lũ.\n",
        [("Lường Văn Pâng", "Chủ tịch Hội Nông dân huyện")],
    ),
    (
        "BIÊN BẢN\nHội nghị giao ban quý III năm 2023\nBí thư Huyện đoàn tặng quà cho em Lò Thị Hoa ở bản Nà Hẩu.\n",
        [],
    ),
    # Guard: a title right before the name is the name's own.
    (
        "BIÊN BẢN\nHội nghị giao ban quý III năm 2023\nPhó Chủ tịch Ủy ban MTTQ tỉnh Nguyễn Thị Mai chủ trì hội nghị.\n",
        [("Nguyễn Thị Mai", "Phó Chủ tịch Ủy ban MTTQ tỉnh")],
    ),
]


@pytest.mark.parametrize("text,expected", NAME_AFTER_A_TITLED_VERB, ids=[c[0][-40:] for c in NAME_AFTER_A_TITLED_VERB])
def test_name_after_a_titled_verb(text: str, expected: list) -> None:
    assert [(p["name"], p["position"]) for p in parse_meeting(text)["people"]] == expected


DIRECTIVE_WORD_INSIDE_A_TASK: list[tuple[str, list]] = [
    # 'đề nghị', 'giao' inside a task as part of a thing ('hồ sơ đề nghị khen thưởng') or of another verb
    # ('bàn giao', 'chuyển giao') is no directive that opens a new list: the task keeps its own subject and words.
    (
        "BIÊN BẢN\nHội nghị giao ban công tác Hội quý I năm 2021\nIII. KẾT LUẬN\n"
        "Đồng chí chủ trì kết luận, giao nhiệm vụ quý II năm 2021:\n"
        "1. Các chi hội hoàn thành thu hội phí trước ngày 30/4/2021.\n"
        "2. Văn phòng Hội hoàn thiện hồ sơ đề nghị khen thưởng năm 2021 trước ngày 15/6/2021.\n",
        ["Các chi hội hoàn thành thu hội phí trước ngày 30/4/2021.",
         "Văn phòng Hội hoàn thiện hồ sơ đề nghị khen thưởng năm 2021 trước ngày 15/6/2021."],
    ),
    (
        "THÔNG BÁO KẾT LUẬN\nhội nghị giao ban 6 tháng đầu năm 2022\n3. Nhiệm vụ 6 tháng cuối năm 2022\n"
        "Đồng chí đề nghị, trong thời gian tới, Mặt trận và các đoàn thể huyện tập trung:\n"
        "- Hoàn thành kế hoạch vận động Quỹ \"Vì người nghèo\" năm 2022, bàn giao 10 căn nhà Đại đoàn kết trước ngày "
        "31/12/2022.\n- Rà soát hội viên thuộc hộ nghèo.\n",
        ["Mặt trận và các đoàn thể huyện hoàn thành kế hoạch vận động Quỹ \"Vì người nghèo\" năm 2022, bàn giao 10 "
         "căn nhà Đại đoàn kết trước ngày 31/12/2022.",
         "Mặt trận và các đoàn thể huyện rà soát hội viên thuộc hộ nghèo."],
    ),
    # The standing body asking in its own name ('Thường trực … yêu cầu: …; …') opens a list of tasks as a
    # chair does ('hội nghị giao ban' in the title was what opened it before, being read as 'giao').
    (
        "HỘI CỰU CHIẾN BINH TỈNH ĐIỆN BIÊN\nTHÔNG BÁO\nKết luận của Thường trực Hội tại hội nghị sơ kết 6 tháng "
        "đầu năm 2024\n6 tháng, các cấp Hội kết nạp 310 hội viên.\nThường trực Hội Cựu chiến binh tỉnh yêu cầu: "
        "trong 6 tháng cuối năm, các cơ sở Hội rà soát hộ hội viên nghèo; chuẩn bị kỷ niệm ngày thành lập Hội.\n",
        ["Các cơ sở Hội rà soát hộ hội viên nghèo.", "Các cơ sở Hội chuẩn bị kỷ niệm ngày thành lập Hội."],
    ),
    # The same after 'hội nghị giao ban', without the title's 'giao ban' read as tasks ('Ban quý II năm 2025').
    (
        "HỘI NÔNG DÂN TỈNH SƠN LA\nTHÔNG BÁO\nKết luận của Thường trực Hội Nông dân tỉnh tại hội nghị giao ban "
        "quý II năm 2025\nQuý II, các cấp Hội kết nạp 1.240 hội viên.\nThường trực Hội Nông dân tỉnh yêu cầu: "
        "trong quý III, các cấp Hội hoàn thành thu hội phí; tổ chức tập huấn trồng cà phê cho hội viên.\n",
        ["Các cấp Hội hoàn thành thu hội phí.", "Các cấp Hội tổ chức tập huấn trồng cà phê cho hội viên."],
    ),
    # Guard: the chair's 'đề nghị' still opens the list.
    (
        "BIÊN BẢN\nHội nghị giao ban tháng 5 năm 2024\nĐồng chí Bí thư Đoàn xã đề nghị các chi đoàn tổ chức ra quân "
        "dọn vệ sinh kênh mương.\n",
        ["Các chi đoàn tổ chức ra quân dọn vệ sinh kênh mương."],
    ),
]


@pytest.mark.parametrize("text,expected", DIRECTIVE_WORD_INSIDE_A_TASK,
                         ids=[c[0][-40:] for c in DIRECTIVE_WORD_INSIDE_A_TASK])
def test_directive_word_inside_a_task(text: str, expected: list) -> None:
    assert [t["text"] for t in parse_meeting(text)["tasks"]] == expected


LABEL_THEN_VALUES: list[tuple[str, list]] = [
    # A line 'Label: value, value' of a report: every bare value of the list after the colon is the label's,
    # not only the first (its indicator, and the label's exclusions: professional groups are no branches).
    (
        "HỘI NÔNG DÂN HUYỆN MƯỜNG LA\n- Tập huấn chuyển giao kỹ thuật: 28 lớp, 1.650 lượt hội viên.\n",
        [("28 lớp", "nongdan", "lop_tap_huan"), ("1.650 lượt hội viên", "nongdan", "luot_tap_huan")],
    ),
    (
        "HỘI NÔNG DÂN HUYỆN MƯỜNG LA\n- Chi hội, tổ hội nghề nghiệp: 9 chi hội, 22 tổ hội.\n",
        [("9 chi hội", "nongdan", None), ("22 tổ hội", "nongdan", None)],
    ),
    # A loose word of the label ('quà') names the value after the colon as it would right beside it.
    (
        "ỦY BAN MTTQ VIỆT NAM HUYỆN THỚI BÌNH\n- Quà tặng hộ nghèo: 2.150 suất, tổng trị giá 860 triệu đồng.\n",
        [("2.150 suất", "mttq", "suat_qua"), ("860 triệu đồng", "mttq", "tri_gia_qua")],
    ),
    # Guards: a sentence after the label keeps its own words; the fund's borrowers are not the bank's.
    (
        "HỘI NÔNG DÂN HUYỆN MƯỜNG LA\n3. Giúp nhau làm kinh tế: 46 hộ hội viên đang vay vốn, 2 tổ tiết kiệm và "
        "vay vốn.\n",
        [("46 hộ hội viên", "nongdan", "ho_du_no"), ("2 tổ tiết kiệm và vay vốn", "nongdan", "to_tk_vv")],
    ),
    (
        "HỘI NÔNG DÂN HUYỆN MƯỜNG LA\n- Quỹ Hỗ trợ nông dân: 4,2 tỷ đồng, 96 hộ vay.\n",
        [("4,2 tỷ đồng", "nongdan", "quy_ho_tro_nong_dan"), ("96 hộ vay", "nongdan", None)],
    ),
]


@pytest.mark.parametrize("text,expected", LABEL_THEN_VALUES, ids=[c[0][-40:] for c in LABEL_THEN_VALUES])
def test_label_then_values(text: str, expected: list) -> None:
    assert found(text) == expected


COST_OF_HOUSES_COUNTED_BEFORE: list[tuple[str, list]] = [
    # The total cost after Đại đoàn kết houses counted by a bare measure word (their kind named by the line's
    # label) is their cost, as it is after 'N căn nhà Đại đoàn kết'.
    (
        "ỦY BAN MTTQ VIỆT NAM HUYỆN CÁI NƯỚC\n- Nhà Đại đoàn kết: xây mới 9 căn, sửa chữa 3 căn, tổng kinh phí "
        "410 triệu đồng.\n",
        [("9 căn", "mttq", "nha_dai_doan_ket"), ("3 căn", "mttq", "nha_dai_doan_ket"),
         ("410 triệu đồng", "mttq", "kinh_phi_nha_dai_doan_ket")],
    ),
    # Guards: the amount per house is none; other houses have no cost indicator.
    (
        "ỦY BAN MTTQ VIỆT NAM HUYỆN CÁI NƯỚC\n- Nhà Đại đoàn kết: xây mới 9 căn, mỗi căn trị giá 50 triệu đồng.\n",
        [("9 căn", "mttq", "nha_dai_doan_ket"), ("50 triệu đồng", "mttq", None)],
    ),
    (
        "HỘI LHPN HUYỆN CÁI NƯỚC\n- Nhà \"Mái ấm tình thương\": xây mới 4 căn, tổng kinh phí 200 triệu đồng.\n",
        [("4 căn", "phunu", "nha_mai_am"), ("200 triệu đồng", "phunu", None)],
    ),
]


@pytest.mark.parametrize("text,expected", COST_OF_HOUSES_COUNTED_BEFORE,
                         ids=[c[0][-40:] for c in COST_OF_HOUSES_COUNTED_BEFORE])
def test_cost_of_houses_counted_before(text: str, expected: list) -> None:
    assert found(text) == expected


GIFTS_TO_WHAT_IS_COUNTED: list[tuple[str, list]] = [
    # Gifts given to what is counted next, by any noun ('chùa', 'vị sư cả', 'điểm trường'): those given them,
    # so the total after them values the gifts.
    (
        "ỦY BAN MTTQ HUYỆN CẦU KÈ\nBan Thường trực thăm, tặng quà 30 chùa Khmer và 24 vị sư cả, tổng trị giá "
        "90 triệu đồng.\n",
        [("30 chùa", "mttq", None), ("24 vị", "mttq", None), ("90 triệu đồng", "mttq", "tri_gia_qua")],
    ),
    (
        "ỦY BAN MTTQ HUYỆN CẦU KÈ\nBan Thường trực tặng quà 30 chùa Khmer, tổng trị giá 90 triệu đồng.\n",
        [("30 chùa", "mttq", None), ("90 triệu đồng", "mttq", "tri_gia_qua")],
    ),
    # Guard: works valued are the works' value, no gifts.
    (
        "HUYỆN ĐOÀN CẦU KÈ\nHuyện đoàn thực hiện 12 công trình thanh niên, tổng trị giá 300 triệu đồng.\n",
        [("12 công trình thanh niên", "doan", "cong_trinh_thanh_nien"), ("300 triệu đồng", "doan", None)],
    ),
]


@pytest.mark.parametrize("text,expected", GIFTS_TO_WHAT_IS_COUNTED, ids=[c[0][-40:] for c in GIFTS_TO_WHAT_IS_COUNTED])
def test_gifts_to_what_is_counted(text: str, expected: list) -> None:
    assert found(text) == expected


THINGS_INSPECTED: list[tuple[str, list]] = [
    # Things inspected are looked at, not founded, kept or done: no count of them.
    (
        "HỘI NÔNG DÂN HUYỆN TÂN UYÊN\n- Phối hợp Phòng giao dịch Ngân hàng Chính sách xã hội kiểm tra 18 tổ tiết "
        "kiệm và vay vốn.\n",
        [("18 tổ tiết kiệm và vay vốn", "nongdan", None)],
    ),
    (
        "HỘI LHPN HUYỆN TÂN UYÊN\nBan Thường vụ Hội kiểm tra 7 mô hình kinh tế của hội viên.\n",
        [("7 mô hình", "phunu", None)],
    ),
    # Guard: the inspections themselves still count.
    (
        "ỦY BAN MTTQ HUYỆN TÂN UYÊN\nMặt trận huyện giám sát, kiểm tra 6 cuộc về chính sách bảo hiểm y tế.\n",
        [("6 cuộc", "mttq", "cuoc_giam_sat")],
    ),
]


@pytest.mark.parametrize("text,expected", THINGS_INSPECTED, ids=[c[0][-40:] for c in THINGS_INSPECTED])
def test_things_inspected(text: str, expected: list) -> None:
    assert found(text) == expected

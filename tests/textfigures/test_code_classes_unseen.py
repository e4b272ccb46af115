"""Indicator codes by class, from the errors the engine made on the fresh sets src_ae … src_aj when it
first read their dev texts (benchmarks/unseen_errors.py --verbose; issue 15). Every row is a sentence
written for these tests, in wording of its own; the rows of a class fail before its rule, the guards
(marked) are coded as before.
"""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text


def code_of(text: str, figure: str) -> str | None:
    found = [f for f in extract_text(text)["figures"] if f["text"] == figure]
    assert found, extract_text(text)["figures"]
    return found[0]["indicator_code"]


_FILLER = ("Hội nghị đánh giá cao sự vào cuộc của cả hệ thống chính trị, sự đồng thuận của nhân dân và sự chung tay "
           "của các cơ quan, đơn vị đóng trên địa bàn; nhiều cách làm sáng tạo được nhân rộng, góp phần nâng cao đời "
           "sống vật chất, tinh thần của bà con vùng sâu, vùng xa và củng cố niềm tin của nhân dân với cấp ủy, chính "
           "quyền. Công tác tuyên truyền được đẩy mạnh trên báo chí, mạng xã hội và hệ thống loa truyền thanh cơ sở.\n")

# The Front's money raised with no purpose of its own, in a passage or an article about a fund it
# raises (the last programme named before it is the fund): raised into that fund, not money raised
# for anything else; the name may stand in the title, far above.
FUND_RAISED: list[tuple[str, str, str | None]] = [
    ("Ủy ban MTTQ tỉnh phát động Tháng cao điểm \"Vì người nghèo\" năm 2020.\n"
     "Trong đợt cao điểm, Ủy ban MTTQ huyện Lạc Sơn vận động được 1,84 tỷ đồng, vượt chỉ tiêu đề ra.",
     "1,84 tỷ đồng", "quy_vi_nguoi_ngheo"),
    ("Hòa Bình: Quỹ \"Vì người nghèo\" năm 2020 về đích sớm\n" + _FILLER + _FILLER
     + "Ở thị xã, Mặt trận thị xã vận động 920 triệu đồng, sửa chữa 6 nhà cho hộ nghèo.",
     "920 triệu đồng", "quy_vi_nguoi_ngheo"),
    ("Lễ phát động ủng hộ Quỹ \"Vì người nghèo\" năm 2021 diễn ra tại hội trường huyện.\n"
     "Năm nay, Ủy ban MTTQ huyện phấn đấu vận động 3 tỷ đồng, hỗ trợ xây 40 nhà Đại đoàn kết.",
     "3 tỷ đồng", "quy_vi_nguoi_ngheo"),
    # guards: money raised for a purpose of its own, by another body, or under a programme named after the fund
    ("Ủy ban MTTQ tỉnh phát động Tháng cao điểm \"Vì người nghèo\" năm 2020.\n"
     "Mặt trận xã vận động 45 triệu đồng giúp các hộ bị sạt lở đất.", "45 triệu đồng", "ho_tro_kinh_phi"),
    ("Ủy ban MTTQ tỉnh phát động Tháng cao điểm \"Vì người nghèo\" năm 2020.\n"
     "Mặt trận các cấp vận động 120 tỷ đồng cho các chương trình an sinh xã hội.", "120 tỷ đồng", "ho_tro_kinh_phi"),
    ("Ủy ban MTTQ tỉnh phát động Tháng cao điểm \"Vì người nghèo\" năm 2020.\n"
     "Ủy ban MTTQ xã vận động ủng hộ đồng bào vùng lũ được 74 triệu đồng.", "74 triệu đồng", "ho_tro_kinh_phi"),
    ("Ủy ban MTTQ tỉnh phát động Tháng cao điểm \"Vì người nghèo\" năm 2020.\n"
     "Hội Liên hiệp Phụ nữ huyện vận động được 210 triệu đồng.", "210 triệu đồng", "ho_tro_kinh_phi"),
    ("Ủy ban MTTQ tỉnh phát động Tháng cao điểm \"Vì người nghèo\" năm 2020. Dịp Tết, chương trình \"Xuân sẻ chia\" "
     "của Ủy ban MTTQ tỉnh đã huy động 3,1 tỷ đồng.", "3,1 tỷ đồng", "ho_tro_kinh_phi"),
]


@pytest.mark.parametrize(("text", "figure", "code"), FUND_RAISED)
def test_fund_raised(text: str, figure: str, code: str | None) -> None:
    assert code_of(text, figure) == code


# Houses counted by a bare measure word ('xây mới 9 nhà', 'sửa chữa 4 căn') in a text that named the
# kind of house earlier, paragraphs before maybe: houses of the kind last named, when that is the
# body's own indicator; not other houses, houses of another scheme's money, a total since a programme
# began, or houses after another programme was named.
HOUSE_KIND: list[tuple[str, str, str | None]] = [
    ("Năm 2022, Ủy ban MTTQ huyện Tuần Giáo bàn giao 36 nhà \"Đại đoàn kết\" cho hộ nghèo.\n" + _FILLER
     + "Cụ thể, Ủy ban MTTQ xã Quài Nưa xây mới 9 nhà; xã Mường Mùn 6 nhà.", "9 nhà", "nha_dai_doan_ket"),
    ("Năm 2022, Ủy ban MTTQ huyện Tuần Giáo bàn giao 36 nhà \"Đại đoàn kết\" cho hộ nghèo.\n" + _FILLER
     + "Cụ thể, Ủy ban MTTQ xã Quài Nưa xây mới 9 nhà; xã Mường Mùn 6 nhà.", "6 nhà", "nha_dai_doan_ket"),
    ("Hội LHPN thành phố tiếp tục duy trì chương trình \"Mái ấm tình thương\".\n"
     "Năm 2024, các cấp Hội xây mới 15 căn cho hội viên nghèo.", "15 căn", "nha_mai_am"),
    ("Thị xã phát động phong trào chung tay xóa nhà tạm, nhà dột nát.\n"
     "Đến cuối tháng 9, Ủy ban MTTQ thị xã đã hỗ trợ 57 căn, vượt kế hoạch.", "57 căn", "nha_tam_xoa"),
    # guards: other houses, after another programme, another scheme's money, since the programme began,
    # a kind the body does not report
    ("Hội CCB huyện bàn giao 5 nhà \"Nghĩa tình đồng đội\".\nHội còn sửa chữa 12 nhà khác cho hội viên.", "12 nhà", None),
    ("Hội CCB quận sửa 10 nhà \"Nghĩa tình đồng đội\".\nDịp Tết, Hội tổ chức chương trình \"Xuân ấm áp\" tặng 120 phần "
     "quà.\nNăm tới, Hội phấn đấu sửa chữa 30 nhà cho hội viên.", "30 nhà", None),
    ("Ủy ban MTTQ huyện xây 20 nhà Đại đoàn kết.\nLồng ghép với vốn Chương trình 135, Mặt trận hỗ trợ làm thêm 14 căn "
     "nhà cho hộ nghèo.", "14 căn nhà", None),
    ("Chương trình \"Mái ấm Công đoàn\" của Công đoàn ngành Giáo dục tiếp tục được duy trì.\n"
     "Từ năm 2015 đến nay, Công đoàn ngành đã trao 96 nhà cho đoàn viên.", "96 nhà", None),
    ("Hội Nông dân xã phối hợp xây 3 nhà \"Đại đoàn kết\".\nHội Nông dân huyện sửa chữa 7 nhà cho hội viên.", "7 nhà", None),
]


@pytest.mark.parametrize(("text", "figure", "code"), HOUSE_KIND)
def test_house_kind_named_before(text: str, figure: str, code: str | None) -> None:
    assert code_of(text, figure) == code


# Sessions and attendance in each organization's words: a talk or an exchange ('tọa đàm', 'giao lưu')
# is a session of propaganda and education, members taken through the year's thematic study ('học tập
# chuyên đề') attended a course; people drawn to sessions counted right before them attended those
# sessions, whatever words the two share.
SESSION_WORDS: list[tuple[str, str, str | None]] = [
    ("Hội CCB phường tổ chức 14 buổi tọa đàm về truyền thống cách mạng.", "14 buổi", "tuyen_truyen_buoi"),
    ("Đoàn xã tổ chức 6 buổi giao lưu với cựu thanh niên xung phong cho 450 đoàn viên.", "6 buổi", "tuyen_truyen_buoi"),
    ("Đoàn xã tổ chức 6 buổi giao lưu với cựu thanh niên xung phong cho 450 đoàn viên.", "450 đoàn viên",
     "tuyen_truyen_luot_nguoi"),
    ("Hội Nông dân xã tổ chức cho 520 hội viên học tập chuyên đề năm 2024.", "520 hội viên", "luot_tap_huan"),
    # guards: sessions of study before their people, a match
    ("Công đoàn trường tổ chức 9 buổi sinh hoạt, học tập chuyên đề cho 640 lượt đoàn viên.", "640 lượt đoàn viên",
     "tuyen_truyen_luot_nguoi"),
    ("Đoàn phường tổ chức 4 buổi giao lưu bóng đá giữa các chi đoàn.", "4 buổi", None),
]


@pytest.mark.parametrize(("text", "figure", "code"), SESSION_WORDS)
def test_session_words(text: str, figure: str, code: str | None) -> None:
    assert code_of(text, figure) == code


# Money a body gave that no person or household got: for public works, shared out to places, put into
# a fund; no gift's value.
MONEY_NOT_GIVEN_TO_PEOPLE: list[tuple[str, str, str | None]] = [
    ("Hội Nông dân huyện hỗ trợ 80 triệu đồng làm cầu dân sinh ở thôn Khe Mạ.", "80 triệu đồng", None),
    ("Ủy ban MTTQ xã trao 25 triệu đồng để đổ bê tông 200 m đường thôn.", "25 triệu đồng", None),
    ("Ủy ban MTTQ tỉnh hỗ trợ 12 tỷ đồng cho 40 xã vùng lũ.", "12 tỷ đồng", None),
    ("Hội LHPN huyện trao 15 triệu đồng cho quỹ khuyến học của xã.", "15 triệu đồng", None),
    # guards: money given to households and families
    ("Hội LHPN huyện trao 15 triệu đồng cho 30 hộ nghèo.", "15 triệu đồng", "tri_gia_qua"),
    ("Ủy ban MTTQ huyện hỗ trợ 60 triệu đồng cho các gia đình bị thiệt hại.", "60 triệu đồng", "tri_gia_qua"),
]


@pytest.mark.parametrize(("text", "figure", "code"), MONEY_NOT_GIVEN_TO_PEOPLE)
def test_money_not_given_to_people(text: str, figure: str, code: str | None) -> None:
    assert code_of(text, figure) == code


# A comparison with a past period says the difference after 'là' too: a change, never the level.
COMPARED_IS: list[tuple[str, str, str | None]] = [
    ("Trong tháng, Đoàn xã kết nạp 96 đoàn viên mới, nhiều hơn cùng kỳ năm 2023 là 21 đoàn viên; giới thiệu 8 đoàn "
     "viên ưu tú cho Đảng.", "21 đoàn viên", None),
    ("Hội CCB huyện vận động 210 triệu đồng, cao hơn cùng kỳ năm 2022 là 35 triệu đồng.", "35 triệu đồng", None),
    # guards: the level said first; the difference without 'là'
    ("Trong tháng, Đoàn xã kết nạp 96 đoàn viên mới, nhiều hơn cùng kỳ năm 2023 là 21 đoàn viên; giới thiệu 8 đoàn "
     "viên ưu tú cho Đảng.", "96 đoàn viên", "ket_nap_moi"),
    ("Hội Nông dân tỉnh kết nạp 2.310 hội viên, ít hơn năm trước 190 hội viên.", "190 hội viên", None),
]


@pytest.mark.parametrize(("text", "figure", "code"), COMPARED_IS)
def test_compared_is(text: str, figure: str, code: str | None) -> None:
    assert code_of(text, figure) == code


# The members or households a body's entrusted loans went to, said with the balance they hold, are the
# households in debt, whatever word each organization counts them by; not new loans, times lent, or a
# fund's loans.
BORROWERS: list[tuple[str, str, str | None]] = [
    ("Hội LHPN xã phối hợp Ngân hàng Chính sách xã hội huyện cho 214 hội viên vay, dư nợ ủy thác 9,6 tỷ đồng.",
     "214 hội viên", "ho_du_no"),
    ("Hội CCB phường nhận ủy thác cho 96 hội viên vay vốn ưu đãi, dư nợ đến nay 4,1 tỷ đồng.", "96 hội viên", "ho_du_no"),
    ("Hội Nông dân xã quản lý vốn Ngân hàng Chính sách xã hội qua 6 tổ tiết kiệm và vay vốn, tạo điều kiện cho 318 hộ "
     "hội viên vay, dư nợ trên 15 tỷ đồng.", "318 hộ hội viên", "ho_du_no"),
    # guards: new loans disbursed, times lent by a fund
    ("Hội CCB xã phối hợp Ngân hàng Chính sách xã hội giải ngân cho 7 hộ hội viên vay 350 triệu đồng, dư nợ ủy thác "
     "đạt 12 tỷ đồng.", "7 hộ hội viên", None),
    ("Quỹ Hỗ trợ nông dân xã cho 120 lượt hội viên vay, dư nợ 2,4 tỷ đồng.", "120 lượt hội viên", None),
]


@pytest.mark.parametrize(("text", "figure", "code"), BORROWERS)
def test_borrowers(text: str, figure: str, code: str | None) -> None:
    assert code_of(text, figure) == code


# The cost of a work done after the verb that raised people for it ('vận động nhân dân … làm …, kinh
# phí …'): what the work cost, whoever paid, is not money raised (issue 15, benchmarks/unseen_errors.py
# 'code false: counted thing differs', src_af). Guards: money the verb raises itself, named as such.
COST_OF_WORK: list[tuple[str, str, str | None]] = [
    ("Năm qua, Ủy ban MTTQ xã vận động nhân dân cùng Nhà nước làm 3 km đường bê tông nội đồng, kinh phí trên "
     "2,1 tỷ đồng.", "trên 2,1 tỷ đồng", None),
    ("Mặt trận xã vận động nhân dân sửa chữa 2 cây cầu dân sinh, chi phí hơn 300 triệu đồng.", "hơn 300 triệu đồng", None),
    ("Ủy ban MTTQ phường vận động nhân dân cùng Nhà nước bê tông hóa 1,2 km ngõ xóm, kinh phí 800 triệu đồng.",
     "800 triệu đồng", None),
    ("Mặt trận xã vận động bà con đào 3 km kênh nội đồng, kinh phí gần 400 triệu đồng.", "gần 400 triệu đồng", None),
    # and its share put in by the people ('…, trong đó nhân dân đóng góp …'): a part of that cost
    ("Năm qua, Ủy ban MTTQ xã vận động nhân dân cùng Nhà nước làm 3 km đường bê tông nội đồng, kinh phí trên 2,1 tỷ đồng, "
     "trong đó nhân dân đóng góp 400 triệu đồng.", "400 triệu đồng", None),
    ("Mặt trận xã vận động bà con đào 3 km kênh nội đồng, kinh phí gần 400 triệu đồng, trong đó các hộ hưởng lợi đóng góp "
     "90 triệu đồng.", "90 triệu đồng", None),
    # guards
    ("Mặt trận xã vận động được 300 triệu đồng, trong đó nhân dân đóng góp 120 triệu đồng.", "120 triệu đồng", "ho_tro_kinh_phi"),
    ("Ủy ban MTTQ xã vận động kinh phí 200 triệu đồng cho Quỹ khuyến học.", "200 triệu đồng", "ho_tro_kinh_phi"),
    ("Mặt trận xã vận động các nhà hảo tâm ủng hộ đồng bào vùng lũ với tổng kinh phí 90 triệu đồng.",
     "90 triệu đồng", "ho_tro_kinh_phi"),
]


@pytest.mark.parametrize(("text", "figure", "code"), COST_OF_WORK)
def test_cost_of_work(text: str, figure: str, code: str | None) -> None:
    assert code_of(text, figure) == code


# Branches a clause goes on to say have or lack something ('N chi hội có …', 'N/M Hội … huyện, thị xã có
# …', 'không còn …'): the ones that do, a part, not how many branches there are (issue 15,
# benchmarks/unseen_errors.py 'code false: counted thing differs', src_ae, src_an). Guards: the total,
# and what all of them hold ('có tổng số …', 'với …').
SUBSET_HAVING: list[tuple[str, str, str | None]] = [
    ("Hội Nông dân huyện có 146 chi hội; hiện 38 chi hội có quỹ xoay vòng trên 30 triệu đồng.", "38 chi hội", None),
    ("Vẫn còn 4/12 Hội LHPN xã, thị trấn có tỷ lệ tập hợp hội viên dưới 70%.", "4", None),
    ("Hội Nông dân xã quản lý 12 chi hội; 7 chi hội đều có tổ hợp tác trồng rau an toàn.", "7 chi hội", None),
    ("Đoàn Thanh niên huyện có 64 chi đoàn; trong năm, 21 chi đoàn có đội hình tình nguyện thường trực.", "21 chi đoàn", None),
    # guards
    ("Hội Nông dân huyện có 146 chi hội; hiện 38 chi hội có quỹ xoay vòng trên 30 triệu đồng.", "146 chi hội", "chi_hoi"),
    ("Hội Cựu chiến binh huyện hiện có 54 chi hội, có tổng số 3.120 hội viên.", "54 chi hội", "chi_hoi"),
    ("Hội LHPN xã có 12 chi hội với 1.860 hội viên.", "12 chi hội", "chi_hoi"),
]


@pytest.mark.parametrize(("text", "figure", "code"), SUBSET_HAVING)
def test_subset_having(text: str, figure: str, code: str | None) -> None:
    assert code_of(text, figure) == code


# A bare fund ('quỹ hội đạt …', 'quỹ đạt …') after another of the six bodies was named since the fund last
# named (the next item of a list of bodies, the next sentence's subject): that body's own fund, not the
# fund named before, whose body and code it took (issue 15, benchmarks/unseen_errors.py 'code false:
# counted thing differs', src_an). Guard: the bare fund right after its own name.
def figure_of(text: str, figure: str) -> tuple[str | None, str | None]:
    found = [f for f in extract_text(text)["figures"] if f["text"] == figure]
    assert found
    return found[0]["org"], found[0]["indicator_code"]


BARE_FUND_AFTER_ANOTHER_BODY: list[tuple[str, str, str | None, str | None]] = [
    ("- Hội Nông dân xã: 1.240 hộ đăng ký danh hiệu nông dân sản xuất giỏi; Quỹ Hỗ trợ nông dân xã đạt 960 triệu đồng.\n"
     "- Hội LHPN xã: kết nạp 45 hội viên mới.\n"
     "- Hội Cựu chiến binh xã: kết nạp 12 hội viên; quỹ hội đạt 530 triệu đồng.", "530 triệu đồng", "ccb", None),
    ("Hội Nông dân phường giải ngân Quỹ Hỗ trợ nông dân cho 14 hộ vay. Hội Cựu chiến binh phường tổ chức 6 buổi sinh hoạt "
     "chuyên đề; quỹ đạt 410 triệu đồng.", "410 triệu đồng", "ccb", None),
    # guard
    ("Quỹ Hỗ trợ nông dân xã được bổ sung 200 triệu đồng từ ngân sách; hiện quỹ đạt 1,5 tỷ đồng.", "1,5 tỷ đồng", "nongdan",
     "quy_ho_tro_nong_dan"),
]


@pytest.mark.parametrize(("text", "figure", "org", "code"), BARE_FUND_AFTER_ANOTHER_BODY)
def test_bare_fund_after_another_body(text: str, figure: str, org: str | None, code: str | None) -> None:
    assert figure_of(text, figure) == (org, code)


# The fund as the giver of an amount ('được Quỹ "…" huyện hỗ trợ 50 triệu đồng'): money out of the fund,
# not raised into it (issue 15, benchmarks/unseen_errors.py 'code false: counted thing differs', src_ah).
# Guard: what was raised into the fund in the same sentence.
FUND_GAVE: list[tuple[str, str, str | None]] = [
    ("Ủy ban MTTQ huyện bàn giao 3 nhà Đại đoàn kết cho hộ nghèo. Căn nhà của bà Hờ Thị Mai được Quỹ \"Vì người nghèo\" "
     "tỉnh hỗ trợ 45 triệu đồng.", "45 triệu đồng", None),
    ("Trong đợt cao điểm, Ủy ban MTTQ xã vận động Quỹ \"Vì người nghèo\" được 260 triệu đồng; gia đình anh Lò Văn Sơn "
     "được Quỹ \"Vì người nghèo\" xã hỗ trợ thêm 20 triệu đồng để sửa nhà.", "20 triệu đồng", None),
    # guard
    ("Trong đợt cao điểm, Ủy ban MTTQ xã vận động Quỹ \"Vì người nghèo\" được 260 triệu đồng; gia đình anh Lò Văn Sơn "
     "được Quỹ \"Vì người nghèo\" xã hỗ trợ thêm 20 triệu đồng để sửa nhà.", "260 triệu đồng", "quy_vi_nguoi_ngheo"),
]


@pytest.mark.parametrize(("text", "figure", "code"), FUND_GAVE)
def test_fund_gave(text: str, figure: str, code: str | None) -> None:
    assert code_of(text, figure) == code


# A body's own gift into a fund ('ủng hộ quỹ … tổng cộng …', 'đóng góp vào quỹ …') with no verb of raising
# before it in the sentence: given, not money the body raised (issue 15, benchmarks/unseen_errors.py
# 'code false: counted thing differs', src_ai). Guards: the members' gifts the body raised.
GAVE_INTO_FUND: list[tuple[str, str, str | None]] = [
    ("Chi hội Cựu chiến binh thôn Đông tổ chức 4 buổi sinh hoạt; ủng hộ quỹ phòng, chống thiên tai của xã tổng cộng "
     "6,5 triệu đồng.", "6,5 triệu đồng", None),
    ("Hội Nông dân xã thăm 12 hội viên ốm đau; đóng góp vào quỹ khuyến học của xã 8 triệu đồng.", "8 triệu đồng", None),
    # guards
    ("Hội Cựu chiến binh xã vận động hội viên ủng hộ quỹ phòng, chống thiên tai được 14 triệu đồng.", "14 triệu đồng",
     "ho_tro_kinh_phi"),
    ("Hội Nông dân xã vận động hội viên ủng hộ được 9 triệu đồng.", "9 triệu đồng", "ho_tro_kinh_phi"),
]


@pytest.mark.parametrize(("text", "figure", "code"), GAVE_INTO_FUND)
def test_gave_into_fund(text: str, figure: str, code: str | None) -> None:
    assert code_of(text, figure) == code


# Groups the members take part in ('Hội viên tham gia 186 tổ tự quản về an ninh, trật tự'): the area's or
# another body's groups, not models the body founded or runs (issue 15, benchmarks/unseen_errors.py 'code
# false: counted thing differs', src_ae). Guards: groups the body keeps or founds.
JOINED_GROUPS: list[tuple[str, str, str | None]] = [
    ("Hội viên cựu chiến binh tham gia 74 tổ tự quản giữ gìn an ninh, trật tự ở khu dân cư.", "74 tổ", None),
    ("Đoàn viên, thanh niên tham gia hơn 30 tổ tự quản bảo vệ môi trường tại các thôn.", "hơn 30 tổ", None),
    # guards
    ("Hội Cựu chiến binh xã duy trì 6 tổ tự quản an ninh, trật tự.", "6 tổ", "mo_hinh_cau_lac_bo"),
    ("Hội Nông dân xã thành lập 3 câu lạc bộ nông dân sản xuất giỏi.", "3 câu lạc bộ", "mo_hinh_cau_lac_bo"),
]


@pytest.mark.parametrize(("text", "figure", "code"), JOINED_GROUPS)
def test_joined_groups(text: str, figure: str, code: str | None) -> None:
    assert code_of(text, figure) == code


# Units or bodies that take part in an activity, as the subject of 'tham gia' ('8 chi hội … tham gia
# trồng cây', '9 tổ hợp tác đã tham gia …'): the participants counted, not how many branches the body
# has nor models it founded or runs (issue 15, 'code false: counted thing differs', src_ao; in the dev
# gold no branch or group counted right before 'tham gia' is coded, only a volunteer team's own count).
UNITS_TAKING_PART: list[tuple[str, str, str | None]] = [
    ("Ngày hội thu hút gần 300 đoàn viên của 9 chi đoàn khối trường học tham gia trồng cây ven sông.", "9 chi đoàn", None),
    ("Sau hội nghị, 7 tổ hợp tác đã tham gia chuỗi cung ứng rau an toàn cho siêu thị.", "7 tổ hợp tác", None),
    ("Năm nay có 11 câu lạc bộ nông dân cùng tham gia hội thi nhà nông đua tài cấp huyện.", "11 câu lạc bộ", None),
    # guards
    ("Toàn huyện hiện có 14 chi đoàn với 520 đoàn viên.", "14 chi đoàn", "chi_hoi"),
    ("Hội Nông dân xã duy trì 9 câu lạc bộ, thu hút 240 hội viên tham gia.", "9 câu lạc bộ", "mo_hinh_cau_lac_bo"),
]


@pytest.mark.parametrize(("text", "figure", "code"), UNITS_TAKING_PART)
def test_units_taking_part(text: str, figure: str, code: str | None) -> None:
    assert code_of(text, figure) == code


# The attendance of sessions or classes two bodies held together ('Hội Nông dân và Hội Phụ nữ xã cùng tổ
# chức 5 buổi nói chuyện … cho 420 lượt hội viên'): the people they were held for attended them, as when one
# body holds them (issue 15, 'code missing', src_an's dev texts: the item before was read for one body only).
JOINT_ATTENDANCE: list[tuple[str, str, str | None]] = [
    ("Huyện đoàn và Hội Cựu chiến binh huyện phối hợp tổ chức 3 buổi nói chuyện về biển đảo quê hương cho 510 lượt đoàn viên.",
     "510 lượt đoàn viên", "tuyen_truyen_luot_nguoi"),
    ("Công đoàn và Đoàn Thanh niên công ty phối hợp tổ chức 2 buổi tọa đàm về an toàn lao động với 260 công nhân.",
     "260 công nhân", "tuyen_truyen_luot_nguoi"),
    # guard: a figure that is no one's attendance
    ("Hội Nông dân và Hội Phụ nữ xã cùng tổ chức 2 buổi nói chuyện; 35 hội viên được tặng giấy khen.", "35 hội viên", None),
]


@pytest.mark.parametrize(("text", "figure", "code"), JOINT_ATTENDANCE)
def test_joint_attendance(text: str, figure: str, code: str | None) -> None:
    assert code_of(text, figure) == code

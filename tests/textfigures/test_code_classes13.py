"""Indicator codes and kinds by class (issue 15, thirteenth pass): classes that recur on the fresh
sets' dev texts read by the engine of the commit that added each set (benchmarks/unseen_errors.py
--verbose, benchmarks/unseen_codes.py --verbose) and that today's engine still got wrong. Every row is
a sentence written for these tests, in wording of its own; the rows of a class fail before its rule,
the guards (marked) read as before.
"""

from __future__ import annotations

from typing import Any

import pytest

from giaoban.textfigures import extract_text


def figure_of(text: str, figure: str) -> dict[str, Any]:
    found = [f for f in extract_text(text)["figures"] if f["text"] == figure]
    assert found, [(f["text"], f["unit"], f["kind"], f["indicator_code"]) for f in extract_text(text)["figures"]]
    return found[0]


# A change of a rate in percentage points ('tăng 1,8 điểm phần trăm', 'nhích 2,5 điểm %'): the
# difference of two shares, a change whatever word says how it moved (or none: 'hơn năm trước 2 điểm
# phần trăm'), counted in points of a percent, never in 'điểm', the places where voters are met
# (diem_tiep_xuc_cu_tri). CONVENTIONS.md reads every such figure so: unit 'điểm phần trăm', kind change.
PERCENTAGE_POINTS: list[tuple[str, str, str, str | None]] = [
    ("Qua các điểm tiếp xúc cử tri, tỷ lệ ý kiến được giải quyết là 78%, nhích 2,5 điểm phần trăm.",
     "2,5 điểm phần trăm", "change", None),
    ("Hội Nông dân xã có 1.820 hội viên, chiếm 71% số hộ nông dân, hơn năm trước 2 điểm phần trăm.",
     "2 điểm phần trăm", "change", None),
    ("Tỷ lệ tập hợp đoàn viên đạt 76,4%, tăng 1,8 điểm % so với đầu nhiệm kỳ.", "1,8 điểm %", "change", None),
    # guards: places where voters are met, a rating in points
    ("Ủy ban MTTQ huyện phối hợp tổ chức 48 điểm tiếp xúc cử tri trước kỳ họp.", "48 điểm", "level",
     "diem_tiep_xuc_cu_tri"),
    ("Tỷ lệ hộ nghèo giảm còn 2,1%.", "2,1%", "share", None),
]


@pytest.mark.parametrize(("text", "figure", "kind", "code"), PERCENTAGE_POINTS)
def test_percentage_points(text: str, figure: str, kind: str, code: str | None) -> None:
    f = figure_of(text, figure)
    assert (f["kind"], f["indicator_code"]) == (kind, code)
    assert f["unit"] == ("điểm phần trăm" if "điểm" in figure and kind == "change" else f["unit"])


# People named 'nhà …' ('nhà hảo tâm', 'nhà tài trợ', 'nhà khoa học') are people, counted in their own
# noun, not houses ('ngôi nhà', whose indicators are the houses a body builds).
PEOPLE_CALLED_NHA: list[tuple[str, str, str]] = [
    ("Hội LHPN huyện kết nối 6 nhà hảo tâm xây tặng nhà \"Mái ấm tình thương\" cho hội viên nghèo.",
     "6 nhà hảo tâm", "person"),
    ("Ủy ban MTTQ xã vận động 11 nhà tài trợ hỗ trợ xây nhà Đại đoàn kết.", "11 nhà tài trợ", "person"),
    ("Công đoàn tỉnh mời 25 nhà khoa học tham gia tư vấn về nhà ở cho công nhân.", "25 nhà khoa học", "person"),
    ("Dịp Tết, 7 mạnh thường quân trao 40 suất quà cho hộ nghèo của xã.", "7 mạnh thường quân", "person"),
]


@pytest.mark.parametrize(("text", "figure", "category"), PEOPLE_CALLED_NHA)
def test_people_called_nha(text: str, figure: str, category: str) -> None:
    f = figure_of(text, figure)
    assert f["unit"] not in ("ngôi nhà", None) and f["indicator_code"] is None


def test_houses_still_houses() -> None:  # guard: a house is still a house, and its code stays
    f = figure_of("Năm nay, Hội LHPN huyện bàn giao 6 nhà \"Mái ấm tình thương\" cho hội viên nghèo.", "6 nhà")
    assert (f["unit"], f["indicator_code"]) == ("ngôi nhà", "nha_mai_am")


# The members of the Youth Union's grassroots unions counted right after them by their names ('23 Đoàn
# xã, thị trấn với gần 9.400 đoàn viên', '41 Đoàn phường, xã trực thuộc, với trên 27.000 đoàn viên'):
# the membership (tong_hoi_vien), as after '312 chi hội' or '64 công đoàn cơ sở'; the units counted
# themselves stay uncoded as the gold reads them.
MEMBERS_AFTER_UNIONS: list[tuple[str, str, str | None]] = [
    ("Cuối năm, Huyện đoàn quản lý 23 Đoàn xã, thị trấn với gần 9.400 đoàn viên.", "gần 9.400 đoàn viên", "tong_hoi_vien"),
    ("Sau sắp xếp, Thành đoàn có 41 Đoàn phường trực thuộc với trên 27.000 đoàn viên.", "trên 27.000 đoàn viên",
     "tong_hoi_vien"),
    # guards: the units themselves; members of the units founded; people who take part in an action
    ("Sau sắp xếp, Thành đoàn có 41 Đoàn phường trực thuộc với trên 27.000 đoàn viên.", "41 Đoàn phường", None),
    ("Hội LHPN huyện có 14 cơ sở Hội với 12.300 hội viên.", "12.300 hội viên", "tong_hoi_vien"),
    ("Tỉnh đoàn thành lập mới 3 chi đoàn với 46 đoàn viên.", "46 đoàn viên", None),
]


@pytest.mark.parametrize(("text", "figure", "code"), MEMBERS_AFTER_UNIONS)
def test_members_after_unions(text: str, figure: str, code: str | None) -> None:
    assert figure_of(text, figure)["indicator_code"] == code


# People who take part ('N đoàn viên, thanh niên … tham gia') in what their sentence, or the sentence
# before it in the paragraph, names: the times of people the indicator of that activity counts (a
# volunteer campaign named in a clause before, in the campaign's own name as the subject, or after
# 'tham gia' in words the gate holds loose). Only indicators that count times of people; not when the
# sentence names a sport, nor the members of a body.
TAKING_PART: list[tuple[str, str, str | None]] = [
    ("Huyện đoàn tổ chức Ngày hội hiến máu tình nguyện; vận động 90 đoàn viên, thanh niên tham gia.",
     "90 đoàn viên, thanh niên", "luot_dvtn_tinh_nguyen"),
    ("Chiến dịch Thanh niên tình nguyện hè năm nay thu hút 5.400 lượt đoàn viên, thanh niên tham gia.",
     "5.400 lượt đoàn viên, thanh niên", "luot_dvtn_tinh_nguyen"),
    ("Sáng 3/5, Đoàn phường ra quân Ngày Chủ nhật xanh tại khu dân cư số 4. Hơn 80 đoàn viên, thanh niên "
     "tham gia dọn vệ sinh, khơi thông cống rãnh.", "Hơn 80 đoàn viên, thanh niên", "luot_dvtn_tinh_nguyen"),
    ("Mùa hè này, Thành Đoàn dự kiến khoảng 4.000 đoàn viên sẽ tham gia các hoạt động tình nguyện tại 12 xã vùng sâu.",
     "khoảng 4.000 đoàn viên", "luot_dvtn_tinh_nguyen"),
    # guards: a sport, the members of a body, people helped, no activity named
    ("Đoàn xã tổ chức giải bóng đá chào mừng Tháng Thanh niên tình nguyện; 160 đoàn viên tham gia.",
     "160 đoàn viên", None),
    ("Hội Nông dân xã tổ chức hội nghị sơ kết 6 tháng; 120 hội viên tham gia.", "120 hội viên", None),
    ("Đoàn xã ra quân Ngày Chủ nhật xanh. Tuần qua, Đoàn xã tặng quà cho 45 đoàn viên có hoàn cảnh khó khăn.",
     "45 đoàn viên", None),
    ("Đoàn phường phát động phong trào học tập. Có 300 đoàn viên tham gia cuộc thi trực tuyến.", "300 đoàn viên", None),
]


@pytest.mark.parametrize(("text", "figure", "code"), TAKING_PART)
def test_taking_part(text: str, figure: str, code: str | None) -> None:
    assert figure_of(text, figure)["indicator_code"] == code


# The former level of a rise or a fall written with the scale word only after the new one ('tăng từ 1,2
# lên 1,8 tỷ đồng', 'giảm từ 950 xuống 870 triệu đồng'): the scale is the first number's too, as in a
# range ('từ 30 đến 100 triệu đồng'), so its value is 1.2 thousand million, not 1.2.
FROM_TO_SCALE: list[tuple[str, str, float]] = [
    ("Quỹ Hỗ trợ nông dân của huyện tăng từ 1,2 lên 1,8 tỷ đồng.", "1,2", 1_200_000_000),
    ("Dư nợ quá hạn giảm từ 950 xuống 870 triệu đồng.", "950", 950_000_000),
    # guards: a count, a scale of its own, the range
    ("Số hội viên tăng từ 402 lên 468 chị.", "402", 402),
    ("Quỹ tăng từ 1 tỷ lên 1,5 tỷ đồng.", "1 tỷ", 1_000_000_000),
    ("Mỗi hộ được vay từ 30 đến 100 triệu đồng.", "30", 30_000_000),
]


@pytest.mark.parametrize(("text", "figure", "value"), FROM_TO_SCALE)
def test_from_to_scale(text: str, figure: str, value: float) -> None:
    assert figure_of(text, figure)["value"] == value


# An amount whose own purpose, gifts, is said right after it ('phân bổ 180 triệu đồng thăm hỏi, tặng quà Tết
# …', '…, 35 triệu đồng thăm, tặng quà người cao tuổi'): the value of the gifts given (tri_gia_qua), not
# what the words of another item of its sentence name, nor nothing; money raised for gifts stays raised,
# another body's stays uncoded.
GIFT_PURPOSE_AFTER: list[tuple[str, str, str | None]] = [
    ("Ban Thường trực Ủy ban MTTQ huyện phân bổ 180 triệu đồng thăm hỏi, tặng quà Tết cho hộ nghèo.", "180 triệu đồng",
     "tri_gia_qua"),
    ("Hội Nông dân xã dành 42 triệu đồng tặng quà cho hội viên ốm đau.", "42 triệu đồng", "tri_gia_qua"),
    ("Ủy ban MTTQ xã chi 95 triệu đồng, trong đó 60 triệu đồng hỗ trợ làm 1 nhà Đại đoàn kết, 35 triệu đồng thăm, "
     "tặng quà người cao tuổi neo đơn.", "35 triệu đồng", "tri_gia_qua"),
    # guards: raised for gifts, another body's, the house's share
    ("Hội CCB huyện vận động hội viên được 65 triệu đồng để thăm hỏi, tặng quà đồng đội.", "65 triệu đồng",
     "ho_tro_kinh_phi"),
    ("Tại buổi lễ, Công ty May Hòa Bình chi 50 triệu đồng tặng quà công nhân.", "50 triệu đồng", None),
    ("Ủy ban MTTQ xã chi 95 triệu đồng, trong đó 60 triệu đồng hỗ trợ làm 1 nhà Đại đoàn kết, 35 triệu đồng thăm, "
     "tặng quà người cao tuổi neo đơn.", "60 triệu đồng", "kinh_phi_nha_dai_doan_ket"),
]


@pytest.mark.parametrize(("text", "figure", "code"), GIFT_PURPOSE_AFTER)
def test_gift_purpose_after(text: str, figure: str, code: str | None) -> None:
    assert figure_of(text, figure)["indicator_code"] == code


# The two ends of a range ('từ 300 đến 350 suất quà', 'mỗi suất trị giá từ 500.000 đến 700.000 đồng') count one
# thing and are read alike, as the gold reads them (two figures, one code or none: 'kết nạp từ 8.000 đến 11.000
# đoàn viên'): the first end is named by the range's words (its unit is the second's), the second by the words
# before the range (an amount per item, whom for).
RANGES: list[tuple[str, str, str | None]] = [
    ("Các cấp Hội đã trao từ 300 đến 350 suất quà cho hội viên khó khăn.", "300", "suat_qua"),
    ("Mỗi suất quà trị giá từ 500.000 đến 700.000 đồng.", "700.000 đồng", None),
    # guards: the second end, the first end per item, a target with its words before
    ("Các cấp Hội đã trao từ 300 đến 350 suất quà cho hội viên khó khăn.", "350 suất quà", "suat_qua"),
    ("Mỗi suất quà trị giá từ 500.000 đến 700.000 đồng.", "500.000", None),
    ("Hội phấn đấu mỗi năm kết nạp từ 1.200 đến 1.500 hội viên mới.", "1.200", "ket_nap_moi"),
    ("Hội phấn đấu mỗi năm kết nạp từ 1.200 đến 1.500 hội viên mới.", "1.500 hội viên", "ket_nap_moi"),
]


@pytest.mark.parametrize(("text", "figure", "code"), RANGES)
def test_ranges(text: str, figure: str, code: str | None) -> None:
    assert figure_of(text, figure)["indicator_code"] == code


# A day/month right after a time of the day, then a body's name ('Sáng 15/8 Đoàn xã tổ chức …', 'Chiều 20/10
# Hội LHPN huyện trao …'), or a 'part' larger than its 'whole' ('15/8 Đoàn xã'): a date, no pair of figures
# counted in the body's name ('Đoàn xã', 'Hội LHPN' are counted nouns of the lexicon). Not the light of
# 'thắp sáng', nor a part of a whole.
DATE_BEFORE_A_BODY: list[tuple[str, list[str]]] = [
    ("Sáng 15/8 Đoàn xã tổ chức ra quân làm sạch môi trường.", []),
    ("Tối 2/9 Đoàn phường tổ chức đêm văn nghệ chào mừng Quốc khánh.", []),
    ("Chiều 20/10 Hội LHPN huyện trao 40 suất quà cho hội viên.", ["40 suất quà"]),
    # guards
    ("Đến nay có 8/12 Đoàn xã hoàn thành đại hội.", ["8", "12 Đoàn xã"]),
    ("Năm nay Hội thắp sáng 3/5 tuyến đường.", ["3", "5 tuyến đường"]),
]


@pytest.mark.parametrize(("text", "figures"), DATE_BEFORE_A_BODY)
def test_date_before_a_body(text: str, figures: list[str]) -> None:
    assert [f["text"] for f in extract_text(text)["figures"]] == figures


# A change with its comparison base and its noun left out ('… kết nạp 64 hội viên, tăng 9 so với quý I', '… là
# 37, giảm 3 so với cùng kỳ'): a figure, of kind change, counted in the noun of the figure right before it in
# its sentence, uncoded; not after money or a share (another scale), nor across a sentence.
ELIDED_CHANGE: list[tuple[str, list[tuple[str, str | None, str]]]] = [
    ("Trong quý II, Hội LHPN huyện kết nạp 64 hội viên, tăng 9 so với quý I.",
     [("64 hội viên", "hội viên", "level"), ("9", "hội viên", "change")]),
    ("Toàn huyện có 112 tổ hòa giải, giảm 4 so với năm 2023.", [("112 tổ", "tổ", "level"), ("4", "tổ", "change")]),
    # guards
    ("Hội vận động được 45 triệu đồng, tăng 12 so với cùng kỳ.", [("45 triệu đồng", "đồng", "level")]),
    ("Hội có 640 hội viên. Tăng 12 so với năm trước là nhờ công tác vận động.", [("640 hội viên", "hội viên", "level")]),
]


@pytest.mark.parametrize(("text", "figures"), ELIDED_CHANGE)
def test_elided_change(text: str, figures: list[tuple[str, str | None, str]]) -> None:
    found = extract_text(text)["figures"]
    assert [(f["text"], f["unit"], f["kind"]) for f in found] == figures
    assert all(f["indicator_code"] is None for f in found if f["kind"] == "change")


# A comparison that names what is compared before its time ('cao hơn số vận động được năm 2021 gần 600 triệu
# đồng', 'nhiều hơn kết quả cùng kỳ năm trước 45 hội viên'): the figure is the difference, a change, not the
# level the words of its sentence name.
COMPARED_NAMED: list[tuple[str, str, str, str | None]] = [
    ("Năm 2022, Mặt trận tỉnh vận động Quỹ \"Vì người nghèo\" được 9,5 tỷ đồng, cao hơn số vận động được năm 2021 "
     "gần 600 triệu đồng.", "gần 600 triệu đồng", "change", None),
    ("Hội LHPN huyện kết nạp 320 hội viên, nhiều hơn kết quả cùng kỳ năm trước 45 hội viên.", "45 hội viên", "change",
     None),
    # guards: the level itself, a comparison of the time alone
    ("Năm 2022, Mặt trận tỉnh vận động Quỹ \"Vì người nghèo\" được 9,5 tỷ đồng, cao hơn số vận động được năm 2021 "
     "gần 600 triệu đồng.", "9,5 tỷ đồng", "level", "quy_vi_nguoi_ngheo"),
    ("Quỹ Hỗ trợ nông dân đạt 12 tỷ đồng, cao hơn năm 2023 gần 2 tỷ đồng.", "gần 2 tỷ đồng", "change", None),
]


@pytest.mark.parametrize(("text", "figure", "kind", "code"), COMPARED_NAMED)
def test_compared_named(text: str, figure: str, kind: str, code: str | None) -> None:
    f = figure_of(text, figure)
    assert (f["kind"], f["indicator_code"]) == (kind, code)


# The members' own money beside the entrusted loans: the savings of the women's groups ('số tiền tiết kiệm 3,2
# tỷ đồng' after 'Bên cạnh vốn chính sách, …') and a body's internal fund ('quỹ nội bộ của các cấp Hội đạt 41 tỷ
# đồng' after the entrusted balance) are not the Social Policy Bank's balance (du_no_uy_thac), neither by the
# words of the sentence (catalogue excludes) nor as the next item of an enumeration (what the owner has, named
# before it, is the item's thing).
OWN_MONEY_BESIDE_LOANS: list[tuple[str, str, str | None]] = [
    ("Bên cạnh vốn chính sách, Hội LHPN huyện duy trì 64 tổ phụ nữ tiết kiệm với 1.200 thành viên, số tiền tiết "
     "kiệm 3,2 tỷ đồng.", "3,2 tỷ đồng", None),
    ("Ngoài nguồn vốn ủy thác, Hội CCB huyện còn có quỹ nội bộ đạt 3,6 tỷ đồng.", "3,6 tỷ đồng", None),
    ("Hội CCB tỉnh nhận ủy thác với dư nợ 212 tỷ đồng, hơn 8.400 hộ đang vay; quỹ nội bộ của các cấp Hội đạt 41 tỷ "
     "đồng, cho 980 lượt hội viên vay.", "41 tỷ đồng", None),
    # guards: the balance, the next body's balance in an enumeration
    ("Hội CCB tỉnh nhận ủy thác với dư nợ 212 tỷ đồng, hơn 8.400 hộ đang vay; quỹ nội bộ của các cấp Hội đạt 41 tỷ "
     "đồng, cho 980 lượt hội viên vay.", "212 tỷ đồng", "du_no_uy_thac"),
    ("Dư nợ ủy thác của Hội LHPN tỉnh đạt 1.640 tỷ đồng; của Hội Nông dân tỉnh 1.280 tỷ đồng.", "1.280 tỷ đồng",
     "du_no_uy_thac"),
]


@pytest.mark.parametrize(("text", "figure", "code"), OWN_MONEY_BESIDE_LOANS)
def test_own_money_beside_loans(text: str, figure: str, code: str | None) -> None:
    assert figure_of(text, figure)["indicator_code"] == code

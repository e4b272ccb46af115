"""Conventions 21 to 23 of tests/fixtures/corpus/CONVENTIONS.md (issue 15), each as a class in new wording:
money taken into the Front's fund as a whole is the Front's receipts (21); the Front and its organizations as
one subject past the Front's committee of a residential area and an outside body (22); a number written in
words is read as its digits, and the number naming the fixed group acting is no figure in words either (23).
Every row failed before its fix, except the guards (wording that must keep its answer)."""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text

ALL = ["ccb", "congdoan", "doan", "mttq", "nongdan", "phunu"]
HOI4 = ["ccb", "doan", "nongdan", "phunu"]


def found(text: str) -> list:
    return [
        (f["text"], sorted(f["orgs"]) if f.get("orgs") else f["org"], f["indicator_code"])
        for f in extract_text(text)["figures"]
    ]


FUND_RECEIPTS: list[tuple[str, list]] = [
    # 21: what the Front's fund (or the Front) took in as a whole, its givers named all together after it
    (
        "Năm 2024, Quỹ cứu trợ của tỉnh đã tiếp nhận hơn 12 tỷ đồng do các cơ quan, đơn vị, doanh nghiệp và nhà hảo tâm "
        "ủng hộ đồng bào vùng lũ.\n",
        [("hơn 12 tỷ đồng", "mttq", "ho_tro_kinh_phi")],
    ),
    (
        "Trong đợt cao điểm, Ban Thường trực Ủy ban MTTQ huyện tiếp nhận 3,6 tỷ đồng do các doanh nghiệp, nhà hảo tâm "
        "trong và ngoài huyện ủng hộ.\n",
        [("3,6 tỷ đồng", "mttq", "ho_tro_kinh_phi")],
    ),
    # … or as the subject with the total the fund received
    (
        'Đến nay, các cơ quan, doanh nghiệp đã ủng hộ Quỹ "Vì người nghèo" của huyện với tổng số tiền 5,2 tỷ đồng.\n',
        [("5,2 tỷ đồng", "mttq", "quy_vi_nguoi_ngheo")],
    ),
]
FUND_RECEIPTS_GUARDS: list[tuple[str, list]] = [
    # one giver's gift, even into the fund; a part set apart as some givers'; a gift passed on through the Front
    (
        'Công ty Cổ phần Cấp nước tỉnh ủng hộ Quỹ "Vì người nghèo" 200 triệu đồng.\n',
        [("200 triệu đồng", "other", None)],
    ),
    (
        "Mặt trận tỉnh tiếp nhận 9 tỷ đồng ủng hộ đồng bào bị bão; trong đó 4 tỷ đồng do các doanh nghiệp trong khu công "
        "nghiệp ủng hộ.\n",
        [("9 tỷ đồng", "mttq", "ho_tro_kinh_phi"), ("4 tỷ đồng", "other", None)],
    ),
    (
        "Các doanh nghiệp, nhà hảo tâm ủng hộ qua Ủy ban MTTQ huyện 2,5 tỷ đồng cho chương trình xóa nhà tạm.\n",
        [("2,5 tỷ đồng", "other", None)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    FUND_RECEIPTS + FUND_RECEIPTS_GUARDS,
    ids=[t[:40] for t, _ in FUND_RECEIPTS + FUND_RECEIPTS_GUARDS],
)
def test_fund_receipts_are_the_fronts(text: str, expected: list) -> None:
    assert found(text) == expected


FRONT_WITH_ITS_ORGANIZATIONS: list[tuple[str, list]] = [
    # 22: the Front's committee of a residential area with the organizations, an outside body between them or not
    (
        "Năm 2023, Ban Công tác Mặt trận khu phố cùng Ban điều hành khu phố và các đoàn thể vận động người dân góp "
        "420 ngày công sửa đường.\n",
        [("420 ngày công", ALL, "ngay_cong")],
    ),
    (
        "Ban Công tác Mặt trận thôn cùng các đoàn thể vận động bà con hiến 900 m2 đất làm đường.\n",
        [("900 m2", ALL, None)],
    ),
]
FRONT_WITH_ITS_ORGANIZATIONS_GUARDS: list[tuple[str, list]] = [
    # no organization of the Front with it, or a partner ('phối hợp', convention 8): the Front's
    (
        "Ban Công tác Mặt trận thôn cùng Ban điều hành thôn vận động bà con góp 150 ngày công.\n",
        [("150 ngày công", "mttq", "ngay_cong")],
    ),
    ("Mặt trận xã phối hợp các đoàn thể khởi công 5 nhà Đại đoàn kết.\n", [("5 nhà", "mttq", "nha_dai_doan_ket")]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    FRONT_WITH_ITS_ORGANIZATIONS + FRONT_WITH_ITS_ORGANIZATIONS_GUARDS,
    ids=[t[:40] for t, _ in FRONT_WITH_ITS_ORGANIZATIONS + FRONT_WITH_ITS_ORGANIZATIONS_GUARDS],
)
def test_front_with_its_organizations(text: str, expected: list) -> None:
    assert found(text) == expected


NUMBERS_IN_WORDS: list[tuple[str, list]] = [
    # 23: the places a number in words counts, read as the digits would be
    (
        "Năm đầu tiên sau khi hợp nhất hai tỉnh Bắc Giang và Bắc Ninh, Hội Nông dân tỉnh kết nạp 2.100 hội viên.\n",
        [("hai tỉnh", None, None), ("2.100 hội viên", "nongdan", "ket_nap_moi")],
    ),
    ("Hội Cựu chiến binh ba huyện Đông Anh, Sóc Sơn và Mê Linh tổ chức giao lưu.\n", [("ba huyện", "ccb", None)]),
    # … and the number naming the fixed group acting is no figure, in words as in digits
    ("Bốn tổ chức hội, đoàn thể nhận ủy thác quản lý 640 tỷ đồng.\n", [("640 tỷ đồng", HOI4, "du_no_uy_thac")]),
]
NUMBERS_IN_WORDS_GUARDS: list[tuple[str, list]] = [
    ("Dư nợ ủy thác qua 4 tổ chức hội, đoàn thể đạt 910 tỷ đồng.\n", [("910 tỷ đồng", HOI4, "du_no_uy_thac")]),
    ("Quỹ hội hai cấp đạt 1,2 tỷ đồng.\n", [("1,2 tỷ đồng", None, None)]),
    ("Một doanh nghiệp may cắt giảm 120 lao động.\n", [("120 lao động", "other", None)]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    NUMBERS_IN_WORDS + NUMBERS_IN_WORDS_GUARDS,
    ids=[t[:40] for t, _ in NUMBERS_IN_WORDS + NUMBERS_IN_WORDS_GUARDS],
)
def test_numbers_in_words(text: str, expected: list) -> None:
    assert found(text) == expected

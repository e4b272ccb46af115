"""Patterns that failed on the fresh set src_u (tests/fixtures/corpus/src_u.py, its development part),
each in new wording: who holds a figure and what it counts."""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text

CTXH = ["ccb", "congdoan", "doan", "nongdan", "phunu"]


def owners(text: str) -> list:
    return [sorted(f["orgs"]) if f["orgs"] else f["org"] for f in extract_text(text)["figures"]]


def codes(text: str) -> list:
    return [f["indicator_code"] for f in extract_text(text)["figures"]]


OWNERS: list[tuple[str, list]] = [
    # 'tổ chức Hội' opening a clause is the association in focus, not the body of the sentence before.
    ("Ủy ban MTTQ tỉnh trao cờ thi đua cho Hội Nông dân tỉnh. Sau sắp xếp, tổ chức Hội có 212 chi hội "
     "với 41.300 hội viên.", ["nongdan", "nongdan"]),
    ("Lãnh đạo UBND huyện tặng bằng khen cho Huyện đoàn. Hiện nay tổ chức Đoàn có 64 chi đoàn.", ["doan"]),
    # A bank named after 'qua' is the channel the loans go through, never their holder.
    ("Hội LHPN xã Tân Lập quản lý 9 tổ vay vốn; dư nợ ủy thác qua ngân hàng đạt 52 tỷ đồng, giúp 1.180 hội viên có vốn.",
     ["phunu", "phunu", "phunu"]),
    # A congress acts for the body whose congress it is: 'Đại hội đại biểu X …' makes X the subject,
    # and a bare 'Đại hội' later is that body again, not the group of the sentence before.
    ("Đại hội MTTQ xã Tân Phú: Mặt trận và các đoàn thể cùng lo an sinh\nNgày 12/10, Đại hội đại biểu MTTQ Việt "
     "Nam xã Tân Phú lần thứ I hiệp thương cử 47 ủy viên.", ["mttq"]),
    ("Ủy ban MTTQ phường An Lạc tổ chức Đại hội đại biểu lần thứ I. Các tổ chức thành viên trao 1.200 suất quà. "
     "Đại hội đề ra 8 chỉ tiêu và hiệp thương cử 49 ủy viên.", [CTXH, "mttq", "mttq"]),
    ("Ngày 5/10, Ủy ban MTTQ Việt Nam phường Tân Hòa (TP. Hồ Chí Minh) tổ chức Đại hội đại biểu lần thứ I. "
     "Các đoàn thể trao 800 suất quà. Đại hội hiệp thương cử 45 ủy viên.", [CTXH, "mttq"]),
    # … but not the Party's congress.
    ("Các đoàn thể trao 300 suất quà. Đại hội Đảng bộ xã đề ra 14 chỉ tiêu.", [CTXH, CTXH]),
    # An official whose office is named speaks for it even with the comma before 'cho biết' and none after.
    ("Ông Lê Văn Hòa, Phó Chủ tịch Ủy ban MTTQ tỉnh, Chủ tịch LĐLĐ tỉnh, cho biết dịp Tết này công đoàn "
     "các cấp trao 9.400 suất quà, tổng trị giá gần 7 tỷ đồng.", ["congdoan", "congdoan"]),
]


@pytest.mark.parametrize("text,expected", OWNERS, ids=[c[0][:50] for c in OWNERS])
def test_owner(text: str, expected: list) -> None:
    assert owners(text) == expected


CODES: list[tuple[str, list]] = [
    # 'có' before a qualifier is the verb 'has': 'hiện có hơn 2.300 hội viên' is the membership.
    ("Hội Nông dân xã hiện có hơn 2.300 hội viên.", ["tong_hoi_vien"]),
    ("Hội CCB phường có trên 640 hội viên.", ["tong_hoi_vien"]),
    # Scholarships are no gifts to members in difficulty, nor is their value a gift's.
    ("Nhân năm học mới, LĐLĐ tỉnh trao 180 suất học bổng cho con đoàn viên, tổng trị giá 540 triệu đồng.", [None, None]),
    # Workers employed by the members' firms are not members: 'toàn tỉnh có' says the membership
    # only right before the number, as 'toàn huyện có' does.
    ("Toàn tỉnh có 4.200 doanh nghiệp, trang trại do hội viên CCB làm chủ, thu hút trên 31.000 lao động.", [None, None]),
    ("Hội Cựu chiến binh tỉnh: toàn tỉnh có 18.400 hội viên.", ["tong_hoi_vien"]),
    # Households helped after they left poverty are not households leaving poverty.
    ("Ủy ban MTTQ xã tặng bò giống cho 14 hộ mới thoát nghèo; giúp 9 hộ thoát nghèo.", [None, "ho_thoat_ngheo"]),
    # The members of units just founded are not the membership.
    ("Liên đoàn Lao động huyện thành lập mới 4 công đoàn cơ sở với 310 đoàn viên.", ["cdcs_thanh_lap", None]),
    ("Liên đoàn Lao động huyện quản lý 96 công đoàn cơ sở với 8.100 đoàn viên.", [None, "tong_hoi_vien"]),
    # Loans through other lenders than the social-policy bank are not its entrusted loans.
    ("Hội LHPN huyện quản lý dư nợ ủy thác qua các tổ chức tài chính vi mô 18 tỷ đồng.", [None]),
    # The members' own mutual fund is not the bank's entrusted loans.
    ("Hội CCB huyện quản lý dư nợ ủy thác 96 tỷ đồng; nguồn vốn hội viên giúp nhau làm kinh tế đạt 12 tỷ đồng.",
     ["du_no_uy_thac", None]),
    # 'hội cơ sở' is the grassroots associations, as 'cơ sở hội' is.
    ("Hội Cựu chiến binh tỉnh hiện có 86 hội cơ sở.", ["chi_hoi"]),
    # A subsidy is no gift.
    ("LĐLĐ huyện trao 5 suất trợ cấp cho gia đình đoàn viên bị tai nạn lao động.", [None]),
    # Money given to people named without a number is given support; lent money is not.
    ("Hội LHPN xã đã hỗ trợ phụ nữ nghèo 120 triệu đồng.", ["tri_gia_qua"]),
    ("Hội Nông dân xã hỗ trợ hội viên vay vốn 2 tỷ đồng.", [None]),
    # Associations counted by their name are grassroots associations; a breakdown in brackets right
    # after a total in the same unit is a part of it, not a further count; a year before a name is no count.
    ("Hội Nông dân tỉnh đã kiện toàn 43 Hội Nông dân cấp xã.", ["chi_hoi"]),
    ("Toàn Hội có 77 hội cơ sở (76 Hội CCB xã, phường và Hội CCB Công ty Than) với 2.140 chi hội.",
     ["chi_hoi", None, "chi_hoi"]),
    ("Năm 2025 Hội Nông dân xã kết nạp 40 hội viên.", ["ket_nap_moi"]),
    # 'kinh phí' alone does not make money spent the cost of Đại đoàn kết houses.
    ("Ủy ban MTTQ phường trao xe đạp, thẻ bảo hiểm y tế và phương tiện sinh kế cho hộ khó khăn; tổng kinh phí "
     "hỗ trợ 150 triệu đồng.", ["tri_gia_qua"]),
    ("Ủy ban MTTQ xã xây mới 6 nhà Đại đoàn kết, tổng kinh phí 360 triệu đồng.", ["nha_dai_doan_ket", "kinh_phi_nha_dai_doan_ket"]),
]


@pytest.mark.parametrize("text,expected", CODES, ids=[c[0][:50] for c in CODES])
def test_code(text: str, expected: list) -> None:
    assert codes(text) == expected

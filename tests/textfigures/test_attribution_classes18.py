"""Whose figure, decided inside one sentence: classes of wording that recur on texts no rule had seen (issue 15;
benchmarks/unseen_errors.py --verbose, benchmarks/unseen_attribution.py --now, dev part only). Each row is a wording
of our own, not a sentence of the corpus; the rows of a class failed on main before its fix (the commit says how
many), the guards passed and must keep passing.
"""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text


def _owners(text: str) -> list:
    return [f["orgs"] or f["org"] for f in extract_text(text)["figures"]]


# The people of the area (or the household helped, its kin) as the subject of their own share, in a clause of a
# body's sentence after a comma ('…, kinh phí 2,1 tỷ đồng, trong đó nhân dân đóng góp 700 triệu đồng', '…, gia đình
# tự có 25 triệu đồng'): their contribution is theirs, `other`, as 'Nhân dân đóng góp 4,6 tỷ đồng' opening a sentence
# is; not the body's that raised the rest (CONVENTIONS.md 2, 5).
PEOPLE_GAVE_IN_A_CLAUSE: list[tuple[str, list]] = [
    (
        "Ủy ban MTTQ xã báo cáo năm 2025.\nMặt trận xã vận động làm 3,2 km đường bê tông, tổng kinh phí 2,1 tỷ đồng, "
        "trong đó nhân dân đóng góp 700 triệu đồng.",
        ["mttq", "mttq", "other"],
    ),
    (
        "Hội Cựu chiến binh huyện báo cáo.\nHội hỗ trợ xây 4 nhà nghĩa tình, mỗi nhà 60 triệu đồng, trong đó gia "
        "đình tự có 25 triệu đồng.",
        ["ccb", "ccb", "other"],
    ),
    (
        "Ủy ban MTTQ phường báo cáo quý III.\nMặt trận phường vận động nâng cấp 2 tuyến hẻm, kinh phí 450 triệu "
        "đồng, trong đó bà con trong khu phố góp 150 triệu đồng.",
        ["mttq", "mttq", "other"],
    ),
    (
        "Hội Nông dân xã báo cáo.\nHội vận động hội viên làm 2 km kênh mương, trong đó các hộ dân hiến 1.200 m2 đất.",
        ["nongdan", "other"],
    ),
    (
        "Hội LHPN huyện báo cáo.\nHội trao 5 mái ấm tình thương, trị giá 300 triệu đồng, trong đó người thân của các "
        "gia đình góp 80 triệu đồng.",
        ["phunu", "phunu", "other"],
    ),
    (
        "Ủy ban MTTQ huyện báo cáo.\nỦy ban MTTQ huyện vận động xây 12 cầu dân sinh với kinh phí 3,6 tỷ đồng, riêng "
        "nhân dân đóng góp 1,2 tỷ đồng và 2.400 ngày công.",
        ["mttq", "mttq", "other", "other"],
    ),
    (
        "Đoàn xã báo cáo.\nĐoàn xã làm 1 tuyến đường hoa dài 800 m, người dân góp 15 triệu đồng mua cây giống.",
        ["doan", "doan", "other"],
    ),
]

PEOPLE_GAVE_IN_A_CLAUSE_KEPT: list[tuple[str, list]] = [
    (  # (the body called on the people: what they gave is the body's raising)
        "Ủy ban MTTQ xã báo cáo.\nMặt trận xã vận động nhân dân đóng góp 700 triệu đồng làm đường.",
        ["mttq"],
    ),
    (  # (the people opening the sentence: theirs, as before)
        "Ủy ban MTTQ xã báo cáo.\nNhân dân đóng góp 900 triệu đồng và 3.000 ngày công làm đường.",
        ["other", "other"],
    ),
    (  # (the members are the body's people: their share stays the body's)
        "Hội Cựu chiến binh xã báo cáo.\nHội xây 1 nhà đồng đội, kinh phí 70 triệu đồng, trong đó hội viên góp 20 "
        "triệu đồng.",
        ["ccb", "ccb", "ccb"],
    ),
    (  # (a part of the money the body raised: its raising, the people among its givers)
        "Ủy ban MTTQ xã báo cáo.\nMặt trận xã vận động được 450 triệu đồng, trong đó bà con đóng góp 200 triệu đồng.",
        ["mttq", "mttq"],
    ),
    (  # (the people helped, counted: the body's work)
        "Hội LHPN xã báo cáo.\nHội tặng quà, trong đó người dân nghèo nhận 30 suất quà.",
        ["phunu"],
    ),
]


@pytest.mark.parametrize("text,owners", PEOPLE_GAVE_IN_A_CLAUSE + PEOPLE_GAVE_IN_A_CLAUSE_KEPT)
def test_the_people_s_share_in_a_clause_is_theirs(text: str, owners: list) -> None:
    assert _owners(text) == owners


# A statistic of the area's economy or people named as the subject of its clause (CONVENTIONS.md 5), by a noun only a
# place has ('thu nhập bình quân đầu người', 'tỷ lệ người dân tham gia bảo hiểm y tế') or by one that says the place
# after it ('tổng giá trị sản xuất trên địa bàn xã', 'Tổng đàn gia súc của xã'): nobody's, whichever body's report
# tells it; not the members' own ('… của hội viên').
AREA_STATISTIC_SUBJECT: list[tuple[str, list]] = [
    (
        "Ủy ban MTTQ xã báo cáo.\nNăm 2025, tổng giá trị sản xuất trên địa bàn xã đạt 1.240 tỷ đồng.",
        [None],
    ),
    ("Hội Nông dân xã báo cáo.\nTổng đàn gia súc của xã có 3.200 con.", [None]),
    ("Ủy ban MTTQ xã báo cáo.\nTỷ lệ người dân tham gia bảo hiểm y tế đạt 94,5%.", [None]),
    (
        "Hội Nông dân xã Yên Bình tổng kết năm 2025.\nNăm 2025, tổng sản lượng lương thực của xã đạt 6.200 tấn; thu nhập "
        "bình quân đầu người 52 triệu đồng.",
        [None, None],
    ),
    ("Hội LHPN phường báo cáo.\nNăm nay, giá trị sản xuất công nghiệp của phường ước đạt 860 tỷ đồng.", [None]),
    ("Ủy ban MTTQ xã báo cáo.\nTỷ lệ bao phủ bảo hiểm y tế toàn xã đạt 93%.", [None]),
]

AREA_STATISTIC_SUBJECT_KEPT: list[tuple[str, list]] = [
    (  # (the members' own income)
        "Hội Cựu chiến binh xã báo cáo.\nHội giúp 5 hộ thoát nghèo; thu nhập bình quân đầu người của hội viên đạt 58 "
        "triệu đồng.",
        ["ccb", "ccb"],
    ),
    ("Hội Nông dân xã báo cáo.\nTổng đàn lợn của hội viên có 1.200 con.", ["nongdan"]),
    (  # (the value of a body's works: its own)
        "Đoàn xã báo cáo.\nĐoàn xã thực hiện 12 công trình thanh niên, tổng giá trị 180 triệu đồng.",
        ["doan", "doan"],
    ),
    (  # (a share the body reached among its members)
        "Công đoàn huyện báo cáo.\nTỷ lệ đoàn viên tham gia bảo hiểm y tế đạt 98%.",
        ["congdoan"],
    ),
]


@pytest.mark.parametrize("text,owners", AREA_STATISTIC_SUBJECT + AREA_STATISTIC_SUBJECT_KEPT)
def test_an_area_statistic_as_the_clause_s_subject_is_nobody_s(text: str, owners: list) -> None:
    assert _owners(text) == owners


# The residents' investment-supervision board named in full or short ('Ban Giám sát đầu tư của cộng đồng', 'Ban
# GSĐTCĐ'), as the subject of its clause: what it supervised is its own, `other` (CONVENTIONS.md 4), as the
# residents' inspection board's is; not the Front's that guides it, nor the text's body carried on.
SUPERVISION_BOARD: list[tuple[str, list]] = [
    ("Ủy ban MTTQ xã báo cáo.\nBan Giám sát đầu tư của cộng đồng đã giám sát 4 công trình trên địa bàn.", ["other"]),
    (
        "Ủy ban MTTQ phường báo cáo quý II.\nTrong quý, Ban Giám sát đầu tư của cộng đồng phường giám sát 2 công trình, "
        "kiến nghị khắc phục 3 tồn tại.",
        ["other", "other"],
    ),
    ("Ủy ban MTTQ xã báo cáo.\nBan GSĐTCĐ xã giám sát 3 dự án.", ["other"]),
    ("Ủy ban MTTQ xã báo cáo.\nBan Giám sát đầu tư cộng đồng xã đã giám sát 5 công trình xây dựng.", ["other"]),
    (
        "Ủy ban MTTQ huyện báo cáo.\nỦy ban MTTQ huyện tổ chức 4 cuộc giám sát; Ban Giám sát đầu tư của cộng đồng các "
        "xã giám sát 28 công trình.",
        ["mttq", "other"],
    ),
]

SUPERVISION_BOARD_KEPT: list[tuple[str, list]] = [
    (  # (the Front that works with it owns the work, CONVENTIONS.md 8)
        "Ủy ban MTTQ xã báo cáo.\nỦy ban MTTQ xã phối hợp Ban Giám sát đầu tư của cộng đồng giám sát 3 công trình.",
        ["mttq"],
    ),
    (  # (the Front's own department for supervision is the Front)
        "Ủy ban MTTQ tỉnh báo cáo.\nBan Dân chủ - Giám sát và phản biện xã hội tổ chức 6 cuộc giám sát.",
        ["mttq"],
    ),
]


@pytest.mark.parametrize("text,owners", SUPERVISION_BOARD + SUPERVISION_BOARD_KEPT)
def test_the_residents_supervision_board_s_work_is_its_own(text: str, owners: list) -> None:
    assert _owners(text) == owners

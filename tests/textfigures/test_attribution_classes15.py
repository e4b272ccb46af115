"""Whose figure: classes of wording that recur on texts no rule had seen (issue 15; benchmarks/unseen_attribution.py
--now and benchmarks/unseen_errors.py, dev parts only). Each row is a wording of our own, not a sentence of the
corpus; the rows of a class failed on main before its fix (the commit says which), the guards passed and must keep
passing.

A group joined to the subject with 'cùng' ('…, cùng các đoàn thể giúp xóa 126 nhà tạm') does that clause's work
with it, as a body named so does ('…, cùng Ủy ban MTTQ xã làm 1 nhà'); and after ';' the subject carried into the
clause is the one it joins ('Mặt trận xã tổ chức …; cùng các đoàn thể vận động …'): the bodies jointly
(CONVENTIONS.md 8, joint subjects).

An area that lowers its poor households, as the subject ('năm 2023 toàn tỉnh giảm 1.940 hộ nghèo', 'năm tới, huyện
phấn đấu giảm thêm 180 hộ nghèo'), states a statistic of the area (CONVENTIONS.md 5), not the result of the body the
text carried on with; a body whose name ends with its level ('Hội Nông dân xã giảm 12 hộ nghèo') keeps it.

The former units a body was made of stay nobody's (CONVENTIONS.md 5) when an apposition then says what the body is
('… hợp nhất Đoàn thị trấn … và 2 xã cũ, là tổ chức chính trị - xã hội …'): 'tổ chức' there is a noun, no work the
communes did.

The members' poor households said in an area's words are the body's result: a share of the members' households
('toàn tỉnh còn 52 hộ nghèo, chiếm 0,21% số hộ hội viên') and the places where no member's household is poor any
more ('84 xã, phường … không còn hộ hội viên nghèo', an indicator of the domain notes, 'Xã hết hộ hội viên nghèo';
CONVENTIONS.md 9), not the area's statistic nor its units.

What a place is made of is a fact of the area (CONVENTIONS.md 5), whoever tells it and whichever body the text carried
on with: the villages of its peoples listed after its units ('…, trong đó 1.120 làng đồng bào dân tộc thiểu số'), its
size ('xã có diện tích tự nhiên hơn 640 km2', even after 'Theo Ủy ban nhân dân xã …,') and the peoples that live there
('là nơi sinh sống của đồng bào 3 dân tộc', '5 dân tộc anh em cùng sinh sống').
"""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text

SIX = ["ccb", "congdoan", "doan", "mttq", "nongdan", "phunu"]
ALL = ["mttq", "ccb", "congdoan", "doan", "nongdan", "phunu"]  # (the group 'Mặt trận và các đoàn thể', in its order)


def _owners(text: str) -> list:
    return [f["orgs"] or f["org"] for f in extract_text(text)["figures"]]


JOINED_WITH_CUNG: list[tuple[str, list]] = [
    (
        "Ủy ban MTTQ huyện chủ trì vận động được 3,2 tỷ đồng, cùng các đoàn thể giúp sửa 86 căn nhà cho hộ nghèo.",
        ["mttq", SIX],
    ),
    (
        "Mặt trận xã tổ chức hội nghị đại biểu nhân dân; cùng các đoàn thể vận động Nhân dân hiến 2.400 m2 đất làm đường.",
        [SIX],
    ),
    (
        "Năm qua, Hội Nông dân xã hỗ trợ 12 hộ vay vốn; cùng Hội LHPN xã tổ chức 3 lớp tập huấn.",
        ["nongdan", ["nongdan", "phunu"]],
    ),
    (
        "Ủy ban MTTQ phường giao ban với Ban Công tác Mặt trận các khu phố; cùng các tổ chức chính trị - xã hội trao "
        "120 suất quà Tết.",
        [SIX],
    ),
    (
        "Mặt trận xã tổ chức hội nghị; cùng các đoàn thể vận động hiến 600 m2 đất. Trong quý, đã tiếp nhận 12 đơn thư.",
        [SIX, "mttq"],
    ),  # (the next sentence goes on with the subject carried)
]

# What the class must leave alone: the body named with 'cùng' after a comma (as before), a group after a
# subject that is already all of it, and a donor's ';' that goes on.
JOINED_WITH_CUNG_KEPT: list[tuple[str, list]] = [
    (
        "Hội Cựu chiến binh phường vận động hội viên góp 30 triệu đồng, cùng Đoàn phường xây 1 nhà tình nghĩa.",
        ["ccb", ["ccb", "doan"]],
    ),
    ("Mặt trận và các đoàn thể xã trao 40 suất quà, cùng các đoàn thể huyện sửa 2 căn nhà.", [ALL, ALL]),
    ("Công ty Bia Sài Gòn tặng 50 suất quà; cùng Hội LHPN xã tổ chức 3 buổi tuyên truyền.", ["other", "other"]),
    ("Hội LHPN xã và các đoàn thể trao 40 suất quà cho hộ nghèo.", [["phunu", "ccb", "congdoan", "doan", "nongdan"]]),
]


@pytest.mark.parametrize("text,owners", JOINED_WITH_CUNG + JOINED_WITH_CUNG_KEPT)
def test_a_group_or_body_joined_with_cung_works_jointly(text: str, owners: list) -> None:
    assert _owners(text) == owners


AREA_LOWERS_POOR: list[tuple[str, list]] = [
    ("Mặt trận tỉnh vận động Quỹ được 40 tỷ đồng. Nhờ đó, năm 2023 toàn tỉnh giảm 1.940 hộ nghèo.", ["mttq", None]),
    ("Ủy ban MTTQ huyện trao 50 nhà Đại đoàn kết; năm 2026, huyện phấn đấu giảm thêm 180 hộ nghèo.", ["mttq", None]),
    ("Ủy ban MTTQ huyện trao 50 nhà Đại đoàn kết. Năm nay xã đã giảm được 24 hộ cận nghèo.", ["mttq", None]),
    ("Hội LHPN huyện giúp 30 hội viên vay vốn. Năm 2024, tỉnh giảm 2.310 hộ nghèo.", ["phunu", None]),
]

AREA_LOWERS_POOR_KEPT: list[tuple[str, list]] = [
    ("Hội Nông dân xã giảm 12 hộ nghèo.", ["nongdan"]),
    ("Hội Cựu chiến binh huyện trao 20 suất quà; toàn Hội giảm 38 hộ hội viên nghèo.", ["ccb", "ccb"]),
    ("Năm qua, Ủy ban MTTQ xã giúp 16 hộ thoát nghèo.", ["mttq"]),
]


@pytest.mark.parametrize("text,owners", AREA_LOWERS_POOR + AREA_LOWERS_POOR_KEPT)
def test_an_area_that_lowers_its_poor_households_states_a_statistic(text: str, owners: list) -> None:
    assert _owners(text) == owners


FORMER_UNITS_THEN_APPOSITION: list[tuple[str, list]] = [
    (
        "Đoàn phường Nam Hà được thành lập trên cơ sở hợp nhất Đoàn phường Bắc Hà và 3 phường cũ, là tổ chức chính trị "
        "- xã hội của phường; hiện có 31 chi đoàn.",
        [None, "doan"],
    ),
    (
        "Hội LHPN xã Tân Phú ra đời từ việc hợp nhất Hội LHPN xã Phú An và 2 xã cũ, là tổ chức chính trị - xã hội "
        "trực thuộc Ủy ban MTTQ xã.",
        [None],
    ),
]

FORMER_UNITS_THEN_APPOSITION_KEPT: list[tuple[str, list]] = [
    ("Hội Nông dân huyện chỉ đạo 12 xã, thị trấn tổ chức hội nghị điểm.", ["nongdan"]),
    ("Đoàn xã hợp nhất 3 xã cũ. Đoàn có 22 chi đoàn.", [None, "doan"]),
]


@pytest.mark.parametrize("text,owners", FORMER_UNITS_THEN_APPOSITION + FORMER_UNITS_THEN_APPOSITION_KEPT)
def test_former_units_stay_the_areas_before_an_apposition(text: str, owners: list) -> None:
    assert _owners(text) == owners


MEMBERS_POOR_IN_AREA_WORDS: list[tuple[str, list]] = [
    (
        "Hội Cựu chiến binh tỉnh giúp 60 hội viên vay vốn; đến cuối năm toàn tỉnh còn 52 hộ nghèo, chiếm 0,21% số hộ "
        "hội viên.",
        ["ccb", "ccb", "ccb"],
    ),
    (
        "Hội Nông dân huyện giúp 60 hội viên vay vốn. Hiện toàn huyện còn 140 hộ nghèo, chiếm 1,2% tổng số hộ hội viên.",
        ["nongdan", "nongdan", "nongdan"],
    ),
    (
        "Trong năm, Hội CCB tỉnh giảm 96 hộ CCB nghèo; 84 xã, phường thuộc 7 huyện không còn hộ hội viên nghèo.",
        ["ccb", "ccb", "ccb"],
    ),
    (
        "Hội LHPN tỉnh giúp 300 hộ thoát nghèo. Đến nay 45 xã, phường, thị trấn đã hết hộ hội viên nghèo.",
        ["phunu", "phunu"],
    ),
]

# The area's own poor households and communes stay nobody's (CONVENTIONS.md 5).
MEMBERS_POOR_IN_AREA_WORDS_KEPT: list[tuple[str, list]] = [
    (
        "Hội LHPN tỉnh giúp 300 hộ thoát nghèo. Toàn tỉnh còn 1.200 hộ nghèo, chiếm 2,1% số hộ dân.",
        ["phunu", None, None],
    ),
    ("Hội LHPN tỉnh giúp 300 hộ thoát nghèo. Tỉnh có 45 xã, phường không còn hộ nghèo.", ["phunu", None]),
    ("Hội Nông dân huyện giúp 60 hội viên vay vốn. Hiện toàn huyện còn 140 hộ nghèo.", ["nongdan", None]),
]


@pytest.mark.parametrize("text,owners", MEMBERS_POOR_IN_AREA_WORDS + MEMBERS_POOR_IN_AREA_WORDS_KEPT)
def test_the_members_poor_households_are_the_bodys_in_an_areas_words(text: str, owners: list) -> None:
    assert _owners(text) == owners


WHAT_A_PLACE_IS: list[tuple[str, list]] = [
    (
        "Ủy ban MTTQ tỉnh giao ban quý I. Toàn tỉnh có 2.640 thôn, làng, tổ dân phố, trong đó 1.120 làng đồng bào dân "
        "tộc thiểu số.",
        [None, None],
    ),
    (
        "Hội LHPN tỉnh giao ban quý I. Toàn tỉnh có 2.640 thôn, bản, trong đó 1.120 bản đồng bào dân tộc thiểu số.",
        [None, None],
    ),
    (
        "Ủy ban MTTQ xã tổ chức Ngày hội. Theo Ủy ban nhân dân xã Ea Súp, xã có diện tích tự nhiên hơn 640 km2.",
        [None],
    ),
    ("Ủy ban MTTQ xã tổ chức Ngày hội. Xã có diện tích tự nhiên 212 km2 với 9.800 nhân khẩu.", [None, None]),
    (
        "Mặt trận xã tổ chức Ngày hội ở thôn 4. Thôn có 210 hộ, 960 nhân khẩu, là nơi sinh sống của đồng bào 3 dân tộc.",
        [None, None, None],
    ),
    ("Mặt trận xã tổ chức Ngày hội ở thôn 4. Trên địa bàn thôn có 5 dân tộc anh em cùng sinh sống.", [None]),
]

# A body's work in villages, or for the peoples' women, stays the body's (CONVENTIONS.md 9).
WHAT_A_PLACE_IS_KEPT: list[tuple[str, list]] = [
    ("Ủy ban MTTQ huyện tổ chức Ngày hội ở 12 làng.", ["mttq"]),
    ("Hội LHPN huyện tặng quà cho 30 hộ ở 6 làng đồng bào Ba Na.", ["phunu", "phunu"]),
    ("Hội LHPN huyện tổ chức lớp học tiếng Việt cho phụ nữ 4 dân tộc.", ["phunu"]),
    ("Hội Nông dân xã vận động hội viên chuyển đổi 40 ha lúa sang trồng rau.", ["nongdan"]),
]


@pytest.mark.parametrize("text,owners", WHAT_A_PLACE_IS + WHAT_A_PLACE_IS_KEPT)
def test_what_a_place_is_made_of_is_the_areas(text: str, owners: list) -> None:
    assert _owners(text) == owners

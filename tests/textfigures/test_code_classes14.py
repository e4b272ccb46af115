"""Indicator codes and detection by class (issue 15, fourteenth pass): classes that recur on the fresh
sets' dev texts read by the engine of the commit that added each set (benchmarks/unseen_errors.py
--verbose, benchmarks/unseen_codes.py --verbose) and that today's engine still got wrong. Every row is
a sentence written for these tests, in wording of its own; the rows of a class fail before its rule,
the guards (marked) read as before.
"""

from __future__ import annotations

from typing import Any

import pytest

from giaoban.textfigures import extract_text


def figures_of(text: str) -> dict[str, dict[str, Any]]:
    return {f["text"]: f for f in extract_text(text)["figures"]}


# The later items of an enumeration of bodies that give only the body, the figure and what it was about
# ('…: Liên đoàn Lao động tỉnh giám sát … tại 32 doanh nghiệp; Hội LHPN tỉnh 4 cuộc về …; Hội Nông dân
# tỉnh 3 cuộc'): the verb is left out after the first item, so the first item's words (and the lead before
# the list's colon) say what each item counts, in the item's own counted noun, even when the first item
# counted another thing (the places its work reached) or nothing of a code.
ELIDED_ITEMS: list[tuple[str, str, str | None]] = [
    (
        "Các đoàn thể chủ trì giám sát theo chuyên đề: Hội Nông dân huyện giám sát việc cấp phát phân bón tại 12 "
        "hợp tác xã; Hội Cựu chiến binh huyện 3 cuộc về an ninh trật tự; Huyện đoàn 2 cuộc về việc làm của thanh niên.",
        "3 cuộc",
        "cuoc_giam_sat",
    ),
    (
        "Các đoàn thể chủ trì giám sát theo chuyên đề: Hội Nông dân huyện giám sát việc cấp phát phân bón tại 12 "
        "hợp tác xã; Hội Cựu chiến binh huyện 3 cuộc về an ninh trật tự; Huyện đoàn 2 cuộc về việc làm của thanh niên.",
        "2 cuộc",
        "cuoc_giam_sat",
    ),
    (
        "Năm qua, Công đoàn ngành Giáo dục giám sát chế độ của giáo viên ở 9 trường; Hội Liên hiệp Phụ nữ thị xã "
        "5 cuộc; Hội Nông dân thị xã 4 cuộc.",
        "5 cuộc",
        "cuoc_giam_sat",
    ),
    (
        "Năm qua, Công đoàn ngành Giáo dục giám sát chế độ của giáo viên ở 9 trường; Hội Liên hiệp Phụ nữ thị xã "
        "5 cuộc; Hội Nông dân thị xã 4 cuộc.",
        "4 cuộc",
        "cuoc_giam_sat",
    ),
    # guards: the first item's verb names nothing counted in the item's noun; an item with a verb of its own
    ("Hội Nông dân huyện tổ chức 12 lớp tập huấn kỹ thuật; Hội Cựu chiến binh huyện 3 cuộc.", "3 cuộc", None),
    (
        "Hội Nông dân huyện giám sát việc cấp phát phân bón tại 12 hợp tác xã; Hội Cựu chiến binh huyện tổ chức "
        "3 cuộc gặp mặt truyền thống.",
        "3 cuộc",
        None,
    ),
    ("Hội Nông dân xã kết nạp 64 hội viên; Hội Cựu chiến binh xã 12 hội viên.", "12 hội viên", "ket_nap_moi"),
    (
        "Hội Nông dân huyện giám sát việc cấp phát phân bón tại 12 hợp tác xã; Hội Cựu chiến binh huyện 3 cuộc "
        "được đánh giá cao.",
        "3 cuộc",
        None,
    ),
]


@pytest.mark.parametrize(("text", "figure", "code"), ELIDED_ITEMS)
def test_elided_items(text: str, figure: str, code: str | None) -> None:
    f = figures_of(text)[figure]
    assert f["indicator_code"] == code


# The socio-political organizations named as a group by their count ('do 5 tổ chức chính trị - xã hội vận
# động', 'cùng 5 tổ chức chính trị - xã hội'): the bodies themselves, jointly, as '4 tổ chức hội' of the four
# associations; the digits are part of the group's name, no figure. A statement of what the front is made of
# ('có 5 tổ chức chính trị - xã hội trực thuộc') and a count of grassroots bodies ('… cơ sở') stay figures.
GROUP_NAMED_BY_COUNT: list[tuple[str, str, str | None, list[str] | None]] = [
    # (text, figure expected or "-" + the count that must not be a figure, its orgs)
    ("Tổng số tiền do 5 tổ chức chính trị - xã hội của huyện vận động được là 3,2 tỷ đồng.", "-5 tổ chức", None, None),
    (
        "Tổng số tiền do 5 tổ chức chính trị - xã hội của huyện vận động được là 3,2 tỷ đồng.",
        "3,2 tỷ đồng",
        "ho_tro_kinh_phi",
        ["ccb", "congdoan", "doan", "nongdan", "phunu"],
    ),
    (
        "Năm 2024, 5 tổ chức chính trị - xã hội của thị xã vận động hội viên ủng hộ 420 triệu đồng.",
        "-5 tổ chức",
        None,
        None,
    ),
    (
        "Năm 2024, 5 tổ chức chính trị - xã hội của thị xã vận động hội viên ủng hộ 420 triệu đồng.",
        "420 triệu đồng",
        "ho_tro_kinh_phi",
        ["ccb", "congdoan", "doan", "nongdan", "phunu"],
    ),
    # guards: the front's make-up, grassroots bodies counted
    ("Ủy ban MTTQ xã có 5 tổ chức chính trị - xã hội trực thuộc.", "5 tổ chức", None, None),
    (
        "Sau sắp xếp, 5 tổ chức chính trị - xã hội trực thuộc Ủy ban MTTQ phường đã kiện toàn bộ máy.",
        "5 tổ chức",
        None,
        None,
    ),
    ("Toàn huyện có 15 tổ chức chính trị - xã hội cơ sở.", "15 tổ chức", None, None),
]


@pytest.mark.parametrize(("text", "figure", "code", "orgs"), GROUP_NAMED_BY_COUNT)
def test_group_named_by_count(text: str, figure: str, code: str | None, orgs: list[str] | None) -> None:
    found = figures_of(text)
    if figure.startswith("-"):
        assert figure[1:] not in found
        return
    f = found[figure]
    assert f["indicator_code"] == code
    assert sorted(f.get("orgs") or ([f["org"]] if f.get("org") else [])) == sorted(orgs or [])


# The next places of a ranking whose sentence names only the body and its figure ('Hội LHPN tỉnh đứng đầu về
# dư nợ ủy thác. Xếp sau là Hội Nông dân tỉnh với 1.905 tỷ đồng; Hội CCB tỉnh 1.276 tỷ đồng'): what is ranked
# is said with the first place, in the sentence before; each place after takes that indicator.
RANKED_NEXT: list[tuple[str, str, str | None]] = [
    (
        "Hội LHPN tỉnh dẫn đầu về dư nợ ủy thác. Xếp sau là Hội Nông dân tỉnh với 1.320 tỷ đồng; Hội CCB tỉnh "
        "870 tỷ đồng; Tỉnh đoàn 260 tỷ đồng.",
        "1.320 tỷ đồng",
        "du_no_uy_thac",
    ),
    (
        "Hội LHPN tỉnh dẫn đầu về dư nợ ủy thác. Xếp sau là Hội Nông dân tỉnh với 1.320 tỷ đồng; Hội CCB tỉnh "
        "870 tỷ đồng; Tỉnh đoàn 260 tỷ đồng.",
        "260 tỷ đồng",
        "du_no_uy_thac",
    ),
    (
        "Về kết nạp hội viên, Hội Nông dân huyện đứng đầu. Tiếp theo là Hội LHPN huyện với 412 hội viên; "
        "Hội CCB huyện 96 hội viên.",
        "96 hội viên",
        "ket_nap_moi",
    ),
    (
        "Hội Nông dân huyện dẫn đầu về số hội viên mới kết nạp. Kế đến là Hội LHPN huyện với 412 hội viên.",
        "412 hội viên",
        "ket_nap_moi",
    ),
    # guards: a place with a thing of its own; a ranking whose first place names no thing of an indicator
    (
        "Hội Nông dân huyện dẫn đầu về số hội viên mới kết nạp. Kế đến là Hội LHPN huyện với 412 hội viên "
        "tham gia hiến máu.",
        "412 hội viên",
        None,
    ),
    (
        "Hội Nông dân huyện dẫn đầu phong trào thi đua. Tiếp theo là Hội LHPN huyện với 412 hội viên.",
        "412 hội viên",
        None,
    ),
]


@pytest.mark.parametrize(("text", "figure", "code"), RANKED_NEXT)
def test_ranked_next(text: str, figure: str, code: str | None) -> None:
    assert figures_of(text)[figure]["indicator_code"] == code


# The four bodies that take the entrusted loans named short by their count in a sentence about those loans
# ('Dư nợ ủy thác … qua 4 tổ chức đạt …', 'của 4 tổ chức nhận ủy thác'): the group's name, no figure
# (CONVENTIONS.md 23, as '4 tổ chức hội'); four bodies of another kind, or made, stay counted.
FOUR_BODIES_SHORT: list[tuple[str, str, bool]] = [
    ("Đến cuối quý, dư nợ ủy thác qua 4 tổ chức đạt 236 tỷ đồng, tăng 12 tỷ đồng so với đầu năm.", "4 tổ chức", False),
    ("Tổng dư nợ của 4 tổ chức nhận ủy thác là 1.450 tỷ đồng.", "4 tổ chức", False),
    # guards
    ("Dư nợ ủy thác qua các hội, đoàn thể đạt 520 tỷ đồng; xã có 4 tổ chức tín dụng.", "4 tổ chức", True),
    ("Năm qua, Hội LHPN huyện vận động thành lập 4 tổ chức đạt chuẩn.", "4 tổ chức", True),
]


@pytest.mark.parametrize(("text", "figure", "is_figure"), FOUR_BODIES_SHORT)
def test_four_bodies_short(text: str, figure: str, is_figure: bool) -> None:
    assert (figure in figures_of(text)) == is_figure


# … and, named so, they own the amount told of them, jointly, as '4 tổ chức hội' (orgs.py: one group entry, one
# resolver; it was read as the sentence's own body or nobody's).
HOI4 = ["ccb", "doan", "nongdan", "phunu"]
FOUR_BODIES_OWN: list[tuple[str, str, Any]] = [
    ("Hội Nông dân xã họp tổng kết. Cuối năm, dư nợ ủy thác qua 4 tổ chức đạt 318 tỷ đồng.", "318 tỷ đồng", HOI4),
    ("Ủy ban MTTQ huyện giao ban. Tổng dư nợ của 4 tổ chức nhận ủy thác là 2.140 tỷ đồng.", "2.140 tỷ đồng", HOI4),
    ("Hội CCB xã sơ kết quý. Dư nợ ủy thác qua bốn tổ chức đạt 97,5 tỷ đồng.", "97,5 tỷ đồng", HOI4),
    # guard: a count of bodies stays a count, and the sentence's body owns what follows
    ("Hội LHPN huyện vận động thành lập 4 tổ chức đạt chuẩn, tặng 12 suất quà.", "12 suất quà", "phunu"),
]


@pytest.mark.parametrize(("text", "figure", "owner"), FOUR_BODIES_OWN)
def test_four_bodies_own(text: str, figure: str, owner: Any) -> None:
    f = figures_of(text)[figure]
    assert (sorted(f["orgs"]) if f["orgs"] else f["org"]) == owner

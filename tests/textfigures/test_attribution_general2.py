"""Whose figure: more general rules for the attribution classes that recur on unseen texts (issue 15,
docs/unseen_errors.md), each row a wording of our own, not a sentence of the corpus.

The Front leading a joint action (convention 8: who leads reports): after 'Ủy ban MTTQ … cùng các tổ
chức chính trị - xã hội …' or 'MTTQ và các đoàn thể …' the next sentence that opens with the place
('Huyện đã xây mới …') or with the congress or conference ('Đại hội bầu …', 'Hội nghị hiệp thương cử
…') is the Front's, the body that led the work and reports it; a sentence with no subject of its own
goes on with the bodies jointly, and a joint subject of associations alone keeps its reading.

'Các cấp Hội', 'cấp Hội' mean the association in focus at all its levels, the Youth Union's association
(Hội LHTN) as much as the Women's, Farmers' and Veterans' ones.

An area's economy (convention 5): the firms and workers a province, a district, a commune or an industrial
or economic zone has, as the subject of its clause ('Tỉnh hiện có … doanh nghiệp … lao động', 'Huyện có …',
a place's own name), are nobody's; the members' own businesses ('do thanh niên làm chủ', 'của hội viên') stay
the organization's.
"""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text

ALL = ["ccb", "congdoan", "doan", "mttq", "nongdan", "phunu"]

FRONT_LEADS: list[tuple[str, list]] = [
    (
        "Ủy ban MTTQ thị xã cùng các đoàn thể chính trị - xã hội mở 9 đợt tuyên truyền. Thị xã đã bàn giao 14 căn nhà "
        "đại đoàn kết.",
        [ALL, "mttq"],
    ),
    (
        "MTTQ phường và các tổ chức thành viên vận động 310 triệu đồng. Hội nghị đã hiệp thương bổ sung 6 ủy viên.",
        [ALL, "mttq"],
    ),
    ("Mặt trận và các đoàn thể xã thăm 25 gia đình chính sách. Đại hội bầu 39 ủy viên Ủy ban.", [ALL, "mttq"]),
    (
        "Ủy ban MTTQ phường cùng các tổ chức chính trị - xã hội mở 5 hội nghị. Thường trực Ủy ban đã tiếp 14 lượt công dân.",
        [ALL, "mttq"],
    ),
]

FRONT_LEADS_KEPT: list[tuple[str, list]] = [
    # No subject of its own: the joint work goes on.
    (
        "Mặt trận các cấp cùng các tổ chức thành viên phát động 11 đợt quyên góp. Qua đó, hỗ trợ 48 hộ sửa nhà.",
        [ALL, ALL],
    ),
    # Associations alone jointly: no Front to lead.
    ("Hội LHPN xã và Hội Nông dân xã mở 4 lớp dạy nghề. Đại hội bầu 27 ủy viên.", [["nongdan", "phunu"]] * 2),
    # The Party's congress is no body's of the six.
    ("MTTQ xã và các đoàn thể tổ chức 7 buổi đối thoại. Đại hội Đảng bộ xã bầu 19 ủy viên.", [ALL, ALL]),
]

LEVELS_OF_HOI: list[tuple[str, list]] = [
    (
        "Hội LHTN Việt Nam huyện tổng kết năm. Trong năm, các cấp Hội kết nạp 1.750 hội viên, xây dựng 28 mô hình.",
        ["doan", "doan"],
    ),
    ("Huyện đoàn mở 2 lớp. Hội LHTN Việt Nam thị xã: các cấp Hội đã kết nạp 380 hội viên.", ["doan", "doan"]),
    (
        "Hội Liên hiệp Thanh niên phường phối hợp tổ chức giải cầu lông. Cấp Hội đã giới thiệu việc làm cho 75 thanh niên.",
        ["doan"],
    ),
]

LEVELS_OF_HOI_KEPT: list[tuple[str, list]] = [
    # The association that leads, not its partner.
    ("Hội LHPN xã phối hợp Hội LHTN xã tổ chức 2 buổi. Các cấp Hội vận động 18 triệu đồng.", ["phunu", "phunu"]),
    ("Ủy ban MTTQ tỉnh tổng kết năm. Các cấp Hội Nông dân đã hỗ trợ 290 hộ vay vốn.", ["nongdan"]),
    ("HỘI LHPN HUYỆN\nTỉnh đoàn tổ chức 5 lớp. Các cấp Hội giúp 36 hội viên.", ["doan", "phunu"]),
]

# An area's economy (convention 5): the firms and workers a province, a district or a zone has, as the
# subject of its clause, whatever words name the place; the members' own businesses stay theirs.
AREA_ECONOMY: list[tuple[str, list]] = [
    (
        "Liên đoàn Lao động tỉnh thăm 35 đoàn viên. Tỉnh hiện có 2.140 doanh nghiệp với khoảng 118.000 lao động.",
        ["congdoan", None, None],
    ),
    (
        "Liên đoàn Lao động huyện trao 70 suất quà. Huyện có 410 doanh nghiệp, sử dụng 16.500 lao động.",
        ["congdoan", None, None],
    ),
    ("Công đoàn ngành Công Thương thăm 20 công nhân. Thái Nguyên hiện có 3.600 doanh nghiệp.", ["congdoan", None]),
]

AREA_ECONOMY += [
    # … and the share of those workers said after it.
    (
        "Công đoàn các khu công nghiệp trao 250 suất quà. Các khu công nghiệp hiện có khoảng 38.000 lao động, trong đó 66% là nữ.",
        ["congdoan", None, None],
    ),
]

AREA_ECONOMY_KEPT: list[tuple[str, list]] = [
    (
        "Liên đoàn Lao động huyện thăm 30 công nhân. Huyện có 500 doanh nghiệp, sử dụng 21.000 lao động, trong đó 58% là đoàn viên.",
        ["congdoan", None, None, "congdoan"],
    ),
    ("Huyện đoàn tổ chức diễn đàn khởi nghiệp. Toàn huyện có 38 doanh nghiệp do thanh niên làm chủ.", ["doan"]),
    (
        "Hội Nông dân tỉnh tập huấn 150 hội viên. Toàn tỉnh có 74 doanh nghiệp của hội viên nông dân.",
        ["nongdan", "nongdan"],
    ),
    (
        "Liên đoàn Lao động tỉnh trao 80 suất quà. Toàn tỉnh có 210 công đoàn cơ sở với 61.000 đoàn viên.",
        ["congdoan", "congdoan", "congdoan"],
    ),
    (
        "Hội Cựu chiến binh tỉnh tổng kết. Toàn tỉnh có 260 doanh nghiệp, hợp tác xã do hội viên CCB làm chủ, "
        "thu hút 7.300 lao động.",
        ["ccb", "ccb"],
    ),
    (
        "Công đoàn Khu kinh tế tổ chức Tết Sum vầy. Khu kinh tế hiện có 175 doanh nghiệp với 49.000 lao động.",
        [None, None],
    ),
]


def _owners(text: str) -> list:
    return [sorted(f["orgs"]) if f["orgs"] else f["org"] for f in extract_text(text)["figures"]]


@pytest.mark.parametrize(
    "text,owners",
    FRONT_LEADS + FRONT_LEADS_KEPT + LEVELS_OF_HOI + LEVELS_OF_HOI_KEPT + AREA_ECONOMY + AREA_ECONOMY_KEPT,
)
def test_owner_by_general_rule(text: str, owners: list) -> None:
    assert _owners(text) == owners


# The association the text is about counts its members by its own noun: 'các cấp Hội' of the Hội LHTN
# admit 'hội viên' (ket_nap_moi), while the Hội LHTN named in the Youth Union's own report keeps no code
# for its 'hội viên' (the Youth Union counts 'đoàn viên').
MEMBERS_CODE: list[tuple[str, str | None]] = [
    ("Hội LHTN Việt Nam thị xã tổng kết năm. Trong năm, các cấp Hội kết nạp 940 hội viên.", "ket_nap_moi"),
    ("Tỉnh đoàn tổ chức 5 lớp. Tổ chức Đoàn có 8.200 đoàn viên; Hội LHTN tỉnh có 11.400 hội viên.", None),
    ("Huyện đoàn kết nạp 270 hội viên.", None),
]


@pytest.mark.parametrize("text,code", MEMBERS_CODE)
def test_members_code_of_the_association(text: str, code: str | None) -> None:
    assert extract_text(text)["figures"][-1]["indicator_code"] == code

"""Whose figure: general rules for the attribution classes that recur on unseen texts (issue 15,
docs/unseen_errors.md), each row a wording of our own, not a sentence of the corpus.

A donor or other body named by what kind of body it is, not by a name the table of bodies knows
('một nhóm thiện nguyện', 'các nhà chùa', 'hợp tác xã …', 'nhà trường', 'cửa hàng …'), as the
subject of a verb of giving or doing, or as the agent after 'do': the figure is that body's
(`other`), not the body the text carried on. The organizations' own groups and clubs (savings
groups, a women's club) and a capitalized word of a body's name ('Hợp tác xã Tân Phát') are no
such giver.

What a place has (convention 5), whatever it counts, not only its people: after a place as the
subject of 'có' / 'còn' ('Xã có …', 'Toàn huyện có …', 'Cả xã có …') its hamlets' groups, schools,
pupils, livestock, land and peoples, and the next items of the same list ('…, chia thành 36 tổ', '…,
gồm 3 dân tộc'), are nobody's; what the organizations count as their own (members, branches, models,
teams, their members' households' titles) and the products the authorities certify keep their owner.

An organization's own campaign or programme that opens a sentence as its subject ('Chiến dịch Mùa hè
xanh …', 'Chương trình "Mái ấm Công đoàn" …', 'Phong trào "5 không, 3 sạch" …', 'Cuộc vận động "Ngày vì
người nghèo" …', 'Chương trình "Mẹ đỡ đầu" …') gives its figures to that organization, as a fund's name
does, not to the body the text named before; as the object of another body's verb, or before another
body named after a colon, it names no owner.

Members and branches that the body carried on from the sentence before cannot have ('đoàn viên' and
'công đoàn cơ sở' after the Farmers' Union, 'đoàn viên' after the Women's Union) are the report's own
body's when it can have them: the words say whose members they are. The people a body helped are not
so read, nor members the carried body may have.

The standard of the state's programmes that communes or districts reach ('11 xã đã đạt chuẩn nông thôn
mới', '5 huyện đạt chuẩn nông thôn mới nâng cao') is the places' (convention 5), though places that do
the organizations' work ('16/16 thôn tổ chức Ngày hội', '4 xã hoàn thành chỉ tiêu kết nạp hội viên') stay
the organization's.

A place named by its own name as the subject that opens a sentence ('Tả Van hiện có 320 hộ', 'Mường Tè
còn 1.240 hộ nghèo') has its population as a place named by 'xã', 'thôn' does; a person's name ('Nguyễn
Văn An có 3 ha') and a body's ('Hợp tác xã Đông Hòa có …') are no place.
"""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text

CASES: list[tuple[str, list]] = [
    # The giver as the subject, after the text's body in the sentence before.
    (
        "Huyện đoàn ra quân Tháng Thanh niên. Một nhóm thiện nguyện ở thị trấn gửi tặng 60 suất quà cho thiếu nhi.",
        ["other"],
    ),
    (
        "Hội Nông dân xã tập huấn cho 120 hội viên. Một hợp tác xã rau sạch trên địa bàn bao tiêu 40 tấn rau.",
        ["nongdan", "other"],
    ),
    ("Ủy ban MTTQ xã trao 80 suất quà. Các nhà chùa trong xã góp 20 triệu đồng vào Quỹ.", ["mttq", "other"]),
    (
        "Hội LHPN huyện tổ chức 6 lớp dạy nghề. Câu lạc bộ thiện nguyện Tấm Lòng Vàng trao 40 suất học bổng.",
        ["phunu", "other"],
    ),
    ("Công đoàn ngành Giáo dục thăm 30 đoàn viên. Nhà trường hỗ trợ thêm 10 triệu đồng.", ["congdoan", "other"]),
    (
        "Hội Cựu chiến binh xã thăm 12 hội viên ốm. Dịp này, các tiểu thương ở chợ xã ủng hộ 3 triệu đồng.",
        ["ccb", "other"],
    ),
    # The giver as the agent after 'do'.
    ("Ủy ban MTTQ xã tiếp nhận 20 tấn gạo do Chùa Phước Hưng trao tặng.", ["other"]),
    ("Đoàn phường nhận 2 máy tính do một nhóm doanh nhân trẻ ủng hộ.", ["other"]),
]

KEPT: list[tuple[str, list]] = [
    # The organizations' own groups and clubs give as the organization.
    ("Hội LHPN xã duy trì 8 nhóm tiết kiệm. Các nhóm tiết kiệm góp 20 triệu đồng.", ["phunu", "phunu"]),
    ("Hội LHPN phường có 5 câu lạc bộ. Câu lạc bộ Phụ nữ khởi nghiệp trao 10 suất quà.", ["phunu", "phunu"]),
    ("Hội LHPN xã trao 12 suất quà do chi hội vận động.", ["phunu"]),
    # A capitalized word of the body's own name is no verb ('Tân Phát' is not 'phát').
    ("Hội Nông dân xã tổ chức 3 lớp học nghề do Hợp tác xã Tân Phát giảng dạy.", ["nongdan"]),
    # The bodies the table knows keep their reading.
    ("Mặt trận huyện trao 50 căn nhà. Trong đó, Tập đoàn Viettel tài trợ 20 căn.", ["mttq", "other"]),
    (
        "Hội Nông dân xã kết nạp 20 hội viên. Hợp tác xã do hội viên làm chủ tạo việc làm cho 30 lao động.",
        ["nongdan", "nongdan"],
    ),
]


PLACE_HAS: list[tuple[str, list]] = [
    (
        "Hội Nông dân xã tổ chức 4 lớp tập huấn. Xã có 9 thôn, 1.240 hộ, chia thành 36 tổ liên gia.",
        ["nongdan", None, None, None],
    ),
    ("Mặt trận xã trao 50 suất quà. Bản Phiêng có 86 hộ, 402 nhân khẩu, gồm 3 dân tộc.", ["mttq", None, None, None]),
    ("Huyện đoàn kết nạp 120 đoàn viên. Toàn huyện có 35 trường học với khoảng 18.000 học sinh.", ["doan", None, None]),
    (
        "Hội Nông dân xã vận động 30 hộ làm chuồng trại. Cả xã có 2.300 con trâu, bò và 410 ha lúa.",
        ["nongdan", None, None],
    ),
    (
        "Hội LHPN phường thăm 15 hội viên. Phường có 7 khu phố với 2.600 hộ, chia thành 48 tổ tự quản.",
        ["phunu", None, None, None],
    ),
]

PLACE_HAS_KEPT: list[tuple[str, list]] = [
    (
        "Liên đoàn Lao động huyện trao 60 suất quà. Toàn huyện có 184 công đoàn cơ sở với 52.380 đoàn viên.",
        ["congdoan", "congdoan", "congdoan"],
    ),
    ("Huyện đoàn ra quân hè. Toàn huyện có 54 đội hình tình nguyện với 1.300 đoàn viên.", ["doan", "doan"]),
    ("Hội Nông dân tỉnh tập huấn 2.000 hội viên. Toàn tỉnh có 212 sản phẩm OCOP.", ["nongdan", "other"]),
    ('Hội LHPN xã trao 10 suất quà. Toàn xã có 46 hộ đạt tiêu chí "5 không 3 sạch".', ["phunu", "phunu"]),
]


CAMPAIGN: list[tuple[str, list]] = [
    (
        "Ủy ban MTTQ huyện trao 100 suất quà. Chiến dịch Mùa hè xanh có 18 đội hình với 400 chiến sĩ tình nguyện.",
        ["mttq", "doan", "doan"],
    ),
    (
        'Hội Nông dân xã kết nạp 25 hội viên. Chương trình "Mái ấm Công đoàn" năm nay xây mới 6 nhà.',
        ["nongdan", "congdoan"],
    ),
    (
        'Liên đoàn Lao động huyện thăm 30 công nhân. Phong trào "5 không, 3 sạch" có 420 hộ đạt tiêu chí.',
        ["congdoan", "phunu"],
    ),
    (
        "Hội LHPN tỉnh tổ chức 8 lớp tập huấn. Tháng Thanh niên năm nay thu hút 12.000 lượt đoàn viên tham gia.",
        ["phunu", "doan"],
    ),
    ('Huyện đoàn ra quân 5 đợt. Cuộc vận động "Ngày vì người nghèo" tiếp nhận 820 triệu đồng.', ["doan", "mttq"]),
    ('Hội Cựu chiến binh xã thăm 8 hội viên. Chương trình "Mẹ đỡ đầu" nhận đỡ đầu 14 trẻ mồ côi.', ["ccb", "phunu"]),
]

CAMPAIGN_KEPT: list[tuple[str, list]] = [
    ("Hội LHPN huyện hưởng ứng Tháng Thanh niên, trao 30 suất quà cho thiếu nhi.", ["phunu"]),
    ("Ủy ban MTTQ xã tổng kết năm. Ngày hội Đại đoàn kết toàn dân tộc: Hội Nông dân xã trao 20 suất quà.", ["nongdan"]),
    (
        'Huyện đoàn tổng kết hè. Chương trình "Tiếp sức mùa thi" do Hội Sinh viên trường tổ chức có 80 tình nguyện viên.',
        ["doan"],
    ),
]


MEMBERS: list[tuple[str, list]] = [
    (
        "LIÊN ĐOÀN LAO ĐỘNG HUYỆN\nHội Nông dân huyện phối hợp tổ chức 2 lớp dạy nghề. Trong quý, kết nạp 230 đoàn viên, "
        "thành lập 2 công đoàn cơ sở.",
        ["nongdan", "congdoan", "congdoan"],
    ),
    (
        "TỈNH ĐOÀN QUẢNG NAM\nHội LHPN tỉnh phối hợp tổ chức 4 lớp kỹ năng. Trong quý kết nạp 1.300 đoàn viên mới.",
        ["phunu", "doan"],
    ),
    (
        "HỘI CỰU CHIẾN BINH HUYỆN\nLiên đoàn Lao động huyện tặng 20 suất quà. Trong quý thành lập 2 chi hội, kết nạp 45 hội viên.",
        ["congdoan", "ccb", "ccb"],
    ),
]

MEMBERS_JOINT: list[tuple[str, list]] = [
    (
        "Hội LHPN xã cùng Ủy ban MTTQ xã xây 2 nhà tình thương. Trong năm kết nạp 46 hội viên mới.",
        [["mttq", "phunu"], "phunu"],
    ),
    (
        "Huyện đoàn và Hội Nông dân huyện phối hợp tổ chức 3 lớp dạy nghề. Quý này phát triển thêm 2 chi đoàn.",
        [["doan", "nongdan"], "doan"],
    ),
    (
        "Liên đoàn Lao động tỉnh cùng Ủy ban MTTQ tỉnh trao 500 suất quà. Trong quý thành lập 6 công đoàn cơ sở, "
        "kết nạp 1.200 đoàn viên.",
        [["congdoan", "mttq"], "congdoan", "congdoan"],
    ),
]

MEMBERS_KEPT: list[tuple[str, list]] = [
    (
        "Hội Cựu chiến binh và Hội Nông dân xã tặng 30 suất quà. Trong năm kết nạp 12 hội viên.",
        [["ccb", "nongdan"], ["ccb", "nongdan"]],
    ),
    (
        "ỦY BAN MTTQ XÃ AN PHÚ\nHội Nông dân xã tổ chức 2 lớp tập huấn. Trong quý kết nạp 30 hội viên.",
        ["nongdan", "nongdan"],
    ),
    ("HỘI LHPN HUYỆN\nHuyện đoàn tổ chức ngày hội thiếu nhi. Tặng quà cho 25 hội viên nghèo.", ["doan"]),
]


STANDARD: list[tuple[str, list]] = [
    (
        "Hội LHPN huyện trao 20 suất quà. Huyện có 14 xã, thị trấn; đến nay 11 xã đã đạt chuẩn nông thôn mới.",
        ["phunu", None, None],
    ),
    ("Hội Nông dân tỉnh tổ chức 6 lớp tập huấn. Đến nay, 5 huyện đạt chuẩn nông thôn mới nâng cao.", ["nongdan", None]),
]

STANDARD_KEPT: list[tuple[str, list]] = [
    (
        "Ủy ban MTTQ xã tổng kết năm: 16/16 thôn tổ chức Ngày hội; 14 thôn được công nhận thôn văn hóa.",
        ["mttq", "mttq", "mttq"],
    ),
    ("Hội Nông dân huyện kiểm tra 6 xã; 4 xã hoàn thành chỉ tiêu kết nạp hội viên.", ["nongdan", "nongdan"]),
]


NAMED_PLACE: list[tuple[str, list]] = [
    ("Ban Công tác Mặt trận thôn tổ chức Ngày hội. Tả Van hiện có 320 hộ, phần lớn là đồng bào Dao.", [None]),
    ("Hội Nông dân xã tập huấn cho 50 hội viên. Đông Sơn có 2.100 hộ với 8.400 nhân khẩu.", ["nongdan", None, None]),
    (
        "Liên đoàn Lao động tỉnh trao 200 suất quà. Bắc Ninh hiện có khoảng 420.000 lao động, phần lớn ở các khu công nghiệp.",
        ["congdoan", None],
    ),
    ("Hội LHPN huyện thăm 12 hội viên. Mường Tè còn 1.240 hộ nghèo, chiếm 28%.", ["phunu", None, None]),
]

NAMED_PLACE_KEPT: list[tuple[str, list]] = [
    ("Hội Nông dân xã kết nạp 20 hội viên. Hợp tác xã Đông Hòa có 45 thành viên.", ["nongdan", "nongdan"]),
    ("Hội Cựu chiến binh tỉnh có 52.000 hội viên. Hội còn 1.200 hộ hội viên nghèo.", ["ccb", "ccb"]),
]


def _owners(text: str) -> list:
    return [sorted(f["orgs"]) if f["orgs"] else f["org"] for f in extract_text(text)["figures"]]


@pytest.mark.parametrize(
    "text,owners",
    CASES
    + KEPT
    + PLACE_HAS
    + PLACE_HAS_KEPT
    + CAMPAIGN
    + CAMPAIGN_KEPT
    + MEMBERS
    + MEMBERS_JOINT
    + MEMBERS_KEPT
    + STANDARD
    + STANDARD_KEPT
    + NAMED_PLACE
    + NAMED_PLACE_KEPT,
)
def test_owner_by_general_rule(text: str, owners: list) -> None:
    assert _owners(text) == owners

"""Whose figure: general rules for the attribution classes that recur on unseen texts (issue 15,
docs/unseen_errors.md), each row a wording of our own, not a sentence of the corpus.

A donor or other body named by what kind of body it is, not by a name the table of bodies knows
('một nhóm thiện nguyện', 'các nhà chùa', 'hợp tác xã …', 'nhà trường', 'cửa hàng …'), as the
subject of a verb of giving or doing, or as the agent after 'do': the figure is that body's
(`other`), not the body the text carried on. The organizations' own groups and clubs (savings
groups, a women's club) and a capitalized word of a body's name ('Hợp tác xã Tân Phát') are no
such giver.
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


def _owners(text: str) -> list:
    return [f["orgs"] or f["org"] for f in extract_text(text)["figures"]]


@pytest.mark.parametrize("text,owners", CASES + KEPT)
def test_owner_by_general_rule(text: str, owners: list) -> None:
    assert _owners(text) == owners

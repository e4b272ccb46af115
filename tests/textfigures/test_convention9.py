"""CONVENTIONS.md 9 as decided again (issue 15): the places a body's work was held at or reached are
that body's figure, as the shared seed reads 'MTTQ tuyên truyền … tại 8 xã' (mttq); so are the places
that name the body's own units, one in each ('giao ban với Mặt trận 45 xã, phường'). What an area is or
has, what a unit was made of, the area a body serves (5, 19) stay nobody's. Rows in wording of our own."""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text

# The places of a body's work: its figure (all failed on main 412eff2: None).
WHERE_WORK_TOOK_PLACE: list[tuple[str, list]] = [
    ("Hội Nông dân huyện tổ chức hội thi nhà nông đua tài tại 7 xã vùng cao.", ["nongdan"]),
    ("Liên đoàn Lao động thành phố tổ chức chương trình \"Bữa cơm Công đoàn\" tại 23 doanh nghiệp.", ["congdoan"]),
    ("Huyện đoàn ra quân dọn vệ sinh môi trường ở 9 thôn, bản.", ["doan"]),
    ("Ủy ban MTTQ tỉnh hỗ trợ làm mới 312 nhà Đại đoàn kết tại 45 xã, phường.", ["mttq", "mttq"]),
    ("Hội Cựu chiến binh tỉnh phân bổ 1,2 tỷ đồng cho 14 xã, phường bị ảnh hưởng bởi lũ.", ["ccb", "ccb"]),
    ("Tỉnh đoàn triển khai chiến dịch tại 36 xã, phường, thị trấn và 4 tỉnh bạn.", ["doan", "doan"]),
    ("Chiến dịch tình nguyện hè của Tỉnh đoàn diễn ra trên địa bàn 11 huyện, thị xã.", ["doan"]),
    ("Hội LHPN huyện phối hợp Trạm Y tế khám bệnh cho 640 phụ nữ ở 5 xã biên giới.", ["phunu", "phunu"]),
    ("Hội LHPN tỉnh khảo sát tại 20 xã của huyện Mường Tè, huyện Sìn Hồ và trao 300 suất quà.",
     ["phunu", "phunu"]),
]

# The places named by the body's own units there, one in each: that body's.
BODIES_OF_PLACES: list[tuple[str, list]] = [
    ("Ban Thường trực Ủy ban MTTQ tỉnh giao ban quý II với Mặt trận 27 xã, phường.", ["mttq"]),
    ("Dự hội nghị có các đồng chí Chủ tịch Hội Nông dân 19 xã, thị trấn.", ["nongdan"]),
]

# What an area is or has, what it was made of, the area a body serves: nobody's (5, 19). Guards.
AREA_FACTS: list[tuple[str, list]] = [
    ("Hội Nông dân huyện kết nạp 86 hội viên. Huyện có 14 xã, thị trấn với 126 thôn.", ["nongdan", None, None]),
    ("Hội Cựu chiến binh xã được thành lập trên cơ sở hợp nhất Hội của 3 xã cũ.", [None]),
    ("Công đoàn xã phụ trách 4 xã với 52 công đoàn cơ sở.", [None, "congdoan"]),
    ("Công đoàn phường quản lý 86 công đoàn cơ sở ở 5 phường, xã.", ["congdoan", None]),
    ("Hội Cựu chiến binh tỉnh kết nạp 120 hội viên. Toàn tỉnh còn 45 thôn chưa có điện lưới.", ["ccb", None]),
    ("Mặt trận huyện vận động 2 tỷ đồng; đến nay 12 xã đã đạt chuẩn nông thôn mới.", ["mttq", None]),
]


def _owners(text: str) -> list:
    return [f["orgs"] or f["org"] for f in extract_text(text)["figures"]]


@pytest.mark.parametrize("text,owners", WHERE_WORK_TOOK_PLACE + BODIES_OF_PLACES + AREA_FACTS)
def test_places_by_convention9(text: str, owners: list) -> None:
    assert _owners(text) == owners


def test_checked_branches_carry_no_code() -> None:
    """The branches an inspection went to are the body's figure, but no count of its branches."""
    figs = extract_text("Ban Thường vụ Hội LHPN huyện kiểm tra hoạt động tổ tiết kiệm tại 5 chi hội.")["figures"]
    assert [(f["org"], f["indicator_code"]) for f in figs] == [("phunu", None)]

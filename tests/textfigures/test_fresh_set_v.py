"""Causes of the errors on the dev part of the fresh set src_v (issue 15), each in new wording: the
indicator code a figure gets (or none), the body that owns it, what is a figure at all, and the
periods of a meeting. One row per case; every row failed before its fix, except the guards marked
as such (wording that must keep its answer)."""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text
from giaoban.textfigures.meetings import parse_meeting


def codes(text: str) -> list:
    return [(f["text"], f["indicator_code"]) for f in extract_text(text)["figures"]]


CODES: list[tuple[str, list]] = [
    # The near-poor are not the poor: only the first is the veterans' poor households reduced.
    ("Năm 2024, Hội CCB huyện giảm được 45 hộ CCB nghèo và 32 hộ CCB cận nghèo.",
     [("45 hộ", "ho_ccb_ngheo_giam"), ("32 hộ", None)]),
    # Groups and loans of another bank are not the Social Policy Bank's entrusted loans ...
    ("Hội Nông dân xã duy trì 12 tổ vay vốn với Ngân hàng Nông nghiệp và Phát triển nông thôn, dư nợ 38 tỷ đồng cho 640 hộ vay.",
     [("12 tổ vay vốn", None), ("38 tỷ đồng", None), ("640 hộ vay", None)]),
    ("Qua Agribank chi nhánh huyện, Hội LHPN tín chấp cho 210 hộ vay, dư nợ 9 tỷ đồng.",
     [("210 hộ vay", None), ("9 tỷ đồng", None)]),
    # ... which keep their codes (a guard).
    ("Hội Nông dân xã duy trì 12 tổ tiết kiệm và vay vốn với Ngân hàng Chính sách xã hội, dư nợ 38 tỷ đồng cho 640 hộ vay.",
     [("12 tổ tiết kiệm và vay vốn", "to_tk_vv"), ("38 tỷ đồng", "du_no_uy_thac"), ("640 hộ vay", "ho_du_no")]),
    # Goods received in kind are neither the fund's money nor money raised.
    ('Năm 2024, Ủy ban MTTQ tỉnh vận động Quỹ "Vì người nghèo" được 12 tỷ đồng và tiếp nhận hiện vật trị giá 2,5 tỷ đồng.',
     [("12 tỷ đồng", "quy_vi_nguoi_ngheo"), ("2,5 tỷ đồng", None)]),
    # A course ('khóa học') is training, its students those trained.
    ("Liên đoàn Lao động tỉnh mở khóa học trực tuyến về an toàn lao động cho 85 học viên.",
     [("85 học viên", "luot_tap_huan")]),
    # A model linking production or sales is an economic model, not a club; a group of
    # cooperating farmers stays a model or club (a guard).
    ("Hội Nông dân huyện xây dựng 12 mô hình liên kết sản xuất lúa an toàn.", [("12 mô hình", "du_an_mo_hinh_kinh_te")]),
    ("Hội LHPN tỉnh duy trì 30 mô hình liên kết tiêu thụ nông sản sạch.", [("30 mô hình", "du_an_mo_hinh_kinh_te")]),
    ("Hội Nông dân xã thành lập 3 tổ liên kết trồng rau.", [("3 tổ", "mo_hinh_cau_lac_bo")]),
    # Trainees ('học viên') are those trained, even where a comma inside the course's name cuts the
    # clause before them.
    ("Lớp bồi dưỡng kỹ năng tuyên truyền, vận động năm 2026 có 64 học viên tham gia.", [("64 học viên", "luot_tap_huan")]),
    # Delegates stand for all the members: 'đại diện cho … hội viên' is the membership.
    ("Đại hội Hội Nông dân tỉnh có 150 đại biểu, đại diện cho hơn 42 nghìn hội viên nông dân toàn tỉnh.",
     [("150 đại biểu", None), ("hơn 42 nghìn hội viên nông dân", "tong_hoi_vien")]),
]


@pytest.mark.parametrize("text,expected", CODES, ids=[c[0][:50] for c in CODES])
def test_code(text: str, expected: list) -> None:
    assert codes(text) == expected


MEETINGS: list[tuple[str, str, str, int]] = [
    # A campaign named with its year, the tasks set for the quarter after it: the quarter before
    # them was reviewed (the year was taken, its tasks lost).
    ("BIÊN BẢN\nHội nghị tổng kết chiến dịch thanh niên tình nguyện hè năm 2024\n"
     "Thời gian: ngày 20/9/2024. Chủ trì: đồng chí Lê Văn An, Bí thư Huyện đoàn.\n"
     "Chiến dịch có 40 đội hình tham gia.\n"
     "Nhiệm vụ quý IV năm 2024: Đồng chí Lê Văn An đề nghị, trong thời gian tới, các cơ sở Đoàn duy trì "
     "đội hình tình nguyện; tổ chức tổng kết công tác Đoàn năm 2024.\n", "2024-Q3", "2024-Q4", 2),
    # A guard: a year reviewed, the tasks set for the next year.
    ("THÔNG BÁO KẾT LUẬN\nHội nghị tổng kết công tác Hội năm 2024\n"
     "Chủ trì: đồng chí Trần Thị Mai, Chủ tịch Hội LHPN huyện.\n"
     "Phương hướng năm 2025: Đồng chí Chủ tịch đề nghị các cấp Hội kết nạp hội viên mới; "
     "duy trì tổ phụ nữ tiết kiệm.\n", "2024", "2025", 2),
]


@pytest.mark.parametrize("text,period,next_period,tasks", MEETINGS, ids=[m[0][:60] for m in MEETINGS])
def test_meeting_periods(text: str, period: str, next_period: str, tasks: int) -> None:
    m = parse_meeting(text)
    assert (m["period"], m["next_period"], len(m["tasks"])) == (period, next_period, tasks)


def owners(text: str) -> list:
    return [(f["text"], sorted(f["orgs"]) if f["orgs"] else f["org"]) for f in extract_text(text)["figures"]]


OWNERS: list[tuple[str, list]] = [
    # Days' wages given are a figure ('ngày' alone is a time, 'ngày lương' a count).
    ("Công đoàn viên chức tỉnh vận động mỗi đoàn viên ủng hộ 1 ngày lương cho đồng bào vùng lũ.",
     [("1 ngày lương", "congdoan")]),
    # Whoever approves or directs ('chủ trương của Tỉnh ủy', 'sự chỉ đạo của') owns nothing; the
    # body acting does.
    ("Ủy ban MTTQ tỉnh vận động được 5 tỷ đồng. Ban Thường trực xin chủ trương của Tỉnh ủy vận động "
     "cán bộ đóng góp ít nhất 2 ngày lương ủng hộ Quỹ.", [("5 tỷ đồng", "mttq"), ("ít nhất 2 ngày lương", "mttq")]),
    ("Thực hiện chủ trương của Tỉnh ủy, Hội LHPN tỉnh trao 300 suất quà.", [("300 suất quà", "phunu")]),
    # The Front's standing board named alone is the Front, not the bodies of the clause before.
    ("MTTQ và các tổ chức thành viên tăng cường tuyên truyền; Ban Thường trực vận động cán bộ, công chức "
     "đóng góp ít nhất 1 ngày lương.", [("ít nhất 1 ngày lương", "mttq")]),
    # ... but the board of a body named right after it is that body's.
    ("Ban Thường trực Hội đồng Thi đua - Khen thưởng tỉnh đề nghị khen thưởng 12 tập thể.", [("12 tập thể", None)]),
    # An emulation cluster opens the list of its bodies, which are the subject: the organizations
    # of the sentence before no longer carry over.
    ("Các tổ chức thành viên của Mặt trận vận động được 5 tỷ đồng. Nhân dịp này, Cụm thi đua Khối Nội chính "
     "Công an tỉnh, Vietcombank và Công ty Điện lực đã trao 12 căn nhà cho hộ nghèo.",
     [("5 tỷ đồng", ["ccb", "congdoan", "doan", "nongdan", "phunu"]), ("12 căn nhà", "other")]),
]


@pytest.mark.parametrize("text,expected", OWNERS, ids=[c[0][:50] for c in OWNERS])
def test_owner(text: str, expected: list) -> None:
    assert owners(text) == expected


def found(text: str) -> list:
    return [f["text"] for f in extract_text(text)["figures"]]


FIGURES: list[tuple[str, list]] = [
    # A number opening a short quoted name is part of the name ...
    ('Tỉnh đoàn triển khai các hoạt động theo phương châm "4 cùng" với 120 đội hình tình nguyện.', ["120 đội hình"]),
    ('Đoàn trường thực hiện phong trào "3 tốt" với 2.000 đoàn viên tham gia.', ["2.000 đoàn viên"]),
    # ... unless it counts a thing (a guard).
    ('Các chi đoàn được tặng "120 suất quà" nhân dịp Tết.', ["120 suất quà"]),
]


@pytest.mark.parametrize("text,expected", FIGURES, ids=[c[0][:50] for c in FIGURES])
def test_found(text: str, expected: list) -> None:
    assert found(text) == expected

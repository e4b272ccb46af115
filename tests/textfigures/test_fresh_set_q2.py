"""Causes of the errors on the dev part of the fresh set src_q2 (issue 15: pre-reform unit reports and
articles on the trade unions, the Youth Union, the Veterans and the Front), each in new wording. One
row per case; every row failed before its fix, except the guards marked as such (wording that must
keep its answer)."""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text


def orgs(text: str) -> list:
    out = []
    for f in extract_text(text)["figures"]:
        owner = sorted(f["orgs"]) if f.get("orgs") else f["org"]
        out.append((f["text"], owner))
    return out


ORGS: list[tuple[str, list]] = [
    # The places the people counted come from ('công nhân của 12 doanh nghiệp', 'học sinh … của 15
    # trường') are those the body's work reached: its figure (CONVENTIONS.md 9 as decided again in issue 15; nobody's before).
    ("LĐLĐ tỉnh tổ chức ngày hội cho 800 công nhân của 12 doanh nghiệp trong khu công nghiệp.",
     [("800 công nhân", "congdoan"), ("12 doanh nghiệp", "congdoan")]),
    ("Tỉnh đoàn kết nạp 900 đoàn viên, trong đó 300 em là học sinh lớp 11 của 15 trường trung học phổ thông.",
     [("900 đoàn viên", "doan"), ("300 em", "doan"), ("15 trường", "doan")]),
    ("Huyện đoàn tập huấn cho 240 đoàn viên của 9 xã vùng cao.",
     [("240 đoàn viên", "doan"), ("9 xã", "doan")]),
    # The Youth Union's grassroots unions counted by name ('23 Đoàn xã, thị trấn') are figures, as
    # '56 Hội CCB cấp xã' are: the capital 'Đoàn' opens no other body's name here.
    ("Huyện đoàn tổ chức hội nghị. Dự hội nghị có bí thư 23 Đoàn xã, thị trấn và 14 chi đoàn trực thuộc.",
     [("23 Đoàn xã, thị trấn", "doan"), ("14 chi đoàn", "doan")]),
    ("Huyện đoàn tổng kết năm. Hạn chế: 5 Đoàn xã chưa đạt tiến độ kết nạp đoàn viên.", [("5 Đoàn xã", "doan")]),
    # The firms an area has, and the size that makes a firm count, are statistics of the area
    # (CONVENTIONS.md 5), not the union's work; the members' own firms stay the body's (2).
    ("LĐLĐ tỉnh cho biết, hiện toàn tỉnh có khoảng 3.500 doanh nghiệp đang hoạt động.",
     [("khoảng 3.500 doanh nghiệp", None)]),
    ("Công đoàn tỉnh triển khai kế hoạch năm. Toàn huyện có 640 doanh nghiệp sử dụng từ 30 lao động trở lên.",
     [("640 doanh nghiệp", None), ("30 lao động", None)]),
    ("LĐLĐ huyện yêu cầu cán bộ nắm danh sách các doanh nghiệp có từ 20 lao động trở lên chưa có công đoàn.",
     [("20 lao động", None)]),
    ("Hội CCB tỉnh cho biết, toàn tỉnh có 46 doanh nghiệp do hội viên làm chủ, tạo việc làm cho 2.300 lao động.",
     [("46 doanh nghiệp", "ccb"), ("2.300 lao động", "ccb")]),
    # Schools where the work was done are the body's too (9); a body's own branches stay its own.
    ("Đoàn trường tổ chức tuyên truyền tại 6 trường trung học cơ sở.", [("6 trường", "doan")]),
    ("Hội LHPN huyện thăm 30 hội viên của 5 chi hội.", [("30 hội viên", "phunu"), ("5 chi hội", "phunu")]),
]


@pytest.mark.parametrize("text,expected", ORGS, ids=[c[0][:50] for c in ORGS])
def test_org(text: str, expected: list) -> None:
    assert orgs(text) == expected


def codes(text: str) -> list:
    return [(f["text"], f["indicator_code"]) for f in extract_text(text)["figures"]]


CODES: list[tuple[str, list]] = [
    # People counted by their office are people trained ('cho 210 bí thư chi đoàn'), not the branches
    # or groups the office is named after ('95 chi hội trưởng' is no 95 branches).
    ("Ban Thường vụ Tỉnh đoàn mở 3 lớp bồi dưỡng cho 210 bí thư chi đoàn.",
     [("3 lớp", "lop_tap_huan"), ("210 bí thư chi đoàn", "luot_tap_huan")]),
    ("Hội Nông dân huyện tập huấn cho 95 chi hội trưởng và 40 tổ trưởng tổ hội.",
     [("95 chi hội trưởng", "luot_tap_huan"), ("40 tổ trưởng", "luot_tap_huan")]),
    ("LĐLĐ tỉnh mở 4 lớp tập huấn cho 320 chủ tịch công đoàn cơ sở.",
     [("4 lớp", "lop_tap_huan"), ("320 chủ tịch công đoàn cơ sở", "luot_tap_huan")]),
    ("Hội LHPN huyện có 42 chi hội trưởng là người dân tộc thiểu số.", [("42 chi hội trưởng", None)]),
    # Members brought to give blood are volunteer turns, as those brought to any volunteer work.
    ("Huyện đoàn vận động 150 lượt đoàn viên, thanh niên tham gia hiến máu.",
     [("150 lượt đoàn viên, thanh niên", "luot_dvtn_tinh_nguyen")]),
    ("Tuổi trẻ huyện ra quân tháng tình nguyện. Các chi đoàn vận động 86 đoàn viên tham gia hiến máu, tiếp nhận "
     "80 đơn vị máu.",
     [("86 đoàn viên", "luot_dvtn_tinh_nguyen"), ("80 đơn vị", None)]),
    # A clause opening with its place as the subject ('…; huyện đã hoàn thành 58 căn') goes on with the
    # words of the clause before, as one with no subject does ('…; đã hoàn thành 58 căn').
    ("Thực hiện chương trình xóa nhà tạm, Mặt trận huyện vận động 3 tỷ đồng; huyện đã hoàn thành 58 căn.",
     [("3 tỷ đồng", "ho_tro_kinh_phi"), ("58 căn", "nha_tam_xoa")]),
    ("Ủy ban MTTQ xã sửa chữa nhà Đại đoàn kết cho hộ nghèo; xã cũng vừa bàn giao thêm 4 căn.",
     [("4 căn", "nha_dai_doan_ket")]),
    # A guard: the blood received is no volunteer.
    ("Đoàn xã tổ chức 2 đợt hiến máu với 64 đơn vị máu.", [("2 đợt", None), ("64 đơn vị", None)]),
    # The body's units that reached the grade, then their share: the rate the catalogue tracks.
    ("Hội CCB huyện có 18 cơ sở Hội. Qua rà soát, 16/18 cơ sở Hội được đánh giá trong sạch, vững mạnh, chiếm 88,9%.",
     [("18 cơ sở Hội", "chi_hoi"), ("16", None), ("18 cơ sở Hội", None), ("88,9%", "co_so_vung_manh")]),
    ("Huyện đoàn có 32 cơ sở Đoàn; cuối năm có 29 cơ sở Đoàn xếp loại vững mạnh, đạt 90,6%.",
     [("32 cơ sở Đoàn", "chi_hoi"), ("29 cơ sở Đoàn", None), ("90,6%", "co_so_vung_manh")]),
    # A guard: a share of branches with no grade is no such rate.
    ("Hội LHPN xã có 12 chi hội, trong đó 10 chi hội hoạt động đều, chiếm 83,3%.",
     [("12 chi hội", "chi_hoi"), ("10 chi hội", None), ("83,3%", None)]),
    # A guard: the branches themselves.
    ("Hội Nông dân huyện có 95 chi hội và 210 tổ hội.", [("95 chi hội", "chi_hoi"), ("210 tổ hội", "chi_hoi")]),
]


@pytest.mark.parametrize("text,expected", CODES, ids=[c[0][:50] for c in CODES])
def test_code(text: str, expected: list) -> None:
    assert codes(text) == expected

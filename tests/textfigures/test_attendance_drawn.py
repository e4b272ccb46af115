"""Issue 15, dev errors: the people that sessions or classes drew ('… 15 hội nghị tuyên truyền ở cơ
sở, thu hút gần 1.200 đại biểu', '6 buổi sinh hoạt chuyên đề …, thu hút hơn 300 đoàn viên') attended
them, as the people they were held for do ('… cho 260 đoàn viên'). New wordings; every row but the
guards failed before the fix."""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text


def codes(text: str) -> list:
    return [(f["text"], f["indicator_code"]) for f in extract_text(text)["figures"]]


CODES: list[tuple[str, list]] = [
    ("ỦY BAN MTTQ VIỆT NAM HUYỆN A\nMặt trận huyện mở 9 hội nghị tuyên truyền pháp luật tại các thôn, "
     "thu hút gần 800 đại biểu.\n",
     [("9 hội nghị", "tuyen_truyen_buoi"), ("gần 800 đại biểu", "tuyen_truyen_luot_nguoi")]),
    ("ĐOÀN THANH NIÊN XÃ B\nĐoàn xã tổ chức 4 buổi sinh hoạt chuyên đề về an toàn giao thông, thu hút hơn "
     "250 đoàn viên.\n",
     [("4 buổi", "tuyen_truyen_buoi"), ("hơn 250 đoàn viên", "tuyen_truyen_luot_nguoi")]),
    ("HỘI NÔNG DÂN XÃ C\nHội phối hợp tổ chức 12 buổi tuyên truyền phòng chống dịch bệnh trên gia súc, thu hút "
     "được 430 hội viên.\n",
     [("12 buổi", "tuyen_truyen_buoi"), ("430 hội viên", "tuyen_truyen_luot_nguoi")]),
    ("HỘI LHPN PHƯỜNG D\nHội tổ chức 3 buổi truyền thông về bình đẳng giới, thu hút 210 hội viên, phụ nữ.\n",
     [("3 buổi", "tuyen_truyen_buoi"), ("210 hội viên, phụ nữ", "tuyen_truyen_luot_nguoi")]),
    # A guard: what the drawing counts is no session's.
    ("HỘI NÔNG DÂN XÃ C\nHội tổ chức 2 buổi tuyên truyền. Khu công nghiệp thu hút 1.200 lao động.\n",
     [("2 buổi", "tuyen_truyen_buoi"), ("1.200 lao động", None)]),
]


@pytest.mark.parametrize("text,expected", CODES, ids=[c[0][:60] for c in CODES])
def test_codes(text: str, expected: list) -> None:
    assert codes(text) == expected


# The split by level of a fund's amount, opened in the next sentence ('… được trên 10 tỷ đồng. Phần
# của cấp tỉnh là hơn 2,7 tỷ đồng; các huyện …') or listed with no verb of its own: raised into the fund.
FUNDS: list[tuple[str, list]] = [
    ("ỦY BAN MTTQ VIỆT NAM TỈNH A\nNăm 2024, Mặt trận các cấp vận động Quỹ \"Vì người nghèo\" được 12 tỷ đồng. "
     "Phần của cấp tỉnh là 3 tỷ đồng; các huyện vận động 7 tỷ đồng.\n",
     [("12 tỷ đồng", "quy_vi_nguoi_ngheo"), ("3 tỷ đồng", "quy_vi_nguoi_ngheo"), ("7 tỷ đồng", "quy_vi_nguoi_ngheo")]),
    ("ỦY BAN MTTQ VIỆT NAM HUYỆN B\nQuỹ \"Vì người nghèo\" huyện năm nay tiếp nhận 2,1 tỷ đồng. Cấp huyện vận động "
     "900 triệu đồng, cấp xã 1,2 tỷ đồng.\n",
     [("2,1 tỷ đồng", "quy_vi_nguoi_ngheo"), ("900 triệu đồng", "quy_vi_nguoi_ngheo"),
      ("1,2 tỷ đồng", "quy_vi_nguoi_ngheo")]),
    ("ỦY BAN MTTQ VIỆT NAM TỈNH C\nQuỹ \"Đền ơn đáp nghĩa\" vận động được 5 tỷ đồng. Các xã vận động 1,5 tỷ đồng.\n",
     [("5 tỷ đồng", "quy_den_on_dap_nghia"), ("1,5 tỷ đồng", "quy_den_on_dap_nghia")]),
    # A guard: the next sentence spends it.
    ("ỦY BAN MTTQ VIỆT NAM TỈNH A\nMặt trận vận động Quỹ \"Vì người nghèo\" được 12 tỷ đồng. Các huyện đã chi 3 tỷ "
     "đồng xây nhà.\n",
     [("12 tỷ đồng", "quy_vi_nguoi_ngheo"), ("3 tỷ đồng", None)]),
]


@pytest.mark.parametrize("text,expected", FUNDS, ids=[c[0][:60] for c in FUNDS])
def test_fund_split(text: str, expected: list) -> None:
    assert codes(text) == expected


def test_cash_part_is_no_fund_share() -> None:
    # A guard: the split by kind ('phần tiền mặt …') of what the fund received.
    text = ("ỦY BAN MTTQ VIỆT NAM TỈNH A\nQuỹ \"Vì người nghèo\" các cấp đã tiếp nhận 40 tỷ đồng; phần tiền mặt 18 tỷ "
            "đồng.\n")
    assert codes(text) == [("40 tỷ đồng", "quy_vi_nguoi_ngheo"), ("18 tỷ đồng", None)]

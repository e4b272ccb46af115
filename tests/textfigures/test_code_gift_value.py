"""Indicator codes: the value of what a body gave (CONVENTIONS.md 25, issue 15), each row a wording of our own,
not a sentence of the corpus.

'trị giá' after things a body gave ('trao 5 máy tính', 'tặng 120 thẻ bảo hiểm y tế') is the gifts' value
(tri_gia_qua) whatever noun counts them, as after 'suất quà' or '2 con bò giống'; not after a house (what it
cost), a contest's prize, scholarships, youth works or things received.
"""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text

GIVEN_VALUED: list[tuple[str, str, str | None]] = [
    ("Đoàn phường trao 5 máy tính trị giá 40 triệu đồng cho điểm trường.", "40 triệu đồng", "tri_gia_qua"),
    ("Hội Nông dân huyện tặng 120 thẻ bảo hiểm y tế cho hội viên nghèo, trị giá 95 triệu đồng.", "95 triệu đồng",
     "tri_gia_qua"),
    ("Công đoàn khu công nghiệp trao 3 tủ lạnh cho nhà trọ công nhân, tổng trị giá 21 triệu đồng.", "21 triệu đồng",
     "tri_gia_qua"),
]

GIVEN_VALUED_KEPT: list[tuple[str, str, str | None]] = [
    # already gifts by their counted noun
    ("Huyện đoàn trao 12 xe đạp cho học sinh nghèo, trị giá 18 triệu đồng.", "18 triệu đồng", "tri_gia_qua"),
    # a prize, a house, scholarships, youth works, things received
    ("Ban tổ chức trao 1 giải nhất trị giá 5 triệu đồng.", "5 triệu đồng", None),
    ("Hội LHPN xã trao 1 căn nhà \"Mái ấm tình thương\" trị giá 70 triệu đồng.", "70 triệu đồng", None),
    ("Mặt trận phường trao 60 phần học bổng, quà tặng cho học sinh, trị giá 90 triệu đồng.", "90 triệu đồng", None),
    ("Các cơ sở Đoàn thực hiện 40 công trình thanh niên, trị giá 900 triệu đồng.", "900 triệu đồng", None),
    ("Hội CCB tỉnh tiếp nhận 30 máy tính trị giá 150 triệu đồng do doanh nghiệp tặng.", "150 triệu đồng", None),
]


def _code(text: str, figure: str) -> str | None:
    return next(f["indicator_code"] for f in extract_text(text)["figures"] if text[f["start"]:f["end"]] == figure)


@pytest.mark.parametrize(("text", "figure", "code"), GIVEN_VALUED + GIVEN_VALUED_KEPT)
def test_value_of_what_was_given(text: str, figure: str, code: str | None) -> None:
    assert _code(text, figure) == code

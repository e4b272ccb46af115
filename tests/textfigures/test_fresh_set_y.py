"""Causes of the errors on the dev part of the fresh set src_y (issue 15: post-reform wards and
communes, their five organizations under the Front), each in new wording. One row per case; every
row failed before its fix, except the guards marked as such (wording that must keep its answer)."""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text
from giaoban.textfigures.meetings import parse_meeting


def people(text: str) -> list:
    return [(p["name"], p["position"]) for p in parse_meeting(text)["people"]]


PEOPLE: list[tuple[str, list]] = [
    # Since 2025 the heads of the organizations are the Front's vice-chairs: 'Bí thư Đoàn Thanh niên
    # xã' in a position is the Youth Union, not a person named 'Đoàn Thanh'.
    ("BIÊN BẢN\nChủ trì: đồng chí Lê Văn Hùng, Chủ tịch Ủy ban MTTQ Việt Nam xã. Dự có các đồng chí: "
     "Vi Thị Hoa, Phó Chủ tịch Ủy ban MTTQ Việt Nam xã, Bí thư Đoàn Thanh niên xã; Lò Văn Dũng, Chủ tịch "
     "Hội Nông dân xã.\n",
     [("Lê Văn Hùng", "Chủ tịch Ủy ban MTTQ Việt Nam xã"),
      ("Vi Thị Hoa", "Phó Chủ tịch Ủy ban MTTQ Việt Nam xã, Bí thư Đoàn Thanh niên xã"),
      ("Lò Văn Dũng", "Chủ tịch Hội Nông dân xã")]),
    ("Phát biểu tại hội nghị, Phó Bí thư Đoàn Thanh niên phường, đồng chí Nguyễn Minh Khoa đề nghị các "
     "chi đoàn ra quân dọn vệ sinh.", [("Nguyễn Minh Khoa", "")]),
    # A guard: a person whose family name is Đoàn stays a person.
    ("Chủ trì: đồng chí Đoàn Thanh Hải, Chủ tịch Hội Cựu chiến binh xã.",
     [("Đoàn Thanh Hải", "Chủ tịch Hội Cựu chiến binh xã")]),
]


@pytest.mark.parametrize("text,expected", PEOPLE, ids=[c[0][:50] for c in PEOPLE])
def test_people(text: str, expected: list) -> None:
    assert people(text) == expected

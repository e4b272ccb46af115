"""Whose figure: a bare place after the Front's joint lead (CONVENTIONS.md 24, issue 15), each row a wording
of our own, not a sentence of the corpus.

After 'Mặt trận … cùng các đoàn thể …' or 'MTTQ và các tổ chức chính trị - xã hội …', a clause whose subject
is a bare place ('Phường đã …', 'Từ nguồn vốn này, xã khởi công …') is the Front's, and so is the rest of its
sentence after ';' until a body is named; the items a joint subject opens with a colon stay joint (22), the
place's statistics nobody's (5), a body named after ';' owns its own clause.
"""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text

ALL = ["ccb", "congdoan", "doan", "mttq", "nongdan", "phunu"]

PLACE_FOR_FRONT: list[tuple[str, list]] = [
    # The clause after ';' goes on with the place, not with the joint lead of the sentence before.
    (
        "Ủy ban MTTQ phường cùng các đoàn thể thăm 40 gia đình chính sách. Phường đã tiếp nhận Quỹ \"Vì người nghèo\" "
        "215 triệu đồng; xây mới 5 căn nhà Đại đoàn kết, mỗi căn 50 triệu đồng.",
        [ALL, "mttq", "mttq", "mttq"],
    ),
    # The place after an opening phrase, with no adverb before its verb.
    (
        "Mặt trận xã và các tổ chức chính trị - xã hội vận động được 320 triệu đồng. Từ nguồn vốn này, xã khởi công "
        "6 căn nhà Đại đoàn kết.",
        [ALL, "mttq"],
    ),
    (
        "MTTQ thị trấn cùng các tổ chức thành viên quyên góp 94 triệu đồng. Bằng nguồn quỹ đó, thị trấn sửa chữa 7 ngôi "
        "nhà cho hộ nghèo; đến nay bàn giao 4 căn.",
        [ALL, "mttq", "mttq"],
    ),
]

PLACE_FOR_FRONT_KEPT: list[tuple[str, list]] = [
    # What the joint subject opens with a colon is its own.
    ("Mặt trận xã cùng các đoàn thể tập trung chăm lo Tết: toàn xã trao 600 suất quà.", [ALL]),
    # The place's statistics.
    ("Ủy ban MTTQ xã cùng các đoàn thể thăm 25 hộ. Toàn xã còn 41 hộ nghèo.", [ALL, None]),
    # A body named after ';' owns its clause.
    (
        "Mặt trận xã cùng các đoàn thể vận động 120 triệu đồng. Xã đã khởi công 2 căn nhà; Hội LHPN xã trao 30 suất quà.",
        [ALL, "mttq", "phunu"],
    ),
    # No place: the joint work goes on.
    ("Mặt trận phường và các đoàn thể thăm 18 hộ. Sau đó, trao 18 suất quà.", [ALL, ALL]),
    # The Front alone before: the place is the Front's, as it was.
    ("Ủy ban MTTQ xã vận động 70 triệu đồng. Từ nguồn quỹ, xã khởi công 2 căn nhà Đại đoàn kết.", ["mttq", "mttq"]),
]


def _owners(text: str) -> list:
    return [sorted(f["orgs"]) if f["orgs"] else f["org"] for f in extract_text(text)["figures"]]


@pytest.mark.parametrize("text,owners", PLACE_FOR_FRONT + PLACE_FOR_FRONT_KEPT)
def test_bare_place_after_front_lead(text: str, owners: list) -> None:
    assert _owners(text) == owners

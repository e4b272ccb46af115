"""Whose figure, decided inside its sentence: classes of wording that recur on texts no rule had seen
(issue 15; benchmarks/unseen_attribution.py --now, benchmarks/unseen_errors.py --verbose, dev parts only).
Each row is a wording of our own, not a sentence of the corpus; the rows of a class failed on main before
its fix (the commit says which), the guards passed and must keep passing.

A pair 'a/b' is one figure of one body: its second number, the base, goes with the first (CONVENTIONS.md 13),
whatever its own words would say alone ('… ở 230/230 khu phố, ấp', '4/11 xã, thị trấn gửi báo cáo chậm'
are not the area's units once the first number is a body's; in the dev gold the two numbers of every
one of the 71 pairs have the same owner).
"""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text


def _owners(text: str) -> list:
    return [f["orgs"] or f["org"] for f in extract_text(text)["figures"]]


PAIR_WITH_FIRST: list[tuple[str, list]] = [
    ("- Hướng dẫn tổ chức Ngày hội Đại đoàn kết ở 230/230 khu phố, ấp.", ["mttq", "mttq"]),
    ("Ủy ban MTTQ huyện giao ban quý III. 4/11 xã, thị trấn gửi báo cáo chậm.", ["mttq", "mttq"]),
    ("Ủy ban MTTQ huyện giao ban tháng 9. 2/15 xã, thị trấn gửi số liệu chậm.", ["mttq", "mttq"]),
]

# What the class must leave alone: a pair that is a body's already, and one that is nobody's (the area's).
PAIR_WITH_FIRST_KEPT: list[tuple[str, list]] = [
    ("Hội LHPN tỉnh có 96/102 cơ sở Hội xếp loại vững mạnh.", ["phunu", "phunu"]),
    ("Xã hiện đạt 17/19 tiêu chí nông thôn mới.", [None, None]),
]


@pytest.mark.parametrize("text,owners", PAIR_WITH_FIRST + PAIR_WITH_FIRST_KEPT)
def test_a_pairs_base_goes_with_its_first_number(text: str, owners: list) -> None:
    assert _owners(text) == owners


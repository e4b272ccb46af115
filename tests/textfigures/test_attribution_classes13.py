"""Whose figure, decided inside its sentence: classes of wording that recur on texts no rule had seen
(issue 15; benchmarks/unseen_attribution.py --now, benchmarks/unseen_errors.py --verbose, dev parts only).
Each row is a wording of our own, not a sentence of the corpus; the rows of a class failed on main before
its fix (the commit says which), the guards passed and must keep passing.

A pair 'a/b' is one figure of one body: its second number, the base, goes with the first (CONVENTIONS.md 13),
whatever its own words would say alone ('… ở 230/230 khu phố, ấp', '4/11 xã, thị trấn gửi báo cáo chậm'
are not the area's units once the first number is a body's; in the dev gold the two numbers of every
one of the 71 pairs have the same owner).

The agent of a passive of giving named between the subject and the figure ('Hội Nông dân tỉnh được Ngân
hàng Agribank hỗ trợ 200 triệu đồng', 'Chi hội … được Công ty … trao tặng 25 suất quà') gave the figure,
as 'do X hỗ trợ' says (the dev gold: 'được Ban Chỉ huy Quân sự xã trao 20 suất quà' other, 'được Quỹ "Vì
người nghèo" huyện hỗ trợ 50 triệu đồng' mttq), not the subject that received it.
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


PASSIVE_GIVER: list[tuple[str, list]] = [
    ("Hội Nông dân tỉnh được Ngân hàng Agribank hỗ trợ 200 triệu đồng để xây dựng mô hình.", ["other"]),
    ("Hội Cựu chiến binh huyện được Công ty Điện lực tặng 15 suất quà cho hội viên nghèo.", ["other"]),
    ("Chi hội Phụ nữ thôn 3 được Công ty Phân bón Bình Điền trao tặng 25 suất quà cho hội viên nghèo.", ["other"]),
    ("Hội Nông dân xã vận động hội viên, được Công ty Giống cây trồng hỗ trợ 2 tấn giống lúa.", ["other"]),
]

# What the class must leave alone: a passive whose verb gives nothing (entrusted loans, a target set), a
# clause of the subject's own after the passive's, the six's own agent, and an award the body receives (its
# own result: in the dev gold 'được Trung ương Hội tặng 1 cờ thi đua' is the receiving association's).
PASSIVE_GIVER_KEPT: list[tuple[str, list]] = [
    ("Hội LHPN xã được Ngân hàng Chính sách xã hội ủy thác 45 tỷ đồng.", ["phunu"]),
    ("Tỉnh đoàn được Ban Thường vụ Tỉnh ủy giao chỉ tiêu kết nạp 1.200 đoàn viên.", ["doan"]),
    ('Hội CCB huyện đã được Công ty Than Mạo Khê hỗ trợ, xây mới 3 nhà "Nghĩa tình đồng đội".', ["ccb"]),
    ("Các hộ nghèo được Ủy ban MTTQ xã hỗ trợ 20 triệu đồng mỗi hộ.", ["mttq"]),
    ("Năm 2023, Hội LHPN huyện được Ủy ban nhân dân tỉnh tặng 2 bằng khen và 1 cờ thi đua.", ["phunu", "phunu"]),
]


@pytest.mark.parametrize("text,owners", PASSIVE_GIVER + PASSIVE_GIVER_KEPT)
def test_the_agent_of_a_passive_of_giving_gave_it(text: str, owners: list) -> None:
    assert _owners(text) == owners

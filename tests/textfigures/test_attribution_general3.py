"""Whose figure: classes of wording that recur on unseen texts, read from the clause's structure rather
than from one text's words (issue 15, benchmarks/unseen_errors.py). Each row is a wording of our own,
not a sentence of the corpus.

A ranking switches the subject at once, whatever rank it names: after 'xếp thứ hai là', 'đứng thứ ba là',
'xếp vị trí thứ hai là', 'đứng thứ hai sau X là' the body named takes the figure (the rule knew only
'xếp sau (… ) là'); the body ranked above, named after 'sau', holds nothing there.
"""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text

RANKED: list[tuple[str, list]] = [
    ("Hội LHPN huyện quản lý 310 tỷ đồng vốn ủy thác, xếp thứ hai là Hội Nông dân huyện với 255 tỷ đồng.",
     ["phunu", "nongdan"]),
    ("Hội Cựu chiến binh dẫn đầu về số hộ vay với 4.100 hộ; đứng thứ ba là Đoàn Thanh niên, 1.900 hộ.",
     ["ccb", "doan"]),
    ("Về quà Tết, Mặt trận huyện trao 2.400 suất; xếp vị trí thứ hai là Liên đoàn Lao động huyện với 800 suất.",
     ["mttq", "congdoan"]),
    ("Hội LHPN tỉnh giải ngân 90 tỷ đồng. Xếp thứ hai, Hội Nông dân tỉnh giải ngân 64 tỷ đồng.", ["phunu", "nongdan"]),
    ("Hội LHPN quản lý 200 tỷ đồng. Đứng thứ hai sau Hội LHPN về dư nợ là Hội Cựu chiến binh với 120 tỷ đồng.",
     ["phunu", "ccb"]),
    ("Tỉnh đoàn nhận ủy thác 75 tỷ đồng, đứng hạng ba là Hội Nông dân tỉnh với 60 tỷ đồng.", ["doan", "nongdan"]),
]

# What the class must leave alone: a body that ranks itself is still the subject of its clause.
RANKED_KEPT: list[tuple[str, list]] = [
    ("Hội Nông dân xã đứng thứ hai toàn huyện về thi đua, kết nạp 45 hội viên.", ["nongdan"]),
    ("Hội LHPN huyện xếp thứ ba trong khối, trao 120 suất quà cho hội viên nghèo.", ["phunu"]),
    ("Dẫn đầu là Hội LHPN với 500 tỷ đồng; xếp sau là Hội Nông dân với 420 tỷ đồng.", ["phunu", "nongdan"]),
]


def _owners(text: str) -> list:
    return [f["orgs"] or f["org"] for f in extract_text(text)["figures"]]


@pytest.mark.parametrize("text,owners", RANKED + RANKED_KEPT)
def test_ranking_names_the_next_subject(text: str, owners: list) -> None:
    assert _owners(text) == owners

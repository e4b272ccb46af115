"""Whose figure: classes of wording that recur on texts no rule had seen (issue 15; benchmarks/unseen_attribution.py
--now and benchmarks/unseen_errors.py, dev parts only). Each row is a wording of our own, not a sentence of the
corpus; the rows of a class failed on main before its fix (the commit says which), the guards passed and must keep
passing.

A group joined to the subject with 'cùng' ('…, cùng các đoàn thể giúp xóa 126 nhà tạm') does that clause's work
with it, as a body named so does ('…, cùng Ủy ban MTTQ xã làm 1 nhà'); and after ';' the subject carried into the
clause is the one it joins ('Mặt trận xã tổ chức …; cùng các đoàn thể vận động …'): the bodies jointly
(CONVENTIONS.md 8, joint subjects).
"""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text

SIX = ["ccb", "congdoan", "doan", "mttq", "nongdan", "phunu"]
ALL = ["mttq", "ccb", "congdoan", "doan", "nongdan", "phunu"]  # (the group 'Mặt trận và các đoàn thể', in its order)


def _owners(text: str) -> list:
    return [f["orgs"] or f["org"] for f in extract_text(text)["figures"]]


JOINED_WITH_CUNG: list[tuple[str, list]] = [
    (
        "Ủy ban MTTQ huyện chủ trì vận động được 3,2 tỷ đồng, cùng các đoàn thể giúp sửa 86 căn nhà cho hộ nghèo.",
        ["mttq", SIX],
    ),
    (
        "Mặt trận xã tổ chức hội nghị đại biểu nhân dân; cùng các đoàn thể vận động Nhân dân hiến 2.400 m2 đất làm đường.",
        [SIX],
    ),
    (
        "Năm qua, Hội Nông dân xã hỗ trợ 12 hộ vay vốn; cùng Hội LHPN xã tổ chức 3 lớp tập huấn.",
        ["nongdan", ["nongdan", "phunu"]],
    ),
    (
        "Ủy ban MTTQ phường giao ban với Ban Công tác Mặt trận các khu phố; cùng các tổ chức chính trị - xã hội trao "
        "120 suất quà Tết.",
        [SIX],
    ),
    (
        "Mặt trận xã tổ chức hội nghị; cùng các đoàn thể vận động hiến 600 m2 đất. Trong quý, đã tiếp nhận 12 đơn thư.",
        [SIX, "mttq"],
    ),  # (the next sentence goes on with the subject carried)
]

# What the class must leave alone: the body named with 'cùng' after a comma (as before), a group after a
# subject that is already all of it, and a donor's ';' that goes on.
JOINED_WITH_CUNG_KEPT: list[tuple[str, list]] = [
    (
        "Hội Cựu chiến binh phường vận động hội viên góp 30 triệu đồng, cùng Đoàn phường xây 1 nhà tình nghĩa.",
        ["ccb", ["ccb", "doan"]],
    ),
    ("Mặt trận và các đoàn thể xã trao 40 suất quà, cùng các đoàn thể huyện sửa 2 căn nhà.", [ALL, ALL]),
    ("Công ty Bia Sài Gòn tặng 50 suất quà; cùng Hội LHPN xã tổ chức 3 buổi tuyên truyền.", ["other", "other"]),
    ("Hội LHPN xã và các đoàn thể trao 40 suất quà cho hộ nghèo.", [["phunu", "ccb", "congdoan", "doan", "nongdan"]]),
]


@pytest.mark.parametrize("text,owners", JOINED_WITH_CUNG + JOINED_WITH_CUNG_KEPT)
def test_a_group_or_body_joined_with_cung_works_jointly(text: str, owners: list) -> None:
    assert _owners(text) == owners

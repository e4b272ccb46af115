"""Whose figure: classes of wording that recur on texts no rule had seen (issue 15; benchmarks/unseen_attribution.py
--now, dev parts of src_aw and src_av only). Each row is a wording of our own, not a sentence of the corpus; the rows
of a class failed on main before its fix (the commit says which), the guards passed and must keep passing.

A lead that asks bodies to carry out a list of tasks ('Đồng chí Trưởng Ban đề nghị Ủy ban MTTQ xã và các tổ chức
chính trị - xã hội trực thuộc tập trung: - …; - …', 'Hội nghị yêu cầu Huyện đoàn thực hiện các việc sau:') gives the
items after its colon to the bodies it asks: the Front with its organizations jointly, one body alone when it names
one (CONVENTIONS.md 22); an item that names its own body keeps it. The one who asks (a committee of the Party, the
meeting) owns none of them.
"""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text

ALL = ["mttq", "ccb", "congdoan", "doan", "nongdan", "phunu"]  # (the group 'Mặt trận và các đoàn thể', in its order)


def _owners(text: str) -> list:
    return [f["orgs"] or f["org"] for f in extract_text(text)["figures"]]


ASKED_BY_A_LEAD: list[tuple[str, list]] = [
    (
        "Ban Dân vận thị xã tổ chức hội nghị giao ban khối.\n"
        "Đồng chí Phó Trưởng Ban đề nghị Mặt trận và các tổ chức chính trị - xã hội thị xã tập trung làm tốt các việc sau:\n"
        "- Phấn đấu hoàn thành thêm 120 căn nhà tạm được xóa trước ngày 30/9.",
        [ALL],
    ),
    (
        "Ban Dân vận huyện tổ chức giao ban quý.\n"
        "Đồng chí Trưởng Ban đề nghị Ủy ban MTTQ xã và các tổ chức chính trị - xã hội trực thuộc tập trung:\n"
        "- Cập nhật dữ liệu của 7 khu dân cư còn lại lên phần mềm quản lý.\n"
        "- Hội Nông dân xã giải ngân 300 triệu đồng cho hội viên.",
        [ALL, "nongdan"],
    ),
    (
        "Ban Dân vận huyện tổ chức giao ban quý.\n"
        "Đồng chí Phó Trưởng Ban đề nghị Mặt trận và các đoàn thể huyện tập trung: vận động xây 60 căn nhà Đại đoàn "
        "kết; tổ chức Ngày hội ở 100% khu dân cư.",
        [ALL, ALL],
    ),
    (
        "Ủy ban MTTQ xã tổ chức hội nghị giao ban khối.\n"
        "Thường trực Đảng ủy xã yêu cầu Mặt trận và các tổ chức chính trị - xã hội xã thực hiện tốt các nhiệm vụ sau:\n"
        "- Bảo đảm 100% gia đình chính sách được thăm hỏi dịp Tết.",
        [ALL],
    ),
    (  # (the last item names its own body: its own)
        "Ban Dân vận huyện tổ chức giao ban quý.\nĐồng chí Trưởng Ban đề nghị Ủy ban MTTQ xã và các đoàn thể tập trung:\n"
        "- Tổ chức thăm 50 hộ nghèo.\n- Hội Cựu chiến binh xã giúp 3 hộ hội viên thoát nghèo.",
        [ALL, "ccb"],
    ),
]

ASKED_BY_A_LEAD_KEPT: list[tuple[str, list]] = [
    (  # (a lead that names the bodies as its own subject, no request)
        "Mặt trận và các tổ chức chính trị - xã hội huyện tập trung:\n- Vận động xây 85 căn nhà.",
        [ALL],
    ),
    (  # (a request with no list after it: the asked body's work is no result here)
        "Ủy ban MTTQ huyện đề nghị UBND huyện sớm bàn giao 26 căn nhà cho hộ nghèo.",
        ["mttq"],
    ),
    (
        "Hội Nông dân tỉnh kiến nghị Ngân hàng Chính sách xã hội tỉnh bổ sung 20 tỷ đồng vốn ủy thác.",
        ["nongdan"],
    ),
    (  # (one body asked: its items)
        "Ban Dân vận huyện tổ chức giao ban quý.\nĐồng chí Trưởng Ban yêu cầu Huyện đoàn tập trung:\n"
        "- Ra mắt 4 đội thanh niên tình nguyện.",
        ["doan"],
    ),
]


@pytest.mark.parametrize("text,owners", ASKED_BY_A_LEAD + ASKED_BY_A_LEAD_KEPT)
def test_the_items_of_a_task_list_are_the_asked_bodies(text: str, owners: list) -> None:
    assert _owners(text) == owners

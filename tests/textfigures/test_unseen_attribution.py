"""Attribution on texts no rule had seen (issue 15): classes of clause structure, each in new wording.

Each row is a wording of one class written for this test (not a sentence of the corpus), with the
organization, the organizations jointly (a list) or None / 'other' the figure belongs to; guards
keep the readings that were already right.
"""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text

ALL = ["ccb", "congdoan", "doan", "mttq", "nongdan", "phunu"]
CTXH = ["ccb", "congdoan", "doan", "nongdan", "phunu"]


def owner_of(text: str, figure: str) -> str | list[str] | None:
    """The organization (or the sorted organizations) of the figure whose text starts with ``figure``."""
    found = [f for f in extract_text(text)["figures"] if f["text"].startswith(figure)]
    assert len(found) == 1, [f["text"] for f in extract_text(text)["figures"]]
    return sorted(found[0]["orgs"]) if found[0]["orgs"] else found[0]["org"]


OWNERS: list[tuple[str, str, str | list[str] | None]] = [
    # A body that tells ('X cho biết, …', 'Theo X, …') is no item of a list with the subject after
    # the comma: the subject acts alone.
    ("Liên đoàn Lao động tỉnh cho biết, Tập đoàn Viettel đã trao 150 suất học bổng cho con đoàn viên.",
     "150 suất", "other"),
    ("Hội LHPN huyện cho hay, Công ty Cổ phần Mía đường đã hỗ trợ 50 triệu đồng cho hội viên.", "50 triệu", "other"),
    ("Theo Ủy ban MTTQ huyện, các tổ chức thành viên đã vận động 140 triệu đồng.", "140 triệu", CTXH),
    ("Bà Nguyễn Thị Lan, Chủ tịch Hội LHPN tỉnh cho biết, Hội đã hỗ trợ 230 phụ nữ khởi nghiệp.", "230", "phunu"),
    # … and an official speaks for the body of the office named, another body's as well.
    ("Ông Trần Văn Nam, Giám đốc Sở Lao động tỉnh cho biết, trong năm đã giải quyết việc làm cho 18.000 lao động.",
     "18.000", "other"),
    # guards: the place after a name is named in capitals (or by place nouns) and the list goes on
    ("Hội Nông dân tỉnh Bến Tre cho biết, hội viên đã đóng góp 3 tỷ đồng làm đường.", "3 tỷ", "nongdan"),
    ("Hội Nông dân tỉnh Bến Tre, Hội LHPN tỉnh và Tỉnh đoàn phối hợp mở 5 lớp dạy nghề.", "5 lớp",
     ["doan", "nongdan", "phunu"]),
    ("Hội LHPN Việt Nam tỉnh Gia Lai và Hội Nông dân tỉnh cùng tổ chức 6 phiên chợ nông sản.", "6 phiên",
     ["nongdan", "phunu"]),
    ("Ông Lê Văn Hải, Phó Chủ tịch LĐLĐ huyện cho biết, đơn vị đã thành lập 3 công đoàn cơ sở.", "3 công đoàn",
     "congdoan"),
]


@pytest.mark.parametrize("text,figure,expected", OWNERS, ids=[f"{c[1]}: {c[0][:40]}" for c in OWNERS])
def test_owner(text: str, figure: str, expected: str | list[str] | None) -> None:
    assert owner_of(text, figure) == expected

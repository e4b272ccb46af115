"""Meeting minutes and joint texts: classes of wording from the dev part (issue 15: meetings).

Each row is a text of our own for a class, not a sentence of the corpus:

- SPEAKER: in minutes, the paragraph a person reports or says ('Đồng chí Đinh Văn Khải báo cáo: các cấp
  Hội …', 'Bà Thoa cho biết …', 'đ/c Tuấn phát biểu: …') whose office is written only in the list of who
  attended ('Đinh Văn Khải, Chủ tịch Hội Nông dân huyện; …') is that office's body's: its figures, and
  the 'Hội' it says, are that body's, not the association the paragraph before named. The person is
  found again by full name, given name or family name after an honorific (meetings.people.speaker_spans,
  the meeting parser's people; the office's body by orgs.org_of_position, the one resolver of names).
- SPEAKER_KEPT (guards): an office of none of the six, a given name two people of different bodies
  share, a body the paragraph names itself, an office written again in apposition.
"""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text
from giaoban.textfigures.orgs import org_of_position


def _owners(text: str) -> list:
    out = []
    for f in extract_text(text)["figures"]:
        out.append(f["org"] if f["org"] is not None or not f["orgs"] else sorted(f["orgs"]))
    return out


SPEAKER: list[tuple[str, list]] = [
    ("BIÊN BẢN GIAO BAN QUÝ II NĂM 2023 CỦA KHỐI MẶT TRẬN HUYỆN ĐÔNG SƠN\n"
     "Có mặt các đồng chí: Lê Thị Hạnh, Chủ tịch Hội LHPN huyện; Trịnh Văn Phúc, Chủ tịch Hội Nông dân huyện.\n"
     "Đồng chí Lê Thị Hạnh báo cáo: Hội mở 3 lớp dạy nghề may.\n"
     "Đồng chí Trịnh Văn Phúc báo cáo: các cấp Hội kết nạp 64 hội viên, thành lập 2 tổ hợp tác.",
     ["phunu", "nongdan", "nongdan"]),
    ("Biên bản giao ban tháng 9 năm 2024 của Ủy ban MTTQ xã Quỳnh Lâm\n"
     "Thành phần gồm các đồng chí: Hồ Văn Sáu, Chủ tịch Hội Cựu chiến binh xã; Phan Thị Lý, Chủ tịch Hội Phụ nữ xã.\n"
     "Bà Lý cho biết, Hội đã vận động 38 hội viên gửi tiết kiệm.\n"
     "Ông Sáu báo cáo: Hội thăm 17 hội viên ốm đau; vận động hội viên hiến 250 m2 đất làm đường.",
     ["phunu", "ccb", "ccb"]),
    ("BIÊN BẢN HỌP GIAO BAN THÁNG 4 NĂM 2025 KHỐI DÂN VẬN XÃ TAM HIỆP\n"
     "Dự họp có các đồng chí: Quách Văn Đạt, Bí thư Đoàn xã; Đào Thị Nụ, Chủ tịch Hội LHPN xã.\n"
     "Đ/c Nụ phát biểu: Hội tổ chức 5 buổi sinh hoạt chuyên đề.\n"
     "Đ/c Quách Văn Đạt báo cáo: ra quân làm sạch 6 km kênh mương, kết nạp 21 đoàn viên.",
     ["phunu", "doan", "doan"]),
    # the family name alone after the honorific
    ("Biên bản giao ban 6 tháng đầu năm 2022 của Mặt trận và các đoàn thể phường Tân Hòa\n"
     "Tham dự có các đồng chí: Mùa A Sử, Chủ tịch Hội Nông dân phường; Lầu Thị Dua, Chủ tịch Hội Phụ nữ phường.\n"
     "Đồng chí Lầu Thị Dua báo cáo: Hội vận động 12 hộ hội viên thoát nghèo.\n"
     "Đồng chí Mùa báo cáo: Hội giúp 9 hộ hội viên vay vốn làm chuồng trại.",
     ["phunu", "nongdan"]),
]


@pytest.mark.parametrize(("text", "owners"), SPEAKER)
def test_speaker_owns_the_paragraph(text: str, owners: list) -> None:
    assert _owners(text) == owners


SPEAKER_KEPT: list[tuple[str, list]] = [
    # an office of none of the six: the paragraph's own body decides
    ("BIÊN BẢN GIAO BAN KHỐI DÂN VẬN HUYỆN QUÝ III NĂM 2024\n"
     "Chủ trì: đồng chí Vi Văn Thắng, Trưởng Ban Dân vận Huyện ủy.\n"
     "Đồng chí Vi Văn Thắng phát biểu: Hội Cựu chiến binh huyện đã giúp 14 hộ hội viên thoát nghèo.",
     ["ccb"]),
    # a given name two people of different bodies share: no one is guessed
    ("Biên bản giao ban quý I năm 2024 của Ủy ban MTTQ xã Yên Phú\n"
     "Tham dự có các đồng chí: Nông Văn Hùng, Chủ tịch Hội Nông dân xã; Hà Văn Hùng, Bí thư Đoàn xã.\n"
     "Hội Nông dân xã tổ chức 2 lớp tập huấn. Ông Hùng báo cáo: Hội kết nạp 15 hội viên.",
     ["nongdan", "nongdan"]),
    # the office written again in apposition: read as before
    ("Biên bản giao ban tháng 3 năm 2023 của Mặt trận xã Đồng Lạc\n"
     "Tham dự có các đồng chí: Tô Thị Mến, Chủ tịch Hội LHPN xã.\n"
     "Hội Nông dân xã tổ chức 1 hội thi. Bà Tô Thị Mến, Chủ tịch Hội LHPN xã cho biết, Hội đã trao 30 suất quà.",
     ["nongdan", "phunu"]),
]


@pytest.mark.parametrize(("text", "owners"), SPEAKER_KEPT)
def test_speaker_kept(text: str, owners: list) -> None:
    assert _owners(text) == owners


@pytest.mark.parametrize(("position", "org"), [
    ("Ủy viên Ban Thường vụ Thị ủy, Chủ tịch Ủy ban MTTQ Việt Nam thị xã", "mttq"),
    ("Phó Bí thư Huyện đoàn", "doan"),
    ("Chủ tịch Công đoàn cơ sở xã", "congdoan"),
    ("Trưởng Ban Dân vận Huyện ủy", None),
    ("Chủ tịch Hội", None),
])
def test_org_of_position(position: str, org: str | None) -> None:
    assert org_of_position(position) == org


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
- CONCLUSION_LIST: a conclusion's lead up to its colon ('Đồng chí chủ trì kết luận: 6 tháng cuối năm,
  Mặt trận …; Hội Nông dân …; Huyện đoàn …', 'Kết luận hội nghị, đồng chí … nêu: …') opens a list of
  tasks split on ';', though no directive word ('đề nghị', 'yêu cầu', 'cần') is said; an item with a
  body of its own for subject is that body's task.
- HEADED_TASKS: a heading that opens tasks ('III. Nhiệm vụ tháng 10') starts a new list: the subject of
  the items before it does not carry into tasks that have none of their own.
- CONCLUSION_KEPT (guards): a conclusion that only assesses ('… đã hoàn thành …; … được đẩy mạnh') gives
  no task; dashed lines after 'kết luận:' stay tasks, as before.
"""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text
from giaoban.textfigures.meetings import parse_meeting
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


CONCLUSION_LIST: list[tuple[str, list[tuple[str, list[str]]]]] = [
    ("Biên bản giao ban 9 tháng năm 2023 của Mặt trận và các đoàn thể xã Nghĩa Đồng.\n"
     "Đồng chí chủ trì kết luận: quý IV, các đoàn thể xã tập trung vận động hội viên đóng Quỹ \"Vì người nghèo\"; "
     "Hội Nông dân xã hướng dẫn bà con làm vụ đông; Đoàn xã ra quân dọn vệ sinh đường làng.",
     [("Các đoàn thể xã tập trung vận động hội viên đóng Quỹ \"Vì người nghèo\".",
       ["mttq", "congdoan", "phunu", "doan", "nongdan", "ccb"]),
      ("Hội Nông dân xã hướng dẫn bà con làm vụ đông.", ["nongdan"]),
      ("Đoàn xã ra quân dọn vệ sinh đường làng.", ["doan"])]),
    ("Giao ban quý I năm 2026 khối Mặt trận phường Hưng Phú.\n"
     "Kết luận hội nghị, đồng chí Chủ tịch Ủy ban MTTQ phường nêu: Ban Công tác Mặt trận các khu phố rà soát "
     "hộ khó khăn về nhà ở; Hội Cựu chiến binh phường hòa giải mâu thuẫn trong khu dân cư.",
     [("Ban Công tác Mặt trận các khu phố rà soát hộ khó khăn về nhà ở.", ["mttq"]),
      ("Hội Cựu chiến binh phường hòa giải mâu thuẫn trong khu dân cư.", ["ccb"])]),
    ("Biên bản giao ban 6 tháng đầu năm 2024 của Ủy ban MTTQ thị trấn Phố Lu.\n"
     "Kết luận: 6 tháng cuối năm, các tổ chức thành viên bám sát địa bàn; Liên đoàn Lao động thị trấn chuẩn bị "
     "Tháng Công nhân; các đoàn thể tuyên truyền bảo hiểm xã hội tự nguyện.",
     [("Các tổ chức thành viên bám sát địa bàn.", ["mttq", "congdoan", "phunu", "doan", "nongdan", "ccb"]),
      ("Liên đoàn Lao động thị trấn chuẩn bị Tháng Công nhân.", ["congdoan"]),
      ("Các đoàn thể tuyên truyền bảo hiểm xã hội tự nguyện.", ["mttq", "congdoan", "phunu", "doan", "nongdan", "ccb"])]),
]


@pytest.mark.parametrize(("text", "tasks"), CONCLUSION_LIST)
def test_conclusion_list(text: str, tasks: list[tuple[str, list[str]]]) -> None:
    got = [(t["text"], t["orgs"]) for t in parse_meeting(text)["tasks"]]
    assert got == tasks


CONCLUSION_KEPT: list[tuple[str, list[str]]] = [
    ("Biên bản giao ban quý II năm 2024 của Mặt trận xã Ea Tu.\n"
     "Đồng chí Chủ tịch Ủy ban MTTQ xã kết luận: quý II, các đoàn thể đã hoàn thành tốt nhiệm vụ; "
     "công tác tuyên truyền được đẩy mạnh; Hội Nông dân xã đã kết nạp 40 hội viên.", []),
    ("Giao ban tháng 7 năm 2025 khối dân vận xã Mường Chà.\n"
     "Đồng chí Bí thư Đảng ủy xã kết luận:\n- Hội Phụ nữ xã vận động chị em tham gia bảo hiểm y tế;\n"
     "- Đoàn xã tổ chức sinh hoạt hè cho thiếu nhi.",
     ["Hội Phụ nữ xã vận động chị em tham gia bảo hiểm y tế.", "Đoàn xã tổ chức sinh hoạt hè cho thiếu nhi."]),
]


@pytest.mark.parametrize(("text", "tasks"), CONCLUSION_KEPT)
def test_conclusion_kept(text: str, tasks: list[str]) -> None:
    assert [t["text"] for t in parse_meeting(text)["tasks"]] == tasks


# A heading that opens the tasks ('III. Nhiệm vụ tháng 10') starts a new list: the subject of the items
# before it (a body's report in a bullet) does not carry into the tasks without a subject of their own.
HEADED_TASKS: list[tuple[str, list[tuple[str, list[str]]]]] = [
    (
        "Giao ban tháng 8 năm 2025 của Ủy ban MTTQ xã Na Rì.\nPhương hướng tháng 9:\n"
        "- Hội Cựu chiến binh xã vận động hội viên giữ gìn vệ sinh môi trường.\nIII. Nhiệm vụ tháng 10\n"
        "- Hướng dẫn các thôn chuẩn bị Ngày hội Đại đoàn kết toàn dân tộc.",
        [("Hội Cựu chiến binh xã vận động hội viên giữ gìn vệ sinh môi trường.", ["ccb"]),
         ("Hướng dẫn các thôn chuẩn bị Ngày hội Đại đoàn kết toàn dân tộc.", ["mttq", "ccb"])],
    ),
    (
        "Giao ban tháng 8 năm 2025 của Ủy ban MTTQ xã Na Rì.\n2. Nhiệm vụ của các đoàn thể:\n"
        "- Hội Cựu chiến binh xã vận động hội viên giữ gìn vệ sinh môi trường.\n3. Nhiệm vụ tháng 9\n"
        "- Hướng dẫn các thôn chuẩn bị Ngày hội Đại đoàn kết toàn dân tộc.",
        [("Hội Cựu chiến binh xã vận động hội viên giữ gìn vệ sinh môi trường.", ["ccb"]),
         ("Hướng dẫn các thôn chuẩn bị Ngày hội Đại đoàn kết toàn dân tộc.",
          ["mttq", "congdoan", "phunu", "doan", "nongdan", "ccb"])],
    ),
]


@pytest.mark.parametrize(("text", "tasks"), HEADED_TASKS)
def test_heading_starts_a_new_list(text: str, tasks: list[tuple[str, list[str]]]) -> None:
    got = [(t["text"], t["orgs"]) for t in parse_meeting(text)["tasks"]]
    assert got == tasks


# ASSESSED: inside a conclusion, the part that assesses the period reviewed (a heading 'I. KẾT QUẢ 6 THÁNG ĐẦU
# NĂM 2025', an item labelled 'Kết quả tháng 5: …', 'Hạn chế: …', 'Tồn tại: …', or led by the period reviewed
# itself, '1. Năm 2024, các cấp Hội đã …. Cụ thể:') and its items are no tasks; a heading or a lead of
# tasks opens them again. ASSESSED_KEPT (guard): items of the period ahead.
ASSESSED: list[tuple[str, list[str]]] = [
    (
        "THÔNG BÁO KẾT LUẬN giao ban 6 tháng đầu năm 2025 của Hội Cựu chiến binh huyện Ba Tơ\n"
        "Đồng chí Chủ tịch Hội kết luận như sau:\nI. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2025\n"
        "1. Các cơ sở Hội kết nạp 86 hội viên.\n2. Hội vận động xây 3 nhà \"Nghĩa tình đồng đội\".\n"
        "II. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2025\n- Các cơ sở Hội rà soát hội viên nghèo;\n- Văn phòng chuẩn bị tổng kết năm.",
        ["Các cơ sở Hội rà soát hội viên nghèo.", "Văn phòng chuẩn bị tổng kết năm."],
    ),
    (
        "Thông báo kết luận giao ban tháng 5 năm 2024 của Mặt trận xã Sơn Kim.\n"
        "Sau khi nghe báo cáo, đồng chí chủ trì kết luận:\n"
        "1. Kết quả tháng 5: các đoàn thể tổ chức 12 buổi tuyên truyền, Hội Nông dân xã mở 2 lớp tập huấn.\n"
        "2. Hạn chế: một số chi hội sinh hoạt chưa đều.\n"
        "3. Nhiệm vụ tháng 6: đề nghị các đoàn thể tuyên truyền phòng, chống đuối nước cho trẻ em.",
        ["Các đoàn thể tuyên truyền phòng, chống đuối nước cho trẻ em."],
    ),
    (
        "Kết luận giao ban năm 2024 của Hội Nông dân huyện Mèo Vạc.\nĐồng chí Chủ tịch Hội Nông dân huyện kết luận:\n"
        "1. Năm 2024, các cấp Hội đã hoàn thành các chỉ tiêu. Cụ thể:\n- Kết nạp 540 hội viên mới.\n"
        "- Thành lập 12 tổ hợp tác.\n2. Nhiệm vụ năm 2025, đồng chí Chủ tịch đề nghị:\n"
        "- Các cấp Hội đẩy mạnh phát triển hội viên.",
        ["Các cấp Hội đẩy mạnh phát triển hội viên."],
    ),
]


@pytest.mark.parametrize(("text", "tasks"), ASSESSED)
def test_assessment_is_no_task(text: str, tasks: list[str]) -> None:
    assert [t["text"] for t in parse_meeting(text)["tasks"]] == tasks


ASSESSED_KEPT: list[tuple[str, list[str]]] = [
    (
        "Kết luận giao ban quý III năm 2024 của Ủy ban MTTQ xã Đạo Trù.\nĐồng chí Chủ tịch kết luận:\n"
        "1. Quý IV, các đoàn thể cần vận động hội viên đóng góp Quỹ \"Vì người nghèo\".\n"
        "2. Hội Nông dân xã hướng dẫn nông dân gieo trồng vụ đông.",
        ["Các đoàn thể cần vận động hội viên đóng góp Quỹ \"Vì người nghèo\".",
         "Hội Nông dân xã hướng dẫn nông dân gieo trồng vụ đông."],
    ),
]


@pytest.mark.parametrize(("text", "tasks"), ASSESSED_KEPT)
def test_assessment_kept(text: str, tasks: list[str]) -> None:
    assert [t["text"] for t in parse_meeting(text)["tasks"]] == tasks


# REPORTED: an item of a conclusion that tells what was done, led by the period reviewed ('Trong tháng, …',
# 'Từ đầu năm đến nay, …', 'Quý I năm 2023, …') or saying 'đã' / 'vừa' in its first words, is no task.
# REPORTED_KEPT (guard): 'đã' later in a task ('phát huy kết quả đã đạt được').
REPORTED: list[tuple[str, list[str]]] = [
    (
        "Kết luận giao ban tháng 3 năm 2025 của Mặt trận xã Tà Xùa.\nĐồng chí Chủ tịch Ủy ban MTTQ xã kết luận:\n"
        "- Trong tháng, các chi hội kết nạp 27 hội viên mới.\n- Đoàn xã đã tổ chức 2 buổi sinh hoạt chuyên đề.\n"
        "- Tháng 4, Hội Nông dân xã hướng dẫn bà con trồng ngô.",
        ["Hội Nông dân xã hướng dẫn bà con trồng ngô."],
    ),
]
REPORTED_KEPT: list[tuple[str, list[str]]] = [
    (
        "Kết luận giao ban quý I năm 2023 của Hội LHPN huyện Cờ Đỏ.\nĐồng chí Chủ tịch Hội kết luận:\n"
        "- Hội LHPN các xã tiếp tục phát huy kết quả đã đạt được, đẩy mạnh phong trào tiết kiệm.\n"
        "- Văn phòng chuẩn bị hội nghị sơ kết 6 tháng.",
        ["Hội LHPN các xã tiếp tục phát huy kết quả đã đạt được, đẩy mạnh phong trào tiết kiệm.",
         "Văn phòng chuẩn bị hội nghị sơ kết 6 tháng."],
    ),
]


@pytest.mark.parametrize(("text", "tasks"), REPORTED + REPORTED_KEPT)
def test_reported_is_no_task(text: str, tasks: list[str]) -> None:
    assert [t["text"] for t in parse_meeting(text)["tasks"]] == tasks


# BEFORE_THE_TASKS_ITEM: in a conclusion's numbered list with an item labelled for the tasks ('4. Nhiệm vụ tháng
# 7: …'), the numbered items before it that ask nothing tell the period reviewed: no tasks. Guard: an item
# before it that asks ('đề nghị') stays a task.
BEFORE_THE_TASKS_ITEM: list[tuple[str, list[str]]] = [
    (
        "Thông báo kết luận giao ban tháng 6 năm 2025 của Hội Nông dân xã Quảng Hòa.\nĐồng chí Chủ tịch Hội kết luận:\n"
        "1. Hội có 942 hội viên ở 18 chi hội; trong tháng kết nạp 11 hội viên.\n"
        "2. Các chi hội duy trì 6 tổ hợp tác trồng dưa, dư nợ Quỹ Hỗ trợ nông dân 1,2 tỷ đồng.\n"
        "3. Nhiệm vụ tháng 7: các chi hội hướng dẫn hội viên chăm sóc lúa mùa; Văn phòng tổng hợp báo cáo 6 tháng.",
        ["Các chi hội hướng dẫn hội viên chăm sóc lúa mùa.", "Văn phòng tổng hợp báo cáo 6 tháng."],
    ),
    (
        "Thông báo kết luận giao ban tháng 6 năm 2025 của Hội Nông dân xã Quảng Hòa.\nĐồng chí Chủ tịch Hội kết luận:\n"
        "1. Đề nghị các chi hội rà soát hộ hội viên nghèo.\n"
        "2. Nhiệm vụ tháng 7: các chi hội hướng dẫn hội viên chăm sóc lúa mùa.",
        ["Các chi hội rà soát hộ hội viên nghèo.", "Các chi hội hướng dẫn hội viên chăm sóc lúa mùa."],
    ),
]


@pytest.mark.parametrize(("text", "tasks"), BEFORE_THE_TASKS_ITEM)
def test_before_the_tasks_item(text: str, tasks: list[str]) -> None:
    assert [t["text"] for t in parse_meeting(text)["tasks"]] == tasks

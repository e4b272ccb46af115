"""What carries from one sentence to the next (issue 15): the subject a sentence that names no body takes
from the sentences before it, and where that ends. One row per case, in wording of its own; every row
failed before its fix, except the guards marked as such (wording that must keep its answer)."""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text


def owners(text: str, wanted: tuple[str, ...]) -> list:
    """The organization (or organizations) of each figure whose words are among ``wanted``."""
    return [(f["text"], f.get("orgs") or f["org"]) for f in extract_text(text)["figures"] if f["text"] in wanted]


EVENT_AS_SUBJECT: list[tuple[str, list]] = [
    # An event or a programme opening a sentence that names no body is the text's own body's (it organized
    # it), not the partners named together in the sentence before, nor a donor carried from it.
    (
        "Huyện đoàn Mai Sơn: sôi nổi Tháng Thanh niên\n"
        "Huyện đoàn Mai Sơn ra quân Tháng Thanh niên năm 2025 tại xã Chiềng Mung. Đoàn Thanh niên và Hội Nông "
        "dân xã Chiềng Mung cùng đổ bê tông 2 km đường nội đồng. Ngày hội việc làm thanh niên thu hút 850 lượt "
        "người tham gia.\n",
        [("850 lượt người tham gia", "doan")],
    ),
    (
        "Hội LHPN huyện Bắc Yên: ấm áp Tết vùng cao\n"
        "Hội LHPN huyện Bắc Yên trao 40 suất quà cho phụ nữ nghèo. Một doanh nghiệp xây dựng ở thị trấn "
        "tài trợ 25 triệu đồng. Chương trình \"Tết ấm cho phụ nữ vùng cao\" năm nay đến với 320 hội viên.\n",
        [("320 hội viên", "phunu")],
    ),
    (
        "HỘI CỰU CHIẾN BINH HUYỆN LỤC NGẠN\n"
        "Hội CCB huyện tổ chức kỷ niệm ngày thành lập Quân đội nhân dân Việt Nam. Hội CCB và Hội Nông dân "
        "xã Kiên Thành cùng trồng 3 ha vải thiều. Hội thi \"Cựu chiến binh với văn hóa cơ sở\" có 16 đội tham dự.\n",
        [("16 đội", "ccb")],
    ),
    # Guards: another body of the six carried alone keeps the event; an event whose giver is named keeps it.
    (
        "Ủy ban MTTQ huyện Bắc Yên: ấm áp Tết vùng cao\n"
        "Ủy ban MTTQ huyện Bắc Yên trao 60 suất quà. Hội LHPN xã Hồng Ngài tổ chức phiên chợ cho phụ nữ. "
        "Phiên chợ thu hút 400 lượt người đến mua sắm.\n",
        [("400 lượt người", "phunu")],
    ),
]


@pytest.mark.parametrize("text,expected", EVENT_AS_SUBJECT, ids=[c[0][-40:] for c in EVENT_AS_SUBJECT])
def test_event_as_subject(text: str, expected: list) -> None:
    assert owners(text, tuple(w for w, _ in expected)) == expected


HOUSE_AS_SUBJECT: list[tuple[str, list]] = [
    # The house the text's body built or handed over, opening a sentence after a donor's or a person's
    # sentence, is the text's body's work (up to a body a later clause of the sentence names).
    (
        "Hội Nông dân huyện Mường Lát bàn giao nhà cho hội viên\n"
        "Hội Nông dân huyện Mường Lát vừa bàn giao nhà cho hội viên Hà Văn Sinh ở bản Pù Quăn. Anh Sinh "
        "nhiều năm sống trong túp lều tạm. Căn nhà mới xây cấp bốn, rộng 60 m2, trị giá 95 triệu đồng; một "
        "doanh nghiệp ở thị trấn góp 20 triệu đồng.\n",
        [("60 m2", "nongdan"), ("95 triệu đồng", "nongdan"), ("20 triệu đồng", "other")],
    ),
    (
        "Ủy ban MTTQ huyện Nậm Pồ: 30 nhà Đại đoàn kết cho hộ nghèo\n"
        "Năm 2023, Ủy ban MTTQ huyện Nậm Pồ vận động được 1,8 tỷ đồng làm nhà cho hộ nghèo. Đồn Biên phòng "
        "Si Pa Phìn góp 300 ngày công san nền. Mỗi căn nhà có diện tích chừng 50 m2.\n",
        [("chừng 50 m2", "mttq")],
    ),
]


@pytest.mark.parametrize("text,expected", HOUSE_AS_SUBJECT, ids=[c[0][-40:] for c in HOUSE_AS_SUBJECT])
def test_house_as_subject(text: str, expected: list) -> None:
    assert owners(text, tuple(w for w, _ in expected)) == expected


WHOLE_AFTER_A_LIST: list[tuple[str, list]] = [
    # A figure of the whole, a noun qualified by the whole area, right after an enumeration of three bodies
    # or more (each the subject of its own sentence) is theirs jointly, not the last one's.
    (
        "Vốn ủy thác tại huyện Cầu Ngang\n"
        "Hội Nông dân huyện quản lý 412 tỷ đồng. Hội LHPN huyện 398 tỷ đồng. Hội CCB huyện quản lý 205 tỷ đồng.\n"
        "Nợ quá hạn chung của cả huyện ở mức 0,09%.\n",
        [("0,09%", ["ccb", "nongdan", "phunu"])],
    ),
    (
        "Hội Nông dân tỉnh giữ vị trí đầu với 880 tỷ đồng dư nợ. Hội CCB tỉnh đạt 530 tỷ đồng. Riêng Tỉnh "
        "đoàn, dư nợ đạt 260 tỷ đồng.\n"
        "Số tổ tiết kiệm và vay vốn toàn tỉnh là 1.740 tổ.\n",
        [("1.740 tổ", ["ccb", "doan", "nongdan"])],
    ),
    # Guards: the area's own statistic stays nobody's; one body alone before keeps it.
    (
        "Hội Nông dân huyện quản lý 412 tỷ đồng. Hội LHPN huyện 398 tỷ đồng. Hội CCB huyện quản lý 205 tỷ đồng.\n"
        "Tỷ lệ hộ nghèo toàn huyện còn 4,1%.\n",
        [("4,1%", None)],
    ),
    (
        "Hội LHPN huyện quản lý 398 tỷ đồng, tăng 12 tỷ đồng so với đầu năm.\n"
        "Nợ quá hạn chung của cả huyện ở mức 0,09%.\n",
        [("0,09%", "phunu")],
    ),
]


@pytest.mark.parametrize("text,expected", WHOLE_AFTER_A_LIST, ids=[c[0][-40:] for c in WHOLE_AFTER_A_LIST])
def test_whole_after_a_list(text: str, expected: list) -> None:
    assert owners(text, tuple(w for w, _ in expected)) == expected


OFFICIAL_OF_ANOTHER_BODY: list[tuple[str, list]] = [
    # An official of another body introduced by a title of trade or rank, or after 'Theo', speaks for the body
    # of the office in apposition, as 'Ông …, Giám đốc …' does: the text's body does not carry into it.
    (
        "HỘI NÔNG DÂN HUYỆN ĐỨC PHỔ\nHội Nông dân huyện phối hợp khám bệnh cho hội viên. Bác sĩ Trần Thị Kim, "
        "Giám đốc Trung tâm Y tế huyện cho biết, trung tâm đã cấp thuốc cho 275 người.\n",
        [("275 người", "other")],
    ),
    (
        "HỘI CỰU CHIẾN BINH HUYỆN MƯỜNG TÈ\nHội CCB huyện cùng lực lượng vũ trang làm đường. Thượng tá Lò Văn "
        "Pản, Chỉ huy trưởng Ban Chỉ huy Quân sự huyện cho biết, đơn vị đã góp 410 ngày công.\n",
        [("410 ngày công", "other")],
    ),
    (
        "Đoàn xã Nậm Xe: tiếp sức học sinh vùng cao\nĐoàn xã Nậm Xe tặng sách vở cho học sinh. Theo thầy Vàng "
        "A Sử, Hiệu trưởng Trường Tiểu học Nậm Xe, nhà trường đã miễn tiền ăn trưa cho 96 học sinh.\n",
        [("96 học sinh", "other")],
    ),
    # Guards: the text's own official with a rank keeps the body; in an apposition of two offices the last
    # speaks.
    (
        "HỘI CỰU CHIẾN BINH TỈNH\nĐại tá Hà Văn Lâm, Chủ tịch Hội CCB tỉnh cho biết, năm qua Hội kết nạp "
        "640 hội viên.\n",
        [("640 hội viên", "ccb")],
    ),
    (
        "Hội LHPN phường An Lạc mừng xuân\nTheo bà Lý Ngọc Hân, Phó Chủ tịch Ủy ban MTTQ Việt Nam phường, "
        "Chủ tịch Hội LHPN phường, dịp Tết hội đã trao 150 suất quà.\n",
        [("150 suất quà", "phunu")],
    ),
]


@pytest.mark.parametrize("text,expected", OFFICIAL_OF_ANOTHER_BODY, ids=[c[0][-40:] for c in OFFICIAL_OF_ANOTHER_BODY])
def test_official_of_another_body(text: str, expected: list) -> None:
    assert owners(text, tuple(w for w, _ in expected)) == expected


DISCOURSE_SWITCH: list[tuple[str, list]] = [
    # The body a sentence turns to ('Với …,', 'Còn với …,') or the last of a ranking ('Sau cùng là …', 'kế đó
    # là …', 'Đứng cuối là …') takes over at once from the body of the sentence before.
    (
        "Huyện đoàn Than Uyên tổ chức 8 buổi sinh hoạt chuyên đề. Với Hội LHPN huyện, quý này đã thành lập "
        "3 tổ hợp tác.\n",
        [("8 buổi", "doan"), ("3 tổ hợp tác", "phunu")],
    ),
    (
        "Hội CCB thị xã vận động được 46 triệu đồng. Còn với Liên đoàn Lao động thị xã, đã thăm hỏi 70 "
        "công nhân ốm đau.\n",
        [("46 triệu đồng", "ccb"), ("70 công nhân", "congdoan")],
    ),
    (
        "Về số mô hình, Hội Nông dân tỉnh có 64 mô hình; kế đó là Hội LHPN tỉnh với 41 mô hình. Sau cùng là "
        "Tỉnh đoàn với 18 mô hình.\n",
        [("64 mô hình", "nongdan"), ("41 mô hình", "phunu"), ("18 mô hình", "doan")],
    ),
    (
        "Hội Nông dân huyện giải ngân 5,2 tỷ đồng. Đứng cuối là Hội CCB huyện với 1,1 tỷ đồng.\n",
        [("5,2 tỷ đồng", "nongdan"), ("1,1 tỷ đồng", "ccb")],
    ),
    # Guard: 'với' after a verb names the partner, not the subject.
    (
        "Hội LHPN xã phối hợp với Hội Nông dân xã mở 2 lớp dạy nghề.\n",
        [("2 lớp", "phunu")],
    ),
]


@pytest.mark.parametrize("text,expected", DISCOURSE_SWITCH, ids=[c[0][-40:] for c in DISCOURSE_SWITCH])
def test_discourse_switch(text: str, expected: list) -> None:
    assert owners(text, tuple(w for w, _ in expected)) == expected


UNNAMED_COMMITTEE: list[tuple[str, list]] = [
    # An organizing committee whose members the text never names, in a body's own text, is that body (it
    # organized the event), not the partner named last in the sentence before.
    (
        "Huyện đoàn Văn Chấn: khai mạc Tháng Thanh niên\nHuyện đoàn Văn Chấn khai mạc Tháng Thanh niên 2025. "
        "Hội LHPN xã Sơn Thịnh tặng 10 suất quà. Ban Tổ chức trao 30 suất học bổng cho học sinh nghèo.\n",
        [("10 suất quà", "phunu"), ("30 suất", "doan")],
    ),
    (
        "Huyện đoàn Văn Chấn: khai mạc Tháng Thanh niên\nHuyện đoàn Văn Chấn khai mạc Tháng Thanh niên 2025. "
        "Hội LHPN xã Sơn Thịnh tặng 10 suất quà. Tổng kinh phí Ban Tổ chức huy động đạt 85 triệu đồng.\n",
        [("85 triệu đồng", "doan")],
    ),
    # Guard: a committee whose members are named is those members jointly.
    (
        "Ban Tổ chức gồm Ủy ban MTTQ xã, Hội LHPN xã và Đoàn xã. Hội LHPN xã tặng 10 suất quà. Ban Tổ chức "
        "trao 30 suất học bổng.\n",
        [("10 suất quà", "phunu"), ("30 suất", ["mttq", "phunu", "doan"])],
    ),
]


@pytest.mark.parametrize("text,expected", UNNAMED_COMMITTEE, ids=[c[0][-40:] for c in UNNAMED_COMMITTEE])
def test_unnamed_committee(text: str, expected: list) -> None:
    assert owners(text, tuple(w for w, _ in expected)) == expected

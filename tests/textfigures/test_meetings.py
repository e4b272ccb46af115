"""The meeting parser: the seed article, texts of our own in the genre, and its small parts."""

import json
import os
import unicodedata
from pathlib import Path

import pytest

from giaoban.core.periods import Period
from giaoban.textfigures.meetings import parse_file, parse_meeting, read_document
from giaoban.textfigures.meetings.people import find_people
from giaoban.textfigures.meetings.periods import reviewed_period
from giaoban.textfigures.normalize import match_key, retone as normalize

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "meetings"
SHARED = Path(os.environ.get("GIAOBAN_SHARED", ROOT / ".." / "shared"))
SEED = SHARED / "seeds" / "lai-chau-2023-q3.txt"
ALL_ORGS = ["mttq", "congdoan", "phunu", "doan", "nongdan", "ccb"]


def assert_readable_sentence(text: str) -> None:
    assert text[0].isupper(), text
    assert text.endswith(".") and not text.endswith(".."), text
    assert ";" not in text and "…" not in text, text
    assert len(text.split()) >= 6, text
    assert "  " not in text, text


# --- the seed article -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip("shared seed absent")
    return parse_file(SEED), SEED.read_text(encoding="utf-8")


def test_seed_period(seed):
    result, _ = seed
    assert result["period"] == "2023-Q3"
    assert result["next_period"] == "2023-Q4"


def test_seed_leaders_with_positions(seed):
    result, _ = seed
    gold = json.loads((SEED.parent / "lai-chau-2023-q3.gold.json").read_text(encoding="utf-8"))
    people = {p["name"]: p for p in result["people"]}
    for person in gold["people"]:
        assert people[person["name"]]["position"] == person["role"]
        if person.get("chairs_conclusion"):
            assert people[person["name"]]["role"] == "conclusion"
    # Headlines after 'Tin đọc nhiều' name other people: not attendees of this meeting.
    assert len(result["people"]) == len(gold["people"])


def test_seed_tasks_due_next_quarter(seed):
    result, raw = seed
    due = [t for t in result["tasks"] if t["due_period"] == "2023-Q4"]
    assert len(due) >= 4
    assert {t["source"] for t in due} == {"tasks", "conclusion"}
    for task in due:
        assert_readable_sentence(task["text"])
        assert task["orgs"] == ALL_ORGS
    # The Q4 paragraph's subject is carried into every item of its enumeration.
    from_q4 = [t for t in due if t["source"] == "tasks"]
    assert len(from_q4) >= 4
    assert all(t["text"].startswith("MTTQ và các tổ chức chính trị - xã hội ") for t in from_q4)
    # Offsets point at the item in the (NFC) text; the results paragraph of Q3 gives no task.
    nfc = unicodedata.normalize("NFC", raw)
    q4_start = nfc.index("Nhiệm vụ quý IV")
    for task in due:
        assert task["start"] >= q4_start
        span = normalize(nfc[task["start"] : task["end"]])
        assert span.split()[-1].strip(".") in task["text"]


def test_seed_conclusions_and_organizations(seed):
    result, _ = seed
    assert result["organizations"] == ALL_ORGS
    assert "đề nghị" in result["conclusions"]
    assert "Quang cảnh" not in result["conclusions"]


# --- texts of our own in the genre ------------------------------------------------------------


def _source_for(stem: str, tmp_path: Path) -> str:
    """The fixture's text, read the way a user would hand it to us."""
    if (FIXTURES / f"{stem}.docx.txt").exists():
        import docx

        document = docx.Document()
        for line in (FIXTURES / f"{stem}.docx.txt").read_text(encoding="utf-8").splitlines():
            document.add_paragraph(line)
        path = tmp_path / f"{stem}.docx"
        document.save(path)
        return read_document(path)
    for suffix in (".txt", ".html"):
        if (FIXTURES / f"{stem}{suffix}").exists():
            return read_document(FIXTURES / f"{stem}{suffix}")
    raise FileNotFoundError(stem)


CASES = sorted(p.name.removesuffix(".expected.json") for p in FIXTURES.glob("*.expected.json"))


def test_enough_own_cases():
    assert len(CASES) >= 6


@pytest.mark.parametrize("stem", CASES)
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_own_texts(stem, form, tmp_path):
    expected = json.loads((FIXTURES / f"{stem}.expected.json").read_text(encoding="utf-8"))
    text = unicodedata.normalize(form, _source_for(stem, tmp_path))
    result = parse_meeting(text)
    assert result["period"] == expected["period"]
    assert result["date"] == expected["date"]
    assert result["organizations"] == expected["organizations"]
    got_people = {p["name"]: p for p in result["people"]}
    assert set(got_people) == {p["name"] for p in expected["people"]}
    for person in expected["people"]:
        assert got_people[person["name"]]["position"] == person["position"]
        if "role" in person:
            assert got_people[person["name"]]["role"] == person["role"]
    if expected["conclusions_contains"]:
        assert expected["conclusions_contains"] in result["conclusions"]
    got_tasks = [{k: t[k] for k in ("text", "orgs", "due_period", "source")} for t in result["tasks"]]
    assert got_tasks == expected["tasks"]
    nfc = unicodedata.normalize("NFC", text)
    for task in result["tasks"]:
        assert_readable_sentence(task["text"])
        assert 0 <= task["start"] < task["end"] <= len(nfc)


# --- parts --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Uỷ ban", "Ủy ban"),
        ("hoà bình", "hòa bình"),
        ("sức khoẻ", "sức khỏe"),
        ("THUỶ", "THỦY"),
        ("quý IV", "quý IV"),  # 'qu' + y keeps its mark
        ("hoàng hôn", "hoàng hôn"),  # closed syllable: one placement only
        (unicodedata.normalize("NFD", "Uỷ viên"), "Ủy viên"),
    ],
)
def test_normalize(raw, expected):
    assert normalize(raw) == expected
    assert len(normalize(raw)) == len(unicodedata.normalize("NFC", raw))


@pytest.mark.parametrize(
    "text, period",
    [
        ("Hội nghị giao ban quý I/2024. Nhiệm vụ quý II: tập trung tuyên truyền.", "2024-Q1"),
        ("Sơ kết 6 tháng đầu năm 2024, triển khai nhiệm vụ 6 tháng cuối năm.", "2024-H1"),
        ("Tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024.", "2023"),
        ("Giao ban đánh giá kết quả 9 tháng năm 2022.", "2022-9M"),
        ("Phương hướng nhiệm vụ quý I năm 2025 của các cấp Hội.", "2024-Q4"),
        ("Kết quả quý IV năm 2024; nhiệm vụ quý I năm 2025.", "2024-Q4"),
        ("Nhiệm kỳ 2020-2025, kết quả quý II năm 2021.", "2021-Q2"),
        ("Hội nghị không nói kỳ nào.", None),
        # dates are no periods ('ngày 9 tháng 10' was read as nine months)
        ("Ngày 9 tháng 10 năm 2024, hội nghị giao ban năm 2024 của Hội.", "2024"),
        # a monthly meeting (a ward's 'giao ban tháng 3'); a month after a day's number is a date
        ("Hội nghị giao ban tháng 3 năm 2026. Đồng chí Chủ tịch đề nghị, trong tháng 4, các tổ chức tiếp tục.", "2026-03"),
        ("Ngày 2 tháng 4 năm 2026, hội nghị giao ban quý I năm 2026.", "2026-Q1"),
    ],
)
def test_reviewed_period(text, period):
    found = reviewed_period(match_key(normalize(text)))[0]
    assert (found.code if found else None) == period


@pytest.mark.parametrize(
    "code, after",
    [("2023-Q3", "2023-Q4"), ("2023-Q4", "2024-Q1"), ("2024-H1", "2024-H2"), ("2024-H2", "2025-H1"),
     ("2023-9M", "2023-Q4"), ("2023", "2024"), ("2023-12", "2024-01")],
)
def test_next_period(code, after):
    assert Period.parse(code).following().code == after
    if code != "2023-9M":
        assert Period.parse(after).previous().code == code


@pytest.mark.parametrize(
    "text, name, position",
    [
        ("Dự có đồng chí Quàng Văn Bình - Phó Chủ tịch Ủy ban MTTQ tỉnh phát biểu.", "Quàng Văn Bình", "Phó Chủ tịch Ủy ban MTTQ tỉnh"),
        ("Bà Hà Thị Lan, Chủ tịch Hội LHPN huyện Than Uyên, trình bày báo cáo.", "Hà Thị Lan", "Chủ tịch Hội LHPN huyện Than Uyên"),
        ("Chủ tịch Hội Nông dân tỉnh Lê Văn Tâm chủ trì hội nghị.", "Lê Văn Tâm", "Chủ tịch Hội Nông dân tỉnh"),
        ("Ông Giàng A Dơ (Bí thư Đảng ủy xã Mù Cả) dự hội nghị.", "Giàng A Dơ", "Bí thư Đảng ủy xã Mù Cả"),
    ],
)
def test_people(text, name, position):
    people = find_people(normalize(text))
    assert [(p["name"], p["position"]) for p in people] == [(name, position)]


def test_people_title_is_not_a_name():
    assert find_people(normalize("Đồng chí Phó Chủ tịch Thường trực kết luận hội nghị.")) == []


def test_html_reads_article_body_only():
    text = read_document(FIXTURES / "tinhdoan-2023-nam.html")
    assert "Tỉnh đoàn tổng kết" in text
    for outside in ("Trang chủ", "Trần Văn Sáu", "Phong Thổ", "Bản quyền", "2019"):
        assert outside not in text


def test_unknown_format_is_named(tmp_path):
    path = tmp_path / "bien-ban.pdfx"
    path.write_text("x")
    with pytest.raises(ValueError, match="bien-ban.pdfx"):
        read_document(path)


def test_task_text_has_no_trailing_ellipsis():
    result = parse_meeting(
        "Giao ban quý II năm 2024.\nNhiệm vụ quý III, Hội Nông dân các cấp tập trung vận động hội viên tham gia "
        "bảo hiểm y tế; đẩy mạnh phong trào sản xuất giỏi..."
    )
    assert [t["text"] for t in result["tasks"]] == [
        "Hội Nông dân các cấp tập trung vận động hội viên tham gia bảo hiểm y tế.",
        "Hội Nông dân các cấp đẩy mạnh phong trào sản xuất giỏi.",
    ]
    assert {t["due_period"] for t in result["tasks"]} == {"2024-Q3"}


def test_attendee_list_after_cac_dong_chi():
    text = ("Dự hội nghị có các đồng chí: Vàng Thị Mai, Chủ tịch Ủy ban MTTQ tỉnh; Ksor Thị Nhung, Phó Chủ tịch "
            "Ủy ban MTTQ xã, Chủ tịch Hội LHPN xã; Siu Văn Blếch, Bí thư Đoàn TNCS Hồ Chí Minh xã. Thư ký: Bà Lê Thị Thu.")
    people = {p["name"]: p["position"] for p in find_people(normalize(text))}
    assert people == {"Vàng Thị Mai": "Chủ tịch Ủy ban MTTQ tỉnh",
                      "Ksor Thị Nhung": "Phó Chủ tịch Ủy ban MTTQ xã, Chủ tịch Hội LHPN xã",
                      "Siu Văn Blếch": "Bí thư Đoàn TNCS Hồ Chí Minh xã", "Lê Thị Thu": "Thư ký"}


def test_rank_before_a_name():
    text = ("Dự hội nghị có Thượng tướng Nguyễn Văn Thành, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Quốc phòng; "
            "Đại tá Y Wang Mlô, Chủ tịch Hội CCB tỉnh.")
    people = {p["name"]: p["position"] for p in find_people(normalize(text))}
    assert people == {"Nguyễn Văn Thành": "Ủy viên Trung ương Đảng, Thứ trưởng Bộ Quốc phòng",
                      "Y Wang Mlô": "Chủ tịch Hội CCB tỉnh"}


def test_tasks_after_de_nghi_without_the_word_ket_luan():
    text = ("Tỉnh đoàn sơ kết công tác 6 tháng đầu năm 2025\n"
            "Sáng 9/7/2025, Ban Thường vụ Tỉnh đoàn tổ chức hội nghị sơ kết công tác Đoàn 6 tháng đầu năm 2025.\n"
            "Đồng chí Lò Văn Pọm đề nghị các cấp bộ Đoàn 6 tháng cuối năm tiếp tục kiện toàn tổ chức Đoàn ở các xã "
            "mới; tổ chức tốt Chiến dịch tình nguyện hè; tuyên truyền Đại hội Đảng bộ tỉnh.\n")
    result = parse_meeting(text)
    assert result["next_period"] == "2025-H2"
    assert [t["text"] for t in result["tasks"]] == [
        "Các cấp bộ Đoàn tiếp tục kiện toàn tổ chức Đoàn ở các xã mới.",
        "Các cấp bộ Đoàn tổ chức tốt Chiến dịch tình nguyện hè.",
        "Các cấp bộ Đoàn tuyên truyền Đại hội Đảng bộ tỉnh.",
    ]
    assert {t["due_period"] for t in result["tasks"]} == {"2025-H2"}


def test_meeting_files_go_through_the_engines_readers_and_their_limits(tmp_path):
    # One set of readers for the project (giaoban.textfigures.readers): a PDF is read, and a PDF past the
    # page limit is refused with a Vietnamese message, as uploads for extraction are.
    from giaoban.textfigures.readers import PDF_MAX_PAGES
    from giaoban.textfigures.meetings import UnreadableDocument
    from tests.security.test_pdf_limits import LINE, build_pdf

    ok = tmp_path / "bien-ban.pdf"
    ok.write_bytes(build_pdf(2, LINE))
    assert "12 buoi tuyen truyen" in read_document(ok)
    long = tmp_path / "dai.pdf"
    long.write_bytes(build_pdf(PDF_MAX_PAGES + 1, LINE))
    with pytest.raises(UnreadableDocument, match="trang"):
        read_document(long)


def test_a_menu_line_at_the_top_does_not_end_the_article():
    # 'Tin liên quan' in a page's menu is not the list of other articles that ends the body (the engine's
    # boilerplate rule, now the meeting parser's too): the meeting's tasks below it are read.
    text = ("Trang chủ\nTin liên quan\nHội nghị giao ban quý III năm 2023 của MTTQ và các tổ chức chính trị – xã hội.\n"
            "Nhiệm vụ quý IV, các tổ chức tăng cường tuyên truyền, vận động hội viên tham gia bảo hiểm xã hội.\n"
            "Đồng chí Chủ tịch đề nghị Hội LH Phụ nữ tỉnh đẩy mạnh phong trào xây dựng gia đình 5 không 3 sạch.\n")
    result = parse_meeting(text)
    assert result["period"] == "2023-Q3"
    assert result["organizations"] == ALL_ORGS  # an en dash in 'chính trị – xã hội'
    assert [t["orgs"] for t in result["tasks"]][-1] == ["phunu"]  # 'Hội LH Phụ nữ'


def test_a_place_named_doan_ket_is_no_youth_union():
    # The meeting parser's own word list read 'phường Đoàn Kết' as 'phường đoàn' (the Youth Union);
    # the one table of organization names does not, for meetings and figures alike.
    from giaoban.textfigures import extract_text
    from giaoban.textfigures.orgs import orgs_named

    text = "Hội LHPN phường Đoàn Kết tổ chức 12 buổi tuyên truyền. Xã Đoàn Kết có 20 chi hội."
    assert orgs_named(text) == ["phunu"]
    assert [f["org"] for f in extract_text(text)["figures"]] == ["phunu", "phunu"]

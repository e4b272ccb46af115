"""The attribution's searches for bare places acting and for an area's statistics, each asked in a cheaper way
than the regex alone (issue 15, speed), against the regex asked as it was (the reference path):

- attribution.place_acts tries _PLACE_ACTS_RE only where one of its places is written, once for the whole text;
  a sentence's matches must be those the regex's finditer over that sentence gave;
- attribution._may_state_area must hold in every sentence where _AREA_STAT_RE finds a statistic (it only decides
  whether the regex is asked);
- a regex of a sentence's opening (_PERSON_SUBJECT_RE, …) is asked only when the sentence's first word is one of
  the words it opens with (_PERSON_FIRST, …): each must hold in every sentence where its regex matches;
- so are the two regexes of a subject after an opening phrase (_OTHER_SUBJECT_RE, _CAMPAIGN_SUBJECT_RE), asked
  only when the first word or the word after the first ', ' is one their subjects open with; those words are
  the first words of the regexes' own alternatives.

On every text the project holds outside the corpus's test part, and on rows of new wording for each branch.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from giaoban.textfigures import attribution
from giaoban.textfigures.normalize import _literal_first, _split_top, match_key
from giaoban.textfigures.scoring import split_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TEXTS = sorted(p for d in ("corpus", "extraction", "meetings") for p in (FIXTURES / d).glob("*.txt")
               if not (d == "corpus" and split_of(p.stem) == "test"))

# New wording: places acting right at a sentence's end, after a mark, inside a longer place ('thị xã', 'thành
# phố'), as part of a word ('Hoàn thành phố cổ'), with their adverbs; and each branch of an area's statistic.
PLACES = (
    "Ủy ban MTTQ huyện Mường Tè chỉ đạo. Thị xã đã khẩn trương bàn giao 4 căn; xã tổ chức 2 lớp.\n"
    "Huyện, tỉnh cũng kịp thời hỗ trợ. Phường chưa trả lời 3 đơn. Quận đã tiếp nhận",
    "Hội Nông dân tỉnh cho biết: thành phố sớm hoàn thành 12 nhà, thị trấn vừa xây 2 cầu. Hoàn thành phố cổ xã hội.",
    "Đoàn giám sát đề nghị xã Tân Lập sớm giải quyết; huyện mới cấp 20 triệu đồng cho thị xã xây.",
)
AREAS = (
    "Toàn huyện vẫn còn 1.204 hộ nghèo, chiếm 9,1%.",
    "Năm nay, huyện phấn đấu giảm thêm 250 hộ cận nghèo.",
    "Số hộ nghèo của bản giảm mạnh; tỷ lệ hộ cận nghèo toàn xã còn 3,2%.",
    "Toàn tỉnh có 64,5% thôn đạt chuẩn. Toàn xã có 310 ha chè.",
    "Phường hiện có diện tích tự nhiên hơn 12 km2. Toàn huyện hiện có 7.420 đảng viên.",
    "Hội Nông dân xã giúp 12 hộ thoát nghèo.",  # (a guard: no statistic of the area)
)


# Each regex of an opening, the first words it is asked after, and new wording for each of its words.
OPENINGS = {
    "_RESET_SUBJECT_RE": ("_RESET_FIRST", (
        "Nhân dân góp 5 ngày công.", "Người dân hiến 200 m2 đất.", "Cấp ủy chỉ đạo 4 chi bộ.", "Các cấp ủy họp 3 lần.",
        "Chính quyền cấp 9 sổ.", "Đồng chí Lò Văn Khải nêu 3 ý.", "Ông, bà góp 2 suất.", "Ông-bà góp 2 suất.", "Bà Lê Thị Hoa nuôi 30 con gà.",
        "Anh Lò Văn Pó trồng 2 ha.", "- Chị Hà Thị Lan vay 40 triệu đồng.")),
    "_PERSON_SUBJECT_RE": ("_PERSON_FIRST", (
        "Ở xóm Bãi Sậy, gia đình ông Lò Văn Sáu vay 30 triệu đồng.", "Tại bản Nà Hin, chị Lò Thị Ánh nuôi 20 con dê.",
        "Gia đình bà Lê Thị Nhung có 3 ha cà phê.", "Cụ Đinh Văn Thào góp 1 triệu đồng.", "Em Vi Thị Hằng nhận 1 suất.",
        "Ông Hà Văn Sỹ nuôi 9 con bò.", "Bà Lò Thị Én vay 20 triệu đồng.", "Anh Vàng A Chứ trồng 1 ha.",
        "Chị Ly Thị Dế dệt 40 tấm vải.")),
    "_TITLED_OPENING_RE": ("_TITLED_FIRST", (
        "Theo bác sĩ Lê Văn Hùng, trạm đã khám 300 lượt.", "Y sĩ Hà Văn Tú khám 40 ca.", "Dược sĩ Lò Thị Mơ phát 90 liều.",
        "Thầy giáo Vi Văn Lợi dạy 12 em.", "Cô giáo Hà Thị Thơm dạy 15 em.", "Thầy Lò Văn Inh nhận 2 em.",
        "Cô Hà Thị Gấm nhận 3 em.", "Kỹ sư Đặng Văn Tư dựng 2 cầu.", "Luật sư Trần Văn Ân tư vấn 30 vụ.",
        "Nhà giáo Bế Văn Lục tặng 9 suất.", "Tiến sĩ Đàm Văn Nhã giảng 3 buổi.", "Thạc sĩ Nông Thị Hiền dạy 4 lớp.",
        "Đại tá Hoàng Văn Dũng trao 20 suất.", "Thượng úy Lý Văn Hải dựng 1 nhà.", "Trung tướng Mai Văn Chính trao 5 nhà.",
        "Thiếu tá Sầm Văn Kiên trao 6 suất.", "Đồng chí Lục Văn Pao trao 7 suất.", "Ông Tẩn Văn Sài trao 8 suất.",
        "Bà Giàng Thị Súa trao 9 suất.", "Anh Sùng A Lử trao 3 suất.", "Chị Hầu Thị Dợ trao 4 suất.")),
    "_PEOPLE_SUBJECT_RE": ("_PEOPLE_FIRST", ("Nhân dân trong xã đã góp 3 tỷ đồng.", "Người dân ủng hộ 40 triệu đồng.")),
    "_BUDGET_SUBJECT_RE": ("_BUDGET_FIRST", ("Ngân sách tỉnh hỗ trợ 60 triệu đồng.", "Nguồn ngân sách nhà nước cấp 2 tỷ đồng.")),
    "_LOCAL_ASIDE_RE": ("_LOCAL_ASIDE_FIRST", ("Ở huyện Mường Nhé, Hội Nông dân huyện dựng 4 nhà.",
                                              "Tại thôn Nà Lòa, Đoàn xã sửa 2 km đường.")),
}


# … and for the two regexes of a subject after an opening phrase.
SUBJECTS = {
    "_OTHER_SUBJECT_RE": ("_OTHER_FIRST", (
        "Các nhà chùa trong xã góp 2 tấn gạo.", "Dịp Tết, một số hộ kinh doanh ủng hộ 30 triệu đồng.",
        "- Hợp tác xã chè Tân Cương bao tiêu 40 tấn chè.", "Năm nay, 3 cửa hàng trên phố tặng 90 suất quà.",
        "Nhóm thiện nguyện Ánh Dương gửi tặng 50 chăn ấm.")),
    "_CAMPAIGN_SUBJECT_RE": ("_CAMPAIGN_FIRST", (
        "Chương trình “Mái ấm Công đoàn” năm nay xây mới 6 nhà.", "Trong năm, Tháng Thanh niên có 40 công trình.",
        "“Mùa hè xanh” thu hút 300 đoàn viên.", "Phong trào 5 không 3 sạch có 420 hộ đạt chuẩn.",
        "Tết Sum vầy trao 600 vé xe.")),
}


def _texts() -> list[str]:
    return [unicodedata.normalize("NFC", p.read_text(encoding="utf-8")) for p in TEXTS] + list(PLACES) + list(AREAS) + [
        text for table in (OPENINGS, SUBJECTS) for _words, rows in table.values() for text in rows]


def _first(key: str, s: int, e: int) -> str | None:
    return attribution._first_word(key, attribution._opening_at(key, s), e)


def test_the_texts_are_there() -> None:
    assert len(TEXTS) >= 100


@pytest.mark.parametrize("text", PLACES)
def test_new_wording_has_places_acting(text: str) -> None:
    key = match_key(text)
    assert [m.span() for m in attribution.place_acts(key)] == [m.span() for m in attribution._PLACE_ACTS_RE.finditer(key)] != []


@pytest.mark.parametrize("text", AREAS)
def test_new_wording_states_the_area_where_the_regex_does(text: str) -> None:
    key = match_key(text)
    for s, e in attribution.split_sentences(text, key):
        if attribution._AREA_STAT_RE.search(key, s, e):
            assert attribution._may_state_area(key, s, e)


def test_new_wording_has_each_branch_of_an_area_statistic() -> None:
    found = sum(attribution._AREA_STAT_RE.search(match_key(t)) is not None for t in AREAS)
    assert found == len(AREAS) - 1


@pytest.mark.parametrize(("regex", "words", "text"), [(r, w, t) for r, (w, rows) in OPENINGS.items() for t in rows])
def test_new_wording_opens_with_the_words_its_regex_is_asked_after(regex: str, words: str, text: str) -> None:
    key = match_key(text)
    assert getattr(attribution, regex).match(key, 0, len(key)) is not None
    assert attribution._may_open(_first(key, 0, len(key)), getattr(attribution, words))


@pytest.mark.parametrize(("regex", "words", "text"), [(r, w, t) for r, (w, rows) in SUBJECTS.items() for t in rows])
def test_new_wording_has_subjects_the_regex_is_asked_for(regex: str, words: str, text: str) -> None:
    key = match_key(text)
    assert getattr(attribution, regex).match(key, 0, len(key)) is not None
    assert attribution._may_open_any(attribution._subject_words(key, 0, len(key)), getattr(attribution, words))


def test_subject_first_words_are_those_of_the_regexes() -> None:
    def firsts(alternatives: str) -> set[str]:
        return {re.match(r"[^\W\d_]*", b).group() for part in _split_top(alternatives) for b in _literal_first(part)}

    counts = "một|các|nhiều|những|một số"
    assert firsts(attribution._OTHER_HEADS + "|" + counts) - {""} == set(attribution._OTHER_FIRST)
    lead = "chương trình|chiến dịch|phong trào|cuộc vận động|hoạt động|đợt"
    assert lead in attribution._CAMPAIGN_SUBJECT_RE.pattern
    names = "|".join(words for _org, words in attribution._CAMPAIGNS)
    assert firsts(lead + "|" + names) - {""} == set(attribution._CAMPAIGN_FIRST)


def test_a_subject_after_no_such_word_is_not_asked() -> None:
    for text in ("Trong năm, Ban Thường vụ dựng 4 nhà.", "Xã viên góp 2 suất, vượt kế hoạch."):
        key = match_key(text)
        words = attribution._subject_words(key, 0, len(key))
        assert words is not None and not any(
            attribution._may_open_any(words, getattr(attribution, w)) for w, _rows in SUBJECTS.values()), words


def test_other_openings_are_not_asked() -> None:
    for text in ("Trong năm, Hội Nông dân xã dựng 4 nhà.", "Hội viên góp 2 suất.", "Xã viên vay 300 triệu đồng."):
        key = match_key(text)
        first = _first(key, 0, len(key))
        assert first is not None and not any(first in getattr(attribution, w) for w, _rows in OPENINGS.values()), first


def test_fast_paths_are_the_reference_in_every_sentence() -> None:
    differ = []
    for text in _texts():
        key = match_key(text)
        acts = attribution.place_acts(key)
        for s, e in attribution.split_sentences(text, key):
            if [m.span() for m in acts if s <= m.start() < e] != [m.span() for m in attribution._PLACE_ACTS_RE.finditer(key, s, e)]:
                differ.append(("place", key[s:s + 60]))
            if attribution._AREA_STAT_RE.search(key, s, e) and not attribution._may_state_area(key, s, e):
                differ.append(("area", key[s:s + 60]))
            subject = attribution._subject_words(key, s, e)
            for regex, (words, _rows) in SUBJECTS.items():
                if getattr(attribution, regex).match(key, s, e) and not attribution._may_open_any(subject, getattr(attribution, words)):
                    differ.append((regex, key[s:s + 60]))
            first = _first(key, s, e)
            for regex, (words, _rows) in OPENINGS.items():
                if getattr(attribution, regex).match(key, s, e) and not attribution._may_open(first, getattr(attribution, words)):
                    differ.append((regex, key[s:s + 60]))
    assert not differ

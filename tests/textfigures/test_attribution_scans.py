"""The attribution's searches for bare places acting and for an area's statistics, each asked in a cheaper way
than the regex alone (issue 15, speed), against the regex asked as it was (the reference path):

- attribution.place_acts tries _PLACE_ACTS_RE only where one of its places is written, once for the whole text;
  a sentence's matches must be those the regex's finditer over that sentence gave;
- attribution._may_state_area must hold in every sentence where _AREA_STAT_RE finds a statistic (it only decides
  whether the regex is asked).

On every text the project holds outside the corpus's test part, and on rows of new wording for each branch.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from giaoban.textfigures import attribution
from giaoban.textfigures.normalize import match_key
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


def _texts() -> list[str]:
    return [unicodedata.normalize("NFC", p.read_text(encoding="utf-8")) for p in TEXTS] + list(PLACES) + list(AREAS)


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
    assert not differ

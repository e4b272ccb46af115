"""meetings.people.speaker_spans (fast path) against the way it was first written (the reference path).

The fast path (8179515, baa85d2) reads the people only where a mention of the form honorific + a whole
run of capitalized names, not followed by an apposition, is written, and looks the run up among the
people's aliases; the reference compiles an alternation of every alias of the people and searches the
text with it. Both must give the same spans on every text the project holds and on names of the forms
the fast path's regex must not miss (Central Highlands names with an apostrophe, a name inside a longer one).
The family names found by one regex (_SURNAME_RE) against each word tested in SURNAMES, as before.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from giaoban.textfigures.meetings import people
from giaoban.textfigures.orgs import org_of_position

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TEXTS = sorted(p for d in ("corpus", "extraction", "meetings") for p in (FIXTURES / d).glob("*.txt"))

NEW_WORDING = (
    "Dự hội nghị có các đồng chí: Điểu K'Ré, Chủ tịch Hội Nông dân xã; Y'Bih Niê, Bí thư Đoàn xã.\n"
    "Ông K'Ré báo cáo: các cấp Hội vận động 12 hộ góp 40 ngày công. Ông Y'Bih Niê cho biết 30 đoàn viên tham gia.",
    "Thành phần gồm các đồng chí: Lò Văn Khải, Chủ tịch Hội Cựu chiến binh xã; Lò Thị Hoàn, Chủ tịch Hội LHPN xã.\n"
    "Đồng chí Lò báo cáo 8 cuộc. Ông Khải Hoàn phát biểu. Bà Hoàn cho biết Hội kết nạp 14 hội viên.",
    "Bà Nguyễn Thị Mai - Chủ tịch Hội LHPN huyện chủ trì. Bà Mai nói: “Hội vận động 20 triệu đồng”, bà Mai' nhắc lại.",
)


def _reference(text: str) -> list[tuple[int, int, str]]:
    aliases: dict[str, str | None] = {}
    for person in people.find_people(text):
        org = org_of_position(person["position"]) if person["position"] else None
        if org is None:
            continue
        words = person["name"].split()
        for alias in {person["name"], words[-1], words[0]}:
            aliases[alias] = org if aliases.get(alias, org) == org else None
    known = sorted((a for a, o in aliases.items() if o is not None), key=len, reverse=True)
    if not known:
        return []
    pattern = re.compile(people._SPEAKER_HONORIFIC + "(" + "|".join(map(re.escape, known)) + r")(?![^\W\d_])")
    out = []
    for m in pattern.finditer(text):
        if people._APPOSITION_AFTER.match(text, m.end()) or text[m.end():m.end() + 1] in ("'", "’"):
            continue
        org = aliases[m.group(1)]
        if org is not None:
            out.append((m.start(), m.end(), org))
    return out


def _texts() -> list[str]:
    return [unicodedata.normalize("NFC", p.read_text(encoding="utf-8")) for p in TEXTS] + list(NEW_WORDING)


def test_the_corpus_is_there() -> None:
    assert len(TEXTS) >= 150


@pytest.mark.parametrize("text", NEW_WORDING)
def test_new_wording_has_speakers(text: str) -> None:
    assert people.speaker_spans(text) == _reference(text) != []


def test_fast_path_is_the_reference_on_every_text() -> None:
    differ = [t[:60] for t in _texts() if people.speaker_spans(t) != _reference(t)]
    assert not differ


def test_family_names_found_as_each_word_was() -> None:
    for text in _texts():
        by_word = [m.start() for m in people._WORD.finditer(text) if m.group(0) in people.SURNAMES]
        assert [m.start() for m in people._SURNAME_RE.finditer(text)] == by_word


def test_people_read_for_the_names_mentioned_are_those_people_of_all() -> None:
    """speaker_spans hands find_people the names its mentions give: the people one of whose names (whole,
    first word, last word) is among them, with the same positions and roles as when all are read."""
    subsets = 0
    for text in _texts():
        named = {m.group(1) for m in people._HONORIFIC_AND_NAME.finditer(text)}
        everyone = people.find_people(text)
        asked = [p for p in everyone if p["name"] in named or p["name"].split()[0] in named
                 or p["name"].split()[-1] in named]
        assert people.find_people(text, named=named) == asked, text[:60]
        subsets += 0 < len(asked) < len(everyone)
    assert subsets >= 5  # (the names mentioned leave people out: the filter is tried)

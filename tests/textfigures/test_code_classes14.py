"""Indicator codes and detection by class (issue 15, fourteenth pass): classes that recur on the fresh
sets' dev texts read by the engine of the commit that added each set (benchmarks/unseen_errors.py
--verbose, benchmarks/unseen_codes.py --verbose) and that today's engine still got wrong. Every row is
a sentence written for these tests, in wording of its own; the rows of a class fail before its rule,
the guards (marked) read as before.
"""

from __future__ import annotations

from typing import Any

import pytest

from giaoban.textfigures import extract_text


def figures_of(text: str) -> dict[str, dict[str, Any]]:
    return {f["text"]: f for f in extract_text(text)["figures"]}


# The later items of an enumeration of bodies that give only the body, the figure and what it was about
# ('…: Liên đoàn Lao động tỉnh giám sát … tại 32 doanh nghiệp; Hội LHPN tỉnh 4 cuộc về …; Hội Nông dân
# tỉnh 3 cuộc'): the verb is left out after the first item, so the first item's words (and the lead before
# the list's colon) say what each item counts, in the item's own counted noun, even when the first item
# counted another thing (the places its work reached) or nothing of a code.
ELIDED_ITEMS: list[tuple[str, str, str | None]] = [
    (
        "Các đoàn thể chủ trì giám sát theo chuyên đề: Hội Nông dân huyện giám sát việc cấp phát phân bón tại 12 "
        "hợp tác xã; Hội Cựu chiến binh huyện 3 cuộc về an ninh trật tự; Huyện đoàn 2 cuộc về việc làm của thanh niên.",
        "3 cuộc",
        "cuoc_giam_sat",
    ),
    (
        "Các đoàn thể chủ trì giám sát theo chuyên đề: Hội Nông dân huyện giám sát việc cấp phát phân bón tại 12 "
        "hợp tác xã; Hội Cựu chiến binh huyện 3 cuộc về an ninh trật tự; Huyện đoàn 2 cuộc về việc làm của thanh niên.",
        "2 cuộc",
        "cuoc_giam_sat",
    ),
    (
        "Năm qua, Công đoàn ngành Giáo dục giám sát chế độ của giáo viên ở 9 trường; Hội Liên hiệp Phụ nữ thị xã "
        "5 cuộc; Hội Nông dân thị xã 4 cuộc.",
        "5 cuộc",
        "cuoc_giam_sat",
    ),
    (
        "Năm qua, Công đoàn ngành Giáo dục giám sát chế độ của giáo viên ở 9 trường; Hội Liên hiệp Phụ nữ thị xã "
        "5 cuộc; Hội Nông dân thị xã 4 cuộc.",
        "4 cuộc",
        "cuoc_giam_sat",
    ),
    # guards: the first item's verb names nothing counted in the item's noun; an item with a verb of its own
    ("Hội Nông dân huyện tổ chức 12 lớp tập huấn kỹ thuật; Hội Cựu chiến binh huyện 3 cuộc.", "3 cuộc", None),
    (
        "Hội Nông dân huyện giám sát việc cấp phát phân bón tại 12 hợp tác xã; Hội Cựu chiến binh huyện tổ chức "
        "3 cuộc gặp mặt truyền thống.",
        "3 cuộc",
        None,
    ),
    ("Hội Nông dân xã kết nạp 64 hội viên; Hội Cựu chiến binh xã 12 hội viên.", "12 hội viên", "ket_nap_moi"),
    (
        "Hội Nông dân huyện giám sát việc cấp phát phân bón tại 12 hợp tác xã; Hội Cựu chiến binh huyện 3 cuộc "
        "được đánh giá cao.",
        "3 cuộc",
        None,
    ),
]


@pytest.mark.parametrize(("text", "figure", "code"), ELIDED_ITEMS)
def test_elided_items(text: str, figure: str, code: str | None) -> None:
    f = figures_of(text)[figure]
    assert f["indicator_code"] == code

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text

PERIODS = [
    ("Báo cáo kết quả công tác Hội quý III năm 2023", "2023-Q3"),
    ("BÁO CÁO quý 2/2024", "2024-Q2"),
    ("Quý I/2025, Hội tổ chức 12 buổi.", "2025-Q1"),
    ("Báo cáo sơ kết 6 tháng đầu năm 2024", "2024-H1"),
    ("Báo cáo 6 tháng cuối năm 2023", "2023-H2"),
    ("Sơ kết 9 tháng đầu năm 2023", "2023-9M"),
    ("Báo cáo tổng kết công tác năm 2022", "2022"),
    ("Trong quý III, Hội tổ chức 12 buổi. Nhiệm vụ quý IV: tiếp tục. Năm 2023.", "2023-Q3"),
    ("Hội tổ chức 12 buổi.", None),
    # A date is no period: 'ngày 9 tháng 10' is not nine months, 'ngày 6 tháng 7' not a half year.
    ("Ngày 9 tháng 10 năm 2023, Hội tổ chức 12 buổi.", "2023"),
    ("Ngày 6 tháng 7 năm 2024, Hội tổ chức 12 buổi. Sáu tháng cuối năm 2024 tiếp tục.", "2024-H2"),
]


@pytest.mark.parametrize("text,code", PERIODS)
def test_period(text: str, code: str | None) -> None:
    assert extract_text(text)["period"] == code


def test_term_without_code() -> None:
    detail = extract_text("Báo cáo tổng kết nhiệm kỳ 2017-2022 của Hội")["period_detail"]
    assert (detail["kind"], detail["year"], detail["end_year"]) == ("term", 2017, 2022)


def test_quarter_without_year() -> None:
    detail = extract_text("Trong quý III, Hội tổ chức 12 buổi.")["period_detail"]
    assert (detail["kind"], detail["number"], detail["year"], detail["code"]) == ("quarter", 3, None, None)


def test_one_grammar_of_period_words() -> None:
    # The extraction engine, the meeting parser and Period.parse read the same period words.
    from giaoban.core.periods import Period, find_period_words

    key = "sơ kết 6 tháng đầu năm 2024; nhiệm vụ quý iii, năm 2024; ngày 6 tháng 7 năm 2024; giai đoạn năm 2021-2025"
    found = [(w.kind, w.index, w.year) for w in find_period_words(key)]
    assert found == [("H", 1, 2024), ("Q", 3, 2024), ("Y", 1, 2024)]
    for words in ("6 tháng đầu năm 2024", "quý III, năm 2024", "Qúy III/2024", "quy 3 nam 2024"):
        assert Period.parse(words) in (Period(2024, "H", 1), Period(2024, "Q", 3))

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

"""ISO weeks beside months and quarters: codes, labels, and the rule that files a week under the
month (and so the quarter and the year) of its Thursday, as DHIS2 does."""

import datetime as dt
from decimal import Decimal

import pytest

from giaoban.core.aggregation import combine_over_time, prorate_target
from giaoban.core.periods import Period, PeriodError, weeks_in_year
from giaoban.dhis2.format import from_dhis2_period, to_dhis2_period

D = dt.date

PARSE = [
    ("2026-W49", "2026-W49"),
    ("2026W49", "2026-W49"),  # DHIS2
    ("2026w1", "2026-W01"),
    ("tuần 49/2026", "2026-W49"),
    ("Tuần 49 năm 2026", "2026-W49"),
    ("TUẦN 7 - 2026", "2026-W07"),
    ("T7/2026", "2026-07"),  # 'T' is tháng, never tuần
]


@pytest.mark.parametrize("text,code", PARSE)
def test_parse(text, code):
    assert Period.parse(text).code == code


@pytest.mark.parametrize("bad", ["2026-W00", "2026-W54", "2025-W53", "tuần 60/2026"])
def test_bad_weeks_are_refused_in_vietnamese(bad):
    with pytest.raises(PeriodError, match="Mã kỳ báo cáo không hợp lệ|chỉ có 52 tuần"):
        Period.parse(bad)


def test_label_dates_and_navigation():
    w = Period.parse("2026-W49")
    assert (w.label_vi, w.label_en) == ("Tuần 49/2026", "Week 49 2026")
    assert (w.start, w.end) == (D(2026, 11, 30), D(2026, 12, 6))
    assert w.previous().code == "2026-W48" and w.next().code == "2026-W50"
    assert Period.parse("2026-W53").next().code == "2027-W01"
    assert Period.parse("2026-W01").previous().code == "2025-W52"
    assert Period.parse("2026-W53").same_period_last_year().code == "2025-W52"
    assert Period.for_date(D(2025, 12, 31), "W").code == "2026-W01"
    assert weeks_in_year(2026) == 53 and weeks_in_year(2025) == 52
    assert Period.parse("2026-W10").data_window() == (D(2026, 3, 2), D(2026, 3, 8))


MONTH_OF_WEEK = [
    # a week inside a month
    ("2026-W10", "2026-03"),
    # crossing a month's end: Mon 26/1 .. Sun 1/2/2026, Thursday 29/1 -> January
    ("2026-W05", "2026-01"),
    # crossing a month's end the other way: Mon 30/3 .. Sun 5/4/2026, Thursday 2/4 -> April (Q2)
    ("2026-W14", "2026-04"),
    # crossing a year's end into the new year: Mon 29/12/2025 .. Sun 4/1/2026, Thursday 1/1/2026
    ("2026-W01", "2026-01"),
    # crossing a year's end, staying in the old year: Mon 28/12/2026 .. Sun 3/1/2027, Thursday 31/12
    ("2026-W53", "2026-12"),
]


@pytest.mark.parametrize("week,month", MONTH_OF_WEEK)
def test_a_week_is_filed_under_the_month_of_its_thursday(week, month):
    w = Period.parse(week)
    assert w.month().code == month
    assert Period.parse(month).contains(w)
    assert w in Period.for_date(Period.parse(month).start, "Q")
    assert w in Period(Period.parse(month).year, "Y")
    assert Period.parse(month).start <= w.thursday <= Period.parse(month).end


def test_every_week_of_a_year_is_in_exactly_one_month_and_quarter():
    for year in (2020, 2025, 2026, 2027):
        weeks = Period.weeks_of(year)
        by_month = [w for m in Period.months_of(year) for w in m.weeks()]
        by_quarter = [w for q in Period.quarters_of(year) for w in q.weeks()]
        assert by_month == weeks == by_quarter == Period(year, "Y").weeks()
    assert [w.code for w in Period.parse("2025-12").weeks()] == ["2025-W49", "2025-W50", "2025-W51", "2025-W52"]
    assert "2026-W01" not in [w.code for w in Period.parse("2025").weeks()]


def test_flows_combine_from_weeks_into_months_and_quarters():
    """Weekly figures 1..53 of 2026: the month and the quarter are the sums of their weeks."""
    weekly = {w: Decimal(w.index) for w in Period.weeks_of(2026)}

    def flow(period):
        return combine_over_time("sum", [(w, weekly[w]) for w in period.weeks()])

    jan = flow(Period.parse("2026-01"))
    assert jan == 1 + 2 + 3 + 4 + 5  # W01 (from 29/12/2025) and W05 (to 1/2/2026) included
    assert flow(Period.parse("2026-02")) == 6 + 7 + 8 + 9
    assert flow(Period.parse("2026-Q1")) == sum(range(1, 14))
    assert flow(Period.parse("2026-Q4")) == sum(range(40, 54))  # W53 ends 3/1/2027, still 2026-Q4
    assert sum(flow(m) for m in Period.months_of(2026)) == flow(Period.parse("2026")) == sum(range(1, 54))
    assert combine_over_time("last", [(w, weekly[w]) for w in Period.parse("2026-03").weeks()]) == 13


def test_stored_parts_of_a_quarter_in_time_order():
    parts = [p.code for p in Period.parse("2026-Q1").stored_parts()]
    assert parts[:6] == ["2026-W01", "2026-W02", "2026-W03", "2026-W04", "2026-01", "2026-W05"]
    assert parts[-2:] == ["2026-03", "2026-Q1"] and len(parts) == 13 + 3 + 1
    assert Period.parse("2026-W05").stored_parts() == [Period.parse("2026-W05")]


def test_a_weeks_share_of_a_yearly_target():
    # Q1/2026 has 13 weeks: a week gets a quarter of the year divided by 13
    assert prorate_target(5200, "2026-W02") == Decimal(100)
    year = sum(prorate_target(1000, w) for w in Period.weeks_of(2026))
    assert abs(year - 1000) < Decimal("0.0001")
    assert abs(prorate_target(5200, "2026-W13", "cumulative") - 1300) < Decimal("0.0001")


def test_dhis2_weekly_codes():
    assert to_dhis2_period("2026-W49") == "2026W49"
    assert to_dhis2_period("2026-W01") == "2026W1"
    assert from_dhis2_period("2026W49") == "2026-W49"
    assert from_dhis2_period("2026W1") == "2026-W01"

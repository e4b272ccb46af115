"""Specification of giaoban.core.aggregation on small hand-checked data."""

from decimal import Decimal

import pytest

from giaoban.core.aggregation import (
    AggregationError,
    ParentChildRule,
    ProgressBands,
    TimeAggregation,
    UnitAggregation,
    change,
    combine_over_time,
    combine_over_units,
    derive_period_value,
    progress,
    progress_band,
    prorate_target,
    resolve_parent_children,
)
from giaoban.core.periods import Period

P = Period.parse
Q1, Q2, Q3, Q4 = (P(f"2023-Q{i}") for i in range(1, 5))

OVER_TIME = [
    # rule, [(period, value)], expected
    ("sum", [(Q1, 10), (Q2, 20), (Q3, 30)], "60"),
    ("sum", [(Q3, 30), (Q1, 10), (Q2, 20)], "60"),  # order of input does not matter
    ("sum", [(Q1, 10), (Q2, None), (Q3, 30)], "40"),  # missing is skipped, not zero
    ("sum", [(Q1, None), (Q2, None)], None),
    ("sum", [], None),
    ("sum", [(Q1, Decimal("1.5")), (Q2, 0.1), (Q3, 2)], "3.6"),
    ("last", [(Q1, 100), (Q2, 120), (Q3, 130)], "130"),
    ("last", [(Q3, 130), (Q1, 100), (Q2, 120)], "130"),
    ("last", [(Q1, 100), (Q2, 120), (Q3, None)], "120"),  # latest quarter that has a value
    ("last", [(Q1, 100), (Q2, 0), (Q3, None)], "0"),  # zero is a value
    ("last", [(P("2022-Q4"), 90), (Q1, 100)], "100"),  # across a year end
    ("last", [], None),
    ("average", [(Q1, 10), (Q2, 20), (Q3, None)], "15"),
    ("average", [(Q1, 1), (Q2, 2)], "1.5"),
    (TimeAggregation.SUM, [(P("2023-01"), 1), (P("2023-02"), 2), (P("2023-03"), 3)], "6"),
    ("sum", [("2023-Q1", 5), ("2023-Q2", 6)], "11"),  # codes accepted
]


@pytest.mark.parametrize("rule,items,expected", OVER_TIME)
def test_combine_over_time(rule, items, expected):
    result = combine_over_time(rule, items)
    assert result == (None if expected is None else Decimal(expected))
    assert result is None or isinstance(result, Decimal)


@pytest.mark.parametrize(
    "items",
    [[(Q3, 1), (P("2023-08"), 2)], [(Q3, 1), (Q3, 2)], [(P("2023-9M"), 1), (Q4, 2), (Q3, 3)], [(P("2023-H1"), 1), (Q2, 1)]],
)
def test_combine_over_time_refuses_overlaps(items):
    with pytest.raises(AggregationError, match="chồng lên nhau"):
        combine_over_time("sum", items)


def test_unknown_rule_is_named():
    with pytest.raises(AggregationError, match="'median'"):
        combine_over_time("median", [(Q1, 1)])
    with pytest.raises(AggregationError, match="'max'"):
        combine_over_units("max", [1])


QUARTERS = {Q1: 10, Q2: 20, Q3: 30, Q4: None, P("2022-Q3"): 5, P("2023-07"): 7}

DERIVED = [
    # rule, period, expected -- flows sum, stocks take the last quarter with a figure
    ("sum", "2023-Q3", "30"),
    ("sum", "2023-H1", "30"),
    ("sum", "2023-H2", "30"),
    ("sum", "2023-9M", "60"),
    ("sum", "2023", "60"),
    ("last", "2023-H1", "20"),
    ("last", "2023-9M", "30"),
    ("last", "2023", "30"),  # Q4 missing: Q3's figure
    ("last", "2023-H2", "30"),
    ("average", "2023", "20"),
    ("sum", "2022-9M", "5"),
    ("sum", "2021", None),
    ("sum", "2023-07", "7"),  # a month: its own figure
    ("sum", "2023-08", None),  # a month without a figure is not derived from anything
    ("sum", "2023-Q4", None),
]


@pytest.mark.parametrize("rule,period,expected", DERIVED)
def test_derive_period_value(rule, period, expected):
    assert derive_period_value(rule, period, QUARTERS) == (None if expected is None else Decimal(expected))


def test_derived_periods_ignore_a_typed_cumulative_figure():
    values = {Q1: 1, Q2: 2, P("2023-H1"): 999}
    assert derive_period_value("sum", "2023-H1", values) == Decimal(3)


OVER_UNITS = [
    ("sum", [1, 2, 3], "6"),
    ("sum", [1, None, 3], "4"),
    ("sum", [None, None], None),
    ("sum", [], None),
    ("sum", [Decimal("29774"), 0], "29774"),
    ("average", [80, 90, None], "85"),
    ("average", [1, 2], "1.5"),
    ("none", [42], "42"),
    ("none", [None, 42], "42"),
    ("none", [41, 42], None),  # a rate cannot be added up over units
    ("none", [], None),
    (UnitAggregation.SUM, (x for x in [1, 2]), "3"),
]


@pytest.mark.parametrize("rule,values,expected", OVER_UNITS)
def test_combine_over_units(rule, values, expected):
    assert combine_over_units(rule, values) == (None if expected is None else Decimal(expected))


PARENT_CHILDREN = [
    # parent, children, rule, unit_rule, expected
    (100, [40, 50], "children_first", "sum", "90"),  # no double counting: 90, not 190
    (100, [40, None], "children_first", "sum", "40"),
    (100, [None, None], "children_first", "sum", "100"),
    (100, [], "children_first", "sum", "100"),
    (None, [40, 50], "children_first", "sum", "90"),
    (None, [], "children_first", "sum", None),
    (100, [0], "children_first", "sum", "0"),  # a child's zero is a report
    (100, [40, 50], "parent_first", "sum", "100"),
    (None, [40, 50], "parent_first", "sum", "90"),
    (None, [None], "parent_first", "sum", None),
    (10, [40, 50], "sum_all", "sum", "100"),
    (None, [40, 50], "sum_all", "sum", "90"),
    (10, [], "sum_all", "sum", "10"),
    (80, [60, 90], "children_first", "average", "75"),
    (80, [60, 90], "sum_all", "average", "76.66666666666666666666666667"),  # (80 + 60 + 90) / 3
    (80, [60, 90], "children_first", "none", "80"),  # rates: the parent's own figure only
    (None, [60, 90], "children_first", "none", None),
]


@pytest.mark.parametrize("parent,children,rule,unit_rule,expected", PARENT_CHILDREN)
def test_resolve_parent_children(parent, children, rule, unit_rule, expected):
    result = resolve_parent_children(parent, children, rule, unit_rule=unit_rule)
    assert result == (None if expected is None else Decimal(expected))


def test_resolve_parent_children_default_rule():
    assert resolve_parent_children(100, [40, 50]) == Decimal(90)
    assert resolve_parent_children(100, [None]) == Decimal(100)
    assert ParentChildRule("children_first") is ParentChildRule.CHILDREN_FIRST


PROGRESS = [
    (558, 600, "93"),
    (75, 100, "75"),
    (0, 100, "0"),
    (150, 100, "150"),
    (1, 3, "33.33333333333333333333333333"),
    (10, 0, None),
    (10, None, None),
    (None, 100, None),
]


@pytest.mark.parametrize("actual,target,expected", PROGRESS)
def test_progress(actual, target, expected):
    assert progress(actual, target) == (None if expected is None else Decimal(expected))


PRORATE = [
    # yearly, period, mode, expected
    (1000, "2023-Q3", "even", "250"),
    (1000, "2023-Q1", "even", "250"),
    (1000, "2023-H1", "even", "500"),
    (1000, "2023-H2", "even", "500"),
    (1000, "2023-9M", "even", "750"),
    (1000, "2023", "even", "1000"),
    (1200, "2023-07", "even", "100"),
    (1000, "2023-Q1", "cumulative", "250"),
    (1000, "2023-Q3", "cumulative", "750"),
    (1000, "2023-Q4", "cumulative", "1000"),
    (1000, "2023-H2", "cumulative", "1000"),
    (1000, "2023-9M", "cumulative", "750"),
    (1200, "2023-07", "cumulative", "700"),
    (1000, "2023-Q3", "none", "1000"),
    (1000, "2023-Q3", (1, 2, 3, 4), "300"),
    (1000, "2023-H1", (1, 2, 3, 4), "300"),
    (1000, "2023", (1, 2, 3, 4), "1000"),
    (1000, "2023-Q2", (0, 1, 1, 0), "500"),
    (None, "2023-Q3", "even", None),
    (Decimal("1.5"), "2023-Q2", "even", "0.375"),
]


@pytest.mark.parametrize("yearly,period,mode,expected", PRORATE)
def test_prorate_target(yearly, period, mode, expected):
    assert prorate_target(yearly, period, mode) == (None if expected is None else Decimal(expected))


def test_prorated_quarters_add_up_to_the_year():
    for mode in ["even", (1, 2, 3, 4), (5, 0, 0, 1)]:
        total = sum(prorate_target(1000, q, mode) for q in Period.quarters_of(2023))
        assert total == Decimal(1000)


@pytest.mark.parametrize("mode", ["weekly", (1, 2, 3), (1, -1, 1, 1), (0, 0, 0, 0)])
def test_prorate_refuses_bad_modes(mode):
    with pytest.raises(AggregationError):
        prorate_target(1000, "2023-Q3", mode)


CHANGE = [
    # current, previous, abs, pct
    (120, 100, "20", "20"),
    (80, 100, "-20", "-20"),
    (100, 100, "0", "0"),
    (5, 0, "5", None),
    (0, 0, "0", None),
    (None, 100, None, None),
    (100, None, None, None),
    (-50, -100, "50", "50"),  # a smaller loss reads as up
    (Decimal("1.5"), Decimal("1.2"), "0.3", "25"),
]


@pytest.mark.parametrize("current,previous,diff,pct", CHANGE)
def test_change(current, previous, diff, pct):
    d, p = change(current, previous)
    assert d == (None if diff is None else Decimal(diff))
    assert p == (None if pct is None else Decimal(pct))


def test_change_against_same_period_last_year_across_a_year_end():
    values = {P("2022-Q4"): 80, P("2023-Q4"): 100, P("2023-Q1"): 50}
    q4 = P("2023-Q4")
    assert change(values[q4], values[q4.same_period_last_year()]) == (Decimal(20), Decimal(25))
    q1 = P("2023-Q1")
    assert change(values[q1], values[q1.previous()]) == (Decimal(-30), Decimal("-37.5"))
    # nine months vs nine months of the year before, derived from quarters
    qs = {P("2022-Q1"): 10, P("2022-Q2"): 10, P("2022-Q3"): 20, Q1: 15, Q2: 15, Q3: 30, Q4: 99}
    now = derive_period_value("sum", "2023-9M", qs)
    before = derive_period_value("sum", P("2023-9M").same_period_last_year(), qs)
    assert change(now, before) == (Decimal(20), Decimal(50))


BANDS = [
    (None, False, None),
    (0, False, "red"),
    (Decimal("69.99"), False, "red"),
    (70, False, "amber"),
    (99.9, False, "amber"),
    (100, False, "green"),
    (250, False, "green"),
    (50, True, "green"),
    (100, True, "green"),
    (110, True, "amber"),
    (Decimal("110.01"), True, "red"),
]


@pytest.mark.parametrize("pct,lower_is_better,band", BANDS)
def test_progress_band(pct, lower_is_better, band):
    assert progress_band(pct, lower_is_better=lower_is_better) == band


def test_custom_bands():
    bands = ProgressBands(amber_from=Decimal(50), green_from=Decimal(90))
    assert [progress_band(x, bands) for x in (49, 50, 89, 90)] == ["red", "amber", "amber", "green"]
    with pytest.raises(AggregationError):
        ProgressBands(amber_from=Decimal(100), green_from=Decimal(70))


def test_progress_band_of_progress():
    assert progress_band(progress(558, 600)) == "amber"
    assert progress_band(progress(692, prorate_target(2400, "2023-Q3"))) == "green"

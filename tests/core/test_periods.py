"""Specification of giaoban.core.periods: one table per behaviour."""

import datetime as dt
import json

import pytest

from giaoban.core.periods import (
    DEFAULT_REGIME,
    Period,
    PeriodError,
    ReportingRegime,
    parse_period,
    periods_between,
    sort_periods,
)

D = dt.date

# code, year, kind, index, label_vi, label_en, start, end
CANONICAL = [
    ("2023-01", 2023, "M", 1, "Tháng 1/2023", "January 2023", D(2023, 1, 1), D(2023, 1, 31)),
    ("2023-02", 2023, "M", 2, "Tháng 2/2023", "February 2023", D(2023, 2, 1), D(2023, 2, 28)),
    ("2024-02", 2024, "M", 2, "Tháng 2/2024", "February 2024", D(2024, 2, 1), D(2024, 2, 29)),
    ("2023-07", 2023, "M", 7, "Tháng 7/2023", "July 2023", D(2023, 7, 1), D(2023, 7, 31)),
    ("2023-12", 2023, "M", 12, "Tháng 12/2023", "December 2023", D(2023, 12, 1), D(2023, 12, 31)),
    ("2023-Q1", 2023, "Q", 1, "Quý I/2023", "Q1 2023", D(2023, 1, 1), D(2023, 3, 31)),
    ("2023-Q2", 2023, "Q", 2, "Quý II/2023", "Q2 2023", D(2023, 4, 1), D(2023, 6, 30)),
    ("2023-Q3", 2023, "Q", 3, "Quý III/2023", "Q3 2023", D(2023, 7, 1), D(2023, 9, 30)),
    ("2023-Q4", 2023, "Q", 4, "Quý IV/2023", "Q4 2023", D(2023, 10, 1), D(2023, 12, 31)),
    ("2023-H1", 2023, "H", 1, "6 tháng đầu năm 2023", "First half of 2023", D(2023, 1, 1), D(2023, 6, 30)),
    ("2023-H2", 2023, "H", 2, "6 tháng cuối năm 2023", "Second half of 2023", D(2023, 7, 1), D(2023, 12, 31)),
    ("2023-9M", 2023, "9M", 1, "9 tháng đầu năm 2023", "First nine months of 2023", D(2023, 1, 1), D(2023, 9, 30)),
    ("2023", 2023, "Y", 1, "Năm 2023", "Year 2023", D(2023, 1, 1), D(2023, 12, 31)),
]


@pytest.mark.parametrize("code,year,kind,index,label_vi,label_en,start,end", CANONICAL)
def test_canonical_codes(code, year, kind, index, label_vi, label_en, start, end):
    p = Period.parse(code)
    assert (p.year, p.kind, p.index) == (year, kind, index)
    assert p == Period(year, kind, index)
    assert p.code == code == str(p) == p.to_json()
    assert Period.from_json(json.loads(json.dumps(p.to_json()))) == p
    assert p.label_vi == label_vi
    assert p.label_en == label_en
    assert (p.start, p.end) == (start, end)
    assert parse_period(code) is not None and parse_period(code) == p


ALIASES = [
    # DHIS2 period codes
    ("2023Q3", "2023-Q3"),
    ("2023S1", "2023-H1"),
    ("2023S2", "2023-H2"),
    ("202307", "2023-07"),
    ("202312", "2023-12"),
    # loose ASCII
    ("2023-7", "2023-07"),
    ("2023-q3", "2023-Q3"),
    (" 2023-Q3 ", "2023-Q3"),
    ("2023h2", "2023-H2"),
    ("2023-9m", "2023-9M"),
    ("2023-Y", "2023"),
    ("Q3/2023", "2023-Q3"),
    ("07/2023", "2023-07"),
    ("T7/2023", "2023-07"),
    # Vietnamese
    ("Quý III/2023", "2023-Q3"),
    ("quý 3 năm 2023", "2023-Q3"),
    ("Quý IV năm 2022", "2022-Q4"),
    ("QUÝ I/2024", "2024-Q1"),
    ("quý 2/2023", "2023-Q2"),
    ("Quí III/2023", "2023-Q3"),
    ("Quý III.2023", "2023-Q3"),
    ("Quý II - 2023", "2023-Q2"),
    ("Tháng 7/2023", "2023-07"),
    ("tháng 12 năm 2023", "2023-12"),
    ("6 tháng đầu năm 2023", "2023-H1"),
    ("6 tháng cuối năm 2023", "2023-H2"),
    ("sáu tháng đầu năm 2023", "2023-H1"),
    ("6 tháng năm 2023", "2023-H1"),
    ("9 tháng 2023", "2023-9M"),
    ("9 tháng đầu năm 2023", "2023-9M"),
    ("9 tháng năm 2023", "2023-9M"),
    ("năm 2023", "2023"),
    ("Năm 2023", "2023"),
    ("cả năm 2023", "2023"),
    # NFD input and the other tone placement do not matter
    ("Qu\u0079\u0301 III/2023", "2023-Q3"),
    ("6 tha\u0301ng \u0111a\u0302\u0300u na\u0306m 2023", "2023-H1"),
]


@pytest.mark.parametrize("text,code", ALIASES)
def test_tolerant_parser(text, code):
    assert Period.parse(text).code == code


BAD = [
    "", " ", "abc", "2023-13", "2023-00", "2023-Q5", "2023-Q0", "2023-H3", "2023-8M",
    "2023Q", "23-Q3", "2023-Q3-1", "Quý V/2023", "quý 3", "tháng 13/2023", "2023S3",
    "202313", "7 tháng đầu năm 2023", "0999", "Q3 2023 2024",
]


@pytest.mark.parametrize("text", BAD)
def test_parse_errors_name_the_code_in_vietnamese(text):
    with pytest.raises(PeriodError) as exc:
        Period.parse(text)
    msg = str(exc.value)
    assert f"'{text}'" in msg
    assert "kỳ báo cáo không hợp lệ" in msg
    assert isinstance(exc.value, ValueError)


@pytest.mark.parametrize("value", [None, 2023, 3.5])
def test_parse_rejects_non_strings(value):
    with pytest.raises(PeriodError):
        Period.parse(value)


def test_parse_accepts_a_period():
    p = Period(2023, "Q", 3)
    assert Period.parse(p) is p


@pytest.mark.parametrize(
    "args", [(2023, "X", 1), (2023, "M", 0), (2023, "M", 13), (2023, "Q", 5), (2023, "H", 3),
             (2023, "9M", 2), (2023, "Y", 2), (99, "Y", 1), ("2023", "Y", 1), (2023, "Q", True)]
)
def test_constructor_validates(args):
    with pytest.raises(PeriodError):
        Period(*args)


COMPOSITION = [
    # code, quarters, number of months, is_cumulative
    ("2023-07", [], 1, False),
    ("2023-Q1", ["2023-Q1"], 3, False),
    ("2023-Q4", ["2023-Q4"], 3, False),
    ("2023-H1", ["2023-Q1", "2023-Q2"], 6, True),
    ("2023-H2", ["2023-Q3", "2023-Q4"], 6, True),
    ("2023-9M", ["2023-Q1", "2023-Q2", "2023-Q3"], 9, True),
    ("2023", ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"], 12, True),
]


@pytest.mark.parametrize("code,quarters,n_months,cumulative", COMPOSITION)
def test_composition(code, quarters, n_months, cumulative):
    p = Period.parse(code)
    assert [q.code for q in p.quarters()] == quarters
    months = p.months()
    assert len(months) == n_months
    assert months[0].start == p.start and months[-1].end == p.end
    assert all(p.contains(m) for m in months)
    assert p.is_cumulative is cumulative
    # the quarters tile the period exactly
    if quarters:
        assert p.quarters()[0].start == p.start and p.quarters()[-1].end == p.end
        assert sum(len(q.months()) for q in p.quarters()) == n_months


CONTAINS = [
    ("2023", "2023-Q3", True),
    ("2023", "2023-07", True),
    ("2023", "2023-9M", True),
    ("2023", "2023-H2", True),
    ("2023-9M", "2023-Q3", True),
    ("2023-9M", "2023-Q4", False),
    ("2023-9M", "2023-H1", True),
    ("2023-9M", "2023-H2", False),
    ("2023-H1", "2023-Q2", True),
    ("2023-H1", "2023-Q3", False),
    ("2023-H2", "2023-09", True),
    ("2023-Q3", "2023-Q3", True),
    ("2023-Q3", "2023-08", True),
    ("2023-Q3", "2023-10", False),
    ("2023-Q3", "2023", False),
    ("2023", "2024-Q1", False),
    ("2023-07", "2023-Q3", False),
]


@pytest.mark.parametrize("outer,inner,expected", CONTAINS)
def test_contains(outer, inner, expected):
    o, i = Period.parse(outer), Period.parse(inner)
    assert o.contains(i) is expected
    assert (i in o) is expected


NAVIGATION = [
    # code, previous, next, same period last year
    ("2023-07", "2023-06", "2023-08", "2022-07"),
    ("2023-01", "2022-12", "2023-02", "2022-01"),
    ("2023-12", "2023-11", "2024-01", "2022-12"),
    ("2023-Q1", "2022-Q4", "2023-Q2", "2022-Q1"),
    ("2023-Q3", "2023-Q2", "2023-Q4", "2022-Q3"),
    ("2023-Q4", "2023-Q3", "2024-Q1", "2022-Q4"),
    ("2023-H1", "2022-H2", "2023-H2", "2022-H1"),
    ("2023-H2", "2023-H1", "2024-H1", "2022-H2"),
    ("2023-9M", "2022-9M", "2024-9M", "2022-9M"),
    ("2023", "2022", "2024", "2022"),
    ("2024-02", "2024-01", "2024-03", "2023-02"),
]


@pytest.mark.parametrize("code,prev,nxt,last_year", NAVIGATION)
def test_navigation(code, prev, nxt, last_year):
    p = Period.parse(code)
    assert p.previous().code == prev
    assert p.next().code == nxt
    assert p.same_period_last_year().code == last_year
    assert p.next().previous() == p and p.previous().next() == p


YEAR_TO_DATE = [
    ("2023-Q1", ["2023-Q1"]),
    ("2023-Q3", ["2023-Q1", "2023-Q2", "2023-Q3"]),
    ("2023-Q4", ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]),
    ("2023-H1", ["2023-Q1", "2023-Q2"]),
    ("2023-H2", ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]),
    ("2023-9M", ["2023-Q1", "2023-Q2", "2023-Q3"]),
    ("2023", ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]),
    ("2023-03", ["2023-01", "2023-02", "2023-03"]),
    ("2023-01", ["2023-01"]),
]


@pytest.mark.parametrize("code,expected", YEAR_TO_DATE)
def test_year_to_date(code, expected):
    assert [p.code for p in Period.parse(code).year_to_date()] == expected


# Decree 09/2019 defaults: window (from, to) and deadline (cut-off + 6 days = the 20th)
WINDOWS = [
    ("2023-07", D(2023, 6, 15), D(2023, 7, 14), D(2023, 7, 20)),
    ("2023-01", D(2022, 12, 15), D(2023, 1, 14), D(2023, 1, 20)),
    ("2023-03", D(2023, 2, 15), D(2023, 3, 14), D(2023, 3, 20)),
    ("2023-12", D(2023, 11, 15), D(2023, 12, 14), D(2023, 12, 20)),
    ("2023-Q1", D(2022, 12, 15), D(2023, 3, 14), D(2023, 3, 20)),
    ("2023-Q2", D(2023, 3, 15), D(2023, 6, 14), D(2023, 6, 20)),
    ("2023-Q3", D(2023, 6, 15), D(2023, 9, 14), D(2023, 9, 20)),
    ("2023-Q4", D(2023, 9, 15), D(2023, 12, 14), D(2023, 12, 20)),
    ("2023-H1", D(2022, 12, 15), D(2023, 6, 14), D(2023, 6, 20)),
    ("2023-H2", D(2023, 6, 15), D(2023, 12, 14), D(2023, 12, 20)),
    ("2023-9M", D(2022, 12, 15), D(2023, 9, 14), D(2023, 9, 20)),
    ("2023", D(2022, 12, 15), D(2023, 12, 14), D(2023, 12, 20)),
    ("2024-Q1", D(2023, 12, 15), D(2024, 3, 14), D(2024, 3, 20)),
]


@pytest.mark.parametrize("code,start,cutoff,deadline", WINDOWS)
def test_default_windows_and_deadlines(code, start, cutoff, deadline):
    p = Period.parse(code)
    assert p.data_window() == (start, cutoff)
    assert p.data_window(DEFAULT_REGIME) == (start, cutoff)
    assert p.cutoff() == cutoff
    assert p.deadline() == deadline
    assert (deadline - cutoff).days >= 1  # Decree 09/2019, Art. 8(5)


def test_consecutive_windows_tile_the_calendar():
    for first, last in [("2022-01", "2025-12"), ("2022-Q1", "2025-Q4"), ("2022-H1", "2025-H2")]:
        ps = periods_between(first, last)
        for a, b in zip(ps, ps[1:]):
            assert a.data_window()[1] + dt.timedelta(days=1) == b.data_window()[0]


def test_cumulative_windows_span_their_quarters():
    for code in ["2023-H1", "2023-H2", "2023-9M", "2023"]:
        p = Period.parse(code)
        qs = p.quarters()
        assert p.data_window() == (qs[0].data_window()[0], qs[-1].data_window()[1])


REGIMES = [
    # regime, code, window, deadline
    (ReportingRegime(deadline_offset_days=11), "2023-Q3", (D(2023, 6, 15), D(2023, 9, 14)), D(2023, 9, 25)),
    (ReportingRegime(cutoff_day=None, deadline_offset_days=10), "2023-Q3",
     (D(2023, 7, 1), D(2023, 9, 30)), D(2023, 10, 10)),
    (ReportingRegime(cutoff_day=None, deadline_offset_days=5), "2024-02",
     (D(2024, 2, 1), D(2024, 2, 29)), D(2024, 3, 5)),
    (ReportingRegime(cutoff_day=20), "2023-Q1", (D(2022, 12, 21), D(2023, 3, 20)), D(2023, 3, 26)),
    (ReportingRegime(cutoff_day=30), "2023-03", (D(2023, 3, 1), D(2023, 3, 30)), D(2023, 4, 5)),
    (ReportingRegime(cutoff_day=30), "2023-02", (D(2023, 1, 31), D(2023, 2, 28)), D(2023, 3, 6)),
    (ReportingRegime(deadline_offsets_by_kind={"Y": 16}), "2023", (D(2022, 12, 15), D(2023, 12, 14)), D(2023, 12, 30)),
    (ReportingRegime(deadline_offsets_by_kind={"Y": 16}), "2023-Q4", (D(2023, 9, 15), D(2023, 12, 14)), D(2023, 12, 20)),
    ({"cutoff_day": 14, "deadline_offset_days": 11}, "2023-9M", (D(2022, 12, 15), D(2023, 9, 14)), D(2023, 9, 25)),
]


@pytest.mark.parametrize("regime,code,window,deadline", REGIMES)
def test_configurable_regime(regime, code, window, deadline):
    p = Period.parse(code)
    assert p.data_window(regime) == window
    assert p.deadline(regime) == deadline


def test_deadline_per_level():
    regime = ReportingRegime(deadline_offsets_by_level={"commune": 3, "province": 8})
    p = Period.parse("2023-Q3")
    assert p.deadline(regime, level="commune") == D(2023, 9, 17)
    assert p.deadline(regime, level="province") == D(2023, 9, 22)
    assert p.deadline(regime, level="district") == D(2023, 9, 20)


@pytest.mark.parametrize(
    "kwargs",
    [{"cutoff_day": 0}, {"cutoff_day": 32}, {"deadline_offset_days": 0},
     {"deadline_offsets_by_kind": {"Q": 0}}, {"deadline_offsets_by_kind": {"X": 3}},
     {"deadline_offsets_by_level": {"commune": -1}}],
)
def test_regime_validation(kwargs):
    with pytest.raises(PeriodError):
        ReportingRegime(**kwargs)


def test_regime_from_mapping_rejects_unknown_keys():
    with pytest.raises(PeriodError, match="cutoff"):
        ReportingRegime.from_mapping({"cutoff": 14})


FOR_DATE = [
    (D(2023, 8, 15), "M", "2023-08"),
    (D(2023, 8, 15), "Q", "2023-Q3"),
    (D(2023, 1, 1), "Q", "2023-Q1"),
    (D(2023, 12, 31), "Q", "2023-Q4"),
    (D(2023, 6, 30), "H", "2023-H1"),
    (D(2023, 7, 1), "H", "2023-H2"),
    (D(2023, 9, 30), "9M", "2023-9M"),
    (D(2023, 12, 31), "Y", "2023"),
]


@pytest.mark.parametrize("d,kind,code", FOR_DATE)
def test_for_date(d, kind, code):
    p = Period.for_date(d, kind)
    assert p.code == code
    assert p.start <= d <= p.end


def test_for_date_outside_nine_months():
    with pytest.raises(PeriodError):
        Period.for_date(D(2023, 10, 1), "9M")
    with pytest.raises(PeriodError):
        Period.for_date(D(2023, 10, 1), "X")


FOR_REPORTING_DATE = [
    (D(2023, 12, 20), "Q", "2024-Q1"),
    (D(2023, 12, 14), "Q", "2023-Q4"),
    (D(2023, 9, 14), "Q", "2023-Q3"),
    (D(2023, 9, 15), "Q", "2023-Q4"),
    (D(2023, 7, 14), "M", "2023-07"),
    (D(2023, 7, 15), "M", "2023-08"),
    (D(2023, 12, 15), "Y", "2024"),
    (D(2023, 12, 15), "H", "2024-H1"),
    (D(2023, 12, 15), "9M", "2024-9M"),
    (D(2023, 9, 14), "9M", "2023-9M"),
]


@pytest.mark.parametrize("d,kind,code", FOR_REPORTING_DATE)
def test_for_reporting_date(d, kind, code):
    p = Period.for_reporting_date(d, kind)
    assert p.code == code
    lo, hi = p.data_window()
    assert lo <= d <= hi


def test_for_reporting_date_outside_nine_months_window():
    with pytest.raises(PeriodError):
        Period.for_reporting_date(D(2023, 10, 1), "9M")


def test_quarters_of_and_between():
    assert [q.code for q in Period.quarters_of(2023)] == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]
    assert [p.code for p in periods_between("2022-Q3", "2023-Q2")] == ["2022-Q3", "2022-Q4", "2023-Q1", "2023-Q2"]
    assert [p.code for p in periods_between("2023-11", "2024-02")] == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert [p.code for p in periods_between("2022", "2024")] == ["2022", "2023", "2024"]
    assert [p.code for p in periods_between("2023-Q3", "2023-Q3")] == ["2023-Q3"]
    assert len(periods_between("2022-Q1", "2025-Q4")) == 16
    with pytest.raises(PeriodError):
        periods_between("2023-Q1", "2023-07")
    with pytest.raises(PeriodError):
        periods_between("2023-Q3", "2023-Q1")


def test_ordering_is_chronological_by_end_then_kind():
    codes = ["2023", "2023-9M", "2023-Q3", "2023-09", "2023-H1", "2022-Q4", "2023-Q1", "2023-H2", "2023-Q4", "2023-12"]
    assert [p.code for p in sort_periods(codes)] == [
        "2022-Q4", "2023-Q1", "2023-H1", "2023-09", "2023-Q3", "2023-9M", "2023-12", "2023-Q4", "2023-H2", "2023",
    ]
    assert Period.parse("2022-Q4") < Period.parse("2023-Q1") <= Period.parse("2023-Q1")
    assert max(Period.quarters_of(2023)).code == "2023-Q4"


def test_hashable_and_equal_by_value():
    a, b = Period.parse("2023-Q3"), Period.parse("Quý III/2023")
    assert a == b and hash(a) == hash(b)
    assert len({a, b, Period.parse("2023-9M")}) == 2
    assert {a: 1}[b] == 1
    assert a != "2023-Q3"
    with pytest.raises(TypeError):
        _ = a < "2023-Q4"


def test_immutable():
    p = Period.parse("2023-Q3")
    with pytest.raises(AttributeError):
        p.year = 2024


def test_every_period_of_four_years_round_trips():
    for year in range(2022, 2026):
        for kind, n in [("M", 12), ("Q", 4), ("H", 2), ("9M", 1), ("Y", 1)]:
            for i in range(1, n + 1):
                p = Period(year, kind, i)
                assert Period.parse(p.code) == p
                assert Period.parse(p.label_vi) == p
                assert p.start <= p.end
                lo, hi = p.data_window()
                assert lo < hi < p.deadline()


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_periods = st.builds(
    lambda y, k, i: Period(y, k, min(i, {"M": 12, "Q": 4, "H": 2, "9M": 1, "Y": 1}[k])),
    st.integers(1990, 2100), st.sampled_from(["M", "Q", "H", "9M", "Y"]), st.integers(1, 12),
)


@given(_periods, _periods)
def test_order_agrees_with_end_dates(a, b):
    if a.end < b.end:
        assert a < b
    assert (a < b) + (b < a) + (a == b) == 1


@given(_periods)
def test_codes_labels_and_navigation_round_trip(p):
    assert Period.parse(p.code) == p == Period.parse(p.label_vi)
    assert p.previous() < p < p.next()
    last_year = p.same_period_last_year()
    assert (last_year.kind, last_year.index, last_year.year) == (p.kind, p.index, p.year - 1)
    if p.kind in ("9M", "Y"):
        assert last_year == p.previous()
    assert p.contains(p)
    assert all(p.contains(q) for q in p.quarters())
    lo, hi = p.data_window()
    assert (hi - lo).days + 1 in range(28 * len(p.months()), 31 * len(p.months()) + 1)

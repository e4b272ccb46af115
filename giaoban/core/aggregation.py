"""Aggregation rules: how figures add up over time, over units, and against targets.

Plain Python, no Django. These functions define *what* a roll-up means, on small inputs; the
SQL side (``giaoban.analytics``) does the same work over millions of rows and is tested against
them. All results are :class:`~decimal.Decimal` (or ``None`` for "no figure"); missing values
(``None``) are skipped, never counted as zero.

* Over time (:class:`TimeAggregation`): flows (sessions held, members admitted) **sum** over the
  quarters of a half year / nine months / year; stocks (loan balance, total members) take the
  **last** value -- the latest quarter in the period that has a figure; some rates **average**.
* Over units (:class:`UnitAggregation`): **sum**, **average**, or **none** (a figure that cannot
  be added up, such as a rate: only a single unit's own figure is meaningful).
* Parent and children (:class:`ParentChildRule`): when a unit and its sub-units both report the
  same indicator, the default takes the children's total where any child reported and the
  parent's own figure otherwise, so nothing is counted twice.
* Targets: progress in percent, prorating a yearly target to a period, colour bands.
* Comparisons: change against the same period last year or the previous period.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from giaoban.core.numbers import to_decimal
from giaoban.core.periods import Period

_E = TypeVar("_E", bound=enum.Enum)

__all__ = [
    "AggregationError",
    "DEFAULT_BANDS",
    "ParentChildRule",
    "ProgressBands",
    "ProrateMode",
    "TimeAggregation",
    "UnitAggregation",
    "change",
    "combine_over_time",
    "combine_over_units",
    "derive_period_value",
    "progress",
    "progress_band",
    "prorate_target",
    "resolve_parent_children",
]

Number = int | float | Decimal


class AggregationError(ValueError):
    """Inputs that cannot be combined under the rule (message in Vietnamese)."""


class UnitAggregation(str, enum.Enum):
    SUM = "sum"
    AVERAGE = "average"
    NONE = "none"


class TimeAggregation(str, enum.Enum):
    SUM = "sum"  # flows
    LAST = "last"  # stocks
    AVERAGE = "average"


class ParentChildRule(str, enum.Enum):
    CHILDREN_FIRST = "children_first"  # default: children's total if any child reported, else parent
    PARENT_FIRST = "parent_first"  # parent's own figure if reported, else children's total
    SUM_ALL = "sum_all"  # parent's own activities plus its children's (no overlap by definition)


class ProrateMode(str, enum.Enum):
    EVEN = "even"  # the period's own share: Q3 gets 1/4, 9M gets 3/4, a month 1/12
    CUMULATIVE = "cumulative"  # from 1 January to the period's end: Q3 gets 3/4 (year to date)
    NONE = "none"  # the yearly figure unchanged (stock targets: the level to reach)


def _dec(value: Number | None) -> Decimal | None:
    return None if value is None else to_decimal(value)


def _present(values: Iterable[Number | None]) -> list[Decimal]:
    return [to_decimal(v) for v in values if v is not None]


def _coerce(enum_cls: type[_E], value: object, what: str) -> _E:
    try:
        return enum_cls(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum_cls)
        raise AggregationError(f"Quy tắc {what} không hợp lệ: '{value}' (chọn một trong: {allowed}).") from None


def _mean(values: list[Decimal]) -> Decimal:
    return sum(values, Decimal(0)) / len(values)


# --------------------------------------------------------------------------- over time


def combine_over_time(rule: TimeAggregation | str, items: Iterable[tuple[Period, Number | None]]) -> Decimal | None:
    """Combine figures of non-overlapping periods: sum, last (latest period with a figure), average.

    Overlapping periods (a quarter and one of its months, or a quarter twice) would count the same
    activity twice, so they are refused.
    """
    rule = _coerce(TimeAggregation, rule, "tổng hợp theo thời gian")
    pairs = sorted(((Period.parse(p), v) for p, v in items), key=lambda pv: pv[0])
    by_start = sorted(pairs, key=lambda pv: pv[0].start)
    for (a, _), (b, _) in zip(by_start, by_start[1:]):
        if b.start <= a.end:
            raise AggregationError(f"Các kỳ '{a.code}' và '{b.code}' chồng lên nhau, không thể cộng dồn.")
    return combine_in_order(rule, [v for _, v in pairs])


def combine_in_order(rule: TimeAggregation, values: Iterable[Number | None]) -> Decimal | None:
    """The arithmetic of :func:`combine_over_time` for figures of non-overlapping periods already
    in time order (the caller vouches for that, e.g. the quarters of one period): no parsing,
    sorting or overlap check."""
    present = [to_decimal(v) for v in values if v is not None]
    if not present:
        return None
    if rule is TimeAggregation.SUM:
        return sum(present, Decimal(0))
    if rule is TimeAggregation.LAST:
        return present[-1]
    return _mean(present)


def derive_period_value(rule: TimeAggregation | str, period: Period | str,
                        values: dict[Period, Number | None]) -> Decimal | None:
    """The figure of ``period`` from per-period figures: its own if it is a month or quarter that
    has one, otherwise combined from its quarters (half year, nine months, year are never typed)."""
    period = Period.parse(period)
    if not period.is_cumulative:
        own = values.get(period)
        if own is not None or period.kind == "M":
            return _dec(own)
    parts = [(q, values.get(q)) for q in period.quarters()]
    return combine_over_time(rule, parts)


# --------------------------------------------------------------------------- over units


def combine_over_units(rule: UnitAggregation | str, values: Iterable[Number | None]) -> Decimal | None:
    """Sum or average the figures of several units; ``none`` gives a figure only for one unit."""
    rule = _coerce(UnitAggregation, rule, "tổng hợp theo đơn vị")
    present = _present(values)
    if not present:
        return None
    if rule is UnitAggregation.SUM:
        return sum(present, Decimal(0))
    if rule is UnitAggregation.AVERAGE:
        return _mean(present)
    return present[0] if len(present) == 1 else None


def resolve_parent_children(
    parent_value: Number | None,
    children_values: Iterable[Number | None],
    rule: ParentChildRule | str = ParentChildRule.CHILDREN_FIRST,
    *,
    unit_rule: UnitAggregation | str = UnitAggregation.SUM,
) -> Decimal | None:
    """One figure for a unit whose own report and whose sub-units' reports may both exist.

    ``unit_rule`` says how the children combine; with ``none`` only the parent's figure counts.
    """
    rule = _coerce(ParentChildRule, rule, "cha - con")
    unit_rule = _coerce(UnitAggregation, unit_rule, "tổng hợp theo đơn vị")
    children = _present(children_values)
    parent = _dec(parent_value)
    if unit_rule is UnitAggregation.NONE:
        return parent
    children_total = combine_over_units(unit_rule, children) if children else None
    if rule is ParentChildRule.CHILDREN_FIRST:
        return children_total if children_total is not None else parent
    if rule is ParentChildRule.PARENT_FIRST:
        return parent if parent is not None else children_total
    return combine_over_units(unit_rule, [parent, *children])


# --------------------------------------------------------------------------- targets and comparisons


def progress(actual: Number | None, target: Number | None) -> Decimal | None:
    """Percent of the target reached (``actual / target × 100``); None without a usable target."""
    actual, target = _dec(actual), _dec(target)
    if actual is None or target is None or target == 0:
        return None
    return actual * 100 / target


_QUARTER_SHARES = (Decimal(1), Decimal(1), Decimal(1), Decimal(1))


def prorate_target(
    yearly: Number | None,
    period: Period | str,
    mode: ProrateMode | str | Sequence[Number] = ProrateMode.EVEN,
) -> Decimal | None:
    """The part of a yearly target that applies to ``period``.

    ``mode`` is ``even`` (the period's own share of the year), ``cumulative`` (the share from
    1 January to the period's end, to compare with year-to-date figures), ``none`` (stock
    targets: unchanged), or four quarterly weights for seasonal work, e.g. ``(1, 2, 3, 2)``;
    weights give the period's own share of the weighted year. Months take 1/12 (or a third of
    their quarter's weight).
    """
    target = _dec(yearly)
    if target is None:
        return None
    period = Period.parse(period)
    if isinstance(mode, str | ProrateMode):
        mode = _coerce(ProrateMode, mode, "phân bổ chỉ tiêu")
        if mode is ProrateMode.NONE:
            return target
        weights: tuple[Decimal, ...] = _QUARTER_SHARES
        cumulative = mode is ProrateMode.CUMULATIVE
    else:
        weights = tuple(to_decimal(w) for w in mode)
        if len(weights) != 4 or any(w < 0 for w in weights) or sum(weights) == 0:
            raise AggregationError("Trọng số phân bổ chỉ tiêu phải gồm 4 số không âm (mỗi quý một số), tổng lớn hơn 0.")
        cumulative = False
    if period.kind == "W":
        # a week carries its quarter's weight shared among the quarter's weeks (13 or 14)
        total = sum(weights, Decimal(0))
        share = Decimal(0)
        for week in period.year_to_date() if cumulative else [period]:
            quarter = (week.first_month - 1) // 3
            share += weights[quarter] / len(Period(week.year, "Q", quarter + 1).weeks())
        return target * share / total
    first_month = 1 if cumulative else period.first_month
    # each month carries its quarter's weight; multiply before dividing to keep 1000 × 3/12 exact
    numerator = sum((weights[(m - 1) // 3] for m in range(first_month, period.last_month + 1)), Decimal(0))
    return target * numerator / (3 * sum(weights, Decimal(0)))


def change(current: Number | None, previous: Number | None) -> tuple[Decimal | None, Decimal | None]:
    """(absolute change, percent change) from ``previous`` to ``current``.

    The percent is relative to the size of the previous figure (a negative base still reads
    "up" when the figure rose) and is None when there is no previous figure or it is zero.
    """
    current, previous = _dec(current), _dec(previous)
    if current is None or previous is None:
        return (None, None)
    diff = current - previous
    pct = None if previous == 0 else diff * 100 / abs(previous)
    return (diff, pct)


@dataclass(frozen=True)
class ProgressBands:
    """Colour bands for % đạt: below ``amber_from`` red, below ``green_from`` amber, else green.

    Defaults: under 70% red (well behind), 70% to under 100% amber, 100% and over green. With
    ``lower_is_better`` (overdue debt, poor households) the scale is reversed: up to 100% green,
    up to ``lower_amber_to`` (110%) amber, above red.
    """

    amber_from: Decimal = Decimal(70)
    green_from: Decimal = Decimal(100)
    lower_amber_to: Decimal = Decimal(110)

    def __post_init__(self) -> None:
        if not self.amber_from <= self.green_from <= self.lower_amber_to:
            raise AggregationError("Ngưỡng màu không hợp lệ: cần ngưỡng vàng ≤ ngưỡng xanh ≤ ngưỡng vượt.")


DEFAULT_BANDS = ProgressBands()


def progress_band(pct: Number | None, bands: ProgressBands = DEFAULT_BANDS, *,
                  lower_is_better: bool = False) -> str | None:
    """'red', 'amber' or 'green' for a progress percentage; None when there is no percentage."""
    pct = _dec(pct)
    if pct is None:
        return None
    if lower_is_better:
        if pct <= bands.green_from:
            return "green"
        return "amber" if pct <= bands.lower_amber_to else "red"
    if pct >= bands.green_from:
        return "green"
    return "amber" if pct >= bands.amber_from else "red"

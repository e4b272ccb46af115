"""What every part of the engine shares: the result types (Row, Node, Cell), the error, the
parent/child rule translation and the per-process memo."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from decimal import Decimal


from giaoban.analytics.summary import FOUR  # noqa: F401  (one place: the summary packs totals with it)
from giaoban.core import aggregation as rules
from giaoban.org.models import (Area, Indicator, Organization)


# The one translation between the Indicator model's stored parent/child rule values (kept as they
# are: data exists) and the rule names of giaoban.core.aggregation (which also names them in the
# plain-Python tests). Every Indicator.ParentChildRule choice must be here (tested).
PARENT_CHILD_RULES = {
    Indicator.ParentChildRule.CHILDREN_ELSE_PARENT: rules.ParentChildRule.CHILDREN_FIRST,  # children's sum, else the parent's own
    Indicator.ParentChildRule.PARENT_ONLY: rules.ParentChildRule.PARENT_FIRST,  # the parent's own, else the children's sum
    Indicator.ParentChildRule.PARENT_PLUS_CHILDREN: rules.ParentChildRule.SUM_ALL,  # both, no overlap by definition
}


def parent_child_rule(indicator: Indicator) -> rules.ParentChildRule:
    """The core rule for an indicator (an unknown stored value is an error, not a silent default)."""
    try:
        return PARENT_CHILD_RULES[indicator.parent_child_rule]
    except KeyError:
        raise AnalyticsError(
            f"Chỉ tiêu '{indicator.code}': quy tắc cấp trên/cấp dưới '{indicator.parent_child_rule}' không hợp lệ.") from None


QUALIFIER_LABELS = {"exact": "", "approx": "khoảng", "over": "hơn", "under": "dưới", "mixed": "có số ước tính"}
ONE = Decimal(1)


class AnalyticsError(ValueError):
    """A question the engine cannot answer as asked (message in Vietnamese)."""




@dataclass
class Comparison:
    period: str
    value: Decimal | None
    change: Decimal | None
    change_pct: Decimal | None
    reconstructed: bool = False
    reporting_units: int = 0
    expected_units: int = 0
    # like with like: every expected unit is in both figures (else the change is marked, not bare)
    like: bool = True


@dataclass
class Row:
    """One figure. ``key``/``labels`` name the breakdown (e.g. ``{"org": "phunu"}``)."""

    indicator: str
    period: str
    value: Decimal | None
    qualifier: str = "exact"  # exact | approx | over | under | mixed
    qualifiers: dict = field(default_factory=dict)
    reporting_units: int = 0
    expected_units: int = 0
    reconstructed: bool = False
    key: dict = field(default_factory=dict)
    labels: dict = field(default_factory=dict)
    scope: str = ""
    as_of: str = ""
    target: Decimal | None = None
    target_year: Decimal | None = None
    progress_pct: Decimal | None = None
    band: str | None = None
    previous: Comparison | None = None
    same_period_last_year: Comparison | None = None

    def to_dict(self) -> dict:
        def plain(v):
            if isinstance(v, Decimal):
                v = v.quantize(FOUR).normalize()
                return int(v) if v == v.to_integral_value() else float(v)
            if isinstance(v, dict):
                return {k: plain(x) for k, x in v.items()}
            return v
        return plain(asdict(self))


@dataclass(frozen=True)
class Node:
    """A scope: an area subtree, a unit subtree, or the country (kind 'nation')."""

    kind: str
    id: int | None = None
    level: int = 1
    code: str = ""
    label: str = "Toàn quốc"
    valid_from: datetime.date = datetime.date(1900, 1, 1)
    valid_to: datetime.date | None = None

    @classmethod
    def of(cls, obj) -> Node:
        if obj is None:
            return NATION
        kind = "area" if isinstance(obj, Area) else "unit"
        label = obj.full_name if kind == "area" else obj.name
        return cls(kind, obj.pk, obj.level, obj.code, label, obj.valid_from, obj.valid_to)

    def __hash__(self):  # nodes key the engine's dicts: hash the identity, not every field
        return hash((self.kind, self.id))

    def column(self) -> str | None:
        if self.kind == "nation":
            return None
        return f"{'area' if self.kind == 'area' else 'unit'}_l{self.level}"


NATION = Node("nation")




@dataclass(slots=True)
class Cell:
    """One figure of :func:`compute`: total, reporting units, qualifier counts (non-zero only)."""

    total: Decimal | None = Decimal(0)
    count: int = 0
    qual: dict = field(default_factory=dict)
    reconstructed: bool = False


ZERO = Decimal(0)
QUAL_KINDS = ("approx", "over", "under")


# (giaoban.analytics.cache: valid until a watched table changes; callers never mutate the values)


def _memoized(memo: dict, key: tuple, compute_value):
    try:
        return memo[key]
    except KeyError:
        value = memo[key] = compute_value()
        return value


def _links(memo: dict) -> dict[int, frozenset[int]]:
    """indicator -> the organizations that report it (the whole catalogue, one query)."""
    def load():
        out = defaultdict(set)
        for ind_id, org_id in Indicator.organizations.through.objects.values_list("indicator_id", "organization_id"):
            out[ind_id].add(org_id)
        return {k: frozenset(v) for k, v in out.items()}
    return _memoized(memo, ("links",), load)


def _orgs(memo: dict) -> dict[int, Organization]:
    return _memoized(memo, ("orgs",), lambda: {o.pk: o for o in Organization.objects.order_by("sort_order", "code")})

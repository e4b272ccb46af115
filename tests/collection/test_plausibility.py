"""The plausibility flags' peer bound (the highest figure of the units of the same organization and
level over two years) and what it costs: the peer tops (giaoban.collection.peers) keep each
group's count and highest, so a commune's entry page does the same work with 2 peer communes or 40."""

from __future__ import annotations

import cProfile
from decimal import Decimal

from giaoban.collection import plausibility
from giaoban.collection.models import DataValue, Report
from giaoban.core.periods import Period
from giaoban.org.models import Area, Unit

from .conftest import PERIOD


def _values(unit, indicator, figures: dict[str, int]) -> None:
    for code, value in figures.items():
        report, _ = Report.objects.get_or_create(unit=unit, period=code)
        DataValue.objects.create(report=report, unit=unit, indicator=indicator, period=code, value=Decimal(value))


def _flags(tree, figures: dict):
    a = tree.units["phunu-a"]
    indicators = {code: tree.indicators[code] for code in figures}
    return plausibility.flags(a, Period.parse(PERIOD), figures, {}, indicators)


def test_a_figure_ten_times_the_peers_highest_is_flagged_with_that_highest(tree):
    buoi = tree.indicators["tuyen_truyen_buoi"]
    _values(tree.units["phunu-b"], buoi, {"2025-Q1": 8, "2025-Q2": 12, "2025-Q3": 10, "2023-Q1": 900})  # 2023: too old
    _values(tree.units["mttq-b"], buoi, {"2025-Q2": 400})  # another organization: not a peer
    (flag,) = _flags(tree, {"tuyen_truyen_buoi": Decimal(121)})
    assert "các đơn vị cùng cấp trong hai năm (12)" in flag.message, flag.message
    assert _flags(tree, {"tuyen_truyen_buoi": Decimal(120)}) == []  # 10 × 12: not above it


def test_fewer_than_three_peer_figures_are_no_bound(tree):
    _values(tree.units["phunu-b"], tree.indicators["tuyen_truyen_buoi"], {"2025-Q1": 8, "2025-Q2": 12})
    assert not [f for f in _flags(tree, {"tuyen_truyen_buoi": Decimal(5000)}) if "cùng cấp" in f.message]


def _calls(tree) -> int:
    figures = {"tuyen_truyen_buoi": Decimal(7), "tuyen_truyen_luot_nguoi": Decimal(90)}
    _flags(tree, figures)  # warm
    profile = cProfile.Profile()
    profile.enable()
    _flags(tree, figures)
    profile.disable()
    return sum(row[1] for row in profile.getstats())


def test_the_peer_bound_costs_the_same_with_many_peers(tree):
    periods, p = [PERIOD], Period.parse(PERIOD)
    for _ in range(7):
        p = p.previous()
        periods.append(p.code)
    inds = [tree.indicators["tuyen_truyen_buoi"], tree.indicators["tuyen_truyen_luot_nguoi"]]
    for ind in inds:
        _values(tree.units["phunu-b"], ind, dict.fromkeys(periods, 9))
    few = _calls(tree)
    for i in range(40):
        area = Area.objects.create(code=f"96{i:03d}", name=f"Xã Ngang {i}", kind=Area.Kind.COMMUNE, level=Area.Level.COMMUNE,
                                   parent=tree.province)
        peer = Unit.objects.create(organization=tree.orgs["phunu"], code=f"phunu-ngang-{i}", name=f"Hội LHPN xã Ngang {i}",
                                   level=Unit.Level.COMMUNE, area=area, parent=tree.units["phunu-tinh"])
        for ind in inds:
            _values(peer, ind, dict.fromkeys(periods, 9 + i))
    many = _calls(tree)
    assert many <= few * 1.05, f"Python calls of the flags grow with the peers' figures: {few} → {many}"

"""The demo's yearly targets: a province's target (the sum of its communes') stays near what the
province does in the year, also for a dozen conferences a quarter shared by a hundred communes."""

import random
from decimal import Decimal

from giaoban.demo.load import DemoLoader, unit_target


def test_a_small_count_spread_over_many_communes_keeps_a_province_target_near_its_year():
    # 12 'hội nghị phản biện' a quarter over 106 communes: most communes hold none in a year
    r = random.Random(1)
    weights = {f"c{i}": r.uniform(0.5, 1.6) for i in range(106)}
    year: dict[str, Decimal] = {c: Decimal(0) for c in weights}
    for q in range(4):
        for c, v in DemoLoader.allocate(Decimal(12), {c: w * r.uniform(0.7, 1.3) for c, w in weights.items()}, Decimal(1)).items():
            year[c] += v
    targets = [unit_target(v, c, "hoi_nghi_phan_bien", 2023) for c, v in year.items()]
    province = sum(t for t in targets if t is not None)
    assert Decimal("0.85") * 48 <= province <= Decimal("1.15") * 48, province  # was 142 against 48 done
    assert all(t is None for c, t in zip(year, targets) if year[c] == 0)


def test_money_keeps_its_step_and_a_large_count_its_spread():
    assert unit_target(Decimal(520_000_000), "u", "quy", 2023) % 1_000_000 == 0
    spread = {unit_target(Decimal(1000), f"u{i}", "buoi", 2023) for i in range(50)}
    assert min(spread) >= 900 and max(spread) <= 1120 and len(spread) > 10


def test_some_lines_are_behind_by_the_third_quarter():
    """A demo where every line of every organization is on pace ('107/107 chỉ tiêu … bảo đảm tiến
    độ') is no year an office has seen: about one line in ten has a target set high enough to be
    behind at Q3 (75 % due, on pace from 60 %), the rest stay near what the units reach."""
    from giaoban.demo.load import catalogue, line_ambition

    lines = [(org, spec["code"]) for spec in catalogue() if spec["time_aggregation"] == "sum" for org in spec["orgs"]]
    factors = [line_ambition(org, code, 2023) for org, code in lines]
    high = [f for f in factors if f > 1]
    assert 0.05 * len(lines) <= len(high) <= 0.2 * len(lines), len(high)
    assert all(Decimal("0.75") / f < Decimal("0.6") for f in high)  # behind at Q3 even at the units' best
    assert line_ambition("phunu", "tuyen_truyen_buoi", 2023) == line_ambition("phunu", "tuyen_truyen_buoi", 2023)

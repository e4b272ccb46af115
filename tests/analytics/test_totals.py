"""The second summary level (FactTotal) against the Fact path, and the set-based rebuild against the
row-by-row flags, on randomized small data in the world of conftest.py (parents and children both
reporting, submitted/approved/returned reports, the three parent/child rules, qualifiers)."""

import random
from decimal import Decimal

import pytest

from giaoban.analytics import engine
from giaoban.analytics.models import Fact, FactTotal
from giaoban.analytics.summary import rebuild, rebuild_flags, rebuild_totals, update_flags
from giaoban.collection.models import Report
from giaoban.core import aggregation as rules
from giaoban.core.periods import Period
from giaoban.org.models import Indicator

PERIODS = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
CODES = ["buoi", "du_no", "ty_le", "pf", "sa"]
FLAGS = ("unit_id", "indicator_id", "period", "approved", "desc_appr", "desc_any", "anc_appr", "anc_any")


def _fill(w, seed: int, steps: int = 35):
    """Random reports (with later status changes and edits) through the workflow's save: the
    signals keep Fact and FactTotal current incrementally."""
    rng = random.Random(seed)
    units = [w.UP, w.UD, w.U1, w.U2, w.U3, w.DP]
    for _ in range(steps):
        unit, period = rng.choice(units), rng.choice(PERIODS)
        values = {c: rng.choice([rng.randint(0, 90), Decimal(rng.randint(0, 9000)) / 100]) for c in rng.sample(CODES, rng.randint(1, 3))}
        status = rng.choice(["approved", "approved", "submitted", "draft"])
        qual = rng.choice(["exact", "exact", "approx", "over", "under"])
        w.put(unit, period, values, status=status, qualifier=qual)
        if rng.random() < 0.3:  # a later status change of some report (returned, approved again...)
            report = rng.choice(list(Report.objects.all()))
            report.status = rng.choice(["returned", "approved", "submitted"])
            report.save()


def _totals():
    return sorted(
        (t.scope, t.scope_id, t.indicator_id, t.period, t.org_id, t.approved, t.desc_appr, t.desc_any,
         t.anc_appr, t.anc_any, t.year, Decimal(str(t.total)).quantize(Decimal("0.0001")), t.n, t.n_approx, t.n_over, t.n_under)
        for t in FactTotal.objects.all())


def _answers(w, within=None):
    inds = list(Indicator.objects.all())
    periods = [Period.parse(p) for p in [*PERIODS, "2024-H1", "2024-9M", "2024"]]
    out = {}
    for targets in ([("nation", engine.NATION)], [(a.code, engine.Node.of(a)) for a in (w.P, w.D)],
                    [(u.code, engine.Node.of(u)) for u in (w.UP, w.UD, w.DP)], [("C1", engine.Node.of(w.C1))]):
        for sub in (False, True):
            for by_org in (False, True):
                cells = engine.compute(targets, inds, periods, sub, by_org, None, within)
                for k, c in cells.items():
                    total = None if c.total is None else Decimal(str(c.total)).quantize(Decimal("0.0001"))
                    out[k + (sub, by_org)] = (total, c.count, dict(sorted(c.qual.items())))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_totals_path_agrees_with_fact_path(world, seed, monkeypatch):
    _fill(world, seed)
    assert FactTotal.objects.exists()
    via_totals = _answers(world)
    monkeypatch.setattr(engine.sql, "USE_TOTALS", False)
    via_facts = _answers(world)
    assert via_totals == via_facts
    assert any(v[0] for v in via_facts.values())  # not a comparison of empty answers


@pytest.mark.slow
@pytest.mark.parametrize("seed", [4, 5])
def test_incremental_totals_equal_the_rebuild(world, seed):
    _fill(world, seed)
    incremental = _totals()
    flags = sorted(Fact.objects.values_list(*FLAGS))
    assert incremental
    rebuild()
    assert _totals() == incremental
    assert sorted(Fact.objects.values_list(*FLAGS)) == flags


@pytest.mark.slow
@pytest.mark.parametrize("seed", [6, 7])
def test_set_based_flags_equal_row_by_row(world, seed):
    _fill(world, seed)
    Fact.objects.update(desc_appr=False, desc_any=False, anc_appr=0, anc_any=0)
    update_flags()
    row_by_row = sorted(Fact.objects.values_list(*FLAGS))
    assert any(r[4] or r[5] or r[6] or r[7] for r in row_by_row)  # parents and children both reported
    Fact.objects.update(desc_appr=False, desc_any=False, anc_appr=0, anc_any=0)
    rebuild_flags()
    assert sorted(Fact.objects.values_list(*FLAGS)) == row_by_row
    rebuild_totals()
    assert FactTotal.objects.filter(scope="nation").exists()


def test_totals_dropped_when_a_report_goes_back(world):
    w = world
    report = w.put(w.U1, "2024-Q1", {"buoi": 12})
    assert FactTotal.objects.filter(scope="area_l1", scope_id=w.P.pk, period="2024-Q1").count() == 1
    report.status = "returned"
    report.save()
    assert not FactTotal.objects.exists()


def test_every_model_rule_is_mapped():
    assert set(engine.PARENT_CHILD_RULES) == set(Indicator.ParentChildRule.values)
    assert set(engine.PARENT_CHILD_RULES.values()) == set(rules.ParentChildRule)


def test_rebuild_leaves_every_index_of_fact(world):
    """rebuild() drops Fact's indexes around its insert and creates them again: same names, same
    columns, the unique constraint enforced again."""
    from django.db import IntegrityError, connection, transaction

    def indexes():
        with connection.cursor() as cur:
            found = connection.introspection.get_constraints(cur, Fact._meta.db_table)
        return {name: (tuple(c["columns"]), bool(c["unique"])) for name, c in found.items() if c["index"] or c["unique"]}

    w = world
    w.put(w.U1, "2024-Q1", {"buoi": 12})
    before = indexes()
    assert {i.name for i in Fact._meta.indexes} | {"fact_unit_period_ind_uniq"} <= set(before)
    rebuild()
    assert indexes() == before
    row = Fact.objects.values().first()
    row.pop("id")
    with pytest.raises(IntegrityError), transaction.atomic():
        Fact.objects.create(**row)

"""The second summary level (FactTotal) against the Fact path, and the set-based rebuild against the
row-by-row flags, on randomized small data in the world of conftest.py (parents and children both
reporting, submitted/approved/returned reports, the three parent/child rules, qualifiers)."""

import random
from decimal import Decimal

import pytest

from giaoban.analytics import engine
from giaoban.analytics.models import Fact, FactPacked, FactTotal
from giaoban.analytics.summary import rebuild, rebuild_flags, rebuild_totals, update_flags
from giaoban.collection.models import Report
from giaoban.core import aggregation as rules
from giaoban.core.periods import Period
from giaoban.org.models import Indicator

PERIODS = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
CODES = ["buoi", "du_no", "ty_le", "pf", "sa"]
FLAGS = ("unit_id", "indicator_id", "period", "approved", "desc_appr", "desc_any", "anc_appr", "anc_any")


def _fill(w, seed: int, steps: int = 35, exact: bool = False):
    """Random reports (with later status changes and edits) through the workflow's save: the
    signals keep Fact and FactTotal current incrementally (``exact``: no qualifiers)."""
    rng = random.Random(seed)
    units = [w.UP, w.UD, w.U1, w.U2, w.U3, w.DP]
    for _ in range(steps):
        unit, period = rng.choice(units), rng.choice(PERIODS)
        values = {c: rng.choice([rng.randint(0, 90), Decimal(rng.randint(0, 9000)) / 100]) for c in rng.sample(CODES, rng.randint(1, 3))}
        status = rng.choice(["approved", "approved", "submitted", "draft"])
        qual = rng.choice(["exact", "exact", "approx", "over", "under"])
        qual = "exact" if exact else qual
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


def _packed():
    return sorted(FactPacked.objects.values_list(
        "scope", "scope_id", "indicator_id", "org_id", "year", "approved", "desc_appr", "desc_any", "anc_appr",
        "anc_any", "periods", "totals", "ns", "quals"))


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
    incremental, packed = _totals(), _packed()
    flags = sorted(Fact.objects.values_list(*FLAGS))
    assert incremental and packed
    rebuild()
    assert _totals() == incremental
    assert _packed() == packed  # the packed level kept by each approval as rebuilt from FactTotal
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


# ---- the stored cells' fast path (issue 21): the same cells as the general path, from FactTotal's
# covering index -------------------------------------------------------------------------------

def _targets(w):
    return [("nation", [("nation", engine.NATION)]),
            ("areas", [(a.code, engine.Node.of(a)) for a in (w.P, w.D)]),
            ("units", [(u.code, engine.Node.of(u)) for u in (w.UP, w.UD, w.DP)]),
            ("commune (Fact)", [("C1", engine.Node.of(w.C1))]),
            ("two levels", [("P", engine.Node.of(w.P)), ("D", engine.Node.of(w.D)), ("UP", engine.Node.of(w.UP))])]


@pytest.mark.slow
@pytest.mark.parametrize("seed", [8, 9, 10])
def test_fast_path_cells_equal_the_general_path(world, seed, monkeypatch):
    """Every stored quarter, every target shape, with and without submitted reports, by
    organization or not, one organization, an access scope: the fast path's cells (FactTotal's own
    rows added up in Python, or Fact's GROUP BY) equal the general path's (the SQL sums), down to
    the Decimal's exponent; the fast path is taken every time."""
    from django.db.models import Count

    from giaoban.analytics.engine import computing

    w = world
    _fill(w, seed, steps=45)
    # groups of several FactTotal rows (a parent and its children, other flags) to add up
    assert FactTotal.objects.values("scope", "scope_id", "indicator_id", "period", "org_id").annotate(
        rows=Count("id")).filter(rows__gt=1).exists()
    taken = []
    real = computing._stored_cells
    monkeypatch.setattr(computing, "_stored_cells", lambda *a: taken.append(1) or real(*a))
    inds = list(Indicator.objects.all())
    quarters = [Period.parse(p) for p in PERIODS]
    compared = 0
    for label, targets in _targets(w):
        for sub in (False, True):
            for by_org, org_ids in ((False, None), (True, None), (True, [w.phunu.pk])):
                for within in (None, [engine.Node.of(w.P)]):
                    before = len(taken)
                    fast = engine.compute(targets, inds, quarters, sub, by_org, org_ids, within)
                    assert len(taken) == before + 1, label
                    reference = engine.compute(targets, inds, quarters, sub, by_org, org_ids, within, fast=False)
                    assert len(taken) == before + 1, label
                    assert fast == reference, (label, sub, by_org, org_ids, within)
                    assert {k: str(c.total) for k, c in fast.items()} == {k: str(c.total) for k, c in reference.items()}
                    compared += sum(c.total is not None for c in fast.values())
    assert compared > 100


def test_the_national_pivot_reads_facttotal_covering_index_in_order(world, monkeypatch):
    """The pivot's shape (level-1 nodes by organization over stored quarters) is one statement over
    FactTotal that reads its rows as stored, no GROUP BY: on SQLite from the covering index
    fact_total_read alone, in its order (no sort, no lookup of each table row); on PostgreSQL an
    index-only scan can answer it. Fails if the engine went back to summing or the index lost a
    column."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from giaoban.analytics.summary import ensure_built

    w = world
    for unit, period in ((w.U1, "2024-Q1"), (w.U2, "2024-Q2"), (w.DP, "2024-Q1")):
        w.put(unit, period, {"buoi": 5, "ty_le": 40})
    ensure_built()
    targets = [(a.code, engine.Node.of(a)) for a in (w.P,)]
    quarters = [Period.parse(p) for p in PERIODS]
    from giaoban.analytics.engine import computing

    # FactTotal's path: the packed level not asked (its own test is below)
    monkeypatch.setattr(computing, "_packed_cells", lambda *a: None)
    with CaptureQueriesContext(connection) as ctx:
        cells = engine.compute(targets, list(Indicator.objects.filter(code__in=["buoi", "ty_le"])), quarters, by_org=True)
    assert cells["P", w.phunu.pk, "buoi", "2024-Q1"].total == 5
    reads = [q["sql"] for q in ctx.captured_queries if FactTotal._meta.db_table in q["sql"] and "EXISTS" not in q["sql"]]
    assert len(reads) == 1 and "GROUP BY" not in reads[0] and "SUM(" not in reads[0], reads
    with connection.cursor() as cur:
        if connection.vendor == "sqlite":
            cur.execute("ANALYZE")
            # the captured SQL has its parameters inlined: the plan of that very statement
            plan = " ".join(str(r[-1]) for r in cur.execute("EXPLAIN QUERY PLAN " + reads[0]).fetchall())
            assert "COVERING INDEX fact_total_read" in plan and "TEMP B-TREE" not in plan, plan
        else:  # a few rows here, not all visible yet: the plan is asked for an index-only read (which
            # exists only if an index holds every column the statement reads)
            for kind in ("seqscan", "bitmapscan", "indexscan"):
                cur.execute(f"SET LOCAL enable_{kind} = off")
            cur.execute("EXPLAIN " + reads[0])
            plan = " ".join(r[0] for r in cur.fetchall())
            assert "Index Only Scan" in plan, plan


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "exact"), [(11, True), (12, True), (13, False)])
def test_packed_level_cells_equal_the_general_path(world, seed, exact, monkeypatch):
    """The packed level (FactPacked, issue 21) answers the fast path by organization: its cells
    equal the general path's for every target shape, with and without submitted reports, one
    organization, each indicator alone and all together, all the year's quarters or some (then
    FactTotal's rows); it is read at least once when no value has a qualifier."""
    from giaoban.analytics.engine import computing

    w = world
    _fill(w, seed, steps=45, exact=exact)
    answered = []
    real = computing._packed_cells
    monkeypatch.setattr(computing, "_packed_cells", lambda *a: answered.append(real(*a)) or answered[-1])
    all_inds = list(Indicator.objects.all())
    compared = 0
    for label, targets in _targets(w):
        for sub in (False, True):
            for org_ids in (None, [w.phunu.pk]):
                for inds in (all_inds, *([i] for i in all_inds)):
                    for codes in (PERIODS, PERIODS[:2]):
                        quarters = [Period.parse(p) for p in codes]
                        fast = engine.compute(targets, inds, quarters, sub, True, org_ids)
                        reference = engine.compute(targets, inds, quarters, sub, True, org_ids, fast=False)
                        assert fast == reference, (label, sub, org_ids, [i.code for i in inds], codes)
                        assert {k: str(c.total) for k, c in fast.items()} == {k: str(c.total) for k, c in reference.items()}
                        compared += sum(c.total is not None for c in fast.values())
    assert compared > 100
    if exact:
        assert any(a is not None and a[0] for a in answered)


def test_the_national_pivot_reads_the_packed_level(world):
    """The pivot's shape (level-1 nodes by organization, every quarter of a year, an indicator
    summed over units, no qualifiers) is one statement over FactPacked and none over FactTotal:
    fails if the engine reads the totals' rows again (2,448 of them at 1 M values: issue 21)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from giaoban.analytics.summary import ensure_built

    w = world
    for unit, period in ((w.U1, "2024-Q1"), (w.U2, "2024-Q2"), (w.DP, "2024-Q1")):
        w.put(unit, period, {"buoi": 5})
    ensure_built()
    targets = [(a.code, engine.Node.of(a)) for a in (w.P, w.D)]
    quarters = [Period.parse(p) for p in PERIODS]
    with CaptureQueriesContext(connection) as ctx:
        cells = engine.compute(targets, list(Indicator.objects.filter(code="buoi")), quarters, by_org=True)
    assert cells["P", w.phunu.pk, "buoi", "2024-Q1"].total == 5
    assert str(cells["P", w.phunu.pk, "buoi", "2024-Q1"].total) == "5.0000"
    sqls = [q["sql"] for q in ctx.captured_queries if "EXISTS" not in q["sql"]]
    assert [s for s in sqls if FactPacked._meta.db_table in s] and not [s for s in sqls if FactTotal._meta.db_table in s], sqls


@pytest.mark.slow
@pytest.mark.parametrize("seed", [21, 22, 23])
def test_packed_cells_kept_by_text_follow_every_change(world, seed, monkeypatch):
    """The cells kept per packed row (computing._packed_memo, by the row's own text) are the
    general path's after every change: random reports, edits, returns and approvals, the pivot's
    shapes asked after each with the memo warm from the asks before (the answer cache off: every
    ask computed afresh). Asked again unchanged, no row's cells are made again; after a change, at
    most the rows of a text it wrote. Fails if the memo answered for a row whose text
    changed, or if it kept nothing."""
    from giaoban.analytics.engine import computing

    w = world
    monkeypatch.setattr(computing, "USE_RESULT_CACHE", False)
    computing._packed_memo.clear()
    made: list = []
    real = computing._make_packed
    monkeypatch.setattr(computing, "_make_packed", lambda rows: made.extend(rows) or real(rows))
    rng = random.Random(seed)
    units = [w.UP, w.UD, w.U1, w.U2, w.U3, w.DP]
    summed = ["buoi", "pf", "sa"]  # summed over units: the packed level answers
    inds = list(Indicator.objects.filter(code__in=summed))
    quarters = [Period.parse(p) for p in PERIODS]
    shapes = [targets for label, targets in _targets(w) if label != "commune (Fact)"]

    def ask(check: bool) -> int:
        compared = 0
        for targets in shapes:
            for sub in (False, True):
                for org_ids in (None, [w.phunu.pk]):
                    fast = engine.compute(targets, inds, quarters, sub, True, org_ids)
                    if check:
                        reference = engine.compute(targets, inds, quarters, sub, True, org_ids, fast=False)
                        assert fast == reference, (targets, sub, org_ids)
                        assert {k: str(c.total) for k, c in fast.items()} == {k: str(c.total) for k, c in reference.items()}
                        compared += sum(c.total is not None for c in fast.values())
        return compared

    compared = 0
    for step in range(25):
        packed_before = set(_packed())
        if not step or rng.random() < 0.7:
            values = {c: rng.choice([rng.randint(0, 90), Decimal(rng.randint(0, 9000)) / 100])
                      for c in rng.sample(summed, rng.randint(1, 3))}
            w.put(rng.choice(units), rng.choice(PERIODS), values, status=rng.choice(["approved", "approved", "submitted"]))
        else:
            report = rng.choice(list(Report.objects.all()))
            report.status = rng.choice(["returned", "approved", "submitted"])
            report.save()
        written = set(_packed()) - packed_before
        start = len(made)
        compared += ask(check=True)
        if step:  # the memo warm from the step before: only rows of a text the change wrote are made
            assert {row[3:] for row in made[start:]} <= {row[10:13] for row in written}, (made[start:], written)
        count = len(made)
        ask(check=False)  # nothing changed: every row's cells kept
        assert len(made) == count
    assert compared > 100 and made  # the packed level answered, and kept what it made


def test_the_packed_statement_descends_once_per_node(world):
    """The pivot's packed statement searches fact_packed_key_uniq by scope, node and indicator.
    PostgreSQL (15) descends a B-tree once per combination of the IN lists of its index conditions,
    and the years follow org_id in that key: they are a filter there, beside their range, so that
    each node is one descent, not one per node and year (the national pivot at 1 M values: 401 ->
    148 buffers, execution 0.9 -> 0.5 ms). Fails on PostgreSQL if the years come back as an array
    of the index condition."""
    from django.db import connection

    from giaoban.analytics.engine.sql import _packed_sql

    w = world
    sql, params = _packed_sql([engine.Node.of(a) for a in (w.P, w.D)], [w.flow], [2023, 2024, 2025], False, None)
    with connection.cursor() as cur:
        if connection.vendor == "sqlite":
            cur.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " ".join(str(r[-1]) for r in cur.fetchall())
            assert "(scope=? AND scope_id=? AND indicator_id=?)" in plan and "SCAN" not in plan, plan
        else:
            for kind in ("seqscan", "bitmapscan"):  # a few rows here: the plan of an index scan asked for
                cur.execute(f"SET LOCAL enable_{kind} = off")
            cur.execute("EXPLAIN " + sql, params)
            plan = " ".join(r[0] for r in cur.fetchall())
            assert "fact_packed_key_uniq" in plan and "scope_id = ANY" in plan, plan
            assert "year = ANY" not in plan.split("Filter:")[0] and "year >=" in plan, plan

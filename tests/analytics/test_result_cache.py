"""The engine's answers kept under the data stamp (giaoban.analytics.cache): exact. A question asked
again on the same summary rows reads no summary table; an approval, a return, an edit of an approved
report, a rebuild or a rolled-back write gives the answer the engine computes without the cache, at
once. Randomized small data in the world of conftest.py, on both databases."""

import random
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from giaoban.analytics import cache, engine
from giaoban.analytics.engine import computing
from giaoban.analytics.models import Fact, FactTotal
from giaoban.analytics.summary import rebuild, rebuild_totals, update_flags
from giaoban.collection.models import Report
from giaoban.core.periods import Period
from giaoban.org.models import Indicator

from tests.analytics.test_totals import CODES, PERIODS, _answers

SUMMARY_TABLES = (Fact._meta.db_table, FactTotal._meta.db_table)


def _reads_summary(queries) -> bool:
    """A query that reads the summary's rows (not ensure_built's EXISTS probe)."""
    return any(t in q["sql"] and "EXISTS" not in q["sql"] for q in queries for t in SUMMARY_TABLES)


def _pivot(w, inds=None):
    return engine.compute([(a.code, engine.Node.of(a)) for a in (w.P, w.D)], inds or list(Indicator.objects.order_by("code")),
                          [Period.parse(p) for p in PERIODS], by_org=True)


def test_the_same_question_reads_no_summary_table(world):
    w = world
    w.put(w.U1, "2024-Q1", {"buoi": 12})
    inds = list(Indicator.objects.order_by("code"))
    first = _pivot(w, inds)
    with CaptureQueriesContext(connection) as ctx:
        again = _pivot(w, inds)
    assert again == first
    assert not _reads_summary(ctx.captured_queries), [q["sql"] for q in ctx.captured_queries]
    assert len(ctx.captured_queries) == 1  # the two stamps and ensure_built's probe, in one statement


def test_the_probe_of_every_answer_reads_the_packed_level_only(world):
    """The statement every compute() pays (the answer from the cache costs it alone) probes the
    packed level, not Fact and FactTotal: on PostgreSQL those are partitioned by year, and planning
    an EXISTS over them weighs every partition's indexes (0.29 ms against 0.11 at 1 M values, more
    with more years). Fails if the probe names them again."""
    import re

    from giaoban.analytics.models import FactPacked

    w = world
    w.put(w.U1, "2024-Q1", {"buoi": 12})
    inds = list(Indicator.objects.order_by("code"))
    _pivot(w, inds)
    with CaptureQueriesContext(connection) as ctx:
        _pivot(w, inds)
    [sql] = [q["sql"] for q in ctx.captured_queries]
    named = set(re.findall(r"\banalytics_\w+", sql))
    assert FactPacked._meta.db_table in named and not named & set(SUMMARY_TABLES), sql


@pytest.mark.parametrize("emptied", ["all three", "the packed level"])
def test_an_unbuilt_summary_is_built_by_the_next_answer(world, emptied):
    """Values written without the summary's signals into an empty summary (a bulk load), or a
    FactTotal from before the packed level (migration 0007): the next compute() builds what is
    missing, and answers as before."""
    from giaoban.analytics.models import FactPacked

    w = world
    w.put(w.U1, "2024-Q1", {"buoi": 12})
    w.put(w.U2, "2024-Q2", {"buoi": 5, "du_no": 40})
    before = _pivot(w)
    tables = [FactPacked._meta.db_table, *reversed(SUMMARY_TABLES)] if emptied == "all three" else [FactPacked._meta.db_table]
    with connection.cursor() as cur:
        for table in tables:
            cur.execute(f"DELETE FROM {table}")
    cache.renew_data_stamp()  # as a loader's write of the summary would
    assert _pivot(w) == before
    assert Fact.objects.exists() and FactTotal.objects.exists() and FactPacked.objects.exists()


def test_an_approval_is_in_the_next_answer(world):
    w = world
    report = w.put(w.U1, "2024-Q1", {"buoi": 12}, status="submitted")
    before = _pivot(w)
    report.status = "approved"
    report.save()
    after = _pivot(w)
    assert after != before
    assert any(c.total == 12 for c in after.values())
    w.put(w.U1, "2024-Q1", {"buoi": 30})  # an approved report edited
    assert _pivot(w) != after
    report = Report.objects.get(pk=report.pk)
    report.status = "returned"
    report.save()
    assert _pivot(w) == before  # nothing approved left: the first answer again


def test_a_rolled_back_write_is_not_seen_afterwards(world):
    w = world
    w.put(w.U1, "2024-Q1", {"buoi": 12})
    outside = _pivot(w)
    with transaction.atomic():
        w.put(w.U2, "2024-Q1", {"buoi": 5})
        inside = _pivot(w)
        assert inside != outside
        transaction.set_rollback(True)
    assert _pivot(w) == outside


@pytest.mark.parametrize("write", ["rebuild", "rebuild_totals", "update_flags"])
def test_every_summary_writer_renews_the_data_stamp(world, write):
    w = world
    w.put(w.U1, "2024-Q1", {"buoi": 12})
    stamp = cache.data_stamp()
    assert stamp is not None
    {"rebuild": rebuild, "rebuild_totals": rebuild_totals, "update_flags": update_flags}[write]()
    assert cache.data_stamp() != stamp


def test_a_draft_save_leaves_the_data_stamp_alone(world):
    """Autosave of a draft writes no summary row: it must not take the stamp's row lock."""
    w = world
    w.put(w.U1, "2024-Q1", {"buoi": 12})
    stamp = cache.data_stamp()
    w.put(w.U2, "2024-Q2", {"buoi": 3}, status="draft")
    assert cache.data_stamp() == stamp


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_cached_answers_equal_computed_ones(world, seed, monkeypatch):
    """After each random change, the answers through the cache (asked twice: the second from the
    cache) are the answers computed without it."""
    w = world
    rng = random.Random(seed)
    units = [w.UP, w.UD, w.U1, w.U2, w.U3, w.DP]
    compared = 0
    for step in range(12):
        unit, period = rng.choice(units), rng.choice(PERIODS)
        values = {c: rng.choice([rng.randint(0, 90), Decimal(rng.randint(0, 9000)) / 100])
                  for c in rng.sample(CODES, rng.randint(1, 3))}
        w.put(unit, period, values, status=rng.choice(["approved", "approved", "submitted", "draft"]),
              qualifier=rng.choice(["exact", "approx", "over"]))
        if rng.random() < 0.4:
            report = rng.choice(list(Report.objects.all()))
            report.status = rng.choice(["returned", "approved", "submitted"])
            report.save()
        if step % 3:
            continue
        monkeypatch.setattr(computing, "USE_RESULT_CACHE", True)
        cached = _answers(w)
        assert _answers(w) == cached
        monkeypatch.setattr(computing, "USE_RESULT_CACHE", False)
        assert _answers(w) == cached
        compared += 1
    assert compared == 4

"""The peer tops (giaoban.collection.peers) give the plausibility bound the query over every peer
figure gives: same count, same highest, so the same flags and messages. Randomized figures written
the ways the product writes them (the form's save path, a deletion, the bulk write, a unit moved
to another level), on the database the suite runs on (SQLite, or PostgreSQL with DATABASE_URL)."""

from __future__ import annotations

import random
from decimal import Decimal

from django.db.models import Count, Max

from giaoban.collection import bulk, peers, plausibility
from giaoban.collection.models import DataValue, PeerTop, Report, ValidationRule
from giaoban.core.periods import Period
from giaoban.org.models import Area, Unit

from .conftest import PERIOD

PERIODS = ["2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3"]


def reference_bounds(unit, indicator_ids, periods, own_counts):
    """The bound as the query over the values computes it (the former code): the reference."""
    rows = DataValue.objects.filter(unit__organization_id=unit.organization_id, unit__level=unit.level,
                                    indicator_id__in=list(indicator_ids), period__in=periods) \
        .exclude(unit=unit).order_by().values("indicator_id").annotate(n=Count("id"), top=Max("value"))
    return {row["indicator_id"]: (row["n"], row["top"]) for row in rows}


def _units(tree, rng) -> list[Unit]:
    # the figures are random: no rule relating the two indicators (lượt người ≥ buổi) refuses them
    ValidationRule.objects.all().delete()
    units = [tree.units[k] for k in ("phunu-a", "phunu-b", "phunu-tinh", "mttq-a", "mttq-b", "mttq-tinh")]
    for i in range(6):
        area = Area.objects.create(code=f"97{i:03d}", name=f"Xã Thử {i}", kind=Area.Kind.COMMUNE, level=Area.Level.COMMUNE,
                                   parent=tree.province)
        org = rng.choice(["phunu", "mttq"])
        units.append(Unit.objects.create(organization=tree.orgs[org], code=f"{org}-thu-{i}", name=f"Đơn vị thử {i}",
                                         level=Unit.Level.COMMUNE, area=area, parent=tree.units[f"{org}-tinh"]))
    return units


def _figure(rng) -> Decimal:
    # few distinct figures: ties for the highest and the second are frequent
    return Decimal(rng.choice([1, 2, 3, 5, 5, 8, 13, 40, 40, 400]))


def _assert_rows_exact() -> None:
    """Each kept row against its group's values: the count, the highest (and its holder holds it),
    the second highest (the highest of the others, whichever tied unit is the holder)."""
    groups: dict[tuple, list] = {}
    for org, level, ind, period, unit_id, value in DataValue.objects.values_list(
            "unit__organization_id", "unit__level", "indicator_id", "period", "unit_id", "value"):
        groups.setdefault((org, level, ind, period), []).append((value, unit_id))
    kept = {(r.organization_id, r.level, r.indicator_id, r.period): r for r in PeerTop.objects.all()}
    assert set(kept) == set(groups)
    for key, figures in groups.items():
        row, ranked = kept[key], sorted((v for v, _ in figures), reverse=True)
        assert (row.value_count, row.top, row.second) == (len(figures), ranked[0], ranked[1] if len(ranked) > 1 else None), key
        assert (row.top, row.top_unit_id) in figures, key


def _assert_same(tree, units, rng) -> int:
    _assert_rows_exact()
    inds = [tree.indicators["tuyen_truyen_buoi"], tree.indicators["tuyen_truyen_luot_nguoi"]]
    ids = {i.pk: i.code for i in inds}
    compared = 0
    for unit in units:
        for end in ("2025-Q3", "2025-Q2", "2025-Q1"):
            window = [end] + [p.code for p in _earlier(Period.parse(end), 7)]
            own = {}
            for ind_id in DataValue.objects.filter(unit=unit, indicator_id__in=ids, period__in=window) \
                    .values_list("indicator_id", flat=True):
                own[ind_id] = own.get(ind_id, 0) + 1
            kept = {k: v for k, v in peers.bounds(unit, ids, window, own).items() if v[0] or v[1] is not None}
            assert kept == reference_bounds(unit, ids, window, own), (unit.code, end)
            compared += 1
    return compared


def _earlier(period: Period, count: int) -> list[Period]:
    out = []
    for _ in range(count):
        period = period.previous()
        out.append(period)
    return out


def _report(unit, period):
    report, _ = Report.objects.get_or_create(unit=unit, period=period)
    return report


def test_peer_tops_match_the_query_over_the_values_through_every_write(tree):
    rng = random.Random(21)
    units = _units(tree, rng)
    inds = [tree.indicators["tuyen_truyen_buoi"], tree.indicators["tuyen_truyen_luot_nguoi"]]
    for step in range(260):
        unit, ind, period = rng.choice(units), rng.choice(inds), rng.choice(PERIODS)
        dv = DataValue.objects.filter(unit=unit, indicator=ind, period=period).first()
        action = rng.random()
        if dv is None:
            DataValue.objects.create(report=_report(unit, period), unit=unit, indicator=ind, period=period, value=_figure(rng))
        elif action < 0.25:
            dv.delete()
        elif action < 0.35:
            DataValue.objects.filter(unit=unit, period=period).delete()  # a queryset delete: one signal per value
        elif action < 0.45:
            # a value built by hand with the key of a stored one (its former figure unknown)
            DataValue(pk=dv.pk, report_id=dv.report_id, unit=unit, indicator=ind, period=period, value=_figure(rng)).save()
        else:
            dv.value = _figure(rng)  # up, down, or the same
            dv.save()
        if step % 40 == 39:
            rows = [(u.pk, i.pk, p, str(_figure(rng)), "", n)
                    for n, (u, i, p) in enumerate({(rng.choice(units), rng.choice(inds), rng.choice(PERIODS)) for _ in range(12)})]
            assert not bulk.write_values(rows, allow_locked=True).problems
        if step % 4 == 3:
            assert _assert_same(tree, units, rng)
    moved = units[-1]
    moved.level = Unit.Level.DISTRICT  # a unit moved to another level takes its figures along
    moved.save()
    assert _assert_same(tree, units, rng)
    peers.rebuild()
    assert _assert_same(tree, units, rng)


def test_the_flags_and_their_messages_are_the_reference_ones(tree, monkeypatch):
    rng = random.Random(7)
    units = _units(tree, rng)
    inds = [tree.indicators["tuyen_truyen_buoi"], tree.indicators["tuyen_truyen_luot_nguoi"]]
    for unit in units:
        for ind in inds:
            for period in PERIODS[:-1]:
                if rng.random() < 0.7:
                    DataValue.objects.create(report=_report(unit, period), unit=unit, indicator=ind, period=period,
                                             value=_figure(rng))
    indicators = {i.code: i for i in inds}
    flagged = 0
    for unit in units:
        for trial in range(4):
            figures = {i.code: Decimal(rng.choice([0, 3, 90, 401, 4001, 40001])) for i in inds}
            fast = [f.as_dict() for f in plausibility.flags(unit, Period.parse(PERIOD), figures, {}, indicators)]
            with monkeypatch.context() as m:
                m.setattr(peers, "bounds", reference_bounds)
                reference = [f.as_dict() for f in plausibility.flags(unit, Period.parse(PERIOD), figures, {}, indicators)]
            assert fast == reference, (unit.code, figures)
            flagged += sum("cùng cấp" in f["message"] for f in fast)
    assert flagged > 5  # the peer bound itself was exercised, not only the empty case


def test_a_bulk_write_and_the_rebuild_give_the_same_rows(tree):
    rng = random.Random(3)
    units = _units(tree, rng)
    inds = [tree.indicators["tuyen_truyen_buoi"], tree.indicators["tuyen_truyen_luot_nguoi"]]
    rows = [(u.pk, i.pk, p, str(_figure(rng)), "", n) for n, (u, i, p) in
            enumerate((u, i, p) for u in units for i in inds for p in PERIODS if rng.random() < 0.6)]
    assert not bulk.write_values(rows, allow_locked=True).problems
    kept = {(r.organization_id, r.level, r.indicator_id, r.period): (r.value_count, r.top, r.second) for r in PeerTop.objects.all()}
    assert kept
    peers.rebuild()
    again = {(r.organization_id, r.level, r.indicator_id, r.period): (r.value_count, r.top, r.second) for r in PeerTop.objects.all()}
    assert kept == again


def test_bulk_writes_merge_new_figures_into_the_kept_rows_as_a_rebuild_counts_them(tree, monkeypatch):
    """A bulk write merges its new figures into the groups' rows (peers.add_figures) and counts
    again only the pairs with a changed figure: over several writes of new figures into groups
    already kept (ties frequent), in small chunks, then writes that change and repeat figures,
    the rows are the rebuild's, holder of the highest included."""
    rng = random.Random(7)
    units = _units(tree, rng)
    inds = [tree.indicators["tuyen_truyen_buoi"], tree.indicators["tuyen_truyen_luot_nguoi"]]
    keys = [(u.pk, i.pk, p) for u in units for i in inds for p in PERIODS]
    rng.shuffle(keys)
    batches = [keys[n::4] for n in range(4)]  # new figures only: merged, nothing counted again
    batches += [rng.sample(keys, 40) * 2, rng.sample(keys, 40)]  # changed and repeated figures
    recounted: list = []
    rebuild = peers.rebuild
    monkeypatch.setattr(peers, "rebuild", lambda pairs=None, organizations=None: (recounted.append(write),
                                                                                  rebuild(pairs, organizations)))
    for write, batch in enumerate(batches):
        rows = [(*k, str(_figure(rng)), "", n) for n, k in enumerate(batch)]
        assert not bulk.write_values(rows, allow_locked=True, chunk_size=7).problems, write
        _assert_rows_exact()
        kept = {(r.organization_id, r.level, r.indicator_id, r.period): (r.value_count, r.top, r.top_unit_id, r.second)
                for r in PeerTop.objects.all()}
        rebuild()
        again = {(r.organization_id, r.level, r.indicator_id, r.period): (r.value_count, r.top, r.top_unit_id, r.second)
                 for r in PeerTop.objects.all()}
        assert kept == again, write
    assert set(recounted) == {4, 5}  # the first four writes merged their figures, counted nothing again


def test_a_save_that_leaves_the_figure_writes_no_peer_top(tree):
    """A note or a qualifier changed: the group's figures did not, so its kept row is not
    written (it would be the same row, but a write takes the row shared by every unit of the
    organization and level, which other autosaves wait for)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    unit, ind = tree.units["phunu-a"], tree.indicators["tuyen_truyen_buoi"]
    dv = DataValue.objects.create(report=_report(unit, PERIOD), unit=unit, indicator=ind, period=PERIOD, value=Decimal(7))
    dv = DataValue.objects.get(pk=dv.pk)
    dv.comment = "theo báo cáo của chi hội"
    with CaptureQueriesContext(connection) as queries:
        dv.save()
    assert not [q["sql"] for q in queries if PeerTop._meta.db_table in q["sql"]]
    dv.value = Decimal(9)  # and a changed figure is written, as the reference path says
    with CaptureQueriesContext(connection) as queries:
        dv.save()
    assert [q["sql"] for q in queries if PeerTop._meta.db_table in q["sql"]]
    _assert_rows_exact()

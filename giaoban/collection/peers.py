"""The plausibility bound's peers from a small table: per organization, level, indicator and
period, how many figures there are, the highest, whose it is, and the highest of the other units
(PeerTop). A unit's bound leaves its own figures out: the count less its own, and the highest of
the others is `top` unless the unit holds it, `second` then. Exact, and a commune's page reads a
few dozen rows instead of every commune's figures over eight periods (~13.600).

Kept current in the writer's transaction: a saved or deleted DataValue (model signals) moves the
row in place when the change says what the new highest is, and recounts the group from the values
otherwise (the holder of the highest lowering or removing it); a bulk write (raw SQL) merges
its new figures into the rows (:func:`add_figures`) and counts again the pairs where it changed a
figure, as the demo loader does the pairs it wrote, set-based (:func:`rebuild`). Tested against
the query over the values (tests/collection/test_peers.py).
"""

from __future__ import annotations

from contextlib import contextmanager
from decimal import Decimal
from threading import local

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save, pre_save

from giaoban.collection.models import DataValue, PeerTop, Report
from giaoban.org.compiled import Statement
from giaoban.org.models import Unit

UNKNOWN = object()  # a saved value whose former figure was not read (built by hand, not loaded)
_FOUR_PLACES = Decimal("0.0001")


_TOPS = Statement(PeerTop, lambda organization_id, level, indicator_ids, periods: PeerTop.objects.filter(
    organization_id=organization_id, level=level, indicator_id__in=indicator_ids, period__in=periods)
    .values_list("indicator_id", "value_count", "top", "top_unit_id", "second"))


def bounds(unit, indicator_ids, periods: list[str], own_counts: dict) -> dict[int, tuple[int, Decimal | None]]:
    """{indicator id: (count, highest)} of the figures of the other units of the unit's organization
    and level in `periods`; `own_counts`: indicator id → how many figures the unit itself has stored
    in those periods (taken off the count)."""
    found: dict[int, tuple[int, Decimal | None]] = {}
    rows = _TOPS(unit.organization_id, unit.level, sorted(indicator_ids), list(periods))
    for ind, count, top, top_unit, second in rows:
        n, best = found.get(ind, (0, None))
        other = second if top_unit == unit.pk else top
        if other is not None and (best is None or other > best):
            best = other
        found[ind] = (n + count, best)
    return {ind: (n - own_counts.get(ind, 0), best) for ind, (n, best) in found.items()}


def _figure(value) -> Decimal | None:
    # as the column keeps it (four decimal places): ties are decided as the database decides them
    return None if value is None else Decimal(str(value)).quantize(_FOUR_PLACES)


def _key(dv) -> tuple:
    if DataValue.unit.is_cached(dv):
        unit = dv.unit
    elif DataValue.report.is_cached(dv) and Report.unit.is_cached(dv.report) and dv.report.unit_id == dv.unit_id:
        unit = dv.report.unit  # save_values gives its values the locked report, with its unit
    else:
        unit = Unit.objects.only("organization_id", "level").get(pk=dv.unit_id)
    return unit.organization_id, unit.level, dv.indicator_id, dv.period


_KEY = ("organization_id", "level", "indicator_id", "period")
_state = local()  # the changes kept by batched() in this thread (a connection is per thread)


@contextmanager
def batched():
    """Inside, the changes of the saved and deleted values are kept and applied when the block
    ends: the group rows read and locked in one statement, in key order (two writers saving
    the same indicators in another order do not deadlock), and written in one more. The caller
    ends the block just before its transaction commits: the shared rows stay locked that long only."""
    if getattr(_state, "changes", None) is not None:
        yield  # an enclosing block applies them
        return
    _state.changes = []
    try:
        yield
        changes = _state.changes
    finally:
        _state.changes = None
    apply(changes)


def changed(key: tuple, unit_id: int, old, new) -> None:
    """The unit's figure of the group `key` (organization, level, indicator, period) went from
    `old` to `new` (None: no figure; UNKNOWN: not known)."""
    if old is not UNKNOWN and _figure(old) == _figure(new):
        return  # a note or a qualifier changed: the group's figures did not
    pending = getattr(_state, "changes", None)
    if pending is not None:
        pending.append((key, unit_id, old, new))
    else:
        apply([(key, unit_id, old, new)])


def apply(changes: list) -> None:
    merged: dict[tuple, list] = {}
    for key, unit_id, old, new in changes:
        if (key, unit_id) in merged:
            merged[key, unit_id][1] = new  # saved twice in the block: from the first former figure to the last
        else:
            merged[key, unit_id] = [old, new]
    pending = []
    for (key, unit_id), (old, new) in sorted(merged.items(), key=lambda item: item[0]):  # key order: no deadlock
        pending.append((key, unit_id, old if old is UNKNOWN else _figure(old), _figure(new)))
    while pending:
        # one statement for the figures written, a group once in it; the rest one by one
        once, later, seen = [], [], set()
        for change in pending:
            key, _, old, new = change
            (later if key in seen or old is UNKNOWN or new is None else once).append(change)
            seen.add(key)
        moved = _moved(once)
        for key, unit_id, old, new in once:
            if key not in moved:
                _recount(key)
        for change in later:
            if change[2] is UNKNOWN or change[3] is None:
                key, unit_id, old, new = change
                if old is UNKNOWN or not _removed(key, unit_id, old):
                    _recount(key)
        pending = [c for c in later if c[2] is not UNKNOWN and c[3] is not None]


def _moved(changes: list) -> set[tuple]:
    """The groups whose rows took the changes (figures written, none removed) in one statement: a
    group's first figure makes its row; a row moves when the change says what the highest and the
    second become. The groups left out need a count from the values (the holder of the highest or
    of the second lowered it, or a row was missing for a figure that had one)."""
    if not changes:
        return set()
    t = PeerTop._meta.db_table
    rows = ", ".join(["(%s, %s, %s, %s, %s, CAST(%s AS NUMERIC), %s, CAST(%s AS NUMERIC))"] * len(changes))
    # the proposed row carries the change: value_count the step (1: a new figure, 0: a changed one),
    # top the new figure, top_unit_id the unit, second the former figure (none for a new one, so
    # the row a group's first figure makes is right as it stands)
    params = [x for key, unit_id, old, new in changes
              for x in (*key, 0 if old is not None else 1, str(new), unit_id, None if old is None else str(old))]
    e, r = "excluded", t
    with connection.cursor() as cur:
        cur.execute(
            f"INSERT INTO {t} ({', '.join(_KEY)}, value_count, top, top_unit_id, second) VALUES {rows} "
            f"ON CONFLICT ({', '.join(_KEY)}) DO UPDATE SET value_count = {r}.value_count + {e}.value_count, "
            # the SET expressions all read the row as it was
            f"second = CASE WHEN {r}.top_unit_id = {e}.top_unit_id THEN {r}.second WHEN {e}.top > {r}.top THEN {r}.top "
            f"WHEN {r}.second IS NULL OR {e}.top > {r}.second THEN {e}.top ELSE {r}.second END, "
            f"top = CASE WHEN {r}.top_unit_id = {e}.top_unit_id OR {e}.top > {r}.top THEN {e}.top ELSE {r}.top END, "
            f"top_unit_id = CASE WHEN {r}.top_unit_id <> {e}.top_unit_id AND {e}.top > {r}.top THEN {e}.top_unit_id "
            f"ELSE {r}.top_unit_id END "
            # the holder keeps its figure at or above the second; another unit passes the highest,
            # or stays under it unless it held the second and lowered it
            f"WHERE ({r}.top_unit_id = {e}.top_unit_id AND ({r}.second IS NULL OR {e}.top >= {r}.second)) "
            f"OR ({r}.top_unit_id <> {e}.top_unit_id AND ({e}.second IS NULL OR {e}.top > {r}.top "
            f"OR NOT ({r}.second IS NOT NULL AND {r}.second <= {e}.second AND {e}.top < {e}.second))) "
            f"RETURNING {', '.join(_KEY)}, value_count",
            params,
        )
        # value_count 0: a row made for a changed figure whose group had none kept (counted again)
        return {tuple(row[:4]) for row in cur.fetchall() if row[4]}


def _removed(key: tuple, unit_id: int, old: Decimal | None) -> bool:
    """The group's row took the removal of a figure that was neither the highest nor the second."""
    if old is None:
        return True
    with connection.cursor() as cur:
        cur.execute(f"UPDATE {PeerTop._meta.db_table} SET value_count = value_count - 1 "
                    f"WHERE {' AND '.join(f'{f} = %s' for f in _KEY)} AND top_unit_id <> %s AND second IS NOT NULL "
                    "AND second > CAST(%s AS NUMERIC)", [*key, unit_id, str(old)])
        return cur.rowcount == 1


def _recount(key: tuple) -> None:
    org, level, indicator_id, period = key
    key = dict(zip(_KEY, key))
    PeerTop.objects.select_for_update().filter(**key).first()  # the group locked, then counted
    values = DataValue.objects.filter(unit__organization_id=org, unit__level=level, indicator_id=indicator_id, period=period)
    best = list(values.order_by("-value", "unit_id").values_list("unit_id", "value")[:2])
    if not best:
        PeerTop.objects.filter(**key).delete()
        return
    state = {"value_count": values.count(), "top": best[0][1], "top_unit_id": best[0][0],
             "second": best[1][1] if len(best) > 1 else None}
    if not PeerTop.objects.filter(**key).update(**state):
        PeerTop.objects.create(**key, **state)


def add_figures(tops: dict[tuple, list]) -> None:
    """Merge new figures into their groups' rows, set-based: `tops` maps a group (organization,
    level, indicator, period) to [count, highest, its unit, second] of figures of units that had
    none in the group before (a bulk write's new keys). The counts add up; the highest and the
    second are the top two of the row's and the new ones (a tie goes to the lower unit id, as
    rebuild ranks them). What a rebuild of these groups would give, without sorting their values."""
    if not tops:
        return
    t = PeerTop._meta.db_table
    e, r = "excluded", t
    wins = f"({e}.top > {r}.top OR ({e}.top = {r}.top AND {e}.top_unit_id < {r}.top_unit_id))"
    keys = sorted(tops)  # key order: two writers never wait on each other crosswise
    with connection.cursor() as cur:
        for start in range(0, len(keys), 500):
            part = keys[start:start + 500]
            rows = ", ".join(["(%s, %s, %s, %s, %s, CAST(%s AS NUMERIC), %s, CAST(%s AS NUMERIC))"] * len(part))
            params = []
            for key in part:
                count, top, top_unit, second = tops[key]
                params += [*key, count, str(top), top_unit, None if second is None else str(second)]
            cur.execute(
                f"INSERT INTO {t} ({', '.join(_KEY)}, value_count, top, top_unit_id, second) VALUES {rows} "
                f"ON CONFLICT ({', '.join(_KEY)}) DO UPDATE SET value_count = {r}.value_count + {e}.value_count, "
                f"top = CASE WHEN {wins} THEN {e}.top ELSE {r}.top END, "
                f"top_unit_id = CASE WHEN {wins} THEN {e}.top_unit_id ELSE {r}.top_unit_id END, "
                f"second = CASE WHEN {wins} THEN (CASE WHEN {e}.second IS NULL OR {r}.top > {e}.second THEN {r}.top "
                f"ELSE {e}.second END) ELSE (CASE WHEN {r}.second IS NULL OR {e}.top > {r}.second THEN {e}.top "
                f"ELSE {r}.second END) END",
                params,
            )


def rebuild(pairs=None, organizations=None) -> None:
    """Count the groups of the (indicator id, period) `pairs` again from the values (all when None),
    of the `organizations` (ids; all when None: an import of one organization's figures sorts
    that organization's only), set-based: one window over the values gives each group's count,
    highest and second."""
    if organizations is not None and not organizations:
        return
    dv, un, t = DataValue._meta.db_table, Unit._meta.db_table, PeerTop._meta.db_table
    pairs = None if pairs is None else sorted(set(pairs))
    chunks = [None] if pairs is None else [pairs[i:i + 200] for i in range(0, len(pairs), 200)]
    group = "u.organization_id, u.level, dv.indicator_id, dv.period"
    with transaction.atomic(), connection.cursor() as cur:
        for chunk in chunks:
            if chunk is None:
                source, where, params = f"{dv} dv", "", []
                cur.execute(f"DELETE FROM {t}")
            elif not chunk:
                continue
            else:
                match = "(" + " OR ".join(["(indicator_id = %s AND period = %s)"] * len(chunk)) + ")"
                pair_params = [x for pair in chunk for x in pair]
                where, orgs = "", []
                if organizations is not None:
                    orgs = sorted(set(organizations))
                    match += f" AND organization_id IN ({', '.join(['%s'] * len(orgs))})"
                    where = f" WHERE u.organization_id IN ({', '.join(['%s'] * len(orgs))})"
                cur.execute(f"DELETE FROM {t} WHERE {match}", pair_params + orgs)
                # The values are found pair by pair (the (indicator, period, unit) index), joined to
                # a list of the pairs rather than filtered by an OR of them: right after a large
                # load the table's statistics still describe it as it was (empty, for a first
                # import), and with the OR PostgreSQL looped over the units, probing every pair
                # for each (1 M values: 76 s of its CPU instead of ~1 s).
                pairs_list = ", ".join(["(CAST(%s AS BIGINT), CAST(%s AS VARCHAR(10)))"] * len(chunk))
                source = (f"(VALUES {pairs_list}) AS p JOIN {dv} dv ON dv.indicator_id = p.column1 AND dv.period = p.column2")
                params = pair_params + orgs
            cur.execute(
                f"INSERT INTO {t} (organization_id, level, indicator_id, period, value_count, top, top_unit_id, second) "
                "SELECT org, lvl, ind, per, MAX(n), MAX(CASE WHEN rn = 1 THEN value END), MAX(CASE WHEN rn = 1 THEN unit_id END), "
                "MAX(CASE WHEN rn = 2 THEN value END) FROM ("
                f"SELECT u.organization_id AS org, u.level AS lvl, dv.indicator_id AS ind, dv.period AS per, dv.unit_id, dv.value, "
                f"ROW_NUMBER() OVER (PARTITION BY {group} ORDER BY dv.value DESC, dv.unit_id) AS rn, "
                f"COUNT(*) OVER (PARTITION BY {group}) AS n "
                f"FROM {source} JOIN {un} u ON u.id = dv.unit_id{where}) x WHERE rn <= 2 GROUP BY org, lvl, ind, per",
                params,
            )


def _value_saved(sender, instance: DataValue, created: bool, raw=False, **kwargs):
    if raw:
        return  # a fixture or a restore: PeerTop's rows come with it
    old = None if created else getattr(instance, "stored_value", UNKNOWN)
    changed(_key(instance), instance.unit_id, old, instance.value)
    instance.stored_value = instance.value


def _value_deleted(sender, instance: DataValue, **kwargs):
    changed(_key(instance), instance.unit_id, getattr(instance, "stored_value", UNKNOWN), None)


def _unit_saving(sender, instance: Unit, raw=False, **kwargs):
    # a unit moved to another organization or level takes its figures to other groups
    if raw or instance.pk is None:
        return
    before = Unit.objects.filter(pk=instance.pk).values_list("organization_id", "level").first()
    if before is not None and before != (instance.organization_id, instance.level):
        instance.peer_group_moved = True


def _unit_saved(sender, instance: Unit, raw=False, **kwargs):
    if getattr(instance, "peer_group_moved", False):
        instance.peer_group_moved = False
        rebuild(set(DataValue.objects.filter(unit=instance).values_list("indicator_id", "period").distinct()))


def connect() -> None:
    post_save.connect(_value_saved, sender=DataValue, dispatch_uid="collection-peers-saved")
    post_delete.connect(_value_deleted, sender=DataValue, dispatch_uid="collection-peers-deleted")
    pre_save.connect(_unit_saving, sender=Unit, dispatch_uid="collection-peers-unit-saving")
    post_save.connect(_unit_saved, sender=Unit, dispatch_uid="collection-peers-unit-saved")

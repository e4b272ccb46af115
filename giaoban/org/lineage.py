"""Lineage over the succession graph: which rows make up a row at another date, the tree as it
was on a date, and names resolved to rows.

Shares multiply along a chain and add up over parallel paths: if A was split 0.4/0.6 into B and
C, and B later merged with D into E, then E as of before the split is 0.4 × A + 1 × D. A successor
with no predecessor (a unit created from nothing) contributes nothing to earlier dates.

Each walk loads one generation of succession edges per query (with the rows at their ends), so
a lookup over any number of nodes costs as many queries as the chain has changes, not N+1.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Model

from giaoban.org.models import Area, AreaSuccession, Unit, UnitSuccession
from giaoban.org.names import name_key, split_kind
from giaoban.textfigures.normalize import lower_first

# A chain of restructurings longer than this is a cycle in the data, not history.
MAX_GENERATIONS = 50
ONE = Decimal(1)


class ResolveError(LookupError):
    """A name or code that matches no row, or several rows valid on the date asked for."""

    def __init__(self, message: str, candidates: list | None = None):
        super().__init__(message)
        self.candidates = candidates or []


def edge_model(model) -> type[Model]:
    model = model if isinstance(model, type) else type(model)
    if issubclass(model, Area):
        return AreaSuccession
    if issubclass(model, Unit):
        return UnitSuccession
    raise TypeError(f"no succession table for {model!r}")


def _walk(nodes, date: datetime.date, backward: bool) -> dict[int, list[tuple]]:
    """For each node: [(row, share)] of rows valid on `date` reached through successions."""
    result: dict[int, dict[int, Decimal]] = {n.pk: defaultdict(Decimal) for n in nodes}
    rows: dict[int, Model] = {n.pk: n for n in nodes}
    pending: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
    for n in nodes:
        if n.is_valid_on(date):
            result[n.pk][n.pk] += ONE
        elif (n.valid_from > date) if backward else (n.valid_to is not None and n.valid_to < date):
            pending[n.pk].append((n.pk, ONE))
    if not nodes:
        return {}
    Edge = edge_model(nodes[0])
    near, far = ("successor", "predecessor") if backward else ("predecessor", "successor")
    generation = 0
    while pending:
        generation += 1
        if generation > MAX_GENERATIONS:
            raise ValueError("Chuỗi kế thừa quá dài: có vòng lặp trong dữ liệu kế thừa.")
        edges = Edge.objects.filter(**{f"{near}_id__in": list(pending)}).select_related(far)
        next_pending: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
        for edge in edges:
            other = getattr(edge, far)
            rows[other.pk] = other
            for origin, share in pending[getattr(edge, f"{near}_id")]:
                share = share * edge.share
                if other.is_valid_on(date):
                    result[origin][other.pk] += share
                elif (other.valid_from > date) if backward else (other.valid_to is not None and other.valid_to < date):
                    next_pending[other.pk].append((origin, share))
                # else: a gap in the history (the other row ended or began on the wrong side
                # of the date); its territory was not this node's then.
        pending = next_pending
    return {
        origin: sorted(((rows[pk], share) for pk, share in found.items()), key=lambda x: (x[0].code, x[0].valid_from))
        for origin, found in result.items()
    }


def predecessors_at(node, date: datetime.date) -> list[tuple]:
    """[(row, share)] whose territory made up `node` on an earlier `date`.

    `node` itself (share 1) when it was already valid then; [] when the date is after it ended
    or it was created from nothing. The value of `node` for a period before it existed is
    Σ share × value(row) over the list.
    """
    return _walk([node], date, backward=True)[node.pk]


def successors_at(node, date: datetime.date) -> list[tuple]:
    """[(row, share)] into which `node`'s territory went, as of a later `date`.

    share is the part of `node` that went into the row (1 for a merge).
    """
    return _walk([node], date, backward=False)[node.pk]


# ---- trees -------------------------------------------------------------------------------

@dataclass
class TreeItem:
    node: Model
    children: list["TreeItem"] = field(default_factory=list)

    def walk(self, depth: int = 0):
        """(node, depth) in display order."""
        yield self.node, depth
        for child in self.children:
            yield from child.walk(depth + 1)

    def count(self) -> int:
        return sum(1 for _ in self.walk())


def build_tree(root, date: datetime.date) -> TreeItem:
    """The subtree of `root` valid on `date` (two queries with the root's relations)."""
    model = type(root)
    qs = model.objects.valid_on(date).filter(path__startswith=root.path).exclude(pk=root.pk)
    qs = qs.select_related("area", "organization") if model is Unit else qs
    items = {root.pk: TreeItem(root)}
    # Areas in the order of their official codes; units by name.
    order = (lambda n: (n.depth, n.code)) if model is Area else (lambda n: (n.depth, n.level, name_key(n.name), n.code))
    rows = sorted(qs, key=order)
    for row in rows:
        items[row.pk] = TreeItem(row)
    for row in rows:
        # A row whose parent is not valid on the date hangs under its nearest valid ancestor.
        ids = [int(x) for x in row.path.strip("/").split("/")][:-1]
        parent = next((items[i] for i in reversed(ids) if i in items), items[root.pk])
        parent.children.append(items[row.pk])
    return items[root.pk]


# ---- names -------------------------------------------------------------------------------


def describe(node) -> str:
    """'phường Đoàn Kết (mã 03389, 01/02/2020–30/06/2025, thuộc thành phố Lai Châu)'."""
    name = lower_first(node.full_name) if isinstance(node, Area) else node.name
    until = f"{node.valid_to:%d/%m/%Y}" if node.valid_to else "nay"
    parent = f", thuộc {lower_first(node.parent.full_name) if isinstance(node, Area) else node.parent.name}" if node.parent_id else ""
    return f"{name} (mã {node.code}, {node.valid_from:%d/%m/%Y}–{until}{parent})"


def _choose(candidates: list, text: str, date: datetime.date, what: str, strict: bool = False):
    if not candidates:
        raise ResolveError(f"Không tìm thấy {what} '{text}' (theo mã hoặc tên).")
    if len(candidates) == 1 and not strict:
        return candidates[0]
    valid = [c for c in candidates if c.is_valid_on(date)]
    if len(valid) == 1:
        return valid[0]
    if strict and not valid:
        listing = "; ".join(describe(c) for c in sorted(candidates, key=lambda c: (c.code, c.valid_from)))
        raise ResolveError(f"'{text}' không có {what} nào có hiệu lực ngày {date:%d/%m/%Y}: {listing}. "
                           "Hãy chọn ngày trong thời gian hiệu lực.", candidates=candidates)
    shown = valid or candidates
    listing = "; ".join(describe(c) for c in sorted(shown, key=lambda c: (c.code, c.valid_from)))
    when = f"có hiệu lực ngày {date:%d/%m/%Y}" if valid else f"nhưng không {what} nào có hiệu lực ngày {date:%d/%m/%Y}"
    raise ResolveError(
        f"'{text}' khớp với {len(shown)} {what} {when}: {listing}. Hãy ghi rõ mã hoặc loại (xã, phường, thị trấn...).",
        candidates=shown,
    )


def resolve_area(code_or_name: str | Area, date: datetime.date | None = None, strict: bool = False) -> Area:
    """An area by code or exact name, with or without its kind: '03389', 'phường Đoàn Kết',
    'Đoàn Kết'. Among several matching versions, the one valid on `date` (default today);
    `strict`: only one valid on `date` (analytics: a figure of an area that did not exist then)."""
    if isinstance(code_or_name, Area):
        return code_or_name
    date = date or datetime.date.today()
    text = " ".join(str(code_or_name).split())
    candidates = list(Area.objects.filter(code=text).select_related("parent"))
    if not candidates:
        kinds, rest = split_kind(text)
        whole = name_key(text)

        def matching(rows) -> list[int]:
            return [pk for pk, name, kind in rows
                    if name_key(name) == whole or (kinds and kind in kinds and name_key(name) == rest)]

        # the name as stored, after a kind word or two ('Xã', 'Thị trấn'), by the database first; the
        # whole table (another case or tone placement) only when that finds nothing
        words = text.split()
        tails = {" ".join(words[i:]) for i in range(min(3, len(words)))}
        ids = matching(Area.objects.filter(name__in=tails).values_list("pk", "name", "kind"))
        if not ids:
            ids = matching(Area.objects.values_list("pk", "name", "kind"))
        candidates = list(Area.objects.filter(pk__in=ids).select_related("parent"))
    return _choose(candidates, text, date, "địa bàn", strict)


def resolve_unit(code_or_name: str | Unit, date: datetime.date | None = None, organization=None,
                 strict: bool = False) -> Unit:
    """A unit by code or exact name ('Hội LHPN xã Bum Nưa'); with an organization (object or
    code) also by its area's name ('xã Bum Nưa'). `strict` as for resolve_area."""
    if isinstance(code_or_name, Unit):
        return code_or_name
    date = date or datetime.date.today()
    text = " ".join(str(code_or_name).split())
    qs = Unit.objects.select_related("parent", "organization")
    if organization is not None:
        qs = qs.filter(organization__code=organization) if isinstance(organization, str) else qs.filter(organization=organization)
    candidates = list(qs.filter(code=text))
    if not candidates:
        key = name_key(text)
        ids = [pk for pk, name in qs.values_list("pk", "name") if name_key(name) == key]
        candidates = list(qs.filter(pk__in=ids))
    if not candidates and organization is not None:
        try:
            area = resolve_area(text, date)
        except ResolveError:
            area = None
        if area is not None:
            candidates = list(qs.filter(area=area))
    return _choose(candidates, text, date, "đơn vị", strict)

"""A node that did not exist yet on a date stands as its predecessors (times their share),
back through several restructurings."""

from __future__ import annotations

import datetime
from decimal import Decimal


from giaoban.org.models import (AreaSuccession, UnitSuccession)
from giaoban.analytics.engine.base import Node


def predecessors(node: Node, memo: dict | None = None) -> list[tuple[Node, Decimal]]:
    """The nodes ``node`` replaced, with their shares; kept in ``memo`` (the engine's stamp cache:
    successions are watched tables) so a dashboard asks once per node, not once per quarter."""
    key = ("predecessors", node.kind, node.id)
    if memo is not None and key in memo:
        return memo[key]
    model = AreaSuccession if node.kind == "area" else UnitSuccession
    found = [(Node.of(link.predecessor), link.share)
             for link in model.objects.filter(successor_id=node.id).select_related("predecessor")]
    if memo is not None:
        memo[key] = found
    return found


def expand(node: Node, date: datetime.date, _seen=None, memo: dict | None = None) -> list[tuple[Node, Decimal]]:
    """The nodes that stood for ``node`` on ``date``, with weights: itself if it existed,
    otherwise its predecessors (times their share), back through several changes. ``memo``:
    the engine's cache (cache.entries()), read once by the caller."""
    if node.kind == "nation" or node.valid_from <= date:
        return [(node, Decimal(1))]
    seen = (_seen or set()) | {(node.kind, node.id)}
    out: list[tuple[Node, Decimal]] = []
    for pred, share in predecessors(node, memo):
        if (pred.kind, pred.id) in seen:
            continue
        for sub, w in expand(pred, date, seen, memo):
            out.append((sub, w * share))
    return out

"""A node that did not exist yet on a date stands as its predecessors (times their share),
back through several restructurings."""

from __future__ import annotations

import datetime
from decimal import Decimal


from giaoban.org.models import (AreaSuccession, UnitSuccession)
from giaoban.analytics.engine.base import Node


def expand(node: Node, date: datetime.date, _seen=None) -> list[tuple[Node, Decimal]]:
    """The nodes that stood for ``node`` on ``date``, with weights: itself if it existed,
    otherwise its predecessors (times their share), back through several changes."""
    if node.kind == "nation" or node.valid_from <= date:
        return [(node, Decimal(1))]
    seen = (_seen or set()) | {(node.kind, node.id)}
    model = AreaSuccession if node.kind == "area" else UnitSuccession
    links = model.objects.filter(successor_id=node.id).select_related("predecessor")
    out: list[tuple[Node, Decimal]] = []
    for link in links:
        pred = Node.of(link.predecessor)
        if (pred.kind, pred.id) in seen:
            continue
        for sub, w in expand(pred, date, seen):
            out.append((sub, w * link.share))
    return out

"""The indicator catalogue and matching a figure to its indicator.

A catalogue is plain data: a list of dicts with code, name, unit, synonyms, orgs (and the
optional 'units' a figure of that indicator may be counted in). The default ships as
catalogue.json next to this module; the web app passes the indicators of its database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from .normalize import canonical

CATALOGUE_PATH = Path(__file__).with_name("catalogue.json")


@lru_cache(maxsize=1)
def default_catalogue() -> tuple[dict[str, Any], ...]:
    data = json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))
    return tuple(data["indicators"])


@dataclass(frozen=True)
class _Entry:
    code: str
    units: frozenset[str]
    synonyms: tuple[str, ...]
    orgs: frozenset[str]
    money: bool
    percent: bool


class Matcher:
    def __init__(self, catalogue: Iterable[dict[str, Any]] | dict[str, Any] | None = None) -> None:
        if catalogue is None:
            catalogue = default_catalogue()
        elif isinstance(catalogue, dict):
            catalogue = catalogue.get("indicators", [])
        self.entries: list[_Entry] = []
        self._by_unit: dict[str, list[_Entry]] = {}
        for ind in catalogue:
            unit = canonical(str(ind.get("unit") or ""))
            units = {canonical(u) for u in ind.get("units") or []} | ({unit} if unit else set())
            syn = [canonical(s) for s in ind.get("synonyms") or []] + [canonical(str(ind.get("name") or ""))]
            self.entries.append(_Entry(
                code=str(ind["code"]), units=frozenset(units), synonyms=tuple(s for s in syn if s),
                orgs=frozenset(ind.get("orgs") or []), money=ind.get("value_type") == "money" or unit == "đồng",
                percent=ind.get("value_type") == "percent" or unit == "%",
            ))

    def _for_unit(self, u: str) -> list[_Entry]:
        """Entries a figure counted in ``u`` may belong to (cached: the same units recur)."""
        hit = self._by_unit.get(u)
        if hit is None:
            money, percent = u.startswith("đồng"), u == "%"
            hit = [en for en in self.entries
                   if (money and en.money) or (percent and (en.percent or "%" in en.units))
                   or (not money and not percent and not en.money and u in en.units)]
            self._by_unit[u] = hit
        return hit

    def match(self, context: str, unit: str | None, org: str | None, orgs: list[str] | None) -> tuple[str | None, float]:
        """Best indicator code for a figure; ``context`` is the canonical clause around it."""
        if not unit:
            return None, 0.0
        u = canonical(unit)
        money = u.startswith("đồng")
        percent = u == "%"
        best: tuple[float, str | None] = (0.0, None)
        owners = set(orgs or []) | ({org} if org else set())
        found: dict[str, bool] = {}  # synonyms shared by several entries are looked up once
        for en in self._for_unit(u):
            if money != en.money and not (percent and en.percent):
                continue
            if percent and not en.percent and "%" not in en.units:
                continue
            unit_ok = u in en.units or (money and en.money)
            if not unit_ok:
                continue
            score = 1.0
            hits = []
            for s in en.synonyms:
                hit = found.get(s)
                if hit is None:
                    hit = found[s] = s in context
                if hit:
                    hits.append(s)
            if hits:
                score += 2.0 + max(len(s) for s in hits) / 10 + 0.3 * (len(hits) - 1)
            if owners and en.orgs:
                score += 0.5 if owners <= en.orgs else -1.0
            if score > best[0]:
                best = (score, en.code)
        if best[0] < 3.0:
            return None, 0.0
        return best[1], min(1.0, best[0] / 6)

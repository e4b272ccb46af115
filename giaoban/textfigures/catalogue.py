"""The indicator catalogue and matching a figure to its indicator.

A catalogue is plain data: a list of dicts with code, name, unit, synonyms, orgs (and the
optional 'units' a figure of that indicator may be counted in; 'requires', words of the action the
indicator counts, one of which the figure's clause must hold ('thành lập' for grassroots unions
founded: '184 công đoàn cơ sở' held is not that); 'excludes', words that make the clause another
thing ('thắp sáng 24 km đường' is not road built); 'excludes_sentence', the same anywhere in the
sentence before the figure; 'counts_change', an indicator that is itself a change). The default ships as
catalogue.json next to this module; the web app passes the indicators of its database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from .lexicon import measure_kin
from .normalize import canonical

CATALOGUE_PATH = Path(__file__).with_name("catalogue.json")
# Weak words: they say what is counted only right before the number, and only of a bare count.
# Times of people ('19.375 lượt hội viên', '1.272 lượt cá nhân'): what a household's members reach again
# year after year (a title) is counted so as well as in 'hộ', so an indicator of households that is a
# flow may have them; not one of persons only (admitted or introduced once). Not 'lượt hộ': '2.538 lượt
# hộ nghèo' helped are the poor households, which the unit's own words do not keep from a title.
_TIMES_OF_HOLDERS = frozenset({canonical("lượt người")})
NEAR_ONLY = {canonical(w) for w in ("có", "tổng số", "hiện có", "với", "toàn huyện có", "toàn xã có", "toàn tỉnh có",
                                    "số hội viên", "số đoàn viên")}


def _as_words(text: str, phrase: str) -> bool:
    """Whether ``phrase`` stands in ``text`` as whole words: 'quà' is not in 'khăn quàng đỏ'.
    (Asked only of the few synonyms already found as substrings.)"""
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if (at == 0 or not text[at - 1].isalpha() or not phrase[0].isalpha()) and \
                (end == len(text) or not text[end].isalpha() or not phrase[-1].isalpha()):
            return True
        at = text.find(phrase, at + 1)
    return False


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
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    excludes_sentence: tuple[str, ...] = ()  # … anywhere in the sentence before the figure ('Từ nguồn Quỹ HTND, Hội cho 42 hộ vay')
    stock: bool = False  # a level held ('last' over time), not a count of things done in the period
    counts_change: bool = False  # the indicator is itself a decrease or an increase ('hộ nghèo giảm')


@dataclass(frozen=True)
class _UnitIndex:
    """The entries a figure counted in one unit may belong to, and their synonyms."""
    entries: tuple[_Entry, ...]
    synonyms: tuple[str, ...]  # each synonym once, for one ``in`` test per figure
    by_synonym: dict[str, tuple[int, ...]]  # synonym -> positions in ``entries``
    near_only: tuple[str, ...] = ()  # the weak ones among them, looked for right before the number
    money: bool = False  # the unit is money: the action may be anywhere in the sentence
    unit: str = ""  # the unit itself, canonical
    # The synonyms that hold no other synonym, and for each synonym those that hold it: a
    # synonym can be in a context only if each synonym inside it is (~40 % fewer scans).
    roots: tuple[str, ...] = ()
    holding: dict[str, tuple[str, ...]] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)  # position in ``synonyms``


class Matcher:
    def __init__(self, catalogue: Iterable[dict[str, Any]] | dict[str, Any] | None = None) -> None:
        indicators: Iterable[dict[str, Any]]
        if catalogue is None:
            indicators = default_catalogue()
        elif isinstance(catalogue, dict):
            indicators = catalogue.get("indicators", [])
        else:
            indicators = catalogue
        self.entries: list[_Entry] = []
        self._by_unit: dict[str, _UnitIndex] = {}
        self._by_raw_unit: dict[str, _UnitIndex] = {}  # the same by the unit as the engine writes it
        for ind in indicators:
            unit = canonical(str(ind.get("unit") or ""))
            units = {canonical(u) for u in ind.get("units") or []} | ({unit} if unit else set())
            syn = [canonical(s) for s in ind.get("synonyms") or []] + [canonical(str(ind.get("name") or ""))]
            # The thing counted in any measure word of its class: 'buổi sinh hoạt' is also a 'cuộc
            # sinh hoạt' counted in 'cuộc' (lexicon.MEASURE_CLASSES, one table for every indicator).
            units |= {k for u in units for k in measure_kin(u)}
            syn += [v for s in syn if " " in s for k in measure_kin(s.split(" ", 1)[0])
                    if (v := k + " " + s.split(" ", 1)[1]) not in syn]
            self.entries.append(_Entry(
                code=str(ind["code"]), units=frozenset(units), synonyms=tuple(s for s in syn if s),
                orgs=frozenset(ind.get("orgs") or []), money=ind.get("value_type") == "money" or unit == "đồng",
                percent=ind.get("value_type") == "percent" or unit == "%",
                requires=tuple(canonical(w) for w in ind.get("requires") or []),
                excludes=tuple(canonical(w) for w in ind.get("excludes") or []),
                excludes_sentence=tuple(canonical(w) for w in ind.get("excludes_sentence") or []),
                stock=ind.get("time_aggregation") == "last",
                counts_change=bool(ind.get("counts_change")),
            ))
        self._counts_change = {en.code for en in self.entries if en.counts_change}
        self._by_code = {en.code: en for en in self.entries}
        self._vocabulary: dict[str, frozenset[str]] = {}

    def reported_by(self, code: str, org: str | None, orgs: list[str] | None) -> bool:
        """Whether the organization (or each of the organizations) reports the indicator."""
        owners = set(orgs or []) | ({org} if org else set())
        en = self._by_code.get(code)
        return en is not None and (not en.orgs or owners <= en.orgs)

    def sole_org(self, code: str) -> str | None:
        """The one organization that reports the indicator ('khu_dan_cu_ngay_hoi' is the MTTQ's),
        or None when several do."""
        en = self._by_code.get(code)
        return next(iter(en.orgs)) if en is not None and en.orgs and len(en.orgs) == 1 else None

    def is_stock(self, code: str) -> bool:
        """Whether the indicator is a level held ('last' over time: a balance, the membership)."""
        en = self._by_code.get(code)
        return en is not None and en.stock

    def excluded(self, code: str, text: str) -> bool:
        """Whether one of the indicator's 'excludes' words is in ``text`` (canonical): what a
        verb gave ('trao 180 suất học bổng …, tổng trị giá …') is said between it and the amount."""
        en = self._by_code.get(code)
        return en is not None and any(w in text for w in en.excludes)

    def vocabulary(self, code: str) -> frozenset[str]:
        """The words (syllables) of the indicator's name and synonyms, canonical."""
        words = self._vocabulary.get(code)
        if words is None:
            en = self._by_code.get(code)
            words = self._vocabulary[code] = frozenset(w for s in (en.synonyms if en else ()) for w in s.split())
        return words

    def counts_times(self, code: str) -> bool:
        """Whether the indicator counts times of people ('lượt người' among its units): the people who
        take part in what it counts ('5.400 lượt đoàn viên tham gia')."""
        en = self._by_code.get(code)
        return en is not None and not _TIMES_OF_HOLDERS.isdisjoint(en.units)

    def counts_change(self, code: str) -> bool:
        """Whether the indicator counts a change ('số hộ CCB nghèo giảm 128 hộ'), so that a
        figure of kind change may have it."""
        return code in self._counts_change

    def _for_unit(self, u: str) -> _UnitIndex:
        """Entries a figure counted in ``u`` may belong to (built once per unit: units recur).
        Money matches the money entries, '%' the entries counted in '%', any other unit the
        entries (not money) that list it."""
        hit = self._by_unit.get(u)
        if hit is None:
            if u.startswith("đồng"):
                entries = [en for en in self.entries if en.money]
            elif u == "%":
                entries = [en for en in self.entries if "%" in en.units and (en.percent or not en.money)]
            else:
                entries = [en for en in self.entries if not en.money and (u in en.units or (
                    u in _TIMES_OF_HOLDERS and "hộ" in en.units)) and not (en.stock and u.startswith("lượt"))]
                # (times done are a flow, never a level held)
            by_synonym: dict[str, list[int]] = {}
            for i, en in enumerate(entries):
                for s in en.synonyms:  # a synonym listed twice counts twice, as it always did
                    by_synonym.setdefault(s, []).append(i)
            synonyms = tuple(s for s in by_synonym if s not in NEAR_ONLY)
            hit = self._by_unit[u] = _UnitIndex(
                tuple(entries), synonyms, {s: tuple(ix) for s, ix in by_synonym.items()},
                tuple(s for s in by_synonym if s in NEAR_ONLY), u.startswith("đồng"), u,
                roots=tuple(s for s in synonyms if not any(o != s and o in s for o in synonyms)),
                holding={s: held for s in synonyms if (held := tuple(o for o in synonyms if o != s and s in o))},
                order={s: i for i, s in enumerate(synonyms)})
        return hit

    def match(self, context: str, unit: str | None, org: str | None, orgs: list[str] | None,
              near: str = "", clause: str | None = None, stock_only: bool = False) -> tuple[str | None, float]:
        """Best indicator code for a figure and its score scaled to 0..1 (see ``explain``)."""
        m = self.explain(context, unit, org, orgs, near, clause, stock_only)
        return m.code, m.score

    def explain(self, context: str, unit: str | None, org: str | None, orgs: list[str] | None,
                near: str = "", clause: str | None = None, stock_only: bool = False,
                item: str | None = None) -> "CodeMatch":
        """Best indicator code for a figure; ``context`` is the canonical clause around it.

        An entry scores 1 for its unit, 2 + (longest synonym found)/10 + 0.3 per further synonym
        found, +1 when one is in the figure's own clause, and +0.5 when the figure's organizations are among the entry's (+0.5 more for an
        organization's own indicator, +1 in all; an entry that is not theirs is left out); below 3 there is no match, so only entries with a
        synonym in the context are scored. Returned with the words that named it and its lead
        over the next entry (for the confidence).

        ``clause``: the figure's own clause; an entry whose 'requires' words are all absent from
        it, or one of whose 'excludes' words is in it, is not the figure's (when no clause is
        given, the context is used). ``stock_only``: the figure is what remains ('còn 642 hộ'),
        so only indicators of a level held may have it. ``item``: the figure's own item of the
        clause when another figure follows it after 'và' (its 'excludes' are looked for there only)."""
        if not unit:
            return _NO_MATCH
        index = self._by_raw_unit.get(unit)
        if index is None:
            index = self._by_raw_unit[unit] = self._for_unit(canonical(unit))
        # Weak words ('có', 'tổng số') say what is counted only right before the number.
        # (a comprehension: 'in' is one opcode, a bound __contains__ is called through an argument tuple)
        found = [w for w in index.roots if w in context]
        if found:  # (a context that holds none needs no second pass)
            holding = index.holding
            more: set[str] = set()
            for w in found:
                held = holding.get(w)
                if held:
                    more.update(held)
            if more:  # the synonyms that hold a root found, in the synonyms' order with the roots
                found += [w for w in more if w in context]
                found.sort(key=index.order.__getitem__)
            found = [w for w in found if _as_words(context, w)]
        if index.near_only:
            found += [w for w in index.near_only if w in near]
        if not found:
            return _NO_MATCH
        by_synonym = index.by_synonym
        hits: dict[int, list[str]] = {}
        for s in found:
            for i in by_synonym[s]:
                if i in hits:
                    hits[i].append(s)
                else:
                    hits[i] = [s]
        if orgs:
            owners = set(orgs)
            if org:
                owners.add(org)
        else:
            owners = {org} if org else set()  # (most figures: one organization, one set made)
        single_owner = len(owners) == 1
        own = context if clause is None else clause
        excluded_in = own if item is None else item
        # An amount is often valued in a clause of its own ('trao 420 suất quà, tổng trị giá 210
        # triệu đồng'): its action may be anywhere in the sentence before it.
        acted = context if index.money else own
        sentence_before: str | None = None
        entries = index.entries
        unit_itself = index.unit
        best_score, best_i, second = -1.0, -1, 0.0
        here_best, here_i, here_second = -1.0, -1, 0.0  # (the same among the entries named in the own clause)
        for i in sorted(hits) if len(hits) > 1 else hits:  # catalogue order: the first of equal scores wins
            # (any() of generators, not of map(s.__contains__, …): compiled, loops of tests in C)
            en, syns = entries[i], hits[i]
            if (stock_only and not en.stock) or (en.requires and not any(w in acted for w in en.requires)) \
                    or (en.excludes and any(w in excluded_in for w in en.excludes)):
                continue
            if en.excludes_sentence:
                if sentence_before is None:
                    sentence_before = context.partition(" | ")[0].rpartition(" || ")[2]
                if any(w in sentence_before for w in en.excludes_sentence):
                    continue
            if len(syns) == 1:
                score = 1.0 + (2.0 + len(syns[0]) / 10)  # (the sums in this order: equal scores stay equal)
            else:
                score = 1.0 + (2.0 + max(map(len, syns)) / 10 + 0.3 * (len(syns) - 1))
            here = False
            if clause is not None:
                for w in syns:  # (a loop, not any() over a generator: most entries have one or two)
                    if w != unit_itself and w in clause:
                        # named in the figure's own clause, not only in an earlier one (the figure's
                        # own unit, '2.412 mô hình', names nothing more there)
                        score += 1.0
                        here = True
                        break
            if owners and en.orgs:
                theirs = owners <= en.orgs
                if not (theirs if single_owner else owners & en.orgs):
                    continue  # an indicator the organization does not report ('14 nhà' of the Youth Union)
                if theirs:
                    score += 0.5
                    if len(en.orgs) == 1:
                        score += 1.0  # the organization's own vocabulary ('suất hỗ trợ đoàn viên' for a union)
                elif len(en.orgs) == 1 and "mttq" in en.orgs:
                    # the Front's own programme, named where the Front works with its members ('Ủy ban MTTQ
                    # và các tổ chức thành viên … ủng hộ Quỹ "Vì người nghèo" 391 triệu đồng')
                    score += 0.5
            if score > best_score:
                if best_i >= 0 and best_score > second:
                    second = best_score
                best_score, best_i = score, i
            elif score > second:
                second = score
            if here:
                if score > here_best:
                    if here_i >= 0 and here_best > here_second:
                        here_second = here_best
                    here_best, here_i = score, i
                elif score > here_second:
                    here_second = score
        # Named in the figure's own clause beats words of an earlier clause, another figure's ('… đạt danh
        # hiệu sản xuất, kinh doanh giỏi các cấp, 350 hộ thoát nghèo'), except for money
        if here_i >= 0 and here_best >= 3.0 and not index.money:
            # (an amount's fund or programme is often named before its clause: 'Quỹ … tiếp nhận …, trong đó
            # vận động được 2,35 tỷ đồng')
            best_score, best_i, second = here_best, here_i, here_second
        if best_i < 0 or best_score < 3.0:
            return _NO_MATCH
        return CodeMatch(entries[best_i].code, best_score / 6 if best_score < 6 else 1.0, tuple(hits[best_i]),
                         best_score - second if second >= 3.0 else best_score - 2.0)


class CodeMatch(NamedTuple):  # (a tuple: made for every figure, ~4× cheaper than a frozen dataclass)
    code: str | None
    score: float
    words: tuple[str, ...] = ()  # the synonyms that named the indicator
    lead: float = 0.0  # score over the next indicator that also matched


_NO_MATCH = CodeMatch(None, 0.0)

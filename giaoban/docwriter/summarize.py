"""The units' narratives summarized the way a province office does it: similar sentences merged
into one item with a count ('12/54 đơn vị nêu: …'), one representative sentence kept, the units
named only when few of them said it.

Plain Python (no Django): sentences are compared by their content syllables (Jaccard overlap),
numbers and the unit's own name left out, so 'Hội LHPN xã A: kinh phí hạn hẹp' and 'Kinh phí
hoạt động còn hạn hẹp (xã B)' fall together.
"""

from __future__ import annotations

import re
import unicodedata

from giaoban.textfigures.normalize import lower_first
from dataclasses import dataclass, field

# Two sentences say the same when at least this share of their content syllables is shared.
# 0.5 merges rewordings of one remark ('kinh phí còn hạn hẹp' / 'kinh phí hoạt động hạn hẹp,
# chưa đáp ứng…') and keeps apart remarks that only share a topic word ('kinh phí', 'cán bộ').
SIMILARITY = 0.5
# Units are named when at most this many said the same thing; beyond, a count says more.
NAME_AT_MOST = 2

STOPWORDS = frozenset("""
và của các một số còn đã được trong cho với tại là có này đó thì mà nên như để do từ đến về theo
những nhiều cũng đang sẽ chưa rất hơn ở trên dưới khi lại ra vào bị vẫn nhưng hoặc
""".split())
_NUMBER = re.compile(r"\d[\d.,]*")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-ZĐÀ-Ỹ\"“(-])|\n+")


@dataclass
class Remark:
    unit: str
    org_code: str
    text: str
    words: frozenset = frozenset()


@dataclass
class Group:
    """Units that made the same remark: the sentence kept, who said it."""

    text: str
    units: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    members: list[Remark] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.units)


def sentences(text: str) -> list[str]:
    """A narrative split into its sentences (and '- ' or ';' items), each ending with a period."""
    text = unicodedata.normalize("NFC", text or "")
    out = []
    for part in _SENTENCE_END.split(text):
        part = part.strip(" -–•\t;")
        if len(part.split()) >= 3:
            out.append(part.rstrip(".;") + ".")
    return out


def content_words(text: str, drop: str = "") -> frozenset:
    """The sentence's content syllables, lower case, without numbers, stop words or the words of
    `drop` (the unit's own name)."""
    dropped = set(_WORD.findall(drop.lower()))
    low = _NUMBER.sub(" ", unicodedata.normalize("NFC", text.lower()))
    return frozenset(w for w in _WORD.findall(low) if w not in STOPWORDS and w not in dropped and len(w) > 1)


def similarity(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def group_remarks(items: list[tuple[str, str, str]], threshold: float = SIMILARITY) -> list[Group]:
    """`items` are (unit name, organization code, narrative text). Groups of similar sentences,
    the most often made first; a unit counts once per group."""
    groups: list[Group] = []
    signatures: list[frozenset] = []
    for unit, org, text in items:
        for sentence in sentences(text):
            words = content_words(sentence, unit)
            if not words:
                continue
            remark = Remark(unit, org, sentence, words)
            best, best_sim = None, threshold
            for i, sig in enumerate(signatures):
                sim = similarity(words, sig)
                if sim >= best_sim:
                    best, best_sim = i, sim
            if best is None:
                groups.append(Group(text=sentence, members=[remark]))
                signatures.append(words)
            else:
                groups[best].members.append(remark)
    for group in groups:
        for m in group.members:
            if m.unit not in group.units:
                group.units.append(m.unit)
            if m.org_code not in group.orgs:
                group.orgs.append(m.org_code)
        group.text = _representative(group)
    groups.sort(key=lambda g: (-g.count, g.text))
    return groups


def _representative(group: Group) -> str:
    """The member closest to all the others (ties: the shortest), without a unit's own name."""
    members = group.members
    if len(members) == 1:
        return _without_unit(members[0])
    best = max(members, key=lambda m: (sum(similarity(m.words, o.words) for o in members), -len(m.text)))
    return _without_unit(best)


def _without_unit(remark: Remark) -> str:
    text = remark.text
    if remark.unit and remark.unit in text:
        text = " ".join(text.replace(remark.unit, "đơn vị").split())
    return text


def summary_item(group: Group, total: int, org_label: str = "") -> str:
    """'15/54 đơn vị nêu: kinh phí hoạt động còn hạn hẹp.' or, for one or two units, their names;
    with `org_label`, whose units they are ('Đoàn TN: 10/38 đơn vị nêu: …')."""
    sentence = lower_first(group.text)
    if group.count <= NAME_AT_MOST:
        return f"{' và '.join(group.units)} nêu: {sentence}"
    who = f"đơn vị {org_label}" if org_label else "đơn vị"
    if total and group.count >= total:
        return f"Tất cả {total} {who} đều nêu: {sentence}"
    return f"{group.count}/{total} {who} nêu: {sentence}"


def summarize(items: list[tuple[str, str, str]], total_units: int, max_items: int = 6,
              rest_note: bool = False) -> list[str]:
    """At most `max_items` summary sentences, the most shared remarks first; what is left over
    is counted in one closing sentence rather than listed."""
    groups = group_remarks(items)
    kept = groups[:max_items]
    out = [summary_item(g, total_units) for g in kept]
    rest = groups[max_items:]
    if rest:
        units = {u for g in rest for u in g.units}
        where = " (xem phụ lục)" if rest_note else ""
        out.append(f"Ngoài ra, {len(units)} đơn vị nêu thêm {len(rest)} ý kiến khác{where}.")
    return out

"""Vietnamese prose from the figures, and the document outline every writer renders.

The words live in templates/phrasing.json; a deployment overrides any part of it with its own
JSON file (path in GIAOBAN_REPORT_PHRASING). Choices among equivalent phrasings are
deterministic (hash of organization and slot, rotated on use) so a report reads the same every
time it is built, while two neighbouring sentences do not repeat the same words.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import json
import os
import re
import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import NARRATIVE_SECTION_TITLES, NARRATIVE_SECTIONS, ROMAN, IndicatorRow, OrgSection, ReportModel, period_labels
from . import charts as chart_mod
from giaoban.core.numbers import parse_vn_number
from giaoban.textfigures.normalize import canonical, lower_first

from .summarize import Group, _without_unit, group_remarks, sentences, summarize, summary_item
from .vnformat import format_date_line, format_number, format_pct, format_value, table_unit, table_value

DEFAULT_PHRASING = Path(__file__).with_name("templates") / "phrasing.json"
PHRASING_ENV = "GIAOBAN_REPORT_PHRASING"


class PhrasingError(ValueError):
    pass


def _deep_merge(base: dict, override: dict) -> dict:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def load_phrasing(path: str | os.PathLike | None = None) -> dict:
    """The default phrasing, overridden by `path` (or $GIAOBAN_REPORT_PHRASING) when given."""
    with open(DEFAULT_PHRASING, encoding="utf-8") as fh:
        data = json.load(fh)
    path = path or os.environ.get(PHRASING_ENV)
    if path:
        try:
            with open(path, encoding="utf-8") as fh:
                override = json.load(fh)
        except OSError as exc:
            raise PhrasingError(f"Không đọc được tệp câu chữ báo cáo '{path}': {exc.strerror}") from exc
        except json.JSONDecodeError as exc:
            raise PhrasingError(
                f"Tệp câu chữ báo cáo '{path}' không phải JSON hợp lệ: dòng {exc.lineno}, cột {exc.colno}: {exc.msg}"
            ) from exc
        data = _deep_merge(data, override)
    return data


def nfc_lower(text: str) -> str:
    """NFC, lower case, one tone placement ('hoà' -> 'hòa', 'uỷ' -> 'ủy'; 'hoàn', 'quý', 'quà'
    unchanged): the text core's matching key (its own rule here wrote 'qúy' and 'qùa')."""
    return canonical(text)


def cap_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


class Chooser:
    """Deterministic variety: the same key starts at the same option, repeated use rotates."""

    def __init__(self) -> None:
        self.uses: dict[str, int] = {}
        self.last: dict[str, str] = {}

    def pick(self, slot: str, options: list[str], key: str = "", avoid: set[str] | None = None) -> str:
        if not options:
            return ""
        n = len(options)
        start = zlib.crc32(f"{key}|{slot}".encode()) + self.uses.get(slot, 0)
        choice = options[start % n]
        for step in range(n):
            cand = options[(start + step) % n]
            if cand != self.last.get(slot) and not (avoid and _verb_of(cand) in avoid):
                choice = cand
                break
        self.uses[slot] = self.uses.get(slot, 0) + 1
        self.last[slot] = choice
        return choice


def _verb_of(form: str) -> str:
    return _main_verb(form.split("{", 1)[0].strip())


def _main_verb(verb: str) -> str:
    """'tổ chức được' -> 'tổ chức': two clauses starting 'tổ chức…' repeat even with 'được'."""
    return " ".join(verb.replace(",", "").split()[:2])


# ---------------------------------------------------------------- clauses from indicator rows


def subject_forms(phrasing: dict, section: OrgSection) -> dict:
    forms = phrasing.get("org_subjects", {}).get(section.org_code)
    if forms:
        return forms
    name = section.org_name or section.org_code
    return {"full": f"{name} các cấp", "short": [f"{name} các cấp"], "name": name, "news": f"{name} các cấp"}


_PARENS = re.compile(r"\s*\([^)]*\)")


def noun_phrase(row: IndicatorRow, phrasing: dict) -> tuple[str, str, bool]:
    """(name as it reads inside a sentence, the name minus its leading unit noun, starts with unit)."""
    # '(vốn)', '(*)': a table's gloss, not part of the name a sentence uses
    name = " ".join(_PARENS.sub("", unicodedata.normalize("NFC", row.name.strip())).split())
    for prefix in phrasing.get("strip_prefixes", []):
        if name.startswith(prefix):
            name = name[len(prefix):]
            break
    if not any(name.startswith(p) for p in phrasing.get("keep_case_prefixes", [])):
        first = name.split(" ", 1)[0]
        if not (len(first) > 1 and first.isupper()):
            name = name[:1].lower() + name[1:]
    unit = row.unit.strip()
    lname, lunit = nfc_lower(name), nfc_lower(unit)
    starts, rest = False, name
    if unit and lname.startswith(lunit + ","):
        rest = name[len(unit):]  # 'ý kiến, kiến nghị': the unit is part of a list; keep it whole
        return name, rest, True
    # Compare word by word, commas aside: unit 'tin bài' and name 'Tin, bài đăng tải' match;
    # unit 'ngôi nhà' and name 'Nhà Đại đoàn kết' share the head noun 'nhà'.
    name_words = name.split()
    plain = [nfc_lower(w).strip(",") for w in name_words]
    unit_words = [nfc_lower(w).strip(",") for w in unit.split()]
    for head in (unit_words, unit_words[-1:] if len(unit_words) > 1 else None):
        if head and plain[:len(head)] == head:
            starts, rest = True, " ".join(name_words[len(head):])
            break
    return name, rest, starts


def _rule_matches(rule: dict, row: IndicatorRow, lname: str, starts_with_unit: bool, rest: str = "") -> bool:
    if "name_has" in rule and not any(nfc_lower(k) in lname for k in rule["name_has"]):
        return False
    if "unit_in" in rule:
        unit = nfc_lower(row.unit.strip())
        units = {nfc_lower(u) for u in rule["unit_in"]}
        if row.value_type == "money":
            units_hit = bool(units & {"đồng", "triệu đồng", "tỷ đồng"})
        else:
            units_hit = unit in units
        if not units_hit:
            return False
    if "value_type" in rule and rule["value_type"] != row.value_type:
        return False
    if "stock" in rule and bool(rule["stock"]) != row.stock:
        return False
    if rule.get("starts_with_unit") and not starts_with_unit:
        return False
    if "rest_max_words" in rule:
        if not starts_with_unit or len(rest.split()) > rule["rest_max_words"]:
            return False
    return True


def quantity(row: IndicatorRow, phrasing: dict, value=None, with_unit: bool = True) -> str:
    value = row.value if value is None else value
    qual = phrasing.get("qualifiers", {}).get(row.qualifier, "")
    return qual + format_value(value, row.value_type, row.unit, with_unit)


@dataclass
class Clause:
    verb: str
    text: str  # without the verb when the verb repeats the previous clause's
    attach: bool = False  # a participation figure hangs on the clause before it ('…, thu hút …')
    simple: bool = True  # 'verb {q} …': the next clause may share the verb ('tổ chức 5 hội nghị, 3 lớp')


def find_rule(row: IndicatorRow, phrasing: dict) -> dict:
    _name, rest, starts = noun_phrase(row, phrasing)
    lname = nfc_lower(row.name)
    return next(r for r in phrasing["indicator_rules"] if _rule_matches(r, row, lname, starts, rest))


def matches_rule(spec: dict, row: IndicatorRow, phrasing: dict) -> bool:
    """Whether a row fits a rule's conditions (name_has, unit_in, value_type, stock…): the same
    test find_rule applies, for a condition written elsewhere in the table ('output_of')."""
    _name, rest, starts = noun_phrase(row, phrasing)
    return _rule_matches(spec, row, nfc_lower(row.name), starts, rest)


def _drop_word(phrase: str, word: str) -> str:
    """'đoàn viên ưu tú giới thiệu cho Đảng' minus 'giới thiệu' -> 'đoàn viên ưu tú cho Đảng'."""
    if not word:
        return phrase
    low, lword = nfc_lower(phrase), nfc_lower(word)
    at = low.find(lword)
    if at < 0 or (at > 0 and low[at - 1] != " ") or (at + len(lword) < len(low) and low[at + len(lword)] != " "):
        return phrase
    return " ".join((phrase[:at] + phrase[at + len(word):]).split())


def _strip_tail(phrase: str, word: str) -> str:
    """'Quỹ "Vì người nghèo" được' (after 'vận động' went to the verb) -> 'Quỹ "Vì người nghèo"'."""
    return phrase[: -len(word) - 1].rstrip(" ,") if phrase.endswith(" " + word) else phrase.rstrip(" ,")


def _form_in_name(form: str, name: str) -> bool:
    """The form's words after its verb ('xây mới, sửa chữa' of 'hỗ trợ xây mới, sửa chữa {q}')
    are in the indicator's name."""
    words = form.split("{", 1)[0].split()
    tail = " ".join(words[2:])
    return len(words) > 3 and bool(tail) and tail in nfc_lower(name)


def indicator_clause(row: IndicatorRow, phrasing: dict, chooser: Chooser, key: str,
                     prev_verb: str | None, prev_simple: bool = True) -> Clause:
    name, rest, _starts = noun_phrase(row, phrasing)
    rule = find_rule(row, phrasing)
    forms = rule["forms"]
    # A form whose words the name already says ('hỗ trợ xây mới, sửa chữa …' for 'Nhà Đại đoàn
    # kết xây mới, sửa chữa') takes them out of the name; another ('phối hợp xây dựng 85 ngôi
    # nhà … xây mới, sửa chữa') would say the work twice.
    fitting = [f for f in forms if _form_in_name(f, row.name)]
    if fitting and len(fitting) < len(forms):
        forms = fitting
    form = chooser.pick("rule:" + forms[0], forms, key=key + row.code,
                        avoid={prev_verb} if prev_verb else None)
    verb = _verb_of(form)
    q = quantity(row, phrasing)
    if rest.startswith(","):  # 'ý kiến, kiến nghị': the unit noun is written by the name itself
        q = quantity(row, phrasing, with_unit=False)
        rest = rest.lstrip(", ")
        rest = f"{row.unit.strip()}, {rest}"
    kept_rest = rest
    # The verb the sentence supplies should not come back inside the name ('vận động Quỹ … vận động').
    phrase = form.split("{", 1)[0].strip()
    words = phrase.split()
    # Longest first, in a fixed order (a set's order changes between runs and so did the sentence).
    for part in sorted({phrase, " ".join(words[2:]), verb, " ".join(words[-2:])} - {""}, key=lambda w: (-len(w), w)):
        name, rest = _drop_word(name, part), _drop_word(rest, part)
    name, rest = _strip_tail(name, "được"), _strip_tail(rest, "được")
    if verb and f"được {nfc_lower(verb)}" in nfc_lower(f"{name} {rest}"):
        # The name says what was done to the figure, with more after it ('… được tổng hợp,
        # chuyển đến cơ quan có thẩm quyền'): the verb stays there, the clause says 'có'.
        form, verb, rest = "có {q} {rest}", "có", kept_rest
    simple = form.startswith(verb + " {q}")
    if prev_verb and prev_simple and verb and _main_verb(verb) == _main_verb(prev_verb) and simple:
        # Only after a clause of the same shape: 'tổ chức tư vấn pháp luật cho 95 lượt người; 18 cuộc
        # giám sát' drops a verb the reader never saw applied to a count.
        form = form[len(verb) + 1:]  # 'tổ chức 558 buổi…, 30 hội nghị…' instead of repeating the verb
    text = form.format(q=q, rest=rest, name=name, unit=row.unit, v=format_value(row.value, row.value_type, row.unit, False))
    return Clause(verb=verb, text=" ".join(text.split()), attach=bool(rule.get("attach")), simple=simple)


# Below this many (both this period and the one compared) a change is told as a difference,
# not a percentage: with 3 hội nghị against 2 a single meeting is '+50 %', which says nothing of
# the work and reads as a boast. 20 keeps a one-unit change under 5 %, the smallest change the
# reports comment on.
SMALL_COUNT = 20


def small_target(row: IndicatorRow) -> bool:
    """A yearly target of a few units (1 of 2 conciliations, 3 of 4 houses): said in counts, not in
    percentages ('mới đạt 1/2 vụ', not '50%')."""
    return row.value_type == "integer" and row.target is not None and float(row.target) < SMALL_COUNT


def comparison_tail(row: IndicatorRow, phrasing: dict, chooser: Chooser, key: str, first: bool, prev_year) -> str:
    """'tăng 12,3% so với cùng kỳ năm 2022'; for a rate in percentage points, for a small count
    as a difference; nothing when the two figures do not cover the same units."""
    comp = phrasing["comparison"]
    prev_year = prev_year or "trước"
    note = ""  # figures rebuilt across the 2025 merger: said once in the introduction, '(*)' in the table
    if row.value_type == "percent":
        pts = row.change_points
        if pts is None:
            return ""
        if abs(pts) < 0.05:
            return chooser.pick("cmp:flat", comp["flat"], key=key).format(prev_year=prev_year) + note
        kind = "up_points" if pts > 0 else "down_points"
        return chooser.pick("cmp:" + kind, comp[kind], key=key).format(pts=format_number(abs(pts), 1), prev_year=prev_year) + note
    diff = row.change_abs
    if diff is None or not row.same_period_last_year:
        return ""
    if row.value_type == "integer" and max(abs(float(row.value or 0)), abs(float(row.same_period_last_year))) < SMALL_COUNT:
        diff = round(float(diff))  # against an average or a rebuilt 5,66: 'tăng 0 bản' says nothing
        if diff == 0:
            return chooser.pick("cmp:flat", comp["flat"], key=key).format(prev_year=prev_year) + note
        kind = "up_abs" if diff > 0 else "down_abs"
        amount = format_value(abs(diff), row.value_type, row.unit)
        return chooser.pick("cmp:" + kind, comp[kind], key=key).format(diff=amount, prev_year=prev_year) + note
    change = row.change_pct
    if change is None:
        return ""
    if abs(change) < 0.05:
        kind = "flat"
    else:
        kind = ("up" if change > 0 else "down") + ("_first" if first else "")
    options = comp.get(kind) or comp.get(kind.replace("_first", ""), [])
    form = chooser.pick("cmp:" + kind, options, key=key)
    return form.format(pct=format_pct(abs(change)), prev_year=prev_year) + note


def target_tail(row: IndicatorRow, phrasing: dict, chooser: Chooser, key: str, clause: str = "") -> str:
    pct = row.pct_achieved
    if pct is None:
        return ""
    words = set(clause.split())

    def fresh(options: list[str]) -> list[str]:
        # 'quản lý dư nợ đạt …, đạt 95% …' reads badly: skip remarks starting with a word just used.
        kept = [o for o in options if o.split(" ", 1)[0] not in words]
        return kept or options

    ytd = row.year_to_date if row.year_to_date is not None else row.value
    if not row.stock and small_target(row):
        options = phrasing.get("target_tail_count") or ["lũy kế từ đầu năm đạt {ytd}/{target} theo kế hoạch năm"]
        form = chooser.pick("target_count", fresh(options), key=key)
        return form.format(ytd=format_value(ytd, row.value_type, row.unit, False),
                           target=format_value(row.target, row.value_type, row.unit))
    if (row.stock or ytd == row.value) and phrasing.get("target_tail_stock"):
        # A balance (dư nợ, tỷ lệ) or the year's first period: nothing accumulated to mention.
        return chooser.pick("target_stock", fresh(phrasing["target_tail_stock"]), key=key).format(pct=format_pct(pct))
    form = chooser.pick("target", fresh(phrasing["target_tail"]), key=key)
    return form.format(pct=format_pct(pct), ytd=quantity(row, phrasing, ytd))


def expected_pace(period_code: str) -> float | None:
    """Share of the year's target due by the end of the period (Q3 -> 75%)."""
    labels = period_labels(period_code)
    if not labels:
        return None
    code = period_code
    if "-Q" in code:
        return int(code[-1]) * 25.0
    if code.endswith("-H1"):
        return 50.0
    if code.endswith("-H2") or len(code) == 4:
        return 100.0
    if code.endswith("-9M"):
        return 75.0
    return int(code[-2:]) / 12 * 100


def org_paragraphs(model: ReportModel, section: OrgSection, phrasing: dict, chooser: Chooser) -> list[str]:
    """The paragraph(s) about one organization's figures."""
    subj = subject_forms(phrasing, section)
    rows = prose_rows(model, section, phrasing)
    # 'Hội Nông dân các cấp tỷ lệ …' has no verb: the paragraph opens on a figure that takes one.
    lead = next((i for i, r in enumerate(rows) if not find_rule(r, phrasing).get("subjectless")
                 and not find_rule(r, phrasing).get("attach")), 0)
    if lead:
        rows = [rows[lead]] + rows[:lead] + rows[lead + 1:]
    ctx = _context(model)
    if not rows:
        return [phrasing["no_data"].format(subject_lc=_lc_subject(subj["full"]), **ctx)]
    per = max(1, int(phrasing.get("clauses_per_sentence", 3)))
    # Sentences of `per` clauses; a participation figure never starts a sentence.
    chunks: list[list[IndicatorRow]] = []
    for row in rows:
        attach = bool(find_rule(row, phrasing).get("attach"))
        if chunks and (len(chunks[-1]) < per or attach):
            chunks[-1].append(row)
        else:
            chunks.append([row])
    sentences: list[str] = []
    compared_once = False
    # A long paragraph is split every `sentences_per_paragraph` sentences, and within one
    # paragraph a connector ('Ngoài ra', 'Đồng thời'…) is never used twice.
    per_paragraph = max(1, int(phrasing.get("sentences_per_paragraph", 4)))
    paragraphs: list[str] = []
    used_connectors: set[str] = set()
    for s_index, chunk in enumerate(chunks):
        key = f"{section.org_code}:{s_index}"
        # A sentence that opens on a level ('Tỷ lệ … ở mức 82,9%') has no subject for the work after
        # it ('…, giới thiệu được 126 hội viên'): a figure that takes the organization opens it.
        if s_index and find_rule(chunk[0], phrasing).get("subjectless"):
            doer = next((i for i, r in enumerate(chunk) if not find_rule(r, phrasing).get("subjectless")
                         and not find_rule(r, phrasing).get("attach")), None)
            if doer:
                end = doer + 1
                while end < len(chunk) and find_rule(chunk[end], phrasing).get("attach"):
                    end += 1  # the participation hanging on it comes along
                chunk = chunk[doer:end] + chunk[:doer] + chunk[end:]
        if s_index and s_index % per_paragraph == 0 and len(chunks) - s_index >= 2:
            paragraphs.append(" ".join(sentences))
            sentences, used_connectors = [], set()
        # 'Các cấp Hội Phụ nữ tỷ lệ cơ sở…' has no verb for its subject: a clause that starts
        # with the indicator's name takes an opener without the subject.
        subjectless = bool(find_rule(chunk[0], phrasing).get("subjectless"))
        if s_index == 0:
            firsts = [o for o in phrasing["first_openers"] if "{subject" not in o] if subjectless else []
            opener = chooser.pick("first_opener", firsts or phrasing["first_openers"], key=key)
            subject = subj["full"]
        elif subjectless:
            # 'Nợ quá hạn còn …', 'Tỷ lệ … đạt …': a level opens its own sentence; 'Ngoài ra, nợ quá
            # hạn …' would add the overdue debt to the achievements
            opener, subject = "", ""
        else:
            fresh = [o for o in phrasing["next_openers"] if o not in used_connectors
                     and not (subjectless and "{subject" in o)]
            opener = chooser.pick("next_opener", fresh or (["Bên cạnh đó,"] if subjectless else ["{subject}"]), key=key)
            if not opener.startswith("{subject}"):
                used_connectors.add(opener)
            subject = chooser.pick("subject:" + section.org_code, subj["short"], key=key)
        head = opener.format(subject=subject, subject_lc=_lc_subject(subject), **ctx)
        clauses: list[tuple[Clause, str]] = []
        prev_verb, prev_simple = None, True
        comparisons = targets = 0
        for i, row in enumerate(chunk):
            clause = indicator_clause(row, phrasing, chooser, key, prev_verb, prev_simple)
            prev_verb, prev_simple = clause.verb, clause.simple
            next_attached = i + 1 < len(chunk) and bool(find_rule(chunk[i + 1], phrasing).get("attach"))
            # At most one comparison and one target remark per sentence, never between a figure
            # and the participation figure that hangs on it: enough to inform, not a table in words.
            tail = ""
            if not next_attached:
                if comparisons == 0:
                    tail = comparison_tail(row, phrasing, chooser, key, not compared_once, model.same_period_year)
                    if tail:
                        comparisons += 1
                        compared_once = True
                # part of the units (28/39 approved): their year to date is not the organization's,
                # and part II says the pace waits for the rest
                if not tail and targets == 0 and row.pct_achieved is not None and section.complete:
                    tail = target_tail(row, phrasing, chooser, key, clause.text)
                    targets += 1 if tail else 0
            clauses.append((clause, tail))
        sentences.append(cap_first(f"{head} {_join_clauses(clauses)}".strip()) + ".")
    paragraphs.append(" ".join(sentences))
    extra = _targets_sentences(model, section, rows, phrasing, chooser, subj)
    if extra:
        paragraphs.append(extra)
    return paragraphs


def prose_rows(model: ReportModel, section: OrgSection, phrasing: dict) -> list[IndicatorRow]:
    """The figures an organization's paragraph tells (its table holds them all): at most
    `prose_rows_per_org`, the standouts first: what the organization does alone or most of,
    then the largest changes; told in the table's order. A participation figure comes with the
    figure it hangs on."""
    # nothing done ('tổ chức 0 hội nghị') is no result: the table shows it, part II says it;
    # a level at zero ('nợ quá hạn 0 đồng') is a fact worth its sentence
    rows = [r for r in section.rows if r.value is not None and (r.stock or float(r.value) != 0)]
    limit = int(phrasing.get("prose_rows_per_org", 0) or 0)
    if not limit or len(rows) <= limit:
        return rows
    scores = {id(r): standout_score(model, section, r) for r in rows}
    chosen: set[int] = set()
    for r in sorted(rows, key=lambda r: -scores[id(r)]):
        if len(chosen) >= limit:
            break
        if not find_rule(r, phrasing).get("attach"):
            chosen.add(id(r))
    out = []
    for i, r in enumerate(rows):
        if id(r) in chosen or (find_rule(r, phrasing).get("attach") and i and id(rows[i - 1]) in chosen):
            out.append(r)
    return out


# Places reached (communes, residential areas, villages): the reach of a campaign, bounded by the
# number of places there are; '8 xã' is two districts' worth of work, not a small tally of events.
# (not 'bản' alone: it is also a copy, '6 bản thỏa ước')
PLACE_UNITS = frozenset({"xã", "phường", "xã, phường", "huyện", "khu dân cư", "thôn", "thôn, bản", "tổ dân phố"})


def is_place_count(row: IndicatorRow) -> bool:
    return row.value_type == "integer" and nfc_lower(row.unit.strip()) in PLACE_UNITS


def standout_score(model: ReportModel, section: OrgSection, row: IndicatorRow) -> float:
    """How much a figure stands out: the organization's share of what all organizations did
    (1 when it alone reports it), plus the size of its change against the same period (capped)."""
    total = 0.0
    others = 0
    for s in model.sections:
        for r in s.rows:
            if r.code == row.code and r.value is not None and r.value_type != "percent":
                total += float(r.value)
                others += 1
    value = float(row.value or 0)  # the rows scored have a value
    share = 1.0 if others <= 1 or not total else value / total
    change = row.change_pct
    moved = min(abs(change), 50.0) / 50.0 if change is not None and value >= SMALL_COUNT else 0.0
    small = 0.5 if row.value_type == "integer" and value < SMALL_COUNT and not is_place_count(row) else 0.0
    return share + moved - small - (0.3 if row.value_type == "percent" else 0.0)


def _join_clauses(clauses: list[tuple[Clause, str]]) -> str:
    # Clauses carrying their own comma-separated remark are set off by semicolons.
    strong = any(tail for _c, tail in clauses[:-1])
    out = ""
    for i, (clause, tail) in enumerate(clauses):
        text = clause.text + (", " + tail if tail else "")
        if i:
            out += ", " if (clause.attach or not strong) else "; "
        out += text
    return out


def _targets_sentences(model, section, rows, phrasing, chooser, subj) -> str:
    """The year's targets already reached; those behind go to the assessment (part II)."""
    done = [r for r in rows if r.pct_achieved is not None and r.pct_achieved >= 100]
    if not done or not section.complete:
        return ""
    items = ", ".join(
        phrasing["targets_done_item"].format(name=noun_phrase(r, phrasing)[0], pct=format_pct(r.pct_achieved))
        for r in done
    )
    form = chooser.pick("targets_done", phrasing["targets_done"], key=section.org_code)
    return form.format(n=len(done), items=items, subject_lc=_lc_subject(subj["full"]))


def period_quarter(period_code: str) -> int:
    """The last quarter a period reaches (Q3 and 9 months: 3; H1: 2; a year: 4)."""
    code = period_code or ""
    if "-Q" in code:
        return int(code[-1])
    if code.endswith("-H1"):
        return 2
    if code.endswith("-9M"):
        return 3
    if re.fullmatch(r"\d{4}-\d{2}", code):
        return (int(code[-2:]) - 1) // 3 + 1
    return 4


def before_season(row: IndicatorRow, period_code: str, phrasing: dict) -> bool:
    """An indicator whose work happens later in the year (Ngày hội Đại đoàn kết: around 18/11)
    is not judged against the year's target before its quarter."""
    name = nfc_lower(row.name)
    quarter = period_quarter(period_code)
    return any(quarter < rule.get("quarter", 1) and any(nfc_lower(k) in name for k in rule.get("name_has", []))
               for rule in phrasing.get("seasonal", []))


# A row is on pace from this share of what is due by now (Q3: 0.8 x 75% = 60% of the year).
ON_PACE_SHARE = 0.8


def _pace_words(period_code: str) -> dict:
    """The pace due by the period's end and the on-pace threshold, as the sentences say them
    ('cần đạt 75% kế hoạch năm'): '45%' alone reads as 45% of the year against 80% of it."""
    pace = expected_pace(period_code) or 100.0
    return {"pace": format_pct(pace, 0), "threshold": format_pct(pace * ON_PACE_SHARE, 0)}


def behind_rows(model: ReportModel, phrasing: dict) -> tuple[list, list]:
    """(section, row) pairs behind the year's pace, and those not judged yet (seasonal)."""
    pace = expected_pace(model.period_code)
    behind: list[tuple[OrgSection, IndicatorRow]] = []
    waiting: list[tuple[OrgSection, IndicatorRow]] = []
    for section in model.sections:
        if not section.complete:  # part of the units: their year to date says nothing of the pace
            continue
        for row in section.rows:
            pct = row.pct_achieved
            if pct is None or row.value is None or not pace:
                continue
            expected = 100.0 if row.stock else pace
            if pct >= expected * ON_PACE_SHARE:
                continue
            (waiting if before_season(row, model.period_code, phrasing) else behind).append((section, row))
    return behind, waiting


# Indicators named in the shortcomings (the count says how many more there are).
BEHIND_NAMED = 6


def _behind_groups(model: ReportModel, behind: list, phrasing: dict) -> list[tuple[str, list]]:
    """The indicators behind the year's pace, the furthest behind first (share of the pace due
    by now), each once with every organization behind on it: an office names the worst ones
    across the organizations, not the first ones in the table's order."""
    pace = expected_pace(model.period_code) or 100.0
    groups: dict[str, list] = {}
    for section, row in sorted(behind, key=lambda p: float(p[1].pct_achieved or 0) / (100.0 if p[1].stock else pace)):
        groups.setdefault(noun_phrase(row, phrasing)[0], []).append((section, row))
    return list(groups.items())


def localize(section: OrgSection, phrasing: dict) -> OrgSection:
    """The section's indicator names and units in the organization's own words ('đoàn viên'
    for the trade union and the Youth Union, 'hội viên' for the associations)."""
    words = phrasing.get("org_words", {}).get(section.org_code) or {}
    pairs = words.get("replace") or []
    # a catalogue's shorthand a reader of the table would not write ('Quỹ Hỗ trợ nông dân (vốn)')
    names = [tuple(p) for p in phrasing.get("name_words") or []]
    if not pairs and not names:
        return section
    rows = []
    for r in section.rows:
        name = org_words(r.name, pairs)
        for old, new in names:
            name = name.replace(old, new)
        rows.append(dataclasses.replace(r, name=name, unit=org_words(r.unit, pairs)))
    return dataclasses.replace(section, rows=rows)


@functools.lru_cache(maxsize=256)
def _word_re(word: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE)


def org_words(text: str, pairs) -> str:
    for old, new in pairs:
        def replace(m: re.Match[str], new: str = new) -> str:
            return cap_first(new) if m.group(0)[:1].isupper() else new

        text = _word_re(old).sub(replace, text)
    return text


def _lc_subject(subject: str) -> str:
    # 'Các cấp Hội Phụ nữ' -> 'các cấp Hội Phụ nữ'; proper names ('Hội LHPN các cấp') keep their capital.
    return subject[:1].lower() + subject[1:] if subject.startswith("Các ") else subject


def _context(model: ReportModel) -> dict:
    labels = period_labels(model.period_code) or {}
    year = labels.get("year", model.report_date.year)
    return {
        "period_label": model.period_label,
        "period_label_cap": cap_first(model.period_label),
        "period_short_label": model.period_short_label or model.period_label,
        "period_short_upper": (model.period_short_label or model.period_label).upper(),
        "next_period_label": model.next_period_label,
        "next_period_upper": (model.next_period_label or "").upper(),
        "area_name": model.area_name,
        "org_title": model.org_name or model.area_name,
        "year": year,
        "prev_year": model.same_period_year,
    }


# ---------------------------------------------------------------- the document outline


@dataclass
class Block:
    kind: str  # heading1, heading2, para, bullet, table, chart, caption, note
    text: str = ""
    data: Any = None
    extra: dict = field(default_factory=dict)


TABLE_HEADERS = ("TT", "Chỉ tiêu", "Đơn vị tính", "{period}", "Lũy kế năm", "Chỉ tiêu năm", "% đạt", "Cùng kỳ {prev_year}", "Tăng, giảm (%)")
# Money rows reach billions of đồng: above this a row is written in tỷ đồng so that its figures
# fit their columns on one line ('1.142,0' instead of '1.142.000,0').
TABLE_TY_FROM = 10_000_000_000


def table_header(model: ReportModel) -> list[str]:
    period = cap_first(model.period_short_label or model.period_label)
    return [h.format(period=period, prev_year=model.same_period_year or "") for h in TABLE_HEADERS]


def _money_scale(row: IndicatorRow) -> tuple[str, float]:
    values = [abs(float(v)) for v in (row.value, row.year_to_date, row.target, row.same_period_last_year) if v is not None]
    if row.value_type == "money" and values and max(values) >= TABLE_TY_FROM:
        return "tỷ đồng", 1_000_000_000
    return "triệu đồng", 1_000_000


def table_rows(section: OrgSection) -> list[list[str]]:
    """The indicator table's cells, formatted the Vietnamese way. A rate's change is in
    percentage points ('+1,6 đ'), marked so in the cell; an incomplete comparison shows '–'."""
    out = []
    for i, row in enumerate(section.rows, start=1):
        name = row.name + (" (*)" if row.reconstructed else "")
        if row.value_type == "money":
            unit, scale = _money_scale(row)

            def cell(v, _s=scale):
                # as the text writes it ('4,25 tỷ đồng' below 10 tỷ): a table never says 4,3 beside it
                if v is None:
                    return "–"
                return format_number(float(v) / _s, 2 if _s == 1_000_000_000 and abs(float(v)) < 10 * _s else 1)
        else:
            unit = table_unit(row.unit, row.value_type)

            def cell(v, _t=row.value_type):
                return table_value(v, _t)
        if row.value_type == "percent":
            pts = row.change_points
            # 'điểm' (percentage points), never 'đ': a table reader takes 'đ' for đồng
            change = (("+" if pts > 0 else "") + format_number(pts, 1) + " điểm") if pts is not None else "–"
        else:
            pct = row.change_pct
            change = (("+" if pct > 0 else "") + format_number(pct, 1)) if pct is not None else "–"
        out.append([
            str(i), name, unit, cell(row.value), cell(row.year_to_date), cell(row.target),
            format_number(row.pct_achieved, 1) if row.pct_achieved is not None else "–",
            cell(row.same_period_last_year), change,
        ])
    return out


def summary_line(model: ReportModel, phrasing: dict) -> str:
    if model.summary_line:
        return model.summary_line
    key = "summary_line_org" if model.org_code else "summary_line"
    return phrasing["blocks"][key].format(**_context(model))


def _org_label(phrasing: dict, section: OrgSection) -> str:
    subj = subject_forms(phrasing, section)
    return subj.get("name") or section.org_name


def _org_short(phrasing: dict, code: str, fallback: str = "") -> str:
    return (phrasing.get("org_subjects", {}).get(code) or {}).get("sheet") or fallback or code


MEMBER_PAIRS = ("hội viên, đoàn viên", "đoàn viên, hội viên")


def field_totals(model: ReportModel, phrasing: dict) -> list[tuple[str, list[tuple[IndicatorRow, list]]]]:
    """Per field of work, the indicators two or more organizations report, added up where they
    add up (counts and balances in the same unit; rates never): [(field, [(total row, [(org, row)])])]."""
    by_code: dict[str, list] = {}
    for section in model.sections:
        for row in section.rows:
            if row.value is not None and row.value_type != "percent":
                by_code.setdefault(row.code, []).append((section, row))
    out: dict[str, list] = {}
    for code, pairs in by_code.items():
        if len(pairs) < 2 or len({r.unit for _s, r in pairs}) > 1 or len({r.stock for _s, r in pairs}) > 1:
            continue
        first = pairs[0][1]
        comparable = all(r.comparable and r.same_period_last_year is not None for _s, r in pairs)
        local_rows = {id(r): localize(OrgSection(s.org_code, s.org_name, [r]), phrasing).rows[0] for s, r in pairs}
        local_units = list(dict.fromkeys(lr.unit for lr in local_rows.values()))
        total_name = org_words(first.name, phrasing.get("total_words") or [])
        unit = first.unit
        if len(local_units) > 1 and set(local_units) <= {"hội viên", "đoàn viên"}:
            # members of several organizations: 'hội viên, đoàn viên' as the name says it
            low = nfc_lower(total_name)
            unit = next((p for p in MEMBER_PAIRS if low.startswith(p) or f" {p}" in low), MEMBER_PAIRS[0])
        total = dataclasses.replace(
            first, value=sum(r.value for _s, r in pairs),
            same_period_last_year=sum(r.same_period_last_year for _s, r in pairs) if comparable else None,
            year_to_date=None, target=None, comparable=comparable,
            reconstructed=any(r.reconstructed for _s, r in pairs),
            qualifier="exact" if all(r.qualifier == "exact" for _s, r in pairs) else "approx",
            unit=unit,
            name=total_name,
        )
        out.setdefault(first.field or "", []).append((total, [(s, local_rows[id(r)]) for s, r in pairs]))
    return [(f, items) for f, items in out.items()]


def overall_paragraphs(model: ReportModel, phrasing: dict, chooser: Chooser) -> list[str]:
    """'Về tuyên truyền, giáo dục, Mặt trận và các tổ chức … tổ chức 1.918 buổi …' per field."""
    words = phrasing["blocks"]
    out = []
    for index, (fld, items) in enumerate(field_totals(model, phrasing)):
        clauses = []
        prev_verb, prev_simple = None, True
        for i, (total, pairs) in enumerate(items):
            key = f"overall:{fld}:{i}"
            clause = indicator_clause(total, phrasing, chooser, key, prev_verb, prev_simple)
            prev_verb, prev_simple = clause.verb, clause.simple
            text = clause.text
            # The organization that did most of it, when it did a good part of it.
            top_section, top_row = max(pairs, key=lambda p: float(p[1].value))
            if total.value and float(top_row.value) / float(total.value) >= 0.3 and not clause.attach:
                text += f" (riêng {_org_short(phrasing, top_section.org_code, top_section.org_name)} {quantity(top_row, phrasing)})"
            tail = comparison_tail(total, phrasing, chooser, key, index == 0 and i == 0, model.same_period_year)
            clauses.append((Clause(clause.verb, text, clause.attach, clause.simple), tail))
        lead = words["field_lead"].format(field_lc=_field_lc(_PARENS.sub("", fld))) if fld else ""
        subject = words["overall_subject"]
        out.append(cap_first(f"{lead} {subject} {_join_clauses(clauses)}".strip()) + ".")
    return out


def _restates_figures(text: str, model: ReportModel) -> bool:
    """A remark whose every figure is one of the report's own ('giúp 31 hộ hội viên thoát nghèo'
    in a ward whose Farmers' Union helped 31): part I and the tables already say it."""
    numbers = [int(parse_vn_number(n)) for n in re.findall(r"\b\d{1,3}(?:\.\d{3})*\b", text)]
    values = {int(float(r.value)) for s in model.sections for r in s.rows if r.value is not None}
    return bool(numbers) and all(n in values for n in numbers)


_UNIT_SUBJECT = re.compile(r"^((?:trong |quý )[^,]{3,40}, )?đơn vị (?:đã )?", re.IGNORECASE)


def _highlight_item(group: Group, total: int) -> str:
    """A unit's own work with the unit as its subject: 'Hội Nông dân huyện Nậm Nhùn xây dựng mô
    hình …', not 'Hội Nông dân huyện Nậm Nhùn nêu: đơn vị xây dựng …' (the union speaking of
    some other unit)."""
    m = _UNIT_SUBJECT.match(group.text)
    if m and group.count <= 2:
        lead = cap_first(m.group(1)) if m.group(1) else ""
        return f"{lead}{' và '.join(group.units)} {group.text[m.end():]}"
    if group.count <= 2 and any(group.text.startswith(u) for u in group.units):
        return group.text
    return summary_item(group, total)


def _field_lc(text: str) -> str:
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return text
    return text[:1].lower() + text[1:]


def _narrative_items(model: ReportModel, section_code: str) -> list[tuple[str, str, str]]:
    return [(n.unit_name, n.org_code, n.text) for n in model.narratives if n.section == section_code and n.text.strip()]


_CAUSE_WORDS = ("do ", "nguyên nhân", "địa bàn", "giao thông", "đi lại", "thời tiết", "mưa lũ", "thiên tai",
                "kiêm nhiệm", "kinh phí", "di cư", "đi làm ăn xa", "lao động tự do")


def _is_cause(text: str) -> bool:
    low = nfc_lower(text)
    return any(w in low for w in _CAUSE_WORDS)


def one_level_words(model: ReportModel, phrasing: dict) -> dict:
    """A commune has one level: 'Hội LHPN phường Đoàn Kết', not 'Hội LHPN các cấp'."""
    if model.level != "commune":
        return phrasing
    subjects = {}
    kind = model.area_name.split(" ", 1)[0]  # 'phường', 'xã'
    for code, forms in phrasing.get("org_subjects", {}).items():
        own = f"{forms.get('sheet') or forms.get('name')} {model.area_name}"
        # after the first sentence, 'Mặt trận phường' as the office says it: the full name three
        # times in a paragraph ('MTTQ phường Đoàn Kết … MTTQ phường Đoàn Kết …') reads as a form
        short = [f"{forms['one_level']} {kind}"] if forms.get("one_level") else [own]
        subjects[code] = {**forms, "full": own, "short": short, "news": own}
    blocks = {**phrasing["blocks"], "overall_subject": f"Mặt trận và các tổ chức chính trị - xã hội {model.area_name}"}
    return {**phrasing, "org_subjects": subjects, "blocks": blocks}


def _org_summary(model: ReportModel, items: list[tuple[str, str, str]], phrasing: dict, limit: int,
                 across: bool = False) -> list[str]:
    """The units' remarks grouped and counted. In a report of several organizations each group
    stays within one organization (its words: 'chi đoàn', 'chi hội') and says whose units made it,
    counted over that organization's units; `across` first merges what several organizations'
    units said alike (a cause, a proposal) and counts it over all units."""
    if not items:
        return []
    orgs = list(dict.fromkeys(org for _u, org, _t in items))
    total = model.total_units or len({n.unit_name for n in model.narratives})
    if len(orgs) <= 1 or model.org_code:
        return summarize(items, total, max_items=limit, rest_note=model.appendix)
    units_of: dict[str, set[str]] = {}
    for n in model.narratives:
        units_of.setdefault(n.org_code, set()).add(n.unit_name)
    scored = []
    if across:
        # Several organizations' units said it in the same words ('kinh phí hoạt động còn hạn
        # hẹp'): one item over all units. A rewording carries its organization's words ('cán bộ
        # chi hội phụ nữ …', 'cán bộ chi đoàn …'): merged, the Farmers' Union would be said to
        # have a problem with Women's Union branches; those stay with their organization.
        shared: set[tuple[str, str]] = set()
        for g in group_remarks(items):
            if len(g.orgs) < 2:
                continue
            same = [m for m in g.members if nfc_lower(_without_unit(m)) == nfc_lower(g.text)]
            if len({m.org_code for m in same}) < 2:
                continue
            merged = Group(text=g.text, members=same, units=list(dict.fromkeys(m.unit for m in same)),
                           orgs=list(dict.fromkeys(m.org_code for m in same)))
            scored.append((merged.count, summary_item(merged, total)))
            shared |= {(m.unit, m.text) for m in same}
        items = [i for i in items if not all((i[0], t) in shared for t in sentences(i[2]))]
    for org in orgs:
        label = _org_short(phrasing, org)
        for g in group_remarks([i for i in items if i[1] == org]):
            scored.append((g.count, summary_item(g, len(units_of.get(org, ())) or total, label)))
    scored.sort(key=lambda x: -x[0])
    return [text for _n, text in scored[:limit]]


# The units' own next-period tasks kept in section III: what several organizations' units set
# first, then each organization's most shared; the rest is the units' (appendix).
NEXT_TASKS_FROM_UNITS = 8


def units_next_tasks(model: ReportModel, phrasing: dict, limit: int = NEXT_TASKS_FROM_UNITS,
                     with_subject: bool = True) -> list[str]:
    """The units' next-period tasks (phương hướng) grouped like their remarks: similar tasks merged
    into one, the most often set first; a task of one organization's units is given to that
    organization in its own words ('Hội LHPN các cấp tiếp tục vận động hội viên …'), a task of
    several organizations' units stands as the Front's (`with_subject` False: the bare tasks, for
    a sentence that has its subject)."""
    items = _narrative_items(model, "phuong_huong")
    if not items:
        return []
    groups = group_remarks(items)
    single = bool(model.org_code) or len({org for _u, org, _t in items}) <= 1
    shared = [g for g in groups if len(g.orgs) > 1 or single]
    own = [g for g in groups if g not in shared]
    # every organization's most shared task before any organization's second one
    by_org: dict[str, list] = {s.org_code: [] for s in model.sections}  # in the report's order
    for g in own:
        by_org.setdefault(g.orgs[0], []).append(g)
    rounds: list = []
    for depth in range(max((len(v) for v in by_org.values()), default=0)):
        rounds.extend(v[depth] for v in by_org.values() if len(v) > depth)
    out = []
    for g in (shared + rounds)[:limit]:
        text = g.text.rstrip(".")
        if with_subject and g not in shared:
            subject = subject_forms(phrasing, OrgSection(g.orgs[0], g.orgs[0]))["full"]
            text = f"{subject} {lower_first(text)}"
        out.append(text)
    return out


def compose(model: ReportModel, phrasing: dict | None = None, charts: bool = True) -> list[Block]:
    """The report body as a list of blocks; docx.py and the HTML preview both render this.

    I. results (by field of work with the totals across organizations, then each organization;
    the year's targets; the units' notable work; the last meeting's tasks), II. assessment
    (strengths, shortcomings counted over the units, causes), III. the next period's tasks (the
    meeting's conclusions, what is behind target, the year's plan), IV. proposals (when any);
    the units' own texts only in an appendix when asked for."""
    phrasing = one_level_words(model, phrasing or load_phrasing())
    words = phrasing["blocks"]
    ctx = _context(model)
    chooser = Chooser()
    sections = [localize(s, phrasing) for s in model.sections]
    local = dataclasses.replace(model, sections=sections)
    total_units = model.total_units or len({n.unit_name for n in model.narratives})
    single = bool(model.org_code) and len(sections) == 1

    reported, expected = model.reported_units, model.expected_units
    completeness = ""
    if expected:
        if (reported or 0) < expected:  # units not counted: none reported
            missing = ", ".join(_org_short(phrasing, s.org_code, s.org_name) for s in sections if not s.complete)
            # one organization's report: naming it as 'the organizations still missing' says nothing
            # … nor when every organization is missing some: the list would be all of them
            everyone = all(not sec.complete for sec in sections)
            key = "completeness_partial_org" if (single or everyone) and "completeness_partial_org" in words else "completeness_partial"
            completeness = words[key].format(reported=reported or 0, expected=expected, missing=missing)
        else:
            completeness = words["completeness_full"].format(n=expected)
    if any(r.reconstructed for s in sections for r in s.rows):
        completeness += words["reconstructed_intro"].format(**ctx)
    intro = words["intro_org" if model.org_code else "intro"].format(completeness=completeness, **ctx)
    out: list[Block] = [Block("para", intro)]
    part = 0

    def heading1(text: str) -> None:
        nonlocal part
        part += 1
        out.append(Block("heading1", f"{ROMAN[part - 1]}. {text}"))

    heading1(words["heading_results"].format(**ctx))
    sub = 0
    table_no = chart_no = 0
    if not single:
        overall = overall_paragraphs(model, phrasing, chooser)
        if overall:
            sub += 1
            out.append(Block("heading2", f"{sub}. {words['heading_overall']}"))
            out.extend(Block("para", text) for text in overall)
    for section in sections:
        label = _org_label(phrasing, section)
        if single:
            # One organization's report: its results by field of work, then its table.
            fields: dict[str, list] = {}
            for row in section.rows:
                fields.setdefault(row.field or label, []).append(row)
            for fld, rows in fields.items():
                sub += 1
                out.append(Block("heading2", f"{sub}. {cap_first(fld)}"))
                part_section = dataclasses.replace(section, rows=rows)
                out.extend(Block("para", t) for t in org_paragraphs(local, part_section, phrasing, chooser))
        else:
            sub += 1
            out.append(Block("heading2", f"{sub}. {label}"))
            out.extend(Block("para", t) for t in org_paragraphs(local, section, phrasing, chooser))
        if section.rows:
            table_no += 1
            out.append(Block("caption", words["table_caption"].format(n=table_no, org_name=label, **ctx)))
            out.append(Block("table", data=section, extra={"header": table_header(model), "rows": table_rows(section)}))
            if any(r.reconstructed for r in section.rows):
                out.append(Block("note", words["reconstructed_note"]))
        if charts:
            trends = [t for t in model.trends if t.org_code == section.org_code]
            if trends:
                chart_no += 1
                out.append(Block("chart", data=trends[:4], extra={"kind": "trend", "key": f"trend-{section.org_code}"}))
                out.append(Block("caption", words["chart_trend_caption"].format(n=chart_no, org_name=label, **ctx)))
            # (the year's progress is the table's '% đạt' column: no second chart per organization,
            # the report stays within a dozen pages)

    highlights = _narrative_items(model, "ket_qua")
    # What a unit or two did on its own (a model to spread) is worth naming; what every unit
    # wrote about its figures is already in the figures above.
    notable = tuple(nfc_lower(w) for w in phrasing.get("notable_markers", ["mô hình"]))
    # (in a report of a dozen units or fewer, each unit's own remark is worth its line, unless
    # it only restates its figures: part I and the tables already give them)
    small = total_units <= 12
    distinctive = [g for g in group_remarks(highlights, threshold=0.8)
                   if g.count <= 2 and ((small and not _restates_figures(g.text, model))
                                        or any(w in nfc_lower(g.text) for w in notable))][:5] if highlights else []
    if distinctive:
        items = [_highlight_item(g, total_units) for g in distinctive]
        sub += 1
        out.append(Block("heading2", f"{sub}. {words['heading_unit_highlights']}"))
        out.extend(Block("bullet", _sentence(t)) for t in items)

    if model.previous_tasks:
        sub += 1
        out.append(Block("heading2", f"{sub}. " + cap_first(words["heading_previous_tasks"].lower()).format(**ctx)))
        done = sum(1 for t in model.previous_tasks if "hoàn thành" in nfc_lower(t.status_label) and "chưa" not in nfc_lower(t.status_label))
        doing = sum(1 for t in model.previous_tasks if "đang" in nfc_lower(t.status_label))
        todo = len(model.previous_tasks) - done - doing
        out.append(Block("para", words["previous_tasks_summary"].format(n=len(model.previous_tasks), done=done, doing=doing, todo=todo)))
        for task in model.previous_tasks:
            who = f" ({', '.join(task.orgs)})" if task.orgs else ""
            status = f": {task.status_label}" if task.status_label else ""
            note = f"; {task.note}" if task.note else ""
            out.append(Block("bullet", f"{_sentence(task.text).rstrip('.')}{who}{status}{note}.", extra={"status": task.status_label}))

    # II. Assessment
    heading1(words["heading_assessment"])
    behind, waiting = behind_rows(local, phrasing)
    with_target = [(s, r) for s in sections if s.complete for r in s.rows if r.pct_achieved is not None
                   and r.value is not None and not before_season(r, model.period_code, phrasing)]
    done_rows = [(s, r) for s, r in with_target if (r.pct_achieved or 0) >= 100]
    out.append(Block("heading2", f"1. {words['heading_strengths']}"))
    member_words = list(dict.fromkeys((phrasing.get("org_words", {}).get(s.org_code) or {}).get("member") or "" for s in sections))
    member_words = [w for w in member_words if w and w != "thành viên"]
    members = member_words[0] if len(member_words) == 1 else "đoàn viên, hội viên"
    strengths = words["strengths_org" if model.org_code else "strengths"].format(members=members, **ctx)
    if with_target:
        done_part = words["strengths_done_part"].format(done=len(done_rows)) if done_rows else ""
        strengths += " " + words["strengths_targets"].format(on_pace=len(with_target) - len(behind), n_targets=len(with_target),
                                                             done_part=done_part, **_pace_words(model.period_code), **ctx)
    out.append(Block("para", strengths))
    if any(not s.complete for s in sections):
        if len(sections) > 1 and all(not s.complete for s in sections) and "pace_incomplete_all" in words:
            out.append(Block("para", words["pace_incomplete_all"]))  # naming all six says nothing
        else:
            out.append(Block("para", words["pace_incomplete"].format(
                orgs=", ".join(_org_short(phrasing, s.org_code, s.org_name) for s in sections if not s.complete))))
    # A remark and its cause are often one sentence ('… chưa đều do địa bàn rộng'): the part
    # before 'do' is a shortcoming, the part after it a cause.
    shortcoming_items: list[tuple[str, str, str]] = []
    cause_items: list[tuple[str, str, str]] = []
    for unit, org, text in _narrative_items(model, "han_che"):
        for sentence in sentences(text):
            head, sep, tail = sentence.partition(" do ")
            (cause_items if _is_cause(head) else shortcoming_items).append((unit, org, head if sep else sentence))
            if sep:
                cause_items.append((unit, org, cap_first(tail)))
    out.append(Block("heading2", f"2. {words['heading_limitations']}"))
    behind_groups = _behind_groups(model, behind, phrasing)
    if behind:
        # A stock (members, a balance) is judged against the whole year's target, not the pace
        # due by now: in the sentence of the pace ('cần đạt 25%') its 'mới đạt 50%' would read as ahead.
        named = behind_groups[:BEHIND_NAMED]
        for stock, key in ((False, "behind_sentence"), (True, "behind_sentence_stock")):
            groups = [(name, pairs) for name, pairs in named if pairs[0][1].stock == stock]
            if not groups:
                continue
            items = []
            for name, pairs in groups:
                # 'mới đạt 0%' ('has only reached nothing'): nothing done is said as such
                def counted(r) -> bool:
                    return small_target(r) and r.year_to_date is not None

                def reached(r) -> str:
                    if r.pct_achieved and counted(r):
                        return f"{format_number(r.year_to_date)}/{format_number(r.target)} {r.unit}"
                    return format_pct(r.pct_achieved) if r.pct_achieved else words.get("behind_none", "chưa thực hiện")

                if len(pairs) == 1:
                    s, r = pairs[0]
                    form = words["behind_item"] if r.pct_achieved else words.get("behind_item_none", "{name} của {org} chưa thực hiện")
                    if r.pct_achieved and counted(r):
                        form = words.get("behind_item_count", "{name} của {org} mới đạt {pct} theo kế hoạch năm")
                    items.append(form.format(name=name, org=_org_short(phrasing, s.org_code, s.org_name), pct=reached(r)))
                else:
                    each = ", ".join(f"{_org_short(phrasing, s.org_code, s.org_name)} {reached(r)}" for s, r in pairs)
                    items.append(words.get("behind_item_many", "{name} ({each})").format(name=name, each=each))
            n = sum(1 for _s, r in behind if r.stock == stock)
            out.append(Block("para", words[key].format(n=n, items=", ".join(items), stock_threshold=format_pct(100 * ON_PACE_SHARE, 0),
                                                       **_pace_words(model.period_code), **ctx)))
    if waiting:
        names = ", ".join(noun_phrase(r, phrasing)[0] for _s, r in waiting)
        out.append(Block("para", words["seasonal_note"].format(items=names)))
    # what several organizations' units wrote in the same words is one item, as for causes
    remarks = _org_summary(model, shortcoming_items, phrasing, 6, across=True)
    out.extend(Block("bullet", _sentence(t)) for t in remarks)
    if not behind and not waiting and not remarks:
        out.append(Block("para", words.get("no_limitations", "Các đơn vị chưa nêu hạn chế đáng kể trong kỳ.")))
    causes = _org_summary(model, cause_items, phrasing, 4, across=True)
    if causes:
        out.append(Block("heading2", f"3. {words['heading_causes']}"))
        out.extend(Block("bullet", _sentence(t)) for t in causes)

    # III. Next period
    heading1(words["heading_next_tasks"].format(**ctx))
    tasks = list(model.next_tasks) + units_next_tasks(model, phrasing, NEXT_TASKS_FROM_UNITS)
    if model.meeting and model.meeting.conclusions:
        tasks = [t for t in (as_task(c) for c in model.meeting.conclusions) if t and t not in tasks] + tasks
    if behind:
        names = ", ".join(name for name, _pairs in behind_groups[:5])
        tasks.append(words["next_from_behind"].format(items=names, **ctx))
    if period_quarter(model.period_code) == 3 and model.period_code[-3:] in ("-Q3", "-9M"):
        tasks.append(words["next_year_end"].format(year=ctx["year"], next_year=ctx["year"] + 1))
    if not tasks:
        tasks = list(words["default_next_tasks"])
    # the work first; the reporting chores a meeting also set ('nộp báo cáo đúng hạn') after it
    tasks.sort(key=is_chore)
    seen = set()
    for next_task in tasks:
        key = nfc_lower(next_task)[:60]
        if key not in seen:
            seen.add(key)
            out.append(Block("bullet", _sentence(next_task)))

    # IV. Proposals, when any
    proposals = _org_summary(model, _narrative_items(model, "de_xuat"), phrasing, 6, across=True)
    if proposals:
        heading1(words["heading_proposals"])
        out.extend(Block("bullet", _sentence(t)) for t in proposals)

    closing = words["closing_org" if model.org_code else "closing"]
    out.append(Block("para", closing.format(**ctx)))
    if model.appendix and model.narratives:
        out.append(Block("heading1", words["heading_appendix"], extra={"page_break": True}))
        for section_code in NARRATIVE_SECTIONS:
            excerpts = [x for x in model.narratives if x.section == section_code and x.text.strip()]
            if excerpts:
                out.append(Block("heading2", NARRATIVE_SECTION_TITLES[section_code]))
                out.extend(Block("bullet", f"{x.unit_name}: {_sentence(x.text)}", extra={"unit": x.unit_name}) for x in excerpts)
    return out


_CHORE = re.compile(r"nộp báo cáo|báo cáo (?:chậm|đúng hạn|định kỳ)|chế độ (?:thông tin, )?báo cáo")

def is_chore(task: str) -> bool:
    """A reporting chore ('đôn đốc nộp báo cáo đúng hạn'), not the work."""
    return bool(_CHORE.search(nfc_lower(task)))


_REQUEST = re.compile(r"^(?:đề nghị|yêu cầu)\s+(?:(?:mặt trận và các đoàn thể|mặt trận và các tổ chức[^,]*?|các tổ chức|"
                      r"các cơ quan, đơn vị|các đơn vị|các cấp)\s+)?", re.IGNORECASE)


def as_task(conclusion: str) -> str:
    """A meeting conclusion as a task of the next period: 'Đề nghị các tổ chức tập trung …' ->
    'Tập trung …'; what only records the meeting ('Hội nghị đánh giá kết quả …') is no task."""
    text = " ".join(conclusion.split()).rstrip(".;")
    if re.match(r"^hội nghị (?:đánh giá|đã|ghi nhận|biểu dương)", text, re.IGNORECASE):
        return ""
    return cap_first(_REQUEST.sub("", text))


def _sentence(text: str) -> str:
    text = " ".join(unicodedata.normalize("NFC", text).split())
    if text and text[-1] not in ".!?…":
        text += "."
    return cap_first(text)


# ---------------------------------------------------------------- HTML preview


def render_preview_html(model: ReportModel, phrasing: dict | None = None, charts: bool = True) -> str:
    """The report as an HTML fragment (for the template preview page): same outline as the .docx."""
    phrasing = phrasing or load_phrasing()
    esc = html.escape
    issuer = model.issuer
    parts = ['<article class="report-preview" lang="vi">', '<header class="report-head">',
             f'<div class="issuer"><div>{esc(issuer.parent_body)}</div><div><b>{esc(issuer.body)}</b></div>'
             + (f'<div><b>{esc(issuer.board)}</b></div>' if issuer.board else "")
             + (f'<div>Số: {esc(issuer.number or "   ")}-{esc(issuer.symbol)}</div></div>' if issuer.variant == "youth"
                else f'<div>Số: {esc(issuer.number or "   ")}/{esc(issuer.symbol)}</div></div>')
             + ('<div class="motto"><div><b><u>ĐOÀN TNCS HỒ CHÍ MINH</u></b></div>' if issuer.variant == "youth" else
                '<div class="motto"><div><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></div>'
                '<div><b>Độc lập - Tự do - Hạnh phúc</b></div>')
             + f'<div><i>{esc(_date_line(model))}</i></div></div></header>',
             f'<h1>BÁO CÁO</h1><p class="summary"><b>{esc(summary_line(model, phrasing))}</b></p>']
    for block in compose(model, phrasing, charts=charts):
        if block.kind == "heading1":
            parts.append(f"<h2>{esc(block.text)}</h2>")
        elif block.kind == "heading2":
            parts.append(f"<h3>{esc(block.text)}</h3>")
        elif block.kind == "para":
            parts.append(f"<p>{esc(block.text)}</p>")
        elif block.kind == "bullet":
            parts.append(f'<p class="bullet">- {esc(block.text)}</p>')
        elif block.kind in ("caption", "note"):
            parts.append(f'<p class="{block.kind}"><i>{esc(block.text)}</i></p>')
        elif block.kind == "table":
            head = "".join(f"<th>{esc(h)}</th>" for h in block.extra["header"])
            body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in block.extra["rows"])
            parts.append(f'<table class="indicators"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')
        elif block.kind == "chart":
            svg = chart_mod.render_block(block, "svg").decode("utf-8")
            parts.append(f'<figure class="chart">{svg[svg.find("<svg"):]}</figure>')
    parts.append("</article>")
    return "\n".join(parts)


def _date_line(model: ReportModel) -> str:
    return format_date_line(model.issuer.place, model.report_date)

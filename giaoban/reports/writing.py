"""Vietnamese prose from the figures, and the document outline every writer renders.

The words live in templates/phrasing.json; a deployment overrides any part of it with its own
JSON file (path in GIAOBAN_REPORT_PHRASING). Choices among equivalent phrasings are
deterministic (hash of organization and slot, rotated on use) so a report reads the same every
time it is built, while two neighbouring sentences do not repeat the same words.
"""

from __future__ import annotations

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
from .vnformat import format_number, format_pct, format_value, table_unit, table_value

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


_OLD_TONE = re.compile(r"(o|u)(a|e|y)([\u0300\u0301\u0303\u0309\u0323])(?![a-zđ])")


@functools.lru_cache(maxsize=8192)
def nfc_lower(text: str) -> str:
    """NFC, lower case, one tone placement ('hoà' -> 'hòa', 'uỷ' -> 'ủy'; 'hoàn' unchanged)."""
    text = unicodedata.normalize("NFD", text.lower())
    text = _OLD_TONE.sub(lambda m: m[1] + m[3] + m[2], text)
    return unicodedata.normalize("NFC", text)


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


def noun_phrase(row: IndicatorRow, phrasing: dict) -> tuple[str, str, bool]:
    """(name as it reads inside a sentence, the name minus its leading unit noun, starts with unit)."""
    name = unicodedata.normalize("NFC", row.name.strip())
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


def indicator_clause(row: IndicatorRow, phrasing: dict, chooser: Chooser, key: str,
                     prev_verb: str | None, prev_simple: bool = True) -> Clause:
    name, rest, _starts = noun_phrase(row, phrasing)
    rule = find_rule(row, phrasing)
    forms = rule["forms"]
    form = chooser.pick("rule:" + forms[0], forms, key=key + row.code,
                        avoid={prev_verb} if prev_verb else None)
    verb = _verb_of(form)
    q = quantity(row, phrasing)
    if rest.startswith(","):  # 'ý kiến, kiến nghị': the unit noun is written by the name itself
        q = quantity(row, phrasing, with_unit=False)
        rest = rest.lstrip(", ")
        rest = f"{row.unit.strip()}, {rest}"
    # The verb the sentence supplies should not come back inside the name ('vận động Quỹ … vận động').
    phrase = form.split("{", 1)[0].strip()
    words = phrase.split()
    # Longest first, in a fixed order (a set's order changes between runs and so did the sentence).
    for part in sorted({phrase, " ".join(words[2:]), verb, " ".join(words[-2:])} - {""}, key=lambda w: (-len(w), w)):
        name, rest = _drop_word(name, part), _drop_word(rest, part)
    name, rest = _strip_tail(name, "được"), _strip_tail(rest, "được")
    simple = form.startswith(verb + " {q}")
    if prev_verb and prev_simple and verb and _main_verb(verb) == _main_verb(prev_verb) and simple:
        # Only after a clause of the same shape: 'tổ chức tư vấn pháp luật cho 95 lượt người; 18 cuộc
        # giám sát' drops a verb the reader never saw applied to a count.
        form = form[len(verb) + 1:]  # 'tổ chức 558 buổi…, 30 hội nghị…' instead of repeating the verb
    text = form.format(q=q, rest=rest, name=name, v=format_value(row.value, row.value_type, row.unit, False))
    return Clause(verb=verb, text=" ".join(text.split()), attach=bool(rule.get("attach")), simple=simple)


def comparison_tail(row: IndicatorRow, phrasing: dict, chooser: Chooser, key: str, first: bool, prev_year) -> str:
    change = row.change_pct
    if change is None:
        return ""
    comp = phrasing["comparison"]
    if abs(change) < 0.05:
        kind = "flat"
    else:
        kind = ("up" if change > 0 else "down") + ("_first" if first else "")
    options = comp.get(kind) or comp.get(kind.replace("_first", ""), [])
    form = chooser.pick("cmp:" + kind, options, key=key)
    return form.format(pct=format_pct(abs(change)), prev_year=prev_year or "trước")


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
    if ytd == row.value and phrasing.get("target_tail_stock"):
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
    rows = [r for r in section.rows if r.value is not None]
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
    sentences = []
    compared_once = False
    # A long paragraph is split every `sentences_per_paragraph` sentences, and within one
    # paragraph a connector ('Ngoài ra', 'Đồng thời'…) is never used twice.
    per_paragraph = max(1, int(phrasing.get("sentences_per_paragraph", 4)))
    paragraphs: list[str] = []
    used_connectors: set[str] = set()
    for s_index, chunk in enumerate(chunks):
        key = f"{section.org_code}:{s_index}"
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
                if not tail and targets == 0 and row.pct_achieved is not None:
                    tail = target_tail(row, phrasing, chooser, key, clause.text)
                    targets += 1 if tail else 0
            clauses.append((clause, tail))
        sentences.append(cap_first(f"{head} {_join_clauses(clauses)}".strip()) + ".")
    paragraphs.append(" ".join(sentences))
    extra = _targets_sentences(model, section, rows, phrasing, chooser, subj)
    if extra:
        paragraphs.append(extra)
    return paragraphs


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
    pace = expected_pace(model.period_code)
    done = [r for r in rows if r.pct_achieved is not None and r.pct_achieved >= 100]
    behind = [r for r in rows if pace and r.pct_achieved is not None and r.pct_achieved < pace * 0.8]
    out = []
    key = section.org_code
    if done:
        items = ", ".join(
            phrasing["targets_done_item"].format(name=noun_phrase(r, phrasing)[0], pct=format_pct(r.pct_achieved))
            for r in done
        )
        form = chooser.pick("targets_done", phrasing["targets_done"], key=key)
        out.append(form.format(n=len(done), items=items, subject_lc=_lc_subject(subj["full"])))
    if behind:
        items = ", ".join(
            phrasing["targets_behind_item"].format(name=noun_phrase(r, phrasing)[0], pct=format_pct(r.pct_achieved))
            for r in behind
        )
        form = chooser.pick("targets_behind", phrasing["targets_behind"], key=key)
        out.append(form.format(n=len(behind), items=items, subject_lc=_lc_subject(subj["full"])))
    return " ".join(out)


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


def table_header(model: ReportModel) -> list[str]:
    period = cap_first(model.period_short_label or model.period_label)
    return [h.format(period=period, prev_year=model.same_period_year or "") for h in TABLE_HEADERS]


def table_rows(section: OrgSection) -> list[list[str]]:
    """The indicator table's cells, formatted the Vietnamese way."""
    out = []
    for i, row in enumerate(section.rows, start=1):
        name = row.name + (" (*)" if row.reconstructed else "")
        change = row.change_pct
        out.append([
            str(i),
            name,
            table_unit(row.unit, row.value_type),
            table_value(row.value, row.value_type),
            table_value(row.year_to_date, row.value_type),
            table_value(row.target, row.value_type),
            format_number(row.pct_achieved, 1) if row.pct_achieved is not None else "–",
            table_value(row.same_period_last_year, row.value_type),
            (("+" if change > 0 else "") + format_number(change, 1)) if change is not None else "–",
        ])
    return out


def summary_line(model: ReportModel, phrasing: dict) -> str:
    return model.summary_line or phrasing["blocks"]["summary_line"].format(**_context(model))


def compose(model: ReportModel, phrasing: dict | None = None, charts: bool = True) -> list[Block]:
    """The report body as a list of blocks; docx.py and the HTML preview both render this."""
    phrasing = phrasing or load_phrasing()
    blocks_text = phrasing["blocks"]
    ctx = _context(model)
    chooser = Chooser()
    units = {n.unit_name for n in model.narratives}
    out: list[Block] = [Block("para", blocks_text["intro"].format(n_units=len(units) or len(model.sections), **ctx))]
    part = 0

    part += 1
    out.append(Block("heading1", f"{ROMAN[part - 1]}. " + blocks_text["heading_results"].format(**ctx)))
    table_no = chart_no = 0
    for i, section in enumerate(model.sections, start=1):
        subj = subject_forms(phrasing, section)
        out.append(Block("heading2", f"{i}. {subj.get('name') or section.org_name}"))
        for text in org_paragraphs(model, section, phrasing, chooser):
            out.append(Block("para", text))
        if section.rows:
            table_no += 1
            out.append(Block("caption", blocks_text["table_caption"].format(n=table_no, org_name=subj.get("name") or section.org_name, **ctx)))
            out.append(Block("table", data=section, extra={"header": table_header(model), "rows": table_rows(section)}))
            if any(r.reconstructed for r in section.rows):
                out.append(Block("note", blocks_text["reconstructed_note"]))
        if charts:
            trends = [t for t in model.trends if t.org_code == section.org_code]
            if trends:
                chart_no += 1
                out.append(Block("chart", data=trends[:4], extra={"kind": "trend", "key": f"trend-{section.org_code}"}))
                out.append(Block("caption", blocks_text["chart_trend_caption"].format(n=chart_no, org_name=subj.get("name") or section.org_name, **ctx)))
            progress = [r for r in section.rows if r.pct_achieved is not None]
            if progress:
                chart_no += 1
                out.append(Block("chart", data=progress, extra={"kind": "progress", "key": f"progress-{section.org_code}", "pace": expected_pace(model.period_code)}))
                out.append(Block("caption", blocks_text["chart_progress_caption"].format(n=chart_no, org_name=subj.get("name") or section.org_name, **ctx)))

    if model.narratives:
        part += 1
        out.append(Block("heading1", f"{ROMAN[part - 1]}. " + blocks_text["heading_narratives"].format(**ctx)))
        n = 0
        for section_code in NARRATIVE_SECTIONS:
            items = [x for x in model.narratives if x.section == section_code and x.text.strip()]
            if not items:
                continue
            n += 1
            out.append(Block("heading2", f"{n}. {NARRATIVE_SECTION_TITLES[section_code]}"))
            for item in items:
                out.append(Block("bullet", f"{item.unit_name}: {_sentence(item.text)}", extra={"unit": item.unit_name}))

    if model.previous_tasks:
        part += 1
        out.append(Block("heading1", f"{ROMAN[part - 1]}. " + blocks_text["heading_previous_tasks"].format(**ctx)))
        done = sum(1 for t in model.previous_tasks if "hoàn thành" in nfc_lower(t.status_label) and "chưa" not in nfc_lower(t.status_label))
        doing = sum(1 for t in model.previous_tasks if "đang" in nfc_lower(t.status_label))
        todo = len(model.previous_tasks) - done - doing
        out.append(Block("para", blocks_text["previous_tasks_summary"].format(n=len(model.previous_tasks), done=done, doing=doing, todo=todo)))
        for task in model.previous_tasks:
            who = f" ({', '.join(task.orgs)})" if task.orgs else ""
            status = f": {task.status_label}" if task.status_label else ""
            note = f"; {task.note}" if task.note else ""
            out.append(Block("bullet", f"{_sentence(task.text).rstrip('.')}{who}{status}{note}.", extra={"status": task.status_label}))

    part += 1
    out.append(Block("heading1", f"{ROMAN[part - 1]}. " + blocks_text["heading_next_tasks"].format(**ctx)))
    for task in (model.next_tasks or blocks_text["default_next_tasks"]):
        out.append(Block("bullet", _sentence(task)))
    out.append(Block("para", blocks_text["closing"].format(**ctx)))
    return out


def _sentence(text: str) -> str:
    text = " ".join(unicodedata.normalize("NFC", text).split())
    if text and text[-1] not in ".!?…":
        text += "."
    return cap_first(text)


# ---------------------------------------------------------------- HTML preview


def render_preview_html(model: ReportModel, phrasing: dict | None = None, charts: bool = True) -> str:
    """The report as an HTML fragment (for the template preview page): same outline as the .docx."""
    from . import charts as chart_mod

    phrasing = phrasing or load_phrasing()
    esc = html.escape
    issuer = model.issuer
    parts = ['<article class="report-preview" lang="vi">', '<header class="report-head">',
             f'<div class="issuer"><div>{esc(issuer.parent_body)}</div><div><b>{esc(issuer.body)}</b></div>'
             f'<div>Số: {esc(issuer.number or "   ")}/{esc(issuer.symbol)}</div></div>',
             '<div class="motto"><div><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></div>'
             '<div><b>Độc lập - Tự do - Hạnh phúc</b></div>'
             f'<div><i>{esc(_date_line(model))}</i></div></div></header>',
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
    from .vnformat import format_date_line

    return format_date_line(model.issuer.place, model.report_date)

"""The news draft: a provincial-newspaper article about the quarterly briefing, 300–600 words.

Built from the same model as the report: the meeting (date, chair, attendees), the main figures
of each organization, the next period's tasks and the chair's conclusions. It is a draft for an
editor; the last line says so.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass
from collections.abc import Set as AbstractSet
from typing import BinaryIO

from .docx import new_document
from .model import ReportModel, saved_bytes
from .vnformat import format_date_text
from .writing import (Chooser, _context, _lc_subject, before_season, cap_first, is_place_count, comparison_tail, field_totals, find_rule,
                      indicator_clause, is_chore, load_phrasing, localize, matches_rule, nfc_lower, one_level_words, SMALL_COUNT, standout_score,
                      subject_forms, units_next_tasks)

MIN_WORDS, MAX_WORDS = 300, 600
ALONE_MAX, ALONE_SHARE = 5, 0.8
SENTENCE_FIGURES = 5
NOTICED_CHANGE = 10  # a change a reader would notice, in %


@dataclass
class NewsDraft:
    title: str
    paragraphs: list[str]

    @property
    def text(self) -> str:
        return self.title + "\n\n" + "\n\n".join(self.paragraphs) + "\n"

    @property
    def word_count(self) -> int:
        return count_words(self.text)


def count_words(text: str) -> int:
    """Words as a Vietnamese editor counts them: syllables separated by spaces, figures count one."""
    return len([w for w in re.split(r"\s+", text) if re.search(r"\w", w)])


def _area_title(model: ReportModel) -> str:
    name = model.area_name
    for prefix in ("tỉnh ", "thành phố ", "huyện ", "xã ", "phường "):
        if name.lower().startswith(prefix):
            return name[len(prefix):]
    return cap_first(name)


def _people(people) -> str:
    return "; ".join(f"đồng chí {p.name}" + (f" - {p.position}" if p.position else "") for p in people)


def news_figure(value) -> tuple[float, str]:
    """A total as a newspaper writes it: 2.968 -> (3.000, 'near'), 30.412 -> (30.000, 'over');
    exact when rounding would move it more than a few percent. Money is rounded in its own
    scale (tỷ, triệu)."""
    v = float(value)
    scale = 1.0
    for step in (1e9, 1e6):
        if abs(v) >= step:
            scale = step
            break
    x = v / scale
    if abs(x) < 1000:
        return value, "exact"
    digits = len(str(int(abs(x))))
    for keep, tolerance in ((1, 0.05), (2, 0.02)):
        rounded = round(x, -(digits - keep))
        if rounded and abs(rounded - x) / abs(x) <= tolerance:
            kind = "exact" if rounded == x else ("near" if rounded > x else "over")
            return rounded * scale, kind
    return value, "exact"


def _approx(row):
    value, kind = news_figure(row.value)
    if kind == "exact":
        return row
    return dataclasses.replace(row, value=int(value) if float(value).is_integer() else value, qualifier=kind)


def news_rows(model: ReportModel, section, phrasing: dict, limit: int, alone_max: int = ALONE_MAX,
              most: int | None = None) -> list:
    """The figures a newspaper picks for an organization: what it alone does, what it does most
    of among the organizations, what changed most; no rates (a percentage of branches says
    little to a reader); told in the report's order, opening on a figure that takes a verb."""
    shared: dict[str, int] = {}
    for s in model.sections:
        for r in s.rows:
            shared[r.code] = shared.get(r.code, 0) + 1
    # a level every organization keeps (members, branches, groups) is no news; one only this
    # organization keeps (the Youth Union's volunteer teams) is
    rows = [r for r in section.rows if r.value is not None and r.value_type != "percent"
            and not (r.stock and r.value_type != "money" and shared.get(r.code, 0) > 1)]
    # a count under SMALL_COUNT (4 new grassroots unions, 6 agreements) is left to the report's
    # table: a reader of the paper sees only the figures that carry the organization's work
    # (places reached, '8 xã', are the reach of a campaign: no tally); an event of a later season
    # (Ngày hội Đại đoàn kết, in November) is not the quarter's news
    rows = [r for r in rows if not (r.value_type == "integer" and float(r.value) < SMALL_COUNT and not is_place_count(r))
            and not before_season(r, model.period_code, phrasing)] or rows

    top_of: dict[str, tuple[float, str]] = {}
    counts: dict[str, int] = {}
    for s in model.sections:
        for r in s.rows:
            if r.value is not None and r.value_type != "percent":
                counts[r.code] = counts.get(r.code, 0) + 1
                if r.code not in top_of or float(r.value) > top_of[r.code][0]:
                    top_of[r.code] = (float(r.value), s.org_code)

    def score(r) -> float:
        lead = 0.5 if counts.get(r.code, 0) >= 3 and top_of[r.code][1] == section.org_code else 0.0
        return standout_score(model, section, r) + lead

    ranked = sorted((r for r in rows if not find_rule(r, phrasing).get("attach")), key=lambda r: -score(r))
    # What this organization does alone or nearly alone (four fifths of the line or more, at a
    # size worth printing: the Youth Union's 692 volunteer teams, 438 members in Party classes,
    # 1.611 of the 1.941 members put forward to the Party) has its own quota, `alone_max`; the
    # `limit` goes to the lines it shares, by its lead and its change (the trade union's
    # 130 lượt người counselled, +16 %). Only where it shares most of its lines with the others:
    # when every line is its own, none of them sets it apart.
    distinct = sum(1 for r in section.rows if shared.get(r.code, 0) > 1) * 2 > len(section.rows)
    alone = by_field([r for r in ranked if distinct and standout_score(model, section, r) >= ALONE_SHARE])
    others = by_field([r for r in ranked if r not in alone])
    kept = others[:limit]
    # Propaganda is the first field of every organization's work (the report's part I opens on
    # it): a paragraph that tells none of it gives the organization's best figure of that field.
    # Told for its field, not its size, it is told briefly: the work and what it produced
    # ('tổ chức 160 buổi tuyên truyền, đăng tải 52 tin bài'), not the attendance hanging on it.
    # It takes the place of the last shared figure, unless that one's change is news in itself.
    brief = None
    if not any(is_propaganda(r) for r in alone[:alone_max] + kept):
        brief = next((r for r in ranked if _lower(r.field).startswith(PROPAGANDA)), None)
        if brief is not None and kept and abs(kept[-1].change_pct or 0) < NOTICED_CHANGE:
            kept = kept[:-1]
    order = ([brief] if brief is not None else []) + alone[:alone_max] + kept
    # `most`: when the article runs long, one sentence per organization (its first figures in
    # that order: its propaganda, what it alone does, then what it shares)
    chosen = {id(r) for r in order[:most]}
    picked = [r for i, r in enumerate(rows)
              if id(r) in chosen or (find_rule(r, phrasing).get("attach") and i and id(rows[i - 1]) in chosen
                                     and rows[i - 1] is not brief)]
    picked = _with_outputs(picked, rows, phrasing)
    lead = next((i for i, r in enumerate(picked) if not find_rule(r, phrasing).get("subjectless")
                 and not find_rule(r, phrasing).get("attach")), 0)
    return [picked[lead]] + picked[:lead] + picked[lead + 1:] if lead else picked


PROPAGANDA = "tuyên truyền"


def _lower(text: str | None) -> str:
    return nfc_lower(text or "")


def is_propaganda(row) -> bool:
    """A figure of the organization's propaganda work: of that field, or named for it (the Youth
    Union's 'hoạt động tuyên truyền phòng, chống thiên tai' is counted under volunteering)."""
    return _lower(row.field).startswith(PROPAGANDA) or PROPAGANDA in _lower(row.name)


def output_of(row, phrasing: dict) -> dict | None:
    """The figures a row is the product of (its rule's `output_of`: the news items of the
    propaganda sessions), or None."""
    return find_rule(row, phrasing).get("output_of")


def _with_outputs(picked: list, rows: list, phrasing: dict) -> list:
    """What the work produced follows the work told ('tổ chức 160 buổi tuyên truyền, thu hút
    9.100 lượt người tham dự, đăng tải 52 tin bài'), as the participation does; an output whose
    work is not told stays where the ranking put it (or out)."""
    out = [r for r in picked if not (output_of(r, phrasing) and _source(r, picked, phrasing) is not None)]
    for r in rows:
        spec = output_of(r, phrasing)
        if not spec:
            continue
        src = _source(r, out, phrasing)
        if src is None or r in out:
            continue
        at = out.index(src) + 1
        while at < len(out) and find_rule(out[at], phrasing).get("attach"):
            at += 1  # after the participation hanging on the same work
        out.insert(at, r)
    return out


def _source(row, picked: list, phrasing: dict):
    spec = output_of(row, phrasing)
    return next((r for r in picked if r is not row and matches_rule(spec, r, phrasing)), None) if spec else None


def hangs(row, phrasing: dict, told: list) -> bool:
    """A figure said after a comma on the one before: a participation, or an output of work told."""
    return bool(find_rule(row, phrasing).get("attach")) or _source(row, told, phrasing) is not None


# Openers that add, not contrast: 'Trong khi đó' and 'Riêng' announce a difference or an
# exception, and the next organization's results are neither.
def by_field(ranked: list) -> list:
    """The best figure of each field of work before the second of any field: a paper tells what
    an organization did across its work, not five figures of its social welfare ('nhà tạm',
    'nhà Đại đoàn kết', two funds, gifts) and none of its campaigns."""
    rank: dict[str, int] = {}
    keyed = []
    for i, r in enumerate(ranked):
        n = rank.get(r.field or "", 0)
        rank[r.field or ""] = n + 1
        keyed.append((n, i, r))
    return [r for _n, _i, r in sorted(keyed, key=lambda k: (k[0], k[1]))]


NEWS_OPENERS = ["{subject}", "Đáng chú ý, {subject_lc}", "Cùng với đó, {subject_lc}", "{subject} cũng",
                "Bên cạnh đó, {subject_lc}", "Ngoài ra, {subject_lc}"]


def _org_sentences(model: ReportModel, phrasing: dict, per_org: int, told: AbstractSet[str] = frozenset(),
                   alone_max: int = ALONE_MAX, most: int | None = None) -> list[str]:
    """Each organization's standout figures (its share of what all did, its change), in
    sentences that do not all open the same way; what the totals tell (`told`) is not repeated."""
    chooser = Chooser()
    local = dataclasses.replace(model, sections=[
        localize(dataclasses.replace(s, rows=[r for r in s.rows if r.code not in told]), phrasing) for s in model.sections])
    out = []
    for index, section in enumerate(local.sections):
        rows = news_rows(local, section, phrasing, per_org, alone_max, most)
        if not rows:
            continue
        subj = subject_forms(phrasing, section)
        subject = subj.get("news") or subj["full"]
        opener = NEWS_OPENERS[index % len(NEWS_OPENERS)] if index else NEWS_OPENERS[0]
        head = opener.format(subject=subject, subject_lc=_lc_subject(subject))
        parts, prev_verb, compared = [], None, False
        for i, row in enumerate(rows):
            clause = indicator_clause(row, phrasing, chooser, "news:" + section.org_code, prev_verb)
            clause.attach = clause.attach or hangs(row, phrasing, rows[:i])
            prev_verb = clause.verb
            text = clause.text
            next_attached = i + 1 < len(rows) and hangs(rows[i + 1], phrasing, rows[:i + 1])
            if not compared and not next_attached:
                tail = comparison_tail(row, phrasing, chooser, "news:" + section.org_code, index == 0, model.same_period_year)
                if tail and abs(row.change_pct or 0) >= NOTICED_CHANGE:
                    text += ", " + tail
                    compared = True
            parts.append((", " if clause.attach or i == 0 else "; " if compared else ", ", text, clause.attach))
        # more than SENTENCE_FIGURES figures is a list, not a sentence: the rest goes to a second
        # one on the organization's short name ('Mặt trận các cấp còn …'), never between a figure
        # and the participation hanging on it
        cut = next((n for n in range(SENTENCE_FIGURES, len(parts)) if not parts[n][2]), None)
        chunks = [parts[:cut], parts[cut:]] if cut is not None and len(parts) - cut >= 2 else [parts]
        for c, chunk in enumerate(chunks):
            body = "".join(sep + text if n else text for n, (sep, text, _a) in enumerate(chunk))
            lead = head if not c else f"{subj['short'][0] if subj.get('short') else subject} còn"
            out.append(cap_first(f"{lead} {body}.".replace("  ", " ")))
    return out


def _news_totals(model: ReportModel, phrasing: dict) -> list:
    picked = []
    for fld, items in field_totals(model, phrasing):
        chosen = [(total, pairs) for total, pairs in items
                  if total.value_type == "money" and total.stock or (len(pairs) >= 3 and total.value_type == "integer"
                                                                     and ("kết nạp" in total.name.lower() or "hộ" == total.unit))]
        if chosen:
            picked.append((fld, chosen))
    return picked


def _total_sentences(model: ReportModel, phrasing: dict, words: dict) -> list[str]:
    """What the organizations did together, rounded as a newspaper rounds ('gần 3.000 tỷ
    đồng … hơn 30.000 hộ'): money and the counts three or more organizations report."""
    chooser = Chooser()
    out = []
    for fld, picked in _news_totals(model, phrasing):
        joined, prev = "", None
        for total, pairs in picked:
            clause = indicator_clause(_approx(total), phrasing, chooser, "news-total:" + fld, prev)
            prev = clause.verb
            # a figure hanging on the one before ('…, với hơn 30.000 hộ còn dư nợ') takes a comma
            joined += (", " if clause.attach else "; ") + clause.text if joined else clause.text
        names = list(dict.fromkeys((phrasing.get("org_subjects", {}).get(p[0].org_code, {}).get("sheet") or p[0].org_name)
                                        for _t, pairs in picked for p in pairs))
        codes = {p[0].org_code for _t, pairs in picked for p in pairs}
        if len(names) > 2 and codes >= {s.org_code for s in model.sections} - {"mttq"}:
            orgs = "Các tổ chức chính trị - xã hội"  # all five: naming them spends a line of the budget
        else:
            orgs = ("Các tổ chức " + ", ".join(names[:-1]) + " và " + names[-1]) if len(names) > 1 else names[0]
        out.append(words["totals"].format(orgs=orgs, clauses=joined))
    return out


def build_news(model: ReportModel, phrasing: dict | None = None) -> NewsDraft:
    phrasing = one_level_words(model, phrasing or load_phrasing())
    words = phrasing["news"]
    ctx = _context(model)
    meeting = model.meeting
    area_title = _area_title(model)
    one_org = bool(model.org_code)
    host = model.org_name if one_org else f"Ủy ban MTTQ Việt Nam {model.area_name}"
    title = (words["title_org"].format(**{**ctx, "org_title": cap_first(model.org_name)}) if one_org
             else words["title"].format(area_title=area_title, **ctx))
    has_meeting = bool(meeting and meeting.date)
    chair = ""
    if meeting and meeting.chair:
        chair = meeting.chair.name + (f" - {meeting.chair.position}" if meeting.chair.position else "")
    missing = [label for label, known in (("ngày họp", has_meeting), ("người chủ trì", bool(chair)),
                                          ("kết luận hội nghị", bool(meeting and meeting.conclusions))) if not known]
    if has_meeting and meeting is not None and meeting.date is not None:  # has_meeting says so; for the type checker
        lead = words["lead_org" if one_org else "lead"].format(meeting_date=format_date_text(meeting.date), host=host, **ctx)
        if chair:
            lead += " " + words["chair"].format(chair=chair)
    else:
        lead = words["lead_no_meeting"].format(host=host, **ctx)

    def assemble(per_org: int, alone_max: int = ALONE_MAX, most: int | None = None) -> list[str]:
        paragraphs = []
        if missing:
            paragraphs.append(words["missing"].format(items=", ".join(missing)))
        paragraphs.append(lead)
        if meeting and meeting.attendees:
            attend = words["attendance"].format(attendees=_people(meeting.attendees))
            if meeting.attending_bodies:
                attend += " " + words["attendance_bodies"].format(bodies=", ".join(meeting.attending_bodies))
            paragraphs.append(attend)
        if per_org >= 5:  # the general remark goes first when words run short
            paragraphs.append(words["context_org" if one_org else "context"].format(**ctx))
        told = {total.code for _f, items in _news_totals(model, phrasing) for total, _p in items} if not one_org else set()
        sentences = _org_sentences(model, phrasing, per_org, told, alone_max, most)
        if sentences:
            intro = Chooser().pick("news_intro", words["results_intro" if has_meeting else "results_intro_report"],
                                   key=model.period_code)
            # the lead has just given the period: the results do not say it again
            first = f"{intro} {_lc_subject(sentences[0])}"
            half = (len(sentences) + 1) // 2
            paragraphs.append(" ".join([first] + sentences[1:half]))
            if sentences[half:]:
                paragraphs.append(" ".join(sentences[half:]))
        if not one_org:
            totals = _total_sentences(model, phrasing, words)
            if totals:
                paragraphs.append(" ".join(totals))
        reported, expected = model.reported_units, model.expected_units
        if expected and reported is not None and reported < expected and paragraphs:
            # a third of the units missing is news too: the reader must not take these as the quarter's
            paragraphs[-1] += " " + words.get("partial", "").format(reported=reported, expected=expected)
        if has_meeting and meeting is not None and (meeting.discussion or meeting.attendees):
            paragraphs.append(words["discussion"])
        tasks = (meeting.next_tasks if meeting and meeting.next_tasks else model.next_tasks) or units_next_tasks(model, phrasing, 3, with_subject=False)
        # the work, not the reporting chores ('nộp báo cáo đúng hạn'), makes the article
        tasks = [t for t in tasks if not is_chore(t)] or tasks
        if tasks:
            joined = "; ".join(t.strip().rstrip(".")[:1].lower() + t.strip().rstrip(".")[1:] for t in tasks[:3])
            paragraphs.append(words["next_tasks_org" if one_org else "next_tasks"].format(tasks=joined, **ctx))
        requests = [c for c in (meeting.conclusions if meeting else []) if not _is_assessment(c)]
        if chair and requests:
            concl = "; ".join(_as_request(c) for c in requests)
            paragraphs.append(words["conclusion"].format(chair=chair, conclusions=concl, **ctx))
        elif chair:
            paragraphs.append(words["conclusion_default"].format(chair=chair, **ctx))
        paragraphs.append(words["byline"])
        return paragraphs

    per_org = 5
    paragraphs = assemble(per_org)
    while count_words(title + " " + " ".join(paragraphs)) > MAX_WORDS and per_org > 1:
        per_org -= 1
        paragraphs = assemble(per_org)
    # then no organization gets a second sentence of figures while others lose theirs
    most = None
    if count_words(title + " " + " ".join(paragraphs)) > MAX_WORDS:
        most = SENTENCE_FIGURES
        paragraphs = assemble(per_org, ALONE_MAX, most)
    # what an organization alone does goes last, when even one shared figure each is too long
    alone_max = ALONE_MAX
    while count_words(title + " " + " ".join(paragraphs)) > MAX_WORDS and alone_max > 0:
        alone_max -= 1
        paragraphs = assemble(per_org, alone_max, most)
    while count_words(title + " " + " ".join(paragraphs)) < MIN_WORDS and per_org < 9:
        per_org += 1
        paragraphs = assemble(per_org)
    return NewsDraft(title=title, paragraphs=paragraphs)


def write_news_docx(draft: NewsDraft, target: str | os.PathLike | BinaryIO | None = None) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = new_document()
    body = doc.element.body
    for p in list(body.iterchildren()):
        if p.tag.endswith("}p"):
            body.remove(p)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(draft.title)
    run.bold = True
    run.font.size = Pt(16)
    title.paragraph_format.space_after = Pt(12)
    for i, text in enumerate(draft.paragraphs):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.space_after = Pt(6)
        p.paragraph_format.line_spacing = 1.15
        r = p.add_run(text)
        if i == 0:
            r.bold = True  # the sapo
        if i == len(draft.paragraphs) - 1:
            r.italic = True
    return saved_bytes(doc, target)


# the conclusion's own addressee goes too: the sentence already says 'các cơ quan, đơn vị'
_REQUEST_LEADS = ("đề nghị các tổ chức", "đề nghị các cơ quan, đơn vị", "đề nghị", "yêu cầu các tổ chức", "yêu cầu",
                  "mặt trận và các tổ chức chính trị - xã hội", "mặt trận và các đoàn thể", "các tổ chức")


def _is_assessment(text: str) -> bool:
    """'Hội nghị đánh giá kết quả quý III/2026' states what the meeting did: it is no request
    ('Đồng chí đề nghị các cơ quan, đơn vị hội nghị đánh giá …' is nonsense)."""
    return nfc_lower(text.strip()).startswith(("hội nghị ", "hội nghị đã "))


def _as_request(text: str) -> str:
    """A conclusion as it reads after 'Đồng chí đề nghị các cơ quan, đơn vị …': its own
    'Đề nghị các tổ chức' goes, and its first letter is lower-cased."""
    text = " ".join(text.split()).rstrip(".;")
    stripped = True
    while stripped:  # 'Đề nghị Mặt trận và các đoàn thể tập trung …' -> 'tập trung …'
        stripped = False
        low = nfc_lower(text)
        for lead in _REQUEST_LEADS:
            if low.startswith(lead + " "):
                text, stripped = text[len(lead) + 1:], True
                break
    first = text.split(" ", 1)[0]
    if not (len(first) > 1 and first.isupper()) and not nfc_lower(text).startswith(_PROPER_LEADS):
        text = text[:1].lower() + text[1:]
    return text


_PROPER_LEADS = ("mặt trận", "ủy ban", "đảng", "nhà nước", "hội ", "đoàn ", "công đoàn")


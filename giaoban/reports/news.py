"""The news draft: a provincial-newspaper article about the quarterly briefing, 300–600 words.

Built from the same model as the report: the meeting (date, chair, attendees), the main figures
of each organization, the next period's tasks and the chair's conclusions. It is a draft for an
editor; the last line says so.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import BinaryIO

from .model import ReportModel, saved_bytes
from .vnformat import format_date_text
from .writing import (Chooser, _context, _lc_subject, cap_first, comparison_tail, find_rule, indicator_clause,
                      load_phrasing, subject_forms)

MIN_WORDS, MAX_WORDS = 300, 600


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


def _org_sentences(model: ReportModel, phrasing: dict, per_org: int) -> list[str]:
    chooser = Chooser()
    out = []
    for index, section in enumerate(model.sections):
        rows = [r for r in section.rows if r.value is not None]
        if not rows:
            continue
        subj = subject_forms(phrasing, section)
        subject = subj.get("news") or subj["full"]
        picked = []
        for row in rows:
            if len(picked) >= per_org and not find_rule(row, phrasing).get("attach"):
                break
            picked.append(row)
        parts, prev_verb, compared = [], None, False
        for i, row in enumerate(picked):
            clause = indicator_clause(row, phrasing, chooser, "news:" + section.org_code, prev_verb)
            prev_verb = clause.verb
            text = clause.text
            next_attached = i + 1 < len(picked) and bool(find_rule(picked[i + 1], phrasing).get("attach"))
            if not compared and not next_attached:
                tail = comparison_tail(row, phrasing, chooser, "news:" + section.org_code, index == 0, model.same_period_year)
                if tail and abs(row.change_pct or 0) >= 5:
                    text += ", " + tail
                    compared = True
            parts.append((", " if clause.attach or i == 0 else "; " if compared else ", ", text))
        body = "".join(sep + text if n else text for n, (sep, text) in enumerate(parts))
        out.append(f"{subject} {body}.")
    return out


def build_news(model: ReportModel, phrasing: dict | None = None) -> NewsDraft:
    phrasing = phrasing or load_phrasing()
    words = phrasing["news"]
    ctx = _context(model)
    meeting = model.meeting
    area_title = _area_title(model)
    date = meeting.date if meeting and meeting.date else model.report_date
    host = f"Ủy ban MTTQ Việt Nam {model.area_name}"
    title = words["title"].format(area_title=area_title, **ctx)
    lead = words["lead"].format(meeting_date=format_date_text(date), host=host, **ctx)

    def assemble(per_org: int) -> list[str]:
        paragraphs = [lead]
        if meeting and meeting.attendees:
            attend = words["attendance"].format(attendees=_people(meeting.attendees))
            if meeting.attending_bodies:
                attend += " " + words["attendance_bodies"].format(bodies=", ".join(meeting.attending_bodies))
            paragraphs.append(attend)
        paragraphs.append(words["context"].format(**ctx))
        sentences = _org_sentences(model, phrasing, per_org)
        if sentences:
            intro = Chooser().pick("news_intro", words["results_intro"], key=model.period_code)
            first = f"{intro} trong {model.period_label}, {_lc_subject(sentences[0])}"
            # Two paragraphs of results read better than one block of six organizations.
            half = (len(sentences) + 1) // 2
            paragraphs.append(" ".join([first] + sentences[1:half]))
            if sentences[half:]:
                paragraphs.append(" ".join(sentences[half:]))
        paragraphs.append(words["discussion"])
        tasks = (meeting.next_tasks if meeting and meeting.next_tasks else model.next_tasks)
        if tasks:
            joined = "; ".join(t.strip().rstrip(".")[:1].lower() + t.strip().rstrip(".")[1:] for t in tasks)
            paragraphs.append(words["next_tasks"].format(tasks=joined, **ctx))
        chair = ""
        if meeting and meeting.chair:
            chair = meeting.chair.name + (f" - {meeting.chair.position}" if meeting.chair.position else "")
        if chair and meeting.conclusions:
            concl = "; ".join(_as_request(c) for c in meeting.conclusions)
            paragraphs.append(words["conclusion"].format(chair=chair, conclusions=concl, **ctx))
        elif chair:
            paragraphs.append(words["conclusion_default"].format(chair=chair, **ctx))
        paragraphs.append(words["byline"])
        return paragraphs

    per_org = 3
    paragraphs = assemble(per_org)
    while count_words(title + " " + " ".join(paragraphs)) > MAX_WORDS and per_org > 1:
        per_org -= 1
        paragraphs = assemble(per_org)
    while count_words(title + " " + " ".join(paragraphs)) < MIN_WORDS and per_org < 6:
        per_org += 1
        paragraphs = assemble(per_org)
    return NewsDraft(title=title, paragraphs=paragraphs)


def write_news_docx(draft: NewsDraft, target: str | os.PathLike | BinaryIO | None = None) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from .docx import new_document

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


_REQUEST_LEADS = ("đề nghị các tổ chức", "đề nghị các cơ quan, đơn vị", "đề nghị", "yêu cầu các tổ chức", "yêu cầu")


def _as_request(text: str) -> str:
    """A conclusion as it reads after 'Đồng chí đề nghị các cơ quan, đơn vị …': its own
    'Đề nghị các tổ chức' goes, and its first letter is lower-cased."""
    text = " ".join(text.split()).rstrip(".;")
    low = text.lower()
    for lead in _REQUEST_LEADS:
        if low.startswith(lead + " "):
            text = text[len(lead) + 1:]
            break
    first = text.split(" ", 1)[0]
    if not (len(first) > 1 and first.isupper()):
        text = text[:1].lower() + text[1:]
    return text


"""Meeting texts (articles, minutes) → period, people, organizations, conclusions, task candidates.

Plain Python, no Django, on the one text core of the extraction engine: its normalizer
(``..normalize``), organization names (``..orgs``), readers (``..readers``), boilerplate
(``..boilerplate``) and the period words of ``giaoban.core.periods``. `parse_meeting(text)` is a
pure function; `read_document(path)` reads .txt, .docx, .pdf and .html files into text. Offsets
('start', 'end') index the NFC form of the text given (the tone-placement normalization keeps
lengths).
"""

from pathlib import Path

from ..boilerplate import body_end
from ..normalize import match_key, retone
from ..orgs import ORG_CODES, orgs_named, says_all
from ..readers import ReadError, read_file
from .dates import meeting_date, meeting_place
from .people import find_people
from .periods import reviewed_period
from .tasks import candidates, classify, paragraphs

__all__ = ["parse_meeting", "parse_file", "read_document", "UnreadableDocument"]


class UnreadableDocument(ReadError, ValueError):
    """The file cannot be read as a meeting text (message in Vietnamese)."""


def read_document(path: str | Path) -> str:
    """The text of a .txt, .docx, .pdf or .html file (the extraction engine's readers)."""
    try:
        return read_file(path)
    except ReadError as exc:
        raise UnreadableDocument(str(exc)) from exc


def parse_meeting(text: str) -> dict:
    """Parse a meeting text. Keys: period, date, place, next_period, people, organizations, conclusions, tasks."""
    text = retone(text)
    body = text[: body_end(match_key(text))]
    key = match_key(body)
    period, _mentions, year = reviewed_period(key)
    organizations = list(ORG_CODES) if says_all(body) else orgs_named(body)
    paras = paragraphs(body)
    classify(paras, period, year)
    conclusions = "\n".join(p.text for p in paras if p.kind == "conclusion")
    tasks = candidates(body, paras, period, year, organizations)
    return {
        "period": period.code if period else None,
        "date": meeting_date(body, year),
        "place": meeting_place(body),
        "next_period": period.following().code if period else None,
        "people": find_people(body),
        "organizations": organizations,
        "conclusions": conclusions,
        "tasks": [t.as_dict() for t in tasks],
    }


def parse_file(path: str | Path) -> dict:
    return parse_meeting(read_document(path))

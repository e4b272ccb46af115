"""Meeting texts (articles, minutes) → period, people, organizations, conclusions, task candidates.

Plain Python, no Django: `parse_meeting(text)` is a pure function; `read_document(path)` reads
.txt, .docx and .html files into text. Offsets ('start', 'end') index the NFC form of the text
given (the tone-placement normalization keeps lengths).
"""

from pathlib import Path

from .textparse.dates import meeting_date, meeting_place
from .textparse.normalize import fold, normalize
from .textparse.orgs import ORG_CODES, orgs_named, says_all
from .textparse.people import find_people
from .textparse.periods import next_period, reviewed_period
from .textparse.readers import body_end, read_document
from .textparse.tasks import candidates, classify, paragraphs

__all__ = ["parse_meeting", "parse_file", "read_document"]


def parse_meeting(text: str) -> dict:
    """Parse a meeting text. Keys: period, date, place, next_period, people, organizations, conclusions, tasks."""
    text = normalize(text)
    body = text[: body_end(text)]
    folded = fold(body)
    period, _mentions, year = reviewed_period(folded)
    organizations = list(ORG_CODES) if says_all(folded) else orgs_named(folded)
    paras = paragraphs(body)
    classify(paras, period, year)
    conclusions = "\n".join(p.text for p in paras if p.kind == "conclusion")
    tasks = candidates(body, paras, period, year, organizations)
    return {
        "period": period,
        "date": meeting_date(body, year),
        "place": meeting_place(body),
        "next_period": next_period(period) if period else None,
        "people": find_people(body),
        "organizations": organizations,
        "conclusions": conclusions,
        "tasks": [t.as_dict() for t in tasks],
    }


def parse_file(path: str | Path) -> dict:
    return parse_meeting(read_document(path))

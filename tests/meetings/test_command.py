import json
import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from giaoban.meetings.models import Meeting

ROOT = Path(__file__).resolve().parents[2]
SEED = Path(os.environ.get("GIAOBAN_SHARED", ROOT / ".." / "shared")) / "seeds" / "lai-chau-2023-q3.txt"
FIXTURE = ROOT / "tests" / "fixtures" / "meetings" / "phunu-2024-q1.txt"


def run(*args) -> str:
    out = StringIO()
    call_command("meeting", *args, stdout=out)
    return out.getvalue()


def test_parse_seed_json():
    if not SEED.exists():
        pytest.skip("shared seed absent")
    data = json.loads(run("parse", str(SEED), "--format", "json"))
    assert data["period"] == "2023-Q3"
    assert {p["name"] for p in data["people"]} == {"Lò Văn Cương", "Vũ Mạnh Hà"}
    due = [t for t in data["tasks"] if t["due_period"] == "2023-Q4"]
    assert len(due) >= 4
    assert all(set(t) >= {"text", "orgs", "due_period"} for t in data["tasks"])


def test_parse_table():
    out = run("parse", str(FIXTURE))
    assert "Kỳ được đánh giá: 2024-Q1" in out
    assert "Nguyễn Thị Thu Hằng – Chủ tịch Hội LHPN tỉnh" in out


def test_missing_file_is_named():
    with pytest.raises(CommandError, match="khong-co.txt"):
        run("parse", "khong-co.txt")


def test_import_creates_draft(db):
    out = json.loads(run("import", str(FIXTURE), "--format", "json"))
    meeting = Meeting.objects.get(pk=out["meeting"])
    assert meeting.status == Meeting.Status.DRAFT
    assert meeting.period == "2024-Q1" and len(meeting.candidates) == 6
    assert meeting.attendees.count() == 2

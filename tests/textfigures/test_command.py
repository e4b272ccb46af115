"""`giaoban extract FILE [--format json|table]`."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

TEXT = "HỘI CCB XÃ KHUN HÁ\nBáo cáo quý I/2025\nHội trao 8 suất quà, mỗi suất 300.000 đồng.\n"


def test_json(tmp_path: Path) -> None:
    p = tmp_path / "bc.txt"
    p.write_text(TEXT, encoding="utf-8")
    out = StringIO()
    call_command("extract", str(p), "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["period"] == "2025-Q1"
    assert [(f["value"], f["unit"], f["org"]) for f in data["figures"]] == [(8, "suất", "ccb"), (300000, "đồng", "ccb")]
    keys = {"start", "end", "text", "value", "unit", "qualifier", "org", "orgs", "kind", "indicator",
            "indicator_code", "confidence"}
    assert keys <= set(data["figures"][0])


def test_table(tmp_path: Path) -> None:
    p = tmp_path / "bc.txt"
    p.write_text(TEXT, encoding="utf-8")
    out = StringIO()
    call_command("extract", str(p), stdout=out)
    text = out.getvalue()
    assert "Kỳ báo cáo: 2025-Q1" in text and "300.000" in text and "CCB" in text


def test_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="khong-co.txt"):
        call_command("extract", str(tmp_path / "khong-co.txt"))

"""The engine's whole output on every text the project holds, against a stored snapshot.

Work on the engine's speed must not change a single output: this test runs ``extract_text`` over
the annotated corpus (tests/fixtures/corpus), the older fixtures (tests/fixtures/extraction) and
the meeting fixtures (tests/fixtures/meetings), and compares each text's period, target sections
and figures (span, value, unit, qualifier, org(s), kind, indicator phrase and code, confidence and
its class, and why) with tests/fixtures/engine_snapshot.jsonl, one JSON line per text.

A change of the rules that changes outputs on purpose regenerates the snapshot from that change's
own output (and says so in its commit), never to hide a change made for speed:

    .venv/bin/python tests/textfigures/test_snapshot.py --write
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))

from giaoban.textfigures import extract_text  # noqa: E402

SNAPSHOT = ROOT / "tests" / "fixtures" / "engine_snapshot.jsonl"
SOURCES = (("corpus", "*.txt"), ("extraction", "*.txt"), ("meetings", "*.txt"))
# A figure as a list, in this order (its 'text' is checked against its span instead of stored).
FIELDS = ("start", "end", "value", "unit", "qualifier", "org", "orgs", "kind", "indicator_code", "indicator",
          "confidence", "confidence_class", "why")


def texts() -> list[tuple[str, str]]:
    """(name relative to tests/fixtures, text as read) for every text the snapshot covers."""
    out = []
    for folder, pattern in SOURCES:
        for path in sorted((ROOT / "tests" / "fixtures" / folder).glob(pattern)):
            out.append((f"{folder}/{path.name}", path.read_text(encoding="utf-8")))
    return out


def record(name: str, text: str) -> dict[str, Any]:
    """The snapshot line of one text: everything ``extract_text`` returns, figures as lists."""
    result = extract_text(text)
    nfc = unicodedata.normalize("NFC", text)
    figures = []
    for f in result["figures"]:
        assert f["text"] == nfc[f["start"]:f["end"]], (name, f)
        assert set(f) == set(FIELDS) | {"text"}, (name, sorted(f))
        figures.append([f[k] for k in FIELDS])
    rest = {k: v for k, v in result.items() if k not in ("figures", "period", "period_detail", "target_sections")}
    assert not rest, (name, sorted(rest))  # a new key of the result belongs in the snapshot too
    return {"name": name, "period": result["period"], "period_detail": result["period_detail"],
            "target_sections": [[s["start"], s["end"]] for s in result["target_sections"]], "figures": figures}


def _line(rec: dict[str, Any]) -> str:
    return json.dumps(rec, ensure_ascii=False, separators=(",", ":"))


def _differences(want: dict[str, Any], have: dict[str, Any], limit: int = 8) -> list[str]:
    """The first few differences of one text, each naming the figure and the field."""
    out = []
    for k in ("period", "period_detail", "target_sections"):
        if want.get(k) != have.get(k):
            out.append(f"{k}: snapshot {want.get(k)!r}, now {have.get(k)!r}")
    w, h = want["figures"], have["figures"]
    if len(w) != len(h):
        out.append(f"{len(w)} figures in the snapshot, {len(h)} now")
    for i, (a, b) in enumerate(zip(w, h)):
        for field, x, y in zip(FIELDS, a, b):
            if x != y:
                out.append(f"figure {i} ({a[0]}-{a[1]}) {field}: snapshot {x!r}, now {y!r}")
    for a in w[len(h):]:
        out.append(f"gone: {a}")
    for b in h[len(w):]:
        out.append(f"new: {b}")
    return out[:limit]


def test_engine_output_is_the_snapshot() -> None:
    stored = {}
    for line in SNAPSHOT.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        stored[rec["name"]] = rec
    current = {name: json.loads(_line(record(name, text))) for name, text in texts()}  # (JSON: tuples as lists)
    assert len(current) >= 150
    problems = []
    for name in sorted(set(stored) | set(current)):
        if name not in stored:
            problems.append(f"{name}: not in the snapshot")
        elif name not in current:
            problems.append(f"{name}: in the snapshot, no such text now")
        else:
            problems += [f"{name}: {d}" for d in _differences(stored[name], current[name])]
    assert not problems, (f"{len(problems)} differences (a rule change regenerates the snapshot: "
                          f"python tests/textfigures/test_snapshot.py --write):\n" + "\n".join(problems[:40]))


def test_a_changed_output_is_caught() -> None:
    """The comparison sees a one-field change (the test can fail)."""
    name, text = next((n, t) for n, t in texts() if n.startswith("corpus/"))
    want = json.loads(_line(record(name, text)))
    have = json.loads(json.dumps(want))
    have["figures"][0][FIELDS.index("org")] = "other" if want["figures"][0][FIELDS.index("org")] != "other" else None
    assert _differences(want, have) == [f"figure 0 ({want['figures'][0][0]}-{want['figures'][0][1]}) org: "
                                        f"snapshot {want['figures'][0][FIELDS.index('org')]!r}, now "
                                        f"{have['figures'][0][FIELDS.index('org')]!r}"]


def write() -> int:
    lines = [_line(record(name, text)) for name, text in texts()]
    SNAPSHOT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{SNAPSHOT.relative_to(ROOT)}: {len(lines)} texts, "
          f"{sum(len(json.loads(x)['figures']) for x in lines)} figures")
    return 0


if __name__ == "__main__":
    if "--write" not in sys.argv[1:]:
        print(__doc__)
        sys.exit(2)
    sys.exit(write())

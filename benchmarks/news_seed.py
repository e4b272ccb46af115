"""The blind comparison of issue 16: which of the seed article's figures the 2023-Q3 news draft carries.

Reads the seed's gold annotation (../shared/seeds/lai-chau-2023-q3.gold.json) and checks each figure
against (1) the draft written from the demo catalogue's 2023-Q3 figures (what the test reads) and
(2) the committed sample docs/samples/tin-bai-lai-chau-2023-Q3.txt (written from the demo database).
Exact figures must appear as written; rounded ones ('gần 3.000 tỷ') within 5 %.

Run: .venv/bin/python benchmarks/news_seed.py
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")


def main() -> int:
    import django

    django.setup()
    from giaoban.docwriter.news import build_news
    from tests.docwriter.test_news import GOLD, draft_figures, generated_model

    if not GOLD.exists():
        print(json.dumps({"benchmark": "news_seed", "error": f"{GOLD} is not here"}))
        return 1
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["figures"]
    drafts = {"demo_catalogue": build_news(generated_model()).text}
    sample = ROOT / "docs" / "samples" / "tin-bai-lai-chau-2023-Q3.txt"
    if sample.exists():
        drafts["sample"] = sample.read_text(encoding="utf-8")
    out: dict = {"benchmark": "news_seed", "figures": len(gold)}
    for name, text in drafts.items():
        found = draft_figures(text)
        missing = []
        for fig in gold:
            value, tol = float(fig["value"]), 0.0 if fig["qualifier"] == "exact" else 0.05
            if not any(abs(v - value) <= tol * value for v in found):
                missing.append(fig["span"])
        out[name] = {"found": len(gold) - len(missing), "missing": missing}
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

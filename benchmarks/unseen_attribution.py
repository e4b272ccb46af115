"""Attribution on texts no rule had seen, reconstructed (issue 15).

For each fresh set, the engine of the commit that added the set reads the set's development texts
(benchmarks/unseen_codes.old_figures; the test part is never read) and each matched figure whose
organization differs from today's gold is printed: gold vs predicted, the figure's sentence and the
engine's ``why``. With ``--now`` this checkout's engine reads the same texts too, and each
reconstructed error is marked as still made or mended: how a mechanism decided on other sets
reaches a set's own unseen errors.

    .venv/bin/python benchmarks/unseen_attribution.py [--sets src_u,src_x] [--now] [--quiet]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from unseen_codes import CORPUS, SETS, old_figures  # noqa: E402

from giaoban.textfigures import extract_text, scoring  # noqa: E402

def _sentence(text: str, start: int, end: int) -> str:
    a = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), text.rfind(";", 0, start)) + 1
    bs = [i for i in (text.find(".", end), text.find("\n", end), text.find(";", end)) if i >= 0]
    return re.sub(r"\s+", " ", text[a:min(bs) if bs else len(text)]).strip()


def _org(f: dict) -> str:
    o = sorted(scoring.orgs_of(f))
    return ",".join(o) if o else "None"


def errors(preds: dict[str, list[dict]], now: dict[str, list[dict]] | None) -> tuple[int, list[dict]]:
    matched, out = 0, []
    for doc, figs in preds.items():
        gold = json.loads((CORPUS / f"{doc}.gold.json").read_text(encoding="utf-8"))["figures"]
        text = (CORPUS / f"{doc}.txt").read_text(encoding="utf-8")
        today = {}
        if now is not None:
            today = {id(g): p for g, p in scoring.match(gold, now[doc])}
        for g, p in scoring.match(gold, figs):
            matched += 1
            if scoring.orgs_of(g) == scoring.orgs_of(p):
                continue
            e = {"doc": doc, "gold": _org(g), "pred": _org(p), "text": p.get("text"),
                 "sentence": _sentence(text, g["start"], g["end"]) if "start" in g else "", "why": p.get("why")}
            if now is not None:
                q = today.get(id(g))
                e["now"] = _org(q) if q is not None else "missed"
            out.append(e)
    return matched, out


def main(argv: list[str]) -> int:
    sets = argv[argv.index("--sets") + 1].split(",") if "--sets" in argv else list(SETS)
    quiet = "--quiet" in argv
    tot = [0, 0, 0]
    for name in sets:
        commit, preds = old_figures(name, False)
        now = {doc: extract_text((CORPUS / f"{doc}.txt").read_text(encoding="utf-8"))["figures"] for doc in preds} \
            if "--now" in argv else None
        matched, errs = errors(preds, now)
        still = sum(e.get("now") != e["gold"] for e in errs) if now is not None else 0
        tot[0] += matched
        tot[1] += len(errs)
        tot[2] += still
        print(f"{name} dev ({len(preds)} texts, engine {commit}): attribution {matched - len(errs)}/{matched} = "
              f"{(matched - len(errs)) / max(matched, 1):.3f}" + (f"; still wrong now {still}" if now else ""))
        if not quiet:
            for e in errs:
                mark = "" if now is None else (" [mended]" if e["now"] == e["gold"] else f" [now {e['now']}]")
                print(f"  {e['doc']}: {e['text']!r} gold {e['gold']} pred {e['pred']}{mark}\n"
                      f"    | {e['sentence']}\n    why {e['why']}")
    print(f"together: attribution {tot[0] - tot[1]}/{tot[0]}" + (f"; still wrong now {tot[2]}" if "--now" in argv else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

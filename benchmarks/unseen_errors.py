"""The errors the engine made on wording it had not seen, by class (issue 15).

Each fresh set (tests/fixtures/corpus/src_*.py) was landed first with the engine unchanged; the
engine of that commit reads the set's development texts (benchmarks/unseen_codes.old_figures; the
test part is never read) and each of its figures is compared with today's gold by today's scorer.
Every indicator-code and attribution error is put in one class, decided from the gold alone (its
kind, its organization, whether the catalogue has an indicator for it), and this checkout's
engine reads the same texts to say whether the error is mended now. A class that recurs set after
set is one the rules were not written for in general: a fix named the wording, not the class.

    .venv/bin/python benchmarks/unseen_errors.py [--sets src_u,src_x] [--verbose] [--no-now]

Printed: a table of classes x sets with counts (and mended now), then with --verbose every error
with its figure's words.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from unseen_codes import CORPUS, SETS, old_figures  # noqa: E402

from giaoban.textfigures import extract_text, scoring  # noqa: E402

# The classes, in the order printed; what each means is in the code of classify().
CLASSES = (
    "code false: a change/share/target",
    "code false: area statistic or place (org None)",
    "code false: another body's (other)",
    "code false: counted thing differs",
    "code wrong: another indicator",
    "code missing: actor wrong too",
    "code missing: vocabulary",
    "attr: collective actor (orgs)",
    "attr: area statistic or place (None)",
    "attr: donor/other body (other)",
    "attr: actor lost (pred None)",
    "attr: taken for another body (pred other)",
    "attr: read as collective",
    "attr: one organization for another",
)


def classify(g: dict, p: dict) -> list[str]:
    """The classes of the errors one matched figure carries (a code error, an attribution error)."""
    out = []
    gorgs, porgs = scoring.orgs_of(g), scoring.orgs_of(p)
    if "indicator_code" in g:
        want, have = g["indicator_code"], p.get("indicator_code")
        if want is None and have is not None:
            if g.get("kind", "level") != "level":
                out.append("code false: a change/share/target")
            elif not gorgs:
                out.append("code false: area statistic or place (org None)")
            elif gorgs == {"other"}:
                out.append("code false: another body's (other)")
            else:
                out.append("code false: counted thing differs")
        elif want is not None and have is not None and have != want:
            out.append("code wrong: another indicator")
        elif want is not None and have is None:
            out.append("code missing: actor wrong too" if gorgs != porgs else "code missing: vocabulary")
    if gorgs != porgs:
        if len(gorgs) > 1:
            out.append("attr: collective actor (orgs)")
        elif not gorgs:
            out.append("attr: area statistic or place (None)")
        elif gorgs == {"other"}:
            out.append("attr: donor/other body (other)")
        elif not porgs:
            out.append("attr: actor lost (pred None)")
        elif porgs == {"other"}:
            out.append("attr: taken for another body (pred other)")
        elif len(porgs) > 1:
            out.append("attr: read as collective")
        else:
            out.append("attr: one organization for another")
    return out


def errors_of(name: str, now: bool) -> tuple[str, list[dict], int]:
    """The old engine's errors on a set's dev texts, each with its class and whether mended now."""
    commit, preds = old_figures(name, False)
    out, matched = [], 0
    for doc, figs in preds.items():
        gold = json.loads((CORPUS / f"{doc}.gold.json").read_text(encoding="utf-8"))["figures"]
        today: dict[int, dict] = {}
        if now:
            cur = extract_text((CORPUS / f"{doc}.txt").read_text(encoding="utf-8"))["figures"]
            today = {id(g): q for g, q in scoring.match(gold, cur)}
        for g, p in scoring.match(gold, figs):
            matched += 1
            for cls in classify(g, p):
                q = today.get(id(g))
                mended = None if not now else (q is not None and cls not in classify(g, q))
                out.append({"set": name, "doc": doc, "class": cls, "text": g.get("span"), "gold_org": sorted(scoring.orgs_of(g)),
                            "pred_org": sorted(scoring.orgs_of(p)), "gold_code": g.get("indicator_code"),
                            "pred_code": p.get("indicator_code"), "kind": g.get("kind"), "mended": mended})
    return commit, out, matched


def main(argv: list[str]) -> int:
    sets = argv[argv.index("--sets") + 1].split(",") if "--sets" in argv else list(SETS)
    now, verbose = "--no-now" not in argv, "--verbose" in argv
    table: dict[str, Counter] = defaultdict(Counter)
    mended: Counter = Counter()
    every: list[dict] = []
    figures = 0
    for name in sets:
        commit, errs, matched = errors_of(name, now)
        figures += matched
        print(f"{name}: engine {commit}, {matched} matched dev figures, {len(errs)} errors", file=sys.stderr)
        for e in errs:
            table[e["class"]][name] += 1
            mended[e["class"]] += bool(e["mended"])
        every += errs
    short = [s.removeprefix("src_") for s in sets]
    print(f"{'class':48} {'all':>4} {'now ok':>6} {'sets':>4}  " + " ".join(f"{s:>3}" for s in short))
    for cls in CLASSES:
        row = table.get(cls, Counter())
        total = sum(row.values())
        print(f"{cls:48} {total:>4} {mended[cls] if now else '-':>6} {len(row):>4}  "
              + " ".join(f"{row.get(s, 0) or '.':>3}" for s in sets))
    print(f"{'together':48} {len(every):>4} {sum(mended.values()) if now else '-':>6}        ({figures} matched figures)")
    if verbose:
        for e in every:
            mark = "" if e["mended"] is None else (" [mended]" if e["mended"] else " [still]")
            print(f"{e['set']} {e['doc']}: {e['class']}: {e['text']!r} kind {e['kind']} gold {e['gold_org']} "
                  f"{e['gold_code']} pred {e['pred_org']} {e['pred_code']}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

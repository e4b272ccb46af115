"""Indicator codes on texts no rule had seen, reconstructed (issue 15).

For each fresh authoring set (tests/fixtures/corpus/NAME.py), the engine as it was at the commit
that added the set reads the set's development texts (scoring.split_of; the test part is never
read), from a temporary ``git worktree add --detach`` of that commit; its figures are scored
against today's gold with today's scorer. Printed per set: indicator right, false code and the
wrong codes given; with ``--verbose`` each wrong or false code with its confidence class and its
``why`` (which words, from where, who), the material the code gate in engine.py was decided on.

``--gate`` first copies this checkout's gate (engine.py: _unreliable_words, _names_another_thing
and what they use) into each old engine, to measure it there: the "after" of the reconstruction.
(A text patch of the old engine in its temporary worktree, nothing else; needs an engine that has
``cm.lead``, as every engine since src_q has.)

    .venv/bin/python benchmarks/unseen_codes.py [--sets src_q,src_r] [--gate] [--verbose]
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from giaoban.textfigures import scoring  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "corpus"
# The fresh sets, each written before any rule saw it; the gate was decided on q, r, t (checked on u,
# v); s, s2, w2 and w3 were not looked at for it.
SETS = ("src_q", "src_r", "src_s", "src_s2", "src_t", "src_u", "src_v", "src_w2", "src_w3")

# Run in the old checkout: its engine over the named texts of today's corpus, figures as JSON.
_DUMP = """
import json, sys
from giaoban.textfigures import extract_text
corpus, names = sys.argv[1], sys.argv[2:]
out = {n: extract_text(open(f"{corpus}/{n}.txt", encoding="utf-8").read())["figures"] for n in names}
print(json.dumps(out, ensure_ascii=False))
"""


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True).stdout


def dev_names(name: str) -> list[str]:
    spec = importlib.util.spec_from_file_location(name, CORPUS / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return [d["name"] for d in mod.DOCS if scoring.split_of(d["name"]) == "dev"]


def port_gate(old_root: Path) -> None:
    """Copy this checkout's code gate into the old engine (see the module's docstring)."""
    mine = (ROOT / "giaoban" / "textfigures" / "engine.py").read_text(encoding="utf-8")
    helpers = mine[mine.index("# The gate on the words that named an indicator"):mine.index("def _json_number")]
    helpers += ("def _vocab_of(matcher, code):\n    return frozenset(w for en in matcher.entries if en.code == code "
                "for s in en.synonyms for w in s.split())\n\n\n")
    path = old_root / "giaoban" / "textfigures" / "engine.py"
    s = path.read_text(encoding="utf-8")
    m = re.search(r"\n( +)code, code_conf = cm\.code, cm\.score\n(?: +code_from = .*\n)?", s)
    if m is None:
        raise SystemExit(f"{path}: no place for the gate")
    ind = m.group(1)
    gate = (f"{ind}named = code\n{ind}if code is not None and _unreliable_words(key, c, cm, s_start, list_start, figures):\n"
            f"{ind}    code, code_conf = None, 0.0\n" + (f"{ind}    code_from = None\n" if "code_from" in m.group(0) else ""))
    if "list_near = before" in s:
        s = s[:m.end()] + gate + s[m.end():]
        s = s.replace("list_near = before\n", "list_near, list_start = before, c.start\n", 1)
        s = s.replace("    list_near = \"\"", "    list_start = 0\n    list_near = \"\"", 1)
    else:  # an engine that read no lists yet: each figure is its own first item
        s = s[:m.start()] + f"\n{ind}list_start = c.start" + s[m.start():m.end()] + gate + s[m.end():]
    money_set = "_MONEY_CODE_SET" if re.search(r"^_MONEY_CODE_SET", s, re.M) else "set(_MONEY_CODES.values())"
    s = s.replace("direct_only=code is None)", f"direct_only=code is None and named not in {money_set})")
    s = s.replace("def _json_number", helpers + "def _json_number", 1)
    g = re.search(r'"tổ chức", "sinh hoạt", "mô hình", "giảm", "nguồn vốn"\)\}\n', s)
    if g is None:
        raise SystemExit(f"{path}: no _GENERIC_WORDS")
    s = s[:g.end()] + "_LOOSE_WORDS = frozenset(_GENERIC_WORDS | NEAR_ONLY)\n" + s[g.end():]
    weak = "NEAR_ONLY" if re.search(r"^NEAR_ONLY", (old_root / "giaoban/textfigures/catalogue.py").read_text(encoding="utf-8"), re.M) \
        else "_NEAR_ONLY as NEAR_ONLY"
    s = re.sub(r"from \.catalogue import (?:NEAR_ONLY, )?", f"from .catalogue import {weak}, ", s, count=1)
    last = re.search(r"\n( +)if code is not None:\n +last_coded\[c\.unit\] = ", s)
    if last is None:
        raise SystemExit(f"{path}: no place for the measure-word rule")
    ind = last.group(1)
    s = (s[:last.start()] + f"\n{ind}if code == _MONEY_CODES['raised'] and _gifts_valued(key, c, s_start, before) and "
         f"matcher.reported_by(_MONEY_CODES['given'], actor.org, actor.orgs):\n{ind}    code = _MONEY_CODES['given']"
         f"\n{ind}if code is not None and _not_the_indicators_thing(t, key, c, code, actor, s_start, clause_start, clause_end, "
         f"before, previous[-2] if len(previous) > 1 and previous[-2].start >= s_start else None):"
         f"\n{ind}    code, code_conf = None, 0.0"
         f"\n{ind}if code is not None and c.unit in _CLASSIFIER_UNITS and "
         f"_names_another_thing(t, key, c, _vocab_of(matcher, code), clause_end):\n{ind}    code, code_conf = None, 0.0"
         + s[last.start():])
    for name in ("_GRASSROOTS_UNITS", "_UNIT_COUNT_CODES"):  # (what _not_the_indicators_thing asks, defined elsewhere)
        if not re.search(rf"^{name} = ", s, re.M):
            line = re.search(rf"^{name} = .*\n", mine, re.M)
            s = s.replace("def _json_number", line.group() + "\n\ndef _json_number", 1)  # type: ignore[union-attr]
    path.write_text(s, encoding="utf-8")


def old_figures(name: str, gate: bool) -> tuple[str, dict[str, list[dict]]]:
    """The commit that added the set, and its engine's figures on the set's dev texts."""
    commit = _git("log", "--diff-filter=A", "--format=%h", "--", f"tests/fixtures/corpus/{name}.py").split()[-1]
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp) / "old"
        _git("worktree", "add", "--detach", str(where), commit)
        try:
            if gate:
                port_gate(where)
            run = subprocess.run([sys.executable, "-c", _DUMP, str(CORPUS), *dev_names(name)], check=True,
                                 capture_output=True, text=True, cwd=str(where),
                                 env=dict(os.environ, PYTHONPATH=str(where)))
        finally:
            _git("worktree", "remove", "--force", str(where))
    return commit, json.loads(run.stdout)


def codes_of(preds: dict[str, list[dict]], verbose: bool) -> dict[str, int]:
    out = {"right": 0, "with_code": 0, "wrong": 0, "false": 0, "without_code": 0}
    tally = scoring.FigureTally()  # (for the precision of the class the review page ticks in advance)
    for doc, figs in preds.items():
        gold = json.loads((CORPUS / f"{doc}.gold.json").read_text(encoding="utf-8"))["figures"]
        tally.add(gold, figs, doc)
        for g, p in scoring.match(gold, figs):
            if "indicator_code" not in g:
                continue
            want, have = g["indicator_code"], p.get("indicator_code")
            if want:
                out["with_code"] += 1
                out["right"] += have == want
                out["wrong"] += have is not None and have != want
            else:
                out["without_code"] += 1
                out["false"] += have is not None
            if verbose and have is not None and have != want:
                print(f"  {'false' if want is None else 'wrong'} {doc}: {p.get('text')!r} gold {want} pred {have} "
                      f"class {p.get('confidence_class')} kind {p.get('kind')} why {p.get('why')}")
    sure = tally.summary()["classes"].get("sure-clause", {"right": 0, "figures": 0})
    out["sure_clause_right"], out["sure_clause"] = sure["right"], sure["figures"]
    return out


def main(argv: list[str]) -> int:
    sets = argv[argv.index("--sets") + 1].split(",") if "--sets" in argv else list(SETS)
    gate, verbose = "--gate" in argv, "--verbose" in argv
    total: dict[str, int] = {}
    result: dict = {}
    for name in sets:
        commit, preds = old_figures(name, gate)
        c = codes_of(preds, verbose)
        for k, v in c.items():
            total[k] = total.get(k, 0) + v
        result[name] = dict(c, commit=commit)
        print(f"{name} dev ({len(preds)} texts, engine {commit}{' + gate' if gate else ''}): indicator right "
              f"{c['right']}/{c['with_code']}, false code {c['false']}/{c['without_code']}, wrong codes {c['wrong']}, "
              f"sure-clause {c['sure_clause_right']}/{c['sure_clause']}")
    print(f"together: indicator right {total['right']}/{total['with_code']}, false code "
          f"{total['false']}/{total['without_code']}, wrong codes {total['wrong']}, sure-clause "
          f"{total['sure_clause_right']}/{total['sure_clause']}")
    result["together"] = total
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

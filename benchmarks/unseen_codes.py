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

import ast
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
# The fresh sets, each written before any rule saw it and landed with the engine unchanged, in the
# order they were landed (the gate was decided on q, r, t, checked on u, v; ae-ah landed within four minutes
# of each other, listed by name).
SETS = ("src_q", "src_q2", "src_r", "src_s", "src_s2", "src_t", "src_u", "src_v", "src_w2", "src_w3", "src_w4",
        "src_w5", "src_x", "src_y", "src_z", "src_aa", "src_ab", "src_ac", "src_ad", "src_ae", "src_af", "src_ag",
        "src_ah", "src_ai", "src_aj", "src_al", "src_am", "src_ak", "src_an", "src_ao", "src_aq",
        "src_ap", "src_ar", "src_as", "src_au", "src_av", "src_at",
        "src_aw", "src_ay", "src_ax", "src_ba", "src_az")

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
    _close_names(path, mine)


def _close_names(path: Path, mine: str) -> None:
    """Copy into the patched old engine every top-level name the copied gate uses that the old engine
    lacks (a function, a constant, an import of this checkout's engine), until none is missing: the
    gate's helpers grow with the engine (src_q2's engine lacked _CHECKED_UNITS, which _where_place
    asks today)."""
    defs: dict[str, str] = {}
    order: dict[str, int] = {}  # (constants go in after the imports, in this checkout's order: one may use another)
    imports: dict[str, str] = {}
    for node in ast.parse(mine).body:
        order.setdefault(getattr(node, "name", ""), node.lineno)
        seg = ast.get_source_segment(mine, node) or ""
        if isinstance(node, ast.ImportFrom):
            for a in node.names:
                imports[a.asname or a.name] = f"from {'.' * node.level}{node.module or ''} import {a.name}" + \
                    (f" as {a.asname}" if a.asname else "")
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            defs[node.name] = seg
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                if isinstance(target, ast.Name):
                    defs[target.id] = seg
                    order[target.id] = node.lineno
    for _ in range(50):
        s = path.read_text(encoding="utf-8")
        tree = ast.parse(s)
        have = _module_names(tree)
        used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        local = {a.arg for n in ast.walk(tree) if isinstance(n, ast.arguments) for a in (*n.args, *n.kwonlyargs)} \
            | {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)} \
            | {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
        missing = sorted(n for n in used - have - local - set(dir(__builtins__)) if n in defs or n in imports)
        if not missing:
            return
        head = "".join(imports[n] + "\n" for n in missing if n in imports and n not in defs)
        for n in missing:  # (a name imported from a sibling module the old one lacks: carried into that module)
            if n in imports and n not in defs and imports[n].startswith("from ."):
                _carry_into_module(path.parent, imports[n])
        const = [n for n in missing if n in defs and not defs[n].startswith(("def ", "class ", "@"))]
        for n in const:  # (with the constants each uses, even those the old engine defines further down)
            const += [m for m in sorted({x.id for x in ast.walk(ast.parse(defs[n])) if isinstance(x, ast.Name)})
                      if m in defs and m not in const and not defs[m].startswith(("def ", "class ", "@"))]
        consts = "".join(defs[n] + "\n" for n in sorted(const, key=order.get))
        funcs = "".join(defs[n] + "\n\n\n" for n in missing if n in defs and defs[n].startswith(("def ", "class ", "@")))
        at = s.index("def _json_number") if "def _json_number" in s else len(s)
        s = s[:at] + funcs + s[at:]
        last_import = max((n.end_lineno or n.lineno for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))), default=0)
        lines = s.split("\n")
        s = "\n".join(lines[:last_import] + [head + consts] + lines[last_import:])
        path.write_text(s, encoding="utf-8")
    raise SystemExit(f"{path}: names still missing after 50 rounds")


def _module_names(tree: ast.Module) -> set[str]:
    """The names a module's top level imports, defines or assigns."""
    have = {a.asname or a.name.split(".")[0] for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
    for n in tree.body:
        if isinstance(n, (ast.FunctionDef, ast.ClassDef)):
            have.add(n.name)
        elif isinstance(n, (ast.Assign, ast.AnnAssign)):
            have |= {t.id for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Name)}
    return have


def _carry_into_module(package: Path, line: str) -> None:
    """Make the old sibling module that ``line`` (``from .lexicon import ADMIN_LEVELS``) imports from
    define the name: this checkout's definition is appended to it, with what that uses, when the old
    module lacks it (ADMIN_LEVELS, which the ported gate's helpers ask and old lexicons lack)."""
    m = re.match(r"from \.(\w+) import (\w+)(?: as \w+)?$", line)
    if m is None:
        return
    module, name = m.groups()
    old = package / f"{module}.py"
    if not old.exists():
        return
    s = old.read_text(encoding="utf-8")
    if name in _module_names(ast.parse(s)):
        return
    mine = (ROOT / "giaoban" / "textfigures" / f"{module}.py").read_text(encoding="utf-8")
    for node in ast.parse(mine).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        names = [node.name] if isinstance(node, (ast.FunctionDef, ast.ClassDef)) else \
            [t.id for t in targets if isinstance(t, ast.Name)]
        if name in names:
            seg = ast.get_source_segment(mine, node) or ""
            old.write_text(s.rstrip("\n") + "\n\n\n" + seg + "\n", encoding="utf-8")
            _close_names(old, mine)
            return


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
    total: dict[str, int] = dict.fromkeys(("right", "with_code", "wrong", "false", "without_code", "sure_clause_right",
                                           "sure_clause"), 0)
    result: dict = {}
    for name in sets:
        try:
            commit, preds = old_figures(name, gate)
        except subprocess.CalledProcessError as e:  # (an old engine the gate could not be ported into: said, not fatal)
            print(f"{name}: the old engine failed{' with the gate' if gate else ''}: "
                  f"{(e.stderr or '').strip().splitlines()[-1:] or e}")
            continue
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

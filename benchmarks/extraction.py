"""Accuracy and speed of the extraction engine.

Accuracy: the project's scorer (giaoban.textfigures.scoring: the shared scorer's matching, with
indicator accuracy, false-code rate and meetings) on the annotated corpus
(tests/fixtures/corpus), its development part and its test part printed separately; on the
older fixtures (tests/fixtures/extraction) and the shared seed (when ../shared is present). Speed: characters per second of `extract_text` and, in
the same run over the same texts, of underthesea's `word_tokenize` (install the `bench` extra), for the
engine as installed (compiled with mypyc by setup.py; `GIAOBAN_ENGINE=python` runs the Python engine).
Segmentation: figure detection by the engine's own chunker next to detection from underthesea's
word segmentation and POS tags, on the corpus (which serves the engine better, issue #15).

    .venv/bin/python benchmarks/extraction.py [--verbose]
    .venv/bin/python benchmarks/extraction.py --set src_n [--verbose]   # one authoring set only
    .venv/bin/python benchmarks/extraction.py --composition   # texts per province, organization, genre, year
    .venv/bin/python benchmarks/extraction.py --speed [--engine ../other-checkout]   # speed alone

``--speed`` times the engine and underthesea on the texts the whole run times (corpus, seed, fixtures), and
stops there. ``--engine DIR`` runs the engine of another checkout (compiled there or not) on this
checkout's texts: a change's before and after on the same texts, in the same run of the machine.

``--set NAME`` scores only the texts of tests/fixtures/corpus/NAME.py (e.g. a set written fresh,
before any rule saw it: the honest figure on unseen texts), per part and together, and stops there.

The last line printed is one JSON object.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
if "--engine" in sys.argv:  # (first on the path: its giaoban is imported instead of this checkout's)
    sys.path.insert(0, str(Path(sys.argv[sys.argv.index("--engine") + 1]).resolve()))

from giaoban.textfigures import extract_text, scoring  # noqa: E402
from giaoban.textfigures.normalize import match_key  # noqa: E402
from giaoban.textfigures.meetings import parse_meeting  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "extraction"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
SHARED = Path(os.environ.get("GIAOBAN_SHARED", ROOT / ".." / "shared"))


def load_scorer():  # type: ignore[no-untyped-def]
    return scoring, "giaoban.textfigures.scoring"


def score(scorer, pairs: list[tuple[dict, dict]]) -> dict:  # type: ignore[no-untyped-def]
    return scoring.score_figures((g["figures"], p["figures"]) for g, p in pairs)


def corpus_scores(verbose: bool) -> tuple[dict, list[str]]:
    """Figures and meetings of the corpus, per part (dev, test)."""
    out: dict = {}
    texts: list[str] = []
    figures = {"dev": scoring.FigureTally(), "test": scoring.FigureTally()}
    meetings = {"dev": scoring.MeetingTally(), "test": scoring.MeetingTally()}
    counts = {"dev": 0, "test": 0}
    for name, text, gold in scoring.load_corpus(CORPUS):
        part = scoring.split_of(name)
        counts[part] += 1
        texts.append(text)
        figures[part].add(gold["figures"], extract_text(text)["figures"], name)
        if "meeting" in gold:
            meetings[part].add(gold["meeting"], parse_meeting(text), name)
    for part in ("dev", "test"):
        out[part] = figures[part].summary()
        out[part]["texts"] = counts[part]
        out[part]["meetings"] = meetings[part].summary()
        if verbose and part == "dev":  # the test part is only ever scored, never read for tuning
            print("== corpus dev")
            print("\n".join(figures[part].problems + meetings[part].problems))
    return out, texts


def verbose_report(scorer, items: list[tuple[str, dict, dict]]) -> None:  # type: ignore[no-untyped-def]
    """Print the scorer's own --verbose output for each document."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        args = []
        for name, gold, pred in items:
            gp, pp = Path(tmp) / f"{name}.gold.json", Path(tmp) / f"{name}.pred.json"
            gp.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
            pp.write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
            args += [str(gp), str(pp)]
        scorer.main(args + ["--verbose"])


def timed_texts() -> list[str]:
    """The texts the speed is measured on, NFC: the corpus, the shared seed (when present), the fixtures."""
    out = [text for _name, text, _gold in scoring.load_corpus(CORPUS)]
    seed = SHARED / "seeds" / "lai-chau-2023-q3.txt"
    if seed.exists():
        out.append(seed.read_text(encoding="utf-8"))
    out += [text for _name, text, _gold in fixture_texts()]
    return [unicodedata.normalize("NFC", t) for t in out]


def fixture_texts() -> list[tuple[str, str, dict]]:
    out = []
    for gold_path in sorted(FIXTURES.glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
        out.append((name, text, json.loads(gold_path.read_text(encoding="utf-8"))))
    return out


def _pos_figures(text: str, pos_tag) -> list[dict]:  # type: ignore[no-untyped-def]
    """Figures as underthesea's segmentation and POS tags give them: a number token (with the
    scale words after it) followed by a noun ('24 | buổi', '17,6 | tỷ | đồng'), the span from the
    number to the noun. Offsets found by locating each token in the text in order."""
    from giaoban.textfigures.numbers import SCALES, parse_literal  # the engine's own scale words

    tokens, pos = [], 0
    for word, tag in pos_tag(text):
        at = text.find(word, pos)
        if at < 0:
            continue
        tokens.append((word, tag, at, at + len(word)))
        pos = at + len(word)
    out = []
    for i, (word, _tag, start, _end) in enumerate(tokens):
        lit = parse_literal(word) if word[:1].isdigit() else None
        if lit is None:
            continue
        value, j = float(lit.value), i + 1
        while j < len(tokens) and tokens[j][0].lower() in SCALES:
            value *= float(SCALES[tokens[j][0].lower()])
            j += 1
        if j < len(tokens) and tokens[j][1] in ("N", "Nc", "Nu"):
            out.append({"start": start, "end": tokens[j][3], "value": value})
    return out


def segmentation(corpus: list[tuple[str, str, dict]]) -> dict:
    """Figure detection with the engine's own chunker (digit and word numbers, scale words, the
    counted noun read by its lexicon) next to detection from underthesea's word segmentation and
    POS tags (a number, its scale words, then a noun), scored alike (span and value, as the scorer
    matches) on both parts of the corpus. Also how many counted nouns of two or more syllables, as
    written in the gold figures ('hội viên', 'tổ hợp tác'), underthesea keeps as one word."""
    try:
        from underthesea import pos_tag, word_tokenize
    except ImportError:
        return {"underthesea": "not installed (pip install -e '.[bench]')"}
    out: dict = {}
    for part in ("dev", "test"):
        docs = [(text, gold) for name, text, gold in corpus if scoring.split_of(name) == part]
        ours = scoring.FigureTally()
        theirs = scoring.FigureTally()
        kept = units = 0
        for text, gold in docs:
            text = unicodedata.normalize("NFC", text)
            ours.add(gold["figures"], extract_text(text)["figures"])
            theirs.add(gold["figures"], [dict(f, org=None, qualifier="exact", indicator_code=None, confidence_class="check")
                                         for f in _pos_figures(text, pos_tag)])
            words = set(word_tokenize(text))
            for g in gold["figures"]:  # units written as such in the figure ('15 hội viên', '12 tổ hợp tác')
                if len(str(g.get("unit") or "").split()) > 1 and g["unit"] in match_key(g["span"]):
                    units += 1
                    kept += g["unit"] in words
        a, b = ours.summary(), theirs.summary()
        out[part] = {
            "engine": {k: a[k] for k in ("detection_f1", "detection_p", "detection_r")},
            "underthesea_pos": {k: b[k] for k in ("detection_f1", "detection_p", "detection_r")},
            "multiword_units_kept_whole": f"{kept}/{units}",
        }
    return out


def _pass(fn, texts: list[str], best: list[list[float]]) -> None:  # type: ignore[no-untyped-def]
    """One pass over the texts, keeping each text's fastest (wall clock, CPU) time in ``best``."""
    clock, cpu = time.perf_counter, time.process_time
    for i, t in enumerate(texts):
        w0, c0 = clock(), cpu()
        fn(t)
        w, c = clock() - w0, cpu() - c0
        if w < best[i][0]:
            best[i][0] = w
        if c < best[i][1]:
            best[i][1] = c


def speed(texts: list[str], rounds: int) -> dict:
    """Characters per second of the engine and of underthesea's word_tokenize on the same texts.

    Each round is a pass of the engine over all texts, then one of word_tokenize (each runs warm,
    as in use), and each text counts with its fastest time of all rounds (timeit's advice: the
    minimum is the least noisy estimate). On a shared machine a whole pass is often interrupted
    somewhere, so a pass's total varies by a third from run to run; a text's best time of several
    rounds hardly does. Wall clock (as the issue measures it) and the CPU time of this process."""
    chars = sum(len(t) for t in texts)
    # (which engine ran: the modules compiled at install by setup.py, or the Python ones: no build,
    # sources edited since, or GIAOBAN_ENGINE=python)
    build = "mypyc" if sys.modules[extract_text.__module__].__file__.endswith(".so") else "python"
    result: dict = {"chars_per_pass": chars, "passes": rounds, "engine_build": build}
    try:
        from underthesea import word_tokenize
    except ImportError:
        word_tokenize = None
        result["underthesea"] = "not installed (pip install -e '.[bench]')"
    extract_text(texts[0])
    if word_tokenize is not None:
        word_tokenize(texts[0])  # load the model before timing
    inf = float("inf")
    ours, theirs = [[inf, inf] for _ in texts], [[inf, inf] for _ in texts]
    for _ in range(rounds):
        _pass(extract_text, texts, ours)
        if word_tokenize is not None:
            _pass(word_tokenize, texts, theirs)
    wall, cpu = sum(w for w, _ in ours), sum(c for _, c in ours)
    result["engine_chars_per_s"] = round(chars / wall)
    result["engine_cpu_chars_per_s"] = round(chars / cpu)
    if word_tokenize is not None:
        their_wall, their_cpu = sum(w for w, _ in theirs), sum(c for _, c in theirs)
        result["underthesea_word_tokenize_chars_per_s"] = round(chars / their_wall)
        result["underthesea_word_tokenize_cpu_chars_per_s"] = round(chars / their_cpu)
        result["speedup"] = round(their_wall / wall, 2)  # wall clock, as the issue measures it
        result["speedup_cpu"] = round(their_cpu / cpu, 2)
    return result


def set_names(name: str) -> set[str]:
    """Names of the texts authored in tests/fixtures/corpus/NAME.py."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, CORPUS / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return {doc["name"] for doc in mod.DOCS}


def set_scores(name: str, verbose: bool) -> dict:
    """Figures and meetings of one authoring set: its dev part, its test part, and all of it."""
    names = set_names(name)
    figures = {k: scoring.FigureTally() for k in ("dev", "test", "all")}
    meetings = {k: scoring.MeetingTally() for k in ("dev", "test", "all")}
    counts = {"dev": 0, "test": 0, "all": 0}
    for doc, text, gold in scoring.load_corpus(CORPUS):
        if doc not in names:
            continue
        pred = extract_text(text)["figures"]
        meeting = parse_meeting(text) if "meeting" in gold else None
        for part in (scoring.split_of(doc), "all"):
            counts[part] += 1
            figures[part].add(gold["figures"], pred, doc)
            if meeting is not None:
                meetings[part].add(gold["meeting"], meeting, doc)
    out = {}
    for part in ("dev", "test", "all"):
        out[part] = figures[part].summary()
        out[part]["texts"] = counts[part]
        out[part]["meetings"] = meetings[part].summary()
    if verbose:  # the dev part only: the test part is scored, never read for tuning
        print(f"== set {name}, dev part")
        print("\n".join(figures["dev"].problems + meetings["dev"].problems))
    return out


def print_parts(label: str, parts: dict) -> None:
    for part, c in parts.items():
        m = c["meetings"]
        print(f"{label} {part} ({c['texts']} texts, {c['gold']} figures): strict F1 {c['strict_f1']:.3f}, "
              f"detection F1 {c['detection_f1']:.3f}, attribution {c['attribution']:.3f}, "
              f"indicator right {c['indicator_right']}, false code {c['false_code']}; meetings "
              f"({m['texts']}): people F1 {m['people_f1']}, tasks recall {m['tasks_recall']}, "
              f"next period {m['next_period']}")


def composition() -> dict:
    """The corpus's texts counted by province, organization, genre and year, per part."""
    out: dict = {}
    for name, _text, gold in scoring.load_corpus(CORPUS):
        part = scoring.split_of(name)
        for facet in ("province", "organization", "genre", "year"):
            key = str(gold.get(facet))
            if facet == "province" and gold.get(facet):
                key = scoring.province_name(key)  # 'Thừa Thiên Huế' and 'Huế' are one province
            counts = out.setdefault(facet, {}).setdefault(key, {"dev": 0, "test": 0})
            counts[part] += 1
    return out


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    if "--composition" in argv:
        table = composition()
        for facet, rows in table.items():
            print(f"{facet} ({len(rows)}): " + "; ".join(
                f"{k} {v['dev']}+{v['test']}" for k, v in sorted(rows.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))))
        print(json.dumps(table, ensure_ascii=False))
        return 0
    if "--speed" in argv:
        with contextlib.redirect_stderr(io.StringIO()):
            sp = speed(timed_texts(), rounds=7)
        print(f"speed ({sp['engine_build']} engine, {extract_text.__module__} from "
              f"{Path(sys.modules[extract_text.__module__].__file__ or '').parent}): {sp.get('speedup_cpu')} x underthesea "
              f"word_tokenize in CPU time, {sp.get('speedup')} x in wall-clock time")
        print(json.dumps(sp, ensure_ascii=False))
        return 0
    if "--set" in argv:
        name = argv[argv.index("--set") + 1]
        parts = set_scores(name, verbose)
        print_parts(f"set {name}", parts)
        print(json.dumps(parts, ensure_ascii=False))
        return 0
    scorer, scorer_path = load_scorer()
    summary: dict = {"scorer": scorer_path}
    summary["corpus"], texts = corpus_scores(verbose)
    seed_txt = SHARED / "seeds" / "lai-chau-2023-q3.txt"
    seed_gold = SHARED / "seeds" / "lai-chau-2023-q3.gold.json"
    if seed_txt.exists() and seed_gold.exists():
        text = seed_txt.read_text(encoding="utf-8")
        gold = json.loads(seed_gold.read_text(encoding="utf-8"))
        pred = extract_text(text)
        texts.append(text)
        summary["seed"] = score(scorer, [(gold, pred)])
        boiler = gold.get("boilerplate_from")
        summary["seed"]["from_boilerplate"] = sum(1 for f in pred["figures"] if boiler is not None and f["start"] >= boiler)
        summary["seed"]["period"] = pred["period"]
        if verbose:
            print("== seed")
            verbose_report(scorer, [("seed", gold, pred)])
    else:
        summary["seed"] = "skipped (../shared absent)"
    items = []
    periods_ok = 0
    for name, text, gold in fixture_texts():
        pred = extract_text(text)
        items.append((name, gold, pred))
        texts.append(text)
        periods_ok += pred["period"] == gold.get("period")
    summary["fixtures"] = score(scorer, [(g, p) for _, g, p in items])
    summary["fixtures"]["documents"] = len(items)
    summary["fixtures"]["period_accuracy"] = round(periods_ok / max(1, len(items)), 4)
    if verbose:
        print("== fixtures")
        verbose_report(scorer, items)
    with contextlib.redirect_stderr(io.StringIO()):
        summary["segmentation"] = segmentation(scoring.load_corpus(CORPUS))
        summary["speed"] = speed([unicodedata.normalize("NFC", t) for t in texts], rounds=7)
    for part in ("dev", "test"):
        c, m = summary["corpus"][part], summary["corpus"][part]["meetings"]
        print(f"corpus {part} ({c['texts']} texts, {c['gold']} figures): strict F1 {c['strict_f1']:.3f}, "
              f"detection F1 {c['detection_f1']:.3f}, attribution {c['attribution']:.3f}, "
              f"indicator right {c['indicator_right']}, false code {c['false_code']}; meetings "
              f"({m['texts']}): people F1 {m['people_f1']}, tasks recall {m['tasks_recall']}, "
              f"next period {m['next_period']}")
        print(f"  confidence classes ({part}): " + "; ".join(
            f"{k} {v['right']}/{v['figures']} = {v['precision']:.3f}" for k, v in c["classes"].items()))
    for part, seg in summary["segmentation"].items():
        if isinstance(seg, dict):
            e, u = seg["engine"], seg["underthesea_pos"]
            print(f"figure detection ({part}): engine's own chunker F1 {e['detection_f1']:.3f} (P {e['detection_p']:.3f}, "
                  f"R {e['detection_r']:.3f}); underthesea word segmentation + POS tags F1 {u['detection_f1']:.3f} "
                  f"(P {u['detection_p']:.3f}, R {u['detection_r']:.3f}); counted nouns of several syllables kept whole by "
                  f"underthesea {seg['multiword_units_kept_whole']}")
    if "speedup" in summary["speed"]:
        sp = summary["speed"]
        print(f"speed ({sp['engine_build']} engine): {sp['speedup_cpu']} x underthesea word_tokenize in CPU time, {sp['speedup']} x in wall-clock "
              f"time (each text's best of {sp['passes']} passes; on a busy machine the wall clock favours the faster "
              f"tool, whose texts more often run uninterrupted: read the CPU figure)")
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

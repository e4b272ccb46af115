"""What the data-entry page shows beside each field, and reading what it posts back."""

from __future__ import annotations

import html
from collections import defaultdict, namedtuple
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.safestring import mark_safe

from giaoban.collection import plausibility
from giaoban.collection.models import DataValue, Report, Target
from giaoban.collection.rules import validate
from giaoban.collection.workflow import NARRATIVE_FIELDS, form_list
from giaoban.core.aggregation import progress
from giaoban.core.numbers import NumberFormatError, format_vn_money, format_vn_number, parse_vn_number
from giaoban.core.periods import Period
from giaoban.org import lineage, stamp
from giaoban.org.compiled import Statement

QUALIFIER_CHOICES = [
    ("exact", "chính xác"),
    ("approx", "khoảng, gần"),
    ("over", "hơn, trên"),
    ("under", "dưới"),
]


def show(value, indicator=None) -> str:
    """A number as the page shows it ('29.774', '1,5 tỷ đồng', '82,5%')."""
    if value is None:
        return "—"
    if indicator is not None and indicator.value_type == "money":
        return format_vn_money(value)
    if indicator is not None and indicator.value_type == "percent":
        return f"{format_vn_number(value)}%"
    return format_vn_number(value)


def read_back(value, indicator) -> str:
    """What a typed figure was read as, shown under the field before saving:
    '= 65.200.000.000 đồng (65,2 tỷ đồng)', '= 1.234 lượt người', '= 1,5%'."""
    if value is None:
        return ""
    text = f"= {format_vn_number(value)}"
    if indicator.value_type == "money":
        return text + " đồng" + (f" ({format_vn_money(value)})" if abs(value) >= 1_000_000 else "")
    if indicator.value_type == "percent":
        return text + "%"
    return f"{text} {indicator.unit_noun}".rstrip()


def check_fields(report, unit, period: Period, data) -> dict:
    """The page's check while the officer types (nothing saved): for each posted figure what it
    was read as or why it cannot be read, and the flags of every indicator with the typed
    figures in place. One rule everywhere: a figure that cannot be read or breaks an error
    rule is not saved (marked at its field; the others are); warnings are saved and block
    sending until a note says why."""
    values, _, errors = read_post(data, unit, period.code)
    indicators = {i.code: i for i in form_list(unit)}
    fields = {}
    for code, ind in indicators.items():
        if f"v-{code}" not in data:
            continue
        fields[f"v-{code}"] = {"shown": read_back(values[code]["value"], ind) if code in values else "",
                               "error": errors.get(code, "")}
    draft = report or Report(unit=unit, period=period.code)
    flags: dict[str, list] = {code: [] for code in indicators}
    for issue in validate(draft, {code: item for code, item in values.items()}, indicators=indicators.values()):
        if issue.indicator in flags:
            flags[issue.indicator].append({"severity": issue.severity, "message": issue.message, "resolved": issue.resolved})
    stored = {c: (v, n) for c, v, n in DataValue.objects.filter(report=report).values_list("indicator__code", "value", "comment")} \
        if report else {}
    figures = {code: v for code, (v, _) in stored.items()} | {code: item["value"] for code, item in values.items()}
    notes = {code: n for code, (_, n) in stored.items()} | {code: item["comment"] for code, item in values.items() if "comment" in item}
    for flag in plausibility.flags(unit, period, figures, notes, indicators):
        flags[flag.indicator].append(flag.as_dict())
    return {"fields": fields, "flags": flags}


StoredFigure = namedtuple("StoredFigure", "indicator_id value qualifier comment")  # a stored figure as the page reads it


@dataclass
class Row:
    indicator: object
    value: DataValue | StoredFigure | None
    text: str  # what the input shows (as typed back when the post had an error)
    qualifier: str
    comment: str
    previous: str
    last_year: str
    target: str
    progress: str
    error: str = ""
    issues: list = field(default_factory=list)
    shown: str = ""  # what the stored or typed figure reads as ('= 65.200.000.000 đồng')
    html: str = ""  # the field as the page shows it (rows_html)


def year_to_date_actual(indicator, current_values: dict, period: Period, history: dict, year_to_date=None) -> Decimal | None:
    """Flows add up from 1 January; stocks are the latest figure. (`year_to_date`: the period's
    year_to_date(), when the caller computed it once for all its rows.)"""
    if indicator.time_aggregation == "last":
        return current_values.get(indicator.code)
    total, seen = Decimal(0), False
    for p in period.year_to_date() if year_to_date is None else year_to_date:
        v = current_values.get(indicator.code) if p == period else history.get((indicator.code, p.code))
        if v is not None:
            total += v
            seen = True
    return total if seen else None


def _shown(text: str, indicator) -> str:
    try:
        return read_back(parse_vn_number(text), indicator) if text.strip() else ""
    except NumberFormatError:
        return ""


def looked_back(period: Period) -> list[str]:
    """The earlier periods the entry page looks back on: the previous one, the same one last year,
    the year so far (build_rows), the last four (the jump rule) and the last seven (the
    plausibility flags' peers and the unit's usual level)."""
    codes = {p.code for p in period.year_to_date()} | {period.previous().code, period.same_period_last_year().code}
    p = period
    for _ in range(7):
        p = p.previous()
        codes.add(p.code)
    codes.discard(period.code)
    return sorted(codes)


_UNIT_FIGURES = Statement(DataValue, lambda unit_id, periods: DataValue.objects.filter(unit_id=unit_id, period__in=periods)
                          .values_list("indicator_id", "period", "value", "qualifier", "comment"))
_UNIT_TARGETS = Statement(Target, lambda unit_id, year: Target.objects.filter(unit_id=unit_id, year=year).values_list("indicator_id", "value"))


def page_figures(unit, period: Period, report, indicators) -> tuple[dict, dict, dict]:
    """(stored, figures, targets) for the entry page, in two queries: the report's figures of the
    form's `indicators` (code → StoredFigure, what stored_values() gives without model objects), the
    unit's figures of the period and of those it looks back on ((indicator id, period) → value)
    and its targets of the year (indicator id → value). Its jump rule, flags and rows' context
    all read them, each read them before."""
    codes = {i.pk: i.code for i in indicators}
    stored, figures = {}, {}
    current = period.code if report is not None and report.pk is not None else None
    for ind_id, p, value, qualifier, comment in _UNIT_FIGURES(unit.pk, [period.code, *looked_back(period)]):
        figures[ind_id, p] = value
        if p == current and ind_id in codes:  # the report's figures: its unit's of its period
            stored[codes[ind_id]] = StoredFigure(ind_id, value, qualifier, comment)
    return stored, figures, dict(_UNIT_TARGETS(unit.pk, period.year))


PREDECESSORS_KEPT = 4096  # (unit, date) answers: a page asks for up to four earlier periods of one unit


def _predecessors(unit, date) -> list[tuple]:
    """lineage.predecessors_at, kept until a unit or succession changes (both tables are watched
    by giaoban.org.stamp): a merged commune's form walked its successions on every load. Shared
    between requests: read only."""
    return stamp.remembered("predecessors_at", (unit.pk, date), lambda: lineage.predecessors_at(unit, date), PREDECESSORS_KEPT)


def past_values(unit, periods: list[str], figures: dict | None = None, codes: dict | None = None) -> tuple[dict, set[str]]:
    """{(indicator code, period): value} of the unit for earlier periods, and the periods whose
    values were rebuilt from the units it replaced (a commune merged in 2025 still sees its
    'same period last year': the sum of its predecessors, times their shares). From the unit's
    `figures` (page_figures(), covering `periods`) with `codes` (indicator id → code) when the page read them."""
    if figures is None:
        history = {
            (code, p): v
            for code, p, v in DataValue.objects.filter(unit=unit, period__in=periods).values_list("indicator__code", "period", "value")
        }
    else:
        wanted = set(periods)
        history = {(codes[i], p): v for (i, p), v in figures.items() if p in wanted and i in codes}
    rebuilt = set()
    for code in set(periods):
        end = Period.parse(code).end
        if unit.valid_from <= end:
            continue
        sources = _predecessors(unit, end)
        if not sources:
            continue
        shares = {row.pk: share for row, share in sources}
        rows = DataValue.objects.filter(unit__in=list(shares), period=code, indicator__unit_aggregation="sum")
        for ind_code, unit_id, value in rows.values_list("indicator__code", "unit_id", "value"):
            history[ind_code, code] = history.get((ind_code, code), 0) + value * shares[unit_id]
        rebuilt.add(code)
    return history, rebuilt


def stored_values(report, indicators) -> dict:
    """{code: DataValue} of the report's figures of the form's `indicators`: one read a request."""
    if report is None or report.pk is None:
        return {}
    codes = {i.pk: i.code for i in indicators}
    return {codes[dv.indicator_id]: dv for dv in DataValue.objects.filter(report=report) if dv.indicator_id in codes}


def build_rows(unit, period: Period, report, posted=None, errors=None, issues=(), *, current=None, figures=None,
               targets=None) -> list[tuple[str, list[Row]]]:
    """The indicators of the unit's form in sections, each with its context figures (`current`,
    `figures` and `targets` as stored_values() and page_figures() give them, when the caller has
    read them)."""
    indicators = form_list(unit)
    current = stored_values(report, indicators) if current is None else current
    # the periods each row looks at, computed once for the page, not once a row
    previous, last_year, year_to_date = period.previous().code, period.same_period_last_year().code, period.year_to_date()
    before = [previous, last_year] + [p.code for p in year_to_date]
    history, rebuilt = past_values(unit, before, figures, {i.pk: i.code for i in indicators})
    mark_previous, mark_last_year = "*" if previous in rebuilt else "", "*" if last_year in rebuilt else ""
    if targets is None:
        targets = dict(Target.objects.filter(unit=unit, year=period.year).values_list("indicator__code", "value"))
    else:
        targets = {i.code: targets[i.pk] for i in indicators if i.pk in targets}
    values_now = {code: dv.value for code, dv in current.items()}
    posted, errors = posted or {}, errors or {}
    by_indicator = defaultdict(list)
    for issue in issues:
        by_indicator[issue.indicator].append(issue)
    sections: dict[str, list[Row]] = {}
    for ind in indicators:
        dv = current.get(ind.code)
        text = posted.get(f"v-{ind.code}", format_vn_number(dv.value) if dv else "")
        ytd = year_to_date_actual(ind, values_now, period, history, year_to_date)
        target = targets.get(ind.code)
        pct = progress(ytd, target)
        row = Row(
            indicator=ind, value=dv, text=text,
            qualifier=posted.get(f"q-{ind.code}", dv.qualifier if dv else "exact"),
            comment=posted.get(f"c-{ind.code}", dv.comment if dv else ""),
            previous=show(history.get((ind.code, previous)), ind) + mark_previous,
            last_year=show(history.get((ind.code, last_year)), ind) + mark_last_year,
            target=show(target, ind),
            progress="—" if pct is None else f"{format_vn_number(pct, 1)}%",
            error=errors.get(ind.code, ""),
            issues=by_indicator.get(ind.code, []),
            shown=_shown(text, ind),
        )
        sections.setdefault(ind.section or "Chỉ tiêu khác", []).append(row)
    return list(sections.items())


def _escape(text) -> str:
    # what django.utils.html.escape writes, without its lazy-string wrapper and SafeString per call
    # (~500 calls a page): the row is marked safe once, whole
    return html.escape(str(text))


def rows_html(sections, *, editable: bool, history_url: str | None) -> None:
    """Each row's field as HTML (``row.html``), written here rather than by nested template loops:
    the template engine took half of the page's time for a form of 35 indicators (a lookup, an
    escape and a node per attribute, an option loop and a url tag per row). ``history_url`` has
    the placeholder CODE for the indicator's code (None: no report, no history link)."""
    lock = "" if editable else " readonly"
    off = "" if editable else " disabled"
    for _, rows in sections:
        for row in rows:
            ind = row.indicator
            code, name = _escape(ind.code), _escape(ind.name)
            css = "field" + (" has-error" if row.error else "") + "".join(f" has-{_escape(i.severity)}" for i in row.issues)
            options = "".join(f'<option value="{q}"{" selected" if q == row.qualifier else ""}>{label}</option>'
                              for q, label in QUALIFIER_CHOICES)
            history = f'· <a href="{history_url.replace("CODE", ind.code)}">Lịch sử</a>' if history_url else ""
            problems = _escape(row.error) + "".join(f" {_escape(i.message)}" for i in row.issues)
            row.html = mark_safe(
                f'<div class="{css}">\n'
                f'    <label for="v-{code}">{name} <span class="muted">({_escape(ind.unit_noun)})</span></label>\n'
                f'    <div class="inputs">\n'
                f'      <input id="v-{code}" name="v-{code}" value="{_escape(row.text)}" inputmode="decimal" autocomplete="off"\n'
                f'        class="num"{lock} aria-describedby="ctx-{code} chk-{code} err-{code}">\n'
                f'      <select name="q-{code}" aria-label="Độ chính xác: {name}"{off}>\n        {options}\n      </select>\n'
                f'      <input name="c-{code}" value="{_escape(row.comment)}" placeholder="Ghi chú" aria-label="Ghi chú: {name}" '
                f'class="comment"{lock}>\n'
                f'    </div>\n'
                f'    <p class="ctx muted" id="ctx-{code}">Kỳ trước: {_escape(row.previous)} · Cùng kỳ năm trước: {_escape(row.last_year)} '
                f'· Chỉ tiêu năm: {_escape(row.target)} · Đạt: {_escape(row.progress)}\n      {history}</p>\n'
                f'    <p class="field-check muted" id="chk-{code}" aria-live="polite">{_escape(row.shown)}</p>\n'
                f'    <p class="field-error" id="err-{code}" role="alert"{"" if row.error or row.issues else " hidden"}>{problems}</p>\n'
                f'  </div>')


def sections_html(sections) -> str:
    """The form's sections (views._folded, their rows' html written by rows_html) as the page shows
    them: a template loop of ~8 sections and ~35 rows, a node and a lookup each, before."""
    out = []
    for s in sections:
        rows = "".join(f"\n  {row.html}\n  " for row in s["rows"])
        out.append(f'\n<details class="card section"{" open" if s["open"] else ""}>\n'
                   f'  <summary><span class="section-name">{_escape(s["name"])}</span> <span class="filled muted">đã nhập '
                   f'<b class="filled-n">{s["filled"]}</b>/{s["total"]}</span></summary>\n  {rows}\n</details>\n')
    return mark_safe("".join(out))


def _plain_text(text) -> str:
    """A text as it is compared: line endings and surrounding blanks are formatting, not content."""
    return (text or "").replace("\r\n", "\n").strip()


def _typed_number(text):
    """The number a field's text stands for (None when empty or unreadable: compared as text then)."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        return parse_vn_number(text)
    except NumberFormatError:
        return text


@dataclass
class Conflict:
    """One field both the officer and someone else changed since the officer's page was loaded."""

    name: str  # form field name ('v-tuyen_truyen_buoi', 'highlights')
    label: str
    mine: str  # as the officer typed it
    theirs: str  # as the page would show what is saved

    def as_dict(self) -> dict:
        return {"name": self.name, "label": self.label, "mine": self.mine, "theirs": self.theirs}


_Saved = namedtuple("_Saved", "value qualifier comment")


def merge_with_saved(report, data, values: dict, narrative: dict, *, stale: bool, stored: dict | None = None
                     ) -> tuple[dict, dict, list[Conflict]]:
    """Compare what a post would change with what the report holds now, ignoring formatting
    (a trailing line break, '05' for 5, '1,50' for 1,5), field by field.

    The post says what the officer's page read in 'was-<field>'. A field equal to the saved one
    is left out; so is a field the officer did not change (typed = read: someone else's newer
    figure stays). A field the officer changed is saved unless someone else changed it too
    since the page read it: that is a conflict, not saved, shown with both values. Without
    'was-' (a page without script), any difference on a stale version is a conflict.
    `stored` (code → DataValue): the report's figures when the caller holds them (save_values'
    merge, inside its transaction). Returns the values and narrative to save and the conflicts."""
    if stored is None:  # the saved figures as the comparison reads them (value, qualifier, comment), no model objects
        stored = {code: _Saved(value, qualifier, comment) for code, value, qualifier, comment in DataValue.objects.filter(
            report=report).values_list("indicator__code", "value", "qualifier", "comment")} if report else {}
    names = {i.code: i.name for i in form_list(report.unit)} if report else {}
    conflicts: list[Conflict] = []

    def decide(name: str, mine, saved, normalize) -> str:
        """'skip', 'save' or 'conflict' for one field; mine and saved already normalized."""
        if mine == saved:
            return "skip"
        if f"was-{name}" in data:
            was = normalize(data.get(f"was-{name}"))
            if was == mine:
                return "skip"
            return "save" if was == saved else "conflict"
        return "conflict" if stale else "save"

    keep_values = {}
    for code, item in values.items():
        dv = stored.get(code)
        saved = {"v": dv.value if dv else None, "q": dv.qualifier if dv else "exact", "c": _plain_text(dv.comment if dv else "")}
        parts = {"v": (item.get("value"), _typed_number)}
        if "qualifier" in item:
            parts["q"] = (item["qualifier"] or "exact", lambda t: t or "exact")
        if "comment" in item:
            parts["c"] = (_plain_text(item["comment"]), _plain_text)
        if f"v-{code}" not in data:
            parts.pop("v")  # a comment or qualifier alone: read_post filled in the stored figure
        merged = {"value": saved["v"], "qualifier": saved["q"]}
        clash, save = [], False
        for part, (mine, normalize) in parts.items():
            verdict = decide(f"{part}-{code}", _Normalized(mine), _Normalized(saved[part]), lambda t, n=normalize: _Normalized(n(t)))
            if verdict == "conflict":
                clash.append(part)
            elif verdict == "save":
                merged[{"v": "value", "q": "qualifier", "c": "comment"}[part]] = item[{"v": "value", "q": "qualifier", "c": "comment"}[part]]
                save = True
        label = names.get(code, code)
        for part in clash:
            suffix = {"v": "", "q": " (độ chính xác)", "c": " (ghi chú)"}[part]
            conflicts.append(Conflict(f"{part}-{code}", label + suffix, data.get(f"{part}-{code}", ""), _show_saved(part, saved[part])))
        if save and not clash:
            keep_values[code] = merged
    keep_narrative = {}
    for name, text in narrative.items():
        saved = _plain_text(getattr(report, name, "") if report else "")
        verdict = decide(name, _plain_text(text), saved, _plain_text)
        if verdict == "conflict":
            conflicts.append(Conflict(name, NARRATIVE_FIELDS[name], text, saved))
        elif verdict == "save":
            keep_narrative[name] = text
    return keep_values, keep_narrative, conflicts


class _Normalized:
    """A field's content for comparison: numbers by value (5 = 5,0000), the rest as text."""

    def __init__(self, value):
        self.value = value

    def __eq__(self, other) -> bool:
        a, b = self.value, other.value
        if isinstance(a, Decimal) and isinstance(b, Decimal):
            return a == b
        return type(a) is type(b) and a == b

    __hash__ = None


def _show_saved(part: str, saved) -> str:
    if part == "v":
        return "" if saved is None else format_vn_number(saved)
    if part == "q":
        return dict(QUALIFIER_CHOICES).get(saved, saved)
    return saved


def field_texts(report, names, stored=None) -> dict[str, str]:
    """What the page shows now in each of the named fields (after a save: '5' for a typed '05');
    `stored` (code → DataValue) when the caller has them."""
    if stored is None:
        stored = {dv.indicator.code: dv for dv in DataValue.objects.filter(report=report).select_related("indicator")}
    texts = {}
    for name in names:
        part, _, code = name.partition("-")
        if name in NARRATIVE_FIELDS:
            texts[name] = getattr(report, name)
        elif part in ("v", "q", "c") and code:
            dv = stored.get(code)
            texts[name] = {"v": format_vn_number(dv.value) if dv else "", "q": dv.qualifier if dv else "exact",
                           "c": dv.comment if dv else ""}[part]
    return texts


def read_post(data, unit, period_code: str) -> tuple[dict, dict, dict]:
    """(values, narrative, errors) from a posted form. Only the fields present are returned, so
    the autosave can send just what changed. Errors: indicator code → Vietnamese message."""
    values, errors = {}, {}
    for ind in form_list(unit):
        key = f"v-{ind.code}"
        if key not in data and f"q-{ind.code}" not in data and f"c-{ind.code}" not in data:
            continue
        item = {}
        if key in data:
            text = data.get(key, "").strip()
            try:
                item["value"] = parse_vn_number(text) if text else None
            except NumberFormatError as exc:
                errors[ind.code] = f"{ind.name}: {exc}"
                continue
        if f"q-{ind.code}" in data:
            item["qualifier"] = data.get(f"q-{ind.code}") or "exact"
        if f"c-{ind.code}" in data:
            item["comment"] = data.get(f"c-{ind.code}", "")
        if "value" not in item:
            # a comment or qualifier alone keeps the stored figure
            existing = DataValue.objects.filter(unit=unit, indicator=ind, period=period_code).first()
            item["value"] = existing.value if existing else None
        values[ind.code] = item
    narrative = {name: data.get(name, "") for name in NARRATIVE_FIELDS if name in data}
    return values, narrative, errors

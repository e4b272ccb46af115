"""Validation of a report's figures: the admin-editable rules plus a few built-in checks.

`validate(report, values)` returns a list of `Issue`s. Errors block sending the report;
warnings block it too until the value carries a comment (a jump against the unit's own
history is often real, but someone must say why).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from decimal import Decimal

from giaoban.collection.indicators import form_list
from giaoban.collection.models import DataValue, ValidationRule
from giaoban.core.numbers import format_vn_number
from giaoban.core.periods import Period
from giaoban.org import stamp
from giaoban.org.compiled import Statement

ERROR, WARNING = "error", "warning"

# The rules a fresh installation starts with (created only when their indicators exist).
DEFAULT_RULES = [
    {"code": "luot-nguoi-ge-buoi", "name": "Lượt người dự tuyên truyền không ít hơn số buổi tuyên truyền",
     "kind": "relation", "indicator": "tuyen_truyen_luot_nguoi", "operator": "ge", "other": "tuyen_truyen_buoi"},
    {"code": "ket-nap-le-tong", "name": "Hội viên kết nạp mới không vượt tổng số hội viên",
     "kind": "relation", "indicator": "ket_nap_moi", "operator": "le", "other": "tong_hoi_vien"},
    {"code": "no-qua-han-le-du-no", "name": "Nợ quá hạn không vượt dư nợ ủy thác",
     "kind": "relation", "indicator": "no_qua_han", "operator": "le", "other": "du_no_uy_thac"},
    {"code": "tuyen-truyen-dot-bien", "name": "Số buổi tuyên truyền tăng đột biến (quá 5 lần trung vị 4 kỳ trước)",
     "kind": "jump", "indicator": "tuyen_truyen_buoi", "factor": 5, "severity": "warning"},
    {"code": "luot-nguoi-dot-bien", "name": "Lượt người dự tuyên truyền tăng đột biến (quá 5 lần trung vị 4 kỳ trước)",
     "kind": "jump", "indicator": "tuyen_truyen_luot_nguoi", "factor": 5, "severity": "warning"},
]
PERCENT_RULE = {"kind": "bounds", "min": 0, "max": 100}


def seed_default_rules(apps=None) -> int:
    """Create the default rules whose indicators exist and which are not there yet.

    Used by the data migration (with the historical `apps`) and when the indicator catalogue is
    loaded after the migrations ran (post_save of Indicator)."""
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    Indicator = apps.get_model("org", "Indicator")
    ValidationRule = apps.get_model("collection", "ValidationRule")
    indicators = {i.code: i for i in Indicator.objects.all()}
    existing = set(ValidationRule.objects.values_list("code", flat=True))
    created = 0
    specs = list(DEFAULT_RULES)
    for ind in indicators.values():
        if ind.value_type == "percent":
            specs.append({"code": f"phan-tram-{ind.code}"[:80].replace("_", "-"), "name": f"{ind.name}: từ 0 đến 100%",
                          "indicator": ind.code, **PERCENT_RULE})
    for spec in specs:
        if spec["code"] in existing or spec["indicator"] not in indicators:
            continue
        if spec.get("other") and spec["other"] not in indicators:
            continue
        ValidationRule.objects.create(
            code=spec["code"], name=spec["name"], kind=spec["kind"], indicator=indicators[spec["indicator"]],
            operator=spec.get("operator", ""), other_indicator=indicators.get(spec.get("other", "")),
            min_value=spec.get("min"), max_value=spec.get("max"), factor=spec.get("factor", 1),
            severity=spec.get("severity", ERROR),
        )
        created += 1
    return created


@dataclass
class Issue:
    severity: str  # "error" | "warning"
    indicator: str  # indicator code ("" for the report as a whole)
    field_name: str  # the indicator's Vietnamese name
    message: str  # Vietnamese, names the field
    rule: str = ""  # rule code or built-in check name
    resolved: bool = False  # a warning that carries a comment
    other: str = ""  # a relation's other indicator code (a write to it can break the rule too)

    @property
    def blocks_submission(self) -> bool:
        return self.severity == ERROR or not self.resolved

    def as_dict(self) -> dict:
        return {"severity": self.severity, "indicator": self.indicator, "field_name": self.field_name,
                "message": self.message, "rule": self.rule, "resolved": self.resolved}


@dataclass
class Entry:
    value: Decimal | None
    comment: str = ""
    extra: dict = field(default_factory=dict)


def _entries(report, values, stored=None) -> dict[str, Entry]:
    """The stored values of the report, overlaid with `values` (code → Decimal | None | dict).
    `stored` (code → DataValue) when the caller has read them already."""
    out = {}
    if stored is not None:
        out = {code: Entry(dv.value, dv.comment) for code, dv in stored.items()}
    elif report.pk:
        for dv in DataValue.objects.filter(report=report).select_related("indicator"):
            out[dv.indicator.code] = Entry(dv.value, dv.comment)
    for code, item in (values or {}).items():
        if isinstance(item, dict):
            old = out.get(code, Entry(None))
            out[code] = Entry(item.get("value"), item.get("comment", old.comment) or "")
        else:
            out[code] = Entry(item, out.get(code, Entry(None)).comment)
    return out


_OPS = {
    "ge": (lambda a, b: a >= b, "không được nhỏ hơn"),
    "le": (lambda a, b: a <= b, "không được lớn hơn"),
    "gt": (lambda a, b: a > b, "phải lớn hơn"),
    "lt": (lambda a, b: a < b, "phải nhỏ hơn"),
    "eq": (lambda a, b: a == b, "phải bằng"),
}


_HISTORY = Statement(DataValue, lambda unit_id, indicator_ids, periods: DataValue.objects.filter(
    unit_id=unit_id, indicator_id__in=indicator_ids, period__in=periods).values_list("indicator_id", "value"))


def history_medians(unit, indicator_ids, period: Period, figures: dict | None = None) -> dict[int, Decimal]:
    """{indicator id: median of the unit's values of the last four periods of the same kind},
    for the indicators with at least 2 such values; one query for all of them, none when the
    caller read the unit's `figures` ((indicator id, period) → value, entry.page_figures())."""
    codes, p = [], period
    for _ in range(4):
        p = p.previous()
        codes.append(p.code)
    past: dict[int, list] = {}
    if figures is None:
        rows = _HISTORY(unit.pk, sorted(indicator_ids), codes)
    else:
        wanted = set(indicator_ids)
        rows = [(i, v) for (i, p), v in figures.items() if p in codes and i in wanted]
    for indicator_id, value in rows:
        past.setdefault(indicator_id, []).append(value)
    return {i: Decimal(statistics.median(v)) for i, v in past.items() if len(v) >= 2}


def history_median(unit, indicator, period: Period) -> Decimal | None:
    """Median of the unit's values of the last four periods of the same kind (None if fewer than 2)."""
    return history_medians(unit, [indicator.pk], period).get(indicator.pk)


def active_rules() -> list:
    """The active rules with their organizations (empty set: every organization), read once until a
    rule, its organizations or the catalogue change (giaoban.org.stamp): every form's load and
    save checks them. Shared objects: read them, never change them."""
    cached = stamp.entries()
    if "rules" not in cached:
        rules = ValidationRule.objects.filter(is_active=True).select_related("indicator", "other_indicator").prefetch_related(
            "organizations")
        cached["rules"] = [(rule, frozenset(o.pk for o in rule.organizations.all())) for rule in rules]
    return cached["rules"]


def validate(report, values=None, *, indicators=None, for_submission: bool = False, rules=None, stored=None,
             figures=None) -> list[Issue]:
    """Check the report's figures (stored values overlaid with `values`; `stored`, code →
    DataValue, and the unit's earlier `figures` (entry.page_figures()), when the caller has read them).

    `for_submission` adds the 'required' rules (a draft may be incomplete)."""
    indicators = {i.code: i for i in (indicators if indicators is not None else form_list(report.unit))}
    entries = {code: e for code, e in _entries(report, values, stored).items() if code in indicators}
    rules = [(r, orgs) for r, orgs in (active_rules() if rules is None else rules) if r.indicator.code in indicators]
    return evaluate(entries, indicators, rules, unit=report.unit, period=Period.parse(report.period),
                    for_submission=for_submission, figures=figures)


def write_errors(entries: dict, indicators: dict, rules, *, unit, period: Period, changed) -> list[Issue]:
    """The errors a write may not leave behind: error-severity issues of the indicators it
    changed (or of relations that involve them). Every way values are written calls this (the
    form's save and the bulk path), so a draft never holds a negative count or a 5.000 %."""
    changed = set(changed)
    issues = evaluate(entries, indicators, rules, unit=unit, period=period, for_submission=False, only_errors=True)
    return [i for i in issues if i.indicator in changed or i.other in changed]


def evaluate(entries: dict, indicators: dict, rules, *, unit, period: Period, for_submission: bool,
             only_errors: bool = False, figures: dict | None = None) -> list[Issue]:
    """The one place the checks are written: `entries` code → Entry, `indicators` code →
    Indicator, `rules` (rule, organization ids) from active_rules()."""
    issues: list[Issue] = []

    def add(severity, ind, message, rule, resolved=False, other=""):
        issues.append(Issue(severity, ind.code, ind.name, f"{ind.name}: {message}", rule, resolved, other))

    # Built-in: no negative figures; whole numbers where the indicator counts things.
    for code, e in entries.items():
        ind = indicators.get(code)
        if ind is None or e.value is None:
            continue
        if e.value < 0:
            add(ERROR, ind, "không được là số âm.", "built-in:negative")
        if ind.value_type == "integer" and e.value != e.value.to_integral_value():
            add(ERROR, ind, f"phải là số nguyên ({ind.unit_noun}), không nhận '{format_vn_number(e.value)}'.", "built-in:integer")

    rules = [(rule, orgs) for rule, orgs in rules if not (orgs and unit.organization_id not in orgs)
             and not (only_errors and rule.severity != ERROR) and rule.indicator.code in indicators]
    # the history of every jump rule's indicator in one query, not one per rule
    jumps = {indicators[rule.indicator.code].pk for rule, _ in rules if rule.kind == ValidationRule.Kind.JUMP
             and entries.get(rule.indicator.code, Entry(None)).value is not None}
    medians = history_medians(unit, jumps, period, figures) if jumps else {}
    for rule, orgs in rules:
        if orgs and unit.organization_id not in orgs:
            continue
        if only_errors and rule.severity != ERROR:
            continue
        ind = indicators.get(rule.indicator.code)
        if ind is None:
            continue
        e = entries.get(ind.code, Entry(None))
        custom = rule.message
        if rule.kind == ValidationRule.Kind.REQUIRED:
            if for_submission and e.value is None:
                add(rule.severity, ind, custom or "chưa nhập (bắt buộc).", rule.code)
            continue
        if e.value is None:
            continue
        if rule.kind == ValidationRule.Kind.BOUNDS:
            if rule.min_value is not None and e.value < rule.min_value:
                add(rule.severity, ind, custom or f"{format_vn_number(e.value)} nhỏ hơn mức tối thiểu {format_vn_number(rule.min_value)}.",
                    rule.code, bool(e.comment) and rule.severity == WARNING)
            if rule.max_value is not None and e.value > rule.max_value:
                add(rule.severity, ind, custom or f"{format_vn_number(e.value)} lớn hơn mức tối đa {format_vn_number(rule.max_value)}.",
                    rule.code, bool(e.comment) and rule.severity == WARNING)
        elif rule.kind == ValidationRule.Kind.RELATION and rule.other_indicator_id:
            other = entries.get(rule.other_indicator.code)
            if other is None or other.value is None or rule.operator not in _OPS:
                continue
            test, words = _OPS[rule.operator]
            bound = other.value * rule.factor
            if not test(e.value, bound):
                factor = "" if rule.factor == 1 else f"{format_vn_number(rule.factor)} × "
                add(rule.severity, ind,
                    custom or f"{format_vn_number(e.value)} {words} {factor}{rule.other_indicator.name.lower()} ({format_vn_number(other.value)}).",
                    rule.code, bool(e.comment) and rule.severity == WARNING, rule.other_indicator.code)
        elif rule.kind == ValidationRule.Kind.JUMP:
            median = medians.get(ind.pk)
            if median is not None and median > 0 and e.value > rule.factor * median:
                add(WARNING if rule.severity == WARNING else rule.severity, ind,
                    custom or f"{format_vn_number(e.value)} cao hơn {format_vn_number(rule.factor)} lần trung vị 4 kỳ trước "
                    f"({format_vn_number(median)}); hãy ghi chú lý do.",
                    rule.code, bool(e.comment))
    return issues

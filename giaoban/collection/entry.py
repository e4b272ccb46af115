"""What the data-entry page shows beside each field, and reading what it posts back."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from giaoban.collection.models import DataValue, Target
from giaoban.collection.workflow import NARRATIVE_FIELDS, form_indicators
from giaoban.core.aggregation import progress
from giaoban.core.numbers import NumberFormatError, format_vn_money, format_vn_number, parse_vn_number
from giaoban.core.periods import Period
from giaoban.org import lineage

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


@dataclass
class Row:
    indicator: object
    value: DataValue | None
    text: str  # what the input shows (as typed back when the post had an error)
    qualifier: str
    comment: str
    previous: str
    last_year: str
    target: str
    progress: str
    error: str = ""
    issues: list = field(default_factory=list)


def year_to_date_actual(indicator, current_values: dict, period: Period, history: dict) -> Decimal | None:
    """Flows add up from 1 January; stocks are the latest figure."""
    if indicator.time_aggregation == "last":
        return current_values.get(indicator.code)
    total, seen = Decimal(0), False
    for p in period.year_to_date():
        v = current_values.get(indicator.code) if p == period else history.get((indicator.code, p.code))
        if v is not None:
            total += v
            seen = True
    return total if seen else None


def past_values(unit, periods: list[str]) -> tuple[dict, set[str]]:
    """{(indicator code, period): value} of the unit for earlier periods, and the periods whose
    values were rebuilt from the units it replaced (a commune merged in 2025 still sees its
    'same period last year': the sum of its predecessors, times their shares)."""
    history = {
        (code, p): v
        for code, p, v in DataValue.objects.filter(unit=unit, period__in=periods).values_list("indicator__code", "period", "value")
    }
    rebuilt = set()
    for code in set(periods):
        end = Period.parse(code).end
        if unit.valid_from <= end:
            continue
        sources = lineage.predecessors_at(unit, end)
        if not sources:
            continue
        shares = {row.pk: share for row, share in sources}
        rows = DataValue.objects.filter(unit__in=list(shares), period=code, indicator__unit_aggregation="sum")
        for ind_code, unit_id, value in rows.values_list("indicator__code", "unit_id", "value"):
            history[ind_code, code] = history.get((ind_code, code), 0) + value * shares[unit_id]
        rebuilt.add(code)
    return history, rebuilt


def build_rows(unit, period: Period, report, posted=None, errors=None, issues=()) -> list[tuple[str, list[Row]]]:
    """The indicators of the unit's form in sections, each with its context figures."""
    indicators = list(form_indicators(unit))
    current = {dv.indicator.code: dv for dv in DataValue.objects.filter(report=report).select_related("indicator")} if report else {}
    before = [period.previous().code, period.same_period_last_year().code] + [p.code for p in period.year_to_date()]
    history, rebuilt = past_values(unit, before)
    targets = dict(Target.objects.filter(unit=unit, year=period.year).values_list("indicator__code", "value"))
    values_now = {code: dv.value for code, dv in current.items()}
    posted, errors = posted or {}, errors or {}
    by_indicator = defaultdict(list)
    for issue in issues:
        by_indicator[issue.indicator].append(issue)
    sections: dict[str, list[Row]] = {}
    for ind in indicators:
        dv = current.get(ind.code)
        text = posted.get(f"v-{ind.code}", format_vn_number(dv.value) if dv else "")
        ytd = year_to_date_actual(ind, values_now, period, history)
        target = targets.get(ind.code)
        pct = progress(ytd, target)
        row = Row(
            indicator=ind, value=dv, text=text,
            qualifier=posted.get(f"q-{ind.code}", dv.qualifier if dv else "exact"),
            comment=posted.get(f"c-{ind.code}", dv.comment if dv else ""),
            previous=show(history.get((ind.code, period.previous().code)), ind) + ("*" if period.previous().code in rebuilt else ""),
            last_year=show(history.get((ind.code, period.same_period_last_year().code)), ind)
            + ("*" if period.same_period_last_year().code in rebuilt else ""),
            target=show(target, ind),
            progress="—" if pct is None else f"{format_vn_number(pct, 1)}%",
            error=errors.get(ind.code, ""),
            issues=by_indicator.get(ind.code, []),
        )
        sections.setdefault(ind.section or "Chỉ tiêu khác", []).append(row)
    return list(sections.items())


def read_post(data, unit, period_code: str) -> tuple[dict, dict, dict]:
    """(values, narrative, errors) from a posted form. Only the fields present are returned, so
    the autosave can send just what changed. Errors: indicator code → Vietnamese message."""
    values, errors = {}, {}
    for ind in form_indicators(unit):
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

"""Figures that can be read and break no rule but are hard to believe: 1.234 monitoring sessions
after 1 the quarter before, 999.999.999.999 classes, a year's target reached two hundred times.

Each figure is held against three references, all from data already in the database:
the unit's own last four periods, the highest figure of the units of the same organization and
level over the last two years (the bound per indicator and level), and the unit's yearly
target. A flag is a warning: it is shown at the field while typing and listed at the top of the
approver's page; a note in the field's 'Ghi chú' says why the figure is right. It never stops a
save or a submission (the rules in giaoban.collection.rules do that).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from decimal import Decimal

from giaoban.collection import peers as peer_tops
from giaoban.collection.models import DataValue, Target
from giaoban.core.numbers import format_vn_number
from giaoban.core.periods import Period

JUMP_FACTOR = 5  # more than 5 times the unit's usual figure…
JUMP_MIN = 20  # …and at least 20 above it (3 sessions after 1 is no news)
PEER_FACTOR = 10  # more than 10 times the highest figure of the same level in two years
PEER_MIN_VALUES = 3
TARGET_FACTOR = 5  # one period's figure above 5 times the whole year's target


@dataclass
class Flag:
    indicator: str
    field_name: str
    message: str
    resolved: bool = False  # the figure carries a note
    severity: str = "warning"

    def as_dict(self) -> dict:
        return {"indicator": self.indicator, "field_name": self.field_name, "message": self.message,
                "resolved": self.resolved, "severity": self.severity}


def _earlier(period: Period, count: int) -> list[str]:
    codes, p = [], period
    for _ in range(count):
        p = p.previous()
        codes.append(p.code)
    return codes


def flags(unit, period: Period, values: dict, comments: dict, indicators: dict, *, figures: dict | None = None,
          targets: dict | None = None) -> list[Flag]:
    """Flags of `values` (indicator code → Decimal | None) of the unit for the period;
    `indicators` code → Indicator, `comments` code → note. A page that read them passes the
    unit's stored `figures` of the period and the seven before ((indicator id, period) → value,
    entry.page_figures) and its `targets` of the year (indicator id → value)."""
    present = {code: v for code, v in values.items() if v is not None and v > 0 and code in indicators}
    if not present:
        return []
    ids = {indicators[code].pk: code for code in present}
    earlier = _earlier(period, 7)
    own: dict[str, list] = {}
    own_counts: dict[int, int] = {}
    # the unit's own figures of the eight periods: the last four are its usual level, and all
    # eight are taken off its peers' count
    window = [period.code] + earlier
    if figures is None:
        rows = DataValue.objects.filter(unit=unit, indicator_id__in=list(ids), period__in=window) \
            .values_list("indicator_id", "period", "value")
    else:
        window_set = set(window)
        rows = [(i, p, v) for (i, p), v in figures.items() if i in ids and p in window_set]
    for ind_id, p, value in rows:
        own_counts[ind_id] = own_counts.get(ind_id, 0) + 1
        if p in earlier[:4]:
            own.setdefault(ids[ind_id], []).append(value)
    # the bound per indicator from the kept peer tops: a few rows, not one per peer value (a
    # commune's peers are every commune of the organization, eight periods)
    peers = {ids[ind]: bound for ind, bound in peer_tops.bounds(unit, ids, [period.code] + earlier, own_counts).items()}
    if targets is None:
        targets = dict(Target.objects.filter(unit=unit, year=period.year, indicator_id__in=list(ids))
                       .values_list("indicator_id", "value"))
    out = []
    for code, value in present.items():
        ind = indicators[code]
        if ind.value_type == "percent":
            continue  # 0–100 %: the bounds rule already holds it
        reasons = []
        past = own.get(code)
        if past:
            usual = Decimal(statistics.median(past))
            if value > JUMP_FACTOR * usual and value - usual >= JUMP_MIN:
                reasons.append(f"gấp {_times(value, usual)} mức thường của đơn vị (trung vị {len(past)} kỳ trước: "
                               f"{format_vn_number(usual)})")
        count, top = peers.get(code, (0, None))
        if count >= PEER_MIN_VALUES and top > 0 and value > PEER_FACTOR * top:
            reasons.append(f"gấp {_times(value, top)} số cao nhất của các đơn vị cùng cấp trong hai năm "
                           f"({format_vn_number(top)})")
        target = targets.get(ind.pk)
        if target and target > 0 and value > TARGET_FACTOR * target:
            reasons.append(f"gấp {_times(value, target)} chỉ tiêu cả năm ({format_vn_number(target)})")
        if reasons:
            out.append(Flag(code, ind.name, f"{ind.name}: {format_vn_number(value)} – bất thường: {'; '.join(reasons)}. "
                            f"Hãy kiểm tra lại; nếu đúng, ghi chú lý do.", resolved=bool((comments.get(code) or "").strip())))
    return out


def _times(value: Decimal, reference: Decimal) -> str:
    ratio = value / reference if reference else Decimal(0)
    return f"{format_vn_number(ratio, 0 if ratio >= 10 else 1)} lần"


def report_flags(report, indicators: dict, stored: dict | None = None, *, figures: dict | None = None,
                 targets: dict | None = None) -> list[Flag]:
    """The flags of a report's stored figures (`stored`, code → DataValue, `figures` and `targets`
    as flags() takes them, when the caller has read them)."""
    if stored is None:
        stored = {c: DataValue(value=v, comment=n) for c, v, n in
                  DataValue.objects.filter(report=report).values_list("indicator__code", "value", "comment")}
    stored = [(c, dv.value, dv.comment) for c, dv in stored.items()]
    return flags(report.unit, Period.parse(report.period), {c: v for c, v, _ in stored}, {c: n for c, _, n in stored}, indicators,
                 figures=figures, targets=targets)

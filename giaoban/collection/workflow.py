"""The life of a report, as plain service functions: the web pages, the API, the extraction
review and the tests all go through here.

    draft ──submit──▶ submitted ──approve──▶ approved ──lock──▶ locked
      ▲                  │                      │                 │
      └──── returned ◀───┘ return (reason)      └─ reopen (reason) ┘ (locked: administrators)

Every function checks the user's scope (ScopeError, a PermissionDenied), runs in one
transaction holding the report row (select_for_update; on SQLite the IMMEDIATE transaction
mode serializes writers the same way) and writes one audit entry per changed value or status.
`save_values` takes the version the caller started from: a stale version raises ConflictError
and nothing is written, so two people saving the same report never overwrite each other.
Approval and return take the version the approver saw in the same way.

One rule for every way values are written (form, autosave, Excel, API, extraction accept here;
DHIS2 dataValueSets and API bulk writes through `giaoban.collection.bulk.write_values`): only a
draft or returned report takes values, and the blocking validation rules
(`rules.write_errors`) run on every write, not only on submission.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from giaoban import audit
from giaoban.audit.models import AuditEntry
from giaoban.collection import access, peers, rules
from giaoban.collection.indicators import form_indicators, form_list  # noqa: F401  (workflow.form_indicators: excel, intake)
from giaoban.collection.models import DataValue, Report
from giaoban.core.numbers import format_vn_number
from giaoban.core.periods import Period, PeriodError
from giaoban.org import schedules
from giaoban.org.compiled import Statement
from giaoban.org.models import Indicator, Unit

NARRATIVE_FIELDS = {
    "highlights": "Kết quả nổi bật",
    "limitations": "Hạn chế",
    "proposals": "Đề xuất, kiến nghị",
    "next_tasks": "Nhiệm vụ kỳ tới",
}
MAX_ABS_VALUE = Decimal(10) ** 15
S = Report.Status


class WorkflowError(Exception):
    """An operation the report's state or the data do not allow (message in Vietnamese)."""

    def __init__(self, message: str, issues=None):
        super().__init__(message)
        self.message = message
        self.issues = list(issues or [])


class ConflictError(WorkflowError):
    """The report changed since the caller read it (stale expected_version)."""


class ScopeError(PermissionDenied):
    """The user may not do this for this unit."""


@dataclass
class SaveResult:
    report: Report
    changed: list[str] = field(default_factory=list)  # indicator codes and narrative fields
    values: dict = field(default_factory=dict)  # code → DataValue: the report's figures after the save

    @property
    def version(self) -> int:
        return self.report.version


# ---------------------------------------------------------------------------- helpers


def base_period(period_code: str) -> Period:
    """A period a report is made for: a quarter, a month or a week (longer periods are derived)."""
    try:
        period = Period.parse(period_code)
    except PeriodError as exc:
        raise WorkflowError(str(exc)) from exc
    if period.kind not in ("Q", "M", "W"):
        raise WorkflowError(
            f"Kỳ {period.label_vi} được tổng hợp từ các quý, không nhập trực tiếp. Hãy chọn một quý hoặc một tháng (một tuần cho báo cáo nhanh hằng tuần)."
        )
    return period


def unit_active_in(unit: Unit, period: Period) -> bool:
    return unit.valid_from <= period.end and (unit.valid_to is None or unit.valid_to >= period.start)


_LOCK = Statement(Report, lambda pk: Report.objects.select_for_update().filter(pk=pk).order_by(), write=True)


def _locked(report: Report) -> Report:
    """The report's row, locked until the transaction ends; its unit (and organization) are the
    caller's objects when it has them (no join to compile and read inside the write transaction)."""
    unit = report.unit if Report.unit.is_cached(report) else None
    if unit is not None and Unit.organization.is_cached(unit):
        locked = next(iter(_LOCK(report.pk)), None)
        if locked is None:
            raise Report.DoesNotExist("Report matching query does not exist.")
        if locked.unit_id == unit.pk:
            Report.unit.field.set_cached_value(locked, unit)
            return locked
    return Report.objects.select_for_update().select_related("unit", "unit__organization").get(pk=report.pk)


def _sync(target: Report, source: Report) -> None:
    """Copy the saved row back onto the caller's object so it sees the new version and status."""
    for f in Report._meta.concrete_fields:
        setattr(target, f.attname, getattr(source, f.attname))


def _who(user) -> str:
    return getattr(user, "username", "") or "?"


def plain(value) -> str | None:
    """A Decimal as plain text without trailing zeros ('480.0000' → '480'), for the audit trail."""
    if value is None:
        return None
    d = Decimal(value)
    return format(d.normalize(), "f") if d != d.to_integral_value() else str(d.to_integral_value())


def describe_value(value, qualifier: str = "exact") -> str:
    if value is None:
        return "(trống)"
    text = format_vn_number(value)
    if qualifier and qualifier != DataValue.Qualifier.EXACT:
        text += f" ({DataValue.Qualifier(qualifier).label.lower()})"
    return text


# ---------------------------------------------------------------------------- creation


def get_or_create_report(unit: Unit, period_code: str, user) -> Report:
    """The unit's report for the period; created (as a draft) for users who enter the unit's data."""
    period = base_period(period_code)
    if not access.can_view_unit(user, unit):
        raise ScopeError("Bạn không có quyền với đơn vị này.")
    report = Report.objects.filter(unit=unit, period=period.code).order_by().first()  # unique: no ordering joins
    if report is not None:
        return report
    if not access.can_enter(user, unit):
        raise ScopeError("Bạn không có quyền nhập báo cáo cho đơn vị này.")
    if not unit_active_in(unit, period):
        raise WorkflowError(f"{unit.name} không hoạt động trong {period.label_vi}.")
    if period.kind == "W" and not schedules.applies(unit, "W"):
        raise WorkflowError(f"{unit.name} không báo cáo theo tuần (chế độ báo cáo của đơn vị không có kỳ tuần).")
    with transaction.atomic():
        report, created = Report.objects.get_or_create(unit=unit, period=period.code)
        if created:
            audit.record(user, "report.create", report, field="status", new=report.status, unit=unit.code, period=period.code)
    return report


# ---------------------------------------------------------------------------- values


def _clean_item(ind: Indicator, item) -> dict:
    if not isinstance(item, dict):
        item = {"value": item}
    value = item.get("value")
    if value is not None:
        if not isinstance(value, Decimal):
            try:
                value = Decimal(str(value)) if isinstance(value, int | float) else None
            except ArithmeticError:
                value = None
            if value is None:
                raise WorkflowError(f"{ind.name}: giá trị phải là một số.")
        if not value.is_finite() or abs(value) >= MAX_ABS_VALUE:
            raise WorkflowError(f"{ind.name}: giá trị {value} quá lớn hoặc không hợp lệ.")
        if value.as_tuple().exponent < -4 and value != value.quantize(Decimal("0.0001")):
            raise WorkflowError(f"{ind.name}: chỉ nhận tối đa 4 chữ số thập phân.")
    qualifier = item.get("qualifier") or DataValue.Qualifier.EXACT
    if qualifier not in DataValue.Qualifier.values:
        raise WorkflowError(f"{ind.name}: độ chính xác '{qualifier}' không hợp lệ.")
    comment = (item.get("comment") or "").strip()
    detail = item.get("source_detail") or {}
    if not isinstance(detail, dict):
        raise WorkflowError(f"{ind.name}: chi tiết nguồn phải là một đối tượng JSON.")
    return {"value": value, "qualifier": qualifier, "comment": comment, "source_detail": detail,
            "has_comment": "comment" in item}


def _checked(report: Report, indicators: dict, values, narrative) -> tuple[dict, dict]:
    """(the values cleaned, the narrative) of a write, or the WorkflowError that refuses it."""
    narrative = dict(narrative or {})
    unknown = [k for k in narrative if k not in NARRATIVE_FIELDS]
    if unknown:
        raise WorkflowError(f"Phần báo cáo không hợp lệ: {', '.join(unknown)}.")
    bad = [code for code in (values or {}) if code not in indicators]
    if bad:
        raise WorkflowError(
            f"Chỉ tiêu không thuộc biểu mẫu của {report.unit.organization}: {', '.join(sorted(map(str, bad)))}."
        )
    return {code: _clean_item(indicators[code], item) for code, item in (values or {}).items()}, narrative


# the locked report's figures, model objects (the save writes them): compiled once
_REPORT_VALUES = Statement(DataValue, lambda report_id: DataValue.objects.filter(report_id=report_id))


def not_editable_message(report: Report) -> str:
    return (f"Báo cáo đang ở trạng thái '{report.get_status_display()}', không sửa được. "
            f"Cấp trên cần trả lại hoặc mở lại báo cáo trước khi sửa.")


def save_values(report: Report, user, values=None, *, expected_version, source: str = "form", narrative=None,
                merge=None, refused: dict | None = None) -> SaveResult:
    """Write the given values (indicator code → dict(value, qualifier, comment, source_detail))
    and narrative sections (field → text) of an editable report, all or nothing.

    A value of None removes the figure. `expected_version` is the report version the caller
    read; if someone saved in between, ConflictError is raised and nothing is written
    (None skips the check: only for callers that re-read the report in the same transaction).
    `merge` (instead of `values` and `narrative`): called inside the transaction with the report's
    figures as it holds them (code → DataValue), it returns (values, narrative) to write: the
    entry page's field-by-field merge compares with them, not with a read of its own.
    `refused` (a dict; the autosave, where each field saves on its own): figures that break a
    blocking rule are left out and named there (code → message), the others written in the same
    transaction, instead of the whole write refused.
    """
    if not access.can_enter(user, report.unit):
        raise ScopeError("Bạn không có quyền nhập số liệu cho đơn vị này.")
    if source not in DataValue.Source.values:
        raise WorkflowError(f"Nguồn số liệu '{source}' không hợp lệ.")
    indicators = {i.code: i for i in form_list(report.unit, Period.parse(report.period))}
    if merge is None:
        cleaned, narrative = _checked(report, indicators, values, narrative)
    active_rules = rules.active_rules()  # read before the write transaction: it holds the lock for less

    # the peer tops of the figures written change when the block ends, just before the commit
    with transaction.atomic(), peers.batched():
        locked = _locked(report)
        if expected_version is not None and int(expected_version) != locked.version:
            raise ConflictError(
                f"Báo cáo vừa được người khác cập nhật lúc {timezone.localtime(locked.updated_at):%H:%M %d/%m/%Y} "
                f"(phiên bản {locked.version}, bạn đang sửa phiên bản {expected_version}). Chưa lưu gì: hãy tải lại "
                f"trang để xem số liệu mới rồi nhập lại phần thay đổi của bạn."
            )
        if not locked.is_editable:
            raise WorkflowError(not_editable_message(locked))
        existing = _by_code(_REPORT_VALUES(locked.pk), indicators, locked)
        if merge is not None:
            cleaned, narrative = _checked(report, indicators, *merge(existing))
        cleaned = _leave_out_rule_errors(locked, indicators, existing, cleaned, active_rules, refused)
        changed: list[str] = []
        for code, item in cleaned.items():
            ind, dv = indicators[code], existing.get(code)
            if item["value"] is None:
                if dv is not None:
                    audit.record(user, "value.delete", locked, field=code, old=plain(dv.value), new=None, reason=item["comment"],
                                 indicator=code, unit=locked.unit.code, period=locked.period, source=source,
                                 old_display=describe_value(dv.value, dv.qualifier), new_display="(trống)")
                    dv.delete()
                    del existing[code]
                    changed.append(code)
                continue
            if dv is None:
                dv = existing[code] = DataValue(report=locked, unit=locked.unit, indicator=ind, period=locked.period)
                dv.report_row_locked = True
                old_display, old_value = "(trống)", None
            else:
                old_display, old_value = describe_value(dv.value, dv.qualifier), dv.value
                same = (dv.value == item["value"] and dv.qualifier == item["qualifier"]
                        and (not item["has_comment"] or dv.comment == item["comment"]))
                if same:
                    continue
            dv.value, dv.qualifier = item["value"], item["qualifier"]
            if item["has_comment"]:
                dv.comment = item["comment"]
            dv.source, dv.updated_by = source, user if getattr(user, "is_authenticated", False) else None
            # A value typed over an extracted one no longer comes from that text span.
            dv.source_detail = item["source_detail"] or {}
            dv.save()
            audit.record(user, "value.update" if old_value is not None else "value.create", locked, field=code,
                         old=plain(old_value), new=plain(dv.value), reason=dv.comment, indicator=code, unit=locked.unit.code,
                         period=locked.period, source=source, qualifier=dv.qualifier,
                         old_display=old_display, new_display=describe_value(dv.value, dv.qualifier),
                         source_detail=dv.source_detail)
            changed.append(code)
        for name, text in narrative.items():
            text = (text or "").strip()
            if getattr(locked, name) != text:
                audit.record(user, "narrative.update", locked, field=f"narrative.{name}", old=getattr(locked, name), new=text,
                             unit=locked.unit.code, period=locked.period)
                setattr(locked, name, text)
                changed.append(name)
        if changed:
            locked.version += 1
            # the status stays: the summary's report signal has nothing to refresh (update_fields says so)
            locked.save(update_fields=["version", "updated_at", *(n for n in NARRATIVE_FIELDS if n in changed)])
    _sync(report, locked)
    return SaveResult(report, changed, existing)


def _by_code(values, indicators: dict, report: Report) -> dict:
    """{indicator code: DataValue} with each value's indicator the form's object (`indicators`,
    code → Indicator) and its report `report` (the row locked: the summary's signal reads its
    status there instead of a query per value saved); codes of indicators no longer on the form
    in one query when there are any."""
    rows = list(values)
    codes = {ind.pk: code for code, ind in indicators.items()}
    unknown = {dv.indicator_id for dv in rows} - codes.keys()
    if unknown:
        codes.update(Indicator.objects.filter(pk__in=unknown).values_list("pk", "code"))
    out = {}
    field, of_report = DataValue.indicator.field, DataValue.report.field
    for dv in rows:
        code = codes[dv.indicator_id]
        if code in indicators:
            field.set_cached_value(dv, indicators[code])
        of_report.set_cached_value(dv, report)
        dv.report_row_locked = True  # the summary's signal may read the status from `report`
        out[code] = dv
    return out


def _leave_out_rule_errors(report: Report, indicators: dict, existing: dict, cleaned: dict, active_rules, refused) -> dict:
    """`cleaned` without the figures that break a blocking rule, named in `refused` (code →
    messages); without `refused`, or when the error is in none of the figures written, the
    WorkflowError refusing the whole write. Nothing is written yet: no rollback needed."""
    while True:
        try:
            _refuse_rule_errors(report, indicators, existing, cleaned, active_rules)
            return cleaned
        except WorkflowError as exc:
            offending = {code for i in exc.issues for code in (i.indicator, i.other) if code in cleaned}
            if refused is None or not offending:
                raise
            for issue in exc.issues:
                for code in (issue.indicator, issue.other):
                    if code in offending:
                        refused[code] = (refused.get(code, "") + " " + issue.message).strip()
            cleaned = {code: item for code, item in cleaned.items() if code not in offending}


def _refuse_rule_errors(report: Report, indicators: dict, existing: dict, cleaned: dict, active_rules=None) -> None:
    """The blocking validation rules run on every write, not only on submission: the values as
    they would stand after this write may hold no error in what the write touches."""
    entries = {code: rules.Entry(dv.value, dv.comment) for code, dv in existing.items()}
    for code, item in cleaned.items():
        comment = item["comment"] if item["has_comment"] else entries.get(code, rules.Entry(None)).comment
        entries[code] = rules.Entry(item["value"], comment)
    errors = rules.write_errors(entries, indicators, rules.active_rules() if active_rules is None else active_rules, unit=report.unit,
                                period=Period.parse(report.period), changed=cleaned)
    if errors:
        raise WorkflowError(f"Chưa lưu: {'; '.join(i.message for i in errors)}", issues=errors)


def check_version(report: Report, expected_version, what: str) -> None:
    """Refuse an approval or return of a report that changed since the approver read it."""
    if expected_version is None:
        return
    try:
        expected = int(expected_version)
    except (TypeError, ValueError):
        expected = -1
    if expected != report.version:
        raise ConflictError(
            f"Báo cáo đã thay đổi từ lúc bạn mở (phiên bản {report.version}, bạn xem phiên bản {expected_version}): "
            f"chưa {what}. Hãy tải lại trang, xem số liệu mới rồi {what} lại."
        )


# ---------------------------------------------------------------------------- status changes


def _transition(report: Report, user, action: str, new_status: str, *, allowed_from, reason: str = "",
                expected_version=None, what: str = "", **updates) -> Report:
    with transaction.atomic():
        locked = _locked(report)
        check_version(locked, expected_version, what)
        if locked.status not in allowed_from:
            names = ", ".join(f"'{S(s).label}'" for s in allowed_from)
            raise WorkflowError(
                f"Không thể thực hiện: báo cáo {locked.unit.name} {Period.parse(locked.period).label_vi} đang ở trạng thái "
                f"'{locked.get_status_display()}' (cần ở trạng thái {names})."
            )
        old = locked.status
        locked.status = new_status
        for k, v in updates.items():
            setattr(locked, k, v)
        locked.version += 1
        locked.save()
        audit.record(user, action, locked, field="status", old=old, new=new_status, reason=reason,
                     unit=locked.unit.code, period=locked.period)
    _sync(report, locked)
    return report


def submit(report: Report, user) -> Report:
    """Send the report to the parent unit. Errors (and warnings without a comment) block it."""
    if not access.can_enter(user, report.unit):
        raise ScopeError("Bạn không có quyền gửi báo cáo của đơn vị này.")
    blocking = [i for i in rules.validate(report, for_submission=True) if i.blocks_submission]
    if blocking:
        lines = "; ".join(i.message + ("" if i.severity == "error" else " (cần ghi chú)") for i in blocking)
        raise WorkflowError(f"Chưa gửi được báo cáo, còn {len(blocking)} vấn đề: {lines}", issues=blocking)
    return _transition(report, user, "submit", S.SUBMITTED, allowed_from=(S.DRAFT, S.RETURNED),
                       submitted_at=timezone.now(), submitted_by=user, returned_reason="")


def approve(report: Report, user, *, expected_version) -> Report:
    """Approve the figures the approver saw: `expected_version` is the version their page showed
    (None only for callers that read the report in the same transaction)."""
    if not access.can_approve(user, report.unit):
        raise ScopeError("Chỉ đơn vị cấp trên trực tiếp của cùng tổ chức được duyệt báo cáo này.")
    return _transition(report, user, "approve", S.APPROVED, allowed_from=(S.SUBMITTED,),
                       expected_version=expected_version, what="duyệt",
                       approved_at=timezone.now(), approved_by=user)


def _reason(reason: str, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError(f"Hãy ghi lý do {what}.")
    return reason


def return_report(report: Report, user, reason: str, *, expected_version) -> Report:
    if not access.can_approve(user, report.unit):
        raise ScopeError("Chỉ đơn vị cấp trên trực tiếp của cùng tổ chức được trả lại báo cáo này.")
    reason = _reason(reason, "trả lại báo cáo")
    return _transition(report, user, "return", S.RETURNED, allowed_from=(S.SUBMITTED,), reason=reason,
                       expected_version=expected_version, what="trả lại", returned_reason=reason)


def reopen(report: Report, user, reason: str) -> Report:
    """Open an approved (or, for administrators, a locked) report again for corrections."""
    if not access.can_approve(user, report.unit):
        raise ScopeError("Chỉ đơn vị cấp trên trực tiếp của cùng tổ chức được mở lại báo cáo này.")
    reason = _reason(reason, "mở lại báo cáo")
    allowed = (S.APPROVED, S.LOCKED) if getattr(user, "is_superuser", False) else (S.APPROVED,)
    return _transition(report, user, "reopen", S.RETURNED, allowed_from=allowed, reason=reason,
                       returned_reason=reason, approved_at=None, approved_by=None)


def lock(report: Report, user) -> Report:
    """Close an approved report for good (only administrators can reopen it)."""
    if not access.can_approve(user, report.unit):
        raise ScopeError("Chỉ đơn vị cấp trên trực tiếp của cùng tổ chức được khóa báo cáo này.")
    return _transition(report, user, "lock", S.LOCKED, allowed_from=(S.APPROVED,))


def allowed_actions(report: Report | None, user) -> set[str]:
    """What the user may do with the report now (for the buttons on the page)."""
    if report is None:
        return set()
    unit = report.unit
    actions = set()
    if access.can_enter(user, unit) and report.is_editable:
        actions |= {"edit", "submit"}
    if access.can_approve(user, unit):
        if report.status == S.SUBMITTED:
            actions |= {"approve", "return"}
        if report.status == S.APPROVED:
            actions |= {"reopen", "lock"}
        if report.status == S.LOCKED and getattr(user, "is_superuser", False):
            actions.add("reopen")
    return actions


def value_history(report: Report, indicator_code: str):
    """The audit entries of one value of the report, newest first."""
    return AuditEntry.objects.filter(
        Q(object_type=Report._meta.label_lower, object_id=str(report.pk), field=indicator_code)
    ).select_related("user").order_by("-at", "-id")

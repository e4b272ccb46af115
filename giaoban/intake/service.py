"""Upload → text → figures → the reviewer's decisions → data values of the unit's draft report.

The reading of figures is giaoban.textfigures's job (plain Python); the writing of values is
giaoban.collection.workflow's (scope, editable state, version check, audit). This module only
joins them and keeps the session, so the views stay short.
"""

from __future__ import annotations

import datetime
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from giaoban import audit
from giaoban.audit.models import AuditEntry
from giaoban.collection import access, workflow
from giaoban.collection.models import DataValue, Report
from giaoban.collection.workflow import ScopeError, WorkflowError
from giaoban.core.numbers import NumberFormatError, format_vn_number, parse_vn_number
from giaoban.core.periods import Period
from giaoban.core.uploads import DOCX, HTML, PDF, TEXT, check_upload, read_upload
from giaoban.textfigures import PRETICK_CLASSES, ReadError, default_catalogue, extract_text, read_file
from giaoban.intake.models import ExtractionSession
from giaoban.org.models import Organization, Unit

ACCEPTED_KINDS = {DOCX: ".docx", PDF: ".pdf", TEXT: ".txt", HTML: ".html"}
MAX_TEXT_CHARS = 1_000_000
ORG_LABELS = {"mttq": "MTTQ", "congdoan": "Công đoàn", "phunu": "Phụ nữ", "doan": "Đoàn",
              "nongdan": "Nông dân", "ccb": "Cựu chiến binh", "other": "Tổ chức khác"}
QUALIFIERS = [(DataValue.Qualifier.EXACT.value, "chính xác"), (DataValue.Qualifier.APPROX.value, "khoảng, gần"),
              (DataValue.Qualifier.OVER.value, "hơn, trên"), (DataValue.Qualifier.UNDER.value, "dưới")]


class ExtractionError(Exception):
    """A refusal the reviewer must read (Vietnamese, names the file or the figure)."""


# ---------------------------------------------------------------------------- reading


def catalogue_for(unit: Unit) -> list[dict]:
    """The unit's organization's indicators as the engine's catalogue (database synonyms, plus
    the shipped catalogue's extra units for the same code, e.g. 'cuộc' for sessions)."""
    shipped = {c["code"]: c for c in default_catalogue()}
    out = []
    for ind in workflow.form_indicators(unit).prefetch_related("organizations"):
        entry = {
            "code": ind.code, "name": ind.name, "unit": ind.unit_noun, "value_type": ind.value_type,
            "synonyms": list(ind.synonyms or []), "orgs": [o.code for o in ind.organizations.all()],
            "time_aggregation": ind.time_aggregation,  # a level held ('last') may be what remains ('còn …')
        }
        extra = shipped.get(ind.code)
        if extra:
            entry["units"] = list(extra.get("units") or [])
            # What the indicator counts beyond its words: the action it needs, what excludes it,
            # whether it is a level held or may be a change.
            for k in ("requires", "excludes", "excludes_sentence", "counts_change"):
                if k in extra:
                    entry[k] = extra[k]
            entry["synonyms"] += [s for s in extra.get("synonyms") or [] if s not in entry["synonyms"]]
        out.append(entry)
    return out


def read_document(data: bytes, kind: str, name: str) -> str:
    """The NFC text of an upload whose kind was decided by its content (check_upload)."""
    suffix = ACCEPTED_KINDS[kind]
    with tempfile.TemporaryDirectory(prefix="giaoban-extract-") as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            text = read_file(path)
        except ReadError as exc:
            # The reader names its temporary path; the person knows the file by its own name.
            raise ExtractionError(str(exc).replace(str(path), name)) from None
    if not text.strip():
        raise ExtractionError(
            f"Tệp «{name}» không có chữ đọc được (có thể là bản scan dạng ảnh). "
            "Hãy tải lên bản Word hoặc PDF có chữ.")
    if len(text) > MAX_TEXT_CHARS:
        raise ExtractionError(
            f"Tệp «{name}» quá dài ({format_vn_number(len(text))} ký tự, giới hạn {format_vn_number(MAX_TEXT_CHARS)}). "
            "Hãy tách thành các tệp nhỏ hơn.")
    return text


RATE_ACTION = "extract.upload"


def take_upload_quota(user, files: int) -> None:
    """Count `files` against the user's extraction quota (GIAOBAN_EXTRACT_RATE files a window of
    GIAOBAN_EXTRACT_RATE_MINUTES, web and API together, over every server process: the count
    is kept in the audit trail); ExtractionError when it would be passed."""
    limit, minutes = settings.GIAOBAN_EXTRACT_RATE, settings.GIAOBAN_EXTRACT_RATE_MINUTES
    since = timezone.now() - datetime.timedelta(minutes=minutes)
    used = sum(e.get("files", 1) for e in AuditEntry.objects.filter(
        user=user, action=RATE_ACTION, at__gte=since).values_list("data", flat=True))
    if used + files > limit:
        raise ExtractionError(
            f"Bạn đã gửi {used} tệp để đọc trong {minutes} phút qua; mỗi người tối đa {limit} tệp trong {minutes} phút. "
            f"Hãy thử lại sau ít phút.")
    audit.record(user, RATE_ACTION, object_type="extraction", object_id="", files=files)


def check_file(upload) -> tuple[bytes, str]:
    """(bytes, kind) of an uploaded file, checked by size and content; UploadError otherwise."""
    limit = settings.GIAOBAN_MAX_UPLOAD_BYTES
    data = read_upload(upload, upload.name, limit)
    kind = check_upload(data, upload.name, set(ACCEPTED_KINDS), limit)
    return data, kind


def create_session(user, unit: Unit, period: str, name: str, data: bytes, kind: str, batch=None) -> ExtractionSession:
    if not access.can_enter(user, unit):
        raise ScopeError("Bạn không có quyền nhập số liệu cho đơn vị này.")
    session = ExtractionSession(user=user, unit=unit, period=period or "", original_name=name[:255], kind=kind,
                                size=len(data), batch=batch)
    session.file.save("upload", ContentFile(data), save=False)
    session.save()
    return session


def current_quarter() -> Period:
    return Period.for_reporting_date(timezone.localdate(), "Q")


def run_extraction(session: ExtractionSession, data: bytes | None = None) -> ExtractionSession:
    """Read the session's file and its figures; a failure is kept on the session (status failed)."""
    try:
        if data is None:
            with session.file.open("rb") as f:
                data = f.read()
        text = read_document(data, session.kind, session.original_name)
        try:
            result = extract_text(text, catalogue_for(session.unit))
        except Exception as exc:  # the engine is property-tested, but a person must never see a 500 here
            raise ExtractionError(f"Không đọc được số liệu trong tệp «{session.original_name}» ({type(exc).__name__}).") from exc
    except ExtractionError as exc:
        session.status, session.error = ExtractionSession.Status.FAILED, str(exc)
        session.save()
        return session
    session.text = text
    session.figures = result["figures"]
    detected = result.get("period") or ""
    session.detected_period = detected
    if not session.period:
        session.period = _enterable(detected) or current_quarter().code
    session.decisions = {"items": default_decisions(session)}
    session.status, session.error = ExtractionSession.Status.READY, ""
    session.save()
    return session


def _enterable(code: str) -> str:
    """The code if a report can be made for it (a quarter or a month), else ''."""
    if not code:
        return ""
    try:
        return workflow.base_period(code).code
    except WorkflowError:
        return ""


# ---------------------------------------------------------------------------- review


def figure_owner(figure: dict) -> str:
    if figure.get("orgs"):
        return "joint"
    return figure.get("org") or ""


def proposed(figure: dict, unit: Unit, codes: set[str], pretick: frozenset[str] = PRETICK_CLASSES) -> bool:
    """Ticked by default: the unit's own organization (or no organization named), with a
    proposed indicator of the unit's form. Another organization's figure is shown unticked, and
    so is a target ('kind' 'target': a figure of a plan section such as 'Phương hướng, nhiệm vụ
    quý IV'), which states what is to be done, not a result, and a figure whose class of
    confidence is not precise enough (giaoban.textfigures.PRETICK_CLASSES)."""
    if figure.get("kind") == "target":
        return False
    if "confidence_class" in figure and figure["confidence_class"] not in pretick:
        return False  # only classes that were right for >= 98 % of the corpus's test part
    owner = figure_owner(figure)
    return owner in ("", unit.organization.code) and figure.get("indicator_code") in codes


def default_decisions(session: ExtractionSession) -> list[dict]:
    codes = set(workflow.form_indicators(session.unit).values_list("code", flat=True))
    items = []
    for f in session.figures:
        code = f.get("indicator_code") if f.get("indicator_code") in codes else ""
        items.append({
            "accept": proposed(f, session.unit, codes),
            "indicator": code,
            "value": format_vn_number(f.get("value")) if f.get("value") is not None else "",
            "qualifier": f.get("qualifier") or "exact",
            "org": figure_owner(f),
            "status": "pending",
        })
    return items


def decisions(session: ExtractionSession) -> list[dict]:
    items = list((session.decisions or {}).get("items") or [])
    if len(items) != len(session.figures):
        items = default_decisions(session)
    return items


def org_choices(figure: dict) -> list[tuple[str, str]]:
    choices = [("", "— không nêu tổ chức —")]
    for org in Organization.objects.all():
        choices.append((org.code, ORG_LABELS.get(org.code, org.short_name)))
    known = {c for c, _ in choices}
    choices += [(c, ORG_LABELS.get(c, c)) for c in ORG_LABELS if c not in known]
    if figure.get("orgs"):
        joint = ", ".join(ORG_LABELS.get(o, o) for o in figure["orgs"])
        choices.insert(1, ("joint", f"Chung: {joint}"))
    return choices


def read_post(session: ExtractionSession, post) -> list[dict]:
    """The reviewer's choices from the form, one dict per figure (unvalidated text kept as typed)."""
    items = []
    for i, _ in enumerate(session.figures):
        p = f"f{i}-"
        qualifier = post.get(p + "qualifier", "exact")
        items.append({
            "accept": post.get(p + "accept") == "on",
            "indicator": (post.get(p + "indicator") or "").strip()[:60],
            "value": (post.get(p + "value") or "").strip()[:40],
            "qualifier": qualifier if qualifier in DataValue.Qualifier.values else "exact",
            "org": (post.get(p + "org") or "").strip()[:20],
            "status": "pending",
        })
    return items


@dataclass
class AcceptResult:
    report: Report
    accepted: int
    rejected: int
    changed: list[str] = field(default_factory=list)


def source_detail(session: ExtractionSession, index: int) -> dict:
    f = session.figures[index]
    return {
        "file": session.original_name,
        "start": f["start"],
        "end": f["end"],
        "text": f["text"],
        "extracted_value": f["value"],
        "confidence": f.get("confidence"),
        "unit": f.get("unit"),
        "org": f.get("org"),
        "orgs": f.get("orgs"),
        "session": session.pk,
        "figure": index,
        "url": reverse("extraction:review", args=[session.pk]) + f"#m{index}",
    }


def save_decisions(session: ExtractionSession, items: list[dict], period: str) -> None:
    session.decisions = {"items": items}
    if period:
        session.period = period
    session.save(update_fields=["decisions", "period", "updated_at"])


def accept(session: ExtractionSession, user, items: list[dict], period_code: str, expected_version) -> AcceptResult:
    """Write the ticked figures as data values of the unit's report for the period, all or none.

    Raises ExtractionError (a figure is wrong), WorkflowError/ConflictError (the report refuses)
    or ScopeError. The decisions are kept by the caller whatever happens.
    """
    unit = session.unit
    if not access.can_enter(user, unit):
        raise ScopeError("Bạn không có quyền nhập số liệu cho đơn vị này.")
    period = workflow.base_period(period_code)
    indicators = {i.code: i for i in workflow.form_indicators(unit)}
    values: dict[str, dict] = {}
    where: dict[str, int] = {}
    problems: list[str] = []
    for i, item in enumerate(items):
        if not item["accept"]:
            continue
        f = session.figures[i]
        label = f"Số liệu {i + 1} («{f['text']}»)"
        code = item["indicator"]
        if code not in indicators:
            problems.append(f"{label}: hãy chọn chỉ tiêu trong biểu mẫu của {unit.organization}.")
            continue
        try:
            value = parse_vn_number(item["value"])
        except NumberFormatError as exc:
            problems.append(f"{label}: {exc}")
            continue
        if code in values:
            other = where[code]
            problems.append(f"{label}: chỉ tiêu «{indicators[code].name}» đã được chọn cho số liệu {other + 1} "
                            f"(«{session.figures[other]['text']}»); mỗi chỉ tiêu chỉ nhận một số.")
            continue
        values[code] = {"value": value, "qualifier": item["qualifier"], "source_detail": source_detail(session, i)}
        where[code] = i
    if problems:
        raise ExtractionError(" ".join(problems))
    if not values:
        raise ExtractionError("Chưa chọn số liệu nào để nhận vào báo cáo.")
    report = workflow.get_or_create_report(unit, period.code, user)
    if not report.is_editable:
        raise WorkflowError(
            f"Báo cáo {unit.name} {period.label_vi} đang ở trạng thái «{report.get_status_display()}», không nhận thêm "
            f"số liệu. Các lựa chọn của bạn đã được lưu; khi cấp trên trả lại hoặc mở lại báo cáo, hãy bấm nhận lại.")
    if expected_version in (None, "", "new"):
        # The page was shown before the report existed: a report nobody has saved yet is safe.
        expected = report.version if report.version == 1 else 0
    else:
        expected = int(expected_version)
    with transaction.atomic():
        result = workflow.save_values(report, user, values, expected_version=expected, source=DataValue.Source.EXTRACTION)
        accepted = set(where.values())
        for i, item in enumerate(items):
            item["status"] = "accepted" if i in accepted else "rejected"
        session.decisions = {"items": items}
        session.period = period.code
        session.status = ExtractionSession.Status.SAVED
        session.report = report
        session.saved_at, session.saved_by = timezone.now(), user
        session.save()
    return AcceptResult(report=result.report, accepted=len(accepted), rejected=len(items) - len(accepted),
                        changed=result.changed)


def existing_values(session: ExtractionSession) -> tuple[Report | None, dict[str, DataValue]]:
    report = Report.objects.filter(unit=session.unit, period=session.period).first()
    if report is None:
        return None, {}
    return report, {dv.indicator.code: dv for dv in DataValue.objects.filter(report=report).select_related("indicator")}


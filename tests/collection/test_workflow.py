"""The lifecycle as service functions: scope, conflicts, validation, audit."""

from decimal import Decimal

import pytest

from giaoban.audit.models import AuditEntry
from giaoban.collection import workflow as wf
from giaoban.collection.models import DataValue, Report
from giaoban.collection.rules import validate

from .conftest import PERIOD


def v(x, **kw):
    return {"value": None if x is None else Decimal(str(x)), **kw}


def test_full_lifecycle_records_every_change(tree):
    entry, approver = tree.users["entry_a"], tree.users["approver"]
    report = wf.get_or_create_report(tree.units["phunu-a"], PERIOD, entry)
    assert report.status == Report.Status.DRAFT and report.version == 1
    result = wf.save_values(report, entry, {"tuyen_truyen_buoi": v(12), "tuyen_truyen_luot_nguoi": v(480, qualifier="approx")},
                            expected_version=1, narrative={"highlights": "Tổ chức tốt các buổi sinh hoạt."})
    assert sorted(result.changed) == ["highlights", "tuyen_truyen_buoi", "tuyen_truyen_luot_nguoi"]
    assert report.version == 2
    wf.submit(report, entry)
    assert report.status == Report.Status.SUBMITTED and report.submitted_by == entry
    with pytest.raises(wf.WorkflowError):
        wf.save_values(report, entry, {"tuyen_truyen_buoi": v(13)}, expected_version=report.version)
    wf.return_report(report, approver, "Số liệu lượt người chưa khớp", expected_version=report.version)
    assert report.status == Report.Status.RETURNED and report.returned_reason == "Số liệu lượt người chưa khớp"
    wf.save_values(report, entry, {"tuyen_truyen_luot_nguoi": v(500)}, expected_version=report.version)
    wf.submit(report, entry)
    wf.approve(report, approver, expected_version=report.version)
    assert report.status == Report.Status.APPROVED and report.approved_by == approver
    with pytest.raises(wf.WorkflowError, match="lý do"):
        wf.reopen(report, approver, "  ")
    wf.reopen(report, approver, "Sửa số hội viên")
    assert report.status == Report.Status.RETURNED
    wf.submit(report, entry)
    wf.approve(report, approver, expected_version=report.version)
    wf.lock(report, approver)
    assert report.status == Report.Status.LOCKED
    with pytest.raises(wf.WorkflowError):
        wf.reopen(report, approver, "muốn sửa")  # only administrators reopen a locked report
    wf.reopen(report, tree.users["admin"], "Sai sót phát hiện sau hội nghị")
    actions = list(AuditEntry.objects.filter(object_id=str(report.pk), field="status").order_by("id").values_list("action", flat=True))
    assert actions == ["report.create", "submit", "return", "submit", "approve", "reopen", "submit", "approve", "lock", "reopen"]
    history = list(wf.value_history(report, "tuyen_truyen_luot_nguoi"))
    assert [(h.old_value, h.new_value) for h in history] == [("480", "500"), ("", "480")]
    assert history[1].data["new_display"] == "480 (khoảng, gần)"
    assert history[0].user == entry


def test_stale_version_conflict_overwrites_nothing(tree):
    entry = tree.users["entry_a"]
    report = wf.get_or_create_report(tree.units["phunu-a"], PERIOD, entry)
    first = Report.objects.get(pk=report.pk)
    second = Report.objects.get(pk=report.pk)
    wf.save_values(first, entry, {"tuyen_truyen_buoi": v(10)}, expected_version=1)
    with pytest.raises(wf.ConflictError, match="người khác cập nhật"):
        wf.save_values(second, entry, {"tuyen_truyen_buoi": v(99), "tuyen_truyen_luot_nguoi": v(5)}, expected_version=1)
    assert list(DataValue.objects.filter(report=report).values_list("indicator__code", "value")) == [("tuyen_truyen_buoi", Decimal(10))]
    assert Report.objects.get(pk=report.pk).version == 2


def test_scope_is_enforced_by_every_function(tree):
    unit_a = tree.units["phunu-a"]
    with pytest.raises(wf.ScopeError):
        wf.get_or_create_report(unit_a, PERIOD, tree.users["entry_b"])
    with pytest.raises(wf.ScopeError):
        wf.get_or_create_report(unit_a, PERIOD, tree.users["viewer_a"])  # may look, may not create
    report = wf.get_or_create_report(unit_a, PERIOD, tree.users["entry_a"])
    for name in ("entry_b", "viewer_a", "approver", "outsider", "mttq_province"):
        with pytest.raises(wf.ScopeError):
            wf.save_values(report, tree.users[name], {"tuyen_truyen_buoi": v(1)}, expected_version=report.version)
    with pytest.raises(wf.ScopeError):
        wf.submit(report, tree.users["entry_b"])
    wf.submit(report, tree.users["entry_a"])
    for name in ("entry_a", "entry_b", "viewer_a", "province_viewer", "mttq_province", "outsider"):
        with pytest.raises(wf.ScopeError):
            wf.approve(report, tree.users[name], expected_version=report.version)
        with pytest.raises(wf.ScopeError):
            wf.return_report(report, tree.users[name], "x", expected_version=report.version)
    assert Report.objects.get(pk=report.pk).status == Report.Status.SUBMITTED


def test_values_outside_the_form_or_malformed_are_refused_whole(tree):
    entry = tree.users["mttq_entry_a"]
    report = wf.get_or_create_report(tree.units["mttq-a"], PERIOD, entry)
    with pytest.raises(wf.WorkflowError, match="không thuộc biểu mẫu"):
        wf.save_values(report, entry, {"tuyen_truyen_buoi": v(3), "ket_nap_moi": v(2)}, expected_version=1)
    with pytest.raises(wf.WorkflowError, match="độ chính xác"):
        wf.save_values(report, entry, {"tuyen_truyen_buoi": v(3, qualifier="nhiều")}, expected_version=1)
    assert not DataValue.objects.filter(report=report).exists()
    with pytest.raises(wf.WorkflowError, match="quý"):
        wf.get_or_create_report(tree.units["mttq-a"], "2025", entry)


def test_validation_errors_block_and_warnings_need_a_comment(tree):
    entry = tree.users["entry_a"]
    unit = tree.units["phunu-a"]
    report = wf.get_or_create_report(unit, PERIOD, entry)
    wrong = {"tuyen_truyen_buoi": v(20), "tuyen_truyen_luot_nguoi": v(10), "ket_nap_moi": v(50), "tong_hoi_vien": v(40),
             "co_so_vung_manh": v(120), "du_no_uy_thac": v(1_000_000), "no_qua_han": v(2_000_000)}
    # The rules run on every write: such figures are refused when saved, naming every error ...
    with pytest.raises(wf.WorkflowError) as exc:
        wf.save_values(report, entry, wrong, expected_version=1)
    assert len(exc.value.issues) == 4 and not DataValue.objects.filter(report=report).exists()
    # ... and a report that holds them anyway (from before a rule existed) is not sent.
    for code, item in wrong.items():
        DataValue.objects.create(report=report, unit=unit, indicator=tree.indicators[code], period=PERIOD, value=item["value"])
    issues = validate(report)
    assert {i.rule for i in issues if i.severity == "error"} == {
        "luot-nguoi-ge-buoi", "ket-nap-le-tong", "no-qua-han-le-du-no", "phan-tram-co-so-vung-manh"}
    assert any("Lượt người dự tuyên truyền" in i.message and "buổi tuyên truyền" in i.message for i in issues)
    with pytest.raises(wf.WorkflowError) as exc:
        wf.submit(report, entry)
    assert len(exc.value.issues) == 4 and "Nợ quá hạn" in exc.value.message
    assert Report.objects.get(pk=report.pk).status == Report.Status.DRAFT
    # a jump over 5 × the median of the last four quarters: a warning until commented
    for i, code in enumerate(["2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"]):
        past = Report.objects.create(unit=unit, period=code, status=Report.Status.APPROVED)
        DataValue.objects.create(report=past, unit=unit, indicator=tree.indicators["tuyen_truyen_buoi"], period=code, value=3 + i)
    wf.save_values(report, entry, {"tuyen_truyen_buoi": v(30), "tuyen_truyen_luot_nguoi": v(900), "ket_nap_moi": v(5),
                                   "co_so_vung_manh": v("82,5".replace(",", ".")), "no_qua_han": v(0)},
                   expected_version=report.version)
    issues = validate(report, for_submission=True)
    assert [(i.severity, i.rule, i.resolved) for i in issues] == [("warning", "tuyen-truyen-dot-bien", False)]
    with pytest.raises(wf.WorkflowError, match="cần ghi chú"):
        wf.submit(report, entry)
    wf.save_values(report, entry, {"tuyen_truyen_buoi": v(30, comment="Tháng cao điểm tuyên truyền bầu cử")},
                   expected_version=report.version)
    wf.submit(report, entry)
    assert report.status == Report.Status.SUBMITTED


def test_removing_a_value_is_audited(tree):
    entry = tree.users["entry_a"]
    report = wf.get_or_create_report(tree.units["phunu-a"], PERIOD, entry)
    wf.save_values(report, entry, {"tuyen_truyen_buoi": v(7)}, expected_version=1)
    result = wf.save_values(report, entry, {"tuyen_truyen_buoi": v(None)}, expected_version=2)
    assert result.changed == ["tuyen_truyen_buoi"] and not DataValue.objects.filter(report=report).exists()
    assert wf.value_history(report, "tuyen_truyen_buoi").first().action == "value.delete"
    # saving the same thing again changes nothing and keeps the version
    assert wf.save_values(report, entry, {"tuyen_truyen_buoi": v(None)}, expected_version=3).changed == []
    assert report.version == 3

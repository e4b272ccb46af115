"""The report pages' own reads are compiled once (giaoban.org.compiled.Statement), not on every
request: home and 'my reports' (the periods' reports and the returned ones, the unread reminders)
and the completeness page (the period's reports of the expected units). Counted by the compilations
of queries on reports and reminders on a second visit; the pages still show what changed between
the visits (nothing is kept but the SQL)."""

import pytest
from django.db.models.sql import compiler
from django.urls import reverse
from django.utils import timezone

from giaoban.collection.completeness import pick_period
from giaoban.collection.models import Reminder, Report
from tests.collection.conftest import build_tree


@pytest.fixture
def compiled_models(monkeypatch):
    seen = []
    as_sql = compiler.SQLCompiler.as_sql

    def counting(self, *args, **kwargs):
        seen.append(self.query.model)
        return as_sql(self, *args, **kwargs)

    monkeypatch.setattr(compiler.SQLCompiler, "as_sql", counting)
    return seen


@pytest.mark.django_db
def test_report_pages_do_not_compile_their_report_reads_again(client, compiled_models):
    tree = build_tree()
    due = pick_period(None)
    entry, approver = tree.users["entry_a"], tree.users["approver"]
    pages = [(entry, reverse("home")), (entry, reverse("collection:my_reports")), (approver, reverse("collection:completeness"))]
    for user, url in pages:
        client.force_login(user)
        assert client.get(url).status_code == 200
    Report.objects.create(unit=tree.units["phunu-a"], period=due.code, status=Report.Status.RETURNED,
                          returned_reason="Thiếu số liệu quý", submitted_at=timezone.now())
    Reminder.objects.create(user=entry, unit=tree.units["phunu-a"], period=due.code, message="Nhắc nộp báo cáo quý")
    html = {}
    for user, url in pages:
        client.force_login(user)
        compiled_models.clear()
        html[url] = client.get(url).content.decode()
        assert not {Report, Reminder} & set(compiled_models), (url, compiled_models)
    # what changed between the visits is seen
    assert "Thiếu số liệu quý" in html[reverse("home")] and "Thiếu số liệu quý" in html[reverse("collection:my_reports")]
    assert "Nhắc nộp báo cáo quý" in html[reverse("collection:my_reports")]


@pytest.mark.django_db
def test_home_of_a_province_does_not_compile_its_overdue_tasks_again(client, compiled_models):
    """The province's overdue tasks (open, due before this quarter) are read by a statement
    compiled once; a task that became overdue between two visits is on the second."""
    from giaoban.core.periods import Period
    from giaoban.meetings.models import Meeting, Task

    tree = build_tree()
    before = Period.for_date(timezone.localdate(), "Q").previous().code
    meeting = Meeting.objects.create(title="Hội nghị giao ban", period=before)
    client.force_login(tree.users["province_viewer"])
    assert client.get(reverse("home")).status_code == 200
    Task.objects.create(meeting=meeting, text="Rà soát hộ nghèo còn sót", due_period=before)
    compiled_models.clear()
    html = client.get(reverse("home")).content.decode()
    assert Task not in compiled_models, compiled_models
    assert "Rà soát hộ nghèo còn sót" in html

"""Every state a unit's report can be in, with the words and the colour the pages show for it."""

import datetime

import pytest
from django.utils import timezone

from giaoban.collection.completeness import UnitState
from giaoban.collection.models import Report

S = Report.Status
DEADLINE = datetime.date(2024, 10, 10)
ON_TIME = timezone.make_aware(datetime.datetime(2024, 10, 9, 9))
LATE = timezone.make_aware(datetime.datetime(2024, 10, 12, 9))
PAST, FUTURE = datetime.date(2024, 9, 30), datetime.date(2999, 1, 1)


@pytest.mark.parametrize(("status", "sent_at", "deadline", "label", "css"), [
    (S.APPROVED, ON_TIME, DEADLINE, "Đã duyệt", "approved"),
    (S.APPROVED, LATE, DEADLINE, "Đã duyệt (nộp muộn)", "approved"),
    (S.SUBMITTED, ON_TIME, DEADLINE, "Đã gửi đúng hạn", "submitted"),
    (S.SUBMITTED, LATE, DEADLINE, "Gửi muộn", "late"),
    (S.RETURNED, None, PAST, "Bị trả lại", "returned"),
    (S.DRAFT, None, PAST, "Quá hạn, chưa gửi", "overdue"),
    (S.DRAFT, None, FUTURE, "Chưa gửi", "missing"),
    (None, None, PAST, "Quá hạn, chưa gửi", "overdue"),
    (None, None, FUTURE, "Chưa gửi", "missing"),
])
def test_each_state_has_its_words_and_colour(status, sent_at, deadline, label, css):
    report = None if status is None else Report(status=status, submitted_at=sent_at)
    state = UnitState(unit=None, report=report, deadline=deadline)
    assert (state.label, state.css) == (label, css)

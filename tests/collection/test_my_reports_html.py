"""'Báo cáo của tôi' writes its table of units × periods in Python (through the template engine,
with a reverse() a cell, it was most of the page for someone with many units): it must write
what the template loop wrote, for units that did not exist in a period too."""

import datetime

from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from giaoban.collection import completeness as comp, workflow
from giaoban.collection.models import Reminder, Report
from giaoban.collection.views import _my_report_rows, _reminder_items, _returned_items
from giaoban.core.periods import Period
from giaoban.org.models import Unit

# the loop as collection/my_reports.html had it, fed as the view fed it
ROWS_LOOP = """{% for row in rows %}<tr><th scope="row">{{ row.unit }}</th>{% for c in row.cells %}<td>{% if c %}<a href="{{ c.url }}"><span class="status status-{{ c.state.css }}">{{ c.state.label }}</span></a><br><small class="muted">hạn {{ c.state.deadline|date:"d/m/Y" }}</small>{% else %}<span class="muted">—</span>{% endif %}</td>{% endfor %}</tr>{% endfor %}"""


class _Deadline:
    def __init__(self, day):
        self.day = day

    def for_unit(self, unit):
        return self.day


def test_my_report_rows_write_what_the_template_wrote():
    periods = [Period(2026, "Q", 4), Period(2026, "Q", 3), Period(2026, "Q", 2), Period(2025, "Q", 4)]
    units = [Unit(pk=5, name="Hội LHPN xã <A>", valid_from=datetime.date(2000, 1, 1)),
             Unit(pk=12, name="Xã mới & \"B\"", valid_from=datetime.date(2026, 7, 1)),  # not yet in 2026-Q2 and before
             Unit(pk=13, name="Xã cũ", valid_from=datetime.date(2000, 1, 1), valid_to=datetime.date(2026, 6, 30))]
    sent = timezone.now() - datetime.timedelta(days=400)
    reports = {(5, "2026-Q3"): Report(status=Report.Status.APPROVED, submitted_at=sent),
               (5, "2026-Q2"): Report(status=Report.Status.RETURNED),
               (13, "2026-Q2"): Report(status=Report.Status.SUBMITTED, submitted_at=timezone.now())}
    deadlines = {p.code: _Deadline(p.end + datetime.timedelta(days=10)) for p in periods}
    rows = []
    for unit in units:
        cells = []
        for p in periods:
            if not workflow.unit_active_in(unit, p):
                cells.append(None)
                continue
            state = comp.UnitState(unit, reports.get((unit.pk, p.code)), deadlines[p.code].for_unit(unit))
            cells.append({"period": p, "state": state, "url": reverse("collection:entry", args=[unit.pk, p.code])})
        rows.append({"unit": unit, "cells": cells})
    html = str(_my_report_rows(units, periods, reports, deadlines))
    assert html == Template(ROWS_LOOP).render(Context({"rows": rows}))
    assert html.count('<span class="muted">—</span>') == 4 and "Đã duyệt (nộp muộn)" not in html


RETURNED_LOOP = """{% load giaoban_web %}{% for r in returned %}<li><a href="{% url 'collection:entry' r.unit_id r.period %}">{{ r.unit }} – {{ r.period|period_label }}</a>: {{ r.returned_reason }}</li>{% endfor %}"""
REMINDER_LOOP = """{% for r in reminders %}<li>{{ r.message }} <span class="muted">({{ r.created_at|date:"d/m/Y" }})</span>
<form method="post" class="inline" action="{% url 'collection:reminder_read' r.pk %}">{% csrf_token %}<button type="submit">Đã xem</button></form></li>{% endfor %}"""


def test_returned_and_reminders_write_what_the_template_wrote():
    unit = Unit(pk=5, name="Hội LHPN xã <A>")
    returned = [Report(unit=unit, unit_id=5, period="2026-Q3", returned_reason="Thiếu số <hội viên> & quỹ"),
                Report(unit=unit, unit_id=5, period="2026-W07", returned_reason="")]
    late_evening = timezone.make_aware(datetime.datetime(2026, 10, 9, 19, 0), datetime.timezone.utc)  # 10/10 in Hà Nội
    reminders = [Reminder(pk=3, message="Hội LHPN xã <A> chưa gửi báo cáo Quý III/2026", created_at=late_evening),
                 Reminder(pk=41, message="Nhắc & \"lần hai\"", created_at=timezone.now())]
    assert str(_returned_items(returned)) == Template(RETURNED_LOOP).render(Context({"returned": returned}))
    html = str(_reminder_items(reminders, "TOKEN"))
    assert html == Template(REMINDER_LOOP).render(Context({"reminders": reminders, "csrf_token": "TOKEN"}))
    assert "(10/10/2026)" in html

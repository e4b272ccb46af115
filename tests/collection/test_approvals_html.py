"""'Chờ duyệt' writes its rows in Python (through the template engine, with a reverse() a row,
they were most of the page): they must be what the template loop wrote."""

import datetime

from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from giaoban.collection import completeness as comp
from giaoban.collection.models import Report
from giaoban.collection.views import _waiting_rows
from giaoban.org.models import Unit

# the loop as collection/approvals.html had it, fed as the view fed it
ROWS_LOOP = """{% load giaoban_web %}{% for r in waiting %}<tr><td><a href="{{ r.url }}">{{ r.unit }}</a></td><td>{{ r.period|period_label }}</td><td>{{ r.submitted_at|date:"H:i d/m/Y" }}</td>
<td>{{ r.state.deadline|date:"d/m/Y" }}{% if r.state.late %} <span class="status status-late">muộn</span>{% endif %}</td><td>{% if r.submitted_by %}{{ r.submitted_by|vi_name }}{% endif %}</td></tr>{% endfor %}"""


def test_waiting_rows_write_what_the_template_wrote():
    User = get_user_model()
    unit = Unit(pk=9, name="Hội LHPN xã <A> & \"B\"")
    deadline = datetime.date(2026, 10, 10)
    on_time = timezone.make_aware(datetime.datetime(2026, 10, 9, 20, 0), datetime.timezone.utc)  # 10/10 03:00 in Hà Nội
    late = timezone.make_aware(datetime.datetime(2026, 10, 10, 18, 0), datetime.timezone.utc)
    waiting = [Report(unit=unit, unit_id=9, period="2026-Q3", status=Report.Status.SUBMITTED, submitted_at=on_time,
                      submitted_by=User(username="phunu.a", last_name="Lò Thị", first_name="<Mai>")),
               Report(unit=unit, unit_id=9, period="2026-W05", status=Report.Status.SUBMITTED, submitted_at=late,
                      submitted_by=User(username="chi.ten")),
               Report(unit=unit, unit_id=9, period="2026-Q2", status=Report.Status.SUBMITTED, submitted_at=None)]
    for r in waiting:
        r.state = comp.UnitState(unit, r, deadline)
    html = str(_waiting_rows(waiting))
    for r in waiting:
        r.url = reverse("collection:entry", args=[r.unit_id, r.period])
    assert html == Template(ROWS_LOOP).render(Context({"waiting": waiting}))
    assert html.count("status-late") == 2 and "Lò Thị &lt;Mai&gt;" in html and "chi.ten" in html

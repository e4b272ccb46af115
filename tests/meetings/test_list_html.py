"""The meetings page writes its lists in Python (through the template engine, with a url tag a
row, they were most of the page): they must be what the template loops wrote."""

import datetime

from django.template import Context, Template

from giaoban.meetings.models import Meeting, Task
from giaoban.meetings.views import _meeting_rows, _overdue_items, _task_rows

# the loops as meetings/list.html had them
OVERDUE_LOOP = """{% load giaoban_web %}{% for t in overdue %}<li><a href="{% url 'meetings:task' t.pk %}">{{ t.text }}</a> <span class="muted">– hạn {{ t.due_period|period_label }}, {{ t.get_status_display|lower }}</span></li>{% endfor %}"""
MEETING_LOOP = """{% load giaoban_web %}{% for m in meetings %}<tr><td>{{ m.date|date:"d/m/Y"|default:"–" }}</td><td><a href="{% url 'meetings:detail' m.pk %}">{{ m }}</a></td><td>{{ m.period|period_label }}</td><td><span class="status status-{% if m.status == 'draft' %}draft{% else %}approved{% endif %}">{{ m.get_status_display }}</span></td></tr>{% endfor %}"""
TASK_LOOP = """{% load giaoban_web %}{% for t in tasks %}<tr><td><a href="{% url 'meetings:task' t.pk %}">{{ t.text }}</a></td><td>{{ t.due_period|period_label }}</td><td>{{ t.get_status_display }}</td></tr>{% endfor %}"""


def test_meetings_page_lists_write_what_the_template_wrote():
    tasks = [Task(pk=3, text="Vận động <quỹ> & \"nhà\"", due_period="2025-Q3", status=Task.Status.TODO),
             Task(pk=12, text="Rà soát hộ nghèo", due_period="2026-W05", status=Task.Status.IN_PROGRESS),
             Task(pk=40, text="Khác", due_period="không rõ", status=Task.Status.TODO)]
    meetings = [Meeting(pk=1, title="Giao ban <quý>", date=datetime.date(2025, 10, 3), period="2025-Q3", status="draft"),
                Meeting(pk=22, title="", date=None, period="2025-Q4", status="approved")]
    assert str(_overdue_items(tasks)) == Template(OVERDUE_LOOP).render(Context({"overdue": tasks}))
    assert str(_meeting_rows(meetings)) == Template(MEETING_LOOP).render(Context({"meetings": meetings}))
    assert str(_task_rows(tasks)) == Template(TASK_LOOP).render(Context({"tasks": tasks}))

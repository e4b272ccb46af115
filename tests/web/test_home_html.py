"""The home page's lists (what to enter and send, the reports waiting, the overdue tasks) are
written in Python (through the template engine they were most of an administrator's home page):
each must write what the template loop it replaced wrote, in every branch and language."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from giaoban.collection.models import Report
from giaoban.meetings.models import Task
from giaoban.org.models import Unit
from giaoban.web.views import _overdue_rows, _province_links, _todo_items, _waiting_rows

# the loops as web/home.html had them
TODO_LOOP = """{% load i18n %}{% for t in todo %}<li><a class="button primary" href="{{ t.url }}">{% if t.report %}{% translate "Tiếp tục nhập" %}{% else %}{% translate "Nhập số liệu" %}{% endif %}</a>
<span><strong>{{ t.unit }}</strong><br>
{% if t.report %}<span class="status status-{{ t.report.status }}">{{ t.report.get_status_display }}</span>{% else %}<span class="status status-missing">{% translate "Chưa có" %}</span>{% endif %}
<span class="{% if t.late %}band-red{% elif t.days <= 7 %}band-amber{% else %}muted{% endif %}">{% translate "hạn" %} {{ t.deadline|date:"d/m/Y" }}{% if t.late %} – {% translate "đã quá hạn" %}{% elif t.days <= 7 %} – {% blocktranslate count n=t.days %}còn {{ n }} ngày{% plural %}còn {{ n }} ngày{% endblocktranslate %}{% endif %}</span></span></li>{% endfor %}"""
WAITING_LOOP = """{% load giaoban_web %}{% for r in waiting %}<tr><td><a href="{{ r.url }}">{{ r.unit }}</a></td><td>{{ r.period|period_label }}</td><td>{{ r.submitted_at|date:"H:i d/m/Y" }}</td></tr>{% endfor %}"""
OVERDUE_LOOP = """{% load giaoban_web %}{% for t in overdue %}<tr><td><a href="{% url 'meetings:task' t.pk %}">{{ t.text|truncatewords:30 }}</a></td><td>{{ t.due_period|period_label }}</td><td>{{ t.get_status_display }}</td></tr>{% endfor %}"""

UNIT = Unit(pk=7, name="Hội LHPN xã <A> & \"B\"")
TODAY = datetime.date(2026, 12, 6)


def _todo():
    out = []
    for days, report in ((-3, Report(status=Report.Status.RETURNED)), (0, None), (1, Report(status=Report.Status.DRAFT)),
                         (7, None), (8, Report(status=Report.Status.DRAFT)), (40, None)):
        deadline = TODAY + datetime.timedelta(days=days)
        out.append({"unit": UNIT, "report": report, "deadline": deadline, "late": deadline < TODAY, "days": days,
                    "url": "/bao-cao/7/2026-Q4/?a=1&b=2"})
    return out


@pytest.mark.parametrize("language", ["vi", "en"])
def test_todo_items_write_what_the_template_wrote(language):
    with translation.override(language):
        assert str(_todo_items(_todo())) == Template(TODO_LOOP).render(Context({"todo": _todo()}))


def test_waiting_rows_write_what_the_template_wrote():
    sent = timezone.make_aware(datetime.datetime(2026, 10, 9, 23, 30), datetime.timezone.utc)  # the next day in Hà Nội
    waiting = [Report(unit=UNIT, period="2026-Q3", submitted_at=sent), Report(unit=UNIT, period="2026-W05", submitted_at=None),
               Report(unit=UNIT, period="rác<>", submitted_at=sent)]
    for r in waiting:
        r.url = "/bao-cao/7/2026-Q3/?x=<1>"
    assert str(_waiting_rows(waiting)) == Template(WAITING_LOOP).render(Context({"waiting": waiting}))
    assert "06:30 10/10/2026" in str(_waiting_rows(waiting))


def test_overdue_rows_write_what_the_template_wrote():
    long_text = " ".join(f"việc<{i}>" for i in range(45))
    tasks = [Task(pk=3, text=long_text, due_period="2026-Q1", status=Task.Status.TODO),
             Task(pk=41, text="Rà soát & báo cáo", due_period="2025-H2", status=Task.Status.IN_PROGRESS)]
    assert str(_overdue_rows(tasks)) == Template(OVERDUE_LOOP).render(Context({"overdue": tasks}))


LINKS_LOOP = """{% for l in links %}<li><a href="{{ l.url }}"><strong>{{ l.label }}</strong><span>{{ l.hint }}</span></a></li>{% endfor %}"""


def test_province_tiles_write_what_the_template_wrote():
    links, html = _province_links()
    assert len(links) == 5 and str(html) == Template(LINKS_LOOP).render(Context({"links": links}))

"""The dashboard's and pivot's boxes and figure tables are written in Python (the template engine
took most of the page's time for them): each must write what the template loop it replaced wrote,
for every case the loop had (marks, bands, missing comparisons, thousands, markup in names)."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation

from giaoban.analytics.engine.base import Comparison, Row
from giaoban.analytics.views import _area_box, _figure_rows
from giaoban.core.periods import Period, option_tags
from giaoban.org.models import Area

# the loops as the templates had them (dashboard.html, _filters.html / pivot.html, _area_box.html)
FIGURE_LOOP = """{% load analytics_tags %}{% for ind, r in rows %}<tr>
<td>{{ ind.name }} <span class="muted">({{ ind.unit_noun }})</span></td>
<td class="num">{{ r|qualifier_word }}{{ r.value|vn }}{% if r.reconstructed %}*{% endif %}</td>
<td class="num">{% if ind.value_type == "integer" %}{{ r.target|vn:0 }}{% else %}{{ r.target|vn }}{% endif %}</td>
<td class="num{% if r.band %} band-{{ r.band }}{% endif %}">{{ r.progress_pct|vnpct }}</td>
{% with ly=r.same_period_last_year pv=r.previous %}<td class="num">{{ ly.value|vn }}{% if ly.reconstructed %}*{% endif %}</td>
<td class="num same-period{% if not ly.like and ly.change_pct is not None %} unlike{% endif %}">{% if not ly.like and ly.change_pct is not None %}<span class="unlike-mark" title="Hai kỳ không đủ đơn vị báo cáo">≠</span> {% endif %}{{ ly.change_pct|signed_pct }}{% if not ly.like and ly.change_pct is not None %}<small>{{ r.reporting_units }} so với {{ ly.reporting_units }} đơn vị</small>{% endif %}</td>
<td class="num previous{% if not pv.like and pv.value is not None %} unlike{% endif %}">{{ pv.value|vn }}{% if not pv.like and pv.value is not None %}<small>{{ pv.reporting_units }}/{{ pv.expected_units }} đơn vị</small>{% endif %}</td>{% endwith %}
<td class="num">{{ r.reporting_units }}/{{ r.expected_units }}</td></tr>{% endfor %}"""
AREA_LOOP = ('{% for value, name, code in area_choices %}<option value="{{ value }}" data-code="{{ code }}">'
             '{% if value != name %}{{ name }}{% else %}mã {{ code }}{% endif %}</option>{% endfor %}')
PERIOD_LOOP = ('{% for p in periods %}<option value="{{ p.code }}"{% if period and p.code == period.code %} selected{% endif %}>'
               '{{ p.label_vi }}</option>{% endfor %}')


def _rows():
    integer = SimpleNamespace(name="Hội viên <mới> & cũ", unit_noun="người", value_type="integer")
    decimal = SimpleNamespace(name="Quỹ \"vì người nghèo\"", unit_noun="triệu đồng", value_type="decimal")
    unlike = Comparison("2025-Q3", Decimal("1234.5"), Decimal("-3"), Decimal("-12.25"), True, 1200, 3400, False)
    like = Comparison("2025-Q2", Decimal("0"), None, None, False, 5, 5, True)
    unlike_no_change = Comparison("2025-Q2", None, None, None, False, 0, 7, False)
    return [
        (integer, Row("a", "2026-Q3", Decimal("29774"), qualifier="approx", reporting_units=1234, expected_units=56789,
                      reconstructed=True, target=Decimal("30000.4"), progress_pct=Decimal("99.2"), band="amber",
                      previous=unlike, same_period_last_year=unlike)),
        (decimal, Row("b", "2026-Q3", Decimal("2950.5"), qualifier="over", reporting_units=3, expected_units=3,
                      target=Decimal("12.345"), progress_pct=Decimal("101"), band="<x>",
                      previous=like, same_period_last_year=unlike_no_change)),
        (decimal, Row("c", "2026-Q3", None, qualifier="mixed", target=None, previous=unlike_no_change,
                      same_period_last_year=like)),
    ]


def test_figure_rows_write_what_the_template_wrote():
    rows = _rows()
    for language in ("vi", "en"):  # the counts' thousands separator follows the language
        with translation.override(language):
            assert str(_figure_rows(rows)) == Template(FIGURE_LOOP).render(Context({"rows": rows}))


def test_figure_rows_show_the_unlike_mark_and_the_counts():
    html = str(_figure_rows(_rows()))
    assert html.count('class="unlike-mark"') == 1 and "1.234 so với 1.200 đơn vị" in html and "&lt;mới&gt;" in html


def test_period_option_tags_write_what_the_template_wrote():
    periods = [Period(2026, "W", 3), Period(2026, "M", 1), Period(2025, "Y"), Period(2025, "9M"), Period(2025, "H", 2),
               *Period.quarters_of(2025)]
    for chosen in (None, Period(2025, "Q", 2), Period(2024, "Q", 1)):
        expected = Template(PERIOD_LOOP).render(Context({"periods": periods, "period": chosen}))
        assert option_tags(periods, chosen.code if chosen else None) == expected
    assert option_tags(periods, "2025-Q2").count(" selected") == 1


def test_area_box_writes_what_the_template_wrote():
    """Two areas of one name are offered by code; a name with markup is escaped."""
    options = [Area(code="12", name="Lai Châu", kind=Area.Kind.PROVINCE), Area(code="105", name="Tân Uyên", kind=Area.Kind.DISTRICT),
               Area(code="3160", name="Tân Uyên", kind=Area.Kind.DISTRICT), Area(code="9&1", name="Bum <Nưa>", kind=Area.Kind.COMMUNE)]
    choices, html = _area_box(options)
    assert str(html) == Template(AREA_LOOP).render(Context({"area_choices": choices}))
    assert [value for value, _, _ in choices] == ["Tỉnh Lai Châu", "105", "3160", "Xã Bum <Nưa>"]


@pytest.mark.django_db
def test_default_period_in_one_query(django_assert_num_queries):
    """The quarter just ended when it has approved reports, else the latest approved quarter before
    it (never a later one), else the quarter just ended: one query (two before)."""
    from django.utils import timezone

    from giaoban.analytics.views import default_period
    from giaoban.collection.models import Report
    from tests.collection.conftest import build_tree

    tree = build_tree()
    ended = Period.for_date(timezone.localdate(), "Q").previous()
    unit = tree.units["phunu-a"]
    with django_assert_num_queries(1):
        assert default_period() == ended
    Report.objects.create(unit=unit, period=ended.next().code, status=Report.Status.APPROVED)  # the current quarter
    Report.objects.create(unit=unit, period=ended.previous().previous().code, status=Report.Status.LOCKED)
    Report.objects.create(unit=tree.units["phunu-b"], period=ended.previous().code, status=Report.Status.SUBMITTED)
    assert default_period() == ended.previous().previous()
    Report.objects.create(unit=unit, period=ended.code, status=Report.Status.APPROVED)
    with django_assert_num_queries(1):
        assert default_period() == ended

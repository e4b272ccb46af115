"""A form's indicators and the validation rules are read once, then kept until a table they come
from changes (giaoban.org.stamp: a trigger renews the stamp in the writing transaction, so writes
that send no signal count too). Every page load and autosave used to read them several times."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from giaoban.collection import rules
from giaoban.collection.indicators import form_list
from giaoban.collection.models import ValidationRule
from giaoban.org.models import Indicator, ReportingSchedule, Unit

READ_AGAIN = ("collection_validationrule", "org_indicator", "org_reportingschedule")


def _reads(fn) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return [q["sql"] for q in ctx.captured_queries if any(t in q["sql"] for t in READ_AGAIN)]


def test_form_and_rules_are_read_once_while_nothing_changes(tree):
    a = tree.units["phunu-a"]
    form_list(Unit.objects.get(pk=a.pk)), rules.active_rules()
    assert _reads(lambda: form_list(Unit.objects.get(pk=a.pk))) == []  # another unit object, another request
    assert _reads(rules.active_rules) == []


def test_a_changed_rule_is_seen_at_once_even_without_a_signal(tree):
    codes = {r.code for r, _ in rules.active_rules()}
    assert "ket-nap-le-tong" in codes
    ValidationRule.objects.filter(code="ket-nap-le-tong").update(is_active=False)
    assert "ket-nap-le-tong" not in {r.code for r, _ in rules.active_rules()}
    rule = ValidationRule.objects.get(code="luot-nguoi-ge-buoi")
    rule.organizations.add(tree.orgs["mttq"])  # the rule's organizations (a through table)
    assert dict((r.code, orgs) for r, orgs in rules.active_rules())["luot-nguoi-ge-buoi"] == {tree.orgs["mttq"].pk}


def test_a_changed_form_is_seen_at_once(tree):
    a = tree.units["phunu-a"]
    assert "no_qua_han" in {i.code for i in form_list(Unit.objects.get(pk=a.pk))}
    Indicator.objects.filter(code="no_qua_han").update(is_active=False)
    assert "no_qua_han" not in {i.code for i in form_list(Unit.objects.get(pk=a.pk))}
    # a regime for the commune level: its indicators become the form (the regime's indicator list)
    regime = ReportingSchedule.objects.create(code="quy-xa", name="Quý xã", organization=tree.orgs["phunu"], unit_level=Unit.Level.COMMUNE,
                                              frequency="Q")
    assert [i.code for i in form_list(Unit.objects.get(pk=a.pk))] == []
    regime.indicators.add(tree.indicators["tuyen_truyen_buoi"])
    assert [i.code for i in form_list(Unit.objects.get(pk=a.pk))] == ["tuyen_truyen_buoi"]

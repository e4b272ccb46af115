"""What a page costs in Python, counted (cProfile's call count does not move with the machine's
load, as time does) per row of the pages of the load mix whose work grows with their rows: the
data-entry page (a row per indicator), the completeness page (a row per unit) and the home page (a
row of four periods per unit). An entry row took
about 2,300 calls, three quarters of them the template engine's (an escape, a lookup and a node per
attribute, an option loop and a url tag per row); written by giaoban.collection.entry.rows_html,
about 580."""

from __future__ import annotations

import cProfile

from django.urls import reverse
from django.utils import timezone

from giaoban.collection import workflow
from giaoban.collection.completeness import pick_period
from giaoban.collection.models import Membership, Report
from giaoban.org.models import Area, Indicator, Unit

from .conftest import PERIOD, make_user

PER_ROW_BUDGET = 700  # Python calls per indicator row of the entry page


def _calls(client, url) -> int:
    client.get(url)  # warm: templates, the form's cache
    profile = cProfile.Profile()
    profile.enable()
    response = client.get(url)
    profile.disable()
    assert response.status_code == 200
    return sum(row[1] for row in profile.getstats())


def test_entry_page_work_per_indicator_row(tree, client):
    a = tree.units["phunu-a"]
    user = tree.users["entry_a"]
    report = workflow.get_or_create_report(a, PERIOD, user)
    url = reverse("collection:entry", args=[a.pk, PERIOD])
    client.force_login(user)
    rows_before = len(workflow.form_list(a))
    few = _calls(client, url)
    for i in range(30):
        ind = Indicator.objects.create(code=f"them_{i:02d}", name=f"Chỉ tiêu thêm {i}", unit_noun="việc", value_type="integer",
                                       section="Thêm", sort_order=1000 + i)
        ind.organizations.add(tree.orgs["phunu"])
    figures = {f"them_{i:02d}": i + 1 for i in range(0, 30, 2)}  # half of them filled in
    workflow.save_values(report, user, figures, expected_version=report.version)
    many = _calls(client, url)
    per_row = (many - few) / 30
    assert len(workflow.form_list(Unit.objects.get(pk=a.pk))) == rows_before + 30
    assert per_row <= PER_ROW_BUDGET, f"{per_row:.0f} Python calls per row ({few} → {many} for 30 more rows)"


# The entry page of a 7-indicator form, apart from its rows: ~20,300 calls before its own queries were
# compiled once (giaoban.org.compiled: report, figures, targets, peer tops, tasks, attachments),
# its dozen links reverse()d once a process and its sections written in Python.
ENTRY_PAGE_BUDGET = 14_000


def test_entry_page_work_of_a_small_form(tree, client):
    a = tree.units["phunu-a"]
    user = tree.users["entry_a"]
    report = workflow.get_or_create_report(a, PERIOD, user)
    workflow.save_values(report, user, {"tuyen_truyen_buoi": 5}, expected_version=report.version)
    client.force_login(user)
    calls = _calls(client, reverse("collection:entry", args=[a.pk, PERIOD]))
    assert calls <= ENTRY_PAGE_BUDGET, f"{calls} Python calls for the entry page of {len(workflow.form_list(a))} indicators"


PER_UNIT_BUDGET = 950  # 1,300 before: each row through the template engine, the reports with their texts


def test_completeness_work_per_unit(tree, client):
    period = pick_period(None).code
    client.force_login(tree.users["approver"])
    url = reverse("collection:completeness") + f"?period={period}"
    few = _calls(client, url)
    for i in range(40):
        area = Area.objects.create(code=f"97{i:03d}", name=f"Xã Đếm {i}", kind=Area.Kind.COMMUNE, level=Area.Level.COMMUNE,
                                   parent=tree.province)
        unit = Unit.objects.create(organization=tree.orgs["phunu"], code=f"phunu-dem-{i}", name=f"Hội LHPN xã Đếm {i}",
                                   level=Unit.Level.COMMUNE, area=area, parent=tree.units["phunu-tinh"])
        if i % 2:
            Report.objects.create(unit=unit, period=period, status=Report.Status.SUBMITTED, submitted_at=timezone.now())
    many = _calls(client, url)
    per_unit = (many - few) / 40
    assert per_unit <= PER_UNIT_BUDGET, f"{per_unit:.0f} Python calls per unit ({few} → {many} for 40 more units)"


PER_HOME_UNIT_BUDGET = 600  # 2,600 before: a reverse() and the template engine per cell, the reports with their texts


def test_home_work_per_unit(tree, client):
    user = make_user("nhieu.don.vi", (tree.units["phunu-a"], Membership.Role.ENTRY))
    client.force_login(user)
    few = _calls(client, reverse("home"))
    period = pick_period(None).code
    for i in range(30):
        area = Area.objects.create(code=f"98{i:03d}", name=f"Xã Nhà {i}", kind=Area.Kind.COMMUNE, level=Area.Level.COMMUNE,
                                   parent=tree.province)
        unit = Unit.objects.create(organization=tree.orgs["phunu"], code=f"phunu-nha-{i}", name=f"Hội LHPN xã Nhà {i}",
                                   level=Unit.Level.COMMUNE, area=area, parent=tree.units["phunu-tinh"])
        Membership.objects.create(user=user, unit=unit, role=Membership.Role.ENTRY)
        Report.objects.create(unit=unit, period=period, status=Report.Status.SUBMITTED, submitted_at=timezone.now())
    many = _calls(client, reverse("home"))
    per_unit = (many - few) / 30
    assert per_unit <= PER_HOME_UNIT_BUDGET, f"{per_unit:.0f} Python calls per unit ({few} → {many} for 30 more units)"

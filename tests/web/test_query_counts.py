"""Pages of the load mix cost a fixed number of queries, however many units a person sees:
a query per unit (or per unit and period) is what made the home page 259 queries for the
administrator of the demo. Each page is counted with a few communes and with many; the count
must not grow, and stays within a budget."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from giaoban.collection.completeness import pick_period
from giaoban.collection.models import DataValue, Deadline, Membership, Report
from giaoban.org.models import Area, Unit
from tests.collection.conftest import build_tree, make_user

# Session, user, memberships, navigation and the page's own few queries. The entry page and the
# autosave read the form, its rules and the report's figures once (giaoban.collection.indicators.form_list,
# the rules by the catalogue's stamp; the page asked again whether the user may view the unit
# _load had found among the units they may view): 26 and 30 before. Counted on the first request
# after the tree changed (the stamp cache empty): the memberships, deadlines, regimes, the unit
# of a report page and the menu's answers come from the stamp cache after it (14, 12, 10, 14, 18
# and 20 before, tests/web/test_request_queries.py for the stamp read once a request). The autosave
# writes the peer tops of its figures in one more statement (giaoban.collection.peers: the entry page
# reads the plausibility bound from them instead of every peer's figures). Home and my reports read
# the periods' reports and the returned ones in one query (12 and 8 before), the completeness page
# asks whether the quarter has reports only when no expected unit has one (10). The autosave's
# field-by-field merge compares with the figures its write transaction reads (a read of its own
# before: 14).
BUDGET = {"home": 11, "my_reports": 6, "approvals": 5, "completeness": 9, "entry": 13, "autosave": 13}


def grow(tree, communes: int) -> dict:
    """Add communes (a unit of each organization on each) with reports in the periods the pages
    show, and give a district-like entry user and the approver all of them."""
    due = pick_period(None)
    periods = [due, due.previous(), due.previous().previous()]
    today = timezone.localdate()
    for org in tree.orgs.values():
        Deadline.objects.create(period=due.code, organization=org, due_date=today + datetime.timedelta(days=3))
    entry_all = make_user("nhieu.don.vi")
    for i in range(communes):
        area = Area.objects.create(code=f"95{i:03d}", name=f"Xã Thêm {i}", kind=Area.Kind.COMMUNE,
                                   level=Area.Level.COMMUNE, parent=tree.province)
        for code in ("phunu", "mttq"):
            unit = Unit.objects.create(organization=tree.orgs[code], code=f"{code}-them-{i}", name=f"{code} xã Thêm {i}",
                                       level=Unit.Level.COMMUNE, area=area, parent=tree.units[f"{code}-tinh"])
            Membership.objects.create(user=entry_all, unit=unit, role=Membership.Role.ENTRY)
            for p, status in zip(periods, (Report.Status.SUBMITTED, Report.Status.RETURNED, Report.Status.APPROVED), strict=True):
                Report.objects.create(unit=unit, period=p.code, status=status, submitted_at=timezone.now())
    draft_unit = tree.units["phunu-a"]
    DataValue.objects.filter(unit=draft_unit).delete()  # the same draft, empty, for every count
    Report.objects.get_or_create(unit=draft_unit, period=due.code)
    return {"entry_all": entry_all, "due": due}


def count_pages(client, tree, extra) -> dict[str, int]:
    due = extra["due"]
    counts = {}

    def count(name, user, method, url, **data):
        client.force_login(user)
        with CaptureQueriesContext(connection) as ctx:
            response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
        assert response.status_code == 200, (name, response.status_code)
        counts[f"{name}:{user.username}"] = len(ctx.captured_queries)

    for user in (tree.users["admin"], extra["entry_all"], tree.users["approver"], tree.users["mttq_province"]):
        count("home", user, "get", reverse("home"))
        count("my_reports", user, "get", reverse("collection:my_reports"))
    for user in (tree.users["admin"], tree.users["approver"], tree.users["mttq_province"]):
        count("approvals", user, "get", reverse("collection:approvals"))
        count("completeness", user, "get", reverse("collection:completeness"))
    a = tree.units["phunu-a"]
    entry = reverse("collection:entry", args=[a.pk, due.code])
    count("entry", tree.users["entry_a"], "get", entry)
    version = str(Report.objects.get(unit=a, period=due.code).version)
    count("autosave", tree.users["entry_a"], "post", entry + "tu-dong-luu/", version=version, **{"v-tuyen_truyen_buoi": "7"})
    return counts


@pytest.mark.django_db
def test_page_queries_do_not_grow_with_the_number_of_units(client):
    few_tree = build_tree()
    few = count_pages(client, few_tree, grow(few_tree, 2))
    # the same tree with many more communes: every page must cost the same number of queries
    Report.objects.filter(unit__code__contains="-them-").delete()
    Unit.objects.filter(code__contains="-them-").delete()
    Area.objects.filter(code__startswith="95").delete()
    Deadline.objects.all().delete()
    Membership.objects.filter(user__username="nhieu.don.vi").delete()
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username="nhieu.don.vi").delete()
    many = count_pages(client, few_tree, grow(few_tree, 25))
    grew = {k: (few[k], many[k]) for k in few if many[k] > few[k]}
    assert not grew, f"queries grow with the number of units (few, many): {grew}"
    over = {k: v for k, v in many.items() if v > BUDGET[k.split(":")[0]]}
    assert not over, f"pages over their query budget {BUDGET}: {over}"


@pytest.mark.django_db
def test_home_of_an_administrator_within_a_fixed_query_budget(client, django_assert_max_num_queries):
    tree = build_tree()
    grow(tree, 30)
    client.force_login(tree.users["admin"])
    with django_assert_max_num_queries(BUDGET["home"]):
        assert client.get(reverse("home")).status_code == 200


# The same pages again, the stamp cache warm (no watched table written since): what a request of
# the load mix costs. Session, user and stamp are two statements (the stamp is read with the session,
# giaoban/security/sessions.py: 6, 5, 4, 4 before); the completeness page keeps its scope's
# units, district choices and remindable units under the stamp (8 before), the approvals page the
# units the user approves for (5), home and my reports their entry units and an administrator's
# menu whether there is any unit, and read their reports in one query (home 9, my reports 8). The
# entry page: session, user, report, the unit's figures, targets, peer tops, tasks, attachments; the
# autosave: session, user, report, the locked report and its figures, the write (9 before: the merge's
# own read of the figures).
WARM_BUDGET = {"home": 5, "my_reports": 4, "approvals": 3, "completeness": 3, "entry": 8, "autosave": 8}


@pytest.mark.django_db
def test_pages_within_a_query_budget_once_the_stamp_cache_is_warm(client):
    tree = build_tree()
    extra = grow(tree, 5)
    count_pages(client, tree, extra)
    warm = count_pages(client, tree, extra)
    over = {k: v for k, v in warm.items() if k.split(":")[0] in WARM_BUDGET and v > WARM_BUDGET[k.split(":")[0]]}
    assert not over, f"pages over their query budget {WARM_BUDGET}: {over}"


# The documents page keeps the organizations under the stamp (4 before). The dashboard's latest
# approved quarter and week are one statement: tests/analytics/test_weekly.py.
WARM_BUDGET_VIEWS = {"documents:index": 3}


@pytest.mark.django_db
def test_documents_within_a_query_budget_once_warm(client):
    from giaoban.org.models import Organization

    tree = build_tree()
    grow(tree, 2)
    counts = {}
    for user in (tree.users["admin"], tree.users["mttq_province"]):
        client.force_login(user)
        for name in WARM_BUDGET_VIEWS:
            client.get(reverse(name))
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(reverse(name)).status_code == 200
            counts[f"{name}:{user.username}"] = len(ctx.captured_queries)
    over = {k: v for k, v in counts.items() if v > WARM_BUDGET_VIEWS[k.rsplit(":", 1)[0]]}
    assert not over, f"pages over their query budget {WARM_BUDGET_VIEWS}: {over}"
    Organization.objects.filter(code="phunu").update(name="Hội Liên hiệp Phụ nữ (tên mới)")  # seen on the next page
    assert "Hội Liên hiệp Phụ nữ (tên mới)" in client.get(reverse("documents:index")).content.decode()

"""What a page costs in queries, beyond their count (tests/web/test_query_counts.py): the cache
stamp is read once a request, not once per engine or form call (the dashboard read it nine times,
the autosave three), what the stamp keeps is read again after a write to a watched table, and a
figure saved costs its own write and audit entry, no query more (the summary's signal read the
report once per value saved, inside the write transaction)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from giaoban.collection.completeness import pick_period
from giaoban.collection.models import Deadline, Membership, Report
from giaoban.org import stamp
from giaoban.org.models import Organization, Unit
from tests.collection.conftest import build_tree

pytestmark = pytest.mark.django_db


def _stamp_reads(ctx) -> int:
    """Statements that read the catalogue's stamp alone (stamp.entries(); the engine's compute()
    reads it inside the statement that reads the summary's data stamp, stamp.entries_and)."""
    return sum(1 for q in ctx.captured_queries if q["sql"].strip() == "SELECT stamp FROM analytics_cachestamp WHERE id = 1")


def test_every_page_of_the_mix_reads_the_stamp_at_most_once(client):
    tree = build_tree()
    due = pick_period(None)
    a = tree.units["phunu-a"]
    Report.objects.get_or_create(unit=a, period=due.code)
    entry = reverse("collection:entry", args=[a.pk, due.code])
    pages = [(tree.users["admin"], reverse(name)) for name in (
        "home", "collection:my_reports", "collection:approvals", "collection:completeness", "analytics:dashboard",
        "meetings:list", "documents:index")]
    pages += [(tree.users["approver"], reverse("analytics:dashboard")), (tree.users["entry_a"], entry)]
    reads = {}
    for user, url in pages:
        client.force_login(user)
        client.get(url)  # the first request of a stamp fills the cache
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200, url
        reads[f"{user.username} {url}"] = _stamp_reads(ctx)
    client.force_login(tree.users["entry_a"])
    version = str(Report.objects.get(unit=a, period=due.code).version)
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(entry + "tu-dong-luu/", {"version": version, "v-tuyen_truyen_buoi": "7"})
    assert response.status_code == 200, response.content
    reads["autosave"] = _stamp_reads(ctx)
    assert all(n <= 1 for n in reads.values()), sorted(reads.items(), key=lambda kv: -kv[1])[:4]


def test_a_write_to_a_watched_table_inside_the_block_reads_the_stamp_again():
    build_tree()
    with stamp.one_read():
        with CaptureQueriesContext(connection) as ctx:
            first = stamp.entries()
            first["probe"] = 1
            assert stamp.entries() is first
        assert _stamp_reads(ctx) == 1
        Organization.objects.filter(code="phunu").update(sort_order=7)  # renews the stamp (trigger)
        with CaptureQueriesContext(connection) as ctx:
            after = stamp.entries()
        assert _stamp_reads(ctx) == 1
        assert "probe" not in after  # what the stamp kept before the write is gone
        Report.objects.filter(pk=-1).update(status="draft")  # not a watched table: the stamp stays read
        with CaptureQueriesContext(connection) as ctx:
            assert stamp.entries() is after
        assert _stamp_reads(ctx) == 0


def test_what_the_stamp_keeps_for_pages_follows_memberships_units_and_deadlines(client):
    tree = build_tree()
    due = pick_period(None)
    a, b = tree.units["phunu-a"], tree.units["phunu-b"]
    user = tree.users["entry_a"]
    client.force_login(user)
    other = reverse("collection:entry", args=[b.pk, due.code])
    assert client.get(other).status_code == 404  # xã B is not hers…
    Membership.objects.create(user=user, unit=b, role=Membership.Role.ENTRY)
    assert client.get(other).status_code == 200  # …until she is given it
    Membership.objects.filter(user=user, unit=b).delete()
    assert client.get(other).status_code == 404
    # a unit moved out of her subtree is no longer hers either
    client.force_login(tree.users["approver"])
    assert client.get(other).status_code == 200
    Unit.objects.filter(pk=b.pk).update(path="/999999/")
    assert client.get(other).status_code == 404
    # an administrator's deadline shows on the next page
    client.force_login(user)
    page = client.get(reverse("home")).content.decode()
    Deadline.objects.create(period=due.code, organization=tree.orgs["phunu"], due_date=due.end.replace(day=1))
    changed = client.get(reverse("home")).content.decode()
    assert f"{due.end.replace(day=1):%d/%m/%Y}" in changed and changed != page
    del a


def test_a_figure_saved_costs_its_write_and_its_audit_entry_only(client):
    tree = build_tree()
    due = pick_period(None)
    a = tree.units["phunu-a"]
    report, _ = Report.objects.get_or_create(unit=a, period=due.code)
    Report.objects.filter(pk=report.pk).update(status=Report.Status.DRAFT)
    client.force_login(tree.users["entry_a"])
    url = reverse("collection:entry", args=[a.pk, due.code]) + "tu-dong-luu/"

    def save(**figures) -> int:
        version = str(Report.objects.get(pk=report.pk).version)
        with CaptureQueriesContext(connection) as ctx:
            response = client.post(url, {"version": version, **figures})
        assert response.status_code == 200, response.content
        return len(ctx.captured_queries)

    save(**{"v-tuyen_truyen_buoi": "6", "v-tuyen_truyen_luot_nguoi": "80", "v-ket_nap_moi": "2"})  # the caches filled
    one = save(**{"v-tuyen_truyen_buoi": "7"})
    three = save(**{"v-tuyen_truyen_buoi": "8", "v-tuyen_truyen_luot_nguoi": "90", "v-ket_nap_moi": "3"})
    # two more figures: two more writes and two more audit entries, nothing else per figure
    assert three - one == 2 * 2, (one, three)


@pytest.mark.django_db
def test_a_remembered_bag_and_another_readers_key_of_the_same_name_do_not_meet():
    # a page crashed while a bag was named like a key another reader keeps ('top_area_code')
    with stamp.one_read():
        stamp.entries()[("top_area_code",)] = "LCU"
        assert stamp.remembered("top_area_code", None, lambda: "bag", 1) == "bag"
        assert stamp.entries()[("top_area_code",)] == "LCU"


def _data_stamp_reads(ctx) -> int:
    return sum(1 for q in ctx.captured_queries if "analytics_cachestamp WHERE id = 2" in q["sql"])


def test_the_dashboard_reads_the_data_stamp_once(client):
    """The engine's calls of one request (the dashboard's figures and its trends) read the data
    stamp once, and again after the request wrote anything (a figure's save renews it)."""
    tree = build_tree()
    url = reverse("analytics:dashboard")
    for user in (tree.users["admin"], tree.users["approver"]):
        client.force_login(user)
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        assert _data_stamp_reads(ctx) == 1, [q["sql"][:90] for q in ctx.captured_queries]
    with stamp.one_read():
        with CaptureQueriesContext(connection) as ctx:
            first = stamp.entries_and_once("(SELECT stamp FROM analytics_cachestamp WHERE id = 2), 1")
            assert stamp.entries_and_once("(SELECT stamp FROM analytics_cachestamp WHERE id = 2), 1") == first
        assert _data_stamp_reads(ctx) == 1
        Report.objects.filter(pk=-1).update(status="draft")  # any write: read again
        with CaptureQueriesContext(connection) as ctx:
            stamp.entries_and_once("(SELECT stamp FROM analytics_cachestamp WHERE id = 2), 1")
        assert _data_stamp_reads(ctx) == 1

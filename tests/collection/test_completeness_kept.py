"""The completeness page keeps each scope's expected units, its district choices and the units a
user may remind under the stamp (giaoban.org.stamp): the next request must see a new unit, a
changed membership or a new report as the first request after the change did."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from giaoban.collection.completeness import pick_period
from giaoban.collection.models import Membership, Report
from giaoban.org.models import Area, Unit

from .conftest import PERIOD, make_user


def _page(client, **query) -> str:
    response = client.get(reverse("collection:completeness"), query)
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_unit_shows_on_the_next_request(tree, client):
    client.force_login(tree.users["approver"])
    assert "Hội LHPN xã Mới" not in _page(client, period=PERIOD)
    area = Area.objects.create(code="90009", name="Xã Mới", kind=Area.Kind.COMMUNE, level=Area.Level.COMMUNE,
                               parent=tree.province)
    Unit.objects.create(organization=tree.orgs["phunu"], code="phunu-moi", name="Hội LHPN xã Mới", level=Unit.Level.COMMUNE,
                        area=area, parent=tree.units["phunu-tinh"])
    page = _page(client, period=PERIOD)
    assert "Hội LHPN xã Mới" in page and 'id="count-expected">4<' in page


def test_the_units_kept_are_not_read_again_and_a_membership_changes_them(tree, client):
    viewer = make_user("xem.xa.a", (tree.units["phunu-a"], Membership.Role.VIEW))
    client.force_login(viewer)
    first = _page(client, period=PERIOD)
    assert "Hội LHPN xã A" in first and "Hội LHPN xã B" not in first and 'aria-label="Nhắc' not in first
    with CaptureQueriesContext(connection) as ctx:
        _page(client, period=PERIOD)
    assert not [q for q in ctx.captured_queries if 'FROM "org_unit"' in q["sql"]], "the scope's units were read again"
    # approving the province's reports now: its communes may be reminded, and it sees them all
    Membership.objects.create(user=viewer, unit=tree.units["phunu-tinh"], role=Membership.Role.APPROVE)
    page = _page(client, period=PERIOD)
    assert "Hội LHPN xã B" in page and 'aria-label="Nhắc Hội LHPN xã B"' in page


def test_the_quarter_shown_follows_the_reports(tree, client):
    """Without a period asked for: the quarter being reported when it has reports, else the
    latest quarter that has (a report sent meanwhile brings the page to the current quarter)."""
    current = pick_period(None)
    Report.objects.create(unit=tree.units["phunu-a"], period=PERIOD, status=Report.Status.SUBMITTED, submitted_at=timezone.now())
    client.force_login(tree.users["approver"])
    assert "Tiến độ nộp báo cáo · Quý III/2025" in _page(client)
    Report.objects.create(unit=tree.units["phunu-b"], period=current.code, status=Report.Status.SUBMITTED,
                          submitted_at=timezone.now())
    assert f"Tiến độ nộp báo cáo · {current.label_vi}" in _page(client)


def test_home_and_my_reports_follow_a_new_entry_membership(tree, client):
    """Their entry units are kept under the stamp too: read once, and again after a membership changes."""
    user = make_user("nhap.hai.xa", (tree.units["phunu-a"], Membership.Role.ENTRY))
    client.force_login(user)
    for name in ("home", "collection:my_reports"):
        assert "Hội LHPN xã B" not in client.get(reverse(name)).content.decode()
        with CaptureQueriesContext(connection) as ctx:
            assert "Hội LHPN xã A" in client.get(reverse(name)).content.decode()
        assert not [q for q in ctx.captured_queries if 'FROM "org_unit"' in q["sql"]], f"{name}: the units were read again"
    Membership.objects.create(user=user, unit=tree.units["phunu-b"], role=Membership.Role.ENTRY)
    for name in ("home", "collection:my_reports"):
        assert "Hội LHPN xã B" in client.get(reverse(name)).content.decode()


def test_unit_reports_reads_what_the_two_queries_read(tree, django_assert_num_queries):
    """The home page and 'my reports' read the periods' reports and the returned ones in one query:
    the same reports, the returned ones in the order of their own query."""
    from giaoban.collection.completeness import unit_reports

    units = [tree.units[k] for k in ("phunu-a", "phunu-b", "mttq-a", "phunu-tinh")]
    statuses = [Report.Status.RETURNED, Report.Status.DRAFT, Report.Status.SUBMITTED, Report.Status.RETURNED]
    for i, unit in enumerate(units):
        for j, period in enumerate(("2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3")):
            Report.objects.create(unit=unit, period=period, status=statuses[(i + j) % 4], returned_reason=f"lý do {i}{j}")
    Report.objects.create(unit=tree.units["mttq-b"], period="2025-Q3", status=Report.Status.RETURNED)  # not one of the units
    codes = ["2025-Q3", "2025-Q2"]
    with django_assert_num_queries(1):
        reports, returned = unit_reports(units, codes)
    old = {(r.unit_id, r.period): r.pk for r in Report.objects.filter(unit__in=units, period__in=codes)}
    assert {k: r.pk for k, r in reports.items()} == old
    old_returned = list(Report.objects.filter(unit__in=units, status=Report.Status.RETURNED).select_related("unit"))
    assert [(r.pk, str(r.unit), r.returned_reason) for r in returned] == [
        (r.pk, str(r.unit), r.returned_reason) for r in old_returned]
    assert len(returned) == 8

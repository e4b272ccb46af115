"""Ids written into pages for machines (a form's storage key, an option's value, a link's query)
are plain digits, never grouped the Vietnamese way: with USE_THOUSAND_SEPARATOR a unit 12345
printed as "12.345" made the entry page keep its offline copy under another key than the one it
reads back, and the upload form post a unit that is not a number. A live PostgreSQL database
reaches such ids (its sequences are never rewound); SQLite test runs reuse small ones."""

from django.urls import reverse

from giaoban.collection.models import Membership
from giaoban.org.models import Unit

from .conftest import PERIOD

BIG = 12345


def big_unit(tree) -> Unit:
    unit = Unit.objects.create(pk=BIG, organization=tree.orgs["phunu"], code="phunu-huyen", name="Hội LHPN huyện Một",
                               level=Unit.Level.DISTRICT, area=tree.province, parent=tree.units["phunu-tinh"])
    Membership.objects.create(user=tree.users["entry_a"], unit=unit, role=Membership.Role.ENTRY)
    Membership.objects.create(user=tree.users["approver"], unit=unit, role=Membership.Role.APPROVE)
    return unit


def test_ids_in_pages_are_not_grouped(tree, client):
    unit = big_unit(tree)
    client.force_login(tree.users["entry_a"])
    page = client.get(reverse("collection:entry", args=[unit.pk, PERIOD])).content.decode()
    assert f'data-key="giaoban:{BIG}:{PERIOD}"' in page
    assert "12.345" not in page
    page = client.get(reverse("extraction:upload")).content.decode()
    assert f'<option value="{BIG}"' in page and "12.345" not in page

    client.force_login(tree.users["approver"])
    page = client.get(reverse("collection:approvals")).content.decode()
    assert f"?unit={BIG}\"" in page and "12.345" not in page
    page = client.get(reverse("collection:completeness"), {"period": PERIOD}).content.decode()
    assert f'<option value="{BIG}"' in page and "12.345" not in page

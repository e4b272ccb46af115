"""A commune created by the 2025 merger still sees last year's figures on its form: the sum of
the communes it replaced, marked as rebuilt."""

import datetime
from decimal import Decimal

from django.urls import reverse

from giaoban.collection.models import DataValue, Membership, Report
from giaoban.org.models import Area, Unit, UnitSuccession

from .conftest import make_user

REFORM = datetime.date(2025, 7, 1)


def merge_communes(tree) -> Unit:
    for key in ("phunu-a", "phunu-b"):
        Unit.objects.filter(pk=tree.units[key].pk).update(valid_to=REFORM - datetime.timedelta(days=1))
    area = Area.objects.create(code="90009", name="Xã Mới", kind=Area.Kind.COMMUNE, level=Area.Level.COMMUNE,
                               parent=tree.province, valid_from=REFORM)
    new = Unit.objects.create(organization=tree.orgs["phunu"], code="phunu-moi", name="Hội LHPN xã Mới",
                              level=Unit.Level.COMMUNE, area=area, parent=tree.units["phunu-tinh"], valid_from=REFORM)
    UnitSuccession.objects.create(predecessor=tree.units["phunu-a"], successor=new, effective_date=REFORM)
    UnitSuccession.objects.create(predecessor=tree.units["phunu-b"], successor=new, effective_date=REFORM, share=Decimal("0.5"))
    return new


def approve_last_year(tree):
    """2024-Q4 approved in the two old communes: 12 and 8 sessions."""
    buoi = tree.indicators["tuyen_truyen_buoi"]
    for key, value in (("phunu-a", 12), ("phunu-b", 8)):
        unit = tree.units[key]
        report = Report.objects.create(unit=unit, period="2024-Q4", status=Report.Status.APPROVED)
        DataValue.objects.create(report=report, unit=unit, indicator=buoi, period="2024-Q4", value=value)


def test_same_period_last_year_is_rebuilt_from_the_merged_communes(client, tree):
    approve_last_year(tree)
    new = merge_communes(tree)
    user = make_user("phunu.moi", (new, Membership.Role.ENTRY))
    client.force_login(user)
    page = client.get(reverse("collection:entry", args=[new.pk, "2025-Q4"])).content.decode()
    # 12 + half of 8 (a split share), marked as rebuilt; the old communes' forms are unchanged.
    assert "Cùng kỳ năm trước: 16*" in page
    client.force_login(tree.users["entry_a"])
    page = client.get(reverse("collection:entry", args=[tree.units["phunu-a"].pk, "2025-Q1"])).content.decode()
    assert "Cùng kỳ năm trước: —" in page


def test_a_changed_succession_is_seen_on_the_next_page(client, tree):
    """The merged commune's predecessors are kept between pages (giaoban.org.stamp): a share
    changed, even by update() with no signal, and a succession removed show on the next page."""
    approve_last_year(tree)
    new = merge_communes(tree)
    client.force_login(make_user("phunu.moi", (new, Membership.Role.ENTRY)))
    url = reverse("collection:entry", args=[new.pk, "2025-Q4"])
    assert "Cùng kỳ năm trước: 16*" in client.get(url).content.decode()
    assert "Cùng kỳ năm trước: 16*" in client.get(url).content.decode()  # kept, the same
    UnitSuccession.objects.filter(predecessor=tree.units["phunu-b"]).update(share=Decimal("0.25"))
    assert "Cùng kỳ năm trước: 14*" in client.get(url).content.decode()
    UnitSuccession.objects.filter(predecessor=tree.units["phunu-a"]).delete()
    assert "Cùng kỳ năm trước: 2*" in client.get(url).content.decode()

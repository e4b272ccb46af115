"""Restructuring by the permission table (issue 20, finding 3): one organization's province
approver may not rename a commune with 'cascade units' (closing every other organization's
units there) nor apply or confirm such a batch; an administrator, or someone who approves at
province level for every organization concerned, may."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from giaoban.collection.models import Membership
from giaoban.org import operations
from giaoban.org.importer import plan_changes
from giaoban.org.models import Area, ChangeBatch, Unit
from giaoban.web.org_views import compose_rows

from .tree import build_tree

RENAME = {"mode": "compose", "kind": "rename", "effective_date": "2025-07-01", "old_codes": "03388",
          "new_codes": "03388", "new_names": "Đoàn Kết Mới", "cascade_units": "on", "title": "Đổi tên"}


@pytest.fixture
def world(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    t = build_tree()
    phunu_approver = get_user_model().objects.create_user("phunu_tinh_duyet", password="x")
    Membership.objects.create(user=phunu_approver, unit=t.units["phunu_p"], role=Membership.Role.APPROVE)
    both = get_user_model().objects.create_user("ca_hai_to_chuc", password="x")
    for key in ("mttq_p", "phunu_p"):
        Membership.objects.create(user=both, unit=t.units[key], role=Membership.Role.APPROVE)
    return t, phunu_approver, both


def test_one_organizations_approver_cannot_restructure_everyone(world, client):
    t, phunu_approver, _ = world
    client.force_login(phunu_approver)
    page = client.post(reverse("org:batches"), RENAME).content.decode()
    assert "mọi tổ chức" in page or "tất cả các tổ chức" in page
    assert ChangeBatch.objects.count() == 0
    # nor apply or confirm a batch someone else previewed
    admin = t.users["admin"]
    plan = plan_changes(compose_rows(_Post(RENAME)), True)
    batch = operations.save_preview(plan, admin, title="Đổi tên")
    r = client.post(reverse("org:batch_action", args=[batch.pk, "apply"]))
    assert r.status_code == 403
    batch.refresh_from_db()
    assert batch.status == ChangeBatch.Status.PREVIEWED
    assert Unit.objects.filter(code="mttq-03388", valid_to=None).exists()


@pytest.mark.parametrize("who", ["admin", "both"])
def test_the_administrator_or_an_approver_of_every_organization_may(world, client, who):
    t, _, both = world
    client.force_login(t.users["admin"] if who == "admin" else both)
    r = client.post(reverse("org:batches"), RENAME)
    assert r.status_code == 302, r.content.decode()[:500]
    batch = ChangeBatch.objects.get()
    client.post(reverse("org:batch_action", args=[batch.pk, "apply"]))
    assert Area.objects.filter(name="Đoàn Kết Mới", valid_from=datetime.date(2025, 7, 1)).exists()


class _Post(dict):
    def get(self, key, default=None):
        return super().get(key, default)

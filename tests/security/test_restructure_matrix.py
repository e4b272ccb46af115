"""The permission matrix for restructuring, generated from the permission table
(giaoban.collection.permissions.TABLE, action RESTRUCTURE; issue 20, finding 3).

Every (role, unit) pair of the small tree gets a user, with the administrator and an approver of
both provinces beside them. For each, what the table says is compared with what the web does:
the restructuring page, an area change with 'kèm đơn vị' (it concerns every organization), and a
change of one organization's unit. Nothing the table does not grant may be saved, and nothing
it grants may be refused.
"""

import itertools

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from giaoban.collection import permissions as rights
from giaoban.collection.models import Membership
from giaoban.org.models import ChangeBatch, Organization, Unit

from .tree import build_tree

ROLES = [Membership.Role.ENTRY, Membership.Role.APPROVE, Membership.Role.VIEW]
PLACES = ["mttq_p", "phunu_p", "mttq_a1", "phunu_a1"]
AREA_RENAME = {"mode": "compose", "target": "area", "kind": "rename", "effective_date": "2025-07-01", "old_codes": "03388",
               "new_codes": "03388", "new_names": "Đoàn Kết Mới", "cascade_units": "on", "title": "Đổi tên xã"}
UNIT_RENAME = {"mode": "compose", "target": "unit", "kind": "rename", "effective_date": "2025-07-01",
               "old_codes": "phunu-03388", "new_codes": "phunu-03388", "new_names": "Hội LHPN xã Đoàn Kết (mới)",
               "title": "Đổi tên hội"}


def _level(unit) -> str:
    return Unit.Level(unit.level).name.lower()


def table_organizations(user):
    """The organizations whose units the table lets `user` restructure (None: all, and the areas)."""
    if user.is_superuser and any(r.role == "admin" and r.action == rights.RESTRUCTURE for r in rights.TABLE):
        return None
    held = {m.unit.organization_id for m in Membership.objects.filter(user=user).select_related("unit")
            if m.role in rights.roles_for(rights.RESTRUCTURE, _level(m.unit))}
    # scope 'all-organizations': holding it for every organization is holding it for all
    return None if held and held >= set(Organization.objects.values_list("pk", flat=True)) else held


@pytest.fixture
def world(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    t = build_tree()
    users = {"admin": t.users["admin"]}
    for role, place in itertools.product(ROLES, PLACES):
        user = get_user_model().objects.create_user(f"r_{role}_{place}", password="x")
        Membership.objects.create(user=user, unit=t.units[place], role=role)
        users[f"{role}@{place}"] = user
    both = get_user_model().objects.create_user("r_approve_both", password="x")
    for place in ("mttq_p", "phunu_p"):
        Membership.objects.create(user=both, unit=t.units[place], role=Membership.Role.APPROVE)
    users["approve@both"] = both
    return t, users


def test_the_table_gives_restructuring_to_someone_and_not_to_everyone():
    rows = [r for r in rights.TABLE if r.action == rights.RESTRUCTURE]
    assert {r.role for r in rows} == {"admin", "approve"}
    assert rights.roles_for(rights.RESTRUCTURE, "commune") == set()


@pytest.mark.parametrize("who", ["admin", "approve@both", *[f"{r}@{p}" for r, p in itertools.product(ROLES, PLACES)]])
def test_restructuring_only_as_the_table_says(world, client, who):
    t, users = world
    user = users[who]
    orgs = table_organizations(user)
    may_open = orgs is None or bool(orgs)
    phunu = t.orgs["phunu"].pk
    client.force_login(user)

    page = client.get(reverse("org:batches"))
    assert page.status_code == (200 if may_open else 403), (who, page.status_code)

    client.post(reverse("org:batches"), AREA_RENAME)
    area_saved = ChangeBatch.objects.filter(title="Đổi tên xã").exists()
    assert area_saved == (orgs is None), (who, "area change with 'kèm đơn vị'", area_saved)

    client.post(reverse("org:batches"), UNIT_RENAME)
    unit_saved = ChangeBatch.objects.filter(title="Đổi tên hội").exists()
    assert unit_saved == (orgs is None or phunu in orgs), (who, "the Women's Union's unit", unit_saved)

    # Applying a batch someone else previewed: the same rule.
    if not may_open:
        admin = users["admin"]
        client.force_login(admin)
        client.post(reverse("org:batches"), AREA_RENAME | {"title": "Của quản trị"})
        batch = ChangeBatch.objects.get(title="Của quản trị")
        client.force_login(user)
        assert client.post(reverse("org:batch_action", args=[batch.pk, "apply"])).status_code == 403
        batch.refresh_from_db()
        assert batch.status == ChangeBatch.Status.PREVIEWED

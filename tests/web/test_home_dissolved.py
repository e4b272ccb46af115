"""The administrator's home offers entry only for units that exist now (issue 19: dissolved
communes were listed with 'Nhập số liệu' links that answer 404)."""

import datetime

from django.urls import reverse

from giaoban.org.models import Unit
from tests.collection.conftest import build_tree


def test_admin_home_lists_no_dissolved_unit(db, client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    tree = build_tree()
    gone = Unit.objects.create(organization=tree.orgs["phunu"], code="phunu-cu", name="Hội LHPN thị trấn Cũ",
                               level=Unit.Level.COMMUNE, area=tree.units["phunu-a"].area, parent=tree.units["phunu-tinh"],
                               valid_to=datetime.date(2025, 6, 30))
    client.force_login(tree.users["admin"])
    html = client.get(reverse("home")).content.decode()
    assert "Hội LHPN xã A" in html
    assert gone.name not in html

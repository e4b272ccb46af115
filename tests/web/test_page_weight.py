"""Page weight budget: commune offices are on slow connections. Every asset is served by the app
(no CDN), and the data-entry page with all its scripts and styles stays under 300 kB."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.urls import NoReverseMatch, reverse

from giaoban.collection.models import Membership
from giaoban.demo.load import DemoLoader
from giaoban.org.models import Area, Organization, Unit

BUDGET_BYTES = 300 * 1024
ASSET = re.compile(r'<(?:script|img)[^>]+src="([^"]+)"|<link[^>]+href="([^"]+)"', re.I)


def page_weight(client, url: str) -> tuple[int, list[str]]:
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    total, external = len(response.content), []
    for match in ASSET.finditer(html):
        src = match.group(1) or match.group(2)
        if src.startswith(("http://", "https://", "//")):
            external.append(src)
            continue
        if not src.startswith("/static/"):
            continue
        path = finders.find(src.removeprefix("/static/").split("?")[0])
        assert path, f"asset not found: {src}"
        total += open(path, "rb").seek(0, 2)
    return total, external


@pytest.fixture
def entry_user(db):
    loader = DemoLoader()
    province = Area.objects.create(code="12", name="Lai Châu", kind="tinh", level=1)
    commune = Area.objects.create(code="03466", name="Bum Nưa", kind="xa", level=3, parent=province)
    loader.orgs = {code: Organization.objects.create(code=code, name=code, short_name=code)
                   for code in ("mttq", "congdoan", "phunu", "doan", "nongdan", "ccb")}
    loader.load_indicators()
    top = Unit.objects.create(organization=loader.orgs["phunu"], code="phunu-12", name="Hội LHPN tỉnh Lai Châu", level=1, area=province)
    unit = Unit.objects.create(organization=loader.orgs["phunu"], code="phunu-03466", name="Hội LHPN xã Bum Nưa", level=3, area=commune, parent=top)
    user = get_user_model().objects.create_user("nhaplieu", password="a-long-password-1")
    Membership.objects.create(user=user, unit=unit, role=Membership.Role.ENTRY)
    return user, unit


def test_main_pages_stay_within_budget_and_use_no_cdn(client, entry_user):
    user, unit = entry_user
    client.force_login(user)
    urls = [reverse("home")]
    for name, kwargs in [("collection:entry", {"unit_id": unit.pk, "period": "2025-Q4"}), ("collection:my_reports", {})]:
        try:
            urls.append(reverse(name, kwargs=kwargs))
        except NoReverseMatch:
            pytest.fail(f"page {name} is missing")
    for url in urls:
        weight, external = page_weight(client, url)
        assert not external, f"{url} loads assets from outside the app: {external}"
        assert weight < BUDGET_BYTES, f"{url} weighs {weight} bytes"

import datetime
import subprocess
import sys
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import formats, translation

from giaoban.collection.models import Membership, Report
from giaoban.org.models import Area, Organization, Unit


@pytest.fixture
def tree(db):
    province = Area.objects.create(code="12", name="Lai Châu", kind="tinh", level=1)
    district = Area.objects.create(code="105", name="Lai Châu", kind="thanh_pho", level=2, parent=province, valid_to=datetime.date(2025, 6, 30))
    commune = Area.objects.create(code="03388", name="Quyết Tiến", kind="phuong", level=3, parent=district, valid_to=datetime.date(2025, 6, 30))
    new = Area.objects.create(code="03388", name="Đoàn Kết", kind="phuong", level=3, parent=province, valid_from=datetime.date(2025, 7, 1))
    phunu = Organization.objects.create(code="phunu", name="Hội Liên hiệp Phụ nữ", short_name="Hội LHPN")
    top = Unit.objects.create(organization=phunu, code="phunu-12", name="Hội LHPN tỉnh Lai Châu", level=1, area=province)
    unit = Unit.objects.create(organization=phunu, code="phunu-03388", name="Hội LHPN phường Đoàn Kết", level=3, area=new, parent=top, valid_from=new.valid_from)
    return {"province": province, "district": district, "commune": commune, "new": new, "top": top, "unit": unit}


def test_subtree_is_one_indexed_query(tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        codes = sorted(a.name for a in Area.objects.subtree(tree["province"]))
    assert codes == ["Lai Châu", "Lai Châu", "Quyết Tiến", "Đoàn Kết"]
    with django_assert_num_queries(1):
        under_district = list(Area.objects.subtree(tree["district"], include_root=False))
    assert under_district == [tree["commune"]]
    assert tree["commune"].path == f"/{tree['province'].pk}/{tree['district'].pk}/{tree['commune'].pk}/"


def test_tree_as_of_a_date(tree):
    before = Area.objects.subtree(tree["province"]).valid_on(datetime.date(2024, 12, 31)).filter(level=3)
    after = Area.objects.subtree(tree["province"]).valid_on(datetime.date(2026, 1, 1)).filter(level=3)
    assert [a.name for a in before] == ["Quyết Tiến"]
    assert [a.name for a in after] == ["Đoàn Kết"]
    assert [a.name for a in tree["commune"].ancestors()] == ["Lai Châu", "Lai Châu"]


def test_numbers_display_in_vietnamese_format():
    with translation.override("vi"):
        assert formats.number_format(29774, use_l10n=True, force_grouping=False) == "29.774"
        assert formats.number_format(Decimal("1.5"), 1, use_l10n=True) == "1,5"
        assert formats.number_format(3_000_000_000, use_l10n=True) == "3.000.000.000"
        assert formats.date_format(datetime.date(2023, 10, 5), "SHORT_DATE_FORMAT") == "05/10/2023"


def test_login_required_then_home_lists_own_reports(client, tree):
    response = client.get(reverse("home"))  # the login form, without a redirect
    assert response.status_code == 200 and 'name="username"' in response.content.decode()
    assert client.get(reverse("documents:index")).status_code == 302  # other pages still send to the login

    user = get_user_model().objects.create_user("phunu.doanket", password="a-long-password-1")
    Membership.objects.create(user=user, unit=tree["unit"], role=Membership.Role.ENTRY)
    Report.objects.create(unit=tree["unit"], period="2025-Q4", status=Report.Status.RETURNED, returned_reason="Thiếu số liệu tuyên truyền")
    response = client.post(reverse("login"), {"username": "phunu.doanket", "password": "a-long-password-1"})
    assert response.status_code == 302
    page = client.get(reverse("home")).content.decode()
    assert "Hội LHPN phường Đoàn Kết" in page
    assert "Thiếu số liệu tuyên truyền" in page  # returned reports come first, with the reason
    assert "Hội LHPN tỉnh Lai Châu" not in page  # not the user's unit


def test_wrong_password_gets_a_vietnamese_message(client, tree):
    get_user_model().objects.create_user("someone", password="a-long-password-1")
    page = client.post(reverse("login"), {"username": "someone", "password": "wrong"}).content.decode()
    assert "không đúng" in page


def test_healthz(client, db):
    assert client.get("/healthz").content == b"ok"


def test_command_line_wraps_django_management():
    result = subprocess.run([sys.executable, "-m", "giaoban", "help"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    for command in ("demo", "serve", "migrate", "createsuperuser"):
        assert command in result.stdout


def test_english_is_available(client, tree):
    user = get_user_model().objects.create_user("someone", password="a-long-password-1")
    client.force_login(user)
    assert "Trang chủ" in client.get(reverse("home")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("home")).content.decode()
    assert "Home" in page and "Log out" in page and "Trang chủ" not in page

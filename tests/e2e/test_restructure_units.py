"""An administrator dissolves the district level of the Women's Union in Chromium (issue 17): composes
the operation on units, reads the preview (what closes, what is created, the reports and roles of
each unit closed), applies it, finds the communes under the province in the tree, and reverts it."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from giaoban.collection.models import Membership, Report
from giaoban.org.models import ChangeBatch, Unit
from tests.conftest import login, screenshot
from tests.org.factories import make_tree

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
PASSWORD = "mat-khau-thu-nghiem"
REFORM = dt.date(2025, 7, 1)


@pytest.fixture
def world(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    tree = make_tree(orgs=("mttq", "phunu"))
    User = get_user_model()
    User.objects.create_superuser("quantri", password=PASSWORD)
    clerk = User.objects.create_user("hoi.xa.an", password=PASSWORD)
    Membership.objects.create(user=clerk, unit=tree.units["phunu", "C1"], role=Membership.Role.ENTRY)
    Report.objects.create(unit=tree.units["phunu", "C1"], period="2025-Q2", status=Report.Status.APPROVED)
    return tree, clerk


def test_dissolve_a_level_preview_apply_revert(live_server, page, world):
    tree, clerk = world
    login(page, live_server.url, "quantri", PASSWORD)
    page.goto(f"{live_server.url}/to-chuc/sap-xep/")
    page.select_option("#target", "unit")
    page.select_option("#kind", "dissolve")
    page.fill("#effective_date", "2025-07-01")
    page.select_option("#level_org", "phunu")  # the whole district level of the Women's Union, no codes typed
    page.select_option("#level", "2")
    page.fill("#title", "Giải thể Hội LHPN cấp huyện")
    page.locator("form:has(#kind) button[type=submit]").click()
    page.wait_for_selector("h1:has-text('Đợt sắp xếp số')")
    main = page.inner_text("main")
    assert "Đã xem trước" in main
    assert "Giải thể Hội LHPN huyện Một (phunu-D1) từ 01/07/2025; 2 đơn vị trực thuộc chuyển về Hội LHPN tỉnh Thử Nghiệm" in main
    assert "Hội LHPN xã An (mã phunu-C1): giữ 1 báo cáo, 0 số liệu" in main
    assert "phân quyền của hoi.xa.an (nhập liệu) chuyển sang Hội LHPN xã An (mới, mã phunu-C1)" in main
    assert not Unit.objects.filter(valid_from=REFORM).exists()  # a preview saves nothing
    screenshot(page, "restructure-units-preview")

    page.click("button:has-text('Áp dụng')")
    page.wait_for_selector("text=Đã áp dụng.")
    batch = ChangeBatch.objects.get()
    assert batch.status == ChangeBatch.Status.APPLIED
    new_c1 = Unit.objects.get(code="phunu-C1", valid_from=REFORM)
    assert new_c1.parent.code == "phunu-P" and Membership.objects.filter(user=clerk, unit=new_c1).exists()

    page.goto(f"{live_server.url}/to-chuc/?to_chuc=phunu&ngay=2025-07-01")
    tree_text = page.inner_text("main")
    assert "Hội LHPN xã An" in tree_text and "Hội LHPN huyện Một" not in tree_text

    page.goto(f"{live_server.url}/to-chuc/sap-xep/{batch.pk}/")
    page.click("button:has-text('Hoàn tác')")
    page.wait_for_selector("text=Đã hoàn tác")
    batch.refresh_from_db()
    assert batch.status == ChangeBatch.Status.REVERTED
    assert not Unit.objects.filter(valid_from=REFORM).exists()
    assert list(Membership.objects.filter(user=clerk).values_list("unit__code", flat=True)) == ["phunu-C1"]

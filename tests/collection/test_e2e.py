"""End to end in headless Chromium (Debian's chromium driven by Playwright): the commune fills
in the form (with an offline spell), sends it; the province approves it and sees it counted on
the completeness page. Screenshots of the entry page at desktop width and at 360 px."""

from pathlib import Path

import pytest

from .conftest import PASSWORD, PERIOD, build_tree

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def login(page, base, username):
    page.goto(f"{base}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/dang-nhap/" not in url)


def test_fill_submit_approve_and_count(live_server, transactional_db, browser, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    tree = build_tree()
    base = live_server.url
    unit = tree.units["phunu-a"]
    entry_url = f"{base}/bao-cao/{unit.pk}/{PERIOD}/"

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    weight = {"bytes": 0}
    page.on("response", lambda r: weight.__setitem__("bytes", weight["bytes"] + len(r.body() or b"")) if r.ok and r.request.method == "GET" else None)
    login(page, base, "phunu.a")
    page.goto(entry_url)
    assert weight["bytes"] < 300_000, weight  # page weight budget, every asset included
    page.fill("#v-tuyen_truyen_buoi", "12")
    page.keyboard.press("Enter")  # Enter moves to the next figure, it does not send the form
    assert page.evaluate("document.activeElement.id") == "v-tuyen_truyen_luot_nguoi"
    page.keyboard.type("29774")
    page.fill("#v-tong_hoi_vien", "1250")
    page.fill("#v-ket_nap_moi", "15")
    page.wait_for_selector("#save-state:has-text('Đã tự động lưu')", timeout=15000)
    assert page.input_value("#v-tuyen_truyen_luot_nguoi") == "29.774"  # grouped the Vietnamese way on leaving the field

    # the connection drops: the figure is kept in the browser and saved when it returns
    context.set_offline(True)
    page.fill("#v-du_no_uy_thac", "3.000.000.000")
    page.wait_for_selector("#save-state:has-text('Mất kết nối')", timeout=15000)
    key = f"giaoban:{unit.pk}:{PERIOD}:v"  # the copy is kept per report and version
    page.wait_for_function(f"Object.keys(localStorage).some(k => k.startsWith('{key}') && localStorage.getItem(k).includes('3.000.000.000'))", timeout=15000)
    context.set_offline(False)
    page.wait_for_selector("#save-state:has-text('Đã tự động lưu')", timeout=15000)
    assert page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{key}'))") == []

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.reload()
    assert page.inner_text("#report-status") == "Đang soạn"
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOTS / "collection-entry-desktop.png"), full_page=False)
    page.set_viewport_size({"width": 360, "height": 780})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOTS / "collection-entry-360.png"), full_page=False)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.click("button[value=submit]")
    page.wait_for_selector("text=Đã gửi báo cáo lên cấp trên.")
    assert page.inner_text("#report-status") == "Đã gửi"
    context.close()

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    login(page, base, "phunu.tinh")
    page.goto(f"{base}/bao-cao/cho-duyet/")
    page.click("text=Hội LHPN xã A")
    page.click("#approve-button")
    page.wait_for_selector("text=Đã duyệt báo cáo.")
    page.goto(f"{base}/bao-cao/tien-do/?period={PERIOD}&unit={tree.units['phunu-tinh'].pk}")
    assert page.inner_text("#count-expected") == "3"
    assert page.inner_text("#count-approved") == "1"
    assert "Hội LHPN xã A" in page.inner_text("#unit-states")
    context.close()

"""The small things a trained officer notices (issue 19), in headless Chromium: choosing an
indicator takes the figure, periods and sources in words, no '01/01/1900', the navigation on one
line at 1366 px, each language named in its own words."""

import pytest
from django.urls import reverse

from giaoban.collection import workflow
from tests.collection.conftest import PASSWORD, PERIOD, build_tree
from tests.conftest import login

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture
def tree(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build_tree()


def test_choosing_an_indicator_ticks_nhan(live_server, transactional_db, page, tmp_path, settings):
    from tests.intake.conftest import REPORT_TEXT, build_tree as intake_tree, docx_bytes

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    unit = intake_tree().units["phunu-a"]
    path = tmp_path / "Báo cáo quý III.docx"
    path.write_bytes(docx_bytes(REPORT_TEXT))
    login(page, live_server.url, "phunu.a", PASSWORD)
    page.goto(f"{live_server.url}/doc-so-lieu/")
    page.wait_for_selector(f"#id_unit option[value='{unit.pk}']", state="attached")
    page.select_option("#id_unit", str(unit.pk))
    page.set_input_files("#id_files", str(path))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#doc mark.fig")
    box = page.locator("#figures li.ex-fig input[name$='-accept']:not(:checked)").first
    name = box.get_attribute("name")
    i = name.removeprefix("f").removesuffix("-accept")
    options = page.locator(f"#f{i}-indicator option").all()
    page.select_option(f"#f{i}-indicator", options[1].get_attribute("value"))
    assert page.is_checked(f"#f{i}-accept")
    assert "st-on" in page.get_attribute(f"#m{i}", "class")


def test_words_not_codes_one_line_navigation_and_language_names(live_server, tree, browser):
    report = workflow.get_or_create_report(tree.units["phunu-a"], PERIOD, tree.users["entry_a"])
    workflow.save_values(report, tree.users["entry_a"], {"tuyen_truyen_buoi": 7}, expected_version=report.version)
    context = browser.new_context(viewport={"width": 1366, "height": 800}, locale="vi-VN")
    page = context.new_page()
    login(page, live_server.url, "quantri", PASSWORD)
    # the administrator's navigation, every item, on one line at 1366 px
    tops = page.locator("#main-nav li").evaluate_all("items => items.map(li => li.getBoundingClientRect().top)")
    assert len(tops) >= 9 and len(set(tops)) == 1, tops
    bar = page.locator("header.topbar").bounding_box()
    assert bar["height"] < 2 * page.locator(".brand").bounding_box()["height"] + 16, bar  # brand, menu, logout: one row
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    page.set_viewport_size({"width": 1280, "height": 800})  # narrower: the bar wraps, nothing is pushed off
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    # a value's history names its source in words
    page.goto(live_server.url + reverse("collection:history", args=[tree.units["phunu-a"].pk, PERIOD, "tuyen_truyen_buoi"]))
    assert "Nhập trên biểu mẫu" in page.inner_text("main")
    # units valid 'since always' do not show the placeholder date
    page.goto(live_server.url + reverse("org:tree"))
    assert "1900" not in page.inner_text("main")
    # each language in its own words, in either mode
    assert page.locator("#lang-select option").all_inner_texts() == ["Tiếng Việt", "English"]
    with page.expect_navigation():
        page.select_option("#lang-select", "en")
    assert page.locator("#lang-select option").all_inner_texts() == ["Tiếng Việt", "English"]
    context.close()

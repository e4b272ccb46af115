"""The main journeys of a commune office and the province, in headless Chromium (Debian's
chromium driven by Playwright), on a small tree built by the tests' own factories.

Fill in, submit and approve a form: tests/collection/test_e2e.py (not repeated here).
Every journey takes screenshots at desktop width and at 360 px (tests/conftest.py `screenshot`).
"""

import io
import re

import pytest
from django.urls import reverse

from giaoban.meetings.models import Meeting, Task
from tests.collection.conftest import PASSWORD, PERIOD, build_tree
from tests.conftest import login, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture
def tree(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.GIAOBAN_JOBS_INLINE = True
    return build_tree()


@pytest.fixture
def task(tree):
    meeting = Meeting.objects.create(title="Hội nghị giao ban quý", period="2025-Q2", area=tree.province,
                                     status=Meeting.Status.CONFIRMED)
    t = Task.objects.create(meeting=meeting, text="Đẩy mạnh tuyên truyền phòng chống bạo lực gia đình ở các thôn, bản.",
                            due_period=PERIOD)
    t.units.set([tree.units["phunu-a"]])
    t.organizations.set([tree.orgs["phunu"]])
    return t


def test_home_by_role(live_server, tree, page):
    base = live_server.url
    login(page, base, "phunu.a", PASSWORD)
    assert page.locator("h2", has_text="Cần nhập và gửi").count() == 1
    assert page.locator("text=Toàn tỉnh").count() == 0  # a commune does not get the province's shortcuts
    page.click("a.button.primary:has-text('Nhập số liệu')")
    page.wait_for_url(re.compile(rf"/bao-cao/{tree.units['phunu-a'].pk}/"))
    page.goto(base + "/")
    screenshot(page, "e2e-home-entry")

    page.context.clear_cookies()
    login(page, base, "mttq.tinh", PASSWORD)
    assert page.locator("h2", has_text="Toàn tỉnh").count() == 1
    tiles = page.locator(".tiles a")
    assert tiles.count() >= 3
    assert "Tiến độ nộp báo cáo" in page.inner_text(".tiles")
    screenshot(page, "e2e-home-province")


def test_download_word_report(live_server, tree, page):
    from docx import Document

    from giaoban.collection.models import Report

    # the page lists the periods from the first year with a report: the tree's commune has one
    Report.objects.create(unit=tree.units["phunu-a"], period=PERIOD)
    base = live_server.url
    login(page, base, "mttq.tinh", PASSWORD)
    page.goto(base + reverse("documents:index"))
    page.select_option("#period", PERIOD)
    page.fill("#area", "12")
    page.select_option("#format", "docx")
    screenshot(page, "e2e-documents")
    with page.expect_download() as info:
        page.click("button.primary:has-text('Tải về')")
    download = info.value
    assert download.suggested_filename.endswith(".docx")
    document = Document(io.BytesIO(open(download.path(), "rb").read()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Lai Châu" in text, text[:500]


def test_meeting_task_update_from_entry_page(live_server, tree, task, page):
    base = live_server.url
    login(page, base, "phunu.a", PASSWORD)
    page.goto(base + reverse("collection:entry", args=[tree.units["phunu-a"].pk, PERIOD]))
    box = page.locator("section.tasks")
    assert "bạo lực gia đình" in box.inner_text()
    box.locator("a:has-text('Cập nhật tiến độ')").first.click()
    page.wait_for_url(re.compile(rf"/meetings/nhiem-vu/{task.pk}/"))
    page.select_option("#id_status", "in_progress")
    page.fill("#id_note", "Đã tổ chức 3 buổi ở thôn Nà Khum.")
    page.click("button:has-text('Ghi tiến độ')")
    page.wait_for_selector("text=Đã ghi tiến độ.")
    task.refresh_from_db()
    assert task.status == Task.Status.IN_PROGRESS
    assert "Nà Khum" in page.inner_text("main")
    screenshot(page, "e2e-task")

    page.context.clear_cookies()
    login(page, base, "mttq.tinh", PASSWORD)  # the province opens the meeting and sees the status
    page.goto(base + reverse("meetings:detail", args=[task.meeting.pk]))
    assert "Đang thực hiện" in page.inner_text("main")
    screenshot(page, "e2e-meeting")


def _pages(tree, task) -> list[tuple[str, str]]:
    a, top = tree.units["phunu-a"].pk, tree.units["phunu-tinh"].pk
    return [
        ("phunu.a", "/"),
        ("phunu.a", reverse("collection:my_reports")),
        ("phunu.a", reverse("collection:entry", args=[a, PERIOD])),
        ("phunu.a", reverse("collection:history", args=[a, PERIOD, "tuyen_truyen_buoi"])),
        ("phunu.a", reverse("meetings:task", args=[task.pk])),
        ("phunu.tinh", "/"),
        ("phunu.tinh", reverse("collection:approvals")),
        ("phunu.tinh", reverse("collection:completeness") + f"?period={PERIOD}"),
        ("phunu.tinh", reverse("collection:entry", args=[top, PERIOD])),
        ("mttq.tinh", "/"),
        ("mttq.tinh", reverse("meetings:list")),
        ("mttq.tinh", reverse("meetings:detail", args=[task.meeting.pk])),
        ("mttq.tinh", reverse("documents:index")),
        ("mttq.tinh", reverse("org:tree")),
        ("mttq.tinh", reverse("org:batches")),
        (None, reverse("login")),
    ]


def test_pages_fit_a_phone_and_use_no_external_host(live_server, tree, task, browser):
    base = live_server.url
    problems = []
    contexts = {}
    for account, path in _pages(tree, task):
        if account not in contexts:
            contexts[account] = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
            if account:
                login(contexts[account].new_page(), base, account, PASSWORD)
        page = contexts[account].new_page()
        response = page.goto(base + path)
        assert response.status < 400, (account, path, response.status)
        external = page.evaluate("""() => Array.from(document.querySelectorAll('[src],[href],[action]'))
            .map(e => e.getAttribute('src') || e.getAttribute('href') || e.getAttribute('action'))
            .filter(u => /^(https?:)?\\/\\//i.test(u))""")
        if external:
            problems.append((path, "external", external))
        html = page.content()
        if re.search(r"""(src|href)=["']?(https?:)?//""", html):
            problems.append((path, "external in html", re.findall(r"""(?:src|href)=["']?(?:https?:)?//[^"' >]+""", html)))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            wide = page.evaluate("""() => Array.from(document.querySelectorAll('body *'))
                .filter(e => e.getBoundingClientRect().right > 361 && !e.closest('.scroll'))
                .slice(0, 3).map(e => e.tagName + '.' + e.className)""")
            problems.append((path, "scrollWidth", width, wide))
        lang = page.evaluate("document.documentElement.lang")
        if not lang:
            problems.append((path, "no lang"))
        unlabeled = page.evaluate("""() => Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
            .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
            .map(e => e.name || e.id)""")
        if unlabeled:
            problems.append((path, "fields without a label", unlabeled))
        levels = page.evaluate("() => Array.from(document.querySelectorAll('main h1, main h2, main h3, main h4')).map(h => +h.tagName[1])")
        if levels and levels[0] != 1 or any(b - a > 1 for a, b in zip(levels, levels[1:])):
            problems.append((path, "heading order", levels))
        page.close()
    for context in contexts.values():
        context.close()
    assert not problems, problems


def test_keyboard_reaches_the_form_with_a_visible_focus(live_server, tree, page):
    base = live_server.url
    page.goto(base + reverse("login"))
    assert page.evaluate("document.activeElement.id") == "id_username"  # autofocus: type straight away
    page.keyboard.type("phunu.a")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_password"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") not in ("", "none")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(base + "/")
    page.keyboard.press("Tab")  # the first Tab of a page lands on the skip link
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_phone_navigation_folds_behind_a_menu_button(live_server, tree, browser):
    """At 360 px the links fold behind "Danh mục" (the bar stays one line); the button opens and
    closes them, by mouse and keyboard; at desktop width the links show and the button does not."""
    base = live_server.url
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    page = context.new_page()
    login(page, base, "phunu.tinh", PASSWORD)
    page.goto(base + "/")
    button, nav = page.locator(".menu-toggle"), page.locator("#main-nav")
    assert button.is_visible() and not nav.is_visible()
    assert page.evaluate("document.querySelector('.topbar').getBoundingClientRect().height") < 60
    button.click()
    assert nav.is_visible() and button.get_attribute("aria-expanded") == "true"
    page.click("#main-nav >> text=Chờ duyệt")
    page.wait_for_url("**/cho-duyet/")
    page.focus(".menu-toggle")
    page.keyboard.press("Enter")
    assert nav.is_visible()
    page.keyboard.press("Escape")
    assert not nav.is_visible() and page.evaluate("document.activeElement.className") == "menu-toggle"
    page.set_viewport_size({"width": 1280, "height": 900})
    assert nav.is_visible() and not button.is_visible()
    context.close()

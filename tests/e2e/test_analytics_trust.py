"""Figures a province officer can read right (issue 19), in headless Chromium: an incomplete
quarter is never compared bare with complete ones, a trend bar that drops because units are
missing says so, and a quarter with nothing approved says what to do."""

from decimal import Decimal

import pytest

from giaoban.collection.models import DataValue, Report
from giaoban.org.models import Indicator
from tests.collection.conftest import PASSWORD, build_tree
from tests.conftest import login

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture
def tree(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build_tree()


def put(unit, period, values: dict, status="approved"):
    report, _ = Report.objects.get_or_create(unit=unit, period=period)
    for code, value in values.items():
        DataValue.objects.update_or_create(unit=unit, indicator=Indicator.objects.get(code=code), period=period,
                                           defaults={"report": report, "value": Decimal(value)})
    report.status = status
    report.save()
    return report


@pytest.fixture
def quarters(tree):
    """Both communes approved for 2024-Q3 and 2025-Q2; for 2025-Q3 only xã A is approved (xã B
    sent, not yet approved); for 2025-Q4 nothing is approved (xã A sent)."""
    a, b = tree.units["phunu-a"], tree.units["phunu-b"]
    for period, va, vb in (("2024-Q3", 10, 10), ("2025-Q2", 9, 11)):
        put(a, period, {"tuyen_truyen_buoi": va})
        put(b, period, {"tuyen_truyen_buoi": vb})
    put(a, "2025-Q3", {"tuyen_truyen_buoi": 8})
    put(b, "2025-Q3", {"tuyen_truyen_buoi": 12}, status="submitted")
    put(a, "2025-Q4", {"tuyen_truyen_buoi": 7}, status="submitted")
    return tree


def test_incomplete_quarter_is_not_compared_bare(live_server, quarters, page):
    login(page, live_server.url, "phunu.tinh", PASSWORD)
    page.goto(live_server.url + "/phan-tich/?period=2025-Q3")
    row = page.locator("tr", has=page.locator("td", has_text="Buổi tuyên truyền")).first
    cell = row.locator("td.same-period")
    # 8 sessions from 1 commune against 20 from 2: the −60 % is marked, with both counts
    assert "1 so với 2 đơn vị" in cell.inner_text(), row.inner_text()
    assert "unlike" in (cell.get_attribute("class") or "")
    note = page.locator("#incomplete-note")
    assert "chưa đủ" in note.inner_text() and "1/2" in note.inner_text()

    # the trend: the 2025-Q3 bar is marked as incomplete, the complete ones are not
    chart = page.locator("figure", has_text="Buổi tuyên truyền").first
    incomplete = chart.locator("rect.incomplete")
    assert incomplete.count() == 1
    assert "chưa đủ: 1/2 đơn vị" in incomplete.first.locator("title").text_content()
    assert "1/2" in chart.locator("svg").text_content()


def test_quarter_with_nothing_approved_says_what_to_do(live_server, quarters, page):
    login(page, live_server.url, "phunu.tinh", PASSWORD)
    page.goto(live_server.url + "/phan-tich/?period=2025-Q4")
    empty = page.locator("#empty-state")
    text = empty.inner_text()
    assert "Chưa có báo cáo nào được duyệt" in text and "1 báo cáo đã gửi đang chờ duyệt" in text, text
    assert page.locator("main table td.num:text-is('—')").count() == 0  # no grid of dashes
    empty.locator("a", has_text="Tính cả báo cáo đã gửi").click()
    page.wait_for_load_state()
    row = page.locator("tr", has=page.locator("td", has_text="Buổi tuyên truyền")).first
    assert "7" in row.locator("td.num").first.inner_text()
    empty_link = page.locator("#empty-state a", has_text="Duyệt")
    assert empty_link.count() == 0  # figures are shown: no empty state
    page.goto(live_server.url + "/phan-tich/?period=2025-Q4")
    page.locator("#empty-state a", has_text="Duyệt báo cáo").click()
    page.wait_for_load_state()
    assert "/bao-cao/cho-duyet/" in page.url


@pytest.fixture
def statuses(tree):
    """2025-Q3 (deadline long past): the province's own report sent late, xã A returned with a
    reason, xã B nothing at all."""
    import datetime

    from django.utils import timezone

    from giaoban.collection.completeness import deadline_for

    top, a = tree.units["phunu-tinh"], tree.units["phunu-a"]
    late = put(top, "2025-Q3", {"tuyen_truyen_buoi": 3}, status="submitted")
    late.submitted_at = timezone.make_aware(datetime.datetime.combine(deadline_for(top, "2025-Q3"), datetime.time(9))
                                            + datetime.timedelta(days=5))
    late.save()
    returned = put(a, "2025-Q3", {"tuyen_truyen_buoi": 4}, status="returned")
    returned.returned_reason = "Thiếu số lượt người dự tuyên truyền."
    returned.save()
    return tree


def _background(locator) -> str:
    return locator.evaluate("el => getComputedStyle(el).backgroundColor")


def test_reminders_from_the_completeness_page_with_text_per_status(live_server, statuses, page):
    from giaoban.collection.models import Reminder

    tree = statuses
    login(page, live_server.url, "phunu.tinh", PASSWORD)
    page.goto(live_server.url + "/bao-cao/tien-do/?period=2025-Q3")
    row_b = page.locator("#unit-states tr", has_text="Hội LHPN xã B")
    row_b.locator("button", has_text="Nhắc").click()
    page.wait_for_selector("text=Đã nhắc 1 đơn vị")
    reminder = Reminder.objects.get(unit=tree.units["phunu-b"])
    assert reminder.user.username == "phunu.b" and "chưa gửi báo cáo Quý III/2025" in reminder.message, reminder.message

    page.locator("button", has_text="Nhắc tất cả đơn vị chưa gửi").click()
    page.wait_for_selector("text=Đã nhắc 1 đơn vị")  # xã B was reminded today already: not twice
    assert "đã được nhắc hôm nay" in page.inner_text("main")
    to_a = Reminder.objects.get(unit=tree.units["phunu-a"])
    assert "bị trả lại" in to_a.message and "Thiếu số lượt người" in to_a.message and "chưa gửi" not in to_a.message
    assert Reminder.objects.filter(unit=tree.units["phunu-b"]).count() == 1
    assert Reminder.objects.filter(unit=tree.units["phunu-tinh"]).count() == 0  # sent (late) is not reminded

    # one colour scale: overdue and returned are the red of a returned report everywhere; late is milder
    overdue = _background(row_b.locator(".status"))
    returned = _background(page.locator("#unit-states tr", has_text="Hội LHPN xã A").locator(".status"))
    late = _background(page.locator("#unit-states tr", has_text="Hội LHPN tỉnh").locator(".status"))
    assert "Gửi muộn" in page.locator("#unit-states tr", has_text="Hội LHPN tỉnh").inner_text()
    assert overdue == returned and late != overdue, (overdue, returned, late)
    page.goto(live_server.url + f"/bao-cao/{tree.units['phunu-a'].pk}/2025-Q3/")
    assert _background(page.locator("#report-status")) == returned

    page.context.clear_cookies()
    login(page, live_server.url, "phunu.a", PASSWORD)
    page.goto(live_server.url + "/bao-cao/")
    assert "bị trả lại" in page.inner_text("#rem-title + ul")
    assert "2025-Q3" not in page.inner_text("main")  # periods in words


def test_documents_for_any_period_with_data_and_no_server_paths(live_server, tree, page):
    """Reports of 2023-Q3 (three years back) can be written from the documents page; the preview
    says where its phrasing comes from in words, not as a server path or a variable name."""
    put(tree.units["phunu-a"], "2023-Q3", {"tuyen_truyen_buoi": 6})
    login(page, live_server.url, "phunu.tinh", PASSWORD)
    page.goto(live_server.url + "/documents/")
    options = page.locator("#period option").all_inner_texts()
    assert "Quý III/2023" in options and "Năm 2023" in options, options
    page.select_option("#period", "2023-Q3")
    page.click("button:has-text('Xem trước')")
    page.wait_for_load_state()
    text = page.inner_text("main")
    assert "Quý III" in text and "2023" in text, text[:500]
    assert "GIAOBAN_" not in text and ".json" not in text and "/" + "site-packages" not in text, text[:400]
    assert not any(part in text for part in ("/work/", "/usr/", "/home/", "\\")), text[:400]


@pytest.fixture
def merged(transactional_db, settings):
    """tests/analytics' world: phường Một (C1) and xã Hai (C2) merged into phường Một (N) on
    1/7/2025, phường Ba (C3) split into xã Bốn and xã Năm."""
    from django.contrib.auth import get_user_model

    from tests.analytics.conftest import World

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    w = World()
    w.put(w.U1, "2024-Q4", {"buoi": 40})
    w.put(w.U2, "2024-Q4", {"buoi": 4})
    w.put(w.U3, "2024-Q4", {"buoi": 50})
    w.put(w.UN, "2025-Q4", {"buoi": 60})
    get_user_model().objects.create_user("quantri", password=PASSWORD, is_superuser=True, is_staff=True)
    return w


def test_merger_marks_names_and_dates_in_words(live_server, merged, page):
    login(page, live_server.url, "quantri", PASSWORD)
    # the merged ward's 2024 quarter, on the tree of 31/12/2025 typed as an officer writes dates
    page.goto(live_server.url + "/phan-tich/?period=2024-Q4&area=N&as_of=31/12/2025")
    assert page.locator("#f-area").input_value() == "Phường Một"  # a name, not the code 'N'
    date_box = page.locator("#f-asof")
    assert date_box.get_attribute("type") != "date"  # Chromium's date box follows the OS: mm/dd/yyyy
    assert date_box.input_value() == "31/12/2025"
    label = page.inner_text("label[for=f-asof]")
    assert "Cây tổ chức" not in label and "dd/mm/yyyy" in page.inner_text("main"), label
    names = page.inner_text("#period-names")
    assert "Quý IV/2024" in names and "Phường Một" in names and "Xã Hai" in names, names

    # phường Một of 2024 (code C1) is gone: the page says what it became, and leads there
    page.goto(live_server.url + "/phan-tich/?period=2024-Q4&area=C1")
    now = page.inner_text("#now-names")
    assert "có đến 30/06/2025" in now and "nay là Phường Một (mã N, từ 01/07/2025)" in now, now
    page.click("#now-names a")
    page.wait_for_load_state()
    assert "Xã Hai" in page.inner_text("#period-names")
    assert page.locator("#f-asof").input_value() == "01/07/2025"

    # the pivot's exports keep the '*' of rebuilt figures and say which organization in the title
    page.goto(live_server.url + "/phan-tich/bang-tong-hop/?period=2024-Q4&area=P&rows=area&cols=org&indicator=buoi"
              "&org=phunu&as_of=31/12/2025")
    assert "Hội LHPN" in page.inner_text("section.card h2")
    # how many units are in each row's figure (the merged ward: its two former communes)
    row = page.locator("section.card tr", has=page.locator("th", has_text="Phường Một"))
    assert row.locator("td.units").inner_text() == "2", row.inner_text()
    with page.expect_download() as info:
        page.click("button[value=csv]")
    text = open(info.value.path(), encoding="utf-8-sig").read()
    assert "Hội LHPN" in text.splitlines()[0], text
    assert "44*" in text and "Số liệu dựng lại" in text, text
    with page.expect_download() as info:
        page.click("button[value=xlsx]")
    import io

    import openpyxl

    ws = openpyxl.load_workbook(io.BytesIO(open(info.value.path(), "rb").read())).active
    assert "Hội LHPN" in ws["A1"].value
    cells = {row[0].value: row[1] for row in ws.iter_rows(min_row=3) if row[0].value}
    merged_cell = cells["Phường Một"]
    assert merged_cell.value == 44 and "*" in merged_cell.number_format, merged_cell.number_format  # a number, shown 44*
    assert any("Số liệu dựng lại" in str(r[0].value or "") for r in ws.iter_rows())

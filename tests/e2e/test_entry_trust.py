"""Data entry a commune officer can trust (issue 19), in headless Chromium: no false conflict
after one's own save, a real conflict shown side by side with nothing typed lost."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from giaoban.collection import workflow
from giaoban.collection.models import DataValue, Report
from tests.collection.conftest import PASSWORD, PERIOD, build_tree
from tests.conftest import login

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture
def tree(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build_tree()


def _entry(live_server, tree, unit="phunu-a"):
    return live_server.url + reverse("collection:entry", args=[tree.units[unit].pk, PERIOD])


@pytest.mark.parametrize("field, typed, stored", [
    ("#n-highlights", "Tổ chức 3 buổi tuyên truyền.\n", None),
    ("#v-tuyen_truyen_buoi", "05", "5"),
    ("#v-co_so_vung_manh", "1,50", "1.5"),
])
def test_no_false_conflict_after_own_save(live_server, tree, page, field, typed, stored):
    """Typed and saved at once with 'Lưu' (before the autosave ran): the page after the save,
    a reload and the next 'Lưu' all go through without a conflict."""
    login(page, live_server.url, "phunu.a", PASSWORD)
    page.goto(_entry(live_server, tree))
    page.fill(field, typed)
    page.click("button[value=save]")
    page.wait_for_selector("text=Đã lưu.")
    page.wait_for_timeout(2500)  # anything the page's script would re-send has been sent
    assert page.locator("#conflict, .conflict").count() == 0, page.inner_text("main")
    assert "người khác cập nhật" not in page.inner_text("main")
    page.reload()
    page.wait_for_timeout(2000)
    assert "người khác cập nhật" not in page.inner_text("main")
    page.fill("#v-tong_hoi_vien", "1.250")
    page.click("button[value=save]")
    page.wait_for_selector("text=Đã lưu.")
    report = Report.objects.get(unit=tree.units["phunu-a"], period=PERIOD)
    assert DataValue.objects.get(report=report, indicator__code="tong_hoi_vien").value == 1250
    if stored is not None:
        code = field.removeprefix("#v-")
        assert str(DataValue.objects.get(report=report, indicator__code=code).value.normalize()) == stored


def test_real_conflict_shows_both_values_and_keeps_either(live_server, tree, page):
    """Someone else saves the same figure while the officer types: both values side by side, the
    officer keeps hers; in a second round she takes the other one. Nothing typed is lost."""
    unit = tree.units["phunu-a"]
    login(page, live_server.url, "phunu.a", PASSWORD)
    page.goto(_entry(live_server, tree))
    report = workflow.get_or_create_report(unit, PERIOD, tree.users["entry_a"])
    workflow.save_values(report, tree.users["entry_a"], {"tuyen_truyen_buoi": 7}, expected_version=report.version)

    page.fill("#v-tuyen_truyen_buoi", "12")
    page.fill("#v-ket_nap_moi", "4")  # not touched by the other person: saved without a question
    box = page.locator(".conflict")
    box.wait_for(timeout=15000)
    text = box.inner_text()
    assert "Buổi tuyên truyền" in text and "12" in text and "7" in text, text
    box.locator("button:has-text('Giữ số của tôi')").first.click()
    page.wait_for_selector("#save-state:has-text('Đã tự động lưu')", timeout=15000)
    assert page.locator(".conflict").count() == 0
    values = dict(DataValue.objects.filter(report=report).values_list("indicator__code", "value"))
    assert values["tuyen_truyen_buoi"] == 12 and values["ket_nap_moi"] == 4

    # second round: the other value wins
    report.refresh_from_db()
    workflow.save_values(report, tree.users["entry_a"], {"tuyen_truyen_buoi": 9}, expected_version=report.version)
    page.fill("#v-tuyen_truyen_buoi", "20")
    box.wait_for(timeout=15000)
    box.locator("button:has-text('Lấy số đã lưu')").first.click()
    assert page.input_value("#v-tuyen_truyen_buoi") == "9"
    page.wait_for_timeout(1500)
    report.refresh_from_db()
    assert DataValue.objects.get(report=report, indicator__code="tuyen_truyen_buoi").value == 9
    page.click("button[value=save]")
    page.wait_for_selector("text=Đã lưu.")
    assert page.input_value("#v-tuyen_truyen_buoi") == "9"
    assert page.locator(".conflict").count() == 0


def test_offline_draft_of_an_older_version_is_shown_not_resent(live_server, tree, page):
    """A copy typed offline against version 1, while someone else saved a different figure: on
    the next visit the page offers both values instead of re-sending the old version."""
    unit = tree.units["phunu-a"]
    login(page, live_server.url, "phunu.a", PASSWORD)
    page.goto(_entry(live_server, tree))
    page.context.set_offline(True)
    page.fill("#v-tuyen_truyen_buoi", "33")
    page.wait_for_timeout(2000)
    # She leaves the page while offline (her copy stays in the browser) and someone else saves
    # twice. Chromium's offline emulation sometimes still delivers her pending autosave when the
    # page goes; then it lands first, as version 2, and the others save over it: either way her
    # copy is of version 1 and two saves of someone else come after it.
    page.goto("about:blank")
    workflow.get_or_create_report(unit, PERIOD, tree.users["entry_a"])
    for values in ({"tuyen_truyen_buoi": 8}, {"ket_nap_moi": 2}):
        for attempt in range(3):  # a person who meets a conflict reloads and saves again
            report = Report.objects.get(unit=unit, period=PERIOD)
            try:
                workflow.save_values(report, tree.users["entry_a"], values, expected_version=report.version)
                break
            except workflow.ConflictError:
                page.wait_for_timeout(500)
    assert report.version >= 3
    page.context.set_offline(False)
    page.goto(_entry(live_server, tree))
    box = page.locator(".conflict")
    box.wait_for(timeout=15000)
    assert "33" in box.inner_text() and "8" in box.inner_text()
    assert page.input_value("#v-tuyen_truyen_buoi") == "8"  # the page shows what is saved until she chooses
    box.locator("button:has-text('Giữ số của tôi')").first.click()
    page.wait_for_selector("#save-state:has-text('Đã tự động lưu')", timeout=15000)
    assert DataValue.objects.get(report=report, indicator__code="tuyen_truyen_buoi").value == 33
    assert re.search(r"giaoban:", page.evaluate("Object.keys(localStorage).join(' ')") or "") is None


def test_numbers_as_officers_type_them_read_back_before_saving(live_server, tree, page):
    """'65,2 tỷ', '40 triệu', '1.234', '1,5' are taken and shown back under the field before any
    save; an unreadable figure and a negative count are marked at their field while typing and
    not saved (one rule: what cannot be read or breaks an error rule), the others are."""
    login(page, live_server.url, "phunu.a", PASSWORD)
    page.goto(_entry(live_server, tree))
    page.locator("#v-du_no_uy_thac").press_sequentially("65,2 tỷ")
    page.wait_for_selector("#chk-du_no_uy_thac:has-text('= 65.200.000.000 đồng')", timeout=5000)
    assert Report.objects.count() == 0  # shown back before anything is saved
    page.locator("#v-no_qua_han").press_sequentially("40 triệu")
    page.wait_for_selector("#chk-no_qua_han:has-text('= 40.000.000 đồng')", timeout=5000)
    page.locator("#v-tuyen_truyen_luot_nguoi").press_sequentially("1.234")
    page.wait_for_selector("#chk-tuyen_truyen_luot_nguoi:has-text('= 1.234 lượt người')", timeout=5000)
    page.locator("#v-co_so_vung_manh").press_sequentially("1,5")
    page.wait_for_selector("#chk-co_so_vung_manh:has-text('= 1,5%')", timeout=5000)
    page.fill("#v-tuyen_truyen_buoi", "12a")
    page.wait_for_selector("#chk-tuyen_truyen_buoi:has-text('Không đọc được số')", timeout=5000)
    page.locator("#v-ket_nap_moi").press_sequentially("-3")
    page.wait_for_selector("#err-ket_nap_moi:has-text('không được là số âm')", timeout=5000)
    for _ in range(60):  # the autosaves run on their own time
        values = dict(DataValue.objects.filter(unit=tree.units["phunu-a"]).values_list("indicator__code", "value"))
        if len(values) >= 4:
            break
        page.wait_for_timeout(250)
    assert values.get("du_no_uy_thac") == 65_200_000_000, (values, page.inner_text("#save-state"))
    assert values["no_qua_han"] == 40_000_000
    assert values["tuyen_truyen_luot_nguoi"] == 1234
    assert "tuyen_truyen_buoi" not in values and "ket_nap_moi" not in values
    # shown at the field: under it by the save's answer, or in its rule line by the check that
    # may answer after the save (both run on their own time)
    assert "không được là số âm" in page.locator(".field:has(#v-ket_nap_moi)").inner_text()
    assert page.input_value("#v-tuyen_truyen_buoi") == "12a"  # kept as typed, to be corrected
    page.reload()
    assert "= 65.200.000.000 đồng (65,2 tỷ đồng)" in page.inner_text("#chk-du_no_uy_thac")


def _history(tree):
    """Xã A held 1 session the quarter before; xã B, its peer, 8 to 12 sessions and ~300 people."""
    for key, user, rows in (("phunu-a", "entry_a", {"2025-Q2": (1, 40)}),
                            ("phunu-b", "entry_b", {"2025-Q1": (8, 250), "2025-Q2": (12, 320), "2025-Q3": (10, 300)})):
        for period, (sessions, people) in rows.items():
            report = workflow.get_or_create_report(tree.units[key], period, tree.users[user])
            workflow.save_values(report, tree.users[user], {"tuyen_truyen_buoi": sessions, "tuyen_truyen_luot_nguoi": people},
                                 expected_version=report.version)


def test_implausible_figures_flagged_while_typing_and_listed_for_the_approver(live_server, tree, browser):
    _history(tree)
    context = browser.new_context(viewport={"width": 1366, "height": 800}, locale="vi-VN")
    page = context.new_page()
    login(page, live_server.url, "phunu.a", PASSWORD)
    page.goto(_entry(live_server, tree))
    page.fill("#v-tuyen_truyen_buoi", "1.234")
    page.wait_for_selector("#err-tuyen_truyen_buoi:has-text('bất thường')", timeout=5000)
    assert "mức thường của đơn vị" in page.inner_text("#err-tuyen_truyen_buoi")
    page.fill("#v-tuyen_truyen_luot_nguoi", "999.999.999.999")
    page.wait_for_selector("#err-tuyen_truyen_luot_nguoi:has-text('các đơn vị cùng cấp')", timeout=5000)
    page.fill("#v-tong_hoi_vien", "300")
    page.fill("input[name=c-tuyen_truyen_buoi]", "Nhập nhầm? Để cấp trên xem.")
    page.click("button[value=submit]")
    page.wait_for_selector("text=Đã gửi báo cáo lên cấp trên.")
    context.close()

    context = browser.new_context(viewport={"width": 1366, "height": 800}, locale="vi-VN")
    page = context.new_page()
    login(page, live_server.url, "phunu.tinh", PASSWORD)
    page.goto(_entry(live_server, tree))
    assert page.inner_text("#flags-title") == "2 số liệu bất thường"
    flags = page.inner_text("#flags")
    assert "1.234" in flags and "999.999.999.999" in flags and "đã ghi chú" in flags
    box = page.locator("#approve-button").bounding_box()
    assert box["y"] + box["height"] <= 800, box  # the approval is on the first screen
    page.click("#approve-button")
    page.wait_for_selector("text=Đã duyệt báo cáo.")
    context.close()


def _many_communes(tree, count=38):
    """The province's women's union with `count` communes, and an officer who enters for all."""
    from giaoban.collection.models import Membership
    from giaoban.org.models import Area, Unit
    from tests.collection.conftest import make_user

    top = tree.units["phunu-tinh"]
    children = [tree.units["phunu-a"], tree.units["phunu-b"]]
    for n in range(len(children), count):
        area = Area.objects.create(code=f"91{n:03d}", name=f"Xã Số {n:02d}", kind=Area.Kind.COMMUNE, level=Area.Level.COMMUNE,
                                   parent=tree.province)
        children.append(Unit.objects.create(organization=tree.orgs["phunu"], code=f"phunu-{n:02d}", name=f"Hội LHPN xã Số {n:02d}",
                                            level=Unit.Level.COMMUNE, area=area, parent=top))
    E = Membership.Role.ENTRY
    make_user("phunu.nhaplieu", (top, Membership.Role.VIEW), *[(u, E) for u in children])
    return sorted(children, key=lambda u: u.name)


def test_grid_38_communes_by_keyboard_and_paste(live_server, tree, page):
    children = _many_communes(tree)
    codes = ["tuyen_truyen_buoi", "tuyen_truyen_luot_nguoi", "ket_nap_moi", "tong_hoi_vien", "co_so_vung_manh"]
    login(page, live_server.url, "phunu.nhaplieu", PASSWORD)
    page.goto(live_server.url + reverse("collection:entry", args=[tree.units["phunu-tinh"].pk, PERIOD]))
    page.click("#grid-link")
    page.wait_for_selector("#grid")
    assert page.locator("#grid tbody tr").count() == 38
    # laid out as a table: each commune's row under the header, its name beside its figures
    assert page.evaluate("getComputedStyle(document.getElementById('grid')).display") == "table"
    head = page.locator("#grid thead").bounding_box()
    first = page.locator("#grid tbody tr").first.bounding_box()
    assert first["y"] >= head["y"] + head["height"] - 1 and abs(first["x"] - head["x"]) < 2, (head, first)
    # the first column by keyboard: a figure, Enter, the next commune
    page.focus(f"input[name=g-{children[0].pk}-tuyen_truyen_buoi]")
    for i in range(38):
        page.keyboard.type(str(10 + i))
        page.keyboard.press("Enter")
    # the other four columns pasted from Excel in one block (tab-separated, Vietnamese numbers)
    block = "\n".join("\t".join([f"{1000 + i}", f"{i % 5}", f"{200 + i}", f"{50 + i},5"]) for i in range(38))
    page.locator(f"input[name=g-{children[0].pk}-tuyen_truyen_luot_nguoi]").evaluate(
        """(el, text) => { const dt = new DataTransfer(); dt.setData('text/plain', text);
             el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true})); }""", block)
    assert page.input_value(f"input[name=g-{children[37].pk}-co_so_vung_manh]") == "87,5"
    page.click("#grid-form button[type=submit]")
    page.wait_for_selector("text=Đã lưu số liệu của 38 đơn vị.")
    for i, child in enumerate(children):
        values = dict(DataValue.objects.filter(unit=child, period=PERIOD).values_list("indicator__code", "value"))
        assert [values.get(c) for c in codes] == [10 + i, 1000 + i, i % 5, 200 + i, Decimal(50 + i) + Decimal("0.5")], child.name
    assert page.input_value(f"input[name=g-{children[5].pk}-tuyen_truyen_luot_nguoi]") == "1.005"

    # the same validation: an unreadable figure and a negative count save nothing
    page.fill(f"input[name=g-{children[1].pk}-ket_nap_moi]", "3 người")
    page.click("#grid-form button[type=submit]")
    page.wait_for_selector("#grid-errors")
    assert "Không đọc được số '3 người'" in page.inner_text("#grid-errors")
    page.fill(f"input[name=g-{children[1].pk}-ket_nap_moi]", "-2")
    page.click("#grid-form button[type=submit]")
    page.wait_for_selector("#grid-errors:has-text('không được là số âm')")
    assert DataValue.objects.get(unit=children[1], period=PERIOD, indicator__code="ket_nap_moi").value == 1


def test_long_commune_form_folds_into_three_screens(live_server, tree, browser):
    """36 indicators in 8 sections: folded with 'đã nhập n/m', the whole form within three
    screens at 1366×800; Enter opens the next section."""
    from giaoban.org.models import Indicator

    for n in range(29):
        ind = Indicator.objects.create(code=f"them_{n:02d}", name=f"Chỉ tiêu thêm {n:02d}", unit_noun="lượt", value_type="integer",
                                       time_aggregation="sum", section=f"Mảng công tác {n // 5 + 1}", sort_order=1000 + n)
        ind.organizations.set([tree.orgs["phunu"]])
    context = browser.new_context(viewport={"width": 1366, "height": 800}, locale="vi-VN")
    page = context.new_page()
    login(page, live_server.url, "phunu.a", PASSWORD)
    page.goto(_entry(live_server, tree))
    assert page.inner_text("#filled-total") == "Đã nhập 0/36 chỉ tiêu"
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 3 * 800, height
    first = page.locator("details.section").first
    first.locator("summary").click()
    page.fill("#v-tuyen_truyen_buoi", "12")
    assert "đã nhập 1/2" in first.locator("summary").inner_text()
    assert page.inner_text("#filled-total") == "Đã nhập 1/36 chỉ tiêu"
    page.focus("#v-tuyen_truyen_luot_nguoi")
    page.keyboard.press("Enter")  # the next figure is in a folded section: it opens
    assert page.evaluate("document.activeElement.id") == "v-ket_nap_moi"
    context.close()

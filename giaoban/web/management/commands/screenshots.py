"""Screenshots of the main pages with the demo data, at desktop width and at 360 px, for the
README (docs/screenshots/). Serves the app with gunicorn on a free loopback port and drives
Debian's Chromium with Playwright, logging in as the demo accounts."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import NoReverseMatch, reverse

from giaoban.collection.models import DataValue, Report
from giaoban.demo.load import DEMO_PASSWORD
from giaoban.meetings.models import Meeting, Task
from giaoban.org.models import Area, AreaSuccession, Unit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


PHONE_HEIGHT = 740  # a 360 × 740 phone; its shots stop after two screens


MAX_DESKTOP_HEIGHT = 3600  # long lists (completeness of 500 units) stop after four screens


def shrink_png(path: Path) -> None:
    """Keep the README light: at most MAX_DESKTOP_HEIGHT px tall, a 256-colour palette (plenty for
    these pages; Pillow is a dependency). Without Pillow the shot stays as Chromium wrote it."""
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as image:
        if image.height > MAX_DESKTOP_HEIGHT:
            image = image.crop((0, 0, image.width, MAX_DESKTOP_HEIGHT))
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def demo_pages() -> list[tuple[str, str | None, str]]:
    """(file name, account or None for anonymous, path) for every main page this install has."""
    pages: list[tuple[str, str | None, str]] = [
        ("login", None, reverse("login")), ("home", "phunu.doanket", reverse("home")),
        ("home-approver", "phunu.tinh", reverse("home")), ("home-province", "mttq.tinh", reverse("home")),
    ]
    unit = Unit.objects.filter(code="phunu-03388", valid_to__isnull=True).first()
    province_unit = Unit.objects.filter(code="phunu-12", valid_to__isnull=True).first()
    meeting = Meeting.objects.order_by("-date").first()
    task = Task.objects.filter(status__in=Task.OPEN).order_by("due_period", "pk").first()
    # the demo's last quarter (the one with drafts, late and missing reports)
    last = Report.objects.filter(period__contains="-Q").order_by("-period").values_list("period", flat=True).first() or "2025-Q4"
    waiting = _waiting_commune_report(province_unit, last)
    candidates = [
        ("entry", "phunu.doanket", "collection:entry", {"unit_id": unit.pk if unit else 0, "period": last}),
        # the communes × indicators grid of the province's women's union
        ("grid", "phunu.tinh", "collection:grid", {"unit_id": province_unit.pk if province_unit else 0, "period": last}),
        # a commune's report waiting for the province, one figure implausible (see _implausible_figure)
        ("approval-flags", "phunu.tinh", "collection:entry", {"unit_id": waiting.unit_id if waiting else 0, "period": last}),
        ("entry-tasks", "phunu.tinh", "collection:entry", {"unit_id": province_unit.pk if province_unit else 0, "period": last}),
        ("my-reports", "phunu.doanket", "collection:my_reports", {}),
        ("approvals", "phunu.tinh", "collection:approvals", {}),
        ("completeness", "mttq.tinh", "collection:completeness", {}),
        ("dashboard", "mttq.tinh", "analytics:dashboard", {}),
        ("pivot", "mttq.tinh", "analytics:pivot", {}),
        ("documents", "mttq.tinh", "documents:index", {}),
        ("meetings", "mttq.tinh", "meetings:list", {}),
        ("meeting", "mttq.tinh", "meetings:detail", {"pk": meeting.pk if meeting else 0}),
        ("task", "phunu.tinh", "meetings:task", {"pk": task.pk if task else 0}),
        ("extraction", "phunu.doanket", "extraction:upload", {}),
        ("org-tree", "mttq.tinh", "org:tree", {}),
    ]
    for name, account, url_name, kwargs in candidates:
        try:
            pages.append((name, account, reverse(url_name, kwargs=kwargs)))
        except NoReverseMatch:
            continue
    # the 2025 merger: a ward formed on 1/7/2025 seen for the quarter before, its figures rebuilt
    merged = AreaSuccession.objects.filter(successor__level=Area.Level.COMMUNE).values_list("successor__code", flat=True).first()
    if merged:
        pages.append(("merger", "mttq.tinh", reverse("analytics:dashboard") + f"?period=2025-Q2&area={merged}&as_of=01/07/2025"))
    return pages


def _waiting_commune_report(province_unit, period: str) -> Report | None:
    if province_unit is None:
        return None
    return (Report.objects.filter(unit__parent=province_unit, period=period, status=Report.Status.SUBMITTED)
            .order_by("unit__name").first())


@contextmanager
def _implausible_figure(report: Report | None):
    """For the approver's shot only: one figure of the waiting report typed 100 times too big
    (the slip the flags are there to catch), put back as it was afterwards."""
    value = None
    if report is not None:
        value = (DataValue.objects.filter(report=report, indicator__value_type="integer", value__gt=0)
                 .order_by("indicator__sort_order").first())
    if value is not None:
        DataValue.objects.filter(pk=value.pk).update(value=value.value * 100)
    try:
        yield
    finally:
        if value is not None:
            DataValue.objects.filter(pk=value.pk).update(value=value.value)


class Command(BaseCommand):
    help = "Chụp ảnh màn hình các trang chính (máy tính và điện thoại 360 px) vào docs/screenshots/."

    def add_arguments(self, parser):
        parser.add_argument("--out", default=str(settings.BASE_DIR / "docs" / "screenshots"))
        parser.add_argument("--only", default="", help="Chỉ chụp các trang này (tên tệp, cách nhau bởi dấu phẩy), ví dụ grid,merger")

    def handle(self, *args, **options):
        if not Path(CHROMIUM).exists():
            raise CommandError("Chưa cài Chromium (/usr/bin/chromium): apt-get install chromium")
        from playwright.sync_api import sync_playwright

        # Playwright's sync API runs an event loop in this thread; the shot's own ORM writes are safe.
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        pages = demo_pages()
        only = {n.strip() for n in options["only"].split(",") if n.strip()}
        if only:
            pages = [p for p in pages if p[0] in only]
        province_unit = Unit.objects.filter(code="phunu-12", valid_to__isnull=True).first()
        waiting = _waiting_commune_report(province_unit, Report.objects.filter(period__contains="-Q").order_by("-period")
                                          .values_list("period", flat=True).first() or "")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "giaoban.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "giaoban.settings"},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"{base}/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.2)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                contexts = {}
                for name, account, path in pages:
                    if account not in contexts:
                        contexts[account] = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
                        if account:
                            page = contexts[account].new_page()
                            page.goto(f"{base}{reverse('login')}")
                            page.fill("#id_username", account)
                            page.fill("#id_password", DEMO_PASSWORD)
                            page.click("button[type=submit]")
                            page.wait_for_load_state()
                            page.close()
                    page = contexts[account].new_page()
                    with _implausible_figure(waiting if name == "approval-flags" else None):
                        page.goto(f"{base}{path}", wait_until="networkidle")
                    page.screenshot(path=str(out / f"{name}-desktop.png"), full_page=True)
                    page.set_viewport_size({"width": 360, "height": PHONE_HEIGHT})
                    height = min(page.evaluate("document.documentElement.scrollHeight"), 2 * PHONE_HEIGHT)
                    page.screenshot(path=str(out / f"{name}-360.png"), full_page=True,
                                    clip={"x": 0, "y": 0, "width": 360, "height": height})
                    page.close()
                    for suffix in ("desktop", "360"):
                        shrink_png(out / f"{name}-{suffix}.png")
                    self.stdout.write(f"{name}: {path}")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
        self.stdout.write(f"Đã lưu {2 * len(pages)} ảnh vào {out}")

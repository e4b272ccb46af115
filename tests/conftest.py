import os
import shutil
import socket
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from hypothesis.database import DirectoryBasedExampleDatabase

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now (for a server a test starts)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

# CI: a failing property test prints how to reproduce it, and the failures hypothesis found are
# kept in the example database, so the next run tries them first.
hypothesis_settings.register_profile(
    "ci", print_blob=True, database=DirectoryBasedExampleDatabase(PROJECT_ROOT / ".hypothesis" / "examples")
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SHARED = Path(os.environ.get("GIAOBAN_SHARED", PROJECT_ROOT.parent / "shared"))

# CI installs every system tool the tests use (.ci/run): there a missing tool is a failure, not a skip.
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def needs_tool(present: bool, reason: str):
    """Skip when a system tool is missing on a developer's machine; in CI run (and fail) anyway."""
    return pytest.mark.skipif(not present and not IN_CI, reason=f"{reason} (CI installs it and runs the test)")


def missing(what: str) -> None:
    """A system tool or service the test needs is absent: a skip here, a failure in CI (.ci/run provides it)."""
    if IN_CI:
        pytest.fail(f"{what} in CI: .ci/run should provide it")
    pytest.skip(f"{what} (CI provides it and runs the test)")


def require_tool(name: str) -> str:
    """The tool's path; a skip on a developer's machine without it, a failure in CI."""
    path = shutil.which(name)
    if path is None:
        missing(f"{name} is not installed")
    return path


@pytest.fixture(autouse=True, scope="session")
def _reads_on_the_primary():
    """With DATABASE_REPLICA_URL set, the suite still reads from the primary (giaoban/web/replica.py):
    a TestCase's data sit in a transaction of the primary that the replica never sees, and a
    transactional test's reads right after its writes would race the replica's replay. Only the
    replica tests (tests/web/test_replica.py) turn the replica's reads on."""
    from django.conf import settings

    settings.GIAOBAN_REPLICA_READS = False
    # The servers and commands the tests start in other processes get their own DATABASE_URL
    # (the test database, an SQLite file): the replica's URL names the database the suite was
    # started on, not theirs. They run without a replica.
    os.environ.pop("DATABASE_REPLICA_URL", None)


@pytest.fixture
def shared_dir() -> Path:
    """The shared folder beside the checkout; tests that need it skip on a user's clone."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a user's clone): test skipped")
    return SHARED

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
SCREENSHOTS = PROJECT_ROOT / "test-results" / "screenshots"  # artifacts of a run, not the README's


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (Playwright's own browser download is offline-blocked)."""
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail("/usr/bin/chromium is missing in CI: .ci/run should have installed it")
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium; .ci/run does it)")
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def login(page, base_url: str, username: str, password: str) -> None:
    """Log in through the real form, as a person would."""
    page.goto(f"{base_url}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def screenshot(page, name: str) -> None:
    """Save the page at desktop width and at 360 px (a phone) into test-results/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    page.screenshot(path=str(SCREENSHOTS / f"{name}-desktop.png"), full_page=True)
    page.set_viewport_size({"width": 360, "height": 740})
    page.screenshot(path=str(SCREENSHOTS / f"{name}-360.png"), full_page=True)
    page.set_viewport_size(size)

"""Playwright against live_server, in Debian's Chromium (`playwright install` cannot
download a browser here).

Without a Chromium the browser tests are skipped, and the run says why; with
REQUIRE_BROWSER=1 (set by .ci/run) a missing Chromium fails them instead.

Playwright's sync API runs an event loop in the test's thread, in which Django
refuses ORM calls: every fixture that touches the database is set up before
the browser starts and torn down after it stops, and the tests check results
through the browser, as a user would. That is also why these few fixtures are
written here rather than taken from pytest-playwright, whose browser lives for
the whole session and would keep that loop running into the next test's
`seed_data`.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect, sync_playwright

from diplomacy.settings import BASE_DIR, env_flag

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", BASE_DIR / "test-output" / "screenshots"))
MISSING = (
    f"no Chromium at {CHROMIUM}: install Debian's chromium package "
    "(apt-get install chromium) or set CHROMIUM_PATH"
)
EDITOR = {"username": "amina", "password": "a-long-editor-password"}

# The first request for the schema generates it, and the docs parse megabytes
# of JavaScript: wait longer than Playwright's 5 s before calling a check failed.
expect.set_options(timeout=15_000)

_skipped = []


def pytest_terminal_summary(terminalreporter):
    if _skipped:
        terminalreporter.write_line(
            f"Browser tests skipped ({len(_skipped)}): {MISSING}.", yellow=True, bold=True
        )


@pytest.fixture
def chromium():
    if not os.access(CHROMIUM, os.X_OK):
        if env_flag("REQUIRE_BROWSER", default=False):
            pytest.fail(f"REQUIRE_BROWSER is set but there is {MISSING}.")
        _skipped.append(CHROMIUM)
        pytest.skip(f"Browser tests skipped: {MISSING}.")
    return CHROMIUM


@pytest.fixture
def editor_account(chromium, seed_data, django_user_model):
    """A staff member of the Editors group, not a superuser."""
    django_user_model.objects.create_user(**EDITOR)
    call_command("create_editors_group", "--add", EDITOR["username"], verbosity=0)
    return EDITOR


@pytest.fixture
def page(chromium, seed_data, live_server):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        yield context.new_page()
        context.close()
        browser.close()


@pytest.fixture
def blocked_requests(page, live_server):
    """Abort every request to a host other than live_server's; list them."""
    own = urlsplit(live_server.url).netloc
    blocked = []

    def route(route):
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.context.route("**/*", route)
    return blocked


@pytest.fixture
def screenshot(page, request):
    """screenshot("step") writes test-output/screenshots/<test>/<n>-step.png.

    `of` is another page (a pop-up) or an element to picture instead of the page.
    """
    folder = SCREENSHOTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    count = iter(range(1, 100))

    def take(step, of=None, full_page=True):
        path = folder / f"{next(count):02d}-{step}.png"
        target = of or page
        if isinstance(target, Page):
            target.screenshot(path=path, full_page=full_page)
        else:
            target.screenshot(path=path)

    return take

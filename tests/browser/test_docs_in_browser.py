"""The API docs render and work with no network beyond this server."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_swagger_ui_tries_out_the_feed_offline(page, live_server, blocked_requests, screenshot):
    page.goto(f"{live_server.url}/api/docs/")
    operation = page.locator("#operations-actions-actions_list")
    expect(operation).to_be_visible()
    screenshot("swagger-ui", full_page=False)

    operation.locator(".opblock-summary").click()
    expect(operation.locator(".opblock-description-wrapper")).to_contain_text(
        "every action of every kind"
    )
    screenshot("operation-expanded", of=operation)
    operation.locator("button.try-out__btn").click()
    operation.locator("button.execute").click()
    live = operation.locator(".live-responses-table")
    response = live.locator("td.response-col_description:not(.col_header)")
    expect(response).to_contain_text("france-mali-2025")
    expect(live.locator("td.response-col_status:not(.col_header)")).to_have_text("200")
    screenshot("tried-out", of=live)
    assert blocked_requests == []


def test_redoc_renders_offline(page, live_server, blocked_requests, screenshot):
    page.goto(f"{live_server.url}/api/redoc/")
    expect(page.locator("h1")).to_contain_text("Diplomatic Actions API")
    screenshot("redoc", full_page=False)  # the whole reference is too tall a picture
    page.locator("[role=menuitem]", has_text="Every action of every kind").first.click()
    operation = page.locator("[id='tag/actions/operation/actions_list']")
    expect(operation).to_contain_text("Every action of every kind, newest first")
    expect(operation).to_contain_text("France declares two Malian diplomats persona non grata")
    screenshot("redoc-operation", full_page=False)
    assert blocked_requests == []

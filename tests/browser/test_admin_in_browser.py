"""An editor enters a persona non grata declaration in the admin, in Chromium."""

import json
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def log_in(page, live_server, account, screenshot):
    page.goto(f"{live_server.url}/admin/")
    screenshot("login-page")
    page.fill("#id_username", account["username"])
    page.fill("#id_password", account["password"])
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_be_visible()
    expect(page.locator("#content")).to_contain_text("Persona non grata declarations")
    screenshot("admin-index")


def autocomplete(page, field_id, term, choice):
    """Pick `choice` in the select2 autocomplete of the select `field_id`."""
    page.click(f"#{field_id} + .select2 .select2-selection")
    page.locator(".select2-container--open .select2-search__field").fill(term)
    page.locator(".select2-results__option", has_text=choice).first.click()
    expect(page.locator(f"#{field_id} + .select2")).to_contain_text(choice)


def fill_declaration(page, *, leave_by):
    autocomplete(page, "id_actor", "Fran", "France (FR)")
    autocomplete(page, "id_target", "Mali", "Mali (ML)")
    page.fill("#id_summary", "France declares two more Malian diplomats persona non grata.")
    page.fill("#id_date", "2025-10-02")
    page.select_option("#id_date_precision", "day")
    autocomplete(page, "id_episode", "Mali", "France–Mali 2025")
    page.fill("#id_persons_count", "2")
    page.select_option("#id_grounds", "reciprocity")
    page.fill("#id_leave_by", leave_by)
    autocomplete(page, "id_citations-0-source", "Associated", "Associated Press")
    page.fill("#id_citations-0-quote", "Two more Malian diplomats were told to leave.")
    page.fill("#id_citations-0-attribution", "AP")


def test_an_editor_enters_a_declaration_and_the_api_serves_it(
    editor_account, page, live_server, screenshot
):
    log_in(page, live_server, editor_account, screenshot)
    page.goto(f"{live_server.url}/admin/actions/personanongratadeclaration/add/")
    screenshot("empty-form")
    fill_declaration(page, leave_by="2025-10-05")

    # One envoy already in the dataset, picked by autocomplete...
    autocomplete(page, "id_envoys", "embassy in Paris", "Malian embassy in Paris")
    # ...and one created from the action form, in the admin's pop-up.
    with page.expect_popup() as popup_info:
        page.click("#add_id_envoys")
    popup = popup_info.value
    popup.fill("#id_description", "Cultural attaché of the Malian embassy in Paris (unnamed)")
    autocomplete(popup, "id_sending_state", "Mali", "Mali (ML)")
    screenshot("new-envoy-popup", of=popup)
    with popup.expect_event("close"):
        popup.click("input[name=_save]")
    expect(page.locator("#id_envoys + .select2")).to_contain_text("Cultural attaché")
    screenshot("filled-form")

    page.click("input[name=_save]")
    expect(page.locator(".messagelist .success")).to_contain_text("was added successfully")
    screenshot("saved")

    page.goto(f"{live_server.url}/api/v1/actions/")
    expect(page.locator("body")).to_contain_text("France declares two more Malian diplomats")
    screenshot("in-the-api")
    page.goto(f"{live_server.url}/api/v1/actions/?format=json")
    newest = json.loads(page.locator("body").inner_text())["results"][0]
    assert newest["summary"].startswith("France declares two more Malian diplomats")
    assert newest["kind"] == "persona_non_grata"
    assert (newest["actor"]["code"], newest["target"]["code"]) == ("FR", "ML")
    assert sorted(envoy["description"] for envoy in newest["envoys"]) == [
        "Cultural attaché of the Malian embassy in Paris (unnamed)",
        "Member of the Malian embassy in Paris declared persona non grata (unnamed)",
    ]
    assert [c["source"]["publisher"] for c in newest["citations"]] == [
        "Associated Press (republished by billboardlifestyle.com)"
    ]
    assert newest["episode"]["slug"] == "france-mali-2025"


def test_an_invalid_declaration_shows_the_error_next_to_its_field(
    editor_account, page, live_server, screenshot
):
    log_in(page, live_server, editor_account, screenshot)
    page.goto(f"{live_server.url}/admin/actions/personanongratadeclaration/add/")
    fill_declaration(page, leave_by="2025-09-30")  # before the date of the action
    page.click("input[name=_save]")

    expect(page.locator(".errornote")).to_be_visible()
    field = page.locator(".form-row.field-leave_by")
    expect(field.locator(".errorlist")).to_have_text("Cannot be before the date of the action.")
    expect(field).to_have_class(re.compile(r"\berrors\b"))
    field.scroll_into_view_if_needed()
    screenshot("error-next-to-leave-by")
    page.goto(f"{live_server.url}/api/v1/actions/?format=json")
    assert json.loads(page.locator("body").inner_text())["count"] == 8

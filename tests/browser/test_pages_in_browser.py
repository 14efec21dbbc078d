"""The readers' pages in Chromium: the timeline is drawn, its marks link to their
entries, every link is reached with the keyboard, nothing comes from another host."""

import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import expect

from tests.seed import EPISODE_SLUG

pytestmark = pytest.mark.browser

SVG = "{http://www.w3.org/2000/svg}"
EPISODE_PAGE = f"/episodes/{EPISODE_SLUG}/"
PAGES = {
    "landing": "/",
    "episodes": "/episodes/",
    "episode": EPISODE_PAGE,
    "state": "/states/ML/",
}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def test_the_france_mali_page_draws_its_marks_and_the_arrows_of_its_response_chain(
    page, live_server, blocked_requests, screenshot
):
    page.goto(f"{live_server.url}{EPISODE_PAGE}")
    timeline = page.locator("svg.timeline")
    expect(timeline).to_be_visible()
    marks = timeline.locator("a.mark")
    expect(marks).to_have_count(8)
    arrows = timeline.locator("path.arrow")
    expect(arrows).to_have_count(6)
    screenshot("timeline", of=timeline)

    # Drawn, not only present: each mark and arrow has a box on the screen.
    for locator in (marks, arrows):
        for index in range(locator.count()):
            box = locator.nth(index).bounding_box()
            assert box and box["width"] > 0 and box["height"] > 0
    # Each arrow starts at its action's mark and ends at the mark of what it answers.
    ends = page.evaluate(
        """() => [...document.querySelectorAll('svg.timeline path.arrow')].map(arrow => {
            const length = arrow.getTotalLength();
            const start = arrow.getPointAtLength(0), end = arrow.getPointAtLength(length);
            const centre = id => {
                const box = document.querySelector(
                    `svg.timeline a.mark[data-action="${id}"] .shape`).getBBox();
                return {x: box.x + box.width / 2, y: box.y + box.height / 2};
            };
            const distance = (p, q) => Math.hypot(p.x - q.x, p.y - q.y);
            return [distance(start, centre(arrow.dataset.from)),
                    distance(end, centre(arrow.dataset.to))];
        })"""
    )
    assert all(start < 20 and end < 20 for start, end in ends), ends

    # A mark leads to its entry, with its citations.
    marks.nth(4).click()
    action = marks.nth(4).get_attribute("data-action")
    assert page.url.endswith(f"#action-{action}")
    entry = page.locator(f"#action-{action}")
    expect(entry).to_be_in_viewport()
    expect(entry.locator(".citation").first).to_be_visible()
    screenshot("entry-of-mark-5", full_page=False)
    assert blocked_requests == []


def test_the_svg_endpoint_returns_well_formed_svg_with_a_mark_per_action(
    page, live_server, blocked_requests, screenshot
):
    response = page.goto(f"{live_server.url}/api/v1/episodes/{EPISODE_SLUG}/timeline.svg")

    assert response.status == 200
    assert response.headers["content-type"] == "image/svg+xml; charset=utf-8"
    svg = ET.fromstring(response.body())
    assert svg.find(f"{SVG}title").text.startswith("Timeline: France–Mali 2025")
    assert len([a for a in svg.iter(f"{SVG}a") if a.get("class") == "mark"]) == 8
    # Chromium renders it as an SVG document, marks and all.
    expect(page.locator("a.mark")).to_have_count(8)
    screenshot("timeline-svg", full_page=False)  # an SVG document has no page to scroll
    # As an <img> in another page (a newsroom's article), it is drawn too.
    page.goto(f"{live_server.url}/")
    page.set_content(
        f'<img alt="" src="{live_server.url}/api/v1/episodes/{EPISODE_SLUG}/timeline.svg">'
    )
    image = page.locator("img")
    expect(image).to_have_js_property("complete", True)
    assert image.evaluate("img => img.naturalWidth") == 960
    screenshot("timeline-as-img")
    assert blocked_requests == []


@pytest.mark.parametrize("name", PAGES)
def test_a_keyboard_user_reaches_every_link(page, live_server, blocked_requests, name):
    page.goto(f"{live_server.url}{PAGES[name]}")
    total = page.evaluate(
        """() => { const links = document.querySelectorAll('a[href]');
                   links.forEach((link, index) => link.dataset.link = index);
                   return links.length; }"""
    )
    reached = set()
    for _ in range(total * 2 + 20):
        page.keyboard.press("Tab")
        index = page.evaluate("() => document.activeElement?.dataset?.link ?? null")
        if index is not None:
            reached.add(int(index))
        if len(reached) == total:
            break
    missing = page.evaluate(
        "indexes => [...document.querySelectorAll('a[href]')]"
        ".filter((_, i) => !indexes.includes(i)).map(a => a.outerHTML.slice(0, 120))",
        sorted(reached),
    )
    assert missing == []
    assert total > 5
    assert blocked_requests == []


@pytest.mark.parametrize("name", PAGES)
def test_each_page_at_desktop_and_phone_widths(
    page, live_server, blocked_requests, screenshot, name
):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for width, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        page.goto(f"{live_server.url}{PAGES[name]}")
        expect(page.locator("h1")).to_be_visible()
        # Nothing wider than the screen but the pictures' own scrolling boxes.
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} is {overflow}px too wide at {width} width"
        screenshot(f"{name}-{width}")
    assert blocked_requests == []
    assert all(url.startswith(live_server.url) for url in requested)

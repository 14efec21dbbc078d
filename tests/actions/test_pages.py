"""The readers' pages (actions/pages/): an episode with its timeline, the
episodes, a state, the landing page's data; each in a constant number of queries."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions.models import Action, Citation, Episode, Source
from diplomacy.models import Envoy
from tests.seed import EPISODE_SLUG, FRENCH_PNG, MALI_PNG, action_id

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
EPISODE_PAGE = f"/episodes/{EPISODE_SLUG}/"
PAGES = [EPISODE_PAGE, "/episodes/", "/episodes/?state=ML&year=2025", "/states/ML/", "/"]


def inline_svgs(html: str) -> list[ET.Element]:
    """Every <svg> of an HTML page, parsed as XML (they must be well-formed)."""
    return [ET.fromstring(markup) for markup in re.findall(r"<svg\b.*?</svg>", html, re.S)]


def timeline_of(html: str) -> ET.Element:
    (svg,) = [svg for svg in inline_svgs(html) if svg.get("class") == "timeline"]
    return svg


def marks_of(svg: ET.Element) -> list[ET.Element]:
    return [node for node in svg.iter(f"{SVG}a") if node.get("class") == "mark"]


def arrows_of(svg: ET.Element) -> list[ET.Element]:
    return [node for node in svg.iter(f"{SVG}path") if node.get("class") == "arrow"]


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    queries = len(context.captured_queries)  # read now: the next request clears it
    assert response.status_code == 200, url
    return queries


def add_actions(count: int) -> None:
    """More actions in the seed episode and in a new one, of Mali and France, each
    answering the last, cited twice, with envoys, as editors would enter them."""
    episode = Episode.objects.get(slug=EPISODE_SLUG)
    other = Episode.objects.create(slug="more-2026", title="More, 2026")
    sources = [Source.objects.create(publisher=f"Publisher {n}", title="Report") for n in (1, 2)]
    envoys = [Envoy.objects.create(description=f"staff {n}", sending_state_id="FR") for n in (1, 2)]
    previous = Action.objects.get(uid=FRENCH_PNG)
    for number in range(count):
        action = Action.objects.create(
            kind="persona_non_grata", actor_id="ML", target_id="FR", persons_count=2,
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
            date_precision="month" if number % 3 == 0 else "day",
            summary=f"Expulsion {number}", episode=episode if number % 2 else other,
            in_response_to=previous,
        )
        action.envoys.set(envoys)
        for source in sources:
            Citation.objects.create(action=action, source=source, supports="Two expelled.")
        previous = action


@pytest.mark.parametrize("url", PAGES)
def test_each_page_takes_as_many_queries_with_more_actions(
    client, url, every_kind, django_assert_num_queries
):
    before = count_queries(client, url)
    add_actions(12)

    with django_assert_num_queries(before):
        response = client.get(url)

    assert response.status_code == 200


def test_the_episode_page_shows_its_states_timeline_and_every_action(client):
    response = client.get(EPISODE_PAGE)

    assert response.status_code == 200
    page = response.content.decode()
    episode = Episode.objects.get(slug=EPISODE_SLUG)
    assert episode.title in page.replace("&#x27;", "'")
    assert 'href="/states/ML/"' in page and 'href="/states/FR/"' in page
    svg = timeline_of(page)
    assert svg.find(f"{SVG}title").text.startswith("Timeline: France–Mali 2025")
    assert svg.find(f"{SVG}desc").text.startswith("8 actions between Mali and France")
    marks = marks_of(svg)
    assert len(marks) == 8
    # Each mark links to its entry below.
    for mark in marks:
        assert f'id="action-{mark.get("data-action")}"' in page
        assert mark.get("href") == f"#action-{mark.get('data-action')}"
        assert mark.find(f"{SVG}title").text
    # One arrow per action answering another action of the episode.
    answers = episode.actions.filter(in_response_to__episode=episode)
    assert len(arrows_of(svg)) == answers.count() == 6
    assert {(a.get("data-from"), a.get("data-to")) for a in arrows_of(svg)} == {
        (str(action.pk), str(action.in_response_to_id)) for action in answers
    }


def test_marks_are_in_timeline_order_and_an_imprecise_date_is_a_bar(client):
    svg = timeline_of(client.get(EPISODE_PAGE).content.decode())
    marks = {mark.get("data-action"): mark for mark in marks_of(svg)}
    numbers = [mark.find(f"{SVG}text").text for mark in marks_of(svg)]
    assert numbers == [str(n) for n in range(1, 9)]

    def span(uid):
        return [node for node in marks[str(action_id(uid))] if node.get("class") == "span"]

    # Mali's declaration is known by its month, France's within a range of days:
    # bars, the month's shorter than the range (30 days against 35).
    (month,) = span(MALI_PNG)
    (range_,) = span(FRENCH_PNG)
    assert 0 < float(month.get("width")) < float(range_.get("width"))
    day_action = Action.objects.get(episode__slug=EPISODE_SLUG, date=datetime.date(2025, 9, 19))
    assert span(day_action.uid) == []


def test_the_episode_page_gives_every_citation_with_its_source(client):
    page = client.get(EPISODE_PAGE).content.decode()
    citations = Citation.objects.filter(action__episode__slug=EPISODE_SLUG).select_related(
        "source"
    )

    assert page.count('class="citation"') == citations.count()
    for citation in citations:
        source = citation.source
        if source.url:
            assert f'href="{source.url}"' in page
        if citation.supports:
            assert citation.supports.replace("'", "&#x27;").replace('"', "&quot;") in page
    assert "Deadline to leave" in page
    assert "Envoys" in page


def test_an_unknown_episode_or_state_is_404(client):
    assert client.get("/episodes/no-such-episode/").status_code == 404
    assert client.get("/states/QQ/").status_code == 404


def test_a_state_code_in_lower_case_redirects(client):
    response = client.get("/states/ml/")
    assert response.status_code == 301
    assert response["Location"] == "/states/ML/"


def test_the_episodes_index_lists_newest_first_with_counts_by_kind(client, every_kind):
    page = client.get("/episodes/").content.decode()

    slugs = re.findall(r'class="episode-summary" data-slug="([^"]+)"', page)
    # By the latest day of their actions: France–Mali's ends with a month (September).
    assert slugs == ["france-mali-2025", "australia-iran-2025", "algeria-morocco-2021"]
    assert "3 statements" not in page  # counted by kind: France–Mali has three
    assert "3 diplomatic statements" in page
    assert "2 persona non grata declarations" in page


@pytest.mark.parametrize(
    ("query", "slugs"),
    [
        ("state=ML", ["france-mali-2025"]),
        ("state=MA", ["algeria-morocco-2021"]),
        ("year=2021", ["algeria-morocco-2021"]),
        ("year=2025&state=AU", ["australia-iran-2025"]),
        ("year=2021&state=ML", []),
    ],
)
def test_the_episodes_index_filters_by_state_and_year(client, every_kind, query, slugs):
    response = client.get(f"/episodes/?{query}")

    assert response.status_code == 200
    found = re.findall(r'data-slug="([^"]+)"', response.content.decode())
    assert found == slugs


@pytest.mark.parametrize("query", ["year=abc", "state=QQ", "year=1800"])
def test_a_bad_filter_is_400_with_the_form_saying_why(client, query):
    response = client.get(f"/episodes/?{query}")

    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_the_state_page_charts_actions_taken_and_received_per_year(client):
    page = client.get("/states/ML/").content.decode()

    (chart,) = [svg for svg in inline_svgs(page) if svg.get("class") == "chart"]
    assert chart.find(f"{SVG}title").text == "Actions taken and received by Mali, per year"
    bars = {
        (bar.get("data-series"), bar.get("data-year")): int(bar.get("data-count"))
        for bar in chart.iter(f"{SVG}rect")
        if bar.get("class") == "bar"
    }
    taken = Action.objects.filter(actor_id="ML").count()
    received = Action.objects.filter(target_id="ML").count()
    assert bars == {("taken", "2025"): taken, ("received", "2025"): received}
    assert f'href="{EPISODE_PAGE}"' in page
    assert page.count(f'href="{EPISODE_PAGE}#action-') == taken + received


def test_the_landing_page_shows_totals_latest_episodes_and_a_chart(client, every_kind):
    page = client.get("/").content.decode()

    assert f"<strong>{Action.objects.count()}</strong> actions" in page
    assert f"<strong>{Episode.objects.count()}</strong> episodes" in page
    assert f'href="{EPISODE_PAGE}"' in page
    assert 'href="/episodes/"' in page
    (chart,) = [svg for svg in inline_svgs(page) if svg.get("class") == "chart"]
    assert chart.find(f"{SVG}title").text == "Actions per year, by kind"
    counted = sum(
        int(bar.get("data-count")) for bar in chart.iter(f"{SVG}rect") if bar.get("class") == "bar"
    )
    assert counted == Action.objects.count()


@pytest.mark.parametrize("url", PAGES)
def test_no_page_loads_anything_from_another_host(client, url):
    page = client.get(url).content.decode()
    # Links to the sources' pages are links; nothing is loaded from anywhere.
    assert not re.search(r"""\bsrc=["']?(https?:)?//""", page)
    assert not re.search(r"""<link[^>]*href=["']?(https?:)?//""", page)
    assert not re.search(r"url\((?!#)|@import", page)  # url(#arrowhead) is in the page
    assert "<script" not in page


def test_a_title_cannot_break_the_picture(client):
    episode = Episode.objects.get(slug=EPISODE_SLUG)
    episode.title = 'A <b>"title"</b> & </svg><script>alert(1)</script>'
    episode.save()

    page = client.get(EPISODE_PAGE).content.decode()

    assert "<script>" not in page
    assert timeline_of(page).find(f"{SVG}title").text == f"Timeline: {episode.title}"

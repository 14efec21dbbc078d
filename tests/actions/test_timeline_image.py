"""/api/v1/episodes/{slug}/timeline.svg: the timeline picture as an image to embed."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
import yaml

from actions.models import Action
from tests.seed import EPISODE_SLUG, FRENCH_WARNING

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
URL = f"/api/v1/episodes/{EPISODE_SLUG}/timeline.svg"


def test_the_image_is_well_formed_svg_with_a_title_and_one_mark_per_action(api_client):
    response = api_client.get(URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    svg = ET.fromstring(response.content)
    assert svg.tag == f"{SVG}svg"
    title, desc = list(svg)[:2]
    assert title.tag == f"{SVG}title" and title.text.startswith("Timeline: France–Mali 2025")
    assert desc.tag == f"{SVG}desc" and "8 actions" in desc.text
    marks = [a for a in svg.iter(f"{SVG}a") if a.get("class") == "mark"]
    assert len(marks) == Action.objects.filter(episode__slug=EPISODE_SLUG).count() == 8
    arrows = [p for p in svg.iter(f"{SVG}path") if p.get("class") == "arrow"]
    assert len(arrows) == 6
    # Marks link to the action's entry on the page, out of any frame it is shown in.
    for mark in marks:
        assert mark.get("href") == (
            f"http://testserver/episodes/{EPISODE_SLUG}/#action-{mark.get('data-action')}"
        )
        assert mark.get("target") == "_top"


def test_the_image_is_self_contained(api_client):
    content = api_client.get(URL).content.decode()

    assert "<script" not in content
    assert not re.search(r"""(src|xlink:href)=|@import|url\((?!#)""", content)
    hrefs = re.findall(r'href="([^"]+)"', content)
    assert hrefs and all(href.startswith("http://testserver/episodes/") for href in hrefs)


def test_the_image_carries_an_etag_of_the_episode_and_answers_304(api_client):
    response = api_client.get(URL)
    etag = response["ETag"]

    assert re.fullmatch(r'"\d+-[0-9a-f]{32}"', etag)
    assert response["Cache-Control"] == "public, no-cache"
    again = api_client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


def test_a_change_to_an_action_changes_the_etag(api_client):
    before = api_client.get(URL)["ETag"]
    action = Action.objects.get(uid=FRENCH_WARNING)
    action.date = datetime.date(2025, 9, 20)
    action.save()

    response = api_client.get(URL, HTTP_IF_NONE_MATCH=before)

    assert response.status_code == 200
    assert response["ETag"] != before


def test_a_second_request_comes_from_the_response_cache(api_client, django_assert_num_queries):
    first = api_client.get(URL)
    with django_assert_num_queries(0):
        second = api_client.get(URL)

    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Cache-Control"] == "public, no-cache"


def test_the_image_takes_as_many_queries_with_more_actions(
    api_client, settings, django_assert_num_queries
):
    settings.RESPONSE_CACHE_SECONDS = 0
    with django_assert_num_queries(2):
        api_client.get(URL)
    warning = Action.objects.get(uid=FRENCH_WARNING)
    for number in range(10):
        Action.objects.create(
            kind="statement", actor_id="FR", target_id="ML", statement_type="demand",
            date=datetime.date(2025, 10, 1 + number), summary=f"Statement {number}",
            episode=warning.episode, in_response_to=warning,
        )
    with django_assert_num_queries(2):
        response = api_client.get(URL)
    assert len([a for a in ET.fromstring(response.content).iter(f"{SVG}a")]) == 18


def test_an_unknown_episode_is_a_404_problem(api_client):
    response = api_client.get("/api/v1/episodes/no-such-episode/timeline.svg")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_a_client_that_accepts_only_json_gets_406(api_client):
    response = api_client.get(URL, HTTP_ACCEPT="application/json")

    assert response.status_code == 406
    assert response["Content-Type"] == "application/problem+json"


def test_the_schema_documents_the_image(client):
    schema = yaml.safe_load(client.get("/api/schema/").content)
    operation = schema["paths"]["/api/v1/episodes/{slug}/timeline.svg"]["get"]

    assert operation["tags"] == ["episodes"]
    ok = operation["responses"]["200"]
    assert list(ok["content"]) == ["image/svg+xml"]
    assert {"ETag", "Cache-Control"} <= set(ok["headers"])
    assert "404" in operation["responses"] and "304" in operation["responses"]

"""/api/v1/episodes/: looked up by slug."""

import pytest

from actions.models import Action, Episode
from tests import seed
from tests.actions.conftest import action_payload
from tests.api_case import ResourceAPITestCase
from tests.conditional import if_match
from tests.problems import assert_invalid

pytestmark = pytest.mark.django_db


class TestEpisodeAPI(ResourceAPITestCase):
    resource_names = ("episodes",)


def test_list_and_detail_by_slug(client):
    body = client.get("/api/v1/episodes/").json()
    assert [episode["slug"] for episode in body["results"]] == [seed.EPISODE_SLUG]

    response = client.get(f"/api/v1/episodes/{seed.EPISODE_SLUG}/")
    assert response.status_code == 200
    assert set(response.json()) == {"slug", "title", "summary", "created_at", "updated_at"}


def test_a_duplicate_slug_is_a_400(editor_client):
    count = Episode.objects.count()

    response = editor_client.post(
        "/api/v1/episodes/", {"slug": seed.EPISODE_SLUG, "title": "Again"}
    )

    assert_invalid(response, "slug")
    assert Episode.objects.count() == count
    assert Episode.objects.get(slug=seed.EPISODE_SLUG).title != "Again"


def test_an_invalid_slug_is_a_400(editor_client):
    count = Episode.objects.count()

    response = editor_client.post("/api/v1/episodes/", {"slug": "not a slug", "title": "x"})

    assert_invalid(response, "slug")
    assert Episode.objects.count() == count


def test_an_action_is_put_in_an_episode_by_slug(editor_client):
    editor_client.post("/api/v1/episodes/", {"slug": "test-episode", "title": "Test"})

    response = editor_client.post(
        "/api/v1/detentions/", action_payload("detentions", episode="test-episode")
    )

    assert response.status_code == 201
    assert response.json()["episode"] == {"slug": "test-episode", "title": "Test"}


def test_an_unknown_episode_slug_is_a_400_on_episode(editor_client):
    count = Action.objects.count()

    response = editor_client.post(
        "/api/v1/detentions/", action_payload("detentions", episode="no-such-episode")
    )

    assert list(assert_invalid(response, "episode")) == ["episode"]
    assert Action.objects.count() == count


def test_deleting_an_episode_keeps_its_actions(editor_client):
    editor_client.post("/api/v1/episodes/", {"slug": "test-episode", "title": "Test"})
    action = editor_client.post(
        "/api/v1/detentions/", action_payload("detentions", episode="test-episode")
    ).json()

    assert editor_client.delete(
        "/api/v1/episodes/test-episode/",
        **if_match(editor_client, "/api/v1/episodes/test-episode/"),
    ).status_code == 204

    assert Action.objects.get(pk=action["id"]).episode is None
    assert not Episode.objects.filter(slug="test-episode").exists()


def test_a_timeline_entry_answering_nothing_has_a_null_the_schema_allows(
    api_client, openapi_schema
):
    response = api_client.get(f"/api/v1/episodes/{seed.EPISODE_SLUG}/timeline/")
    first = response.json()["actions"][0]
    assert first["in_response_to"] is None
    schema = openapi_schema
    entry = schema["components"]["schemas"]["TimelineEntry"]["properties"]["in_response_to"]
    assert entry.get("nullable") is True

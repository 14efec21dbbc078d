"""/api/v1/episodes/: looked up by slug."""

import pytest

from actions.models import Action, Episode
from tests import seed
from tests.actions.conftest import action_payload

pytestmark = pytest.mark.django_db


def test_list_and_detail_by_slug(client):
    body = client.get("/api/v1/episodes/").json()
    assert [episode["slug"] for episode in body["results"]] == [seed.EPISODE_SLUG]

    response = client.get(f"/api/v1/episodes/{seed.EPISODE_SLUG}/")
    assert response.status_code == 200
    assert set(response.json()) == {"slug", "title", "summary", "created_at", "updated_at"}


def test_unknown_slug_is_a_json_404(client):
    response = client.get("/api/v1/episodes/no-such-episode/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_create_read_update_delete(editor_client, client):
    payload = {"slug": "uk-russia-2018", "title": "Skripal poisoning", "summary": "Expulsions."}
    response = editor_client.post("/api/v1/episodes/", payload)
    assert response.status_code == 201, response.json()

    url = "/api/v1/episodes/uk-russia-2018/"
    assert client.get(url).json()["title"] == "Skripal poisoning"

    response = editor_client.patch(url, {"title": "Salisbury poisoning"})
    assert response.status_code == 200
    assert response.json()["title"] == "Salisbury poisoning"

    response = editor_client.put(url, {**payload, "summary": "Mass expulsions."})
    assert response.status_code == 200
    assert response.json()["summary"] == "Mass expulsions."

    assert editor_client.delete(url).status_code == 204
    assert client.get(url).status_code == 404


def test_a_duplicate_slug_is_a_400(editor_client):
    response = editor_client.post(
        "/api/v1/episodes/", {"slug": seed.EPISODE_SLUG, "title": "Again"}
    )

    assert response.status_code == 400
    assert "slug" in response.json()


def test_an_invalid_slug_is_a_400(editor_client):
    response = editor_client.post("/api/v1/episodes/", {"slug": "not a slug", "title": "x"})

    assert response.status_code == 400
    assert "slug" in response.json()


def test_an_action_is_put_in_an_episode_by_slug(editor_client):
    editor_client.post("/api/v1/episodes/", {"slug": "test-episode", "title": "Test"})

    response = editor_client.post(
        "/api/v1/detentions/", action_payload("detentions", episode="test-episode")
    )

    assert response.status_code == 201
    assert response.json()["episode"] == {"slug": "test-episode", "title": "Test"}


def test_an_unknown_episode_slug_is_a_400_on_episode(editor_client):
    response = editor_client.post(
        "/api/v1/detentions/", action_payload("detentions", episode="no-such-episode")
    )

    assert response.status_code == 400
    assert list(response.json()) == ["episode"]


def test_deleting_an_episode_keeps_its_actions(editor_client):
    editor_client.post("/api/v1/episodes/", {"slug": "test-episode", "title": "Test"})
    action = editor_client.post(
        "/api/v1/detentions/", action_payload("detentions", episode="test-episode")
    ).json()

    assert editor_client.delete("/api/v1/episodes/test-episode/").status_code == 204

    assert Action.objects.get(pk=action["id"]).episode is None
    assert not Episode.objects.filter(slug="test-episode").exists()

"""Errors are JSON everywhere under /api/, never an HTML page or a 500."""

import pytest

from diplomacy.models import State

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/api/nothing-here/",
        "/api/v1/nothing-here/",
        "/api/v1/states/123/",
        "/api/v1/episodes/a/b/c/",
        "/api/v2/actions/",
    ],
)
@pytest.mark.parametrize("method", ["get", "post", "delete"])
def test_unknown_api_path_is_a_json_404(editor_client, method, path):
    response = getattr(editor_client, method)(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_a_malformed_id_is_a_json_404(client):
    response = client.get("/api/v1/actions/not-a-number/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_unknown_record_is_a_json_404(client):
    response = client.get("/api/v1/detentions/999999999/")

    assert response.status_code == 404
    assert response.json() == {"detail": "No Detention matches the given query."}


def test_malformed_json_is_a_400(editor_client):
    response = editor_client.post(
        "/api/v1/states/", data='{"code": "XK", "name": ', content_type="application/json"
    )

    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]
    assert not State.objects.filter(code="XK").exists()


def test_a_json_body_that_is_not_an_object_is_a_400(editor_client):
    response = editor_client.post(
        "/api/v1/states/", data='["XK"]', content_type="application/json"
    )

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"


def test_unsupported_media_type_is_a_415(editor_client):
    response = editor_client.post("/api/v1/states/", data="code=XK", content_type="text/plain")

    assert response.status_code == 415
    assert response["Content-Type"] == "application/json"


def test_the_api_root_lists_the_resources(client):
    response = client.get("/api/v1/")

    assert response.status_code == 200
    assert response.json()["states"].endswith("/api/v1/states/")
    assert response.json()["actions"].endswith("/api/v1/actions/")

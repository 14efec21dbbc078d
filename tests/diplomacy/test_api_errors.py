"""Errors are problem details (JSON) everywhere under /api/, never an HTML page or a 500."""

import pytest

from diplomacy.models import State
from tests.problems import assert_invalid, assert_problem

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

    assert_problem(response, 404, "not_found")


def test_a_malformed_id_is_a_json_404(client):
    response = client.get("/api/v1/actions/not-a-number/")

    assert_problem(response, 404, "not_found")


def test_unknown_record_is_a_json_404(client):
    response = client.get("/api/v1/detentions/999999999/")

    problem = assert_problem(response, 404, "not_found")
    assert problem["detail"] == "Not found."
    assert problem["instance"] == "/api/v1/detentions/999999999/"


def test_malformed_json_is_a_400(editor_client):
    response = editor_client.post(
        "/api/v1/states/", data='{"code": "XK", "name": ', content_type="application/json"
    )

    problem = assert_problem(response, 400, "parse_error")
    assert "JSON parse error" in problem["detail"]
    assert not State.objects.filter(code="XK").exists()


def test_a_json_body_that_is_not_an_object_is_a_400(editor_client):
    response = editor_client.post(
        "/api/v1/states/", data='["XK"]', content_type="application/json"
    )

    assert_invalid(response, "non_field_errors")
    assert not State.objects.filter(code="XK").exists()


def test_unsupported_media_type_is_a_415(editor_client):
    response = editor_client.post("/api/v1/states/", data="code=XK", content_type="text/plain")

    assert_problem(response, 415, "unsupported_media_type")
    assert not State.objects.filter(code="XK").exists()


def test_the_api_root_lists_the_resources(client):
    response = client.get("/api/v1/")

    assert response.status_code == 200
    assert response.json()["states"].endswith("/api/v1/states/")
    assert response.json()["actions"].endswith("/api/v1/actions/")

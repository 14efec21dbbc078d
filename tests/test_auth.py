"""Who may read and who may write: anonymous reads, Token or session writes, no Basic auth."""

import base64

import pytest
from django.contrib.auth.models import Permission
from rest_framework.test import APIClient

from actions.models import Episode

pytestmark = pytest.mark.django_db

EPISODE = {"slug": "auth-test", "title": "Auth test"}


def basic_header(username, password):
    credentials = base64.b64encode(f"{username}:{password}".encode()).decode()
    return f"Basic {credentials}"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/",
        "/api/v1/actions/",
        "/api/v1/states/ML/",
        "/api/v1/persona-non-grata-declarations/",
    ],
)
def test_anonymous_clients_read(api_client, url):
    assert api_client.get(url).status_code == 200


def test_anonymous_post_is_refused_with_401(api_client):
    response = api_client.post("/api/v1/episodes/", EPISODE, format="json")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert not Episode.objects.filter(slug="auth-test").exists()


def test_authenticated_user_without_permission_gets_403(reader_client):
    response = reader_client.post("/api/v1/episodes/", EPISODE, format="json")

    assert response.status_code == 403
    assert not Episode.objects.filter(slug="auth-test").exists()


def test_user_with_add_but_not_delete_permission_cannot_delete(django_user_model, api_client):
    user = django_user_model.objects.create_user(username="adder", password="pw")
    user.user_permissions.set(Permission.objects.filter(codename="add_episode"))
    api_client.force_authenticate(user)
    assert api_client.post("/api/v1/episodes/", EPISODE, format="json").status_code == 201

    assert api_client.delete("/api/v1/episodes/auth-test/").status_code == 403


def test_editor_token_creates(editor_client):
    response = editor_client.post("/api/v1/episodes/", EPISODE, format="json")

    assert response.status_code == 201
    assert response.wsgi_request.user.username == "editor"
    assert Episode.objects.filter(slug="auth-test").exists()


def test_an_invalid_token_is_refused(api_client):
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-key")

    assert api_client.post("/api/v1/episodes/", EPISODE, format="json").status_code == 401


def test_session_login_writes(editor):
    client = APIClient()
    assert client.login(username=editor.username, password="pw-for-tests")

    response = client.post("/api/v1/episodes/", EPISODE, format="json")

    assert response.status_code == 201


def test_session_writes_need_the_csrf_token(editor):
    client = APIClient(enforce_csrf_checks=True)
    client.login(username=editor.username, password="pw-for-tests")

    response = client.post("/api/v1/episodes/", EPISODE, format="json")

    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_basic_auth_is_not_accepted(editor, api_client):
    api_client.credentials(HTTP_AUTHORIZATION=basic_header(editor.username, "pw-for-tests"))

    response = api_client.post("/api/v1/episodes/", EPISODE, format="json")

    assert response.status_code == 401
    assert not Episode.objects.filter(slug="auth-test").exists()


def test_a_request_with_a_basic_header_is_read_as_anonymous(editor, api_client):
    api_client.credentials(HTTP_AUTHORIZATION=basic_header(editor.username, "pw-for-tests"))

    response = api_client.get("/api/v1/episodes/")

    assert response.status_code == 200
    assert response.wsgi_request.user.is_anonymous

"""Who may write: the permission matrix over every write of every resource."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.urls import get_resolver
from django.utils.crypto import get_random_string
from rest_framework.test import APIClient

from actions.models import Source
from tests.diplomacy.api.writable_resources import RESOURCES

OPERATIONS = {
    # operation: (HTTP method, permission, status when permitted)
    "create": ("post", "add", 201),
    "replace": ("put", "change", 200),
    "modify": ("patch", "change", 200),
    "delete": ("delete", "delete", 204),
}
WRITE_PERMISSIONS = ("add", "change", "delete")


def _permissions(model, actions):
    codenames = [f"{action}_{model._meta.model_name}" for action in actions]
    return Permission.objects.filter(
        content_type__app_label=model._meta.app_label, codename__in=codenames
    )


def _client_for(role, resource, permission, django_user_model, make_token_client):
    if role == "anonymous":
        return APIClient()
    granted = {
        "no_permission": [],
        "view_only": ["view"],
        "other_writes": ["view", *(p for p in WRITE_PERMISSIONS if p != permission)],
        "permitted": [permission],
    }[role]
    user = django_user_model.objects.create_user(username=f"{role}-user")
    user.user_permissions.set(_permissions(resource.model, granted))
    return make_token_client(user)


EXPECTED_REFUSAL = {
    "anonymous": 401,
    "no_permission": 403,
    "view_only": 403,
    "other_writes": 403,
}


def test_the_matrix_covers_every_writable_resource():
    from diplomacy.urls import api_v1  # noqa: F401  (the routers are registered on import)

    writable = set()
    for pattern in get_resolver().url_patterns:
        for route in getattr(pattern, "url_patterns", []):
            for inner in getattr(route, "url_patterns", []):
                callback = getattr(inner, "callback", None)
                actions = getattr(callback, "actions", {}) or {}
                if "post" in actions:
                    writable.add(str(inner.pattern).removesuffix("/$").lstrip("^"))
    assert writable == {resource.name for resource in RESOURCES}


@pytest.mark.parametrize("role", [*EXPECTED_REFUSAL, "permitted"])
@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize("resource", RESOURCES, ids=lambda resource: resource.name)
def test_write_permission_matrix(
    resource, operation, role, editor_client, django_user_model, make_token_client
):
    method, permission, success = OPERATIONS[operation]
    url, headers = resource.list_url, {}
    if operation != "create":
        created = editor_client.post(resource.list_url, resource.body)
        assert created.status_code == 201, created.json()
        url = resource.detail_url(created.json())
        headers["HTTP_IF_MATCH"] = created["ETag"]
    body = {"create": resource.body, "replace": resource.body, "modify": resource.change}.get(
        operation
    )
    client = _client_for(role, resource, permission, django_user_model, make_token_client)
    rows_before = resource.rows()

    response = getattr(client, method)(url, body, **headers)

    if role == "permitted":
        assert response.status_code == success, response.content
        assert resource.rows() != rows_before
    else:
        assert response.status_code == EXPECTED_REFUSAL[role], response.content
        assert resource.rows() == rows_before
        if role == "anonymous":
            assert response["WWW-Authenticate"] == "Token"


def test_a_session_write_needs_the_csrf_token(editor):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    body = {"publisher": "Reuters", "title": "Written in a session"}

    refused = client.post("/api/v1/sources/", body)

    assert refused.status_code == 403
    assert not Source.objects.filter(title=body["title"]).exists()
    secret = get_random_string(32)
    client.cookies[settings.CSRF_COOKIE_NAME] = secret
    accepted = client.post("/api/v1/sources/", body, HTTP_X_CSRFTOKEN=secret)
    assert accepted.status_code == 201

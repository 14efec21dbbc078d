"""Every error from /api/ is a problem document (RFC 9457), whatever raised it: never an
HTML page, never a 500 for bad input; one test per status.

An unknown record of each writable resource (404) is in the shared case
(`tests/api_case.py`); a record others depend on (409) in the resource's module.
"""

import json
import logging

import pytest
from django.test import Client

from diplomacy.api.limits.request_body import RequestBodyLimitMiddleware
from diplomacy.api.serializers import StateSerializer
from diplomacy.models import State
from tests.problems import assert_invalid, assert_problem


def test_validation_error_lists_each_field_with_its_code(editor_client, db):
    response = editor_client.post(
        "/api/v1/persona-non-grata-declarations/",
        {
            "actor": "ML",
            "target": "ZZ",
            "date": "2025-08-14",
            "summary": "x",
            "persons_count": "several",
            "grounds": "unspecified",
            "citations": [{"source": 999_999, "quote": "q"}],
        },
        format="json",
    )
    body = assert_problem(response, 400, "invalid")
    errors = {(error["field"], error["code"]) for error in body["errors"]}
    assert ("target", "does_not_exist") in errors
    assert ("persons_count", "invalid") in errors
    assert ("citations.0.source", "does_not_exist") in errors
    assert all(error["detail"] for error in body["errors"])


def test_a_violated_database_constraint_is_a_field_error(editor_client, db):
    response = editor_client.post(
        "/api/v1/cooperation-suspensions/",
        {"actor": "ML", "target": "ML", "date": "2025-08-14", "summary": "x", "domain": "military"},
        format="json",
    )
    body = assert_problem(response, 400, "invalid")
    assert [error["field"] for error in body["errors"]] == ["target"]


def test_malformed_json_is_a_parse_error(editor_client, db):
    response = editor_client.post(
        "/api/v1/states/", data='{"code": "XK", "name": ', content_type="application/json"
    )

    problem = assert_problem(response, 400, "parse_error")
    assert "JSON parse error" in problem["detail"]
    assert not State.objects.filter(code="XK").exists()


def test_a_json_body_that_is_not_an_object_is_a_400(editor_client, db):
    response = editor_client.post(
        "/api/v1/states/", data='["XK"]', content_type="application/json"
    )

    assert_invalid(response, "non_field_errors")
    assert not State.objects.filter(code="XK").exists()


def test_anonymous_write_is_401_with_the_scheme_to_use(api_client, db):
    response = api_client.post("/api/v1/episodes/", {"slug": "x", "title": "x"}, format="json")
    assert_problem(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"] == "Token"


def test_invalid_token_is_401(api_client, db):
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    assert_problem(api_client.get("/api/v1/states/"), 401, "authentication_failed")


def test_write_without_permission_is_403(reader_client, db):
    response = reader_client.post("/api/v1/episodes/", {"slug": "x", "title": "x"}, format="json")
    assert_problem(response, 403, "permission_denied")


@pytest.mark.parametrize("method", ["get", "post", "put", "patch", "delete", "options"])
def test_unknown_api_path_is_404_for_an_anonymous_client(api_client, db, method):
    response = getattr(api_client, method)("/api/v1/no-such-resource/42/")
    assert_problem(response, 404, "not_found")


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
def test_unknown_api_path_is_404_for_an_editor(editor_client, db, method, path):
    response = getattr(editor_client, method)(path)

    assert_problem(response, 404, "not_found")


def test_a_malformed_id_is_404(api_client, db):
    response = api_client.get("/api/v1/actions/not-a-number/")

    assert_problem(response, 404, "not_found")


def test_unknown_path_outside_the_api_stays_an_html_page(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_method_not_allowed_is_405_with_allow(editor_client, db):
    response = editor_client.post("/api/v1/actions/", {}, format="json")
    assert_problem(response, 405, "method_not_allowed")
    assert "POST" not in response["Allow"]


def test_unacceptable_media_type_is_406(api_client, db):
    response = api_client.get("/api/v1/states/ML/", HTTP_ACCEPT="application/xml")
    assert_problem(response, 406, "not_acceptable")


def test_errors_are_problems_even_for_a_browser(api_client, db):
    response = api_client.get("/api/v1/states/ZZ/", HTTP_ACCEPT="text/html")
    assert_problem(response, 404, "not_found")


def test_body_over_the_limit_is_413_unread(editor_client, db, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = json.dumps({"slug": "big", "title": "x" * 2000})
    response = editor_client.post("/api/v1/episodes/", data=body, content_type="application/json")
    assert_problem(response, 413, "payload_too_large")


@pytest.mark.parametrize(
    "content_type, body", [("application/yaml", "code: XK"), ("text/plain", "code=XK")]
)
def test_unsupported_body_media_type_is_415(editor_client, db, content_type, body):
    response = editor_client.post("/api/v1/states/", data=body, content_type=content_type)

    assert_problem(response, 415, "unsupported_media_type")
    assert not State.objects.filter(code="XK").exists()


def test_unhandled_exception_in_a_view_is_a_logged_500_that_tells_nothing(
    api_client, db, monkeypatch, caplog
):
    def explode(self, instance):
        raise RuntimeError("secret internals: password=hunter2")

    monkeypatch.setattr(StateSerializer, "to_representation", explode)
    with caplog.at_level(logging.ERROR, logger="diplomacy.api"):
        response = api_client.get("/api/v1/states/ML/")
    body = assert_problem(response, 500, "error")
    assert "secret" not in response.content.decode()
    assert "RuntimeError" not in response.content.decode()
    assert body["detail"] == "A server error occurred."
    logged = [record for record in caplog.records if record.name == "diplomacy.api"]
    assert logged and logged[0].exc_info[0] is RuntimeError


def test_unhandled_exception_outside_the_views_is_a_500_problem(db, monkeypatch):
    def explode(self, request):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(RequestBodyLimitMiddleware, "__call__", explode)
    response = Client(raise_request_exception=False).get("/api/v1/states/")
    assert_problem(response, 500, "error")
    assert "secret" not in response.content.decode()


def test_a_disallowed_host_is_a_400_problem(db):
    response = Client().get("/api/v1/states/", HTTP_HOST="attacker.example")
    assert_problem(response, 400, "bad_request")


def test_the_api_root_lists_the_resources(client, db):
    response = client.get("/api/v1/")

    assert response.status_code == 200
    assert response.json()["states"].endswith("/api/v1/states/")
    assert response.json()["actions"].endswith("/api/v1/actions/")

"""The open web can use the API: any origin reads, listed origins write; anonymous
reads may be cached by anyone, the rest by nobody."""

import pytest

from tests.conftest import token_client

pytestmark = pytest.mark.django_db

FEED = "/api/v1/actions/"
ORIGIN = "https://example.org"
EXPOSED = {"etag", "link", "x-cache", "x-total-count", "retry-after", "content-disposition"}


def exposed(response):
    return {name.strip().lower() for name in response["Access-Control-Expose-Headers"].split(",")}


def test_any_origin_reads_without_credentials(api_client):
    response = api_client.get(FEED, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert exposed(response) == EXPOSED


def test_a_read_preflight_from_any_origin_is_allowed(api_client):
    response = api_client.options(
        FEED, HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_a_write_preflight_from_an_unlisted_origin_is_refused(api_client, method):
    response = api_client.options(
        "/api/v1/sources/", HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD=method,
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization,content-type",
    )
    assert "Access-Control-Allow-Origin" not in response
    assert "Access-Control-Allow-Methods" not in response


def test_a_listed_origin_may_write(api_client, settings, editor):
    settings.CORS_ALLOWED_ORIGINS = ["https://editors.example.org"]
    preflight = api_client.options(
        "/api/v1/sources/", HTTP_ORIGIN="https://editors.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization,content-type",
    )
    assert preflight["Access-Control-Allow-Origin"] == "https://editors.example.org"
    assert "POST" in preflight["Access-Control-Allow-Methods"]
    assert "authorization" in preflight["Access-Control-Allow-Headers"]
    created = token_client(editor).post(
        "/api/v1/sources/", {"publisher": "AP", "title": "A report"},
        HTTP_ORIGIN="https://editors.example.org",
    )
    assert created.status_code == 201
    assert created["Access-Control-Allow-Origin"] == "https://editors.example.org"
    assert created["Cache-Control"] == "private, no-store"


def test_no_cors_headers_outside_the_api(client):
    assert "Access-Control-Allow-Origin" not in client.get("/admin/login/", HTTP_ORIGIN=ORIGIN)


@pytest.mark.parametrize(
    "url",
    [FEED, f"{FEED}?format=csv", "/api/v1/states/ML/", "/api/v1/episodes/france-mali-2025/",
     "/api/v1/stats/actions/", "/api/v1/dyads/FR-ML/", "/api/schema/", "/api/v1/"],
)
def test_anonymous_reads_are_public_for_a_while(api_client, url, settings):
    settings.HTTP_CACHE_MAX_AGE = 60
    settings.HTTP_CACHE_STALE_WHILE_REVALIDATE = 300
    response = api_client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60, stale-while-revalidate=300"
    vary = {name.strip().lower() for name in response["Vary"].split(",")}
    assert {"accept", "authorization", "cookie", "origin"} <= vary


def test_revalidation_with_the_etag_is_a_304_that_stays_public(api_client):
    first = api_client.get(FEED)
    again = api_client.get(FEED, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["Cache-Control"] == first["Cache-Control"]
    assert again["ETag"] == first["ETag"]


def test_the_max_age_is_configurable(api_client, settings):
    settings.HTTP_CACHE_MAX_AGE = 5
    settings.HTTP_CACHE_STALE_WHILE_REVALIDATE = 30
    assert api_client.get(FEED)["Cache-Control"] == "public, max-age=5, stale-while-revalidate=30"


def test_token_authenticated_reads_are_private(editor):
    response = token_client(editor).get(FEED)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_session_reads_are_private(admin_client):
    assert admin_client.get(FEED)["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    "url, status", [("/api/v1/actions/?state=XX", 400), ("/api/v1/nothing/", 404)]
)
def test_errors_are_not_kept(api_client, url, status):
    response = api_client.get(url)
    assert response.status_code == status
    assert response["Cache-Control"] == "private, no-store"

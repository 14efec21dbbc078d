"""ETags, If-None-Match (304) and the forms of If-Match.

Each writable resource's writes without If-Match (428), with a stale one (412) and
the ETag each write returns for the next are in the shared case (`tests/api_case.py`).
"""

import re

import pytest
from rest_framework.exceptions import ValidationError

from diplomacy.api.concurrency.conditional_requests import versions_in_if_match
from diplomacy.api.openapi.auto_schema import IF_MATCH_PATTERN
from tests.diplomacy.api.writable_resources import RESOURCES

STRONG_ETAG = re.compile(r'^"[^"]+"$')
RECORD_ETAG = re.compile(r'^"(\d+)-[0-9a-f]+"$')
READ_PATHS = [resource.list_url for resource in RESOURCES] + ["/api/v1/actions/"]


def _first_detail_url(client, list_url):
    results = client.get(list_url).json()["results"]
    assert results, f"no seed data under {list_url}"
    key = results[0].get("id", results[0].get("slug", results[0].get("code")))
    return f"{list_url}{key}/"


@pytest.mark.parametrize("list_url", READ_PATHS)
def test_every_get_has_a_strong_etag_and_answers_304_when_it_matches(
    api_client, list_url, every_kind
):
    detail_url = _first_detail_url(api_client, list_url)
    for url in (list_url, detail_url, f"{detail_url}history/"):
        response = api_client.get(url)
        assert response.status_code == 200
        etag = response["ETag"]
        assert STRONG_ETAG.match(etag), (url, etag)

        again = api_client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304, url
        assert again.content == b""
        assert again["ETag"] == etag

        other = api_client.get(url, HTTP_IF_NONE_MATCH='"something-else"')
        assert other.status_code == 200
    assert RECORD_ETAG.match(api_client.get(detail_url)["ETag"])


def test_etag_changes_with_the_record(editor_client, api_client, db):
    url = _first_detail_url(api_client, "/api/v1/sources/")
    etag = api_client.get(url)["ETag"]
    assert editor_client.patch(url, {"language": "de"}, HTTP_IF_MATCH=etag).status_code == 200

    response = api_client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_etag_of_a_record_changes_when_a_related_record_it_shows_changes(
    editor_client, api_client, db
):
    """The ETag is strong: it follows the bytes sent, nested source included."""
    action_url = _first_detail_url(api_client, "/api/v1/persona-non-grata-declarations/")
    action = api_client.get(action_url)
    source_id = action.json()["citations"][0]["source"]["id"]
    source_url = f"/api/v1/sources/{source_id}/"
    source_etag = api_client.get(source_url)["ETag"]
    editor_client.patch(source_url, {"title": "A corrected title"}, HTTP_IF_MATCH=source_etag)

    again = api_client.get(action_url, HTTP_IF_NONE_MATCH=action["ETag"])
    assert again.status_code == 200
    assert again.json()["citations"][0]["source"]["title"] == "A corrected title"


def _created(editor_client, resource):
    response = editor_client.post(resource.list_url, resource.body)
    assert response.status_code == 201, response.json()
    assert RECORD_ETAG.match(response["ETag"])
    return response


@pytest.mark.parametrize(
    "if_match, status",
    [
        ("*", 200),
        ("W/{etag}", 412),  # If-Match compares strongly: a weak tag never matches
        ('"not-an-etag"', 412),
        ('"999-0", {etag}', 200),  # any of a list
        ('"999-0", "998-0"', 412),
        # Not a list of entity tags: the header is refused, whatever the version.
        ("", 400),
        ("   ", 400),
        ("{etag} garbage", 400),
        ("1-abc", 400),  # unquoted
        ('"unterminated', 400),
        ('{etag}, ', 400),  # an empty member
        ('{etag}, nonsense', 400),
        ("*, {etag}", 400),
    ],
)
def test_if_match_forms(editor_client, if_match, status):
    resource = next(resource for resource in RESOURCES if resource.name == "sources")
    created = _created(editor_client, resource)
    url = resource.detail_url(created.json())

    response = editor_client.patch(
        url, resource.change, HTTP_IF_MATCH=if_match.format(etag=created["ETag"])
    )

    assert response.status_code == status
    if status == 400:
        assert response["Content-Type"].startswith("application/problem+json")
        assert [error["field"] for error in response.json()["errors"]] == ["If-Match"]


@pytest.mark.parametrize(
    "header",
    ["*", ' * ', '"3-abc"', '"3-abc", W/"2-def"', "", "  ", "3-abc", '"a,b"', 'W/"1', '*, "1"'],
)
def test_the_schema_pattern_of_if_match_is_what_the_api_accepts(header):
    """A header that fits the schema's pattern is read; any other is a 400 naming it."""
    fits = re.fullmatch(IF_MATCH_PATTERN, header) is not None
    try:
        versions_in_if_match(header)
    except ValidationError as error:
        assert not fits, (header, error.detail)
        assert list(error.detail) == ["If-Match"]
    else:
        assert fits, header

"""`?fields=` and `?omit=` on every resource, lists and records."""

import re

import pytest

from tests.api_helpers import error_fields
from tests.conditional import if_match


def keys(response):
    assert response.status_code == 200, response.content
    body = response.json()
    rows = body["results"] if "results" in body else [body]
    assert rows
    return [set(row) for row in rows]


def test_fields_on_the_feed(client, seed_ids):
    assert keys(client.get("/api/v1/actions/?fields=id,date")) == [{"id", "date"}] * 8


def test_a_kind_field_on_the_feed_appears_where_the_kind_has_it(client, seed_ids):
    rows = client.get("/api/v1/actions/?fields=id,persons_count").json()["results"]
    shapes = {row["id"]: set(row) for row in rows}
    assert shapes[seed_ids["ml_expels"]] == {"id", "persons_count"}
    assert shapes[seed_ids["ml_detains"]] == {"id"}  # a detention has no count


def test_omit_on_the_feed(client, seed_ids):
    full = keys(client.get(f"/api/v1/actions/{seed_ids['ml_detains']}/"))[0]
    lean = keys(client.get(f"/api/v1/actions/{seed_ids['ml_detains']}/?omit=citations,notes"))[0]
    assert lean == full - {"citations", "notes"}


def test_nested_objects_keep_their_shape(client, seed_ids):
    row = client.get(f"/api/v1/detentions/{seed_ids['ml_detains']}/?fields=actor,citations").json()
    assert row["actor"] == {"code": "ML", "name": "Mali"}
    assert set(row["citations"][0]) == {"id", "source", "supports", "quote", "attribution"}


@pytest.mark.parametrize(
    "url, fields",
    [
        ("/api/v1/persona-non-grata-declarations/", "id,persons_count,grounds"),
        ("/api/v1/cooperation-suspensions/", "id,domain"),
        ("/api/v1/detentions/", "envoys"),
        ("/api/v1/diplomatic-statements/", "statement_type"),
        ("/api/v1/episodes/", "slug,title"),
        ("/api/v1/episodes/france-mali-2025/", "slug"),
        ("/api/v1/sources/", "id,url"),
        ("/api/v1/states/", "code,name"),
        ("/api/v1/states/FR/", "name,official_name"),
        ("/api/v1/missions/", "city"),
        ("/api/v1/envoys/", "id,sending_state"),
    ],
)
def test_fields_and_omit_on_every_resource(client, seed_ids, url, fields):
    wanted = set(fields.split(","))
    assert all(shape == wanted for shape in keys(client.get(f"{url}?fields={fields}")))
    full = keys(client.get(url))[0]
    assert keys(client.get(f"{url}?omit={fields}"))[0] == full - wanted


def test_fields_on_the_deletions_feed(editor_client, client, seed_ids):
    url = f"/api/v1/diplomatic-statements/{seed_ids['fr_warns']}/"
    response = editor_client.delete(url, **if_match(editor_client, url))
    assert response.status_code == 204
    assert keys(client.get("/api/v1/deletions/?fields=key")) == [{"key"}]


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("fields=id,colour", "fields"),
        ("omit=colour", "omit"),
        ("fields=", "fields"),
        ("fields=envoy_ids", "fields"),  # a CSV column, not a JSON field
    ],
)
def test_unknown_field_is_a_400(client, db, query, parameter):
    response = client.get(f"/api/v1/actions/?{query}")
    assert response.status_code == 400
    assert error_fields(response) == [parameter]
    assert client.get(f"/api/v1/states/ML/?{query}").status_code == 400


def test_the_schema_says_fields_names_at_least_one(client, db):
    schema = client.get("/api/schema/?format=json").json()
    parameter = next(
        parameter
        for parameter in schema["paths"]["/api/v1/actions/"]["get"]["parameters"]
        if parameter["name"] == "fields"
    )
    pattern = re.compile(parameter["schema"]["pattern"])
    assert pattern.search("id,date") and pattern.search(" id ")
    assert not pattern.search("") and not pattern.search(" , ,")
    assert client.get("/api/v1/actions/?fields=%20,%20,").status_code == 400


def test_fields_do_not_touch_writes(editor_client, db):
    response = editor_client.post(
        "/api/v1/episodes/?fields=slug",
        {"slug": "test-episode", "title": "A test episode"},
        format="json",
    )
    assert response.status_code == 201
    assert "title" in response.json()

"""The query features are in the OpenAPI schema: parameters, formats and responses."""

import pytest
import yaml


@pytest.fixture(scope="module")
def schema():
    from django.test import Client

    response = Client().get("/api/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def parameters(schema, path, method="get"):
    return {param["name"]: param for param in schema["paths"][path][method].get("parameters", [])}


def test_feed_documents_filters_pagination_and_formats(schema):
    names = parameters(schema, "/api/v1/actions/")
    for name in [
        "state", "actor", "target", "dyad", "kind", "date_after", "date_before", "episode",
        "envoy", "grounds", "domain", "cameo", "in_response_to", "updated_since", "q",
        "ordering", "limit", "offset", "cursor", "fields", "omit", "format",
    ]:
        assert name in names, name
    response = schema["paths"]["/api/v1/actions/"]["get"]["responses"]["200"]
    assert set(response["content"]) == {"application/json", "text/csv"}
    assert response["content"]["text/csv"]["schema"]["type"] == "string"
    assert "Link" in response["headers"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/states/",
        "/api/v1/missions/",
        "/api/v1/envoys/",
        "/api/v1/episodes/",
        "/api/v1/sources/",
        "/api/v1/detentions/",
        "/api/v1/deletions/",
    ],
)
def test_every_list_documents_updated_since_fields_and_csv(schema, path):
    names = parameters(schema, path)
    assert {"updated_since", "fields", "omit", "format", "limit", "offset"} <= set(names)
    assert "text/csv" in schema["paths"][path]["get"]["responses"]["200"]["content"]


def test_the_other_endpoints_are_documented(schema):
    export = schema["paths"]["/api/v1/actions/export/"]["get"]
    assert set(export["responses"]["200"]["content"]) == {"text/csv", "application/x-ndjson"}
    assert "kind" in parameters(schema, "/api/v1/actions/export/")
    assert "group_by" in parameters(schema, "/api/v1/stats/actions/")
    assert "date_after" in parameters(schema, "/api/v1/dyads/{pair}/")
    assert "/api/v1/episodes/{slug}/timeline/" in schema["paths"]

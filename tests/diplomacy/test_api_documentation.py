"""The OpenAPI schema and its documentation pages: the schema generates and validates
without a warning, is served as YAML and JSON, lists every resource, documents every
operation, parameter, field and problem response, shows examples that are what the
API answers, and the two documentation pages load everything from this server.

The schema is generated once per run (the session fixture `openapi_schema`, in
`tests/conftest.py`); each writable resource's own operations are checked by the
shared case (`tests/api_case.py`).
"""

from html.parser import HTMLParser

import pytest
import yaml
from django.contrib.staticfiles import finders
from django.core.management import call_command
from drf_spectacular.drainage import GENERATOR_STATS

from actions.api import examples as action_examples
from actions.kinds import KINDS
from diplomacy.api import actor_examples
from tests.diplomacy.api.writable_resources import RESOURCES

PROBLEM = {"$ref": "#/components/schemas/Problem"}


@pytest.fixture
def schema(openapi_schema):
    return openapi_schema


def test_schema_generates_without_warnings_and_validates(tmp_path):
    # drf-spectacular counts warnings process-wide: without a reset, a warning
    # emitted by an earlier test would fail this one, and one emitted here
    # could be hidden by an earlier reset.
    GENERATOR_STATS.reset()
    output = tmp_path / "schema.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(output))

    assert yaml.safe_load(output.read_text())["paths"]


@pytest.mark.django_db
def test_schema_is_openapi_3_and_lists_every_resource(client):
    response = client.get("/api/schema/")

    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    for name in [*(resource.name for resource in RESOURCES), "actions"]:
        assert f"/api/v1/{name}/" in schema["paths"], name
    assert "post" not in schema["paths"]["/api/v1/actions/"]


def test_schema_as_json(schema):
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Diplomatic Actions API"


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def parameters(schema, path, method="get"):
    return {param["name"]: param for param in schema["paths"][path][method].get("parameters", [])}


def test_every_operation_has_a_summary_and_a_description(schema):
    undocumented = [
        name
        for name, operation in operations(schema)
        if not operation.get("summary") or not operation.get("description")
    ]
    assert undocumented == []


def test_every_parameter_has_a_description(schema):
    undocumented = [
        f"{name} {parameter['name']}"
        for name, operation in operations(schema)
        for parameter in operation.get("parameters", [])
        if not parameter.get("description")
    ]
    assert undocumented == []


def test_every_field_has_a_description(schema):
    undocumented = [
        f"{component}.{field}"
        for component, definition in schema["components"]["schemas"].items()
        for field, field_schema in definition.get("properties", {}).items()
        if not field_schema.get("description")
    ]
    assert undocumented == []


@pytest.mark.parametrize(
    "path, method, example",
    [
        ("/api/v1/persona-non-grata-declarations/{id}/", "get", "response"),
        ("/api/v1/persona-non-grata-declarations/", "post", "request"),
        ("/api/v1/actions/", "get", "response"),
        ("/api/v1/episodes/{slug}/", "get", "response"),
        ("/api/v1/states/{code}/", "get", "response"),
    ],
)
def test_operations_show_the_france_mali_episode(schema, path, method, example):
    operation = schema["paths"][path][method]
    if example == "request":
        content = operation["requestBody"]["content"]["application/json"]
    else:
        content = operation["responses"]["200"]["content"]["application/json"]
    values = [item["value"] for item in content["examples"].values()]
    assert values
    assert any("Mali" in str(value) or "ML" in str(value) for value in values)


def without_ids(value):
    """The ids of a record depend on the order rows were written; the rest must not."""
    if isinstance(value, dict):
        return {key: without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [without_ids(item) for item in value]
    return value


def seed_action_url(resource, summary):
    from actions.models import Action

    return f"/api/v1/{resource}/{Action.objects.get(summary=summary).pk}/"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", list(KINDS.values()), ids=list(KINDS))
def test_action_examples_are_what_the_api_answers(client, every_kind, kind):
    assert kind.example is not None, f"{kind.value} has no schema example"
    example = kind.example[1]
    response = client.get(seed_action_url(kind.slug, example["summary"]))
    assert without_ids(response.json()) == without_ids(example)


@pytest.mark.django_db
def test_other_examples_are_what_the_api_answers(client):
    from actions.models import Source
    from diplomacy.models import Envoy, Mission

    source = Source.objects.get(title=action_examples.SOURCE["title"])
    mission = Mission.objects.get(city="Bamako", sending_state="FR")
    envoy = Envoy.objects.get(description=actor_examples.ENVOY["description"])
    answers = {
        "/api/v1/episodes/france-mali-2025/": action_examples.EPISODE,
        f"/api/v1/sources/{source.pk}/": action_examples.SOURCE,
        "/api/v1/states/ML/": actor_examples.STATE,
        f"/api/v1/missions/{mission.pk}/": actor_examples.MISSION,
        f"/api/v1/envoys/{envoy.pk}/": actor_examples.ENVOY,
    }
    for url, example in answers.items():
        assert without_ids(client.get(url).json()) == without_ids(example), url


# The problem responses (RFC 9457) of every operation

def test_every_operation_documents_its_problem_responses(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            expected = {"401", "406", "429", "500"}
            if "{" in path:
                expected.add("404")
            if method in {"post", "put", "patch"}:
                expected |= {"400", "403", "413", "415"}
            if method == "delete":
                expected |= {"403", "409"}
            responses = operation["responses"]
            assert expected <= responses.keys(), (method, path)
            for status in expected:
                content = responses[status]["content"]
                assert content == {"application/problem+json": {"schema": PROBLEM}}, (
                    status, path,
                )
            assert "Retry-After" in responses["429"]["headers"]


def test_anonymous_reads_are_documented_as_such(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            assert ({} in operation["security"]) == (method == "get"), (method, path)


# The query features: parameters, formats and responses

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
    "path", [*(resource.list_url for resource in RESOURCES), "/api/v1/deletions/"]
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


# The documentation pages

class AssetCollector(HTMLParser):
    """Every URL a page makes the browser fetch: script src, link href, img src."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "img", "iframe"} and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.urls.append(attrs["href"])


def page_assets(html):
    collector = AssetCollector()
    collector.feed(html)
    return collector.urls


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_docs_load_every_asset_from_this_server_and_point_at_the_local_schema(client, url):
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assets = page_assets(html)
    assert any(asset.endswith(".js") for asset in assets)
    for asset in assets:
        assert asset.startswith("/static/"), asset
        assert finders.find(asset.removeprefix("/static/")), f"{asset} is not shipped"
    assert "//fonts.googleapis.com" not in html
    assert "cdn.jsdelivr.net" not in html
    assert "/api/schema/" in html

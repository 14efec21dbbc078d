"""The generated schema documents every operation, parameter and field."""

import pytest
import yaml
from django.core.management import call_command
from drf_spectacular.drainage import GENERATOR_STATS

from actions.api import examples as action_examples
from actions.kinds import KINDS
from diplomacy.api import actor_examples


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    path = tmp_path_factory.mktemp("schema") / "schema.yaml"
    GENERATOR_STATS.reset()
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(path))
    return yaml.safe_load(path.read_text())


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


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

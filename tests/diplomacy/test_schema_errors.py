"""The schema documents the problem responses of every operation, and generates cleanly."""

import pytest
from django.core.management import call_command
from drf_spectacular.drainage import GENERATOR_STATS

PROBLEM = {"$ref": "#/components/schemas/Problem"}


@pytest.fixture
def schema(api_client, db):
    return api_client.get("/api/schema/?format=json").json()


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_every_operation_documents_its_problem_responses(schema):
    for path, method, operation in operations(schema):
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
            assert content == {"application/problem+json": {"schema": PROBLEM}}, (status, path)
        assert "Retry-After" in responses["429"]["headers"]


def test_anonymous_reads_are_documented_as_such(schema):
    for _path, method, operation in operations(schema):
        assert ({} in operation["security"]) == (method == "get"), (method, _path)


def test_schema_validates_without_warnings(tmp_path):
    GENERATOR_STATS.reset()
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml")
    )

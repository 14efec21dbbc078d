"""The rules the schema cannot state: documented where they apply, the ones the API applies.

`tests.cross_field_rules.rules_by_operation` is the list the Schemathesis run
tolerates 400s for (tests/test_schemathesis.py): each of its rules must be in
the description of its operation, each operation that writes an action must
have the rules of its kind, and each rule must describe the errors the API
really answers (field and code).
"""

import datetime

import pytest

from actions.kinds import KINDS
from actions.models import Action, Citation, Source
from diplomacy.models import Envoy, Mission, State
from tests.cross_field_rules import rules_by_operation, rules_of
from tests.problems import assert_invalid

KIND_PATHS = {f"/api/v1/{kind.slug}/": kind for kind in KINDS.values()}
WRITES = ("POST", "PUT", "PATCH")


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method.upper(), operation


def test_every_rule_is_in_the_description_of_its_operation(openapi_schema):
    checked = 0
    for path, method, operation in operations(openapi_schema):
        for rule in rules_of(path, method):
            assert rule.text in operation.get("description", ""), (path, method, rule.text)
            checked += 1
    assert checked > 100


def test_every_operation_of_the_schema_is_known_to_the_rules(openapi_schema):
    from tests.cross_field_rules import path_shape

    listed = {(path_shape(path), method) for path, method, _ in operations(openapi_schema)}
    assert listed == set(rules_by_operation())


def _texts(path, method):
    return " ".join(rule.text for rule in rules_of(path, method))


@pytest.mark.parametrize("path", sorted(KIND_PATHS))
def test_each_kind_documents_its_rules_on_every_write(path):
    kind = KIND_PATHS[path]
    for method, operation_path in (("POST", path), ("PUT", f"{path}{{id}}/"),
                                   ("PATCH", f"{path}{{id}}/")):
        texts = _texts(operation_path, method)
        assert "`target` differs from `actor`" in texts
        assert "codes of states the API has" in texts
        assert "`announced_on` is not before `date`" in texts
        assert "`date_not_after` is required with `date_precision` `range`" in texts
        assert "`episode` is the slug of an existing episode" in texts
        assert "`in_response_to` is the id of another existing action" in texts
        assert "citation's `source` is the id of an existing source" in texts
        for name in ("leave_by", "departed_on", "resumed_on", "released_on", "returned_on",
                     "restored_on", "reopened_on"):
            assert (f"`{name}` is not before `date`" in texts) == (name in kind.fields)
        if kind.has_envoys:
            assert f"envoy of the {kind.envoys.value} state" in texts
        assert ("`mission` is the id of an existing mission" in texts) == (
            "mission" in kind.fields
        )


def test_the_actors_and_the_query_document_theirs():
    assert "`code` is not that of another state" in _texts("/api/v1/states/", "POST")
    assert "`alpha_3` is not that of another current state" in _texts("/api/v1/states/", "POST")
    assert "`code` stays the state's own" in _texts("/api/v1/states/{code}/", "PUT")
    assert "`slug` is not that of another episode" in _texts("/api/v1/episodes/", "POST")
    assert "without a `name` has a `description`" in _texts("/api/v1/envoys/", "POST")
    assert "mission of `sending_state`" in _texts("/api/v1/envoys/{id}/", "PATCH")
    assert "`receiving_state` differs from `sending_state`" in _texts("/api/v1/missions/", "POST")
    feed = _texts("/api/v1/actions/", "GET")
    assert "`offset` is not given with `cursor`" in feed
    assert "`fields` and `omit` name only fields" in feed
    assert "`state`, `actor`, `target`, `dyad`, `episode`, `envoy`, `in_response_to`" in feed
    assert "`dyad` names 2 different records" in feed
    assert "`fields` and `omit`" in _texts("/api/v1/states/{code}/", "GET")
    assert _texts("/api/v1/states/{code}/", "DELETE") == ""


def _covered(path, method, response):
    rules = rules_of(path, method)
    errors = response.json()["errors"]
    uncovered = [error for error in errors if not any(rule.covers(error) for rule in rules)]
    assert not uncovered, uncovered


DECLARATIONS = "/api/v1/persona-non-grata-declarations/"


def _declaration(**fields):
    return {"actor": "FR", "target": "ML", "date": "2025-08-14", "summary": "Expelled.",
            "persons_count": 2, **fields}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (_declaration(target="FR"), "target"),
        (_declaration(actor="ZZ"), "actor"),
        (_declaration(announced_on="2025-08-01"), "announced_on"),
        (_declaration(leave_by="2025-08-01"), "leave_by"),
        (_declaration(date_precision="range"), "date_not_after"),
        (_declaration(date_precision="range", date_not_after="2025-08-14"), "date_not_after"),
        (_declaration(date_not_after="2025-08-20"), "date_not_after"),
        (_declaration(episode="no-such-episode"), "episode"),
        (_declaration(in_response_to=10**12), "in_response_to"),
        (_declaration(citations=[{"source": 10**12}]), "citations.0.source"),
        (_declaration(envoys=[10**12]), "envoys"),
    ],
)
def test_each_rule_describes_the_error_the_api_answers(editor_client, body, field):
    response = editor_client.post(DECLARATIONS, body, format="json")
    assert field in assert_invalid(response, field)
    _covered(DECLARATIONS, "POST", response)


def test_the_envoys_and_response_rules_describe_their_errors(editor_client):
    french = Envoy.objects.create(sending_state_id="FR", name="A French envoy")
    response = editor_client.post(DECLARATIONS, _declaration(envoys=[french.pk]), format="json")
    assert_invalid(response, "envoys")
    _covered(DECLARATIONS, "POST", response)

    malian = Envoy.objects.bulk_create(
        [Envoy(sending_state_id="ML", name=f"Malian envoy {n}") for n in range(3)]
    )
    body = _declaration(envoys=[envoy.pk for envoy in malian], persons_count=1)
    response = editor_client.post(DECLARATIONS, body, format="json")
    assert_invalid(response, "persons_count")
    _covered(DECLARATIONS, "POST", response)

    later = Action.objects.filter(date__gt=datetime.date(2025, 8, 14)).first()
    assert later is not None
    response = editor_client.post(
        DECLARATIONS, _declaration(in_response_to=later.pk), format="json"
    )
    assert_invalid(response, "in_response_to")
    _covered(DECLARATIONS, "POST", response)


def test_the_mission_rule_describes_its_error(editor_client):
    mission = Mission.objects.create(
        sending_state_id="DE", receiving_state_id="IT", kind="embassy", city="Rome"
    )
    body = {"actor": "FR", "target": "ML", "date": "2025-08-14", "summary": "Closed.",
            "mission": mission.pk}
    response = editor_client.post("/api/v1/mission-closures/", body, format="json")
    assert_invalid(response, "mission")
    _covered("/api/v1/mission-closures/", "POST", response)


def test_the_rules_of_the_actors_describe_their_errors(editor_client):
    mali = State.objects.get(code="ML")
    cases = [
        ("/api/v1/states/", {"code": "ML", "alpha_3": "XYZ", "name": "Mali"}, "code"),
        ("/api/v1/states/", {"code": "XA", "alpha_3": mali.alpha_3, "name": "Mali"}, "alpha_3"),
        ("/api/v1/states/", {"code": "XA", "alpha_3": "XAA", "name": "X",
                             "ended_on": "2000-01-01"}, "ended_on"),
        ("/api/v1/missions/", {"sending_state": "FR", "receiving_state": "FR",
                               "kind": "embassy", "city": "Paris"}, "receiving_state"),
        ("/api/v1/envoys/", {"sending_state": "FR"}, "description"),
    ]
    mission = Mission.objects.create(
        sending_state_id="DE", receiving_state_id="IT", kind="embassy", city="Rome"
    )
    cases += [
        ("/api/v1/envoys/", {"sending_state": "FR", "name": "N", "mission": mission.pk},
         "mission"),
        ("/api/v1/missions/", {"sending_state": "DE", "receiving_state": "IT",
                               "kind": "embassy", "city": "Rome"}, "non_field_errors"),
    ]
    for path, body, field in cases:
        response = editor_client.post(path, body, format="json")
        assert_invalid(response, field)
        _covered(path, "POST", response)


@pytest.mark.parametrize(
    "query",
    ["state=ZZ", "dyad=FR,FR", "episode=no-such-episode", "envoy=999999",
     "fields=nothing", "omit=nothing", "offset=0&cursor="],
)
def test_the_rules_of_the_query_describe_their_errors(db, api_client, query):
    response = api_client.get(f"/api/v1/actions/?{query}")
    assert_invalid(response)
    _covered("/api/v1/actions/", "GET", response)


def test_a_source_with_its_citation_is_not_refused(editor_client):
    # The rules are about what does not exist: what does passes.
    source = Source.objects.first()
    response = editor_client.post(
        DECLARATIONS, _declaration(citations=[{"source": source.pk}]), format="json"
    )
    assert response.status_code == 201, response.content
    assert Citation.objects.filter(action_id=response.json()["id"]).count() == 1


def test_the_docs_list_the_code_of_every_rule():
    from pathlib import Path

    errors_page = (Path(__file__).parent.parent / "docs" / "api" / "errors.md").read_text()
    codes = {code for rules in rules_by_operation().values() for rule in rules
             for code in rule.codes}
    for code in codes:
        documented = code.replace(code.removeprefix("action_").removesuffix(
            "_not_before_date"), "<name>") if code.endswith("_not_before_date") else code
        assert f"`{documented}`" in errors_page or f"`{code}`" in errors_page, code

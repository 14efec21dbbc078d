"""Create, read, update and delete each kind of action, with nested citations."""

import pytest

from actions.kinds import KINDS as REGISTRY
from actions.models import Action, Citation, Source
from diplomacy.models import Mission
from tests import seed
from tests.actions.conftest import (
    ENVOY_RESOURCES,
    KIND_RESOURCES,
    KINDS,
    MODEL_KIND_FIELDS,
    action_payload,
)
from tests.api_case import ResourceAPITestCase
from tests.conditional import if_match
from tests.factories import SourceFactory
from tests.problems import assert_invalid, assert_problem

pytestmark = pytest.mark.django_db


class TestKindAPI(ResourceAPITestCase):
    """Every kind of the registry: a new kind gets the whole shared case."""

    resource_names = tuple(KIND_RESOURCES)

COMMON_FIELDS = {
    "id", "kind", "actor", "target", "date", "date_precision", "date_not_before",
    "date_not_after", "announced_on", "summary", "notes", "episode", "in_response_to",
    "cameo_code", "plover", "plover_mode", "citations", "created_at", "updated_at",
}
KIND_FIELDS = {
    kind.slug: {*kind.fields, *(["envoys"] if kind.has_envoys else [])}
    for kind in REGISTRY.values()
}


def test_every_kind_has_test_data():
    assert {value for value, _ in KINDS.values()} == set(REGISTRY)
    assert MODEL_KIND_FIELDS.keys() == REGISTRY.keys()


@pytest.fixture
def sources():
    return [SourceFactory(publisher="Reuters"), SourceFactory(publisher="AFP")]


@pytest.mark.parametrize("resource", KIND_RESOURCES)
def test_create_with_citations_and_read_back(editor_client, client, resource, sources):
    payload = action_payload(
        resource,
        episode=seed.EPISODE_SLUG,
        in_response_to=seed.action_id(seed.ARREST),
        date="2025-09-20",
        notes="Test notes.",
        citations=[
            {"source": sources[0].pk, "quote": "« Une citation »", "attribution": "Ministry"},
            {"source": sources[1].pk},
        ],
    )

    response = editor_client.post(f"/api/v1/{resource}/", payload)

    assert response.status_code == 201, response.json()
    created = response.json()
    assert set(created) == COMMON_FIELDS | KIND_FIELDS[resource]
    assert created["kind"] == KINDS[resource][0]
    assert created["actor"] == {"code": "DE", "name": "Germany"}
    assert created["target"] == {"code": "RU", "name": "Russian Federation"}
    assert created["episode"]["slug"] == seed.EPISODE_SLUG
    assert created["in_response_to"]["id"] == seed.action_id(seed.ARREST)
    assert created["in_response_to"]["kind"] == "detention"
    assert [(c["source"]["publisher"], c["quote"], c["attribution"])
            for c in created["citations"]] == [
        ("Reuters", "« Une citation »", "Ministry"),
        ("AFP", "", ""),
    ]
    for name, value in KINDS[resource][1].items():
        # A related record is brief on read, its id on write.
        shown = created[name]["id"] if isinstance(created[name], dict) else created[name]
        assert shown == value

    detail = client.get(f"/api/v1/{resource}/{created['id']}/")
    assert detail.status_code == 200
    assert detail.json() == created
    assert Action.objects.get(pk=created["id"]).kind == KINDS[resource][0]


@pytest.mark.parametrize("resource", KIND_RESOURCES)
def test_patch_and_put(editor_client, resource):
    created = editor_client.post(f"/api/v1/{resource}/", action_payload(resource)).json()
    url = f"/api/v1/{resource}/{created['id']}/"

    response = editor_client.patch(
        url,
        {"summary": "Patched.", "announced_on": "2024-03-06"},
        **if_match(editor_client, url),
    )
    assert response.status_code == 200, response.json()
    assert response.json()["summary"] == "Patched."
    assert response.json()["announced_on"] == "2024-03-06"
    assert response.json()["kind"] == KINDS[resource][0]

    body = action_payload(resource, summary="Put.", target="UA")
    if "mission" in body:  # a closed mission is one of the new target's
        body["mission"] = Mission.objects.create(
            sending_state_id="UA", receiving_state_id="DE", kind="embassy", city="Berlin"
        ).pk
    response = editor_client.put(url, body, **if_match(editor_client, url))
    assert response.status_code == 200, response.json()
    assert response.json()["summary"] == "Put."
    assert response.json()["target"]["code"] == "UA"


@pytest.mark.parametrize("resource", KIND_RESOURCES)
def test_the_kind_cannot_be_changed_by_the_client(editor_client, resource):
    other_kind = "detention" if resource != "detentions" else "statement"

    response = editor_client.post(f"/api/v1/{resource}/", action_payload(resource, kind=other_kind))

    assert response.status_code == 201
    assert Action.objects.get(pk=response.json()["id"]).kind == KINDS[resource][0]


@pytest.mark.parametrize("resource", KIND_RESOURCES)
def test_given_citations_replace_the_old_ones_and_absent_ones_are_kept(
    editor_client, resource, sources
):
    payload = action_payload(resource, citations=[{"source": sources[0].pk, "quote": "old"}])
    created = editor_client.post(f"/api/v1/{resource}/", payload).json()
    url = f"/api/v1/{resource}/{created['id']}/"

    response = editor_client.patch(
        url,
        {"summary": "No citations given."},
        **if_match(editor_client, url),
    )
    assert [c["quote"] for c in response.json()["citations"]] == ["old"]

    response = editor_client.patch(
        url,
        {"citations": [{"source": sources[1].pk, "quote": "new"}]},
        **if_match(editor_client, url),
    )
    assert response.status_code == 200
    assert [c["quote"] for c in response.json()["citations"]] == ["new"]
    assert list(Citation.objects.filter(action=created["id"]).values_list("quote", flat=True)) == [
        "new"
    ]


@pytest.mark.parametrize("resource", KIND_RESOURCES)
def test_delete_removes_the_action_and_its_citations(editor_client, client, resource, sources):
    payload = action_payload(resource, citations=[{"source": sources[0].pk}])
    created = editor_client.post(f"/api/v1/{resource}/", payload).json()
    url = f"/api/v1/{resource}/{created['id']}/"

    assert editor_client.delete(url, **if_match(editor_client, url)).status_code == 204

    assert client.get(url).status_code == 404
    assert not Citation.objects.filter(action=created["id"]).exists()
    assert Source.objects.filter(pk=sources[0].pk).exists()


@pytest.mark.parametrize("resource", KIND_RESOURCES)
def test_each_kind_lists_only_its_own_actions(client, every_kind, resource):
    response = client.get(f"/api/v1/{resource}/")

    assert response.status_code == 200
    results = response.json()["results"]
    expected = Action.objects.filter(kind=KINDS[resource][0]).count()
    assert response.json()["count"] == expected > 0
    assert {item["kind"] for item in results} == {KINDS[resource][0]}


@pytest.mark.parametrize("resource", KIND_RESOURCES)
def test_an_action_of_another_kind_is_not_found_under_this_kind(client, resource):
    other = Action.objects.exclude(kind=KINDS[resource][0]).first()

    assert client.get(f"/api/v1/{resource}/{other.pk}/").status_code == 404


@pytest.mark.parametrize("resource", ENVOY_RESOURCES)
def test_envoys_are_written_as_ids_and_read_as_brief_objects(
    editor_client, resource, russian_envoys
):
    ids = [envoy.pk for envoy in russian_envoys[:2]]

    response = editor_client.post(f"/api/v1/{resource}/", action_payload(resource, envoys=ids))

    assert response.status_code == 201, response.json()
    assert sorted(envoy["id"] for envoy in response.json()["envoys"]) == sorted(ids)
    assert set(response.json()["envoys"][0]) == {"id", "name", "description"}

    url = f"/api/v1/{resource}/{response.json()['id']}/"
    response = editor_client.patch(
        url,
        {"envoys": [russian_envoys[2].pk]},
        **if_match(editor_client, url),
    )
    assert [envoy["id"] for envoy in response.json()["envoys"]] == [russian_envoys[2].pk]


@pytest.mark.parametrize(
    ("precision", "given", "stored"),
    [
        ("day", "2024-03-05", "2024-03-05"),
        ("month", "2024-03-05", "2024-03-01"),
        ("year", "2024-03-05", "2024-01-01"),
        ("month", "2024-02-29", "2024-02-01"),
    ],
)
@pytest.mark.parametrize("resource", KIND_RESOURCES)
def test_an_imprecise_date_is_stored_as_the_first_day_of_its_period(
    editor_client, resource, precision, given, stored
):
    payload = action_payload(resource, date=given, date_precision=precision)

    response = editor_client.post(f"/api/v1/{resource}/", payload)

    assert response.status_code == 201, response.json()
    assert response.json()["date"] == stored
    assert Action.objects.get(pk=response.json()["id"]).date.isoformat() == stored


def test_patching_the_precision_normalises_the_stored_date(editor_client):
    resource = "diplomatic-statements"
    created = editor_client.post(f"/api/v1/{resource}/", action_payload(resource)).json()

    response = editor_client.patch(
        f"/api/v1/{resource}/{created['id']}/",
        {"date_precision": "year"},
        **if_match(editor_client, f"/api/v1/{resource}/{created['id']}/"),
    )

    assert response.json()["date"] == "2024-01-01"


@pytest.mark.parametrize(
    ("resource", "fields", "cameo_code"),
    [
        ("persona-non-grata-declarations", {}, "161"),
        ("cooperation-suspensions", {"domain": "counter_terrorism"}, "160"),
        ("cooperation-suspensions", {"domain": "intelligence"}, "160"),
        ("cooperation-suspensions", {"domain": "military"}, "1622"),
        ("cooperation-suspensions", {"domain": "development_aid"}, "1621"),
        ("cooperation-suspensions", {"domain": "economic"}, "1621"),
        ("detentions", {}, "173"),
        ("diplomatic-statements", {"statement_type": "accusation_of_espionage"}, "1125"),
        ("diplomatic-statements", {"statement_type": "demand_for_release"}, "1053"),
        ("diplomatic-statements", {"statement_type": "threat_of_measures"}, "131"),
        ("diplomatic-statements", {"statement_type": "threat_to_break_relations"}, "1313"),
    ],
)
def test_the_cameo_code_is_filled_from_the_kind_domain_or_statement_type(
    editor_client, resource, fields, cameo_code
):
    response = editor_client.post(f"/api/v1/{resource}/", action_payload(resource, **fields))

    assert response.status_code == 201, response.json()
    assert response.json()["cameo_code"] == cameo_code


@pytest.mark.parametrize("resource", KIND_RESOURCES)
def test_a_given_cameo_code_is_kept(editor_client, resource):
    response = editor_client.post(
        f"/api/v1/{resource}/", action_payload(resource, cameo_code="1246")
    )

    assert response.status_code == 201
    assert response.json()["cameo_code"] == "1246"


@pytest.mark.parametrize("cameo_code", ["abc", "1", "12345"])
def test_a_malformed_cameo_code_is_a_400(editor_client, cameo_code):
    resource = "detentions"

    count = Action.objects.count()

    response = editor_client.post(
        f"/api/v1/{resource}/", action_payload(resource, cameo_code=cameo_code)
    )

    assert list(assert_invalid(response, "cameo_code")) == ["cameo_code"]
    assert Action.objects.count() == count


@pytest.mark.parametrize(
    ("resource", "uid"),
    [
        ("detentions", seed.ARREST),
        ("persona-non-grata-declarations", seed.FRENCH_PNG),
        ("cooperation-suspensions", seed.FRENCH_SUSPENSION),
    ],
)
def test_deleting_an_action_that_others_answer_is_a_409(editor_client, resource, uid):
    response = editor_client.delete(
        f"/api/v1/{resource}/{seed.action_id(uid)}/",
        **if_match(editor_client, f"/api/v1/{resource}/{seed.action_id(uid)}/"),
    )

    problem = assert_problem(response, 409, "conflict")
    assert "Cannot delete" in problem["detail"]
    assert Action.objects.filter(uid=uid).exists()


def test_an_answer_can_be_deleted(editor_client):
    url = f"/api/v1/persona-non-grata-declarations/{seed.action_id(seed.MALI_PNG)}/"
    response = editor_client.delete(url, **if_match(editor_client, url))

    assert response.status_code == 204

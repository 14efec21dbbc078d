"""Every invariant of an action answers 400 with the error under its field, on POST and PATCH.

The model's constraints are checked before the database sees the row: a
violating write must never reach it and answer 500.
"""

import pytest

from actions.models import Action
from diplomacy.models import Envoy
from tests import seed
from tests.actions.conftest import ENVOY_RESOURCES, KIND_RESOURCES, action_payload
from tests.conditional import if_match
from tests.factories import EnvoyFactory
from tests.problems import assert_invalid, field_errors

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("resource", "overrides", "field"),
    [
        *[(resource, {"target": "DE"}, "target") for resource in KIND_RESOURCES],
        *[(resource, {"target": "de"}, "target") for resource in KIND_RESOURCES],
        *[(resource, {"announced_on": "2024-03-04"}, "announced_on")
          for resource in KIND_RESOURCES],
        ("persona-non-grata-declarations", {"leave_by": "2024-03-04"}, "leave_by"),
        ("persona-non-grata-declarations", {"departed_on": "2024-03-04"}, "departed_on"),
        ("cooperation-suspensions", {"resumed_on": "2024-03-04"}, "resumed_on"),
        ("detentions", {"released_on": "2024-03-04"}, "released_on"),
        # A month-precision date stands for its first day: 29 February precedes March.
        ("detentions", {"date": "2024-03-20", "date_precision": "month",
                        "released_on": "2024-02-29"}, "released_on"),
        ("persona-non-grata-declarations", {"persons_count": 0}, "persons_count"),
        ("persona-non-grata-declarations", {"persons_count": -3}, "persons_count"),
        ("persona-non-grata-declarations", {"persons_count": None}, "persons_count"),
        ("persona-non-grata-declarations", {"grounds": "whim"}, "grounds"),
        ("cooperation-suspensions", {"domain": ""}, "domain"),
        ("diplomatic-statements", {"statement_type": ""}, "statement_type"),
        *[(resource, {"date_precision": "week"}, "date_precision")
          for resource in KIND_RESOURCES],
        *[(resource, {"date": "2024-02-30"}, "date") for resource in KIND_RESOURCES],
    ],
)
def test_post_violating_an_invariant(editor_client, resource, overrides, field):
    count = Action.objects.count()

    response = editor_client.post(f"/api/v1/{resource}/", action_payload(resource, **overrides))

    assert_invalid(response, field)
    assert Action.objects.count() == count


@pytest.mark.parametrize("grounds", [None, ""])
def test_grounds_left_out_or_empty_take_the_documented_default(editor_client, grounds):
    resource = "persona-non-grata-declarations"
    payload = action_payload(resource)
    if grounds is None:
        del payload["grounds"]
    else:
        payload["grounds"] = grounds

    response = editor_client.post(f"/api/v1/{resource}/", payload)

    assert response.status_code == 201, response.content
    assert response.json()["grounds"] == "unspecified"


@pytest.mark.parametrize(
    ("resource", "field"),
    [
        ("persona-non-grata-declarations", "persons_count"),
        ("cooperation-suspensions", "domain"),
        ("diplomatic-statements", "statement_type"),
        *[(resource, name) for resource in KIND_RESOURCES
          for name in ["actor", "target", "date", "summary"]],
    ],
)
def test_post_without_a_required_field(editor_client, resource, field):
    payload = action_payload(resource)
    del payload[field]
    count = Action.objects.count()

    response = editor_client.post(f"/api/v1/{resource}/", payload)

    assert_invalid(response, field)
    assert Action.objects.count() == count


def test_the_dates_may_equal_the_date_of_the_action(editor_client):
    resource = "persona-non-grata-declarations"
    payload = action_payload(
        resource, announced_on="2024-03-05", leave_by="2024-03-05", departed_on="2024-03-05"
    )

    assert editor_client.post(f"/api/v1/{resource}/", payload).status_code == 201


@pytest.mark.parametrize("resource", ENVOY_RESOURCES)
def test_envoys_must_belong_to_the_target_state(editor_client, resource, german_envoy):
    count = Action.objects.count()

    response = editor_client.post(
        f"/api/v1/{resource}/", action_payload(resource, envoys=[german_envoy.pk])
    )

    assert_invalid(response, "envoys")
    assert Action.objects.count() == count


@pytest.mark.parametrize("resource", ["cooperation-suspensions", "diplomatic-statements"])
def test_envoys_are_refused_by_kinds_without_envoys(editor_client, resource, russian_envoys):
    # Unknown fields are refused (docs/api/errors.md): these kinds have no envoys.
    count = Action.objects.count()
    linked = Action.envoys.through.objects.count()

    response = editor_client.post(
        f"/api/v1/{resource}/", action_payload(resource, envoys=[russian_envoys[0].pk])
    )

    errors = assert_invalid(response, "envoys")
    assert errors == {"envoys": ["Unknown field."]}
    assert Action.objects.count() == count
    assert Action.envoys.through.objects.count() == linked


def test_persons_count_is_at_least_the_number_of_envoys(editor_client, russian_envoys):
    resource = "persona-non-grata-declarations"
    ids = [envoy.pk for envoy in russian_envoys]
    count = Action.objects.count()

    response = editor_client.post(
        f"/api/v1/{resource}/", action_payload(resource, persons_count=2, envoys=ids)
    )
    assert_invalid(response, "persons_count")
    assert Action.objects.count() == count

    response = editor_client.post(
        f"/api/v1/{resource}/", action_payload(resource, persons_count=3, envoys=ids)
    )
    assert response.status_code == 201


def test_persons_count_may_exceed_the_named_envoys(editor_client, russian_envoys):
    resource = "persona-non-grata-declarations"

    response = editor_client.post(
        f"/api/v1/{resource}/",
        action_payload(resource, persons_count=40, envoys=[russian_envoys[0].pk]),
    )

    assert response.status_code == 201


@pytest.mark.parametrize(
    ("date", "precision", "answered", "allowed"),
    [
        # The arrest is dated August 2025 (month precision): stored as 1 August.
        ("2025-07-31", "day", seed.ARREST, False),
        ("2025-08-01", "day", seed.ARREST, True),
        ("2025-08-20", "day", seed.ARREST, True),
        # The announcement is 14 August (day precision).
        ("2025-08-13", "day", seed.ARREST_ANNOUNCEMENT, False),
        ("2025-08-14", "day", seed.ARREST_ANNOUNCEMENT, True),
        # An answer dated only "August" may come after 14 August; "July" may not.
        ("2025-08-01", "month", seed.ARREST_ANNOUNCEMENT, True),
        ("2025-07-01", "month", seed.ARREST_ANNOUNCEMENT, False),
        ("2025-01-01", "year", seed.ARREST_ANNOUNCEMENT, True),
        ("2024-01-01", "year", seed.ARREST_ANNOUNCEMENT, False),
    ],
)
def test_an_action_answers_only_an_earlier_one_precision_aware(
    editor_client, date, precision, answered, allowed
):
    resource = "diplomatic-statements"
    payload = action_payload(
        resource,
        actor="FR",
        target="ML",
        date=date,
        date_precision=precision,
        in_response_to=seed.action_id(answered),
    )

    count = Action.objects.count()

    response = editor_client.post(f"/api/v1/{resource}/", payload)

    if allowed:
        assert response.status_code == 201, response.json()
    else:
        assert_invalid(response, "in_response_to")
        assert Action.objects.count() == count


def test_in_response_to_an_unknown_action_is_a_400(editor_client):
    resource = "detentions"
    count = Action.objects.count()

    response = editor_client.post(
        f"/api/v1/{resource}/", action_payload(resource, in_response_to=10**9)
    )

    assert_invalid(response, "in_response_to")
    assert field_errors(response)["in_response_to"] == ["No action with id 1000000000."]
    assert Action.objects.count() == count


# PATCH on the seed records: each violates one invariant and leaves the record as it was.
PATCHES = [
    ("persona-non-grata-declarations", seed.FRENCH_PNG, {"target": "FR"}, "target"),
    ("persona-non-grata-declarations", seed.FRENCH_PNG, {"actor": "ML"}, "target"),
    ("persona-non-grata-declarations", seed.FRENCH_PNG, {"leave_by": "2024-12-31"}, "leave_by"),
    ("persona-non-grata-declarations", seed.MALI_PNG, {"departed_on": "2025-08-31"},
     "departed_on"),
    # Moving the date after the deadline: the error is the deadline's.
    ("persona-non-grata-declarations", seed.FRENCH_PNG,
     {"date": "2025-09-21", "date_precision": "day"}, "leave_by"),
    ("persona-non-grata-declarations", seed.FRENCH_PNG, {"persons_count": 1}, "persons_count"),
    ("persona-non-grata-declarations", seed.FRENCH_PNG, {"persons_count": 0}, "persons_count"),
    ("persona-non-grata-declarations", seed.FRENCH_PNG, {"persons_count": None},
     "persons_count"),
    ("persona-non-grata-declarations", seed.FRENCH_PNG, {"in_response_to": "SELF"},
     "in_response_to"),
    ("persona-non-grata-declarations", seed.FRENCH_PNG, {"target": "DE"}, "envoys"),
    ("cooperation-suspensions", seed.FRENCH_SUSPENSION, {"resumed_on": "2024-12-31"},
     "resumed_on"),
    ("cooperation-suspensions", seed.FRENCH_SUSPENSION, {"domain": ""}, "domain"),
    ("cooperation-suspensions", seed.FRENCH_SUSPENSION, {"in_response_to": "SELF"},
     "in_response_to"),
    ("detentions", seed.ARREST, {"released_on": "2025-07-31"}, "released_on"),
    ("detentions", seed.ARREST, {"announced_on": "2025-07-31"}, "announced_on"),
    ("detentions", seed.ARREST, {"target": "ML"}, "target"),
    ("detentions", seed.ARREST, {"in_response_to": "SELF"}, "in_response_to"),
    ("diplomatic-statements", seed.ARREST_ANNOUNCEMENT, {"announced_on": "2025-08-13"},
     "announced_on"),
    ("diplomatic-statements", seed.ARREST_ANNOUNCEMENT, {"statement_type": "praise"},
     "statement_type"),
    ("diplomatic-statements", seed.FRENCH_WARNING, {"in_response_to": "SELF"},
     "in_response_to"),
    # 16 August cannot answer 19 September, nor "September".
    ("diplomatic-statements", seed.FRENCH_DEMAND, {"in_response_to": seed.FRENCH_WARNING},
     "in_response_to"),
    ("diplomatic-statements", seed.FRENCH_DEMAND, {"in_response_to": seed.MALI_PNG},
     "in_response_to"),
    # Moving an answer before what it answers.
    ("persona-non-grata-declarations", seed.MALI_PNG,
     {"date": "2024-12-31", "date_precision": "day", "departed_on": None}, "in_response_to"),
]


@pytest.mark.parametrize(("resource", "uid", "changes", "field"), PATCHES)
def test_patch_violating_an_invariant(editor_client, client, resource, uid, changes, field):
    action_id = seed.action_id(uid)
    url = f"/api/v1/{resource}/{action_id}/"
    if changes.get("in_response_to") == "SELF":
        changes = {"in_response_to": action_id}
    elif isinstance(changes.get("in_response_to"), str):
        changes = {"in_response_to": seed.action_id(changes["in_response_to"])}
    before = client.get(url).json()

    response = editor_client.patch(url, changes, **if_match(editor_client, url))

    assert_invalid(response, field)
    assert client.get(url).json() == before


def test_patch_envoys_of_another_state(editor_client, client):
    url = f"/api/v1/persona-non-grata-declarations/{seed.action_id(seed.FRENCH_PNG)}/"
    french_envoy = Envoy.objects.get(uid=seed.ARRESTED_ENVOY)

    response = editor_client.patch(
        url,
        {"envoys": [french_envoy.pk]},
        **if_match(editor_client, url),
    )

    assert_invalid(response, "envoys")
    assert len(client.get(url).json()["envoys"]) == 2


def test_patch_more_envoys_than_persons(editor_client, client):
    url = f"/api/v1/persona-non-grata-declarations/{seed.action_id(seed.FRENCH_PNG)}/"
    envoy = Envoy.objects.get(uid=seed.MALIAN_ENVOY_OF_EMBASSY)
    extra = EnvoyFactory(description="Third", sending_state_id=envoy.sending_state_id)

    response = editor_client.patch(
        url,
        {"envoys": [envoy.pk, extra.pk, *[
        e["id"] for e in client.get(url).json()["envoys"] if e["id"] != envoy.pk
    ]]},
        **if_match(editor_client, url),
    )

    assert_invalid(response, "persons_count")
    assert len(client.get(url).json()["envoys"]) == 2


def test_patch_an_imprecise_answer_within_the_period_is_allowed(editor_client):
    # Mali's declaration is dated September (month); Mali's end of cooperation
    # is 17 September: the declaration may have come later that month.
    url = f"/api/v1/persona-non-grata-declarations/{seed.action_id(seed.MALI_PNG)}/"

    response = editor_client.patch(
        url,
        {"in_response_to": seed.action_id(seed.MALI_END_OF_COOPERATION)},
        **if_match(editor_client, url),
    )

    assert response.status_code == 200, response.json()


@pytest.mark.parametrize(
    ("resource", "uid", "changes"),
    [
        # Mali's end of cooperation (17 September) answers France's suspension.
        ("cooperation-suspensions", seed.FRENCH_SUSPENSION,
         {"date": "2025-09-18", "date_precision": "day"}),
        # Mali's declaration (September, month precision) answers France's.
        ("persona-non-grata-declarations", seed.FRENCH_PNG,
         {"date": "2025-10-01", "date_precision": "day", "leave_by": None,
          "announced_on": None}),
    ],
)
def test_patch_cannot_move_an_action_after_the_actions_that_answer_it(
    editor_client, client, resource, uid, changes
):
    url = f"/api/v1/{resource}/{seed.action_id(uid)}/"
    before = client.get(url).json()

    response = editor_client.patch(url, changes, **if_match(editor_client, url))

    assert_invalid(response, "date")
    assert client.get(url).json() == before


def test_patch_may_move_an_action_within_the_period_of_its_answers(editor_client):
    # Mali's declaration is dated September: France's may be 16 September.
    url = f"/api/v1/persona-non-grata-declarations/{seed.action_id(seed.FRENCH_PNG)}/"

    response = editor_client.patch(
        url,
        {"date": "2025-09-16", "date_precision": "day"},
        **if_match(editor_client, url),
    )

    assert response.status_code == 200, response.json()


def test_an_envoy_listed_twice_counts_once(editor_client, russian_envoys):
    resource = "persona-non-grata-declarations"
    envoy = russian_envoys[0].pk

    response = editor_client.post(
        f"/api/v1/{resource}/", action_payload(resource, persons_count=1, envoys=[envoy, envoy])
    )

    assert response.status_code == 201, response.json()
    assert [item["id"] for item in response.json()["envoys"]] == [envoy]


def test_the_schema_states_at_least_one_person(client):
    components = client.get("/api/schema/?format=json").json()["components"]["schemas"]
    for name in ("PersonaNonGrataDeclarationRequest", "DiplomaticStatementRequest"):
        assert components[name]["properties"]["persons_count"]["minimum"] == 1, name

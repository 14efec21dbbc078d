"""The management commands of docs/operations/data.md and docs/api/auth.md."""

import io

import pycountry
import pytest
from django.core.management import CommandError, call_command

from diplomacy.models import State

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().strip()


def test_load_states_loads_every_current_iso_state():
    run("load_states")

    current = State.objects.filter(is_historic=False)
    assert current.count() == len(pycountry.countries)
    assert set(current.values_list("code", flat=True)) == {c.alpha_2 for c in pycountry.countries}
    france = State.objects.get(code="FR")
    assert (france.alpha_3, france.numeric, france.name) == ("FRA", "250", "France")
    mali = State.objects.get(code="ML")
    assert (mali.alpha_3, mali.numeric, mali.is_historic, mali.ended_on) == (
        "MLI", "466", False, None
    )


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("SU", "Soviet Union"),
        ("DD", "East Germany"),
        ("YU", "Yugoslavia"),
        ("CSHH", "Czechoslovakia"),
        ("CSXX", "Serbia and Montenegro"),
    ],
)
def test_load_states_loads_the_historic_states(code, name):
    run("load_states")

    state = State.objects.get(code=code)
    assert state.name == name
    assert state.is_historic
    assert state.ended_on is not None


def test_load_states_is_safe_to_run_twice():
    first = run("load_states")
    count = State.objects.count()

    second = run("load_states")

    assert State.objects.count() == count
    assert first == second == f"{count} states loaded."


def test_load_states_restores_an_edited_state():
    State.objects.filter(code="ML").update(name="Something else")

    run("load_states")

    assert State.objects.get(code="ML").name == "Mali"


def test_issue_token_prints_a_key_that_authenticates(editor, api_client):
    key = run("issue_token", editor.username)

    api_client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = api_client.post(
        "/api/v1/episodes/", {"slug": "token-test", "title": "Token test"}, format="json"
    )
    assert response.status_code == 201


def test_issue_token_issues_a_new_key_each_time_and_each_authenticates(editor, api_client):
    # Only a hash of each key is stored: a key cannot be printed twice.
    keys = [run("issue_token", editor.username) for _ in range(2)]

    assert keys[0] != keys[1]
    for key in keys:
        api_client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        assert api_client.get("/api/v1/episodes/").status_code == 200


def test_issue_token_for_an_unknown_user_fails():
    with pytest.raises(CommandError, match="nobody"):
        run("issue_token", "nobody")

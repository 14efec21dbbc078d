"""Who changed a record is shown to staff only; an action's history lists its citations'."""

import pytest
from django.contrib.auth.models import Permission

from actions.models import Action, Source
from tests import seed
from tests.conftest import token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def amina(django_user_model):
    """An editor (every permission of the dataset) who is not staff."""
    user = django_user_model.objects.create_user(username="amina", password="pw-for-tests")
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label__in=("actions", "diplomacy"))
    )
    return user


def _history(client, url):
    response = client.get(f"{url}history/")
    assert response.status_code == 200
    return response.json()


def test_usernames_are_shown_to_staff_only(amina, api_client, admin_client):
    source = Source.objects.order_by("id").first()
    url = f"/api/v1/sources/{source.pk}/"
    response = token_client(amina).patch(
        url, {"language": "de"}, HTTP_IF_MATCH=api_client.get(url)["ETag"]
    )
    assert response.status_code == 200

    assert _history(api_client, url)[0]["changed_by"] == "editor"
    assert _history(token_client(amina), url)[0]["changed_by"] == "editor"  # not staff
    assert _history(admin_client, url)[0]["changed_by"] == "amina"
    # A fixture's loading is nobody's.
    assert _history(api_client, url)[-1]["changed_by"] is None
    assert b"amina" not in api_client.get(f"{url}history/").content


def test_an_actions_history_lists_its_citation_changes(amina, api_client):
    action = Action.objects.get(uid=seed.FRENCH_WARNING)
    url = f"/api/v1/diplomatic-statements/{action.pk}/"
    old = list(action.citations.values_list("pk", flat=True))
    source = Source.objects.order_by("id").first()
    response = token_client(amina).patch(
        url,
        {"citations": [{"source": source.pk, "supports": "Reports the warning."}]},
        HTTP_IF_MATCH=api_client.get(url)["ETag"],
        format="json",
    )
    assert response.status_code == 200, response.json()
    [new] = [citation["id"] for citation in response.json()["citations"]]

    history = _history(api_client, url)
    about = {(entry["about"], entry["change"]) for entry in history}
    assert (f"citation {new}", "created") in about
    assert {(f"citation {pk}", "deleted") for pk in old} <= about
    assert (None, "created") in about  # the action's own entries stay
    created = next(entry for entry in history if entry["about"] == f"citation {new}")
    assert {"field": "supports", "before": None, "after": "Reports the warning."} in (
        created["changes"]
    )
    dates = [entry["changed_at"] for entry in history]
    assert dates == sorted(dates, reverse=True)
    assert history == _history(api_client, f"/api/v1/actions/{action.pk}/")

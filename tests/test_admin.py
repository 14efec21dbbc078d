"""The admin: every registered model's pages load for a superuser; autocomplete answers.

(Data entry as an editor, and the autocomplete of `in_response_to`, are
`tests/actions/test_admin.py`.)"""

import pytest
from django.contrib import admin

from actions.models import Action, Release

pytestmark = pytest.mark.django_db

MODELS = list(admin.site._registry)
# Releases describe the dataset and the seed holds none (tests/actions/api/test_as_of.py).
DATASET_MODELS = [
    model for model in MODELS
    if model._meta.app_label in {"actions", "diplomacy"} and model is not Release
]
# The admin of every kind together only lists: actions are added in their kind's admin.
LIST_ONLY = {Action}


def admin_url(model, view, *args):
    opts = model._meta
    suffix = "/".join(str(arg) for arg in args)
    base = f"/admin/{opts.app_label}/{opts.model_name}/"
    return base + (f"{suffix}/" if suffix else "") + ("" if view == "changelist" else f"{view}/")


def test_every_dataset_model_is_registered():
    names = {model.__name__ for model in MODELS}

    assert {
        "State", "Mission", "Envoy", "Episode", "Source", "Citation", "Action",
        "PersonaNonGrataDeclaration", "CooperationSuspension", "Detention",
        "DiplomaticStatement",
    } <= names


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_changelist_loads(admin_client, every_kind, model):
    response = admin_client.get(admin_url(model, "changelist"))

    assert response.status_code == 200
    assert response.context["cl"].result_count == model._default_manager.count()
    if model in DATASET_MODELS:
        assert response.context["cl"].result_count > 0


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_changelist_search_loads(admin_client, model):
    response = admin_client.get(admin_url(model, "changelist") + "?q=Mali")

    assert response.status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_add_page_loads(admin_client, model):
    response = admin_client.get(f"/admin/{model._meta.app_label}/{model._meta.model_name}/add/")

    assert response.status_code == (403 if model in LIST_ONLY else 200)


@pytest.mark.parametrize("model", DATASET_MODELS, ids=lambda model: model.__name__)
def test_change_page_of_a_seed_record_loads(admin_client, every_kind, model):
    record = model._default_manager.order_by("pk").first()
    opts = model._meta

    response = admin_client.get(f"/admin/{opts.app_label}/{opts.model_name}/{record.pk}/change/")

    assert response.status_code == 200
    assert str(record) in response.content.decode()


def test_action_changelist_has_a_date_hierarchy(admin_client):
    response = admin_client.get("/admin/actions/action/?date__year=2025")

    assert response.status_code == 200
    assert response.context["cl"].result_count == 8


def test_action_changelist_filters_by_kind(admin_client):
    response = admin_client.get("/admin/actions/action/?kind__exact=persona_non_grata")

    assert response.context["cl"].result_count == 2


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get("/admin/actions/action/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize(
    ("app_label", "model_name", "field_name"),
    [
        ("diplomacy", "mission", "sending_state"),
        ("diplomacy", "envoy", "sending_state"),
        ("actions", "personanongratadeclaration", "actor"),
        ("actions", "detention", "target"),
    ],
)
def test_autocomplete_finds_states(admin_client, app_label, model_name, field_name):
    response = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": app_label, "model_name": model_name, "field_name": field_name,
         "term": "mali"},
    )

    assert response.status_code == 200
    assert {"id": "ML", "text": "Mali (ML)"} in response.json()["results"]


def test_autocomplete_finds_envoys(admin_client):
    response = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "actions", "model_name": "detention", "field_name": "envoys",
         "term": "Bamako"},
    )

    assert response.status_code == 200
    assert len(response.json()["results"]) == 6

"""Entering actions in the admin, as a member of the Editors group: the form, a valid
declaration that the API then serves, the invariants shown as errors on their
fields with nothing saved, the list of all actions, and each record's history.

(Every model's admin pages loading, and the autocompletes, are `tests/test_admin.py`.)
"""

import pytest
from django.contrib import admin
from django.core.management import call_command

from actions.api.serializers import KIND_SERIALIZERS
from actions.models import Action, Episode, PersonaNonGrataDeclaration, Source
from diplomacy.models import Envoy
from tests import seed

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/actions/personanongratadeclaration/add/"
NO_CITATIONS = {
    "citations-TOTAL_FORMS": "0",
    "citations-INITIAL_FORMS": "0",
    "citations-MIN_NUM_FORMS": "0",
    "citations-MAX_NUM_FORMS": "1000",
}


def declaration_form(**overrides):
    data = {
        "actor": "DE",
        "target": "RU",
        "summary": "Germany expels two Russian diplomats.",
        "notes": "",
        "date": "2024-03-05",
        "date_precision": "day",
        "announced_on": "",
        "episode": "",
        "in_response_to": "",
        "cameo_code": "",
        "persons_count": "2",
        "grounds": "espionage",
        "leave_by": "2024-03-12",
        "departed_on": "",
        **NO_CITATIONS,
    }
    data.update(overrides)
    return data


def form_errors(response):
    assert response.status_code == 200
    return response.context["adminform"].form.errors


@pytest.fixture
def editor_admin(django_user_model, client):
    """A client logged in as a staff member of the Editors group (create_editors_group)."""
    call_command("create_editors_group", verbosity=0)
    django_user_model.objects.create_user("ed", password="pw-for-tests")
    call_command("create_editors_group", "--add", "ed", verbosity=0)
    client.login(username="ed", password="pw-for-tests")
    return client


def test_the_form_has_autocomplete_inline_citations_and_adds_envoys(editor_admin):
    page = editor_admin.get(ADD_URL).content.decode()
    for field in ("actor", "target", "envoys", "episode", "in_response_to"):
        assert f'id="id_{field}"' in page
        assert f'data-field-name="{field}"' in page  # Django's autocomplete widget
    assert 'id="citations-group"' in page
    assert 'data-field-name="source"' in page
    assert 'id="add_id_envoys"' in page  # "+": create an envoy from the action form


def test_an_editor_enters_a_declaration_that_the_api_then_serves(
    editor_admin, client, russian_envoys
):
    source = Source.objects.get(uid=seed.ARTICLE_SOURCE)
    data = declaration_form(
        date="2030-03-20",
        date_precision="month",
        leave_by="2030-03-25",
        episode=Episode.objects.get(slug=seed.EPISODE_SLUG).pk,
        envoys=[envoy.pk for envoy in russian_envoys[:2]],
        **{**NO_CITATIONS, "citations-TOTAL_FORMS": "1", "citations-0-source": source.pk,
           "citations-0-quote": "« quote »", "citations-0-attribution": "AP"},
    )

    response = editor_admin.post(ADD_URL, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    declaration = PersonaNonGrataDeclaration.objects.get(actor="DE", target="RU")
    assert declaration.kind == "persona_non_grata"
    assert declaration.date.isoformat() == "2030-03-01"  # the first day of its month
    assert declaration.cameo_code == "161"
    assert declaration.envoys.count() == 2
    assert declaration.episode.slug == seed.EPISODE_SLUG
    citation = declaration.citations.get()
    assert (citation.source, citation.quote, citation.attribution) == (source, "« quote »", "AP")
    feed = client.get("/api/v1/actions/?limit=1").json()["results"]
    assert feed[0]["id"] == declaration.pk


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"leave_by": "2024-03-04"}, "leave_by", "Cannot be before the date of the action."),
        ({"departed_on": "2024-03-04"}, "departed_on", None),
        ({"announced_on": "2024-03-04"}, "announced_on", None),
        ({"target": "DE"}, "target", "The target must differ from the actor."),
        ({"persons_count": "0"}, "persons_count", None),
        (
            {"persons_count": ""},
            "persons_count",
            "A persona non grata declaration concerns at least one person.",
        ),
        ({"cameo_code": "abc"}, "cameo_code", None),
        ({"target": "ZZ"}, "target", None),
    ],
)
def test_a_broken_invariant_is_shown_next_to_its_field(editor_admin, overrides, field, message):
    count = Action.objects.count()

    response = editor_admin.post(ADD_URL, declaration_form(**overrides))

    errors = form_errors(response)
    assert field in errors
    if message is not None:
        assert message in errors[field]
        assert "__all__" not in errors
    assert Action.objects.count() == count


def test_empty_grounds_take_the_kinds_default_as_in_the_api(admin_client):
    response = admin_client.post(ADD_URL, declaration_form(grounds=""))

    assert response.status_code == 302
    declaration = PersonaNonGrataDeclaration.objects.get(actor="DE", target="RU")
    assert declaration.grounds == "unspecified"


def test_an_envoy_of_another_state_is_an_error_on_envoys(editor_admin, russian_envoys):
    french_envoy = Envoy.objects.get(uid=seed.ARRESTED_ENVOY)

    response = editor_admin.post(
        ADD_URL, declaration_form(envoys=[russian_envoys[0].pk, french_envoy.pk])
    )

    errors = form_errors(response)
    assert list(errors) == ["envoys"]
    assert errors["envoys"][0].startswith("Envoys must belong to the target state RU")
    assert not Action.objects.filter(actor="DE").exists()


def test_more_envoys_than_persons_is_an_error_on_persons_count(editor_admin, russian_envoys):
    response = editor_admin.post(
        ADD_URL, declaration_form(persons_count="1", envoys=[e.pk for e in russian_envoys])
    )

    errors = form_errors(response)
    assert "At least the number of linked envoys (3)." in errors["persons_count"]
    assert "__all__" not in errors
    assert not Action.objects.filter(actor="DE").exists()


def test_an_answer_to_a_later_action_is_an_error_on_in_response_to(admin_client):
    response = admin_client.post(
        ADD_URL,
        declaration_form(actor="FR", target="ML", in_response_to=seed.action_id(seed.MALI_PNG)),
    )

    assert "in_response_to" in form_errors(response)


def test_moving_an_answered_action_after_its_answers_is_an_error_on_date(admin_client):
    suspension = Action.objects.get(uid=seed.FRENCH_SUSPENSION)
    url = f"/admin/actions/cooperationsuspension/{suspension.pk}/change/"
    citations = list(suspension.citations.all())
    data = {
        "actor": "FR", "target": "ML", "summary": suspension.summary, "notes": "",
        "date": "2025-09-18", "date_precision": "day", "announced_on": "2025-09-19",
        "episode": suspension.episode_id, "in_response_to": suspension.in_response_to_id,
        "cameo_code": "160", "domain": "counter_terrorism", "resumed_on": "",
        "citations-TOTAL_FORMS": str(len(citations)),
        "citations-INITIAL_FORMS": str(len(citations)),
        "citations-MIN_NUM_FORMS": "0", "citations-MAX_NUM_FORMS": "1000",
    }
    for index, citation in enumerate(citations):
        data.update({
            f"citations-{index}-id": citation.pk, f"citations-{index}-action": suspension.pk,
            f"citations-{index}-source": citation.source_id,
            f"citations-{index}-supports": citation.supports,
            f"citations-{index}-quote": citation.quote,
            f"citations-{index}-attribution": citation.attribution,
        })

    response = admin_client.post(url, data)

    assert "date" in form_errors(response)
    suspension.refresh_from_db()
    assert suspension.date.isoformat() == "2025-08-14"

    response = admin_client.post(url, {**data, "date": "2025-09-10"})
    assert response.status_code == 302


def _laid_out(fieldsets):
    names = set()
    for _, options in fieldsets:
        for entry in options["fields"]:
            names.update(entry if isinstance(entry, tuple) else [entry])
    return names


@pytest.mark.parametrize("kind", list(KIND_SERIALIZERS))
def test_the_admin_lays_out_the_fields_a_client_may_write(kind):
    """The admin's sections are a layout of their own (COMMON_FIELDSETS): they hold
    exactly the fields the API takes, citations being an inline."""
    model = KIND_SERIALIZERS[kind].Meta.model
    model_admin = admin.site._registry[model]
    writable = {
        name for name, field in KIND_SERIALIZERS[kind]().fields.items() if not field.read_only
    }
    record = {*model_admin.readonly_fields, "kind", "read_version"}
    assert _laid_out(model_admin.get_fieldsets(None)) - record == writable - {"citations"}


def test_the_list_of_all_actions_shows_date_kind_states_and_summary(editor_admin):
    page = editor_admin.get("/admin/actions/action/").content.decode()
    for column in ("column-date", "column-kind", "column-actor_to_target", "column-summary_start"):
        assert column in page
    assert "ML → FR" in page
    for parameter in ("kind__exact=", "actor__code__exact=", "target__code__exact=",
                      "date_precision__exact=", "episode__id__exact="):
        assert parameter in page


def test_the_state_filters_offer_only_states_that_act(editor_admin):
    response = editor_admin.get("/admin/actions/action/")
    actor_filter = next(
        spec for spec in response.context["cl"].filter_specs if spec.field_path == "actor"
    )
    assert {str(code) for code, _ in actor_filter.lookup_choices} == {"FR", "ML"}


def test_search_finds_actions_by_the_quotes_of_their_citations(editor_admin):
    response = editor_admin.get("/admin/actions/action/", {"q": "délai jusqu’à samedi"})
    results = list(response.context["cl"].result_list)
    assert [action.summary[:40] for action in results] == [
        "France declares two Malian diplomats per"
    ]


def test_in_response_to_autocompletes_actions_of_any_kind(editor_admin):
    response = editor_admin.get(
        "/admin/autocomplete/",
        {
            "app_label": "actions",
            "model_name": "personanongratadeclaration",
            "field_name": "in_response_to",
            "term": "arrest",
        },
    )
    assert response.status_code == 200
    texts = [item["text"] for item in response.json()["results"]]
    assert "2025-08-01 ML → FR: Detention" in texts


def test_each_record_has_its_history(editor_admin):
    editor_admin.post(ADD_URL, declaration_form())
    created = PersonaNonGrataDeclaration.objects.get(actor="DE", target="RU")
    page = editor_admin.get(f"/admin/actions/personanongratadeclaration/{created.pk}/history/")
    assert page.status_code == 200
    assert "Created" in page.content.decode()  # django-simple-history's history page

"""Entering actions in the admin as a member of the Editors group."""

import pytest
from django.core.management import call_command

from actions.models import Action, PersonaNonGrataDeclaration, Source
from diplomacy.models import Envoy

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/actions/personanongratadeclaration/add/"


@pytest.fixture
def editor_admin(django_user_model, client):
    call_command("create_editors_group", verbosity=0)
    django_user_model.objects.create_user("ed", password="pw-for-tests")
    call_command("create_editors_group", "--add", "ed", verbosity=0)
    client.login(username="ed", password="pw-for-tests")
    return client


def declaration_form(**fields):
    source = Source.objects.get(publisher__startswith="Associated Press")
    envoys = Envoy.objects.filter(sending_state="ML")[:2]
    data = {
        "actor": "FR",
        "target": "ML",
        "summary": "France declares two more Malian diplomats persona non grata.",
        "notes": "",
        "date": "2025-10-02",
        "date_precision": "day",
        "announced_on": "",
        "episode": Action.objects.first().episode_id,
        "in_response_to": "",
        "cameo_code": "",
        "envoys": [envoy.pk for envoy in envoys],
        "persons_count": "2",
        "grounds": "reciprocity",
        "leave_by": "2025-10-05",
        "departed_on": "",
        "citations-TOTAL_FORMS": "1",
        "citations-INITIAL_FORMS": "0",
        "citations-MIN_NUM_FORMS": "0",
        "citations-MAX_NUM_FORMS": "1000",
        "citations-0-source": source.pk,
        "citations-0-quote": "Two more Malian diplomats were told to leave.",
        "citations-0-attribution": "AP",
    }
    data.update(fields)
    return data


def test_the_form_has_autocomplete_inline_citations_and_adds_envoys(editor_admin):
    page = editor_admin.get(ADD_URL).content.decode()
    for field in ("actor", "target", "envoys", "episode", "in_response_to"):
        assert f'id="id_{field}"' in page
        assert f'data-field-name="{field}"' in page  # Django's autocomplete widget
    assert 'id="citations-group"' in page
    assert 'data-field-name="source"' in page
    assert 'id="add_id_envoys"' in page  # "+": create an envoy from the action form


def test_an_editor_enters_a_declaration_that_the_api_then_serves(editor_admin, client):
    response = editor_admin.post(ADD_URL, declaration_form())
    assert response.status_code == 302, response.context["adminform"].form.errors
    created = PersonaNonGrataDeclaration.objects.get(summary__startswith="France declares two more")
    assert created.envoys.count() == 2
    assert created.citations.get().source.publisher.startswith("Associated Press")
    assert created.cameo_code == "161"
    feed = client.get("/api/v1/actions/?limit=1").json()["results"]
    assert feed[0]["id"] == created.pk


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"leave_by": "2025-10-01"}, "leave_by", "Cannot be before the date of the action."),
        ({"target": "FR"}, "target", "The target must differ from the actor."),
        ({"persons_count": "1"}, "persons_count", "At least the number of linked envoys (2)."),
        (
            {"persons_count": ""},
            "persons_count",
            "A persona non grata declaration concerns at least one person.",
        ),
    ],
)
def test_a_broken_invariant_is_shown_next_to_its_field(editor_admin, fields, field, message):
    response = editor_admin.post(ADD_URL, declaration_form(**fields))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert message in form.errors[field]
    assert "__all__" not in form.errors
    assert not PersonaNonGrataDeclaration.objects.filter(date="2025-10-02").exists()


def test_an_envoy_of_another_state_is_refused_on_the_envoys_field(editor_admin):
    french = Envoy.objects.filter(sending_state="FR")[:1]
    response = editor_admin.post(ADD_URL, declaration_form(envoys=[french[0].pk]))
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["envoys"]
    assert errors["envoys"][0].startswith("Envoys must belong to the target state ML")


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
    assert any("Detention" in text for text in texts)


def test_each_record_has_its_history(editor_admin):
    editor_admin.post(ADD_URL, declaration_form())
    created = PersonaNonGrataDeclaration.objects.get(date="2025-10-02")
    page = editor_admin.get(f"/admin/actions/personanongratadeclaration/{created.pk}/history/")
    assert page.status_code == 200
    assert "Created" in page.content.decode()  # django-simple-history's history page

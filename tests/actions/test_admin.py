"""Data entry in the admin: the invariants show as form errors, nothing is saved."""

import pytest
from django.contrib import admin

from actions.api.serializers import KIND_SERIALIZERS
from actions.models import Action, PersonaNonGrataDeclaration, Source
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


def test_a_valid_declaration_is_saved_with_its_kind_date_and_cameo_code(
    admin_client, russian_envoys
):
    source = Source.objects.get(uid=seed.ARTICLE_SOURCE)
    data = declaration_form(
        date="2024-03-20",
        date_precision="month",
        envoys=[envoy.pk for envoy in russian_envoys[:2]],
        **{**NO_CITATIONS, "citations-TOTAL_FORMS": "1", "citations-0-source": source.pk,
           "citations-0-quote": "« quote »", "citations-0-attribution": ""},
    )

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    declaration = PersonaNonGrataDeclaration.objects.get(actor="DE", target="RU")
    assert declaration.kind == "persona_non_grata"
    assert declaration.date.isoformat() == "2024-03-01"
    assert declaration.cameo_code == "161"
    assert declaration.envoys.count() == 2
    assert list(declaration.citations.values_list("quote", flat=True)) == ["« quote »"]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"leave_by": "2024-03-04"}, "leave_by"),
        ({"departed_on": "2024-03-04"}, "departed_on"),
        ({"announced_on": "2024-03-04"}, "announced_on"),
        ({"target": "DE"}, "target"),
        ({"persons_count": "0"}, "persons_count"),
        ({"persons_count": ""}, "persons_count"),
        ({"cameo_code": "abc"}, "cameo_code"),
        ({"target": "ZZ"}, "target"),
    ],
)
def test_an_invalid_declaration_shows_the_error_on_its_field(admin_client, overrides, field):
    count = Action.objects.count()

    response = admin_client.post(ADD_URL, declaration_form(**overrides))

    assert field in form_errors(response)
    assert Action.objects.count() == count


def test_empty_grounds_take_the_kinds_default_as_in_the_api(admin_client):
    response = admin_client.post(ADD_URL, declaration_form(grounds=""))

    assert response.status_code == 302
    declaration = PersonaNonGrataDeclaration.objects.get(actor="DE", target="RU")
    assert declaration.grounds == "unspecified"


def test_an_envoy_of_another_state_is_an_error_on_envoys(admin_client, russian_envoys):
    french_envoy = Envoy.objects.get(uid=seed.ARRESTED_ENVOY)

    response = admin_client.post(
        ADD_URL, declaration_form(envoys=[russian_envoys[0].pk, french_envoy.pk])
    )

    assert "envoys" in form_errors(response)
    assert not Action.objects.filter(actor="DE").exists()


def test_more_envoys_than_persons_is_an_error_on_persons_count(admin_client, russian_envoys):
    response = admin_client.post(
        ADD_URL, declaration_form(persons_count="1", envoys=[e.pk for e in russian_envoys])
    )

    assert "persons_count" in form_errors(response)
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

"""Read-only fields sent by a client are ignored, on create and on update.

Those the representation shows (`id`, `kind`, `created_at`, `updated_at`) are
ignored, and so are `uid`, `version` and `history`, which the API shows
elsewhere (the ETag, the history endpoint). Any other field the representation
does not show is unknown, and refused (400, nothing written).
"""

import datetime
import uuid

import pytest
from django.utils import timezone

from actions.models import Action
from tests.diplomacy.api.writable_resources import RESOURCES

LONG_AGO = "2001-01-01T00:00:00Z"


def _read_only_values():
    return {
        "id": Action.objects.order_by("id").first().pk,  # an existing record's id
        "uid": str(uuid.uuid4()),
        "created_at": LONG_AGO,
        "updated_at": LONG_AGO,
        "version": 42,
        "history": [{"version": 1, "change": "created", "changes": []}],
    }


def _assert_ignored(row, sent, *, before=None):
    if before is not None:
        for name in ("id", "uid", "created_at"):
            if name in row:
                assert row[name] == before[name], name
    if "uid" in row and "uid" in sent:
        assert str(row["uid"]) != sent["uid"]
    for name in ("created_at", "updated_at"):
        if name in row:
            assert row[name] > timezone.now() - datetime.timedelta(hours=1), name
    assert row["version"] == (1 if before is None else before["version"] + 1)


def _row(resource, response):
    table = resource.model._meta.concrete_model
    key = response.json()[resource.lookup]
    return table._base_manager.filter(**{resource.lookup: key}).values()[0]


def _shown(client, resource):
    """The read-only values to send: those of fields the representation shows."""
    shown = client.get(resource.list_url).json()["results"][0].keys()
    echoed = {"uid", "version", "history"}
    return {
        name: value
        for name, value in _read_only_values().items()
        if name in shown or name in echoed
    }


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda resource: resource.name)
def test_read_only_fields_are_ignored_on_create_and_update(editor_client, every_kind, resource):
    sent = _shown(editor_client, resource)
    existing = Action.objects.filter(pk=_read_only_values()["id"]).values()[0]

    created = editor_client.post(resource.list_url, {**resource.body, **sent})
    assert created.status_code == 201, created.json()
    row = _row(resource, created)
    _assert_ignored(row, sent)
    assert Action.objects.filter(pk=existing["id"]).values()[0] == existing  # not overwritten

    url = resource.detail_url(created.json())
    replaced = editor_client.put(url, {**resource.body, **sent}, HTTP_IF_MATCH=created["ETag"])
    assert replaced.status_code == 200, replaced.json()
    _assert_ignored(_row(resource, replaced), sent, before=row)
    assert Action.objects.filter(pk=existing["id"]).values()[0] == existing


def test_kind_is_fixed_by_the_resource_and_cameo_code_derived_when_blank(editor_client):
    resource = next(r for r in RESOURCES if r.name == "persona-non-grata-declarations")

    response = editor_client.post(
        resource.list_url, {**resource.body, "kind": "statement", "cameo_code": ""}
    )

    assert response.status_code == 201, response.json()
    action = Action.objects.get(pk=response.json()["id"])
    assert action.kind == "persona_non_grata"
    assert action.cameo_code == "161"

    changed = editor_client.patch(
        resource.detail_url(response.json()), {"kind": "detention"}, HTTP_IF_MATCH=response["ETag"]
    )
    assert changed.status_code == 200
    assert Action.objects.get(pk=action.pk).kind == "persona_non_grata"


@pytest.mark.parametrize("name", ["versio", "histories", "password"])
def test_a_field_the_representation_does_not_show_is_refused(editor_client, name):
    resource = next(r for r in RESOURCES if r.name == "sources")
    rows = resource.rows()

    response = editor_client.post(resource.list_url, {**resource.body, name: 42})

    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == [name]
    assert resource.rows() == rows

"""A dump of the whole dataset, restored into an emptied database, loses nothing.

Transactional (`seed_data`): flush truncates tables, which PostgreSQL refuses
inside the transaction that wraps an ordinary test.
"""

import json

from django.apps import apps
from django.core import serializers
from django.core.management import call_command

from actions.models import Action, Source

DATASET_APPS = ("diplomacy", "actions")


def _snapshot():
    """Every row of every table of the dataset and of its history, by model."""
    snapshot = {}
    for app in DATASET_APPS:
        for model in apps.get_app_config(app).get_models():
            rows = serializers.serialize(
                "python", model._base_manager.all(), use_natural_foreign_keys=True
            )
            for row in rows:
                # Derived: the restore's own entries supersede the latest ones
                # (diplomacy.as_of.validity), checked below.
                row["fields"].pop("history_valid_until", None)
            # str() of a datetime keeps its microseconds, unlike Django's JSON encoder.
            snapshot[model._meta.label] = sorted(
                json.dumps(row, default=str, sort_keys=True) for row in rows
            )
    return snapshot


def test_dump_and_restore_round_trip(seed_data, editor_client, api_client, tmp_path):
    # Edits through the API first: versions above 1, history by a user, an m2m change.
    source = Source.objects.order_by("id").first()
    url = f"/api/v1/sources/{source.pk}/"
    etag = api_client.get(url)["ETag"]
    assert editor_client.patch(url, {"title": "Edited"}, HTTP_IF_MATCH=etag).status_code == 200
    action = Action.objects.filter(kind="detention").first()
    action_url = f"/api/v1/detentions/{action.pk}/"
    etag = api_client.get(action_url)["ETag"]
    assert editor_client.patch(action_url, {"envoys": []}, HTTP_IF_MATCH=etag).status_code == 200
    before = _snapshot()
    assert before["actions.HistoricalSource"] and before["actions.HistoricalAction_envoys"]
    dump = tmp_path / "dump.json"

    call_command("dumpdata", "auth.user", *DATASET_APPS, natural_foreign=True, output=str(dump))
    call_command("flush", interactive=False, verbosity=0)
    assert Action.objects.count() == Source.objects.count() == 0
    call_command("loaddata", str(dump), verbosity=0)

    after = _snapshot()
    assert after.keys() == before.keys()
    for label, rows in before.items():
        if label.split(".")[1].startswith("Historical"):
            # The history is all there, plus one entry per record for the restore.
            assert set(rows) <= set(after[label]), label
        else:
            assert after[label] == rows, label
    assert api_client.get(url).json()["title"] == "Edited"
    # Every entry but each record's latest is valid until its successor's date.
    entries = list(Source.history.filter(id=source.pk).order_by("history_date", "history_id"))
    assert [e.history_valid_until for e in entries] == [
        *(e.history_date for e in entries[1:]), None
    ]
    assert api_client.get(f"{url}history/").json()[0]["reason"] == "loaddata"

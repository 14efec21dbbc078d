"""Run by tests/actions/test_adding_a_kind.py in a process of its own, with
tests.actions.throwaway.settings: the throwaway kind exists there only."""

import csv as csv_module
import datetime
import io
import json
import zipfile

import yaml

from actions.models import KIND_MODELS
from actions.package import write_package
from diplomacy.models import Envoy, State

BASE = "/api/v1/throwaway-acts/"


def test_the_throwaway_kind_has_its_resource(admin_client):
    client = admin_client
    envoy = Envoy.objects.create(name="Ambassador", sending_state=State.objects.get(code="DE"))

    created = client.post(
        BASE,
        {
            "actor": "DE",
            "target": "RU",
            "date": "2024-03-05",
            "summary": "A throwaway act.",
            "envoys": [envoy.pk],
            "released_on": "2024-03-09",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["kind"] == "throwaway"
    assert body["cameo_code"] == "10"
    assert body["envoys"][0]["id"] == envoy.pk  # the actor's envoys, as declared

    listed = client.get(BASE)
    assert [row["id"] for row in listed.json()["results"]] == [body["id"]]
    assert client.get(f"{BASE}{body['id']}/").json()["released_on"] == "2024-03-09"
    feed = client.get("/api/v1/actions/", {"kind": "throwaway"})
    assert [row["kind"] for row in feed.json()["results"]] == ["throwaway"]

    csv = client.get(BASE, {"format": "csv"})
    assert csv.status_code == 200
    header = csv.content.decode().splitlines()[0].split(",")
    assert "released_on" in header and "envoy_ids" in header

    schema = yaml.safe_load(client.get("/api/schema/").content)
    assert "/api/v1/throwaway-acts/{id}/" in schema["paths"]
    assert "ThrowawayAct" in schema["components"]["schemas"]
    assert KIND_MODELS["throwaway"]._meta.proxy

    # The data package holds it, with nothing written for it.
    written = io.BytesIO()
    write_package(written, name="t", created=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    with zipfile.ZipFile(written) as archive:
        descriptor = json.loads(archive.read("datapackage.json"))
        readme = archive.read("README.md").decode()
        rows = list(csv_module.DictReader(io.TextIOWrapper(archive.open("data/actions.csv"))))
    actions = next(r for r in descriptor["resources"] if r["name"] == "actions")
    kind = next(f for f in actions["schema"]["fields"] if f["name"] == "kind")
    assert "throwaway" in kind["constraints"]["enum"]
    assert "`throwaway`" in readme
    assert [row["released_on"] for row in rows if row["kind"] == "throwaway"] == ["2024-03-09"]

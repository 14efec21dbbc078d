"""Every episode file: loaded as `make run` loads it, and held to the data-entry rules."""

from collections import Counter
from io import StringIO

import pytest
import yaml
from django.core.exceptions import ValidationError
from django.core.management import call_command

from actions.envoys import action_validate_envoys
from actions.models import KIND_MODELS, Action, Episode, Source
from tests import seed
from tests.conftest import FIXTURES_DIR, SEED_FIXTURE

pytestmark = pytest.mark.django_db
EPISODE_FILES = sorted(str(path) for path in FIXTURES_DIR.glob("*.yaml"))


@pytest.fixture
def every_episode():
    call_command("load_fixtures", *EPISODE_FILES, verbosity=0)
    return Action.objects.select_related("actor", "target", "episode").prefetch_related(
        "envoys", "citations__source"
    )


def test_the_dataset_holds_thirty_episodes_and_150_actions_from_25_states(every_episode):
    states = {code for action in every_episode for code in (action.actor_id, action.target_id)}
    assert Episode.objects.count() >= 30
    assert every_episode.count() >= 150
    assert len(states) >= 25
    assert set(every_episode.values_list("kind", flat=True)) == set(KIND_MODELS)


def test_every_action_cites_a_page_and_says_what_it_supports(every_episode):
    uncited = [
        str(action)
        for action in every_episode
        if not any(
            citation.source.url.startswith(("https://", "http://"))
            and (citation.supports.strip() or citation.quote.strip())
            for citation in action.citations.all()
        )
    ]
    assert uncited == []


def test_every_action_keeps_its_kinds_rules(every_episode):
    broken = {}
    for action in every_episode:
        model = KIND_MODELS[action.kind]
        action.__class__ = model
        try:
            action.full_clean()
            action_validate_envoys(
                kind_model=model,
                actor=action.actor,
                target=action.target,
                envoys=list(action.envoys.all()),
                persons_count=action.persons_count,
            )
        except ValidationError as error:
            broken[str(action)] = error.message_dict
    assert broken == {}


def test_no_two_actions_of_an_episode_share_actor_target_kind_and_date(every_episode):
    keys = Counter(
        every_episode.values_list("episode", "actor", "target", "kind", "date")
    )
    assert [key for key, count in keys.items() if count > 1] == []


def test_third_party_pages_are_summarised_never_quoted(every_episode):
    # Verbatim passages come only from the France–Mali article the project holds.
    quoting = Source.objects.filter(citations__quote__gt="").exclude(url="").distinct()
    assert list(quoting) == []


def test_loading_never_overwrites_an_editors_change():
    declaration = Action.objects.get(uid=seed.FRENCH_PNG)
    declaration.summary = "Corrected by an editor in the admin."
    declaration.save()
    out = StringIO()

    call_command("load_fixtures", SEED_FIXTURE, stdout=out)

    declaration.refresh_from_db()
    assert declaration.summary == "Corrected by an editor in the admin."
    assert str(declaration.uid) in out.getvalue()
    assert "summary" in out.getvalue()


def test_loading_takes_a_reviewed_change_of_a_file(tmp_path):
    records = yaml.safe_load(open(SEED_FIXTURE))
    for record in records:
        if record["fields"].get("uid") == seed.FRENCH_WARNING:
            record["fields"]["summary"] = "Reviewed and corrected in the file."
    corrected = tmp_path / "france-mali-2025.yaml"
    corrected.write_text(yaml.safe_dump(records, allow_unicode=True))

    call_command("load_fixtures", str(corrected), verbosity=0)

    assert Action.objects.get(uid=seed.FRENCH_WARNING).summary == (
        "Reviewed and corrected in the file."
    )


def test_dump_episode_writes_what_loads_back_unchanged(tmp_path):
    declaration = Action.objects.get(uid=seed.FRENCH_PNG)
    declaration.summary = "Corrected by an editor in the admin."
    declaration.save()
    path = tmp_path / "france-mali-2025.yaml"

    call_command("dump_episode", seed.EPISODE_SLUG, output=str(path), stdout=StringIO())

    records = yaml.safe_load(path.read_text())
    assert len(records) == len(yaml.safe_load(open(SEED_FIXTURE)))
    assert records[0]["model"] == "actions.episode"
    dumped = {record["fields"]["uid"]: record for record in records}
    assert dumped[seed.FRENCH_PNG]["fields"]["summary"] == "Corrected by an editor in the admin."
    out = StringIO()
    call_command("load_fixtures", str(path), stdout=out)
    assert "Kept" not in out.getvalue()  # the file now says what the database does


def test_the_french_declaration_lies_between_august_and_september_2025(client):
    declaration = client.get(f"/api/v1/actions/{seed.action_id(seed.FRENCH_PNG)}/").json()
    assert declaration["date_precision"] == "range"
    assert "2025-08-01" <= declaration["date_not_before"] <= declaration["date_not_after"]
    assert declaration["date_not_after"] <= "2025-09-30"

    stats = client.get(
        "/api/v1/stats/actions/", {"group_by": "month", "episode": seed.EPISODE_SLUG}
    ).json()
    months = {row["month"] for row in stats["results"]}
    assert months <= {"2025-08", "2025-09"}
    assert stats["total"] == 8

"""The France–Mali 2025 fixture holds every fact of shared/seed/FACTS.md, read through the API."""

import datetime

import pytest
from django.core.management import call_command

from actions.dates import period_end
from actions.models import Action, Citation, Episode, Source
from diplomacy.models import Envoy, Mission, State
from tests import seed
from tests.conftest import SEED_FIXTURE

pytestmark = pytest.mark.django_db


def get_action(client, uid):
    response = client.get(f"/api/v1/actions/{seed.action_id(uid)}/")
    assert response.status_code == 200
    return response.json()


def episode_actions(client):
    response = client.get("/api/v1/actions/?limit=100")
    assert response.status_code == 200
    return [item for item in response.json()["results"] if item["episode"]
            and item["episode"]["slug"] == seed.EPISODE_SLUG]


def test_the_episode_is_served_by_slug_with_its_eight_actions(client):
    response = client.get(f"/api/v1/episodes/{seed.EPISODE_SLUG}/")

    assert response.status_code == 200
    assert "Mali" in response.json()["title"]
    assert len(episode_actions(client)) == 8


def test_loading_the_fixture_again_duplicates_nothing():
    models = [Episode, Source, Action, Citation, Mission, Envoy, State]
    before = {model: sorted(model.objects.values_list("pk", flat=True)) for model in models}
    envoy_links = Action.envoys.through.objects.count()

    call_command("loaddata", SEED_FIXTURE, verbosity=0)

    after = {model: sorted(model.objects.values_list("pk", flat=True)) for model in models}
    assert after == before
    assert Action.envoys.through.objects.count() == envoy_links


# (answer, what it answers), as FACTS.md gives them: 3 answers 1; France decides
# 6 and 7 in reaction to 1; Mali answers 7 with 5; 8 presses on 1; Mali's end of
# cooperation (AP) answers France's suspension.
RESPONSE_CHAIN = [
    (seed.FRENCH_DEMAND, seed.ARREST),
    (seed.FRENCH_SUSPENSION, seed.ARREST),
    (seed.FRENCH_PNG, seed.ARREST),
    (seed.MALI_PNG, seed.FRENCH_PNG),
    (seed.FRENCH_WARNING, seed.ARREST),
    (seed.MALI_END_OF_COOPERATION, seed.FRENCH_SUSPENSION),
]


@pytest.mark.parametrize(("answer", "answered"), RESPONSE_CHAIN)
def test_response_chain(client, answer, answered):
    action = get_action(client, answer)

    assert action["in_response_to"]["id"] == seed.action_id(answered)


@pytest.mark.parametrize("uid", [seed.ARREST, seed.ARREST_ANNOUNCEMENT])
def test_the_arrest_and_its_announcement_answer_nothing(client, uid):
    assert get_action(client, uid)["in_response_to"] is None


def test_every_response_is_to_an_earlier_action_of_the_other_state(client):
    actions = {item["id"]: item for item in episode_actions(client)}
    for action in actions.values():
        if action["in_response_to"] is None:
            continue
        answered = actions[action["in_response_to"]["id"]]
        assert action["actor"]["code"] == answered["target"]["code"]
        answer_latest_day = period_end(
            datetime.date.fromisoformat(action["date"]), action["date_precision"]
        )
        assert answer_latest_day >= datetime.date.fromisoformat(answered["date"])


@pytest.mark.parametrize(
    ("uid", "kind", "actor", "target", "date", "precision", "announced_on", "cameo_code"),
    [
        (seed.ARREST, "detention", "ML", "FR", "2025-08-01", "month", "2025-08-14", "173"),
        (seed.ARREST_ANNOUNCEMENT, "statement", "ML", "FR", "2025-08-14", "day",
         "2025-08-14", "1125"),
        (seed.FRENCH_DEMAND, "statement", "FR", "ML", "2025-08-16", "day", None, "1053"),
        (seed.FRENCH_SUSPENSION, "cooperation_suspension", "FR", "ML", "2025-08-14", "range",
         "2025-09-19", "160"),
        (seed.FRENCH_PNG, "persona_non_grata", "FR", "ML", "2025-08-14", "range",
         "2025-09-19", "161"),
        (seed.MALI_PNG, "persona_non_grata", "ML", "FR", "2025-09-01", "month",
         "2025-09-17", "161"),
        (seed.MALI_END_OF_COOPERATION, "cooperation_suspension", "ML", "FR", "2025-09-17",
         "day", "2025-09-17", "160"),
        (seed.FRENCH_WARNING, "statement", "FR", "ML", "2025-09-19", "day", None, "131"),
    ],
)
def test_each_action_its_parties_dates_precision_and_cameo_code(
    client, uid, kind, actor, target, date, precision, announced_on, cameo_code
):
    action = get_action(client, uid)

    assert action["kind"] == kind
    assert action["actor"]["code"] == actor
    assert action["target"]["code"] == target
    assert action["date"] == date
    assert action["date_precision"] == precision
    assert action["announced_on"] == announced_on
    assert action["cameo_code"] == cameo_code
    assert action["episode"]["slug"] == seed.EPISODE_SLUG
    assert action["citations"], "every fact is cited"


def test_france_declares_two_malian_diplomats_persona_non_grata_to_leave_by_20_september(
    client,
):
    action = get_action(client, seed.FRENCH_PNG)

    assert action["persons_count"] == 2
    assert len(action["envoys"]) == 2
    assert action["leave_by"] == "2025-09-20"
    assert action["departed_on"] is None


def test_mali_declares_five_french_staff_persona_non_grata_who_left_on_14_september(client):
    action = get_action(client, seed.MALI_PNG)

    assert action["persons_count"] == 5
    assert len(action["envoys"]) == 5
    assert action["departed_on"] == "2025-09-14"
    assert action["leave_by"] is None


def test_the_arrest_concerns_the_unnamed_french_embassy_member(client):
    action = get_action(client, seed.ARREST)

    assert [envoy["name"] for envoy in action["envoys"]] == [""]
    assert "French embassy" in action["envoys"][0]["description"]
    assert "intelligence" in action["accusation"]
    assert action["released_on"] is None


@pytest.mark.parametrize("uid", [seed.FRENCH_SUSPENSION, seed.MALI_END_OF_COOPERATION])
def test_counter_terrorism_cooperation_is_suspended_on_both_sides(client, uid):
    action = get_action(client, uid)

    assert action["domain"] == "counter_terrorism"
    assert action["resumed_on"] is None


def test_mali_end_of_cooperation_is_cited_to_ap(client):
    action = get_action(client, seed.MALI_END_OF_COOPERATION)

    assert [c["source"]["publisher"] for c in action["citations"]] == [
        "Associated Press (republished by billboardlifestyle.com)"
    ]
    assert "AP" in action["notes"]


def test_the_conflicting_announcement_days_are_both_cited(client):
    announcement = get_action(client, seed.ARREST_ANNOUNCEMENT)

    texts = [f"{c['quote']} {c['attribution']}" for c in announcement["citations"]]
    assert [text for text in texts if "15 août" in text]
    assert len([text for text in texts if "14 August" in text]) == 2


@pytest.mark.parametrize("uid", [seed.ARREST_ANNOUNCEMENT, seed.ARREST])
def test_the_notes_say_the_reports_conflict(client, uid):
    notes = get_action(client, uid)["notes"]

    assert "15 August" in notes
    assert "14 August" in notes
    assert "conflict" in notes


def test_every_envoy_belongs_to_the_target_state(client):
    envoys_seen = 0
    for action in episode_actions(client):
        for envoy in action["envoys"] if "envoys" in action else []:
            response = client.get(f"/api/v1/envoys/{envoy['id']}/")
            assert response.json()["sending_state"]["code"] == action["target"]["code"]
            envoys_seen += 1
    assert envoys_seen == 1 + 2 + 5


def test_malian_envoys_are_of_the_embassy_and_the_consulate_in_paris(client):
    action = get_action(client, seed.FRENCH_PNG)

    missions = []
    for envoy in action["envoys"]:
        mission = client.get(f"/api/v1/envoys/{envoy['id']}/").json()["mission"]
        missions.append((mission["kind"], mission["city"]))
    assert sorted(missions) == [("consulate", "Paris"), ("embassy", "Paris")]


def test_every_source_the_article_cites_is_listed(client):
    response = client.get("/api/v1/sources/?limit=100")

    publishers = " ".join(source["publisher"] for source in response.json()["results"])
    for name in ["AFP", "banouto", "westafricaweekly", "news-pravda", "L'Orient-Le Jour",
                 "rtn.ch", "africanews", "info241", "Associated Press"]:
        assert name in publishers

"""Every filter of the action resources, through HTTP, with its invalid values."""

import pytest

from actions.models import Action
from diplomacy.models import Envoy
from tests.api_helpers import error_fields, error_messages, result_ids
from tests.conditional import if_match

FEED = "/api/v1/actions/"


def ids(client, query, url=FEED):
    return set(result_ids(client.get(f"{url}?{query}&limit=500")))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("state=FR", "all"),
        ("state=ml,fr", "all"),
        ("state=DE", set()),
        ("actor=FR", {"fr_demands_release", "fr_expels", "fr_suspends", "fr_warns"}),
        ("target=FR", {"ml_detains", "ml_accuses", "ml_expels", "ml_ends_cooperation"}),
        ("dyad=ML,FR", "all"),
        ("dyad=FR,DE", set()),
        ("kind=statement", {"ml_accuses", "fr_demands_release", "fr_warns"}),
        (
            "kind=statement,detention",
            {"ml_accuses", "fr_demands_release", "fr_warns", "ml_detains"},
        ),
        ("date_after=2025-09-01", {"ml_expels", "ml_ends_cooperation", "fr_warns"}),
        ("date_before=2025-08-14", {"ml_detains", "ml_accuses", "fr_expels", "fr_suspends"}),
        (
            "date_after=2025-08-01&date_before=2025-08-31",
            # France's two measures, known only to lie between 14 August and 17
            # September, count at their earliest possible day.
            {"ml_detains", "ml_accuses", "fr_demands_release", "fr_expels", "fr_suspends"},
        ),
        ("episode=france-mali-2025", "all"),
        ("grounds=reciprocity", {"fr_expels", "ml_expels"}),
        ("domain=counter_terrorism", {"fr_suspends", "ml_ends_cooperation"}),
        (
            "statement_type=demand_for_release,threat_of_measures",
            {"fr_demands_release", "fr_warns"},
        ),
        ("cameo=16", {"fr_expels", "ml_expels", "fr_suspends", "ml_ends_cooperation"}),
        ("cameo=11", {"ml_accuses"}),
        # PLOVER tells an expulsion from the other measures CAMEO files under 16.
        ("plover=SANCTION&plover_mode=expel", {"fr_expels", "ml_expels"}),
        ("plover_mode=discontinue", {"fr_suspends", "ml_ends_cooperation"}),
        ("plover=COERCE", {"ml_detains"}),
        ("plover=REQUEST,THREATEN", {"fr_demands_release", "fr_warns"}),
        ("plover=ACCUSE&plover_mode=allege", {"ml_accuses"}),
        ("cameo=16,17", {"fr_expels", "ml_expels", "fr_suspends", "ml_ends_cooperation",
                         "ml_detains"}),
        ("q=intelligence", {"ml_detains", "fr_expels"}),
        ("q=INTELLIGENCE officers", {"fr_expels"}),
        # Only in a quote of a citation, not in summaries or notes.
        ("q=renseignement", {"ml_detains"}),
        # Only in what a citation supports ("the Frenchman arrested in Mali").
        ("q=frenchman", {"fr_demands_release"}),
        ("actor=FR&kind=statement", {"fr_demands_release", "fr_warns"}),
    ],
)
def test_filter(client, seed_ids, query, expected):
    if expected == "all":
        expected = set(seed_ids.values())
    else:
        expected = {seed_ids[name] for name in expected}
    assert ids(client, query) == expected


def test_in_response_to(client, seed_ids):
    answers = ids(client, f"in_response_to={seed_ids['ml_detains']}")
    assert answers == {
        seed_ids[name] for name in ("fr_demands_release", "fr_expels", "fr_suspends", "fr_warns")
    }
    both = ids(client, f"in_response_to={seed_ids['fr_expels']},{seed_ids['fr_suspends']}")
    assert both == {seed_ids["ml_expels"], seed_ids["ml_ends_cooperation"]}


def test_envoy_matches_each_action_once(client, seed_ids):
    expelled = list(
        Envoy.objects.filter(actions__id=seed_ids["ml_expels"]).values_list("id", flat=True)
    )
    response = client.get(f"{FEED}?envoy={','.join(map(str, expelled))}")
    assert result_ids(response) == [seed_ids["ml_expels"]]  # not once per envoy


def test_filters_apply_to_each_kind_resource(client, seed_ids):
    url = "/api/v1/persona-non-grata-declarations/"
    assert ids(client, "actor=ML", url) == {seed_ids["ml_expels"]}
    assert ids(client, "grounds=reciprocity", url) == {seed_ids["fr_expels"], seed_ids["ml_expels"]}


def test_text_search_finds_an_action_once_whatever_its_matching_quotes(
    editor_client, client, seed_ids
):
    response = editor_client.post(
        "/api/v1/diplomatic-statements/",
        {
            "actor": "FR",
            "target": "ML",
            "date": "2025-10-01",
            "summary": "A statement.",
            "statement_type": "denunciation",
            "citations": [
                {"source": 1, "quote": "zanzibarine one"},
                {"source": 1, "quote": "zanzibarine two"},
            ],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert result_ids(client.get(f"{FEED}?q=zanzibarine")) == [response.json()["id"]]


def test_updated_since(editor_client, client, seed_ids):
    assert ids(client, "updated_since=2026-11-26T12:00:00Z") == set(seed_ids.values())
    # The two French measures were re-dated in the file on 29 November.
    assert ids(client, "updated_since=2026-11-26T12:00:01Z") == {
        seed_ids["fr_expels"], seed_ids["fr_suspends"]
    }
    assert ids(client, "updated_since=2026-11-29T12:00:01Z") == set()
    before = client.get(f"{FEED}{seed_ids['fr_warns']}/").json()["updated_at"]
    response = editor_client.patch(
        f"/api/v1/diplomatic-statements/{seed_ids['fr_warns']}/",
        {"notes": "Edited."},
        format="json",
        **if_match(editor_client, f"/api/v1/diplomatic-statements/{seed_ids['fr_warns']}/"),
    )
    assert response.status_code == 200
    changed_at = response.json()["updated_at"]
    assert changed_at > before
    assert ids(client, f"updated_since={changed_at}") == {seed_ids["fr_warns"]}
    # A date-time without offset is UTC; a date alone is midnight.
    assert ids(client, "updated_since=2026-11-29T12:00:01") == {seed_ids["fr_warns"]}


@pytest.mark.parametrize(
    "ordering, key",
    [
        ("date", lambda row: (row["date"], row["id"])),
        ("-date", lambda row: (row["date"], row["id"])),
        ("announced_on", None),
        ("-updated_at", lambda row: (row["updated_at"], row["id"])),
        ("created_at", lambda row: (row["created_at"], row["id"])),
    ],
)
def test_ordering(client, seed_ids, ordering, key):
    rows = client.get(f"{FEED}?ordering={ordering}").json()["results"]
    assert len(rows) == 8
    if key is None:  # nulls sort differently by database; the dated ones are in order
        dated = [row["announced_on"] for row in rows if row["announced_on"]]
        assert dated == sorted(dated)
        return
    assert rows == sorted(rows, key=key, reverse=ordering.startswith("-"))


def test_default_order_is_newest_first_with_id_tiebreaker(client, seed_ids):
    rows = client.get(FEED).json()["results"]
    keys = [(row["date"], row["id"]) for row in rows]
    assert keys == sorted(keys, reverse=True)


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("state=XX", "state"),
        ("state=FR,QQ", "state"),
        ("actor=France", "actor"),
        ("target=12", "target"),
        ("dyad=FR", "dyad"),
        ("dyad=FR,FR", "dyad"),
        ("dyad=FR,ML,DE", "dyad"),
        ("dyad=FR,XX", "dyad"),
        ("kind=expulsion", "kind"),
        ("kind=statement,nope", "kind"),
        ("date_after=2025-13-01", "date_after"),
        ("date_before=yesterday", "date_before"),
        ("episode=no-such-episode", "episode"),
        ("envoy=abc", "envoy"),
        ("envoy=999999", "envoy"),
        ("grounds=rudeness", "grounds"),
        ("grounds=", "grounds"),
        ("kind=", "kind"),
        ("domain=sports", "domain"),
        ("statement_type=praise", "statement_type"),
        ("cameo=1a", "cameo"),
        ("cameo=16000", "cameo"),
        ("in_response_to=first", "in_response_to"),
        ("in_response_to=999999", "in_response_to"),
        ("updated_since=last-week", "updated_since"),
        ("ordering=summary", "ordering"),
        ("ordering=-nope", "ordering"),
    ],
)
def test_invalid_value_is_a_400_naming_the_parameter(client, db, query, parameter):
    for url in (FEED, "/api/v1/detentions/"):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400, (url, query, response.content)
        assert error_fields(response) == [parameter]


def test_invalid_value_asked_as_csv_is_still_a_json_error(client, db):
    response = client.get(f"{FEED}?format=csv&kind=nope")
    assert response.status_code == 400
    assert error_fields(response) == ["kind"]
    assert "nope" in error_messages(response)[0]


def test_unknown_parameters_are_ignored_like_everywhere(client, seed_ids):
    assert Action.objects.count() == len(ids(client, "colour=blue"))

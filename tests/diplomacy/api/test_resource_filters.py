"""The filters of states, missions, envoys, episodes and sources; updated_since on each."""

import datetime
from urllib.parse import quote

import pytest

from actions.models import Episode, Source
from diplomacy.models import Envoy, Mission, State
from tests.api_helpers import error_fields, kind_list_urls
from tests.conditional import if_match


def results(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_states(client, db):
    assert [row["code"] for row in results(client, "/api/v1/states/?q=mali")] == ["ML", "SO"]
    assert [row["code"] for row in results(client, "/api/v1/states/?q=MLI")] == ["ML"]
    historic = results(client, "/api/v1/states/?historic=true&limit=500")
    assert historic and all(row["is_historic"] for row in historic)
    assert len(historic) == State.objects.filter(is_historic=True).count()
    current = client.get("/api/v1/states/?historic=false").json()["count"]
    assert current == State.objects.filter(is_historic=False).count()
    codes = [row["code"] for row in results(client, "/api/v1/states/?ordering=-code&limit=3")]
    assert codes == sorted(codes, reverse=True)


def test_missions(client, db):
    assert {row["city"] for row in results(client, "/api/v1/missions/?sending_state=ML")} == {
        "Paris"
    }
    assert len(results(client, "/api/v1/missions/?state=FR")) == 3
    assert len(results(client, "/api/v1/missions/?receiving_state=ML")) == 1
    kinds = results(client, "/api/v1/missions/?kind=consulate")
    assert [(row["sending_state"]["code"], row["city"]) for row in kinds] == [("ML", "Paris")]
    assert len(results(client, "/api/v1/missions/?q=bamako")) == 1


def test_envoys(client, db):
    assert len(results(client, "/api/v1/envoys/?state=ML")) == Envoy.objects.filter(
        sending_state="ML"
    ).count() > 0
    bamako = Mission.objects.get(city="Bamako")
    assert len(results(client, f"/api/v1/envoys/?mission={bamako.pk}")) == 6
    arrested = results(client, "/api/v1/envoys/?q=arrested")
    assert [row["category"] for row in arrested] == ["diplomatic_agent"]
    agents = results(client, "/api/v1/envoys/?category=diplomatic_agent")
    assert arrested[0] in agents
    assert {row["category"] for row in agents} == {"diplomatic_agent"}


def test_episodes(client, db):
    assert [row["slug"] for row in results(client, "/api/v1/episodes/?state=ML")] == [
        "france-mali-2025"
    ]
    assert results(client, "/api/v1/episodes/?state=DE") == []
    assert len(results(client, "/api/v1/episodes/?q=junta counter-terrorism")) == 1


def test_sources(client, db):
    french = results(client, "/api/v1/sources/?language=fr&limit=100")
    assert len(french) == Source.objects.filter(language="fr").count() > 0
    dated = results(client, "/api/v1/sources/?published_after=2025-09-17&limit=100")
    assert dated and all(row["published_on"] >= "2025-09-17" for row in dated)
    publisher = Source.objects.order_by("id").first().publisher.split()[0]
    assert results(client, f"/api/v1/sources/?q={publisher}")


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/states/",
        "/api/v1/missions/",
        "/api/v1/envoys/",
        "/api/v1/episodes/",
        "/api/v1/sources/",
        "/api/v1/actions/",
        *kind_list_urls(),
        "/api/v1/deletions/",
    ],
)
def test_updated_since_on_every_list(client, db, url):
    assert client.get(f"{url}?updated_since=2999-01-01T00:00:00Z").json()["count"] == 0
    response = client.get(f"{url}?updated_since=tomorrow")
    assert response.status_code == 400
    assert error_fields(response) == ["updated_since"]


def test_updated_since_sees_an_edit_of_each_resource(editor_client, client, db):
    since = "2026-11-26T12:00:01Z"  # after the fixture was recorded
    Episode.objects.get(slug="france-mali-2025").save()
    Mission.objects.get(city="Bamako").save()
    assert [row["slug"] for row in results(client, f"/api/v1/episodes/?updated_since={since}")] == [
        "france-mali-2025"
    ]
    assert [row["city"] for row in results(client, f"/api/v1/missions/?updated_since={since}")] == [
        "Bamako"
    ]
    before_edit = quote(datetime.datetime.now(datetime.UTC).isoformat())
    response = editor_client.patch(
        "/api/v1/states/ML/",
        {"official_name": "Mali"},
        format="json",
        **if_match(editor_client, "/api/v1/states/ML/"),
    )
    assert response.status_code == 200
    changed = results(client, f"/api/v1/states/?updated_since={before_edit}")
    assert [row["code"] for row in changed] == ["ML"]


def test_updated_since_takes_any_offset_python_takes(client, db):
    # +19:58 is beyond PostgreSQL's range of offsets; the filter converts to UTC.
    url = "/api/v1/states/?updated_since=0221-02-25T17:53:18%2B19:58"
    assert client.get(url).json()["count"] == State.objects.count()
    # A moment before year 1 in UTC fits the schema's date-time: the first moment.
    response = client.get("/api/v1/states/?updated_since=0001-01-01T00:00:00%2B01:00")
    assert response.status_code == 200
    assert response.json()["count"] == State.objects.count()


@pytest.mark.parametrize(
    "url, parameter",
    [
        ("/api/v1/states/?historic=maybe", "historic"),
        ("/api/v1/states/?ordering=population", "ordering"),
        ("/api/v1/missions/?state=XX", "state"),
        ("/api/v1/missions/?sending_state=France", "sending_state"),
        ("/api/v1/missions/?kind=palace", "kind"),
        ("/api/v1/envoys/?mission=999999", "mission"),
        ("/api/v1/envoys/?mission=one", "mission"),
        ("/api/v1/envoys/?category=spy", "category"),
        ("/api/v1/envoys/?state=QQ", "state"),
        ("/api/v1/episodes/?state=QQ", "state"),
        ("/api/v1/sources/?published_after=2025-02-30", "published_after"),
        ("/api/v1/sources/?published_before=may", "published_before"),
        ("/api/v1/deletions/?resource=planets", "resource"),
    ],
)
def test_invalid_values_are_400s_naming_the_parameter(client, db, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    assert error_fields(response) == [parameter]

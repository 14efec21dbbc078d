"""/api/v1/sources/: the reports actions are cited to; a cited source cannot be deleted."""

import pytest

from actions.models import Source
from tests import seed

pytestmark = pytest.mark.django_db

REPORT = {
    "publisher": "Reuters",
    "title": "Mali expels French diplomats",
    "url": "https://www.reuters.com/world/africa/example",
    "published_on": "2025-09-17",
    "language": "en",
}


def test_list_shows_the_seed_sources(client):
    body = client.get("/api/v1/sources/").json()

    assert body["count"] == Source.objects.count() == 9


def test_create_read_update_delete(editor_client, client):
    response = editor_client.post("/api/v1/sources/", REPORT)
    assert response.status_code == 201, response.json()
    url = f"/api/v1/sources/{response.json()['id']}/"

    assert client.get(url).json()["url"] == REPORT["url"]

    response = editor_client.patch(url, {"published_on": None, "language": "fr"})
    assert response.status_code == 200
    assert (response.json()["published_on"], response.json()["language"]) == (None, "fr")

    response = editor_client.put(url, {**REPORT, "title": "Updated"})
    assert response.status_code == 200
    assert response.json()["title"] == "Updated"

    assert editor_client.delete(url).status_code == 204
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"url": "not a url"}, "url"),
        ({"published_on": "17/09/2025"}, "published_on"),
        ({"publisher": ""}, "publisher"),
        ({"language": "a-very-long-language"}, "language"),
    ],
)
def test_invalid_source_is_a_400_on_the_field(editor_client, changes, field):
    response = editor_client.post("/api/v1/sources/", {**REPORT, **changes})

    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_deleting_a_cited_source_is_a_409(editor_client):
    source = Source.objects.get(uid=seed.ARTICLE_SOURCE)

    response = editor_client.delete(f"/api/v1/sources/{source.pk}/")

    assert response.status_code == 409
    assert "Cannot delete" in response.json()["detail"]
    assert Source.objects.filter(pk=source.pk).exists()


def test_a_citation_of_an_unknown_source_is_a_400(editor_client):
    response = editor_client.post(
        "/api/v1/diplomatic-statements/",
        {
            "actor": "FR", "target": "ML", "date": "2025-09-19", "summary": "x",
            "statement_type": "denunciation",
            "citations": [{"source": Source.objects.first().pk}, {"source": 10**9}],
        },
    )

    assert response.status_code == 400
    # DRF 3.18 keys the errors of a list by the index of the bad item.
    assert response.json() == {"citations": {"1": {"source": ["No source with id 1000000000."]}}}

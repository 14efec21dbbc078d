"""/api/v1/sources/: the reports actions are cited to; a cited source cannot be deleted."""

import pytest

from actions.models import Action, Citation, Source
from tests import seed
from tests.api_case import ResourceAPITestCase
from tests.conditional import if_match
from tests.problems import assert_invalid, assert_problem, field_errors

pytestmark = pytest.mark.django_db


class TestSourceAPI(ResourceAPITestCase):
    resource_names = ("sources",)

REPORT = {
    "publisher": "Reuters",
    "title": "Mali expels French diplomats",
    "url": "https://www.reuters.com/world/africa/example",
    "published_on": "2025-09-17",
    "language": "en",
}


def test_list_shows_the_seed_sources(client):
    body = client.get("/api/v1/sources/").json()

    # The France–Mali episode cites twelve pages and agency dispatches.
    assert body["count"] == Source.objects.count() == 12


def test_every_field_is_written_and_the_optional_ones_cleared(editor_client, client):
    response = editor_client.post("/api/v1/sources/", REPORT)
    assert response.status_code == 201, response.json()
    url = f"/api/v1/sources/{response.json()['id']}/"

    assert client.get(url).json()["url"] == REPORT["url"]

    response = editor_client.patch(
        url,
        {"published_on": None, "language": "fr"},
        **if_match(editor_client, url),
    )
    assert response.status_code == 200
    assert (response.json()["published_on"], response.json()["language"]) == (None, "fr")


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
    count = Source.objects.count()

    response = editor_client.post("/api/v1/sources/", {**REPORT, **changes})

    assert list(assert_invalid(response, field)) == [field]
    assert Source.objects.count() == count


def test_deleting_a_cited_source_is_a_409(editor_client):
    source = Source.objects.get(uid=seed.ARTICLE_SOURCE)

    response = editor_client.delete(
        f"/api/v1/sources/{source.pk}/",
        **if_match(editor_client, f"/api/v1/sources/{source.pk}/"),
    )

    problem = assert_problem(response, 409, "conflict")
    assert "Cannot delete" in problem["detail"]
    assert Source.objects.filter(pk=source.pk).exists()


def test_a_citation_of_an_unknown_source_is_a_400(editor_client):
    actions, citations = Action.objects.count(), Citation.objects.count()

    response = editor_client.post(
        "/api/v1/diplomatic-statements/",
        {
            "actor": "FR", "target": "ML", "date": "2025-09-19", "summary": "x",
            "statement_type": "denunciation",
            "citations": [{"source": Source.objects.first().pk}, {"source": 10**9}],
        },
    )

    # The error names the bad item by its index: a dotted path into the body.
    assert_invalid(response, "citations.1.source")
    assert field_errors(response) == {"citations.1.source": ["No source with id 1000000000."]}
    assert (Action.objects.count(), Citation.objects.count()) == (actions, citations)

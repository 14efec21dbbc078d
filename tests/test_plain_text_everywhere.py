"""Free text is plain text: the same rule refuses markup through the API, in the
admin (forms and the citation inline) and in imports."""

import pytest
import tablib

from actions.models import Action, Citation, Source
from actions.resources import SourceResource
from tests import seed

pytestmark = pytest.mark.django_db

MARKUP = "Report <script>alert(1)</script>"
MESSAGE = "Plain text only: no HTML or XML markup."


def test_the_api_refuses_markup(editor_client):
    response = editor_client.post("/api/v1/sources/", {"publisher": "AP", "title": MARKUP})
    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == ["title"]
    assert not Source.objects.filter(title=MARKUP).exists()


def test_the_admin_refuses_markup(admin_client):
    response = admin_client.post(
        "/admin/actions/source/add/", {"publisher": "AP", "title": MARKUP, "language": "en"}
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["title"] == [MESSAGE]
    assert not Source.objects.filter(title=MARKUP).exists()


def test_the_admins_citation_inline_refuses_markup(admin_client):
    action = Action.objects.get(uid=seed.FRENCH_WARNING)
    citations = list(action.citations.order_by("id"))
    data = {
        "actor": "FR", "target": "ML", "summary": action.summary, "notes": action.notes,
        "date": action.date.isoformat(), "date_precision": action.date_precision,
        "announced_on": "", "episode": action.episode_id,
        "in_response_to": action.in_response_to_id, "cameo_code": action.cameo_code,
        "plover": action.plover, "plover_mode": action.plover_mode,
        "statement_type": action.statement_type,
        "citations-TOTAL_FORMS": str(len(citations)),
        "citations-INITIAL_FORMS": str(len(citations)),
        "citations-MIN_NUM_FORMS": "0", "citations-MAX_NUM_FORMS": "1000",
    }
    for index, citation in enumerate(citations):
        data.update({
            f"citations-{index}-id": citation.pk, f"citations-{index}-action": action.pk,
            f"citations-{index}-source": citation.source_id,
            f"citations-{index}-supports": MARKUP if index == 0 else citation.supports,
            f"citations-{index}-quote": citation.quote,
            f"citations-{index}-attribution": citation.attribution,
        })

    response = admin_client.post(
        f"/admin/actions/diplomaticstatement/{action.pk}/change/", data
    )

    assert response.status_code == 200
    [inline] = response.context["inline_admin_formsets"]
    assert inline.formset.errors[0]["supports"] == [MESSAGE]
    assert not Citation.objects.filter(supports=MARKUP).exists()


def test_an_import_refuses_markup():
    dataset = tablib.Dataset(["", "AP", MARKUP, "", "", "en"],
                             headers=["uid", "publisher", "title", "url", "published_on",
                                      "language"])

    result = SourceResource().import_data(dataset, dry_run=True)

    [row] = result.invalid_rows
    assert row.error_dict["title"] == [MESSAGE]

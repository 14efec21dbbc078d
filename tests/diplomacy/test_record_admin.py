"""Two editors in the admin: the second save of the same version is refused."""

import pytest

from actions.models import Action, Source
from diplomacy.record_admin import CHANGED_MEANWHILE


@pytest.fixture
def staff_client(client, editor):
    editor.is_staff = True
    editor.save()
    client.force_login(editor)
    return client


def _source_form(source, **changes):
    return {
        "publisher": source.publisher,
        "title": source.title,
        "url": source.url,
        "published_on": source.published_on or "",
        "language": source.language,
        **changes,
    }


@pytest.mark.parametrize(
    "page",
    [
        lambda: f"/admin/actions/source/{Source.objects.order_by('id').first().pk}/change/",
        lambda: "/admin/actions/personanongratadeclaration/"
        f"{Action.objects.filter(kind='persona_non_grata').order_by('id').first().pk}/change/",
    ],
    ids=["source", "persona-non-grata-declaration"],
)
def test_the_change_page_carries_the_version_it_shows(staff_client, page):
    response = staff_client.get(page())

    assert response.status_code == 200
    assert b'name="read_version" value="1"' in response.content


def test_saving_a_page_opened_before_another_change_is_refused(staff_client, editor_client):
    source = Source.objects.order_by("id").first()
    url = f"/admin/actions/source/{source.pk}/change/"
    opened_at = source.version
    api_url = f"/api/v1/sources/{source.pk}/"
    etag = editor_client.get(api_url)["ETag"]
    assert (
        editor_client.patch(api_url, {"title": "Changed meanwhile"}, HTTP_IF_MATCH=etag)
    ).status_code == 200

    stale = staff_client.post(
        url, _source_form(source, title="From the admin", read_version=opened_at)
    )

    assert stale.status_code == 200
    assert CHANGED_MEANWHILE in stale.content.decode()
    assert Source.objects.get(pk=source.pk).title == "Changed meanwhile"

    fresh = staff_client.post(
        url, _source_form(source, title="From the admin", read_version=opened_at + 1)
    )
    assert fresh.status_code == 302
    assert Source.objects.get(pk=source.pk).title == "From the admin"

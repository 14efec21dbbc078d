"""The browsable API (HTML) renders every resource, with its forms for an editor."""

import json
import re
from html import unescape

import pytest
from django.test import Client

from actions.models import Action, Source
from diplomacy.models import Envoy, Mission
from tests import seed
from tests.api_helpers import kind_list_urls

pytestmark = pytest.mark.django_db


def urls():
    detentions = Action.objects.filter(kind="detention")
    return [
        "/api/v1/",
        "/api/v1/actions/",
        f"/api/v1/actions/{seed.action_id(seed.MALI_PNG)}/",
        "/api/v1/states/",
        "/api/v1/states/ML/",
        "/api/v1/missions/",
        f"/api/v1/missions/{Mission.objects.first().pk}/",
        "/api/v1/envoys/",
        f"/api/v1/envoys/{Envoy.objects.first().pk}/",
        "/api/v1/episodes/",
        f"/api/v1/episodes/{seed.EPISODE_SLUG}/",
        "/api/v1/sources/",
        f"/api/v1/sources/{Source.objects.first().pk}/",
        *kind_list_urls(),
        f"/api/v1/persona-non-grata-declarations/{seed.action_id(seed.FRENCH_PNG)}/",
        f"/api/v1/detentions/{detentions.first().pk}/",
    ]


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "editor"])
def test_every_resource_renders_as_html(editor, logged_in):
    client = Client()
    if logged_in:
        client.force_login(editor)
    for url in urls():
        response = client.get(url, HTTP_ACCEPT="text/html")

        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("text/html"), url


def write_form(html):
    """The browsable API's write form: the raw JSON body, since bodies are JSON only."""
    match = re.search(r'<textarea name="_content"[^>]*>(.*?)</textarea>', html, re.DOTALL)
    return match and json.loads(unescape(match.group(1)))


def test_an_editor_gets_the_write_forms(editor):
    client = Client()
    client.force_login(editor)

    response = client.get("/api/v1/persona-non-grata-declarations/", HTTP_ACCEPT="text/html")

    html = response.content.decode()
    # Form-encoded bodies are refused (415): no HTML form, a JSON body to fill in.
    assert 'name="persons_count"' not in html
    content_types = re.search(r'<select[^>]*name="_content_type"[^>]*>(.*?)</select>', html, re.S)
    assert re.findall(r'<option value="([^"]+)"', content_types.group(1)) == ["application/json"]
    form = write_form(html)
    assert {"persons_count", "leave_by", "envoys", "citations"} <= form.keys()


def test_an_anonymous_visitor_gets_no_write_form():
    response = Client().get("/api/v1/persona-non-grata-declarations/", HTTP_ACCEPT="text/html")

    html = response.content.decode()
    assert 'name="persons_count"' not in html
    assert write_form(html) is None

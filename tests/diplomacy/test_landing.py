import re

import pytest


@pytest.mark.django_db
def test_the_landing_page_links_to_the_docs_the_schema_the_admin_and_an_example(client):
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    for link in ("/api/docs/", "/api/redoc/", "/api/schema/", "/api/v1/", "/admin/"):
        assert f'href="{link}"' in page
    assert "curl 'http://testserver/api/v1/actions/?state=ML&amp;limit=2'" in page
    assert 'href="/api/v1/actions/?state=ML&amp;limit=2"' in page
    assert client.get("/api/v1/actions/?state=ML&limit=2").json()["count"] == 8


@pytest.mark.django_db  # the page shows the data
def test_the_landing_page_loads_nothing_from_another_host(client):
    page = client.get("/").content.decode()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)

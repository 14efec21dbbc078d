"""Static files of the admin and of the API docs are served by the app itself (whitenoise)."""

import pytest


@pytest.mark.parametrize(
    "path",
    [
        "/static/admin/css/base.css",
        "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css",
        "/static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js",
    ],
)
def test_static_assets_are_served(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)

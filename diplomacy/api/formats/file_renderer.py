"""A renderer for a file the view streams itself (a zip).

DRF negotiates the format by the view's renderers, so the file's media type
needs one that names it. The view answers with a streamed response, which is
never rendered, and errors are problem documents whatever was accepted
(diplomacy.api.errors): nothing is left for `render` to encode.
"""

from rest_framework import renderers


class ZipFileRenderer(renderers.BaseRenderer):
    media_type = "application/zip"
    format = "zip"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data if isinstance(data, bytes) else b""

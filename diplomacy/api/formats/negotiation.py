from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import DefaultContentNegotiation


class FormatNegotiation(DefaultContentNegotiation):
    """An unknown `?format=` on a read is a 400 that names the parameter, as every
    bad parameter value is, where DRF answers 404. Other methods answer in JSON
    whatever `format` a list carries in its URL (a 405 stays a 405)."""

    def select_renderer(self, request, renderers, format_suffix=None):
        self._method = request.method
        # DRF ignores an empty `?format=`; it is as wrong as an unknown one.
        if request.query_params.get(self.settings.URL_FORMAT_OVERRIDE) == "":
            self.filter_renderers(renderers, "")
        return super().select_renderer(request, renderers, format_suffix)

    def filter_renderers(self, renderers, format):
        filtered = [renderer for renderer in renderers if renderer.format == format]
        if filtered:
            return filtered
        if self._method not in ("GET", "HEAD"):
            return renderers
        known = ", ".join(renderer.format for renderer in renderers)
        raise ValidationError({"format": [f"Unknown format {format!r}: use {known}."]})

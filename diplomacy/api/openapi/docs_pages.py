"""The pages of the docs, served with no request to any other host."""

from drf_spectacular.views import SpectacularRedocView


class RedocView(SpectacularRedocView):
    """ReDoc, from this server only.

    The template drops the Google Fonts that drf-spectacular's page loads (ReDoc
    falls back to system fonts). ReDoc itself always fetches the "API docs by
    Redocly" logo from its CDN, with no option to stop it: the page's content
    security policy refuses images and fonts from anywhere but here, so the
    browser never asks, and ReDoc shows the link without its logo. (django-csp
    would set a policy for the whole site; this page needs two directives.)
    """

    template_name = "diplomacy/redoc.html"

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Security-Policy"] = "img-src 'self' data:; font-src 'self' data:"
        return response

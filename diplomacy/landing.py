"""The page at `/`: what the API is and where to start."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe

# What the apps show of their data on the landing page, in this order: each a
# function of the request that returns a fragment of HTML (named here, as the
# API's routers are in urls.py, so that this package imports no app of its own).
LANDING_PANELS = ["actions.pages.landing.data_panel"]


def landing(request):
    example = reverse("action-list") + "?state=ML&limit=2"
    return render(
        request,
        "diplomacy/landing.html",
        {
            "title": settings.SPECTACULAR_SETTINGS["TITLE"],
            "example_path": example,
            # Absolute for curl, built from the request's host.
            "example_url": request.build_absolute_uri(example),
            "panels": [mark_safe(import_string(name)(request)) for name in LANDING_PANELS],
        },
    )

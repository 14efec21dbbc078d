"""The page at `/`: what the API is and where to start."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse


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
        },
    )

"""Who may write. The permission matrix over every write of every resource (anonymous,
authenticated without permission, view-only, holding the other write permissions,
permitted) is in the shared case, `tests/api_case.py`: this module checks that every
writable route is declared and covered by it, and the CSRF check of session writes.
"""

import importlib
import pkgutil

from django.conf import settings
from django.urls import get_resolver
from django.utils.crypto import get_random_string
from rest_framework.test import APIClient

import tests.actions.api
import tests.diplomacy.api
from actions.models import Source
from tests.api_case import ResourceAPITestCase
from tests.diplomacy.api.writable_resources import RESOURCES


def _writable_routes():
    from diplomacy.urls import api_v1  # noqa: F401  (the routers are registered on import)

    writable = set()
    for pattern in get_resolver().url_patterns:
        for route in getattr(pattern, "url_patterns", []):
            for inner in getattr(route, "url_patterns", []):
                callback = getattr(inner, "callback", None)
                actions = getattr(callback, "actions", {}) or {}
                if "post" in actions:
                    writable.add(str(inner.pattern).removesuffix("/$").lstrip("^"))
    return writable


def _covered_by_the_shared_case():
    for package in (tests.actions.api, tests.diplomacy.api):
        for module in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            if module.name.rsplit(".", 1)[1].startswith("test_"):
                importlib.import_module(module.name)
    return [
        name for case in ResourceAPITestCase.__subclasses__() for name in case.resource_names
    ]


def test_every_writable_resource_is_declared_once_and_gets_the_shared_case():
    names = [resource.name for resource in RESOURCES]
    assert sorted(names) == sorted(set(names))
    assert set(names) == _writable_routes()
    covered = _covered_by_the_shared_case()
    assert sorted(covered) == sorted(names)


def test_a_session_write_needs_the_csrf_token(editor):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    body = {"publisher": "Reuters", "title": "Written in a session"}

    refused = client.post("/api/v1/sources/", body)

    assert refused.status_code == 403
    assert not Source.objects.filter(title=body["title"]).exists()
    secret = get_random_string(32)
    client.cookies[settings.CSRF_COOKIE_NAME] = secret
    accepted = client.post("/api/v1/sources/", body, HTTP_X_CSRFTOKEN=secret)
    assert accepted.status_code == 201

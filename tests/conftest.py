from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.management import call_command
from knox.models import AuthToken
from rest_framework.test import APIClient

from diplomacy.states import states_load

FIXTURES_DIR = Path(__file__).parent.parent / "fixtures"
# The tests' seed is the first real episode (tests/seed.py names its records).
# Two small episodes hold the kinds it lacks (a recall, a rupture, a mission
# closure): the fixture `every_kind` adds them for the tests that need each kind.
# tests/actions/test_fixtures.py loads and checks every episode file.
SEED_FIXTURE = str(FIXTURES_DIR / "france-mali-2025.yaml")
EVERY_KIND_FIXTURES = [
    str(FIXTURES_DIR / "algeria-morocco-2021.yaml"),
    str(FIXTURES_DIR / "australia-iran-2025.yaml"),
]


def load_seed_data():
    states_load()
    call_command("load_fixtures", SEED_FIXTURE, verbosity=0)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database holds the ISO states and the seed episode.

    Tests that use `transactional_db` (live_server, races) must request
    `seed_data` instead.
    """
    with django_db_blocker.unblock():
        load_seed_data()


@pytest.fixture(scope="session")
def openapi_schema(django_db_setup, django_db_blocker):
    """The OpenAPI schema as clients get it (`/api/schema/?format=json`), generated once
    for the whole run: it depends on the code alone, never on the data."""
    from django.test import Client

    with django_db_blocker.unblock():
        response = Client().get("/api/schema/?format=json")
    assert response.status_code == 200, response.content[:1000]
    return response.json()


@pytest.fixture
def every_kind(db):
    """The seed plus two small episodes, so that an action of every kind exists."""
    call_command("load_fixtures", *EVERY_KIND_FIXTURES, verbosity=0)


@pytest.fixture
def seed_data(transactional_db):
    """The states and fixtures for a transactional test.

    The flush that ends each transactional test empties the tables; pytest-django
    runs such tests after the others, so each one loads what it needs.
    """
    load_seed_data()


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_local_cache(settings):
    """Each test starts with an empty cache in its own process.

    Request rates are counted in the cache: one test's requests never
    throttle another's, and no test writes to a Redis named by REDIS_URL.
    """
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "tests",
        }
    }
    cache.clear()


@pytest.fixture(autouse=True)
def _response_cache_on(settings):
    """Every test reads through the response cache, as production does with Redis:
    a test that writes and reads again fails if a write left a stale page."""
    settings.RESPONSE_CACHE_SECONDS = 300


@pytest.fixture
def api_client():
    return APIClient()


def token_client(user):
    """An API client that authenticates as `user` with a token, as scripts do."""
    client = APIClient()
    _, key = AuthToken.objects.create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def _user_with_permissions(django_user_model, username, codenames):
    user = django_user_model.objects.create_user(username=username, password="pw-for-tests")
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


ALL_APPS = ("actions", "diplomacy")


@pytest.fixture
def editor(django_user_model):
    """A user holding every add/change/delete/view permission of the dataset."""
    codenames = Permission.objects.filter(content_type__app_label__in=ALL_APPS).values_list(
        "codename", flat=True
    )
    return _user_with_permissions(django_user_model, "editor", list(codenames))


@pytest.fixture
def reader(django_user_model):
    """An authenticated user without any permission."""
    return _user_with_permissions(django_user_model, "reader", [])


@pytest.fixture
def make_token_client():
    """Builds an API client authenticated with a new token of a given user."""
    return token_client


@pytest.fixture
def editor_client(editor):
    return token_client(editor)


@pytest.fixture
def reader_client(reader):
    return token_client(reader)

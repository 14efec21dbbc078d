"""The project's settings plus the throwaway kind, in a test database of its own."""

from diplomacy.settings import *  # noqa: F403

ACTION_KIND_MODULES = ["tests.actions.throwaway.kind"]
DATABASES["default"]["TEST"] = {"NAME": "test_throwaway_kind"}  # noqa: F405

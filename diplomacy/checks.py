"""Deployment checks of the project's own (run by `manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Warning, register

LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register("security", deploy=True)
def check_shared_cache(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in LOCAL_CACHES:
        return [
            Warning(
                "The default cache is local to each process: request rates are "
                "counted per worker, so the throttle multiplies by their number.",
                hint="Set REDIS_URL to a Redis server shared by every worker.",
                id="diplomacy.W001",
            )
        ]
    return []


@register("caches", deploy=True)
def check_response_cache_is_shared(app_configs, **kwargs):
    backend = settings.CACHES[getattr(settings, "RESPONSE_CACHE_ALIAS", "default")]["BACKEND"]
    if settings.RESPONSE_CACHE_SECONDS and backend in LOCAL_CACHES:
        return [
            Warning(
                "The response cache is on with a cache local to each process: a write "
                "seen by one worker leaves the other workers serving the old pages.",
                hint="Set REDIS_URL, or DJANGO_RESPONSE_CACHE_SECONDS=0.",
                id="diplomacy.W002",
            )
        ]
    return []

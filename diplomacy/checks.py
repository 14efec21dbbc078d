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

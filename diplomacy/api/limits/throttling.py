"""Request rates per client, counted in the default cache (Redis in production,
shared by every worker). Rates come from settings (DJANGO_THROTTLE_ANON,
DJANGO_THROTTLE_USER). If the cache cannot be reached, requests are let
through uncounted (and the failure logged) rather than refused."""

import logging

from rest_framework import throttling
from rest_framework.settings import api_settings

logger = logging.getLogger(__name__)


class RatesFromSettingsMixin:
    def get_rate(self):
        # DRF binds THROTTLE_RATES when the class is imported; read the rates
        # when the request comes, so a change of settings applies.
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except Exception:
            # The cache (Redis) cannot be reached: serve the request uncounted
            # rather than answer every request with a 500 until it is back.
            logger.exception("Request rates could not be counted; the request is let through.")
            return True


class AnonRateThrottle(RatesFromSettingsMixin, throttling.AnonRateThrottle):
    """Anonymous clients, by IP address."""


class UserRateThrottle(RatesFromSettingsMixin, throttling.UserRateThrottle):
    """Authenticated clients, by user; anonymous ones are AnonRateThrottle's."""

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None  # not counted twice: two cache round trips saved per request
        return super().get_cache_key(request, view)

"""Request rates per client, counted in the default cache (Redis in production,
shared by every worker). Rates come from settings (DJANGO_THROTTLE_ANON,
DJANGO_THROTTLE_USER). If the cache cannot be reached, requests are let
through uncounted (and the failure logged) rather than refused."""

import logging

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.redis import RedisCache
from rest_framework import throttling
from rest_framework.settings import api_settings

logger = logging.getLogger(__name__)

# DRF's sliding log in Redis: the client's request times, newest first, within
# the period (KEYS[1]; ARGV: now, period in seconds, requests allowed). Times
# that left the period are dropped; under the limit, now is added. Answers
# {allowed, length of the log, its oldest time} for `wait()`.
SLIDING_LOG = """
local key, now, period, limit = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
while true do
  local oldest = redis.call('LINDEX', key, -1)
  if not oldest or tonumber(oldest) > now - period then break end
  redis.call('RPOP', key)
end
local length = redis.call('LLEN', key)
local allowed = 0
if length < limit then
  redis.call('LPUSH', key, ARGV[1])
  redis.call('EXPIRE', key, ARGV[2])
  length = length + 1
  allowed = 1
end
return {allowed, length, redis.call('LINDEX', key, -1)}
"""


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


class RedisLogMixin:
    """DRF's rate check (`SimpleRateThrottle.allow_request`) in one round trip to Redis.

    DRF reads the client's whole log of request times (pickled) from the cache,
    then writes it back: two round trips and the log pickled both ways on every
    request, 0.4 ms of a page of actions. With the cache in Redis, the same log
    is a Redis list updated by one script (SLIDING_LOG): one round trip, and
    two workers can no longer both read the log before either writes it. Any
    other cache goes through DRF's own code.
    """

    _script = None  # redis-py's Script: EVALSHA, loading the script when Redis lacks it

    def allow_request(self, request, view):
        backend = caches[DEFAULT_CACHE_ALIAS]
        if self.rate is None or self.cache is not throttling.default_cache or not isinstance(
            backend, RedisCache
        ):
            return super().allow_request(request, view)
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        client = backend._cache.get_client(write=True)
        script = RedisLogMixin._script
        if script is None:
            script = RedisLogMixin._script = client.register_script(SLIDING_LOG)
        self.now = self.timer()
        # Not the key of DRF's pickled log: a log written before cannot be misread.
        key = backend.make_and_validate_key(f"{self.key}:log")
        allowed, length, oldest = script(
            keys=[key], args=[repr(self.now), self.duration, self.num_requests], client=client
        )
        # What `wait()` reads of DRF's log: its length and its oldest time.
        self.history = [self.now] * (length - 1) + [float(oldest)] if length else []
        return bool(allowed)


class AnonRateThrottle(RatesFromSettingsMixin, RedisLogMixin, throttling.AnonRateThrottle):
    """Anonymous clients, by IP address."""


class UserRateThrottle(RatesFromSettingsMixin, RedisLogMixin, throttling.UserRateThrottle):
    """Authenticated clients, by user; anonymous ones are AnonRateThrottle's."""

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None  # not counted twice: two cache round trips saved per request
        return super().get_cache_key(request, view)

"""Request rates per client, counted in the default cache (Redis in production,
shared by every worker). Rates come from settings (DJANGO_THROTTLE_ANON,
DJANGO_THROTTLE_USER). If the cache cannot be reached, requests are let
through uncounted (and the failure logged) rather than refused."""

import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.redis import RedisCache
from rest_framework import throttling
from rest_framework.settings import api_settings

logger = logging.getLogger(__name__)

# DRF's sliding log in Redis: the client's request times, newest first, within
# the period (KEYS[1]; ARGV: now, period in seconds, requests allowed, then the
# times of requests this worker admitted on its own allowance since it last
# asked, which are logged first). Times that left the period are dropped;
# under the limit, now is added. Answers {allowed, length of the log, its
# oldest time} for `wait()`.
SLIDING_LOG = """
local key, now, period, limit = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
for i = 4, #ARGV do
  if tonumber(ARGV[i]) > now - period then redis.call('LPUSH', key, ARGV[i]) end
end
if #ARGV > 3 then redis.call('EXPIRE', key, ARGV[2]) end
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

# A worker may admit this share of a client's rate on its own between two
# round trips to Redis (none below 50 requests per period: such rates are
# counted exactly), and asks again at least this often.
ALLOWANCE_SHARE = 50
ALLOWANCE_SECONDS = 1.0
# Clients whose allowance a worker keeps, at most (the oldest are dropped).
ALLOWANCE_CLIENTS = 10_000


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


@dataclass
class _Allowance:
    left: int  # requests this worker may still admit without asking Redis
    until: float  # when it must ask again anyway
    admitted: list[str] = field(default_factory=list)  # their times, not yet logged


class RedisLogMixin:
    """DRF's rate check (`SimpleRateThrottle.allow_request`) in Redis, without a
    round trip on most requests.

    DRF reads the client's whole log of request times (pickled) from the cache,
    then writes it back: two round trips and the log pickled both ways on every
    request. With the cache in Redis, the same log is a Redis list updated by
    one script (SLIDING_LOG): one round trip, and two workers can no longer
    both read the log before either writes it. Any other cache goes through
    DRF's own code.

    A round trip to Redis, another process, was still the largest cost of a
    page beyond the database's when every core was busy (about a third of
    the throughput at random pages of the feed). So after each round trip a
    worker may admit up to 1/ALLOWANCE_SHARE of the client's rate on its own
    (never more than the room left in the log), noting their times, which it
    logs at its next round trip: when the allowance is spent, or after
    ALLOWANCE_SECONDS. The log holds every request, at its own time; a
    client may exceed its rate by that share at most per other worker (2 %
    with two workers), and rates under ALLOWANCE_SHARE per period are
    counted exactly. Written here because no maintained package counts a
    sliding log this way: django-ratelimit and DRF's throttles ask the cache
    on every request.
    """

    _script = None  # redis-py's Script: EVALSHA, loading the script when Redis lacks it
    # Per worker process, by log key; a lock for the threads of a gthread worker.
    _allowances: "OrderedDict[str, _Allowance]" = OrderedDict()
    _allowances_lock = threading.Lock()

    def allow_request(self, request, view):
        backend = caches[DEFAULT_CACHE_ALIAS]
        if self.rate is None or self.cache is not throttling.default_cache or not isinstance(
            backend, RedisCache
        ):
            return super().allow_request(request, view)
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        # Not the key of DRF's pickled log: a log written before cannot be misread.
        key = backend.make_and_validate_key(f"{self.key}:log")
        allowances = RedisLogMixin._allowances
        with RedisLogMixin._allowances_lock:
            allowance = allowances.get(key)
            if allowance is not None and allowance.left > 0 and self.now < allowance.until:
                allowance.left -= 1
                allowance.admitted.append(repr(self.now))
                return True
            admitted = allowances.pop(key).admitted if allowance is not None else []
        client = backend._cache.get_client(write=True)
        script = RedisLogMixin._script
        if script is None:
            script = RedisLogMixin._script = client.register_script(SLIDING_LOG)
        try:
            allowed, length, oldest = script(
                keys=[key],
                args=[repr(self.now), self.duration, self.num_requests, *admitted],
                client=client,
            )
        except Exception:
            self._keep(key, _Allowance(left=0, until=self.now, admitted=admitted))
            raise
        # What `wait()` reads of DRF's log: its length and its oldest time.
        self.history = [self.now] * (length - 1) + [float(oldest)] if length else []
        share = min(self.num_requests // ALLOWANCE_SHARE, self.num_requests - length)
        if allowed and share > 0:
            until = self.now + min(self.duration, ALLOWANCE_SECONDS)
            self._keep(key, _Allowance(left=share, until=until))
        return bool(allowed)

    @staticmethod
    def _keep(key: str, allowance: _Allowance) -> None:
        allowances = RedisLogMixin._allowances
        with RedisLogMixin._allowances_lock:
            allowances[key] = allowance
            allowances.move_to_end(key)
            while len(allowances) > ALLOWANCE_CLIENTS:
                allowances.popitem(last=False)


class AnonRateThrottle(RatesFromSettingsMixin, RedisLogMixin, throttling.AnonRateThrottle):
    """Anonymous clients, by IP address."""


class UserRateThrottle(RatesFromSettingsMixin, RedisLogMixin, throttling.UserRateThrottle):
    """Authenticated clients, by user; anonymous ones are AnonRateThrottle's."""

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None  # not counted twice: two cache round trips saved per request
        return super().get_cache_key(request, view)

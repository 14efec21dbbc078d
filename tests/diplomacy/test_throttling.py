"""Request rates are limited per client, counted in Redis so every worker shares the count."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.problems import assert_problem

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/2")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def redis_cache(settings):
    """The default cache in Redis, under a key prefix of this test's own."""
    prefix = f"test-throttle-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "diplomacy.redis_cache.ReusedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    return prefix


@pytest.fixture
def low_rates(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "5/minute"},
    }


def assert_throttled(response):
    assert_problem(response, 429, "throttled")
    assert 0 < int(response["Retry-After"]) <= 60


def test_anonymous_client_over_its_rate_gets_429_with_retry_after(
    api_client, db, redis_cache, low_rates
):
    for _ in range(3):
        assert api_client.get("/api/v1/states/ML/").status_code == 200
    assert_throttled(api_client.get("/api/v1/states/ML/"))


def test_a_forged_forwarded_for_header_does_not_reset_the_count(
    api_client, db, redis_cache, low_rates
):
    for number in range(3):
        response = api_client.get("/api/v1/states/ML/", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")
        assert response.status_code == 200
    assert_throttled(api_client.get("/api/v1/states/ML/", HTTP_X_FORWARDED_FOR="10.0.0.99"))


def test_authenticated_clients_are_counted_per_user(
    editor_client, reader_client, db, redis_cache, low_rates
):
    for _ in range(5):
        assert editor_client.get("/api/v1/states/ML/").status_code == 200
    assert_throttled(editor_client.get("/api/v1/states/ML/"))
    assert reader_client.get("/api/v1/states/ML/").status_code == 200


def test_the_count_is_shared_with_another_worker_process(
    api_client, db, redis_cache, low_rates, tmp_path
):
    for _ in range(3):
        assert api_client.get("/api/v1/states/ML/").status_code == 200
    # Another process, as another worker of the same deployment would be:
    # it sees the three requests above in Redis and refuses the fourth.
    worker = (
        "import django, json; django.setup(); from django.test import Client; "
        "r = Client().get('/api/v1/states/ML/'); "
        "print(json.dumps({'status': r.status_code, 'retry_after': r.get('Retry-After')}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "diplomacy.settings",
        "DJANGO_DEBUG": "1",
        "REDIS_URL": REDIS_URL,
        "DJANGO_CACHE_KEY_PREFIX": redis_cache,
        "DJANGO_THROTTLE_ANON": "3/minute",
        # A database of its own, never the developer's db.sqlite3: the refused
        # request reads no table, and one that got through would fail loudly.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'worker.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-c", worker], cwd=ROOT, env=env, capture_output=True, text=True,
        check=True,
    )
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 429
    assert int(answer["retry_after"]) > 0


def test_anonymous_clients_are_counted_once_by_address(api_client, db, redis_cache, settings):
    """Only the anonymous rate applies to them: the per-user one does not count them too."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "4/minute", "user": "1/minute"},
    }
    for _ in range(4):
        assert api_client.get("/api/v1/states/ML/").status_code == 200
    assert_throttled(api_client.get("/api/v1/states/ML/"))


def test_the_redis_backend_reuses_one_client_per_pool(redis_cache):
    from django.core.cache import cache

    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client
    cache.set("reused", 1)
    assert cache.get("reused") == 1 and cache.incr("reused") == 2


def test_requests_are_served_uncounted_when_redis_is_down(api_client, db, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "diplomacy.redis_cache.ReusedClientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    assert api_client.get("/api/v1/states/ML/").status_code == 200
    assert "could not be counted" in caplog.text


@pytest.mark.parametrize("backend", ["redis", "locmem"])
def test_the_redis_log_decides_and_waits_as_drf_does(settings, backend, monkeypatch):
    """The same requests at the same times: the same answers and the same waits as DRF's
    own log, whose code runs with any other cache."""
    from django.contrib.auth.models import AnonymousUser
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from diplomacy.api.limits import throttling

    if backend == "redis":
        settings.CACHES = {
            "default": {
                "BACKEND": "diplomacy.redis_cache.ReusedClientRedisCache",
                "LOCATION": REDIS_URL,
                "KEY_PREFIX": f"test-throttle-{uuid.uuid4().hex}",
            }
        }
    else:
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": f"throttle-{uuid.uuid4().hex}",
            }
        }
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "5/minute"},
    }
    request = Request(APIRequestFactory().get("/api/v1/states/"))
    request.user = AnonymousUser()
    answers = []
    for now in [1000.0, 1010.5, 1020.25, 1030.0, 1059.9, 1060.1, 1070.0, 1075.0, 1200.0]:
        throttle = throttling.AnonRateThrottle()
        monkeypatch.setattr(throttle, "timer", lambda now=now: now)
        allowed = throttle.allow_request(request, None)
        answers.append((now, allowed, None if allowed else round(throttle.wait(), 6)))
    assert answers == [
        (1000.0, True, None),
        (1010.5, True, None),
        (1020.25, True, None),
        (1030.0, False, 30.0),  # 60 - (1030 - 1000): the oldest leaves the minute at 1060
        (1059.9, False, 0.1),
        (1060.1, True, None),  # 1000 has left the minute
        (1070.0, False, 0.5),  # the oldest is now 1010.5
        (1075.0, True, None),
        (1200.0, True, None),  # every earlier time has left
    ]
    if backend == "redis":  # counted in one Redis list, by the script
        from django.core.cache import caches

        cache = caches["default"]
        log = cache.make_and_validate_key("throttle_anon_127.0.0.1:log")
        client = cache._cache.get_client()
        assert client.type(log) == b"list" and client.lrange(log, 0, -1) == [b"1200.0"]
        assert 0 < client.ttl(log) <= 60


class _Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def anon_requests(settings, redis_cache, monkeypatch):
    """Check anonymous requests at the clock's times against a rate, counting the
    round trips to Redis; `worker(n)` switches to another worker's allowances."""
    from collections import OrderedDict

    from django.contrib.auth.models import AnonymousUser
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from diplomacy.api.limits import throttling

    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100/minute", "user": "100/minute"},
    }
    request = Request(APIRequestFactory().get("/api/v1/states/"))
    request.user = AnonymousUser()
    clock = _Clock(1000.0)
    trips = []
    workers = [OrderedDict(), OrderedDict()]
    monkeypatch.setattr(throttling.RedisLogMixin, "_allowances", workers[0])
    real_client = throttling.caches["default"]._cache.get_client

    def counted_client(*args, **kwargs):
        trips.append(clock.now)
        return real_client(*args, **kwargs)

    monkeypatch.setattr(throttling.caches["default"]._cache, "get_client", counted_client)

    def check():
        throttle = throttling.AnonRateThrottle()
        throttle.timer = clock
        return throttle.allow_request(request, None)

    def worker(number):
        monkeypatch.setattr(throttling.RedisLogMixin, "_allowances", workers[number])

    def log():
        from django.core.cache import caches

        cache = caches["default"]
        key = cache.make_and_validate_key("throttle_anon_127.0.0.1:log")
        return [float(time) for time in real_client().lrange(key, 0, -1)]

    return check, clock, trips, worker, log


def test_a_worker_admits_a_share_of_the_rate_between_round_trips(anon_requests):
    check, clock, trips, _, log = anon_requests
    for number in range(10):
        clock.now = 1000.0 + number / 100
        assert check()
    # 100/minute: 2 requests on each round trip's allowance, so 1 trip in 3;
    # each trip logs the requests admitted since the one before.
    assert len(trips) == 4
    assert len(log()) == 10
    for now in (1000.5, 1000.6):  # the allowance of the 4th trip
        clock.now = now
        assert check()
    assert len(trips) == 4 and len(log()) == 10
    clock.now = 1000.7
    assert check()
    assert len(trips) == 5
    assert sorted(log()) == [1000.0 + number / 100 for number in range(10)] + [
        1000.5, 1000.6, 1000.7
    ]


def test_one_worker_counts_the_rate_exactly(anon_requests):
    check, clock, _, _, log = anon_requests
    answers = []
    for number in range(101):
        clock.now = 1000.0 + number / 10
        answers.append(check())
    assert answers == [True] * 100 + [False]
    assert len(log()) == 100


def test_two_workers_exceed_the_rate_by_one_share_at_most(anon_requests):
    check, clock, _, worker, _ = anon_requests
    admitted = 0
    for number in range(200):
        clock.now = 1000.0 + number / 10
        worker(number % 2)
        admitted += check()
    assert 100 <= admitted <= 100 + 100 // 50  # one share (2) for the other worker


def test_an_allowance_is_asked_again_after_a_second(anon_requests):
    check, clock, trips, _, _ = anon_requests
    assert check()
    clock.now += 1.5  # the allowance of the first round trip has lapsed
    assert check()
    assert len(trips) == 2

"""Production settings come from the environment and pass Django's deployment checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def production_env(**overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key not in {"DATABASE_URL", "REDIS_URL"}
    }
    env.update(
        {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "api.example.org",
            "DATABASE_URL": "postgres://diplomacy@db.example.org:5432/diplomacy",
            "REDIS_URL": "redis://cache.example.org:6379/0",
        }
    )
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_deployment_checks_pass_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_deployment_checks_fail_without_a_shared_cache():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env=production_env(REDIS_URL=None)
    )
    assert result.returncode != 0
    assert "diplomacy.W001" in result.stderr


def test_deployment_checks_fail_with_a_response_cache_local_to_each_worker():
    env = production_env(REDIS_URL=None, DJANGO_RESPONSE_CACHE_SECONDS="300")
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "diplomacy.W002" in result.stderr
    # Without Redis the response cache is off by default: no such warning.
    default = manage("check", "--deploy", env=production_env(REDIS_URL=None))
    assert "diplomacy.W002" not in default.stderr


def test_deployment_checks_fail_with_debug_on():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env=production_env(DJANGO_DEBUG="1")
    )
    assert result.returncode != 0
    assert "security.W018" in result.stderr


def test_refuses_to_start_in_production_without_a_secret_key():
    result = manage("check", env=production_env(DJANGO_SECRET_KEY=None))
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_statement_timeout_comes_from_the_environment():
    show = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DATABASES['default']['OPTIONS']['options'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", show],
        cwd=ROOT,
        env=production_env(
            DJANGO_SETTINGS_MODULE="diplomacy.settings", DJANGO_DB_STATEMENT_TIMEOUT_MS="1500"
        ),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "-c statement_timeout=1500 -c jit=off"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="statement_timeout is a PostgreSQL setting"
)
def test_postgresql_connections_run_with_the_statement_timeout(db, settings):
    with connection.cursor() as cursor:
        cursor.execute("SELECT setting, unit FROM pg_settings WHERE name = 'statement_timeout'")
        value, unit = cursor.fetchone()
    assert settings.STATEMENT_TIMEOUT_MS > 0
    assert (int(value), unit) == (settings.STATEMENT_TIMEOUT_MS, "ms")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)

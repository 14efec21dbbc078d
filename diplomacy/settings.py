"""One settings module, configured by environment variables.

DJANGO_DEBUG           "1" for development (the default for `make run` and tests)
DJANGO_SECRET_KEY      required when DJANGO_DEBUG is off
DJANGO_ALLOWED_HOSTS   comma-separated host names
DATABASE_URL           e.g. postgres://postgres@127.0.0.1:5432/diplomacy;
                       SQLite file db.sqlite3 when unset
REDIS_URL              e.g. redis://127.0.0.1:6379/0: the cache shared by every
                       worker, where request rates are counted; a cache local
                       to each process when unset (development only)
DJANGO_RESPONSE_CACHE_SECONDS   how long a rendered JSON or CSV read may be
                       served from the cache (300 with REDIS_URL, else 0: off);
                       any write to the dataset makes every cached read stale

Hardening, each with a default fit for production:
DJANGO_THROTTLE_ANON   requests per client IP for anonymous clients ("1200/minute")
DJANGO_THROTTLE_USER   requests per authenticated user ("6000/minute")
DJANGO_NUM_PROXIES     reverse proxies in front of the app that append to
                       X-Forwarded-For (0: the client's address is REMOTE_ADDR)
DJANGO_MAX_BODY_BYTES  largest request body accepted (1048576); larger: 413
DJANGO_CORS_ALLOWED_ORIGINS   comma-separated origins whose web pages may write
                       (e.g. https://editors.example.org); any origin may read
DJANGO_HTTP_CACHE_MAX_AGE, DJANGO_HTTP_CACHE_STALE_WHILE_REVALIDATE   seconds an
                       anonymous read may be kept by a browser or shared cache
                       (60, 300)
DJANGO_HTTP_CACHE_IMMUTABLE_MAX_AGE   seconds a read as of a release may be kept
                       (31536000: it never changes)
DJANGO_DB_STATEMENT_TIMEOUT_MS   PostgreSQL statement timeout (10000; 0: none)
DJANGO_DATA_LICENSE, DJANGO_DATA_LICENSE_URL   the licence the data package
                       states (an SPDX identifier and its text's address;
                       CC-BY-4.0 by default)
DJANGO_SECURE_SSL_REDIRECT, DJANGO_HSTS_SECONDS, DJANGO_HSTS_PRELOAD,
DJANGO_SECURE_PROXY_SSL_HEADER (e.g. HTTP_X_FORWARDED_PROTO)   HTTPS (production)
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}.") from error


DEBUG = env_flag("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off."
        )
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get(
        "DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver"
    ).split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "knox",
    "simple_history",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "import_export",
    "diplomacy",
    "actions",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Any web page may read the API; only DJANGO_CORS_ALLOWED_ORIGINS may write.
    "diplomacy.api.limits.cors.ReadAnywhereCorsMiddleware",
    # Cache-Control and Vary of the API's answers (outside ConditionalGet: a 304 too).
    "diplomacy.api.caching.http_cache.HttpCacheHeadersMiddleware",
    # Static files (admin, API docs assets) straight from the WSGI app, compressed.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "diplomacy.api.limits.request_body.RequestBodyLimitMiddleware",
    # ETag on every GET that has none (a hash of the body), and 304 for a
    # matching If-None-Match; the API sets its own ETag on records.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Lets the history of each change record who made it.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# Cross-origin requests (django-cors-headers, diplomacy/api/limits/cors.py).
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOWED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("DJANGO_CORS_ALLOWED_ORIGINS", "").split(",")
    if origin.strip()
]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = [
    "ETag", "Link", "X-Cache", "X-Total-Count", "Retry-After", "Content-Disposition",
]
CORS_ALLOW_HEADERS = [
    "accept", "authorization", "content-type", "if-match", "if-none-match",
]
CORS_PREFLIGHT_MAX_AGE = 86_400

# Cache-Control of anonymous reads (diplomacy/api/caching/http_cache.py).
HTTP_CACHE_MAX_AGE = env_int("DJANGO_HTTP_CACHE_MAX_AGE", 60)
HTTP_CACHE_STALE_WHILE_REVALIDATE = env_int("DJANGO_HTTP_CACHE_STALE_WHILE_REVALIDATE", 300)
# Of an anonymous read as of a release, which never changes.
HTTP_CACHE_IMMUTABLE_MAX_AGE = env_int("DJANGO_HTTP_CACHE_IMMUTABLE_MAX_AGE", 365 * 24 * 3600)

ROOT_URLCONF = "diplomacy.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "diplomacy.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}

if DATABASES["default"].get("ENGINE") == "django.db.backends.sqlite3":
    # Writers take the write lock when their transaction begins: with SQLite's
    # default (deferred) transactions, two requests that read and then write
    # deadlock and one fails with "database is locked" instead of waiting.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
    # Tests run on a file: threads of a concurrency test share it through
    # SQLite's ordinary locking, which an in-memory database does not do.
    DATABASES["default"].setdefault("TEST", {}).setdefault(
        "NAME", str(BASE_DIR / "test-db.sqlite3")
    )

# dumpdata/loaddata JSON that keeps microseconds, so a dump restores exactly.
SERIALIZATION_MODULES = {"json": "diplomacy.fixture_json"}

STATEMENT_TIMEOUT_MS = env_int("DJANGO_DB_STATEMENT_TIMEOUT_MS", 10_000)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # libpq's options: run as a SET on every connection.
    # No JIT compilation: this API's queries are short, but a correlated
    # subquery inflates the planner's estimates past jit_above_cost, and
    # compiling took 360 ms of the export's 1.1 s main query.
    pg_options = ["-c jit=off"]
    if STATEMENT_TIMEOUT_MS:
        # A runaway query is cancelled by the server instead of holding a
        # worker and a connection.
        pg_options.insert(0, f"-c statement_timeout={STATEMENT_TIMEOUT_MS}")
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = " ".join(pg_options)

REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "diplomacy.redis_cache.ReusedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_KEY_PREFIX", "diplomacy"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Rendered reads cached until the next write (diplomacy.api.caching.response_cache). Off
# without a shared cache: a write seen by one worker must reach every worker.
RESPONSE_CACHE_SECONDS = env_int("DJANGO_RESPONSE_CACHE_SECONDS", 300 if REDIS_URL else 0)
# Larger pages (limit=500 of a long list) are built each time rather than fill the cache.
RESPONSE_CACHE_MAX_BYTES = env_int("DJANGO_RESPONSE_CACHE_MAX_BYTES", 1024 * 1024)

# Request bodies: Django's own limit for forms, and the API's through
# RequestBodyLimitMiddleware (DRF's JSON parser does not apply Django's).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DJANGO_MAX_BODY_BYTES", 1024 * 1024)

# HTTPS in production; off in development, where runserver speaks plain HTTP.
SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_flag("DJANGO_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
if os.environ.get("DJANGO_SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (os.environ["DJANGO_SECURE_PROXY_SSL_HEADER"], "https")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # In production (`make serve` runs collectstatic), file names carry a hash
    # of their content, so whitenoise lets clients cache them for a year.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# In development (and tests, which turn DEBUG off at run time), whitenoise
# serves files straight from the apps, as runserver does; no collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

REST_FRAMEWORK = {
    # No BasicAuthentication: it would hash a password on every request that
    # carries one, a cheap way to exhaust the server.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Tokens stored hashed, with an expiry, revocable (django-rest-knox).
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly",
    ],
    # JSON only: the API takes no files, and form encoding cannot tell an empty
    # string from a missing value (DRF reads "" as null for a date).
    "DEFAULT_PARSER_CLASSES": ["diplomacy.api.formats.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "diplomacy.api.pagination.LimitOffsetPagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "diplomacy.api.openapi.auto_schema.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": [
        "diplomacy.api.formats.json_renderer.JSONRenderer",  # orjson; same output as DRF's
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "EXCEPTION_HANDLER": "diplomacy.api.errors.exception_handler.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "diplomacy.api.limits.throttling.AnonRateThrottle",
        "diplomacy.api.limits.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("DJANGO_THROTTLE_ANON", "1200/minute"),
        "user": os.environ.get("DJANGO_THROTTLE_USER", "6000/minute"),
    },
    # Without it DRF takes a client's X-Forwarded-For at its word, and a client
    # could dodge its rate limit by sending a new one with each request.
    "NUM_PROXIES": env_int("DJANGO_NUM_PROXIES", 0),
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

REST_KNOX = {
    # `issue_token --expires DAYS` overrides it per token.
    "TOKEN_TTL": datetime.timedelta(days=90),
    "AUTH_HEADER_PREFIX": "Token",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Diplomatic Actions API",
    "DESCRIPTION": (
        "An open, cited dataset of diplomatic actions between states: persona non "
        "grata declarations, suspensions of cooperation, detentions of envoys and "
        "diplomatic statements, each with its sources, its date precision and its "
        "place in a chain of responses.\n\n"
        "Reads are open to everyone. Writes need `Authorization: Token <key>` "
        "from a user holding the model permission."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Tags and operation ids from the resource (`actions`, `actions_list`), not
    # from the version prefix: the docs group operations by resource.
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ActionKindEnum": "actions.kinds.ActionKind",
        "MissionKindEnum": "diplomacy.choices.MissionKind",
        "DatePrecisionEnum": "actions.choices.DatePrecision",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "diplomacy.api.errors.problem_schema.add_problem_responses",
        "diplomacy.api.openapi.cache_header.add_cache_header",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # Unhandled exceptions of the API, with their traceback (answered 500).
    "loggers": {"diplomacy.api": {"level": "ERROR"}},
}

# The data package of the dataset (`manage.py write_package`, releases): its
# name and title, and the licence of the data, which a deployment publishing
# under other terms sets with DJANGO_DATA_LICENSE (an SPDX identifier) and
# DJANGO_DATA_LICENSE_URL.
DATA_PACKAGE_NAME = "diplomatic-actions"
DATA_PACKAGE_TITLE = "Diplomatic actions between states"
_DATA_LICENSE = os.environ.get("DJANGO_DATA_LICENSE", "").strip()
DATA_PACKAGE_LICENSE = (
    {
        "name": _DATA_LICENSE,
        "path": os.environ.get("DJANGO_DATA_LICENSE_URL", "").strip(),
    }
    if _DATA_LICENSE
    else {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0 International",
    }
)
DATA_PACKAGE_LICENSE = {key: value for key, value in DATA_PACKAGE_LICENSE.items() if value}

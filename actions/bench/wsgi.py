"""The WSGI application of the project with the raw baseline views mounted (actions.bench.urls).

For the load run of `benchmark --http` that compares the API with the raw
baseline under the same gunicorn: both are then served by the same workers,
middleware and settings.
"""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "diplomacy.settings")

application = get_wsgi_application()
# Read on every request (BaseHandler.get_response): the project's URLs plus /bench/raw/.
settings.ROOT_URLCONF = "actions.bench.urls"

"""Schemathesis against the real WSGI application, over every operation of the schema.

Every default check is on: no server error, every status, content type,
header and body as the schema documents them, negative data rejected, positive
data accepted, auth enforced, methods outside the schema refused. Reads run
anonymously and every operation runs as a user holding every permission.

One check is tuned: `positive_data_acceptance` also accepts 400. Data that
fits the schema can still be invalid for the dataset: a state code that
fits the schema's `string` but names no state, an actor equal to its target,
a date after the date it must precede. No OpenAPI schema can say those;
the API answers them with a 400 problem, as it should.

SCHEMATHESIS_MAX_EXAMPLES (default 8) scales the run; CI keeps it small.
"""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from diplomacy.wsgi import application

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "8"))

CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"mode": "all", "max-examples": MAX_EXAMPLES, "deterministic": True},
        "checks": {
            "positive_data_acceptance": {
                # 412 and 428: a write without the record's current ETag in
                # If-Match, once optimistic locking answers them.
                "expected-statuses": [
                    "2xx", "400", "401", "403", "404", "409", "412", "428", "429"
                ],
            },
        },
    }
)

# Loaded at import: `schemathesis.pytest.from_fixture` breaks on pytest 9.2.
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application, config=CONFIG)

HYPOTHESIS = settings(
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def wsgi_in_test_transaction(db):
    """Let the application run inside the test's transaction.

    Django's request signals close the database connection when a request
    starts and ends: the test's transaction would go with it (PostgreSQL).
    Django's own test client disconnects them the same way.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def editor_authorization(editor_client):
    """The Authorization header of the editor's client, however conftest makes its token."""
    return editor_client._credentials["HTTP_AUTHORIZATION"]


@schema.include(method="GET").parametrize()
@HYPOTHESIS
def test_anonymous_reads(case, wsgi_in_test_transaction):
    case.call_and_validate()


@schema.parametrize()
@HYPOTHESIS
def test_every_operation_as_an_editor(case, wsgi_in_test_transaction, editor_authorization):
    case.call_and_validate(headers={"Authorization": editor_authorization})

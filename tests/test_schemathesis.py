"""Schemathesis against the real WSGI application, over every operation of the schema.

Every default check is on: no server error, every status, content type,
header and body as the schema documents them, negative data rejected, positive
data accepted, auth enforced, methods outside the schema refused. Reads run
anonymously and every operation runs as a user holding every permission.

Positive data (data that fits the schema) must be accepted: no 400 but one,
a 400 problem each of whose `errors` is covered by a rule of the operation
that the schema cannot state (diplomacy.api.openapi.cross_field_rules), such
as a state code of the right form that names no state, an actor equal to its
target, a date before the date it must follow. Those rules are the ones the
operation's description lists (tests/test_cross_field_rules.py).

SCHEMATHESIS_MAX_EXAMPLES (default 8) scales the run; CI keeps it small.
"""

import json
import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import Failure
from schemathesis.specs.openapi.checks import positive_data_acceptance

from diplomacy.wsgi import application
from tests.cross_field_rules import rules_of

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "8"))

CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"mode": "all", "max-examples": MAX_EXAMPLES, "deterministic": True},
        "checks": {
            "positive_data_acceptance": {
                # 412 and 428: a write without the record's current ETag in
                # If-Match. 304: a read whose If-None-Match matches (`*` does).
                # No 400: see positive_data_accepted_but_for_cross_field_rules.
                "expected-statuses": [
                    "2xx", "304", "401", "403", "404", "409", "412", "428", "429"
                ],
            },
            # A write without the required If-Match is answered 428 Precondition
            # Required (RFC 6585), the status made for that.
            "missing_required_header": {"expected-statuses": ["400", "428"]},
            "negative_data_rejection": {
                # 412: preconditions are evaluated before the body is read
                # (RFC 9110 13.2.2), so a stale If-Match wins over a bad body.
                # 413: a body made too long (a string far over its maxLength)
                # is refused for its size before it is read.
                "expected-statuses": [
                    "400", "401", "403", "404", "405", "406", "409", "412", "413", "415",
                    "422", "428", "429", "5xx",
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


class UndocumentedRule(Failure):
    """A 400 for data that fits the schema, under no rule the operation documents."""

    kind_title = "Data that fits the schema refused by a rule the operation does not document"

    def __init__(self, *, operation: str, errors: list):
        super().__init__(
            operation=operation,
            message="Each error of the 400 must be covered by a cross-field rule of the "
            "operation (diplomacy.api.openapi.cross_field_rules); these are not:\n"
            + "\n".join(json.dumps(error, ensure_ascii=False) for error in errors),
        )


def uncovered_errors(case, response) -> list | None:
    """The errors of a 400 problem no rule of the operation covers (None if the
    answer is not a 400 problem with errors: for the built-in check to judge)."""
    if response.status_code != 400:
        return None
    try:
        errors = json.loads(response.content)["errors"]
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(errors, list) or not errors:
        return None
    rules = rules_of(case.path, case.method)
    return [error for error in errors if not any(rule.covers(error) for rule in rules)]


def positive_data_accepted_but_for_cross_field_rules(ctx, response, case):
    """positive_data_acceptance, which accepts no 400, but for a 400 problem
    whose every error is covered by a cross-field rule of the operation."""
    uncovered = uncovered_errors(case, response)
    if uncovered == []:
        return None
    try:
        # Positive data or not, a case Schemathesis made to be refused or not:
        # the built-in check decides whether this answer is judged at all.
        return positive_data_acceptance(ctx, response, case)
    except Failure:
        if uncovered is None:
            raise
        raise UndocumentedRule(operation=case.operation.label, errors=uncovered) from None


CHECKS = {
    "excluded_checks": [positive_data_acceptance],
    "additional_checks": [positive_data_accepted_but_for_cross_field_rules],
}


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
    case.call_and_validate(**CHECKS)


@schema.parametrize()
@HYPOTHESIS
def test_every_operation_as_an_editor(case, wsgi_in_test_transaction, editor_authorization):
    case.call_and_validate(headers={"Authorization": editor_authorization}, **CHECKS)

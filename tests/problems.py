"""Reading the API's errors in tests: problem details (RFC 9457), one place to parse them.

Every error under /api/ is `application/problem+json` with `type`, `title`,
`status`, `detail`, `instance` and `code`; invalid input adds `errors`, one
`{field, code, detail}` per message, `field` a dotted path into the body
(`citations.0.source`) or the query parameter's name.
"""

import json
from http import HTTPStatus

from django.utils.encoding import escape_uri_path

PROBLEM_MEDIA_TYPE = "application/problem+json"
MEMBERS = {"type", "title", "status", "detail", "instance", "code"}


def assert_problem(response, status: int, code: str | None = None) -> dict:
    """The response is a problem with this status (and code, if given); returns its body."""
    assert response.status_code == status, response.content[:1000]
    assert response["Content-Type"] == PROBLEM_MEDIA_TYPE, response["Content-Type"]
    problem = json.loads(response.content)
    assert MEMBERS <= problem.keys(), problem
    assert problem["type"] == "about:blank", problem
    assert problem["title"] == HTTPStatus(status).phrase, problem
    assert problem["status"] == status, problem
    assert isinstance(problem["detail"], str) and problem["detail"], problem
    assert problem["instance"] == escape_uri_path(response.wsgi_request.path), problem
    if code is not None:
        assert problem["code"] == code, problem
    if "errors" in problem:
        for error in problem["errors"]:
            assert error.keys() == {"field", "code", "detail"}, error
    return problem


def field_errors(response) -> dict[str, list[str]]:
    """The messages of a problem's `errors`, by field, in the order the API gave them."""
    problem = json.loads(response.content)
    errors: dict[str, list[str]] = {}
    for error in problem.get("errors", []):
        errors.setdefault(error["field"], []).append(error["detail"])
    return errors


def error_codes(response) -> dict[str, list[str]]:
    """The codes of a problem's `errors`, by field."""
    problem = json.loads(response.content)
    codes: dict[str, list[str]] = {}
    for error in problem.get("errors", []):
        codes.setdefault(error["field"], []).append(error["code"])
    return codes


def assert_invalid(response, *fields: str) -> dict[str, list[str]]:
    """A 400 problem of invalid input with an error under each of `fields`; returns field_errors."""
    assert_problem(response, 400, "invalid")
    errors = field_errors(response)
    assert errors, response.content
    for field in fields:
        assert field in errors, errors
    return errors

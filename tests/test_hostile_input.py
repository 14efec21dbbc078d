"""Hostile input, as an authorised editor sends it: each is a 4xx problem, and no data changes."""

import json

import pytest
from django.db.models import Max

from actions.models import Action, Citation, Episode, Source
from diplomacy.models import Envoy, Mission, State

CREATE = "/api/v1/persona-non-grata-declarations/"
EPISODE = "/api/v1/episodes/france-mali-2025/"
FEED = "/api/v1/actions/"

VALID = {
    "actor": "ML",
    "target": "FR",
    "date": "2025-08-14",
    "date_precision": "day",
    "summary": "Mali declares two members of the French embassy persona non grata.",
    "persons_count": 2,
    "grounds": "unspecified",
}


def body(**changes):
    return json.dumps({**VALID, **changes})


LONG = "A" * 100_000
MANY_CODES = ",".join(f"Q{number}" for number in range(70_000))

PARSE, TOO_LARGE, MEDIA = "parse_error", "payload_too_large", "unsupported_media_type"


def case(name, method, path, data=None, status=400, code="invalid", content_type=None):
    return pytest.param(method, path, data, content_type, status, code, id=name)


CASES = [
    # Malformed and truncated JSON
    case("malformed json", "post", CREATE, '{"actor": "ML", "target": ', code=PARSE),
    case("truncated json", "post", CREATE, body()[:-12], code=PARSE),
    case("not utf-8", "post", CREATE, b"\xff\xfe" + body().encode("utf-16-le"), code=PARSE),
    case("NaN", "post", CREATE, body().replace("2,", "NaN,"), code=PARSE),
    case("empty body", "post", CREATE, ""),
    case("a list, not an object", "post", CREATE, "[]"),
    case("a string, not an object", "post", CREATE, '"ML"'),
    # Size and depth
    case("10 MB body", "post", CREATE, body(notes="x" * 10 * 1024 * 1024), 413, TOO_LARGE),
    case("100,000 nested lists", "post", CREATE, "[" * 100_000 + "]" * 100_000, code=PARSE),
    case("nested 40 deep", "post", CREATE, body(notes=json.loads("[" * 40 + "]" * 40)), code=PARSE),
    # Wrong content types
    case("text/plain", "post", CREATE, body(), 415, MEDIA, "text/plain"),
    case("xml", "post", CREATE, "<action/>", 415, MEDIA, "application/xml"),
    case("form", "post", CREATE, "actor=ML", 415, MEDIA, "application/x-www-form-urlencoded"),
    case("multipart", "post", CREATE, "--b\r\n\r\nML\r\n--b--", 415, MEDIA,
         "multipart/form-data; boundary=b"),
    # 100,000-character strings
    case("long summary", "post", CREATE, body(summary=LONG)),
    case("long state code", "post", CREATE, body(actor=LONG)),
    case("long title on update", "patch", EPISODE, json.dumps({"title": LONG})),
    case("long filter", "get", f"{FEED}?state={LONG}"),
    case("70,000 codes in a filter", "get", f"{FEED}?state={MANY_CODES}"),
    case("long slug in the path", "get", f"/api/v1/episodes/{LONG.lower()}/", None, 404,
         "not_found"),
    case("huge id in the path", "get", f"/api/v1/sources/{10**30}/", None, 404, "not_found"),
    # Null bytes and broken Unicode
    case("null byte in text", "post", CREATE, body(summary="Mali\x00 expels")),
    case("null byte in a code", "post", CREATE, body(actor="M\x00L")),
    case("null byte in a slug", "post", CREATE, body(episode="france\x00mali")),
    case("null byte in a filter", "get", f"{FEED}?state=M%00L"),
    case("null byte in the path", "get", "/api/v1/episodes/a%00b/", None, 404, "not_found"),
    case("null byte in a key", "post", CREATE, body(**{"sum\x00mary": "x"})),
    case("lone surrogate", "post", CREATE, body().replace("Mali declares", "\\ud800")),
    case("lone surrogate in a key", "post", CREATE, body()[:-1] + ', "\\ud800": 1}'),
    # Dates out of range
    case("year 10000", "post", CREATE, body(date="10000-01-01")),
    case("year 0", "post", CREATE, body(date="0000-12-31")),
    case("negative year", "post", CREATE, body(date="-2025-08-14")),
    case("30 February", "post", CREATE, body(date="2025-02-30")),
    case("month 13", "post", CREATE, body(leave_by="2025-13-01")),
    case("a number as date", "post", CREATE, body(date=20250814)),
    case("leave before date", "post", CREATE, body(leave_by="1900-01-01")),
    # limit and offset
    case("negative limit", "get", f"{FEED}?limit=-1"),
    case("zero limit", "get", f"{FEED}?limit=0"),
    case("limit over the maximum", "get", f"{FEED}?limit=501"),
    case("huge limit", "get", f"{FEED}?limit={10**30}"),
    case("limit in exponent form", "get", f"{FEED}?limit=1e3"),
    case("negative offset", "get", f"{FEED}?offset=-50"),
    # SQL and HTML
    case("sql in a filter", "get", f"{FEED}?state=ML'%20OR%20'1'='1"),
    case("sql union in a filter", "get",
         f"{FEED}?actor=ML)%20UNION%20SELECT%20password%20FROM%20auth_user--"),
    case("sql in a code", "post", CREATE, body(target="FR'; DROP TABLE actions_action; --")),
    case("sql in a slug", "post", "/api/v1/episodes/",
         json.dumps({"slug": "x'; DROP TABLE x; --", "title": "x"})),
    case("sql in a CAMEO code", "post", CREATE, body(cameo_code="1' OR '1'='1")),
    case("html in a filter", "get", f"{FEED}?state=%3Cscript%3Ealert(1)%3C/script%3E"),
    case("script in text", "post", CREATE, body(summary="<script>alert(1)</script>")),
    case("html in an update", "patch", EPISODE,
         json.dumps({"title": '<img src=x onerror="alert(1)">'})),
    # Unknown fields and wrong types
    case("unknown field", "post", CREATE, body(actr="ML")),
    case("unknown field in a citation", "post", CREATE,
         body(citations=[{"source": 1, "page": 3}])),
    case("unknown field on update", "patch", EPISODE, json.dumps({"titel": "x"})),
    case("number for a string", "post", CREATE, body(summary=0)),
    case("list for a code", "post", CREATE, body(actor=["ML"])),
    case("huge integer", "post", CREATE, body(persons_count=10**30)),
    case("huge id", "post", CREATE, body(in_response_to=10**30)),
]


def dataset():
    """Every row of the dataset, to compare before and after."""
    tables = [State, Mission, Envoy, Episode, Source, Action, Citation, Action.envoys.through]
    rows = {model.__name__: list(model.objects.order_by("pk").values_list()) for model in tables}
    rows["last update"] = Action.objects.aggregate(Max("updated_at"))
    return rows


@pytest.mark.parametrize(("method", "path", "data", "content_type", "status", "code"), CASES)
def test_hostile_input_is_a_4xx_problem_and_changes_nothing(
    editor_client, db, method, path, data, content_type, status, code
):
    before = dataset()
    kwargs = {}
    if data is not None:
        kwargs = {"data": data, "content_type": content_type or "application/json"}
    response = getattr(editor_client, method)(path, **kwargs)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/problem+json"
    problem = json.loads(response.content)
    assert problem["status"] == status
    assert problem["code"] == code
    if code == "invalid":
        assert problem["errors"]
    assert dataset() == before


def test_the_body_the_cases_start_from_is_valid(editor_client, db):
    response = editor_client.post(CREATE, data=body(), content_type="application/json")
    assert response.status_code == 201, response.content


def test_sql_in_free_text_is_stored_as_text(editor_client, db):
    """A quote may hold any characters: it is data, never SQL."""
    summary = "Mali's answer'); DROP TABLE actions_action; --"
    before = {model: model.objects.count() for model in (State, Source, Citation, Episode)}
    actions = Action.objects.count()
    response = editor_client.post(
        CREATE, data=body(summary=summary), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    created = editor_client.get(f"{CREATE}{response.json()['id']}/").json()
    assert created["summary"] == summary
    assert Action.objects.count() == actions + 1
    assert {model: model.objects.count() for model in before} == before

"""The shared API test case of a writable resource, as NetBox's `APIViewTestCases`.

A resource's test module declares which resource it covers and inherits the
whole contract of a writable resource:

    from tests.api_case import ResourceAPITestCase

    class TestMissionAPI(ResourceAPITestCase):
        resource_names = ("missions",)

The resource itself (model, create data, update data, lookup) is declared once,
in `tests/diplomacy/api/writable_resources.py:RESOURCES`; the kinds of action are
declared there from the kind registry (`actions/kinds/`), with the payloads of
`tests/actions/conftest.py`. A class may cover several resources: every kind of
action is covered by one class (`tests/actions/api/test_kinds.py`), so a kind
added to the registry gets the whole case with no test to write.

What every resource gets, each test on a record the editor has just created:

- list: a JSON page counting every record; detail: the created record, as the
  create answered it, with the same ETag; an unknown key is a 404 problem;
- create: 201, one more row, the fields sent shown back (related records brief);
- update: PATCH and PUT with `If-Match`, each shown and stored, each answering
  the ETag of the next write; without `If-Match` 428 and with a stale one 412,
  nothing changed;
- delete: 204, then 404, the row gone;
- permissions: every write as anonymous (401, `WWW-Authenticate: Token`), as a
  user without permission, view-only or holding the other write permissions
  (403), and as one holding the permission (allowed); nothing written when refused;
- CSV: the list and the record, one row per record, the key first;
- schema: every operation documented, and the create data enough for the schema's
  request body (required fields, known properties).

Tests of what only one resource does stay in its module, beside its class.
"""

import csv
import io
import re

import pytest
from django.contrib.auth.models import Permission
from rest_framework.test import APIClient

from tests.diplomacy.api.writable_resources import RESOURCES
from tests.problems import assert_problem

RESOURCES_BY_NAME = {resource.name: resource for resource in RESOURCES}
RECORD_ETAG = re.compile(r'^"(\d+)-[0-9a-f]+"$')

# The permission matrix. operation: (HTTP method, permission, status when permitted)
OPERATIONS = {
    "create": ("post", "add", 201),
    "replace": ("put", "change", 200),
    "modify": ("patch", "change", 200),
    "delete": ("delete", "delete", 204),
}
WRITE_PERMISSIONS = ("add", "change", "delete")
EXPECTED_REFUSAL = {
    "anonymous": 401,
    "no_permission": 403,
    "view_only": 403,
    "other_writes": 403,
}
# The writes that need If-Match, and their bodies.
WRITES = {
    "put": lambda resource: resource.body,
    "patch": lambda resource: resource.change,
    "delete": lambda resource: None,
}
# Keys by which a related record is written (the brief object shown on read holds it).
RELATED_KEYS = ("id", "code", "slug")


def shows(shown, sent) -> bool:
    """A value sent on write is what the representation shows: itself, or the key of
    the brief related record shown (a state's code, an episode's slug, an id)."""
    if isinstance(shown, dict) and not isinstance(sent, dict):
        return any(shown.get(key) == sent for key in RELATED_KEYS)
    return shown == sent


def assert_shows(representation: dict, sent: dict):
    for name, value in sent.items():
        assert shows(representation[name], value), (name, representation[name], value)


def parse_csv(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    reader = csv.DictReader(io.StringIO(response.content.decode("utf-8"), newline=""))
    return reader.fieldnames, list(reader)


def _permissions(model, actions):
    codenames = [f"{action}_{model._meta.model_name}" for action in actions]
    return Permission.objects.filter(
        content_type__app_label=model._meta.app_label, codename__in=codenames
    )


class ResourceAPITestCase:
    """Subclass with `resource_names`: the names of the declared resources it covers
    (one, or several such as every kind); each test runs once per resource."""

    resource_names: tuple[str, ...] = ()

    def pytest_generate_tests(self, metafunc):
        assert self.resource_names, f"{type(self).__name__} names no resource"
        metafunc.parametrize(
            "resource",
            [RESOURCES_BY_NAME[name] for name in self.resource_names],
            ids=list(self.resource_names),
        )

    @pytest.fixture
    def created(self, editor_client, resource):
        """The answer to the editor's create of the declared record."""
        response = editor_client.post(resource.list_url, resource.body)
        assert response.status_code == 201, response.json()
        assert RECORD_ETAG.match(response["ETag"]), response["ETag"]
        return response

    # list and detail

    def test_list(self, api_client, resource, created):
        response = api_client.get(resource.list_url)

        assert response.status_code == 200, response.content
        body = response.json()
        assert body["count"] == resource.model._default_manager.count() > 0
        assert len(body["results"]) == min(body["count"], 50)
        assert all(resource.lookup in item for item in body["results"])

    def test_detail(self, api_client, resource, created):
        response = api_client.get(resource.detail_url(created.json()))

        assert response.status_code == 200
        assert response.json() == created.json()
        assert response["ETag"] == created["ETag"]

    def test_unknown_record_is_a_404_problem(self, api_client, resource):
        response = api_client.get(f"{resource.list_url}{resource.missing}/")

        problem = assert_problem(response, 404, "not_found")
        assert problem["detail"] == "Not found."

    # create, update, delete

    def test_create(self, editor_client, resource):
        count = resource.model._default_manager.count()
        body = resource.body

        response = editor_client.post(resource.list_url, body)

        assert response.status_code == 201, response.json()
        assert resource.model._default_manager.count() == count + 1
        assert_shows(response.json(), body)
        [version] = RECORD_ETAG.match(response["ETag"]).groups()
        assert version == "1"

    def test_update_with_if_match(self, editor_client, api_client, resource, created):
        url = resource.detail_url(created.json())

        modified = editor_client.patch(url, resource.change, HTTP_IF_MATCH=created["ETag"])
        assert modified.status_code == 200, modified.json()
        assert_shows(modified.json(), resource.change)
        assert api_client.get(url).json() == modified.json()

        replaced = editor_client.put(url, resource.body, HTTP_IF_MATCH=modified["ETag"])
        assert replaced.status_code == 200, replaced.json()
        assert_shows(replaced.json(), resource.body)
        assert api_client.get(url).json() == replaced.json()

    def test_delete(self, editor_client, api_client, resource, created):
        url = resource.detail_url(created.json())
        count = resource.model._default_manager.count()

        response = editor_client.delete(url, HTTP_IF_MATCH=created["ETag"])

        assert response.status_code == 204
        assert_problem(api_client.get(url), 404, "not_found")
        assert resource.model._default_manager.count() == count - 1

    # the If-Match protocol of writes

    @pytest.mark.parametrize("method", WRITES)
    def test_a_write_without_if_match_gets_428_and_changes_nothing(
        self, editor_client, resource, created, method
    ):
        url = resource.detail_url(created.json())
        rows = resource.rows()

        response = getattr(editor_client, method)(url, WRITES[method](resource))

        assert response.status_code == 428, response.content
        assert resource.rows() == rows

    @pytest.mark.parametrize("method", WRITES)
    def test_a_write_with_a_stale_if_match_gets_412_and_changes_nothing(
        self, editor_client, resource, created, method
    ):
        url = resource.detail_url(created.json())
        first = editor_client.patch(url, resource.change, HTTP_IF_MATCH=created["ETag"])
        assert first.status_code == 200
        rows = resource.rows()

        response = getattr(editor_client, method)(
            url, WRITES[method](resource), HTTP_IF_MATCH=created["ETag"]
        )

        assert response.status_code == 412, response.content
        assert resource.rows() == rows

    def test_each_write_returns_the_etag_for_the_next(
        self, editor_client, api_client, resource, created
    ):
        url = resource.detail_url(created.json())

        replaced = editor_client.put(url, resource.body, HTTP_IF_MATCH=created["ETag"])
        assert replaced.status_code == 200
        assert replaced["ETag"] == api_client.get(url)["ETag"]
        modified = editor_client.patch(url, resource.change, HTTP_IF_MATCH=replaced["ETag"])
        assert modified.status_code == 200
        [version] = RECORD_ETAG.match(modified["ETag"]).groups()
        assert version == "3"
        deleted = editor_client.delete(url, HTTP_IF_MATCH=modified["ETag"])
        assert deleted.status_code == 204
        assert api_client.get(url).status_code == 404

    # who may write

    @pytest.mark.parametrize("role", [*EXPECTED_REFUSAL, "permitted"])
    @pytest.mark.parametrize("operation", OPERATIONS)
    def test_write_permission_matrix(
        self, resource, operation, role, editor_client, django_user_model, make_token_client
    ):
        method, permission, success = OPERATIONS[operation]
        url, headers = resource.list_url, {}
        if operation != "create":
            created = editor_client.post(resource.list_url, resource.body)
            assert created.status_code == 201, created.json()
            url = resource.detail_url(created.json())
            headers["HTTP_IF_MATCH"] = created["ETag"]
        body = {"create": resource.body, "replace": resource.body, "modify": resource.change}
        if role == "anonymous":
            client = APIClient()
        else:
            granted = {
                "no_permission": [],
                "view_only": ["view"],
                "other_writes": ["view", *(p for p in WRITE_PERMISSIONS if p != permission)],
                "permitted": [permission],
            }[role]
            user = django_user_model.objects.create_user(username=f"{role}-user")
            user.user_permissions.set(_permissions(resource.model, granted))
            client = make_token_client(user)
        rows_before = resource.rows()

        response = getattr(client, method)(url, body.get(operation), **headers)

        if role == "permitted":
            assert response.status_code == success, response.content
            assert resource.rows() != rows_before
        else:
            assert response.status_code == EXPECTED_REFUSAL[role], response.content
            assert resource.rows() == rows_before
            if role == "anonymous":
                assert response["WWW-Authenticate"] == "Token"

    # CSV and the schema

    def test_list_and_record_as_csv(self, api_client, resource, created):
        header, rows = parse_csv(api_client.get(f"{resource.list_url}?format=csv"))
        assert header[0] == resource.lookup
        records = api_client.get(resource.list_url).json()["results"]
        assert [row[resource.lookup] for row in rows] == [
            str(record[resource.lookup]) for record in records
        ]

        url = resource.detail_url(created.json())
        header, rows = parse_csv(api_client.get(f"{url}?format=csv"))
        assert header[0] == resource.lookup
        assert [row[resource.lookup] for row in rows] == [str(created.json()[resource.lookup])]

    def test_schema_documents_every_operation_and_the_create_data(
        self, openapi_schema, resource
    ):
        paths = openapi_schema["paths"]
        record_path = f"{resource.list_url}{{{resource.lookup}}}/"
        assert {"get", "post"} <= paths[resource.list_url].keys()
        assert {"get", "put", "patch", "delete"} <= paths[record_path].keys()
        listed = paths[resource.list_url]["get"]["responses"]["200"]["content"]
        assert {"application/json", "text/csv"} <= listed.keys()

        request = paths[resource.list_url]["post"]["requestBody"]["content"]
        reference = request["application/json"]["schema"]["$ref"]
        component = openapi_schema["components"]["schemas"][reference.rsplit("/", 1)[1]]
        body = resource.body
        assert set(component.get("required", [])) <= body.keys()
        assert body.keys() <= component["properties"].keys()
        assert resource.change.keys() <= component["properties"].keys()

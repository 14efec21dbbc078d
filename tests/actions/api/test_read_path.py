"""The read path of list pages gives the serializers' output, byte for byte."""

import pytest
from django.urls import resolve
from rest_framework import serializers
from rest_framework.pagination import CursorPagination

from actions.api import read
from actions.api.read import ReadPathListMixin, Unsupported, reader_for_serializer
from actions.api.serializers import KIND_SERIALIZERS
from actions.models import Detention
from actions.synthetic import synthetic_generate
from tests.api_helpers import kind_list_urls

DetentionSerializer = KIND_SERIALIZERS["detention"]

LISTS = [
    "/api/v1/actions/",
    *kind_list_urls(),
]
QUERIES = ["", "?limit=500", "?state=ML", "?actor=FR&limit=3&offset=1", "?target=ZZ"]


@pytest.fixture
def serializer_path(monkeypatch):
    """Turn the read path off: the lists go through the serializers, as before."""

    def through_serializer(client, url, **headers):
        with monkeypatch.context() as patch:
            patch.setattr(ReadPathListMixin, "read_path_reader", lambda view: None)
            return client.get(url, **headers)

    return through_serializer


def _compare(client, serializer_path, url, **headers):
    fast = client.get(url, **headers)
    slow = serializer_path(client, url, **headers)
    assert fast.status_code == slow.status_code
    assert fast.content == slow.content, url
    return fast


@pytest.mark.django_db
@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("path", LISTS)
def test_read_path_gives_the_serializers_output_on_the_seed_data(
    client, serializer_path, path, query
):
    _compare(client, serializer_path, path + query)


@pytest.mark.django_db
def test_the_seed_data_has_every_kind(client, every_kind):
    kinds = {item["kind"] for item in client.get("/api/v1/actions/").json()["results"]}
    assert kinds == set(KIND_SERIALIZERS)


@pytest.mark.django_db
@pytest.mark.parametrize("path", LISTS)
def test_read_path_gives_the_serializers_output_on_synthetic_data(
    client, serializer_path, path
):
    synthetic_generate(actions=300, seed=5)
    response = _compare(client, serializer_path, path + "?limit=500")
    results = response.json()["results"]
    assert results and any(item["in_response_to"] for item in results)
    assert any(item["citations"] for item in results)
    if "envoys" in results[0] or path == "/api/v1/actions/":
        assert any(item.get("envoys") for item in results)
    # The same rows as CSV, and as indented JSON (DRF's own encoder), byte for byte.
    csv_page = _compare(client, serializer_path, path + "?limit=500&format=csv")
    assert csv_page["Content-Type"].startswith("text/csv")
    indented = _compare(
        client, serializer_path, path + "?limit=500", HTTP_ACCEPT="application/json; indent=2"
    )
    assert indented.content.startswith(b"{\n")


@pytest.mark.django_db
def test_each_kind_is_read_with_its_own_fields(client):
    results = client.get("/api/v1/actions/?limit=500").json()["results"]
    for item in results:
        expected = list(KIND_SERIALIZERS[item["kind"]]().fields)
        assert list(item) == expected


def test_a_serializer_field_the_read_path_does_not_know_is_refused():
    class WithMethod(DetentionSerializer):
        extra = serializers.SerializerMethodField()

        class Meta(DetentionSerializer.Meta):
            fields = [*DetentionSerializer.Meta.fields, "extra"]

        def get_extra(self, obj):
            return 1

    with pytest.raises(Unsupported):
        reader_for_serializer(WithMethod, Detention)


@pytest.mark.django_db
def test_an_unsupported_serializer_falls_back_to_the_serializer(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise Unsupported("test")

    monkeypatch.setattr(read, "reader_for_serializer", refuse)
    monkeypatch.setattr(ReadPathListMixin, "_read_path_readers", {})
    response = client.get("/api/v1/actions/?state=ML")
    assert response.status_code == 200
    assert response.json()["count"] == 8


@pytest.mark.django_db
def test_the_count_is_taken_on_the_bare_table(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        client.get("/api/v1/persona-non-grata-declarations/?state=ML")
    queries = [query["sql"] for query in context.captured_queries]
    counts = [sql for sql in queries if "COUNT(" in sql.upper()]
    assert len(counts) == 1
    assert "JOIN" not in counts[0].upper()


class NewestFirstCursor(CursorPagination):
    ordering = ("-date", "-id")
    page_size = 5


@pytest.mark.django_db
@pytest.mark.parametrize("path", LISTS)
def test_cursor_pages_through_the_read_path_match_the_serializers(
    client, serializer_path, path, monkeypatch
):
    synthetic_generate(actions=200, seed=9)
    view = resolve(path).func.cls
    monkeypatch.setattr(view, "pagination_class", NewestFirstCursor)
    builds = []
    build = read.Reader.build

    def counted_build(self, rows):
        builds.append(1)
        return build(self, rows)

    monkeypatch.setattr(read.Reader, "build", counted_build)
    url, pages = path, 0
    while url and pages < 4:
        response = _compare(client, serializer_path, url)
        url = response.json()["next"]
        pages += 1
    # The rarer kinds have fewer than 4 pages of 5 in 200 synthetic actions.
    rows = view.queryset.count()
    assert rows > NewestFirstCursor.page_size
    assert pages == min(4, -(-rows // NewestFirstCursor.page_size))
    assert len(builds) == pages  # the read path served every page


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/actions/", "/api/v1/detentions/"])
def test_a_distinct_filtered_queryset_gives_the_serializers_output(
    client, serializer_path, path, monkeypatch
):
    """A filter across a to-many relation needs DISTINCT: the page is read as it is."""
    synthetic_generate(actions=100, seed=3)
    view = resolve(path).func.cls
    filter_queryset = view.filter_queryset

    def distinct_citing(self, queryset):
        queryset = filter_queryset(self, queryset)
        return queryset.filter(citations__quote__contains="announced").distinct()

    monkeypatch.setattr(view, "filter_queryset", distinct_citing)
    response = _compare(client, serializer_path, path + "?limit=5&offset=2")
    assert len(response.json()["results"]) == 5


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "?fields=id,kind",
        "?omit=citations",
        "?cursor=&fields=id,kind",
        "?cursor=&omit=citations",
        "?format=csv",
        "?format=csv&cursor=",
    ],
)
def test_sparse_fieldsets_and_csv_are_left_to_their_own_paths(client, monkeypatch, query):
    def fail(self, rows):
        raise AssertionError("the read path served a sparse fieldset")

    monkeypatch.setattr(read.Reader, "build", fail)
    assert client.get("/api/v1/actions/" + query).status_code == 200


FEED_OFFSET_QUERIES = [
    "?limit=7&offset=3",
    "?limit=5&offset=2&state=FR",
    "?kind=detention&limit=4&offset=1",
    "?ordering=updated_at&limit=6&offset=5",
    "?offset=100000",
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", FEED_OFFSET_QUERIES)
def test_feed_offset_pages_through_the_read_path_match_the_serializers(
    client, serializer_path, query, monkeypatch
):
    synthetic_generate(actions=120, seed=11)
    builds = []
    build = read.Reader.build
    monkeypatch.setattr(
        read.Reader, "build", lambda self, rows: builds.append(1) or build(self, rows)
    )
    response = _compare(client, serializer_path, "/api/v1/actions/" + query)
    # The read path served the page (beyond the count, there is nothing to read).
    assert bool(builds) == bool(response.json()["results"])


FEED_CURSOR_QUERIES = [
    "?cursor=&limit=7",
    "?cursor=&limit=5&state=FR",
    "?cursor=&kind=detention,statement&limit=4",
    "?cursor=&ordering=date&limit=6",
    "?cursor=&ordering=-updated_at&limit=5&date_after=2000-01-01",
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", FEED_CURSOR_QUERIES)
def test_feed_cursor_pages_through_the_read_path_match_the_serializers(
    client, serializer_path, query, monkeypatch
):
    synthetic_generate(actions=120, seed=12)
    builds = []
    build = read.Reader.build
    monkeypatch.setattr(
        read.Reader, "build", lambda self, rows: builds.append(1) or build(self, rows)
    )
    url, pages = "/api/v1/actions/" + query, 0
    while url and pages < 3:
        response = _compare(client, serializer_path, url)
        previous_url, url = response.json()["previous"], response.json()["next"]
        pages += 1
    assert pages == 3
    back = _compare(client, serializer_path, previous_url)  # walking back
    assert back.json()["results"]
    assert len(builds) == 4


@pytest.mark.django_db
def test_feed_bad_cursor_and_ordering_are_the_serializers_400s(client, serializer_path):
    for query in ["?cursor=nonsense", "?cursor=&ordering=actor", "?cursor=&offset=3"]:
        response = _compare(client, serializer_path, "/api/v1/actions/" + query)
        assert response.status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("mode", ["offset=3&", "cursor=&"])
def test_feed_pages_take_few_queries_whatever_their_size(client, mode):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    synthetic_generate(actions=150, seed=13)
    counts = []
    for limit in (5, 100):
        with CaptureQueriesContext(connection) as context:
            response = client.get(f"/api/v1/actions/?{mode}limit={limit}&state=FR,ML")
        assert response.status_code == 200
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1] <= 5

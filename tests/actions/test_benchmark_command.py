"""`manage.py benchmark` runs end to end (the figures themselves are not tested)."""

import io
import math

import pytest
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.http import StreamingHttpResponse
from django.urls import include, path, re_path
from rest_framework.pagination import CursorPagination

from actions.api.views import ActionViewSet
from actions.bench import http
from actions.bench.discover import export_paths
from actions.bench.measure import Client, export_run
from actions.management.commands.benchmark import RESOURCES, _paired_ratios, _totals
from actions.synthetic import synthetic_generate

WRK_OUTPUT = """Running 15s test @ http://127.0.0.1:8106/api/v1/actions/?limit=50
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     9.81ms    4.02ms  61.30ms   80.00%
    Req/Sec   410.12     40.33   505.00     70.00%
  Latency Distribution
     50%    9.10ms
     75%   11.51ms
     90%   14.62ms
     99%   25.03ms
  12255 requests in 15.02s, 120.32MB read
  Socket errors: connect 0, read 1, write 0, timeout 2
  Non-2xx or 3xx responses: 3
Requests/sec:    815.90
Transfer/sec:      8.01MB
"""


@pytest.fixture
def keep_connection():
    """As Django's test client does: the test's transaction must outlive each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_benchmark_prints_a_table_with_the_same_json_as_the_raw_baseline(keep_connection):
    synthetic_generate(actions=300, seed=1)
    out = io.StringIO()
    call_command("benchmark", "--repeat", "1", stdout=out)
    text = out.getvalue()
    for resource in ("actions", "persona-non-grata-declarations", "diplomatic-statements"):
        assert f"/api/v1/{resource}/" in text
    table = [line for line in text.splitlines() if line.startswith("/api/v1/")]
    assert len(table) == len(RESOURCES)  # the feed and each kind
    assert all(line.endswith("yes") for line in table), text
    assert "offset 277 (90%)" in text  # 300 synthetic + 8 real actions
    # The feed's own keyset cursor is found and measured deep, against its first page.
    deep = text.split("Deep pages")[1].split("\n\n")[0]
    assert "first cursor page" in deep and "cursor at 90%" in deep, text
    assert "status" not in deep, text
    # Within this test's transaction, after its writes, nothing may be cached.
    assert "from the response cache" in text
    # The data package of the same data, as a release writes it.
    assert "Data package: 308 actions, " in text and "actions/s" in text, text
    assert "data package >= 20,000 actions/s" in text
    if not export_paths("actions.bench.urls"):
        assert "Export: no export route under /api/: not available" in text
    else:  # each format is streamed, not refused for the client's Accept
        assert "not measured" not in text.split("Export", 1)[1], text
        assert text.count(" runs); peak traced memory ") == 2, text


@pytest.mark.django_db(transaction=True)
def test_the_cached_page_is_read_without_a_query(seed_data):
    out = io.StringIO()
    call_command("benchmark", "--repeat", "2", "--no-export", stdout=out)
    cached = out.getvalue().split("Cached page: ")[1].splitlines()[0]
    assert cached.endswith(", 0 queries"), cached


@pytest.mark.django_db
def test_http_mode_says_plainly_when_wrk_is_missing(keep_connection, monkeypatch):
    monkeypatch.setattr(http.shutil, "which", lambda name: None)
    out = io.StringIO()
    call_command("benchmark", "--repeat", "1", "--no-export", "--http", stdout=out)
    assert "wrk is not installed" in out.getvalue()
    assert "Random pages, API vs raw: wrk is not installed: skipped" in out.getvalue()


class NewestFirstCursor(CursorPagination):
    ordering = ("-date", "-id")
    page_size_query_param = "limit"


@pytest.mark.django_db
def test_a_cursor_on_the_feed_is_detected_and_measured_deep(keep_connection, monkeypatch):
    synthetic_generate(actions=200, seed=1)
    monkeypatch.setattr(ActionViewSet, "pagination_class", NewestFirstCursor)
    out = io.StringIO()
    call_command("benchmark", "--repeat", "1", "--no-export", stdout=out)
    text = out.getvalue()
    assert "cursor at 90%" in text
    assert "status" not in text.split("Deep pages")[1]
    assert "offset" not in text.split("Deep pages")[1]


def _csv_export(request):
    def rows():
        yield "id,kind\n"
        for number in range(1000):
            yield f"{number},statement\n"

    return StreamingHttpResponse(rows(), content_type="text/csv")


urlpatterns = [
    path("api/v1/", include([re_path(r"^actions/export/$", _csv_export)])),
    re_path(r"^api/v1/actions/export\.(?P<format>[a-z]+)/?$", _csv_export),
]


@pytest.mark.django_db
def test_an_export_route_is_found_and_streamed(settings, keep_connection):
    assert export_paths(__name__) == ["/api/v1/actions/export/"]
    settings.ROOT_URLCONF = __name__
    result = export_run(Client(), "/api/v1/actions/export/")
    assert result["status"] == 200
    assert result["rows"] == 1000
    assert result["rows_per_second"] > 0
    assert result["peak_bytes"] > 0


def test_wrk_output_is_parsed():
    result = http.parse_wrk(WRK_OUTPUT)
    assert result["requests_per_second"] == 815.90
    assert result["requests"] == 12255
    assert result["p50_ms"] == 9.10
    assert result["p99_ms"] == 25.03
    assert result["non_2xx"] == 3
    assert result["socket_errors"] == 3


def test_wrk_mean_latency_is_parsed():
    assert http.parse_wrk(WRK_OUTPUT)["mean_ms"] == 9.81


def test_the_random_offset_script_asks_for_a_page_within_the_data(tmp_path):
    name = http.random_offset_script(tmp_path / "api.lua", "/api/v1/actions/?limit=50&offset=", 950)
    script = (tmp_path / "api.lua").read_text()
    assert name == str(tmp_path / "api.lua")
    assert 'local path = "/api/v1/actions/?limit=50&offset="' in script
    assert "local max_offset = 950" in script
    assert "math.random(0, max_offset)" in script


def test_rounds_are_added_up_by_request():
    rounds = [
        {"requests": 100, "requests_per_second": 50.0, "mean_ms": 10.0, "non_2xx": 0,
         "socket_errors": 0},
        {"requests": 300, "requests_per_second": 100.0, "mean_ms": 20.0, "non_2xx": 1,
         "socket_errors": 1},
    ]
    total = _totals(rounds)
    assert total["requests_per_second"] == 400 / 5  # 2 s + 3 s
    assert total["mean_ms"] == (100 * 10 + 300 * 20) / 400
    assert (total["lowest"], total["highest"], total["errors"]) == (50.0, 100.0, 2)


def test_each_round_is_compared_with_its_own_raw_run_and_the_median_taken():
    def run(requests_per_second, mean_ms):
        return {"requests_per_second": requests_per_second, "mean_ms": mean_ms}

    # The third round is disturbed (the raw view twice as fast as in the API's run):
    # totals would carry it whole, the median leaves it out.
    api = [run(90.0, 11.0), run(45.0, 22.0), run(40.0, 30.0)]
    raw = [run(100.0, 10.0), run(50.0, 20.0), run(80.0, 12.0)]
    ratios = _paired_ratios(api, raw)
    assert ratios["requests_per_second"] == pytest.approx(0.9)  # median of 0.9, 0.9, 0.5
    assert ratios["mean_ms"] == pytest.approx(1.1)  # median of 1.1, 1.1, 2.5
    # A round the raw view could not serve at all is left out, not divided by.
    assert math.isnan(_paired_ratios([run(10.0, 5.0)], [run(0.0, 0.0)])["mean_ms"])
    assert _paired_ratios([run(10.0, 5.0), run(9.0, 6.0)], [run(0.0, 0.0), run(10.0, 5.0)]) == {
        "requests_per_second": pytest.approx(0.9),
        "mean_ms": pytest.approx(1.2),
    }


def test_each_gunicorn_worker_takes_an_even_share_of_the_load_connections():
    # 8 connections on 2 workers: 4 each, so that neither can take them all.
    assert http.even_share(8, workers=2, threads=2) == 4
    assert http.even_share(7, workers=2, threads=2) == 4
    # Never at or below the threads: gunicorn would then keep no connection alive.
    assert http.even_share(1, workers=2, threads=2) == 3
    assert http.even_share(8, workers=2, threads=4) == 5
    server = http.Server(port=8999, connections=8, environment={"GUNICORN_THREADS": "2"})
    assert server.worker_connections == 4
    assert http.Server(port=8999).worker_connections is None

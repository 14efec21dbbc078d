import datetime
import os
import platform
import statistics
import tempfile
import uuid
from pathlib import Path

import django
import orjson
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import override_settings
from rest_framework.pagination import CursorPagination

from actions.api.views import ActionViewSet
from actions.bench import http
from actions.bench.discover import deep_cursor_query, export_paths, has_cursor_parameter
from actions.bench.measure import Client, export_runs, medians, package_runs
from actions.kinds import KINDS
from actions.models import Action, Release
from diplomacy.api.pagination import FeedPagination

# (API resource, kind of its raw baseline; None for the feed of every kind)
RESOURCES = [("actions", None), *((kind.slug, value) for value, kind in KINDS.items())]


# Rate limits stay in force (their cost is part of a request) but out of reach.
# Per second: a rate counts a client's requests of the last period, and this one
# client stands for many; under a per-minute rate its history would hold every
# request of the last minute (6,000 at 100 requests/s, each one read and
# written back on every request), more than any real client below its limit
# (1,200 at the anonymous rate).
UNREACHABLE_RATE = "1000000/second"


def _unthrottled() -> dict:
    rest = dict(settings.REST_FRAMEWORK)
    rates = rest.get("DEFAULT_THROTTLE_RATES") or {}
    rest["DEFAULT_THROTTLE_RATES"] = {scope: UNREACHABLE_RATE for scope in rates}
    return rest


def _same_json(api_body: bytes, raw_body: bytes) -> bool:
    api, raw = orjson.loads(api_body), orjson.loads(raw_body)
    return api.get("count") == raw.get("count") and api.get("results") == raw.get("results")


class Command(BaseCommand):
    help = (
        "Measure the list pages on the configured database at its current size, "
        "against a raw .values()+orjson baseline; with --http, a load run under gunicorn."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=30, help="Requests per median.")
        parser.add_argument("--limit", type=int, default=100, help="Page size (default 100).")
        parser.add_argument("--http", action="store_true", help="Also run gunicorn and wrk.")
        parser.add_argument("--port", type=int, default=8100, help="gunicorn port (8100).")
        parser.add_argument("--duration", type=int, default=15, help="wrk seconds (15).")
        parser.add_argument("--connections", type=int, default=8, help="wrk connections (8).")
        parser.add_argument(
            "--rounds", type=int, default=10, help="Rounds of the random-page run, each view (10)."
        )
        parser.add_argument(
            "--round-seconds", type=int, default=3, help="wrk seconds per round (3)."
        )
        parser.add_argument("--no-export", action="store_true", help="Skip the export runs.")
        parser.add_argument(
            "--export-runs", type=int, default=3, help="Exports per format; the median (3)."
        )
        parser.add_argument(
            "--no-package", action="store_true", help="Skip the data package runs."
        )
        parser.add_argument(
            "--package-runs", type=int, default=3, help="Packages written; the median (3)."
        )
        parser.add_argument(
            "--redis-url",
            default=os.environ.get("REDIS_URL", ""),
            help="Redis for the load run with the response cache (default: $REDIS_URL).",
        )

    def handle(self, *args, **options):
        self.options = options
        actions = Action.objects.count()
        vendor = connection.vendor
        self.line(
            f"Benchmark on {vendor} ({connection.settings_dict['NAME']}), {actions} actions, "
            f"limit={options['limit']}, median of {options['repeat']}; "
            f"Python {platform.python_version()}, Django {django.get_version()}, DEBUG off; "
            f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC"
        )
        # Other work on the machine inflates every time below; the ratios suffer less.
        self.line(f"Load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        self.verdicts = []
        # The pages are built on every request here (the response cache off): the
        # ratios compare the API's work with the baseline's, not a cache lookup.
        measured = {
            "DEBUG": False, "ROOT_URLCONF": "actions.bench.urls", "REST_FRAMEWORK": _unthrottled()
        }
        with override_settings(**measured, RESPONSE_CACHE_SECONDS=0):
            client = Client()
            self.lists(client)
            self.deep_pages(client, actions)
            self.as_of_pages(client)
            if not options["no_export"]:
                self.export(client)
            if not options["no_package"]:
                self.package()
        # Under a key prefix of this run's: never a page of an earlier run, nor
        # a page in the cache of a server sharing this Redis.
        self.prefix = f"benchmark-{uuid.uuid4().hex[:12]}"
        caches = {
            alias: {**config, "KEY_PREFIX": self.prefix}
            for alias, config in settings.CACHES.items()
        }
        with override_settings(**measured, RESPONSE_CACHE_SECONDS=300, CACHES=caches):
            self.cached_page(Client())
        if options["http"]:
            self.load_run()
            self.random_pages_run(actions)
        self.line()
        self.line("Targets of issues 5, 6 and 12 (stated for 100,000 actions on 2 cores)")
        for target, met, figure in self.verdicts:
            state = "n/a   " if met is None else "met   " if met else "MISSED"
            self.line(f"  {state}  {target:62} {figure}")

    def verdict(self, target, met, figure):
        self.verdicts.append((target, met, figure))

    def line(self, text=""):
        self.stdout.write(text)

    def lists(self, client):
        limit = self.options["limit"]
        query = f"limit={limit}"
        requests = {}
        for resource, kind in RESOURCES:
            requests[(resource, "api")] = (f"/api/v1/{resource}/", query)
            raw = "actions" if kind is None else kind
            requests[(resource, "raw")] = (f"/bench/raw/{raw}/", query)
        results = medians(client, requests, self.options["repeat"])
        self.line()
        self.line(f"List pages (limit={limit}): API through the full stack vs raw baseline")
        header = (
            f"{'endpoint':41} {'API ms':>8} {'queries':>7} {'bytes':>8} "
            f"{'raw ms':>8} {'queries':>7} {'ratio':>6}  same JSON"
        )
        self.line(header)
        self.line("-" * len(header))
        for resource, _ in RESOURCES:
            api_seconds, api = results[(resource, "api")]
            raw_seconds, raw = results[(resource, "raw")]
            same = api.status == raw.status == 200 and _same_json(api.body, raw.body)
            ratio = api_seconds / raw_seconds
            self.line(
                f"/api/v1/{resource + '/':33} {api_seconds * 1000:8.2f} {api.queries:7d} "
                f"{len(api.body):8d} {raw_seconds * 1000:8.2f} {raw.queries:7d} "
                f"{ratio:6.2f}  {'yes' if same else 'NO'}"
            )
            self.verdict(
                f"/{resource}/ page <= 1.5x raw, same JSON", ratio <= 1.5 and same, f"{ratio:.2f}x"
            )
            self.verdict(
                f"/{resource}/ queries <= 5", api.queries <= 5, f"{api.queries} queries"
            )

    def deep_pages(self, client, actions):
        limit = self.options["limit"]
        repeat = max(5, self.options["repeat"] // 3)
        offset = int(actions * 0.9)
        requests = {"first page": ("/api/v1/actions/", f"limit={limit}")}
        if not issubclass(ActionViewSet.pagination_class or object, CursorPagination):
            requests[f"offset {offset} (90%)"] = (
                "/api/v1/actions/",
                f"limit={limit}&offset={offset}",
            )
        cursor_note = "no `cursor` parameter on the feed: cursor pages not measured"
        if has_cursor_parameter(ActionViewSet) or issubclass(
            ActionViewSet.pagination_class or object, FeedPagination
        ):
            cursor = deep_cursor_query(
                ActionViewSet, Action.objects.all(), fraction=0.9, page_size=limit
            )
            if cursor is None:
                cursor_note = "the feed's cursor is of a kind the benchmark does not know"
            else:
                requests["first cursor page"] = ("/api/v1/actions/", f"cursor=&limit={limit}")
                requests["cursor at 90%"] = ("/api/v1/actions/", cursor)
                cursor_note = ""
        results = medians(client, requests, repeat)
        first = results["first page"][0]
        self.line()
        self.line(f"Deep pages of /api/v1/actions/ (median of {repeat})")
        for name, (seconds, result) in results.items():
            status = "" if result.status == 200 else f"  status {result.status}"
            self.line(
                f"  {name:22} {seconds * 1000:8.2f} ms  {seconds / first:5.2f}x first page"
                f"{status}"
            )
        if cursor_note:
            self.line(f"  {cursor_note}")
        if "cursor at 90%" in results:
            # Against the first page of the same kind (a cursor page counts no rows).
            ratio = results["cursor at 90%"][0] / results["first cursor page"][0]
            self.line(f"  cursor at 90%: {ratio:.2f}x the first cursor page")
            self.verdict(
                "cursor page at 90% <= 1.2x first cursor page", ratio <= 1.2, f"{ratio:.2f}x"
            )
        else:
            self.verdict("cursor page at 90% <= 1.2x first page", None, "no cursor")

    def as_of_pages(self, client):
        """Pages as of the latest release against the same pages now (issue 12)."""
        target = "page as of a release <= 3x the live page"
        release = Release.objects.order_by("cut_at", "id").last()
        self.line()
        if release is None:
            self.line("Pages as of a release: no release (cut one: manage.py release NAME)")
            self.verdict(target, None, "no release")
            return
        limit = self.options["limit"]
        pages = {
            "feed": "/api/v1/actions/",
            "one kind": f"/api/v1/{next(iter(KINDS.values())).slug}/",
            "states": "/api/v1/states/",
        }
        requests = {}
        for name, path in pages.items():
            requests[(name, "live")] = (path, f"limit={limit}")
            requests[(name, "as_of")] = (path, f"limit={limit}&as_of={release.name}")
        results = medians(client, requests, self.options["repeat"])
        self.line(f"Pages as of the release {release.name} (limit={limit}) vs the live page")
        for name, path in pages.items():
            live_seconds, live = results[(name, "live")]
            past_seconds, past = results[(name, "as_of")]
            ratio = past_seconds / live_seconds
            status = "" if past.status == live.status == 200 else f"  status {past.status}"
            self.line(
                f"  {path:41} live {live_seconds * 1000:8.2f} ms  as of {past_seconds * 1000:8.2f}"
                f" ms  {ratio:5.2f}x  {past.queries} queries{status}"
            )
            self.verdict(f"{path} {target}", ratio <= 3 and not status, f"{ratio:.2f}x")

    def cached_page(self, client):
        limit = self.options["limit"]
        requests = {"cached": ("/api/v1/actions/", f"limit={limit}")}
        seconds, result = medians(client, requests, self.options["repeat"])["cached"]
        self.line()
        self.line(
            f"Cached page: /api/v1/actions/?limit={limit} from the response cache "
            f"({settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}): "
            f"{seconds * 1000:.2f} ms, {result.queries} queries"
        )

    def export(self, client):
        self.line()
        paths = export_paths("actions.bench.urls")
        if not paths:
            self.line("Export: no export route under /api/: not available")
            self.verdict("export >= 20,000 rows/s, peak memory < 200 MB", None, "no export")
            return
        # Each format the export offers; a client's default Accept may be refused (406).
        runs = [(path, query) for path in paths for query in ("format=csv", "format=jsonl")]
        for path, query in runs:
            result = export_runs(client, path, query, runs=self.options["export_runs"])
            path = f"{path}?{query}"
            if result["status"] != 200:
                self.line(f"Export {path}: status {result['status']}, not measured")
                continue
            self.line(
                f"Export {path} ({result['content_type']}): {result['rows']} rows, "
                f"{result['bytes'] / 1e6:.1f} MB in {result['seconds']:.2f} s = "
                f"{result['rows_per_second']:,.0f} rows/s (median of {result['runs']} runs); "
                f"peak traced memory {result['peak_bytes'] / 2**20:.1f} MiB"
            )
            self.verdict(
                f"export {path} >= 20,000 rows/s",
                result["rows_per_second"] >= 20_000,
                f"{result['rows_per_second']:,.0f} rows/s",
            )
            self.verdict(
                f"export {path} peak memory < 200 MB",
                result["peak_bytes"] < 200e6,
                f"{result['peak_bytes'] / 1e6:.0f} MB",
            )

    def package(self):
        """The data package of the current data (issue 12), as a release writes it."""
        result = package_runs(runs=self.options["package_runs"])
        rows = sum(result["rows"].values())
        self.line()
        self.line(
            f"Data package: {result['rows']['actions']} actions, {rows} rows in "
            f"{len(result['rows'])} tables, {result['bytes'] / 1e6:.1f} MB zipped in "
            f"{result['seconds']:.2f} s = {result['actions_per_second']:,.0f} actions/s, "
            f"{rows / result['seconds']:,.0f} rows/s (median of {result['runs']} packages); "
            f"peak traced memory {result['peak_bytes'] / 2**20:.1f} MiB"
        )
        self.verdict(
            "data package >= 20,000 actions/s",
            result["actions_per_second"] >= 20_000,
            f"{result['actions_per_second']:,.0f} actions/s",
        )
        self.verdict(
            "data package peak memory < 100 MB (flat)",
            result["peak_bytes"] < 100e6,
            f"{result['peak_bytes'] / 1e6:.0f} MB",
        )

    def load_run(self):
        self.line()
        if http.wrk_missing():
            self.line(
                "HTTP load run: wrk is not installed (Debian: apt-get install wrk): skipped"
            )
            self.verdict("gunicorn, limit=50, 8 connections: p99 < 50 ms", None, "no wrk")
            return
        redis_url = self.options["redis_url"]
        # Both runs count request rates alike (in Redis when there is one), each
        # under a key prefix of its own.
        shared = {"REDIS_URL": redis_url} if redis_url else {}
        # As production serves: rendered pages cached in Redis until the next write.
        if redis_url:
            cached = self.load(
                "response cache on (Redis)",
                **shared,
                DJANGO_RESPONSE_CACHE_SECONDS="300",
                DJANGO_CACHE_KEY_PREFIX=f"{self.prefix}-on",
            )
            self.verdict(
                "gunicorn, limit=50, 8 connections: p99 < 50 ms, no errors",
                cached["p99_ms"] < 50 and cached["errors"] == 0,
                f"p99 {cached['p99_ms']:.1f} ms, {cached['errors']} errors",
            )
        else:
            self.line("  No REDIS_URL (or --redis-url): the run with the response cache is skipped")
        # Every page built: what a request costs when the cache cannot answer it.
        built = self.load(
            "response cache off",
            **shared,
            DJANGO_RESPONSE_CACHE_SECONDS="0",
            DJANGO_CACHE_KEY_PREFIX=f"{self.prefix}-off",
        )
        self.verdict(
            "  the same with the response cache off" if redis_url
            else "gunicorn, limit=50, 8 connections: p99 < 50 ms, no errors",
            built["p99_ms"] < 50 and built["errors"] == 0,
            f"p99 {built['p99_ms']:.1f} ms, {built['errors']} errors",
        )

    def load(self, name, **environment):
        options = self.options
        path = "/api/v1/actions/?limit=50"
        with http.Server(
            port=options["port"], environment=environment, connections=options["connections"]
        ) as server:
            workers = _workers(server)
            http.wrk(server.url + path, connections=options["connections"], seconds=3)
            result = http.wrk(
                server.url + path,
                connections=options["connections"],
                seconds=options["duration"],
            )
        load = os.getloadavg()[0]
        result["errors"] = result["non_2xx"] + result["socket_errors"]
        self.line(
            f"HTTP load run, {name}: gunicorn, {workers}, 127.0.0.1:{options['port']}, "
            f"GET {path}, {options['connections']} connections, {options['duration']} s (wrk)"
        )
        self.line(
            f"  {result['requests_per_second']:.0f} requests/s, p50 {result['p50_ms']:.1f} ms, "
            f"p99 {result['p99_ms']:.1f} ms, errors {result['errors']} "
            f"({result['requests']} requests; {result['non_2xx']} non-2xx, "
            f"{result['socket_errors']} socket errors); load average {load:.1f}"
        )
        return result

    def random_pages_run(self, actions):
        """The API against the raw baseline under the same gunicorn, a different page each request.

        One URL is what the response cache answers; a crawl of every page is
        not. Here the cache is off, each request asks for a random offset, and
        the two views take turns in short rounds so that other work on the
        machine slows both alike. Throughput on `--connections`, then the time
        per request (wrk's mean latency) on one connection.
        """
        options = self.options
        self.line()
        if http.wrk_missing():
            self.line("Random pages, API vs raw: wrk is not installed: skipped")
            self.verdict("random pages: throughput >= 0.85x raw", None, "no wrk")
            return
        limit = 50
        max_offset = max(0, actions - limit)
        paths = {
            "raw": f"/bench/raw/actions/?limit={limit}&offset=",
            "API": f"/api/v1/actions/?limit={limit}&offset=",
        }
        redis_url = options["redis_url"]
        environment = {
            **({"REDIS_URL": redis_url} if redis_url else {}),
            "DJANGO_RESPONSE_CACHE_SECONDS": "0",
            "DJANGO_CACHE_KEY_PREFIX": f"{self.prefix}-pages",
        }
        rounds, seconds = options["rounds"], options["round_seconds"]
        results, paired = {}, {}
        with tempfile.TemporaryDirectory() as directory, http.Server(
            port=options["port"],
            environment=environment,
            app="actions.bench.wsgi:application",
            connections=options["connections"],
        ) as server:
            self.line(
                f"Random pages, API vs raw baseline: gunicorn, {_workers(server)}, "
                f"response cache off, GET {paths['API']}N and {paths['raw']}N, "
                f"N random in [0, {max_offset}], {rounds} rounds of {seconds} s each in turn (wrk)"
            )
            scripts = {
                name: http.random_offset_script(Path(directory) / f"{name}.lua", path, max_offset)
                for name, path in paths.items()
            }
            for connections in (options["connections"], 1):
                for name in paths:  # warm-up: imports, connections, the database's caches
                    http.wrk(server.url, connections=connections, seconds=2, script=scripts[name])
                runs = {name: [] for name in paths}
                for number in range(rounds):
                    # Who goes first alternates too.
                    for name in list(paths)[:: 1 if number % 2 == 0 else -1]:
                        runs[name].append(
                            http.wrk(
                                server.url,
                                connections=connections,
                                seconds=seconds,
                                script=scripts[name],
                            )
                        )
                results[connections] = {name: _totals(runs[name]) for name in paths}
                paired[connections] = _paired_ratios(runs["API"], runs["raw"])
                load = os.getloadavg()[0]
                for name in paths:
                    total = results[connections][name]
                    self.line(
                        f"  {connections} connection{'s' if connections > 1 else ''}, "
                        f"{name:3}: {total['requests_per_second']:6.1f} requests/s "
                        f"(rounds {total['lowest']:.0f}-{total['highest']:.0f}), "
                        f"mean {total['mean_ms']:6.2f} ms, errors {total['errors']}"
                    )
                self.line(f"  load average {load:.1f}")
        many = results[options["connections"]]
        one = results[1]
        # The verdicts read the median over rounds of each round's ratio: the
        # two views of a round run one after the other, and one round that
        # other work on the machine disturbs moves a median less than it
        # moves the totals, which are printed beside it.
        throughput = paired[options["connections"]]["requests_per_second"]
        per_request = paired[1]["mean_ms"]
        throughput_overall = many["API"]["requests_per_second"] / many["raw"]["requests_per_second"]
        per_request_overall = one["API"]["mean_ms"] / one["raw"]["mean_ms"]
        errors = sum(total["errors"] for result in results.values() for total in result.values())
        self.line(
            f"  API/raw, median of the {rounds} rounds' ratios: throughput {throughput:.2f}x "
            f"on {options['connections']} connections, time per request {per_request:.2f}x "
            f"on 1 connection"
        )
        self.line(
            f"  API/raw over all rounds: throughput {throughput_overall:.2f}x, "
            f"time per request {per_request_overall:.2f}x"
        )
        self.verdict(
            f"random pages, {options['connections']} connections: throughput >= 0.85x raw",
            throughput >= 0.85 and errors == 0,
            f"{throughput:.2f}x, {errors} errors",
        )
        self.verdict(
            "random pages, 1 connection: time per request <= 1.2x raw",
            per_request <= 1.2 and errors == 0,
            f"{per_request:.2f}x",
        )


def _workers(server) -> str:
    text = f"{server.workers} workers"
    if server.worker_connections:
        text += f" of at most {server.worker_connections} connections each"
    return text


def _paired_ratios(api_runs: list[dict], raw_runs: list[dict]) -> dict:
    """The median over rounds of API/raw, each round's API run against its own raw run."""
    medians = {}
    for key in ("requests_per_second", "mean_ms"):
        pairs = zip(api_runs, raw_runs, strict=True)
        ratios = [api[key] / raw[key] for api, raw in pairs if raw[key]]
        medians[key] = statistics.median(ratios) if ratios else float("nan")
    return medians


def _totals(runs: list[dict]) -> dict:
    """Rounds of wrk added up: requests per second overall, mean latency weighted by requests."""
    requests = sum(run["requests"] for run in runs)
    seconds = sum(run["requests"] / run["requests_per_second"] for run in runs)
    return {
        "requests_per_second": requests / seconds,
        "lowest": min(run["requests_per_second"] for run in runs),
        "highest": max(run["requests_per_second"] for run in runs),
        "mean_ms": sum(run["mean_ms"] * run["requests"] for run in runs) / requests,
        "errors": sum(run["non_2xx"] + run["socket_errors"] for run in runs),
    }

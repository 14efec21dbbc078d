"""In-process measurements: requests through the whole Django stack, as a WSGI server makes them."""

import datetime
import io
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass

import orjson
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection

from actions.package import write_package


@dataclass
class Result:
    status: int
    content_type: str
    body: bytes
    queries: int
    seconds: float


class Client:
    """Calls the WSGI application directly: middleware, URL resolution, view, renderer."""

    def __init__(self):
        self.handler = WSGIHandler()

    def environ(self, path, query=""):
        return {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "localhost",
            "REMOTE_ADDR": "127.0.0.1",
            "SERVER_PORT": "80",
            "HTTP_HOST": "localhost",
            "HTTP_ACCEPT": "application/json",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }

    def stream(self, path, query=""):
        """Start a request; return (status, content type, iterator of body chunks)."""
        started = {}

        def start_response(status, headers, exc_info=None):
            started["status"] = int(status.split()[0])
            started["headers"] = dict(headers)

        environ = self.environ(path, query)
        # An export answers in the format its `?format=` names; `Accept: application/json`
        # would make that a 406 (DRF matches the header against the named renderer).
        environ["HTTP_ACCEPT"] = "*/*"
        chunks = self.handler(environ, start_response)
        return started["status"], started["headers"].get("Content-Type", ""), chunks

    def get(self, path, query="") -> Result:
        count = [0]

        def counter(execute, sql, params, many, context):
            count[0] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            begin = time.perf_counter()
            status, content_type, chunks = self.stream(path, query)
            try:
                body = b"".join(chunks)
            finally:
                if hasattr(chunks, "close"):
                    chunks.close()
            seconds = time.perf_counter() - begin
        return Result(status, content_type, body, count[0], seconds)


def medians(client, requests: dict, repeat: int, warmup: int = 3) -> dict:
    """Median seconds of each (path, query) in `requests`, taking turns so noise spreads evenly."""
    for _ in range(warmup):
        for path, query in requests.values():
            client.get(path, query)
    times = {name: [] for name in requests}
    last = {}
    for _ in range(repeat):
        for name, (path, query) in requests.items():
            result = client.get(path, query)
            times[name].append(result.seconds)
            last[name] = result
    return {name: (statistics.median(times[name]), last[name]) for name in requests}


def export_runs(client, path, query="", *, runs: int = 3) -> dict:
    """`export_run` `runs` times: the run of median speed (the first warms the caches)."""
    results = [export_run(client, path, query, traced=False) for _ in range(runs - 1)]
    results.append(export_run(client, path, query))
    if any(result["status"] != 200 for result in results):
        return results[-1]
    median = sorted(results, key=lambda result: result["rows_per_second"])[len(results) // 2]
    return {**median, "peak_bytes": results[-1]["peak_bytes"], "runs": runs}


def export_run(client, path, query="", *, traced: bool = True) -> dict:
    """Stream a whole export: rows, seconds, rows per second, then the peak of traced memory."""
    begin = time.perf_counter()
    status, content_type, chunks = client.stream(path, query)
    if status != 200:
        if hasattr(chunks, "close"):
            chunks.close()
        return {"status": status, "content_type": content_type}
    # A JSON document is kept to count its items; CSV and JSON lines are counted by line.
    whole = "json" in content_type and "nd" not in content_type and "lines" not in content_type
    kept = []
    lines = size = 0
    last_byte = b"\n"
    try:
        for chunk in chunks:
            size += len(chunk)
            lines += chunk.count(b"\n")
            if chunk:
                last_byte = chunk[-1:]
            if whole:
                kept.append(chunk)
    finally:
        if hasattr(chunks, "close"):
            chunks.close()
    seconds = time.perf_counter() - begin
    if last_byte != b"\n":
        lines += 1
    if whole:
        document = orjson.loads(b"".join(kept))
        rows = len(document["results"] if isinstance(document, dict) else document)
    else:
        rows = lines - 1 if "csv" in content_type else lines
    if not traced:
        return {
            "status": status, "content_type": content_type, "rows": rows, "bytes": size,
            "seconds": seconds, "rows_per_second": rows / seconds if seconds else 0.0,
        }
    # A second pass with tracemalloc on: it slows Python down, so it is not timed.
    tracemalloc.start()
    try:
        _, _, chunks = client.stream(path, query)
        for _ in chunks:
            pass
        if hasattr(chunks, "close"):
            chunks.close()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return {
        "status": status,
        "content_type": content_type,
        "rows": rows,
        "bytes": size,
        "seconds": seconds,
        "rows_per_second": rows / seconds if seconds else 0.0,
        "peak_bytes": peak,
    }


def package_runs(*, runs: int = 3) -> dict:
    """The data package written `runs` times to nowhere (hashed and counted): the run of
    median time, and the peak of traced memory of one more run, untimed."""
    created = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    timed = []
    for _ in range(runs):
        begin = time.perf_counter()
        written = write_package(None, name="benchmark", created=created)
        timed.append((time.perf_counter() - begin, written))
    seconds, written = sorted(timed, key=lambda run: run[0])[len(timed) // 2]
    tracemalloc.start()
    try:
        write_package(None, name="benchmark", created=created)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return {
        "seconds": seconds,
        "bytes": written.bytes,
        "rows": written.rows,
        "actions_per_second": written.rows["actions"] / seconds if seconds else 0.0,
        "peak_bytes": peak,
        "runs": runs,
    }

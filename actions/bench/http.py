"""The load run of `benchmark --http`: gunicorn on loopback, driven by wrk."""

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def wrk_missing() -> bool:
    return shutil.which("wrk") is None


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def parse_wrk(output: str) -> dict:
    """Requests per second, latency percentiles (ms) and errors from `wrk --latency`."""
    result = {
        "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "mean_ms": _ms(re.search(r"^\s+Latency\s+([\d.]+(?:us|ms|s|m))", output, re.M).group(1)),
        "non_2xx": 0,
        "socket_errors": 0,
    }
    for percent in ("50", "75", "90", "99"):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+(?:us|ms|s|m))\s*$", output, re.M)
        result[f"p{percent}_ms"] = _ms(match.group(1)) if match else None
    match = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    if match:
        result["non_2xx"] = int(match.group(1))
    match = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if match:
        result["socket_errors"] = sum(int(n) for n in match.groups())
    return result


def even_share(connections: int, *, workers: int, threads: int) -> int:
    """The connections a gunicorn worker may hold at once, so that a load's share evenly.

    A gthread worker accepts whatever connections it can, in a race with the
    other: wrk's 8 keep-alive connections, opened at once, sometimes all went
    to one worker, which then served them on one core while the other idled
    (half the requests per second for the whole run, one run in two or three;
    seen with `ss -tnp`). Capped at an even share, each worker takes its own.
    The cap stays above the worker's threads, or gunicorn keeps no connection
    alive.
    """
    return max(-(-connections // workers), threads + 1)


class Server:
    """gunicorn with the project's config, DEBUG off, on 127.0.0.1:port."""

    def __init__(
        self,
        *,
        port: int,
        workers: int = 2,
        environment: dict | None = None,
        app: str | None = None,
        connections: int | None = None,
    ):
        self.port = port
        self.workers = workers
        self.environment = environment or {}
        threads = int({**os.environ, **self.environment}.get("GUNICORN_THREADS", "2"))
        # Each worker's cap (None: gunicorn's default), for the most connections
        # the load will open at once.
        self.worker_connections = (
            even_share(connections, workers=workers, threads=threads) if connections else None
        )
        # A WSGI application other than the config's (`module:name`), e.g. with the
        # raw baseline views mounted (actions.bench.wsgi).
        self.app = app
        self.process = None

    def __enter__(self):
        env = os.environ.copy()
        env.update(
            DJANGO_DEBUG="0",
            PORT=str(self.port),
            HOST="127.0.0.1",
            WEB_CONCURRENCY=str(self.workers),
            # Rate limits (issue 4) stay in force but out of reach of the load run;
            # per second, as in the in-process runs (see UNREACHABLE_RATE there).
            DJANGO_THROTTLE_ANON="1000000/second",
            DJANGO_THROTTLE_USER="1000000/second",
            # Plain HTTP on loopback: no redirect to HTTPS.
            DJANGO_SECURE_SSL_REDIRECT="0",
        )
        env.update(self.environment)
        env.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(40))
        base = Path(settings.BASE_DIR)
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "-c", str(base / "gunicorn.conf.py"),
                *(
                    ["--worker-connections", str(self.worker_connections)]
                    if self.worker_connections
                    else []
                ),
                *([self.app] if self.app else []),
            ],
            cwd=base,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.process.stderr.read().decode()}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/v1/", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        self.__exit__(None, None, None)
        raise RuntimeError(f"gunicorn did not answer on port {self.port} within 30 s")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"


def wrk(
    url: str, *, connections: int, seconds: int, threads: int = 2, script: str | None = None
) -> dict:
    threads = max(1, min(threads, connections))  # wrk refuses more threads than connections
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script:
        command += ["-s", script]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)


# A different page on every request: the offset drawn at random in [0, max_offset],
# each wrk thread from a seed of its own, so that no cache answers for a popular page.
RANDOM_OFFSET_SCRIPT = """\
local path = %(path)s
local max_offset = %(max_offset)d
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("number", threads)
end
function init(args)
  math.randomseed(os.time() * 1000 + number)
end
function request()
  return wrk.format("GET", path .. math.random(0, max_offset))
end
"""


def random_offset_script(file: Path, path: str, max_offset: int) -> str:
    """Write to `file` the wrk script asking for `path` + a random offset; return its name.

    `path` ends with `offset=`; it is written as a JSON string, which Lua reads alike.
    """
    file.write_text(RANDOM_OFFSET_SCRIPT % {"path": json.dumps(path), "max_offset": max_offset})
    return str(file)

"""gunicorn settings for a production-like run (`make serve`, `benchmark --http`).

Environment: HOST (127.0.0.1), PORT (8000), WEB_CONCURRENCY (worker processes,
2), GUNICORN_THREADS (threads per worker, 2), GUNICORN_ACCESSLOG ("-" for stdout;
off by default). Django itself is configured by its own variables (settings.py).
"""

import os

wsgi_app = "diplomacy.wsgi:application"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"

# Threads let a worker keep connections alive and wait on the database for one
# request while serving another; the GIL keeps CPU work to one core per worker,
# and more threads only lengthened the tail (p99 at 8 connections: 4 threads
# 520-580 ms, 2 threads 320-470 ms, sync 340-370 ms on a loaded 2-core box).
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
keepalive = 5
timeout = 30
graceful_timeout = 30
# Recycle workers now and then, so that a slow leak cannot grow without bound.
max_requests = 20_000
max_requests_jitter = 2_000
# Load Django once, before forking: workers start faster and share memory.
preload_app = True

accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")

"""gunicorn's settings for the served app: one place for `giaoban serve` and benchmarks/load.py.

One worker process per core, two threads each. The app's work is CPU-bound Python, and the GIL lets
one thread of a process run at a time: more threads per worker share the same core among more
requests at once, so every request waits longer and a slow page much longer (32 users on 2 cores,
SQLite, benchmarks/load.py on 2026-12-06: p99 613 ms with 8 threads a worker, 364 ms with 2, 316 ms
with 1, for the same 135–140 requests a second). The second thread keeps a worker answering while
the first builds a Word file (about a second) or waits for PostgreSQL.

The worker serves an autosave before the pages waiting (giaoban/web/server.py), and keeps a
browser's connection open a minute between requests, so that the autosave of a figure typed after a
pause arrives on a connection already open, where it can be seen waiting.

Each worker listens on a socket of its own (reuse_port: SO_REUSEPORT), so the kernel deals the
connections out among the workers; with one socket shared, whichever worker was first to it took
the connection, and benchmarks/load.py's 32 kept-alive connections split 3 / 29 in most runs (one
core queueing for 29 people while the other served 3). A connection open for
`connection_seconds` is closed after its next answer (the response says `Connection: close`, the
browser opens another, dealt again), so an uneven deal lasts seconds, not the whole day. By age, not
by a count of requests: people on the busier worker make fewer requests, so a count would keep them
there longer, and nothing would pull the deal back to even (docs/scaling.md, the served process).

GIAOBAN_WORKERS, GIAOBAN_THREADS and GIAOBAN_CONNECTION_SECONDS override the numbers.
"""

import os

wsgi_app = "giaoban.wsgi:application"
worker_class = "giaoban.web.server.AutosaveFirstWorker"
workers = int(os.environ.get("GIAOBAN_WORKERS") or max(2, os.cpu_count() or 2))
threads = int(os.environ.get("GIAOBAN_THREADS") or 2)
timeout = 120
keepalive = 60
reuse_port = True
# read by the worker class (giaoban/web/server.py): gunicorn has no such setting
connection_seconds = float(os.environ.get("GIAOBAN_CONNECTION_SECONDS") or 5)

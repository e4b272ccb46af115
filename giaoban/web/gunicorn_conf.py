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

The workers share one listening socket, and only the worker holding the fewest open connections
takes the next one (giaoban/web/server.py): each person's requests queue at the worker holding
their connection, so the workers hold as many people each. Dealt by the kernel instead (a socket
a worker, SO_REUSEPORT) the split of 32 people wandered as coin tosses do (one second in ten 6 to
13 apart, up to 16); with one socket and no count, whichever worker was first to it took the
connection (3 / 29 in half the runs). A connection open for `connection_seconds` is closed after
its next answer (the response says `Connection: close`, the browser opens another, dealt again),
so that the people of a worker that was slow for a while, or who stayed when others left, are
dealt again within seconds. By age, not by a count of requests: people on the busier worker make
fewer requests, so a count would keep them there longer (docs/scaling.md, the served process).

GIAOBAN_WORKERS, GIAOBAN_THREADS and GIAOBAN_CONNECTION_SECONDS override the numbers.
"""

import os

wsgi_app = "giaoban.wsgi:application"
# The app is loaded once by the master, then the workers are forked: the views imported and the heap
# frozen by giaoban/wsgi.py are shared, not built again by each worker (nor by a worker replacing one
# that died). The master opens no database connection and starts no thread while loading (checked
# by tests/web/test_wsgi.py), so the workers share neither. New code needs a restart
# of the server (a HUP forks new workers from the code already loaded).
preload_app = True
worker_class = "giaoban.web.server.AutosaveFirstWorker"
workers = int(os.environ.get("GIAOBAN_WORKERS") or max(2, os.cpu_count() or 2))
threads = int(os.environ.get("GIAOBAN_THREADS") or 2)
timeout = 120
keepalive = 60
reuse_port = False  # one socket for all the workers: giaoban/web/server.py deals its connections
# read by the worker class (giaoban/web/server.py): gunicorn has no such setting
connection_seconds = float(os.environ.get("GIAOBAN_CONNECTION_SECONDS") or 5)

"""Server-Timing header: what one request cost inside the server, for benchmarks/load.py and for
a browser's network panel.

    Server-Timing: app;dur=12.3, cpu;dur=9.8, db;dur=2.1;desc="7 queries", worker;desc="4711"

app: wall time in Django (without the time the request waited for a worker); cpu: this thread's
CPU time (time.thread_time, so other threads of the worker do not count; SQLite's work is in
it, PostgreSQL's is in the database server's processes); db: wall time in the database calls and
their number; worker: the serving process's id (which gunicorn worker held the connection).
Wall time moves with the load on the machine, CPU time and the query count much less.
On only when GIAOBAN_SERVER_TIMING is set: the figures tell a little about the data behind a page.
"""

from __future__ import annotations

import os
import time

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import connections


class _QueryMeter:
    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            self.count += 1


class ServerTimingMiddleware:
    def __init__(self, get_response):
        if not getattr(settings, "GIAOBAN_SERVER_TIMING", False):
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        meter = _QueryMeter()
        wall, cpu = time.perf_counter(), time.thread_time()
        with connections["default"].execute_wrapper(meter):
            response = self.get_response(request)
        cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
        response["Server-Timing"] = (f"app;dur={wall * 1000:.2f}, cpu;dur={cpu * 1000:.2f}, "
                                     f'db;dur={meter.seconds * 1000:.2f};desc="{meter.count} queries", worker;desc="{os.getpid()}"')
        return response

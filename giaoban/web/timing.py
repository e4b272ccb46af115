"""Server-Timing header: what one request cost inside the server, for benchmarks/load.py and for
a browser's network panel.

    Server-Timing: app;dur=12.3, cpu;dur=9.8, db;dur=2.1;desc="7 queries", worker;desc="4711",
                   gc;dur=0.0;desc="0 full", queue;dur=40.1;desc="5 in"

app: wall time in Django (without the time the request waited for a worker); cpu: this thread's
CPU time (time.thread_time, so other threads of the worker do not count; SQLite's work is in
it, PostgreSQL's is in the database server's processes); db: wall time in the database calls and
their number; worker: the serving process's id (which gunicorn worker held the connection);
queue (under giaoban/web/server.py's worker): how long the request waited for a thread of the
worker, and how many requests were in that worker when it came, itself included; gc: the garbage collector's time in this process while the request was served
(any thread's collection stops every thread) and how many of its collections were full ones
(generation 2). Wall time moves with the load on the machine, CPU time and the query count much less.
On only when GIAOBAN_SERVER_TIMING is set: the figures tell a little about the data behind a page.
"""

from __future__ import annotations

import gc
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


class _CollectorMeter:
    """The garbage collector's time so far in this process, and its full collections."""

    def __init__(self):
        self.seconds = 0.0
        self.full = 0
        self._started = 0.0

    def __call__(self, phase, info):
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._started
            self.full += info["generation"] == 2


class ServerTimingMiddleware:
    def __init__(self, get_response):
        if not getattr(settings, "GIAOBAN_SERVER_TIMING", False):
            raise MiddlewareNotUsed
        self.get_response = get_response
        self.collector = _CollectorMeter()
        gc.callbacks.append(self.collector)

    def __call__(self, request):
        meter = _QueryMeter()
        gc_seconds, gc_full = self.collector.seconds, self.collector.full
        wall, cpu = time.perf_counter(), time.thread_time()
        with connections["default"].execute_wrapper(meter):
            response = self.get_response(request)
        cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
        timing = (f"app;dur={wall * 1000:.2f}, cpu;dur={cpu * 1000:.2f}, "
                  f'db;dur={meter.seconds * 1000:.2f};desc="{meter.count} queries", worker;desc="{os.getpid()}", '
                  f"gc;dur={(self.collector.seconds - gc_seconds) * 1000:.2f};"
                  f'desc="{self.collector.full - gc_full} full"')
        if "giaoban.queue" in request.META:
            waited, requests_in = request.META["giaoban.queue"]
            timing += f', queue;dur={waited * 1000:.2f};desc="{requests_in} in"'
        response["Server-Timing"] = timing
        return response

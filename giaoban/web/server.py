"""gunicorn's threaded worker, serving a figure being saved before the pages waiting to be read.

When more requests arrive than the cores can serve, each waits its turn behind the others: on the
deadline day 128 people on two cores wait over a second for anything. A page can wait; the autosave
of a figure someone just typed should not (its answer is what tells them the figure is kept). The
worker looks at the first bytes of a request that is already in the socket (without taking them)
and puts an autosave ahead of the requests still waiting; it never interrupts one that has begun.
Used through giaoban/web/gunicorn_conf.py.

The workers share one listening socket; a worker listens only while it holds no more open
connections than any other (ConnectionCounts), so each holds as many people. It also closes a
connection open for `connection_seconds` (gunicorn_conf.py), so that a browser's next connection
is dealt again: a kept-alive connection stays with the worker that accepted it. A new connection
waits for its first bytes on the worker's poller, not in the queue, so that an autosave arriving
on it is seen too.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import re
import selectors
import socket
import threading
import time
from collections import deque
from concurrent import futures
from functools import partial

from gunicorn.workers.gthread import TConn, ThreadWorker

from giaoban.web import gunicorn_conf

# The report entry form's autosave (giaoban/collection/urls.py: <unit>/<period>/tu-dong-luu/).
FIRST = re.compile(rb"POST /bao-cao/\d+/[^/ ]+/tu-dong-luu/[ ?]")
PEEK_BYTES = 96


class FirstInLinePool(futures.Executor):
    """A fixed set of threads taking work from two queues, the first one emptied first.

    `first_next` set (by the one thread that submits) makes the next submission go first."""

    def __init__(self, threads: int):
        self.first_next = False
        self._first: deque = deque()
        self._rest: deque = deque()
        self._ready = threading.Condition()
        self._stopping = False
        self._threads = [threading.Thread(target=self._work, name=f"giaoban-request-{i}", daemon=True)
                         for i in range(threads)]
        for thread in self._threads:
            thread.start()

    def submit(self, fn, /, *args, **kwargs):
        future: futures.Future = futures.Future()
        first, self.first_next = self.first_next, False
        with self._ready:
            if self._stopping:
                raise RuntimeError("cannot schedule new futures after shutdown")
            (self._first if first else self._rest).append((future, fn, args, kwargs))
            self._ready.notify()
        return future

    def _work(self) -> None:
        while True:
            with self._ready:
                while not (self._first or self._rest or self._stopping):
                    self._ready.wait()
                if not (self._first or self._rest):
                    return  # stopping and nothing left
                future, fn, args, kwargs = (self._first or self._rest).popleft()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = fn(*args, **kwargs)
            except BaseException as exc:  # handed to whoever waits on the future, as ThreadPoolExecutor does
                future.set_exception(exc)
            else:
                future.set_result(result)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._ready:
            self._stopping = True
            if cancel_futures:
                for future, *_ in (*self._first, *self._rest):
                    future.cancel()
                self._first.clear()
                self._rest.clear()
            self._ready.notify_all()
        if wait:
            for thread in self._threads:
                thread.join()


class ConnectionCounts:
    """Each worker's open connections, in memory the workers share (made by the master, before it
    forks them), so that the one holding the fewest takes the next connection."""

    # a worker not heard from for this long is gone (its event loop reports at least every second)
    STALE_SECONDS = 3.0

    def __init__(self, slots: int):
        self.slots = slots
        self._cells = multiprocessing.RawArray("d", 3 * slots)  # per slot: pid, connections, reported at
        self._claiming = multiprocessing.Lock()
        self.slot: int | None = None

    def join(self, connections: int) -> None:
        """Take a free slot; with none left (more live workers than slots) this worker stays out of
        the count and listens as gunicorn's own worker does."""
        with self._claiming:
            now = time.monotonic()
            self.slot = next((i for i in range(self.slots) if now - self._cells[3 * i + 2] > self.STALE_SECONDS), None)
            self.report(connections)

    def leave(self) -> None:
        if self.slot is not None:
            self._cells[3 * self.slot: 3 * self.slot + 3] = [0.0, 0.0, 0.0]
            self.slot = None

    def report(self, connections: int) -> None:
        if self.slot is None:
            return
        i = 3 * self.slot
        self._cells[i: i + 3] = [os.getpid(), connections, time.monotonic()]

    def fewest(self, connections: int) -> bool:
        """Whether no other live worker holds fewer connections than `connections`."""
        if self.slot is None:
            return True
        now = time.monotonic()
        return all(connections <= self._cells[3 * i + 1] for i in range(self.slots)
                   if i != self.slot and now - self._cells[3 * i + 2] <= self.STALE_SECONDS)


def goes_first(sock) -> bool:
    """Whether the request waiting in `sock` is an autosave (False when nothing has arrived yet)."""
    try:
        head = sock.recv(PEEK_BYTES, socket.MSG_PEEK | socket.MSG_DONTWAIT)
    except (OSError, ValueError):  # nothing yet, closed, or a TLS socket (no peeking)
        return False
    return bool(FIRST.match(head))


class AutosaveFirstWorker(ThreadWorker):
    connection_seconds = gunicorn_conf.connection_seconds
    LOOK_AGAIN_SECONDS = 0.005

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.requests_in = 0  # handed to the threads and not finished: queued or being served
        self._serving = threading.local()
        self.fewest = True  # holds no more connections than any other worker (at its last look)

    @classmethod
    def check_config(cls, cfg, log):
        super().check_config(cfg, log)
        # in the master, before the workers are forked; room for the workers of a restart beside
        # those finishing their requests
        cls.counts = ConnectionCounts(max(8, 4 * cfg.workers))

    def run(self):
        self.counts.join(self.nr_conns)
        try:
            super().run()
        finally:
            self.counts.leave()

    def wait_for_and_dispatch_events(self, timeout):
        # Before each wait of the event loop (so after every connection this worker opened or
        # closed), tell the others how many it holds, and listen only while it holds the fewest:
        # with one socket shared, whichever worker's loop was first took the connection. A worker
        # not listening looks again soon: it may hold the fewest because the others took more,
        # and they have stopped listening then.
        if self.alive:
            self.counts.report(self.nr_conns)
            self.fewest = self.counts.fewest(self.nr_conns)
            self.set_accept_enabled(self.nr_conns < self.worker_connections)
            if not self.fewest:
                timeout = min(timeout, self.LOOK_AGAIN_SECONDS)
        super().wait_for_and_dispatch_events(timeout)

    def set_accept_enabled(self, enabled):
        super().set_accept_enabled(enabled and self.fewest)

    def load_wsgi(self):
        super().load_wsgi()
        app = self.wsgi

        def with_queue(environ, start_response):
            # how long this request waited for a thread, and how many were in the worker when it
            # came (itself included): giaoban/web/timing.py shows them in Server-Timing
            environ["giaoban.queue"] = self._serving.queue
            return app(environ, start_response)

        self.wsgi = with_queue

    def handle_request(self, req, conn):
        self._serving.queue = (time.perf_counter() - conn.queued_at, conn.requests_in)
        if time.monotonic() - getattr(conn, "opened", 0.0) >= self.connection_seconds:
            req.must_close = True  # answered with "Connection: close", then closed
        return super().handle_request(req, conn)

    def accept(self, listener):
        # gunicorn queues a new connection at once, before its request has arrived, so the peek of
        # enqueue_req would see nothing and an autosave on it would wait behind every page queued
        # (a browser's connection is new every connection_seconds). It waits on the poller instead,
        # as a kept-alive one does.
        try:
            client, address = listener.accept()
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        conn = TConn(self.cfg, client, address, listener.getsockname())  # non-blocking
        conn.opened = time.monotonic()
        conn.timeout = conn.opened + self.cfg.keepalive
        self.pending_conns.append(conn)
        self.poller.register(client, selectors.EVENT_READ, partial(self.on_pending_socket_readable, conn))

    def get_thread_pool(self):
        return FirstInLinePool(self.cfg.threads)

    def enqueue_req(self, conn):
        # called by the worker's one event-loop thread only (as is finish_request), so neither the
        # flag nor the count can be raced
        self.tpool.first_next = goes_first(conn.sock)
        self.requests_in += 1
        conn.queued_at, conn.requests_in = time.perf_counter(), self.requests_in
        super().enqueue_req(conn)

    def finish_request(self, conn, fs):
        self.requests_in -= 1
        super().finish_request(conn, fs)

"""The served app's worker (giaoban/web/server.py) serves a waiting autosave before the pages
waiting ahead of it, never interrupting one that has begun; everything else keeps its order."""

import contextlib
import http.client
import socket
import subprocess
import sys
import threading
import time

import pytest

from giaoban.web.server import FirstInLinePool, goes_first

from tests.conftest import PROJECT_ROOT as ROOT, free_port
AUTOSAVE = "/bao-cao/12/2026-Q3/tu-dong-luu/"


def test_the_pool_takes_work_marked_first_before_the_work_waiting():
    pool = FirstInLinePool(1)
    started, release, done = threading.Event(), threading.Event(), []
    pool.submit(lambda: (started.set(), release.wait(5)))
    started.wait(5)
    pending = [pool.submit(done.append, name) for name in ("trang 1", "trang 2")]
    pool.first_next = True
    pending.append(pool.submit(done.append, "tự động lưu"))
    pending.append(pool.submit(done.append, "trang 3"))  # the mark is for one submission only
    release.set()
    for future in pending:
        future.result(timeout=5)
    pool.shutdown()
    assert done == ["tự động lưu", "trang 1", "trang 2", "trang 3"]


def test_an_error_in_the_work_reaches_its_future_and_the_pool_goes_on():
    pool = FirstInLinePool(1)
    failed = pool.submit(lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        failed.result(timeout=5)
    assert pool.submit(lambda: "tiếp").result(timeout=5) == "tiếp"
    pool.shutdown()
    with pytest.raises(RuntimeError):
        pool.submit(lambda: None)


@pytest.mark.parametrize("head, first", [
    (f"POST {AUTOSAVE} HTTP/1.1\r\n", True),
    (f"POST {AUTOSAVE}?v=2 HTTP/1.1\r\n", True),
    (f"GET {AUTOSAVE} HTTP/1.1\r\n", False),  # only a save goes first
    ("POST /bao-cao/12/2026-Q3/duyet/ HTTP/1.1\r\n", False),
    ("POST /dang-nhap/ HTTP/1.1\r\n", False),  # a login's password hashing is long: not first
    ("GET / HTTP/1.1\r\n", False),
    ("", False),  # nothing arrived yet
])
def test_what_goes_first_is_read_from_the_socket_without_taking_it(head, first):
    a, b = socket.socketpair()
    with a, b:
        if head:
            a.sendall(head.encode())
        assert goes_first(b) is first
        if head:
            assert b.recv(len(head)) == head.encode()  # still there for the server to read



@contextlib.contextmanager
def _one_thread_gunicorn():
    """The worker class under a real gunicorn with one worker and one thread; yields its port."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--worker-class", "giaoban.web.server.AutosaveFirstWorker",
         "--workers", "1", "--threads", "1", "--keep-alive", "30", "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning", "tests.web.autosave_first_app:app"], cwd=ROOT)
    try:
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def _kept_alive(port: int, n: int) -> list[http.client.HTTPConnection]:
    """n connections that have each had one answer, kept alive as a browser's are (the first one
    waits for gunicorn to start)."""
    connections = [http.client.HTTPConnection("127.0.0.1", port, timeout=10) for _ in range(n)]
    deadline = time.monotonic() + 30
    while True:
        try:
            connections[0].request("GET", "/nhanh/")
            break
        except OSError:
            if time.monotonic() > deadline:
                pytest.fail("gunicorn did not start")
            connections[0] = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            time.sleep(0.2)
    connections[0].getresponse().read()
    for c in connections[1:]:
        c.request("GET", "/nhanh/")
        c.getresponse().read()
    return connections


def _two_pages_wait_behind_a_running_one(connections: list[http.client.HTTPConnection]) -> None:
    connections[0].request("GET", "/trang-dang-chay/")  # holds the one thread
    time.sleep(0.05)
    connections[1].request("GET", "/trang-cho-1/")
    connections[2].request("GET", "/trang-cho-2/")


def _autosave(connection: http.client.HTTPConnection) -> None:
    connection.request("POST", AUTOSAVE, body=b"v-a=1", headers={"Content-Type": "application/x-www-form-urlencoded"})


def _finished(connections: list[http.client.HTTPConnection]) -> dict[str, int]:
    """When each request was finished (the test app answers with its order number)."""
    return {name: int(c.getresponse().read()) for name, c in zip(["running", "page 1", "page 2", "autosave"], connections)}


def test_gunicorn_serves_a_waiting_autosave_before_the_pages_waiting_ahead_of_it():
    with _one_thread_gunicorn() as port:
        connections = _kept_alive(port, 4)
        _two_pages_wait_behind_a_running_one(connections)
        time.sleep(0.05)
        _autosave(connections[3])
        finished = _finished(connections)
    assert sorted(finished, key=finished.get) == ["running", "autosave", "page 1", "page 2"]


def test_an_autosave_on_a_new_connection_goes_first_too():
    """A connection is closed after connection_seconds (giaoban/web/gunicorn_conf.py), so a
    browser's autosave may come on a connection just opened: it is seen and goes first too."""
    with _one_thread_gunicorn() as port:
        connections = _kept_alive(port, 3)
        _two_pages_wait_behind_a_running_one(connections)
        new = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        new.connect()
        time.sleep(0.1)  # accepted before its request arrives, as a browser's new connection may be
        _autosave(new)
        finished = _finished([*connections, new])
    assert sorted(finished, key=finished.get) == ["running", "autosave", "page 1", "page 2"]


def test_the_worker_tells_the_app_how_long_a_request_waited_and_behind_how_many():
    """giaoban/web/timing.py puts it in Server-Timing, for benchmarks/load.py's tail figures."""
    with _one_thread_gunicorn() as port:
        connections = _kept_alive(port, 2)
        connections[0].request("GET", "/trang-dang-chay/")  # holds the one thread for 0.2 s
        time.sleep(0.05)
        connections[1].request("GET", "/hang-doi/")
        waited, requests_in = connections[1].getresponse().read().split()
        connections[0].getresponse().read()
    assert 0.1 < float(waited) < 1 and int(requests_in) == 2

"""The served process as shipped (giaoban/web/gunicorn_conf.py): the workers share one listening
socket and the one holding the fewest connections takes the next, and a connection open for
`connection_seconds` is closed after its next answer, so one browser's requests do not stay with
one worker all day."""

import copy
import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from giaoban.web import server as served
from tests.conftest import PROJECT_ROOT as ROOT, free_port



@pytest.fixture
def shipped_server():
    """gunicorn with the shipped settings, 2 workers, a connection closed once it is 0.3 s old."""
    port = free_port()
    env = {**os.environ, "GIAOBAN_WORKERS": "2", "GIAOBAN_CONNECTION_SECONDS": "0.3"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "python:giaoban.web.gunicorn_conf", "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning", "tests.web.autosave_first_app:app"], cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 30
        while len(_workers(server.pid)) < 2 or _answers(port) is None:
            if time.monotonic() > deadline or server.poll() is not None:
                pytest.fail("gunicorn did not start")
            time.sleep(0.2)
        time.sleep(1)  # the second worker's start-up (a few milliseconds for this app)
        yield server, port
    finally:
        server.terminate()
        server.wait(timeout=30)


def _answers(port):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        c.request("GET", "/tien-trinh/")
        return c.getresponse().read()
    except OSError:
        return None


def _workers(master: int) -> list[int]:
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1]) == master:
                found.append(int(pid))
        except OSError:
            continue
    return found


def _listening_sockets(port: int) -> set[str]:
    """Inodes of the sockets listening on 127.0.0.1:port (Linux /proc/net/tcp, state 0A)."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].split(":")[1], 16) == port and fields[3] == "0A":
            inodes.add(fields[9])
    return inodes


def _sockets_of(pid: int) -> set[str]:
    held = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            held.add(target[8:-1])
    return held


def test_the_workers_listen_on_one_socket(shipped_server):
    server, port = shipped_server
    listening = _listening_sockets(port)
    held = [_sockets_of(pid) & listening for pid in _workers(server.pid)]
    assert len(listening) == 1 and held == [listening, listening]  # no worker has a backlog of its own


def test_the_app_is_loaded_once_before_the_workers_are_forked(shipped_server):
    """`giaoban serve` and benchmarks/load.py run the same settings: the app loaded by the master
    (what start-up builds and gc.freeze() keeps is shared by the workers, and no worker's first
    requests import the views)."""
    server, port = shipped_server
    loaded_by, parent = map(int, _get(port, "/nap/").split())
    assert loaded_by == parent == server.pid


def _get(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.request("GET", path)
    return c.getresponse().read().decode()


def test_a_new_connection_goes_to_the_worker_holding_fewest(shipped_server):
    """Forty connections opened one after another and kept: after each, the two workers hold as
    many or one apart. Dealt at random (each worker a socket of its own, SO_REUSEPORT), the count
    wanders off as a coin's tosses do; with one socket shared, to whichever worker was first."""
    server, port = shipped_server
    held, gaps = {pid.encode(): 0 for pid in map(str, _workers(server.pid))}, []
    connections = []
    for _ in range(40):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        c.request("GET", "/tien-trinh/")
        held[c.getresponse().read()] += 1
        connections.append(c)  # kept open
        gaps.append(max(held.values()) - min(held.values()))
    for c in connections:
        c.close()
    assert max(gaps) <= 1, gaps


def test_a_connection_is_closed_once_it_has_been_open_long_enough(shipped_server):
    _, port = shipped_server
    said = []
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        for wait in (0, 0, 0.4):
            time.sleep(wait)
            sock.sendall(b"GET /tien-trinh/ HTTP/1.1\r\nHost: giaoban\r\n\r\n")
            r = http.client.HTTPResponse(sock)
            r.begin()
            r.read()
            said.append(r.getheader("Connection", "").lower())
        assert sock.recv(1) == b""  # and the server closed it
    assert said == ["keep-alive", "keep-alive", "close"]


def test_one_browsers_requests_reach_every_worker_over_time(shipped_server):
    """A browser's connection is closed after `connection_seconds` (above); its next one goes to
    the worker holding the fewest connections, not back to the worker that served it. With the
    browser alone the two workers tie and either may take it (whichever loop is first: not a coin's
    toss, so a count of workers over many reopenings proves nothing); a colleague's connection
    held open decides each time."""
    server, port = shipped_server

    def opened():
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        c.request("GET", "/tien-trinh/")
        return c, int(c.getresponse().read())

    def closed(c):
        c.close()
        time.sleep(1.2)  # the worker sees the end of the connection and reports its count (at least every second)

    colleague, x = opened()  # held open
    browser, first = opened()
    assert first != x  # x holds one, the other none
    closed(browser)
    second_colleague, y = opened()
    assert y == first  # the fewest again: the one the browser left
    closed(colleague)
    browser, second = opened()
    assert second == x  # now x holds none: the browser's new connection goes there
    browser.close()
    second_colleague.close()
    assert {first, second} == set(_workers(server.pid))


def test_a_worker_gone_silent_does_not_hold_the_others_back(monkeypatch):
    """Each worker reports its connections at least every second; one that has stopped reporting
    (killed, or hung) is left out of the count, else the others would stop taking connections."""
    now = [1000.0]
    monkeypatch.setattr(served.time, "monotonic", lambda: now[0])
    mine = served.ConnectionCounts(8)
    other = copy.copy(mine)  # another worker's view of the same shared memory
    mine.join(5)
    other.join(2)
    assert mine.slot != other.slot
    assert not mine.fewest(5) and other.fewest(2)
    now[0] += served.ConnectionCounts.STALE_SECONDS + 0.1
    mine.report(5)
    assert mine.fewest(5)  # the other has not reported since
    other.leave()
    assert mine.fewest(5)


def test_a_worker_finding_every_slot_taken_still_serves(monkeypatch):
    """More live workers than slots (gunicorn's TTIN adds workers past the count the slots were made
    for): the worker without a slot serves and takes connections as gunicorn's own worker would,
    leaving out of the count the workers that have slots."""
    now = [1000.0]
    monkeypatch.setattr(served.time, "monotonic", lambda: now[0])
    first = served.ConnectionCounts(2)
    second, third = copy.copy(first), copy.copy(first)
    first.join(1)
    second.join(4)
    third.join(9)  # no slot left
    assert third.slot is None
    third.report(9)
    assert third.fewest(9)  # listens whatever the others hold
    assert first.fewest(1) and not second.fewest(4)  # the others' count is untouched
    third.leave()
    assert first.fewest(1) and not second.fewest(4)

"""The served process as shipped (giaoban/web/gunicorn_conf.py): each worker listens on a socket of
its own, so the kernel deals connections among the workers, and a connection open for
`connection_seconds` is closed after its next answer, so one browser's requests do not stay with
one worker all day."""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


def test_each_worker_listens_on_a_socket_of_its_own(shipped_server):
    server, port = shipped_server
    listening = _listening_sockets(port)
    held = [_sockets_of(pid) & listening for pid in _workers(server.pid)]
    assert len(held) == 2
    assert all(len(h) == 1 for h in held) and held[0] != held[1]  # not one socket inherited by both


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
    """A browser keeps its connection; with it closed every 0.3 s and each new one dealt by the
    kernel, 60 requests 0.1 s apart (15 connections or more) all landing on one of two workers has
    odds of 2 in 2^15."""
    server, port = shipped_server
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)  # reopens itself after a "close"
    served_by = set()
    for _ in range(60):
        time.sleep(0.1)
        c.request("GET", "/tien-trinh/")
        served_by.add(int(c.getresponse().read()))
    assert served_by == set(_workers(server.pid))

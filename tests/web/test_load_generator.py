"""benchmarks/load.py's simulated browser (a Session on http.client) behaves as a browser does for the
server: cookies set are sent back and a deleted one is forgotten, one connection is kept between
requests, and a new one is opened after an answer with `Connection: close` or when the server
closed the kept one meanwhile."""

import http.server
import os
import select
import sys
import threading
import time

import pytest

from tests.conftest import PROJECT_ROOT, missing

sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
from load import Session, create_database  # noqa: E402


class _Recorder(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # kept-alive connections, as gunicorn's
    seen: list = []  # (path, Cookie header, client port, body)

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        _Recorder.seen.append((self.path, self.headers.get("Cookie"), self.client_address[1], body))
        self.send_response(200)
        if self.path == "/set":
            self.send_header("Set-Cookie", "csrftoken=abc; Path=/; SameSite=Lax")
            self.send_header("Set-Cookie", 'messages="x"; Path=/')
        if self.path == "/delete":
            self.send_header("Set-Cookie", 'messages=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/')
        if self.path == "/close":
            self.send_header("Connection", "close")
        if self.path in ("/close", "/drop"):  # /drop: closed without saying so (a keep-alive timeout)
            self.close_connection = True
        text = "xin chào".encode()
        self.send_header("Content-Length", str(len(text)))
        self.end_headers()
        self.wfile.write(text)

    do_GET = do_POST = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    _Recorder.seen = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_cookies_kept_sent_and_forgotten(server):
    _, base = server
    s = Session()
    r = s.get(base + "/set", timeout=5)
    assert (r.status_code, r.text) == (200, "xin chào")
    s.post(base + "/form", timeout=5, data={"a": "1 2", "csrfmiddlewaretoken": s.cookies["csrftoken"]})
    s.get(base + "/delete", timeout=5)
    s.get(base + "/after", timeout=5)
    cookies = [c for _, c, _, _ in _Recorder.seen]
    assert cookies == [None, 'csrftoken=abc; messages="x"', 'csrftoken=abc; messages="x"', "csrftoken=abc"]
    assert _Recorder.seen[1][3] == "a=1+2&csrfmiddlewaretoken=abc"


def test_connection_kept_and_renewed_on_close(server):
    httpd, base = server
    s = Session()
    ports = [s.get(base + path, timeout=5).local_port for path in ("/a", "/b", "/close", "/c", "/d")]
    assert ports[0] == ports[1] == ports[2]  # kept alive
    assert ports[3] != ports[2] and ports[3] == ports[4]  # a new one after `Connection: close`, then kept
    assert [p for _, _, p, _ in _Recorder.seen] == ports  # the port the server saw is the one reported


def test_a_connection_the_server_closed_meanwhile_is_opened_again(server):
    _, base = server
    s = Session()
    first = s.get(base + "/drop", timeout=5).local_port
    deadline = time.monotonic() + 5
    while not select.select([s.connection.sock], [], [], 0.05)[0] and time.monotonic() < deadline:
        pass  # until the server's close has arrived
    second = s.get(base + "/b", timeout=5)
    assert second.status_code == 200 and second.local_port != first


def test_the_database_named_is_created_when_missing():
    """`--database-url` naming a PostgreSQL database that does not exist: made (its docstring
    promises the demo loaded into it), and left as it is when it exists."""
    import psycopg

    url = os.environ.get("DATABASE_URL", "")
    server = url.rpartition("/")[0] if url.startswith("postgres") else "postgres://postgres@127.0.0.1:5432"
    name = (url.rpartition("/")[2].split("?")[0] if url.startswith("postgres") else "giaoban") + "_load_made"
    try:
        admin = psycopg.connect(f"{server}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError:
        missing("PostgreSQL is not reachable")
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        try:
            assert create_database(f"{server}/{name}") is True
            assert admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            assert create_database(f"{server}/{name}") is False
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')

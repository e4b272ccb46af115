"""Bounded load test: the app under gunicorn on a free 127.0.0.1 port, 32 simulated users.

    .venv/bin/python benchmarks/load.py [--seconds 60] [--users 32] [--database-url URL] [--rate R]

Loopback only, and it stops by itself after --seconds. Without --database-url it uses
var/bench/load.sqlite3, created with `migrate` + `demo` on first use (about two minutes; later runs reuse it).
Each simulated user logs in with a demo account (password 'giaoban-demo'), then loops:
the home page, the dashboards that exist (found by URL name; missing ones are skipped), its
report entry page, and an autosave of one figure (the form's own JSON endpoint). A 409 (two
users on the same report: the optimistic lock at work) is counted as a conflict, not an error.

Closed loop by default (each user sends the next request when the last one answered, without
pause); --rate R is the open loop: steps (one page, or opening the form and saving) arrive R times a
second whatever the server does, each on a free logged-in session, and latency counts from the
moment the step was due, so waiting for the server is not hidden. The server sends its own time per
request (Server-Timing, giaoban/web/timing.py): the summary gives the server's mean time, CPU time
(the worker thread's) and queries per request, which move much less with the machine's load than
latencies. A PostgreSQL run: --database-url postgres://postgres@127.0.0.1:5432/giaoban_load (the
database is created when it does not exist, and the demo loaded into it when it is empty).
Where the two cores went, per request: gunicorn's processes, this generator, and (PostgreSQL on this
machine) the database's backends for the run's database. by_worker: each gunicorn worker's
connections and its requests' latencies (a kept-alive connection stays with the worker that
accepted it: an uneven split queues the people on one worker while the other has little to do);
the worker is the process id the server names in its Server-Timing header, and a connection is
known by its local port.

The last line of output is one JSON object: p50/p95/p99 latency in ms, requests, errors.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import resource
import signal
import socket
import statistics
import subprocess
import sys
import queue
import select
import threading
import time
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from giaoban.web import gunicorn_conf as shipped  # noqa: E402  (plain settings, no Django)
PASSWORD = "giaoban-demo"
# Demo accounts that can enter data (several users share one, as colleagues of one office do).
ENTRY_ACCOUNTS = ["mttq.doanket", "phunu.doanket", "doan.doanket", "mttq.tinh", "phunu.tinh", "doan.tinh",
                  "congdoan.tinh", "nongdan.tinh", "ccb.tinh"]
VIEW_ACCOUNTS = ["bandanvan", "phunu.bumnua.xem", "admin"]
PAGE_NAMES = ["home", "collection:my_reports", "collection:approvals", "collection:completeness",
              "analytics:dashboard", "analytics:index", "meetings:list", "documents:index"]
RAMP_UP_SECONDS = 5
GRACE_SECONDS = 5
ENTRY_LINK = re.compile(r'href="(/bao-cao/(\d+)/(\d{4}-(?:Q\d|\d\d))/)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd, env):
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)


def create_database(url: str) -> bool:
    """Create the PostgreSQL database `url` names when it does not exist (the demo is then loaded
    into it); whether it was created."""
    import psycopg
    from psycopg import errors, sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        try:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        except errors.DuplicateDatabase:  # made meanwhile by another run
            return False
    return True


def prepare_database(env: dict, url: str | None) -> dict:
    if url:
        if url.startswith("postgres"):
            create_database(url)
        env["DATABASE_URL"] = url
        run([sys.executable, "-m", "giaoban", "migrate", "-v0"], env)
        run([sys.executable, "-m", "giaoban", "demo", "--if-empty"], env)
        return env
    path = ROOT / "var" / "bench" / "load.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    env["DATABASE_URL"] = f"sqlite:///{path}"
    run([sys.executable, "-m", "giaoban", "migrate", "-v0"], env)
    run([sys.executable, "-m", "giaoban", "demo", "--if-empty"], {**env, "PYTHONUNBUFFERED": "1"})
    return env


def discover_pages(env: dict) -> list[str]:
    code = (
        "import django, json; django.setup()\n"
        "from django.urls import reverse, NoReverseMatch\n"
        f"names = {PAGE_NAMES!r}\n"
        "out = []\n"
        "for n in names:\n"
        "    try: out.append(reverse(n))\n"
        "    except NoReverseMatch: pass\n"
        "print(json.dumps(out))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": "giaoban.settings"},
                       capture_output=True, text=True, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def start_server(env: dict, port: int, workers: int, threads: int) -> subprocess.Popen:
    env = {**env, "GIAOBAN_SERVER_TIMING": "1"}
    # the served app's own settings (giaoban/web/gunicorn_conf.py, what `giaoban serve` runs)
    cmd = [sys.executable, "-m", "gunicorn", "--config", "python:giaoban.web.gunicorn_conf", "--bind", f"127.0.0.1:{port}",
           "--workers", str(workers), "--threads", str(threads), "--log-level", "warning"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                pass
            for _ in range(2 * workers):  # warm templates and connections in every worker
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/dang-nhap/", timeout=60):
                    pass
            return proc
        except OSError:
            time.sleep(0.3)
    stop_server(proc)
    raise SystemExit("gunicorn did not answer /healthz within 60 s")


def process_group_cpu(pgid: int) -> float:
    """CPU seconds (user + system) used so far by the live processes of a process group (Linux /proc)."""
    total = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue  # ended meanwhile
        fields = stat.rsplit(")", 1)[1].split()  # after the command name, which may hold spaces
        if int(fields[2]) == pgid:  # field 5 of stat: the process group
            total += int(fields[11]) + int(fields[12])  # fields 14, 15: utime, stime in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def database_cpu(url: str | None) -> dict[int, float]:
    """CPU seconds used so far by each PostgreSQL backend serving the database of `url` on this
    machine (its process title names the database; Linux /proc). Empty for SQLite."""
    if not url or not url.startswith("postgres"):
        return {}
    name = urlsplit(url).path.lstrip("/")
    used = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            title = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            if not title.startswith("postgres:") or f" {name} " not in title:
                continue
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        used[int(pid)] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return used


class Response:
    """What the benchmark reads of an answer: status, headers (case-insensitive `get`), body, and the
    local port of the connection it came on (by_worker counts the connections a worker held)."""

    __slots__ = ("status_code", "headers", "content", "local_port", "_text")

    def __init__(self, status_code: int, headers, content: bytes, local_port: int | None):
        self.status_code, self.headers, self.content, self.local_port = status_code, headers, content, local_port
        self._text: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.content.decode("utf-8", errors="replace")
        return self._text


RequestError = (OSError, http.client.HTTPException)  # refused, reset, timed out, a malformed answer


class Session:
    """One simulated browser: its cookies and one kept-alive HTTP/1.1 connection (the standard
    library's http.client). A browser's behaviour as the server sees it: the cookies it was given
    are sent back (a cookie set with Max-Age=0 is forgotten), the connection is kept between requests
    and opened anew when the server answered `Connection: close` or closed it meanwhile. Redirects are
    not followed (the benchmark never asked for them). It replaced `requests`, whose own work per
    request (its cookie jar, proxy look-ups from the environment, urllib3's pool) cost this generator
    about 1.8 ms of CPU a request on the two cores the server also runs on."""

    def __init__(self):
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None

    def request(self, method: str, url: str, timeout: float, allow_redirects: bool = False,
                data: dict | None = None, headers: dict | None = None) -> Response:
        assert not allow_redirects, "redirects are not followed"
        parts = urlsplit(url)
        connection = self.connection
        if connection is not None and connection.sock is not None and _dropped(connection.sock):
            connection.close()  # the server closed it while we were not looking (its keep-alive timeout)
        if connection is None or (parts.hostname, parts.port) != (connection.host, connection.port):
            connection = self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        send = dict(headers or {})
        body = None
        if data is not None:
            body = urlencode(data).encode()
            send["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            send["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        try:
            if connection.sock is None:
                connection.timeout = timeout
                connection.connect()
            else:
                connection.sock.settimeout(timeout)
            local_port = connection.sock.getsockname()[1]
            connection.request(method, parts.path + (f"?{parts.query}" if parts.query else ""), body, send)
            answer = connection.getresponse()  # on `Connection: close` the connection closes itself after it
            content = answer.read()
        except BaseException:
            connection.close()  # a half-read answer must not be read as the next request's
            raise
        for cookie in answer.headers.get_all("Set-Cookie") or ():
            self._keep(cookie)
        return Response(answer.status, answer.headers, content, local_port)

    def get(self, url: str, timeout: float, **kw) -> Response:
        return self.request("GET", url, timeout, **kw)

    def post(self, url: str, timeout: float, **kw) -> Response:
        return self.request("POST", url, timeout, **kw)

    def _keep(self, set_cookie: str) -> None:
        name_value, *attributes = set_cookie.split(";")
        name, _, value = name_value.strip().partition("=")
        expired = any(a.strip().lower().replace(" ", "") in ("max-age=0", "max-age=-1") for a in attributes)
        if expired:
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value


def _dropped(sock: socket.socket) -> bool:
    """A kept-alive connection that is readable between requests was closed by the server (EOF)."""
    return bool(select.select([sock], [], [], 0)[0])


def new_session() -> Session:
    return Session()


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)  # the process group of the gunicorn we started
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


SERVER_TIMING = re.compile(r'(app|cpu|db);dur=([0-9.]+)(?:;desc="(\d+) queries")?')
SERVING_WORKER = re.compile(r'worker;desc="(\d+)"')
QUEUE_TIMING = re.compile(r'queue;dur=([0-9.]+);desc="(\d+) in"')
GC_TIMING = re.compile(r'gc;dur=([0-9.]+);desc="(\d+) full"')


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.by_page: dict[str, list[float]] = defaultdict(list)
        self.server: dict[str, list[tuple]] = defaultdict(list)  # page -> (app ms, cpu ms, db ms, queries)
        self.errors = Counter()
        self.conflicts = 0
        self.saves = 0
        self.unfinished = 0
        self.late_starts = 0
        self.by_worker: dict[int | None, list[float]] = defaultdict(list)
        self.ports_by_worker: dict[int | None, set] = defaultdict(set)
        # each request served by the app's worker (giaoban/web/server.py): (sent, latency, page,
        # worker pid, queue wait, requests in the worker on arrival, app, gc, full collections), s
        self.served: list[tuple] = []

    def add(self, page: str, seconds: float, response=None, sent: float = 0.0):
        timing = {}
        worker = None
        queued = collected = None
        if response is not None:
            header = response.headers.get("Server-Timing", "")
            for name, dur, queries in SERVER_TIMING.findall(header):
                timing[name] = float(dur)
                if queries:
                    timing["queries"] = int(queries)
            serving = SERVING_WORKER.search(header)
            worker = int(serving.group(1)) if serving else None
            queued, collected = QUEUE_TIMING.search(header), GC_TIMING.search(header)
        port = getattr(response, "local_port", None)
        with self.lock:
            if port:
                self.by_worker[worker].append(seconds)
                self.ports_by_worker[worker].add(port)
            self.latencies.append(seconds)
            self.by_page[page].append(seconds)
            if "cpu" in timing:
                self.server[page].append((timing["app"], timing["cpu"], timing.get("db", 0.0), timing.get("queries", 0)))
            if queued and collected and worker:
                self.served.append((sent, seconds, page, worker, float(queued[1]) / 1000, int(queued[2]),
                                    timing["app"] / 1000, float(collected[1]) / 1000, int(collected[2])))

    def error(self, what: str):
        with self.lock:
            self.errors[what] += 1


def make_caller(s, base: str, deadline: float, stats: Stats):
    """call(page, method, url, due=None, **kw): one request on session `s`, timed from `due`
    (perf_counter; the open loop's arrival time) or from when it is sent."""

    def call(page, method, url, due=None, **kw):
        t = time.perf_counter() if due is None else due
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        try:
            # A request still running at the deadline is abandoned and counted as a timeout.
            r = s.request(method, base + url, timeout=max(1.0, remaining + GRACE_SECONDS), allow_redirects=False, **kw)
        except RequestError as exc:
            if time.monotonic() >= deadline:
                with stats.lock:
                    stats.unfinished += 1  # cut off by the end of the run, not an answer
            else:
                stats.error(f"{page}: {type(exc).__name__}")
            return None
        stats.add(page, time.perf_counter() - t, r, sent=t)
        if r.status_code >= 500:
            stats.error(f"{page}: HTTP {r.status_code}")
        return r

    return call


def account(i: int) -> str:
    return (ENTRY_ACCOUNTS + VIEW_ACCOUNTS)[i % (len(ENTRY_ACCOUNTS) + len(VIEW_ACCOUNTS))]


def simulated_user(i: int, base: str, pages: list[str], deadline: float, stats: Stats, logged_in=None):
    """One person: log in (unless `logged_in` is a session that already did), then browse and save."""
    rng = random.Random(i)
    username = account(i)
    if logged_in is None:
        time.sleep(RAMP_UP_SECONDS * i / 32)  # people do not all log in within the same second
    s = logged_in or new_session()
    call = make_caller(s, base, deadline, stats)
    if logged_in is not None:
        return browse(rng, username, s, base, pages, deadline, stats, call)
    r = call("login", "GET", "/dang-nhap/")
    if r is None:
        return
    r = call("login", "POST", "/dang-nhap/", data={"username": username, "password": PASSWORD,
                                                     "csrfmiddlewaretoken": s.cookies.get("csrftoken", "")},
             headers={"Referer": base + "/dang-nhap/"})
    if r is None:
        return
    if r.status_code != 302:
        stats.error(f"login {username}: HTTP {r.status_code}")
        return
    browse(rng, username, s, base, pages, deadline, stats, call)


class Person:
    """A logged-in session of the open loop and the entry pages it found."""

    def __init__(self, i: int, session, base: str, pages: list[str], deadline: float, stats: Stats):
        self.rng = random.Random(i)
        self.username = account(i)
        self.s = session
        self.call = make_caller(session, base, deadline, stats)
        self.entry_pages: list[str] | None = None if self.username not in VIEW_ACCOUNTS else []

    def step(self, base: str, pages: list[str], stats: Stats, due: float) -> None:
        """The closed loop's step, started at `due`: a page, or open the form and save a figure."""
        if self.entry_pages is None:
            my_reports = [p for p in pages if p.endswith("/bao-cao/")]
            self.entry_pages = []
            if my_reports:
                r = self.call(my_reports[0], "GET", my_reports[0], due=due)
                if r is not None and r.status_code == 200:
                    self.entry_pages = sorted({m.group(1) for m in ENTRY_LINK.finditer(r.text)})
                return
        if self.entry_pages and self.rng.random() < 0.4:
            save_one(self.rng, self.s, base, self.rng.choice(self.entry_pages), self.call, stats, due=due)
            return
        page = self.rng.choice(pages)
        r = self.call(page, "GET", page, due=due)
        if r is not None and r.status_code not in (200, 302):
            stats.error(f"{page}: HTTP {r.status_code}")


def open_loop(people: list[Person], base: str, pages: list[str], rate: float, deadline: float, stats: Stats) -> None:
    """Steps due at a fixed rate; each is taken by a free person. When all are busy the step waits
    in the queue, and that wait is part of its latency (no coordinated omission)."""
    due_steps: queue.Queue = queue.Queue()

    def worker(person: Person):
        while True:
            due = due_steps.get()
            if due is None:
                return
            if time.monotonic() < deadline:
                person.step(base, pages, stats, due)

    workers = [threading.Thread(target=worker, args=(p,), daemon=True) for p in people]
    for w in workers:
        w.start()
    start, n = time.perf_counter(), 0
    while time.monotonic() < deadline:
        due = start + n / rate
        now = time.perf_counter()
        if due > now:
            time.sleep(due - now)
        due_steps.put(due)
        n += 1
    with stats.lock:
        stats.late_starts = due_steps.qsize()  # steps that never found a free person before the end
    for _ in workers:
        due_steps.put(None)
    for w in workers:
        w.join(timeout=GRACE_SECONDS + 1)


def browse(rng, username, s, base, pages, deadline, stats, call):
    can_enter = username not in VIEW_ACCOUNTS
    entry_pages: list[str] = []
    my_reports = [p for p in pages if p.endswith("/bao-cao/")]
    if can_enter and my_reports:
        r = call(my_reports[0], "GET", my_reports[0])
        if r is not None and r.status_code == 200:
            entry_pages = sorted({m.group(1) for m in ENTRY_LINK.finditer(r.text)})
    while time.monotonic() < deadline:
        # One step: a dashboard page, or (for people who enter data) open the form and save a figure.
        if can_enter and entry_pages and rng.random() < 0.4:
            save_one(rng, s, base, rng.choice(entry_pages), call, stats)
            continue
        page = rng.choice(pages)
        r = call(page, "GET", page)
        if r is None:
            continue
        if r.status_code not in (200, 302):
            stats.error(f"{page}: HTTP {r.status_code}")
        elif page.endswith("/bao-cao/") and r.status_code == 200 and not entry_pages:
            entry_pages = sorted({m.group(1) for m in ENTRY_LINK.finditer(r.text)})


def save_one(rng, s, base, url, call, stats, due=None):
    r = call("entry", "GET", url, due=due)
    if r is None:
        return
    if r.status_code != 200:
        stats.error(f"entry: HTTP {r.status_code}")
        return
    version = re.search(r'name="version"\s+value="(\d+)"', r.text) or re.search(r'value="(\d+)"\s+name="version"', r.text)
    fields = re.findall(r'name="(v-[a-z0-9_]+)"', r.text)
    if not version or not fields:
        return  # not editable (submitted or approved): the page shows the figures only
    field = rng.choice(fields)
    token = s.cookies.get("csrftoken", "")
    r = call("autosave", "POST", url + "tu-dong-luu/",
             data={"version": version.group(1), field: str(rng.randint(1, 500)), "csrfmiddlewaretoken": token},
             headers={"Referer": base + url, "X-CSRFToken": token})
    if r is None:
        return
    if r.status_code == 409:
        with stats.lock:
            stats.conflicts += 1
    elif r.status_code == 200:
        with stats.lock:
            stats.saves += 1
    elif r.status_code != 400:  # 400: a validation message or a report that is not editable, a normal answer
        stats.error(f"autosave: HTTP {r.status_code}")


def log_in(i: int, base: str, sessions: list, stats: Stats):
    username = account(i)
    s = new_session()
    try:
        s.get(base + "/dang-nhap/", timeout=600)
        r = s.post(base + "/dang-nhap/", data={"username": username, "password": PASSWORD,
                                               "csrfmiddlewaretoken": s.cookies.get("csrftoken", "")},
                   headers={"Referer": base + "/dang-nhap/"}, timeout=600, allow_redirects=False)
    except RequestError as exc:
        stats.error(f"login {username}: {type(exc).__name__}")
        return
    if r.status_code != 302:
        stats.error(f"login {username}: HTTP {r.status_code}")
        return
    sessions[i] = s


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def tail_figures(served: list[tuple]) -> dict | None:
    """Where the tail comes from: each request's latency split into its wait for a thread of the
    worker (queue), its time in Django (served: CPU, database, and the other thread's turns at the
    GIL) and the rest (outside: the worker's event loop, the network, this generator), for all
    requests and for the slowest 1 %; how many requests each worker held over time (the deal of
    connections); the collector's share."""
    if not served:
        return None
    ms = 1000

    def parts(rows):
        return {"n": len(rows),
                "latency_ms": round(statistics.fmean(r[1] for r in rows) * ms, 1),
                "queue_wait_ms": round(statistics.fmean(r[4] for r in rows) * ms, 1),
                "served_ms": round(statistics.fmean(r[6] for r in rows) * ms, 1),
                "outside_ms": round(statistics.fmean(r[1] - r[4] - r[6] for r in rows) * ms, 1),
                "requests_in_worker": round(statistics.fmean(r[5] for r in rows), 1),
                "gc_ms": round(statistics.fmean(r[7] for r in rows) * ms, 2),
                "with_full_collection": sum(r[8] > 0 for r in rows),
                "autosaves": sum(r[2] == "autosave" for r in rows)}

    by_latency = sorted(served, key=lambda r: r[1])
    slowest = by_latency[-max(1, len(served) // 100):]
    pages = [r for r in served if r[2] != "autosave"]
    workers = sorted({r[3] for r in served})
    # the requests in each worker, averaged over each second of the run
    start = min(r[0] for r in served)
    per_second: dict[tuple[int, int], list[int]] = defaultdict(list)
    for r in served:
        per_second[(int(r[0] - start), r[3])].append(r[5])
    seconds = sorted({second for second, _ in per_second})
    gaps = [abs(statistics.fmean(per_second[(t, workers[0])]) - statistics.fmean(per_second[(t, workers[1])]))
            for t in seconds if (t, workers[0]) in per_second and (t, workers[1]) in per_second] if len(workers) == 2 else []

    def ratio(rows):
        latencies = [r[1] for r in rows]
        return round(percentile(latencies, 0.99) / statistics.fmean(latencies), 2) if rows else None

    # each latency over the mean latency of the requests sent in the same second: on a machine
    # shared with other work, the server's speed moves from second to second, and the slowest 1 %
    # gather in the slow seconds; this p99 is the dispersion the server itself makes
    sent_in: dict[int, list[float]] = defaultdict(list)
    for r in served:
        sent_in[int(r[0] - start)].append(r[1])
    second_mean = {t: statistics.fmean(v) for t, v in sent_in.items()}

    return {
        "p99_over_mean": ratio(served),
        "pages_p99_over_mean": ratio(pages),  # without the autosaves, which go first
        "p99_over_mean_of_its_second": round(percentile([r[1] / second_mean[int(r[0] - start)] for r in served], 0.99), 2),
        "all": parts(served),
        "slowest_1_percent": parts(slowest),
        "by_worker": [{"requests": len(rows), "requests_in_mean": round(statistics.fmean(r[5] for r in rows), 1),
                       "mean_ms": round(statistics.fmean(r[1] for r in rows) * ms, 1),
                       "p99_ms": round(percentile([r[1] * ms for r in rows], 0.99), 1)}
                      for rows in ([r for r in served if r[3] == w] for w in workers)],
        # |requests in one worker - in the other|, a second's means: 0 is an even deal
        "requests_in_gap_per_second": {"mean": round(statistics.fmean(gaps), 1), "p90": round(percentile(gaps, 0.9), 1),
                                       "max": round(max(gaps), 1)} if gaps else None,
        "served_ms_by_page": {page: {"mean": round(statistics.fmean(r[6] for r in rows) * ms, 1),
                                     "p99": round(percentile([r[6] * ms for r in rows], 0.99), 1),
                                     "queue_wait_mean": round(statistics.fmean(r[4] for r in rows) * ms, 1)}
                              for page, rows in sorted(((p, [r for r in served if r[2] == p]) for p in {r[2] for r in served}))},
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--users", type=int, default=32)
    ap.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"))
    ap.add_argument("--workers", type=int, default=shipped.workers, help="default: as shipped (giaoban/web/gunicorn_conf.py)")
    ap.add_argument("--threads", type=int, default=shipped.threads, help="default: as shipped")
    ap.add_argument("--login-first", action="store_true",
                    help="log the users in before the timed window (which then measures browsing and saving only)")
    ap.add_argument("--rate", type=float, default=0,
                    help="open loop: steps a second arriving at a fixed rate, taken by --users logged-in sessions "
                         "(implies --login-first); 0: the closed loop")
    ap.add_argument("--served-log", type=Path,
                    help="write each request's figures (see Stats.served) to this file, one JSON list a line")
    args = ap.parse_args(argv)
    if args.rate:
        args.login_first = True

    env = {**os.environ, "DEBUG": "0", "GIAOBAN_PRODUCTION": "0", "LOG_LEVEL": "ERROR"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env = prepare_database(env, args.database_url)
    pages = discover_pages(env)
    port = free_port()
    server = start_server(env, port, args.workers, args.threads)
    stats = Stats()
    try:
        base = f"http://127.0.0.1:{port}"
        sessions = [None] * args.users
        if args.login_first:
            # Log everybody in before the clock starts (not timed): the window measures browsing only.
            login_stats = Stats()
            ready = [threading.Thread(target=log_in, args=(i, base, sessions, login_stats)) for i in range(args.users)]
            for t in ready:
                t.start()
            for t in ready:
                t.join(timeout=600)
            if login_stats.errors:
                raise SystemExit(f"login failed: {dict(login_stats.errors)}")
        started = time.monotonic()
        cpu_before = (resource.getrusage(resource.RUSAGE_SELF), process_group_cpu(server.pid),
                      database_cpu(env["DATABASE_URL"]))
        deadline = started + args.seconds
        if args.rate:
            people = [Person(i, sessions[i], base, pages, deadline, stats) for i in range(args.users)]
            open_loop(people, base, pages, args.rate, deadline, stats)
        else:
            users = [threading.Thread(target=simulated_user, args=(i, base, pages, deadline, stats, sessions[i]), daemon=True)
                     for i in range(args.users)]
            for t in users:
                t.start()
            for t in users:
                t.join(timeout=max(0.0, deadline + GRACE_SECONDS + 1 - time.monotonic()))
        elapsed = time.monotonic() - started
        client = resource.getrusage(resource.RUSAGE_SELF)
        client_cpu = client.ru_utime + client.ru_stime - cpu_before[0].ru_utime - cpu_before[0].ru_stime
        server_cpu = process_group_cpu(server.pid) - cpu_before[1]
        database_after = database_cpu(env["DATABASE_URL"])
        database_seconds = sum(used - cpu_before[2].get(pid, 0.0) for pid, used in database_after.items())
    finally:
        stop_server(server)
    ms = [x * 1000 for x in stats.latencies]
    browse = [x * 1000 for page, v in stats.by_page.items() if page != "login" for x in v]
    served = [t for v in stats.server.values() for t in v]
    served_browse = [t for page, v in stats.server.items() if page != "login" for t in v]

    def server_mean(rows, i):
        return round(statistics.fmean(r[i] for r in rows), 2) if rows else None

    summary = {
        "benchmark": "load",
        "mode": f"open loop, {args.rate:g} steps/s" if args.rate else "closed loop, no pause",
        "users": args.users,
        "logins_in_window": not args.login_first,
        "seconds": round(elapsed, 1),
        "server": f"gunicorn {args.workers} workers × {args.threads} threads",
        "database": env["DATABASE_URL"].split(":", 1)[0],
        "pages": pages,
        "requests": len(ms),
        "requests_per_second": round(len(ms) / elapsed, 1) if elapsed else 0,
        "saves": stats.saves,
        "conflicts_409": stats.conflicts,
        "p50_ms": round(percentile(ms, 0.50), 1),
        "p95_ms": round(percentile(ms, 0.95), 1),
        "p99_ms": round(percentile(ms, 0.99), 1),
        "mean_ms": round(statistics.fmean(ms), 1) if ms else 0,
        "after_login_p50_ms": round(percentile(browse, 0.50), 1),
        "after_login_p95_ms": round(percentile(browse, 0.95), 1),
        "after_login_p99_ms": round(percentile(browse, 0.99), 1),
        "load_average_1min": round(os.getloadavg()[0], 1),
        "by_page_p95_ms": {k: round(percentile([x * 1000 for x in v], 0.95), 1) for k, v in sorted(stats.by_page.items())},
        "by_page_p99_ms": {k: round(percentile([x * 1000 for x in v], 0.99), 1) for k, v in sorted(stats.by_page.items())},
        # inside the server (Server-Timing): time in Django, the worker thread's CPU time, database
        # time and queries, per request; 'after login' leaves out the password hashing of logins
        "server_ms_mean": server_mean(served, 0),
        "server_cpu_ms_mean": server_mean(served, 1),
        # the CPU of gunicorn's processes in the window (HTTP parsing and everything outside Django
        # included) and of this load generator, per request: where the two cores went
        "server_processes_cpu_ms_per_request": round(server_cpu * 1000 / len(ms), 2) if ms else None,
        "load_generator_cpu_ms_per_request": round(client_cpu * 1000 / len(ms), 2) if ms else None,
        # PostgreSQL's backends for this database (same machine only; None for SQLite)
        "database_cpu_ms_per_request": round(database_seconds * 1000 / len(ms), 2) if ms and database_after else None,
        "server_after_login_ms_mean": server_mean(served_browse, 0),
        "server_after_login_cpu_ms_mean": server_mean(served_browse, 1),
        "server_after_login_db_ms_mean": server_mean(served_browse, 2),
        "queries_per_request_mean": server_mean(served_browse, 3),
        "by_page_server_cpu_ms_mean": {k: server_mean(v, 1) for k, v in sorted(stats.server.items())},
        "by_page_queries_mean": {k: server_mean(v, 3) for k, v in sorted(stats.server.items())},
        # each worker process: the kept-alive connections it held and its requests' latencies
        "by_worker": [{"connections": len(stats.ports_by_worker[w]), "requests": len(v),
                       "p50_ms": round(percentile([x * 1000 for x in v], 0.50), 1),
                       "p99_ms": round(percentile([x * 1000 for x in v], 0.99), 1)}
                      for w, v in sorted(stats.by_worker.items(), key=lambda kv: -len(kv[1]))],
        "tail": tail_figures(stats.served),
        "steps_not_started": stats.late_starts,
        "unfinished_at_stop": stats.unfinished,
        "errors": sum(stats.errors.values()),
        "error_kinds": dict(stats.errors.most_common(10)),
    }
    if args.served_log:
        args.served_log.write_text("".join(json.dumps(r) + "\n" for r in stats.served))
    print(json.dumps(summary, ensure_ascii=False))
    return 0 if summary["errors"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""A WSGI app for tests/web/test_autosave_first.py: '/nhanh/' answers at once, anything else after
0.2 s; each answer carries its place in the order the server finished them. '/tien-trinh/' answers
at once with the id of the worker process that served it (tests/web/test_served_process.py);
'/nap/' with the ids of the process that loaded this module and of the serving worker's parent;
'/hang-doi/' with how long it waited for a thread and how many requests its worker held then."""

import itertools
import os
import threading
import time

_order = itertools.count(1)
_lock = threading.Lock()
LOADED_BY = os.getpid()


def app(environ, start_response):
    if environ["PATH_INFO"] == "/tien-trinh/":
        body = str(os.getpid()).encode()
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
        return [body]
    if environ["PATH_INFO"] == "/nap/":
        body = f"{LOADED_BY} {os.getppid()}".encode()
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
        return [body]
    if environ["PATH_INFO"] == "/hang-doi/":
        waited, requests_in = environ["giaoban.queue"]
        body = f"{waited:.3f} {requests_in}".encode()
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
        return [body]
    if environ["PATH_INFO"] != "/nhanh/":
        time.sleep(0.2)
    with _lock:
        body = str(next(_order)).encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]

"""The WSGI entry point loads every view and freezes the start-up heap (see giaoban/wsgi.py)."""

import os
import subprocess
import sys


def test_wsgi_start_up_freezes_the_loaded_heap(tmp_path):
    code = ("import gc, sys; import giaoban.wsgi; "
            "print(gc.get_freeze_count(), 'giaoban.web.views' in sys.modules, gc.get_threshold()[0])")
    env = dict(os.environ, GIAOBAN_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="giaoban.settings")
    env.pop("DATABASE_URL", None)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) > 10_000 and out[1] == "True"
    assert int(out[2]) >= 10_000  # young collections once per several requests, not one or two inside each


def test_loading_the_app_opens_no_connection_and_starts_no_thread(tmp_path):
    """gunicorn loads the app in its master before forking the workers (gunicorn_conf.preload_app):
    a connection or a thread made while loading would be shared by every worker (or lost)."""
    code = ("import threading; import giaoban.wsgi; from django.db import connections; "
            "print(sum(connections[a].connection is not None for a in connections), threading.active_count())")
    env = dict(os.environ, GIAOBAN_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="giaoban.settings")
    if not env.get("DATABASE_URL", "").startswith("postgres"):
        env.pop("DATABASE_URL", None)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "1"]


def test_start_up_builds_what_needs_no_database(tmp_path):
    """A fresh worker's first pages cost 2-5x the later ones; what of that needs no database is
    built at start-up, once, in gunicorn's master: the URL resolver's reverse index for every
    language and the project's templates compiled (home's first page: 82,000 → 57,000 calls)."""
    code = ("import giaoban.wsgi; from django.conf import settings; from django.urls import get_resolver; "
            "from django.template import engines; "
            "cache = engines['django'].engine.template_loaders[0].get_template_cache; "
            "print(sorted(get_resolver()._reverse_dict) == sorted(c for c, _ in settings.LANGUAGES), "
            "'base.html' in cache, 'collection/entry.html' in cache, 'admin/base.html' in cache)")
    env = dict(os.environ, GIAOBAN_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="giaoban.settings", DEBUG="0")
    env.pop("DATABASE_URL", None)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "True", "True", "False"]

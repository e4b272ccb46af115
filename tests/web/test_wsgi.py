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

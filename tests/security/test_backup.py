"""`giaoban backup` / `giaoban restore`: a round trip keeps every row (audit trail, users,
memberships) and the uploaded files; restore refuses a non-empty database and a tampered
archive, and verifies the counts. Runs on the configured database (SQLite or PostgreSQL);
the cross-database test moves a database from SQLite to PostgreSQL and back."""

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError

from giaoban import audit
from giaoban.security.backup import backed_up_models, restore_backup
from tests.conftest import missing
from tests.security.tree import build_tree

ROOT = Path(__file__).resolve().parents[2]


def snapshot() -> list:
    """Every backed-up row, as database-independent JSON (order by model then pk)."""
    out = []
    for model in backed_up_models():
        for obj in model._base_manager.order_by("pk"):
            out.append(json.loads(serializers.serialize("json", [obj], use_natural_foreign_keys=True))[0])
    return out


def wipe():
    from giaoban.security.backup import _empty_tables

    _empty_tables(backed_up_models(), "default")


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "attachments" / "2024").mkdir(parents=True)
    f = settings.MEDIA_ROOT / "attachments" / "2024" / "báo cáo quý 1.docx"
    f.write_bytes(b"PK\x03\x04 noi dung tep dinh kem " + bytes(range(256)))
    return f


@pytest.fixture
def data(db):
    tree = build_tree()
    report = tree.reports["mttq_a2"]
    audit.record(tree.users["approve_p"], "report.return", report, field="status", old="submitted", new="returned",
                 reason="Số lượt người chưa khớp với số buổi")
    audit.record(tree.users["entry_a1"], "value.change", tree.reports["mttq_a1"].values.first(), field="value", old="10", new="11")
    return tree


def test_round_trip_keeps_everything(data, media, tmp_path):
    before = snapshot()
    kinds = {row["model"] for row in before}
    assert {"audit.auditentry", "auth.user", "collection.membership", "collection.datavalue", "org.unit"} <= kinds
    archive = tmp_path / "giaoban.tar.gz"
    out = io.StringIO()
    call_command("backup", str(archive), "--format", "json", stdout=out)
    summary = json.loads(out.getvalue())
    assert summary["counts"]["audit.auditentry"] == 2 and summary["media_files"] == 1

    wipe()
    media.unlink()
    assert snapshot() == []
    out = io.StringIO()
    call_command("restore", str(archive), "--format", "json", stdout=out)
    result = json.loads(out.getvalue())
    assert result["total_objects"] == len(before)
    assert snapshot() == before
    assert media.read_bytes().endswith(bytes(range(256)))

    from django.contrib.auth import authenticate
    assert authenticate(username="entry_a1", password="mat-khau-kiem-thu-2024") is not None  # hashes restored


def test_restore_refuses_non_empty_database_unless_forced(data, media, tmp_path):
    archive = tmp_path / "b.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    before = snapshot()
    with pytest.raises(CommandError, match="không trống"):
        call_command("restore", str(archive), stdout=io.StringIO())
    # --force replaces the data: a row added after the backup is gone, the rest is as it was.
    audit.record(None, "after.backup", object_type="x", object_id="1")
    call_command("restore", str(archive), "--force", stdout=io.StringIO())
    assert snapshot() == before


def test_tampered_archive_is_refused_and_nothing_changes(data, media, tmp_path):
    archive = tmp_path / "b.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    tampered = tmp_path / "t.tar.gz"
    with tarfile.open(archive) as src, tarfile.open(tampered, "w:gz") as dst:
        for m in src.getmembers():
            content = src.extractfile(m).read()
            if m.name == "data.jsonl":
                content = content.replace("nổi bật".encode(), "bịa đặt".encode())
            m.size = len(content)
            dst.addfile(m, io.BytesIO(content))
    wipe()
    with pytest.raises(CommandError, match="mã kiểm tra"):
        call_command("restore", str(tampered), stdout=io.StringIO())
    assert snapshot() == []


def test_count_mismatch_rolls_back(data, media, tmp_path, monkeypatch):
    archive = tmp_path / "b.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    wipe()
    from giaoban.security import backup

    real = backup.read_manifest

    def lying_manifest(path):
        m = real(path)
        m["counts"]["audit.auditentry"] += 1
        return m

    monkeypatch.setattr(backup, "read_manifest", lying_manifest)
    with pytest.raises(backup.BackupError, match="không khớp số bản ghi"):
        restore_backup(archive)
    assert snapshot() == []  # nothing half-restored


def test_not_a_backup(tmp_path, db):
    bogus = tmp_path / "x.tar.gz"
    bogus.write_bytes(b"not a tar")
    with pytest.raises(CommandError, match="không phải bản sao lưu"):
        call_command("restore", str(bogus), stdout=io.StringIO())


# ---- SQLite → PostgreSQL → SQLite, through the command line -------------------------------

PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
XFER_DB = "dev_security_xfer"


def pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, connect_timeout=3):
            return True
    except Exception:
        return False


def recreate_pg_db(name):
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def giaoban(db_url, media_root, *args):
    env = {**os.environ, "DATABASE_URL": db_url, "MEDIA_ROOT": str(media_root)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    r = subprocess.run([sys.executable, "-m", "giaoban", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, f"giaoban {' '.join(args)}: {r.stdout}\n{r.stderr}"
    return r.stdout


SEED = """
import django; django.setup()
from tests.security.tree import build_tree
from giaoban import audit
t = build_tree()
audit.record(t.users['approve_p'], 'report.approve', t.reports['mttq_a2'], field='status', old='submitted', new='approved')
"""

DUMP = """
import django, json, sys; django.setup()
from tests.security.test_backup import snapshot
print(json.dumps(snapshot(), ensure_ascii=False, sort_keys=True))
"""


def python(db_url, media_root, code):
    env = {**os.environ, "DATABASE_URL": db_url, "MEDIA_ROOT": str(media_root), "DJANGO_SETTINGS_MODULE": "giaoban.settings"}
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.mark.slow
def test_sqlite_to_postgresql_and_back(tmp_path):
    if not pg_available():
        missing("PostgreSQL is not reachable at 127.0.0.1:5432")
    sqlite_a = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    sqlite_b = f"sqlite:///{tmp_path / 'b.sqlite3'}"
    pg = f"postgres://postgres@127.0.0.1:5432/{XFER_DB}"
    media_a, media_pg, media_b = tmp_path / "ma", tmp_path / "mpg", tmp_path / "mb"
    (media_a / "attachments").mkdir(parents=True)
    (media_a / "attachments" / "biên bản.pdf").write_bytes(b"%PDF-1.4 giaoban")

    giaoban(sqlite_a, media_a, "migrate", "-v0")
    python(sqlite_a, media_a, SEED)
    original = python(sqlite_a, media_a, DUMP)
    giaoban(sqlite_a, media_a, "backup", str(tmp_path / "from-sqlite.tar.gz"))

    recreate_pg_db(XFER_DB)
    try:
        giaoban(pg, media_pg, "migrate", "-v0")
        giaoban(pg, media_pg, "restore", str(tmp_path / "from-sqlite.tar.gz"))
        assert python(pg, media_pg, DUMP) == original
        assert (media_pg / "attachments" / "biên bản.pdf").read_bytes() == b"%PDF-1.4 giaoban"
        # Sequences were reset: a new row gets a fresh id on PostgreSQL.
        python(pg, media_pg, "import django; django.setup()\nfrom giaoban import audit\naudit.record(None, 'x', object_type='t', object_id='1')")
        giaoban(pg, media_pg, "backup", str(tmp_path / "from-pg.tar.gz"))
    finally:
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{XFER_DB}" WITH (FORCE)')

    giaoban(sqlite_b, media_b, "migrate", "-v0")
    giaoban(sqlite_b, media_b, "restore", str(tmp_path / "from-pg.tar.gz"))
    back = json.loads(python(sqlite_b, media_b, DUMP))
    assert len(back) == len(json.loads(original)) + 1
    assert [r for r in back if r["model"] != "audit.auditentry" or r["fields"]["action"] != "x"] == json.loads(original)


def test_times_keep_their_microseconds(data, media, tmp_path):
    """Django's JSON encoder cuts times to the millisecond: 12:00:00.000412 would come back as
    12:00:00 (a snapshot at millisecond precision then differs, as it once did by chance)."""
    import datetime

    from giaoban.collection.models import DataValue

    value = DataValue.objects.order_by("pk").first()
    exact = datetime.datetime(2024, 4, 2, 12, 0, 0, 412, tzinfo=datetime.timezone.utc)
    DataValue.objects.filter(pk=value.pk).update(updated_at=exact)
    archive = tmp_path / "b.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    wipe()
    call_command("restore", str(archive), stdout=io.StringIO())
    assert DataValue.objects.get(pk=value.pk).updated_at == exact

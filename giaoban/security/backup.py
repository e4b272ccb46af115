"""Backup and restore: one .tar.gz with a database-independent dump and the uploaded files.

Archive layout:
  manifest.json   format, version, time, source database, counts per model, sha256 per member
  data.jsonl      Django's JSON serialization of every model, one line per batch of up to
                  1,000 rows of one model (primary keys kept, so the materialized paths
                  "/1/9/57/" stay true; content types and permissions by natural key, so the
                  dump loads into any database, SQLite or PostgreSQL). Lines keep memory flat
                  and let restore insert a batch in one statement.
  media/...       the files under MEDIA_ROOT

What is left out: content types and permissions (recreated by migrate), sessions, and
django-axes' login attempts and the login slow-down's clock (transient).

Restore runs in one transaction: the tables being restored are emptied, the dump is loaded,
every model's count is compared with the manifest, and only then is it committed; the media
files are put in place after the commit. A non-empty database is refused unless force=True.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import shutil
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, transaction

FORMAT = "giaoban-backup"
VERSION = 2  # 1: one data.json array (still restored, through loaddata)
BATCH = 1000
EXCLUDED_APPS = {"contenttypes", "sessions", "axes"}
EXCLUDED_MODELS = {"auth.permission", "security.loginslowdown"}  # the slow-down is transient, as axes' rows


class _ExactTimesEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to the millisecond; a backup keeps them as they were stored."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


class BackupError(Exception):
    """A refused or failed backup/restore; the message is Vietnamese."""


def backed_up_models() -> list:
    """Concrete models to dump, dependencies first (natural-key order, as dumpdata does)."""
    app_list = {}
    for config in apps.get_app_configs():
        if config.label in EXCLUDED_APPS or not config.models_module:
            continue
        models = [m for m in config.get_models() if m._meta.label_lower not in EXCLUDED_MODELS
                  and not m._meta.proxy and m._meta.managed]
        if models:
            app_list[config] = models
    return serializers.sort_dependencies(app_list.items(), allow_cycles=True)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _batches(models, using):
    for model in models:
        batch = []
        for obj in model._base_manager.using(using).order_by(model._meta.pk.name).iterator(chunk_size=BATCH):
            batch.append(obj)
            if len(batch) == BATCH:
                yield batch
                batch = []
        if batch:
            yield batch


def _load_lines(path: Path, using: str) -> None:
    """Insert each line's batch with one raw INSERT (raw: auto_now fields such as the audit
    trail's timestamps keep their stored values; no signals), then its many-to-many rows."""
    connection = connections[using]
    loaded = set()
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            if not line.strip():
                continue
            objects = list(serializers.deserialize("json", line, using=using))
            if not objects:
                continue
            model = type(objects[0].object)
            loaded.add(model)
            fields = model._meta.local_concrete_fields
            rows = [o.object for o in objects]
            size = max(1, connection.ops.bulk_batch_size(fields, rows) or len(rows))
            for i in range(0, len(rows), size):
                model._base_manager._insert(rows[i:i + size], fields=fields, using=using, raw=True)
            for field in model._meta.local_many_to_many:
                through = field.remote_field.through
                source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
                links = [through(**{f"{source}_id": o.object.pk, f"{target}_id": pk})
                         for o in objects for pk in o.m2m_data.get(field.name, [])]
                through._base_manager.using(using).bulk_create(links, batch_size=BATCH)
    if loaded:
        from django.core.management.color import no_style

        statements = connection.ops.sequence_reset_sql(no_style(), list(loaded))
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def create_backup(target: Path | str, using: str = DEFAULT_DB_ALIAS) -> dict:
    """Write the archive to `target` (written to a temporary name, then renamed). Returns the manifest."""
    target = Path(target)
    models = backed_up_models()
    connection = connections[using]
    with tempfile.TemporaryDirectory(prefix="giaoban-backup-") as tmp:
        data_path = Path(tmp) / "data.jsonl"
        # One consistent snapshot for the counts and the dump.
        outermost = not connection.in_atomic_block
        with transaction.atomic(using=using):
            if connection.vendor == "postgresql" and outermost:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            counts = {m._meta.label_lower: m._base_manager.using(using).count() for m in models}
            with open(data_path, "w", encoding="utf-8") as stream:
                for batch in _batches(models, using):
                    stream.write(serializers.serialize("json", batch, use_natural_foreign_keys=True,
                                                       use_natural_primary_keys=False, cls=_ExactTimesEncoder))
                    stream.write("\n")
        media_root = Path(settings.MEDIA_ROOT)
        media_files = sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.is_dir() else []
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "source_database": connection.vendor,
            "counts": counts,
            "total_objects": sum(counts.values()),
            "media_files": len(media_files),
            "checksums": {"data.jsonl": _sha256(data_path)},
        }
        for p in media_files:
            manifest["checksums"]["media/" + p.relative_to(media_root).as_posix()] = _sha256(p)
        manifest_path = Path(tmp) / "manifest.json"
        manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        partial = target.with_name(target.name + ".partial")
        target.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(manifest_path, arcname="manifest.json")
            tar.add(data_path, arcname="data.jsonl")
            for p in media_files:
                tar.add(p, arcname="media/" + p.relative_to(media_root).as_posix())
        partial.replace(target)
    return manifest


def read_manifest(archive: Path | str) -> dict:
    try:
        with tarfile.open(archive, "r:gz") as tar:
            member = tar.extractfile("manifest.json")
            manifest = json.load(member)
    except (tarfile.TarError, KeyError, OSError, json.JSONDecodeError) as exc:
        raise BackupError(f"Tệp «{archive}» không phải bản sao lưu giaoban hợp lệ ({exc}).") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Tệp «{archive}» không phải bản sao lưu giaoban (thiếu nhãn định dạng).")
    if manifest.get("version", 0) > VERSION:
        raise BackupError(f"Bản sao lưu «{archive}» có phiên bản {manifest['version']}, mới hơn phần mềm này ({VERSION}).")
    return manifest


def _extract(archive: Path, manifest: dict, dest: Path) -> None:
    """Extract the members named in the manifest only, checking each checksum."""
    expected = manifest["checksums"]
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar.getmembers():
            if member.name == "manifest.json":
                continue
            if member.name not in expected or not member.isfile():
                raise BackupError(f"Bản sao lưu có phần lạ «{member.name}» không có trong danh mục; không khôi phục.")
            tar.extract(member, dest, filter="data")
    for name, digest in expected.items():
        path = dest / name
        if not path.is_file():
            raise BackupError(f"Bản sao lưu thiếu phần «{name}».")
        if _sha256(path) != digest:
            raise BackupError(f"Bản sao lưu bị hỏng: mã kiểm tra của «{name}» không khớp.")


def nonempty_models(using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    counts = {}
    for model in backed_up_models():
        n = model._base_manager.using(using).count()
        if n:
            counts[model._meta.label_lower] = n
    return counts


def _empty_tables(models, using) -> None:
    """Delete every row of the restored models, m2m tables included (constraints are deferred
    to the commit on both SQLite and PostgreSQL, so the order does not matter)."""
    connection = connections[using]
    tables = []
    for model in models:
        for field in model._meta.local_many_to_many:
            if field.remote_field.through._meta.auto_created:
                tables.append(field.remote_field.through._meta.db_table)
        tables.append(model._meta.db_table)
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


def restore_backup(archive: Path | str, using: str = DEFAULT_DB_ALIAS, force: bool = False) -> dict:
    archive = Path(archive)
    manifest = read_manifest(archive)
    models = backed_up_models()
    known = {m._meta.label_lower for m in models}
    unknown = set(manifest["counts"]) - known
    if unknown:
        raise BackupError("Bản sao lưu có dữ liệu của mô hình không có trong phần mềm này: " + ", ".join(sorted(unknown))
                          + ". Hãy cập nhật phần mềm (và chạy migrate) trước khi khôi phục.")
    existing = nonempty_models(using)
    if existing and not force:
        listing = ", ".join(f"{k} ({v})" for k, v in sorted(existing.items()))
        raise BackupError("Cơ sở dữ liệu không trống: " + listing
                          + ". Chỉ khôi phục vào cơ sở dữ liệu trống; dùng --force để thay toàn bộ dữ liệu hiện có.")
    with tempfile.TemporaryDirectory(prefix="giaoban-restore-") as tmp:
        tmp = Path(tmp)
        _extract(archive, manifest, tmp)
        with transaction.atomic(using=using):
            _empty_tables(models, using)
            if (tmp / "data.jsonl").is_file():
                _load_lines(tmp / "data.jsonl", using)
            else:  # version 1
                call_command("loaddata", str(tmp / "data.json"), database=using, verbosity=0)
            counts = {m._meta.label_lower: m._base_manager.using(using).count() for m in models}
            wrong = {k: (manifest["counts"].get(k, 0), counts.get(k, 0)) for k in known
                     if manifest["counts"].get(k, 0) != counts.get(k, 0)}
            if wrong:
                detail = "; ".join(f"{k}: cần {a}, có {b}" for k, (a, b) in sorted(wrong.items()))
                raise BackupError("Khôi phục không khớp số bản ghi, đã hủy toàn bộ: " + detail)
        media_src = tmp / "media"
        media_root = Path(settings.MEDIA_ROOT)
        restored_files = 0
        if media_src.is_dir():
            for src in media_src.rglob("*"):
                if src.is_file():
                    dst = media_root / src.relative_to(media_src)
                    dst.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(src, dst)
                    restored_files += 1
    return {"counts": counts, "total_objects": sum(counts.values()), "media_files": restored_files,
            "created_at": manifest["created_at"], "source_database": manifest["source_database"]}

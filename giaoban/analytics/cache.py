"""The engine's cache: the stamp cache of giaoban.org.stamp (it lives in org so that the data-entry
form below analytics caches its indicators and rules by the same stamp)."""

from giaoban.org.stamp import STAMP_TABLE, TRIGGER_PREFIX, clear, create_table, drop_table, entries, install_triggers, watched_tables

__all__ = ["STAMP_TABLE", "TRIGGER_PREFIX", "clear", "create_table", "drop_table", "entries", "install_triggers", "watched_tables"]

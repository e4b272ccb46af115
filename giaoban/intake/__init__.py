"""Đọc số liệu: the Django side of figure extraction (the engine itself is giaoban.textfigures)."""

"""Spreadsheet cells that stay what was typed (OWASP CSV injection rule).

Text that starts with '=', '+', '-', '@', a tab or a carriage return is read as a formula by
spreadsheet programs: a comment '=HYPERLINK(…)' in an export becomes a live link in the
approver's Excel. In .csv such text gets a leading apostrophe (shown by spreadsheets, read back
as text); in .xlsx the cell is stored as text, so the words stay exactly as typed. Numbers stay
numbers: '-3' and '+1.5' are not touched.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def needs_quote(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text)


def csv_field(value):
    """A CSV field that a spreadsheet program reads as text, not as a formula."""
    if isinstance(value, str) and needs_quote(value):
        return "'" + value
    return value


def xlsx_text(cell):
    """Keep an openpyxl cell written from text a text cell (openpyxl stores '=…' as a formula)."""
    if isinstance(cell.value, str) and cell.data_type == "f":
        cell.data_type = "s"
    return cell

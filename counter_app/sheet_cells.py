"""Spreadsheet cells filled from typed data: text that begins with "=" stays text, never becomes a formula."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def keep_as_text(cells: Iterable[Any]) -> None:
    """Mark each openpyxl cell holding a string that starts with "=" as text. openpyxl stores such a string
    as a formula, so a citizen's name "=HYPERLINK(…)" would run in the clerk's spreadsheet program."""
    for cell in cells:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"

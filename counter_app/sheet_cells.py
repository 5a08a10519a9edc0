"""Spreadsheet cells filled from typed data: text that could start a formula stays text, never becomes one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def keep_as_text(cells: Iterable[Any]) -> None:
    """Mark each openpyxl cell holding a string that starts with "=" as text. openpyxl stores such a string
    as a formula, so a citizen's name "=HYPERLINK(…)" would run in the clerk's spreadsheet program."""
    for cell in cells:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


def csv_text(value: Any) -> Any:
    """A CSV cell that a spreadsheet program will not run: text starting like a formula ("=", "@", "+", "-", a
    tab) gets a leading apostrophe (OWASP's advice); numbers, and a phone number such as "+84 912 345 678", are
    left as they are."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if value[0] in "+-" and value[1:].replace(" ", "").isdigit():
        return value
    return "'" + value

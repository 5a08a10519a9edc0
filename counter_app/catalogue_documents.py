"""Reads published document lists: conditional rows, alternatives groups, "xuất trình" and headings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

from counter_app.textfold import fold, nfc

_MARKER: Final = re.compile(r"^\s*([-–—•*+○◦·]|[a-zđ][).]|\d{1,2}[.)](?!\d)|[ivx]{1,4}[.)])\s*", re.IGNORECASE)
_GROUP: Final = re.compile(r"mot trong (cac|nhung|so)\b|mot trong hai|mot trong ba|1 trong (cac|nhung)")
_IF_ANY: Final = re.compile(r"\(?\s*neu co\s*\)?")
_CASE: Final = re.compile(r"^(doi voi |trong |voi )?(truong hop|neu)\b")
_SHOW: Final = re.compile(r"xuat trinh")
_CONDITION_LIMIT: Final = 300


@dataclass
class DocumentLine:
    """One published document line, with what the wording says about it."""

    name: str
    extra: dict[str, Any] = field(default_factory=dict)
    condition: str = ""
    group: str = ""
    show_only: bool = False


def split_lines(cell: str) -> list[str]:
    """A cell's document list, one document a line (blank lines dropped)."""
    return [line.strip() for line in nfc(cell).splitlines() if line.strip()]


def classify(entries: list[tuple[str, dict[str, Any]]]) -> list[DocumentLine]:
    """Documents in order, headings ("Trường hợp …:", "… một trong các giấy tờ sau:") applied to the
    sub-items under them; a heading with no sub-items stays a (non-blocking) row of its own."""
    result: list[DocumentLine] = []
    index = 0
    while index < len(entries):
        name, extra = entries[index]
        marker, text = _split_marker(name)
        folded = fold(text)
        members = _members(entries, index, marker) if _is_heading(folded) else 0
        if members:
            label = text.rstrip(" :")
            for sub_name, sub_extra in entries[index + 1: index + 1 + members]:
                line = _line(_split_marker(sub_name)[1], sub_extra)
                if _GROUP.search(folded):
                    line.group = label
                elif not line.condition:
                    line.condition = label[:_CONDITION_LIMIT]
                result.append(line)
            index += members + 1
            continue
        result.append(_line(text, extra))
        index += 1
    return result


def _line(text: str, extra: dict[str, Any]) -> DocumentLine:
    folded = fold(text)
    line = DocumentLine(name=text.strip(), extra=extra, show_only=bool(_SHOW.search(folded)))
    if _CASE.match(folded):
        head = re.split(r"[:;]", text, maxsplit=1)[0]
        line.condition = head.strip()[:_CONDITION_LIMIT]
    elif _IF_ANY.search(folded):
        line.condition = "nếu có"
    elif _GROUP.search(folded) and text.rstrip().endswith(":"):
        line.condition = text.rstrip(" :")[:_CONDITION_LIMIT]
    return line


def _is_heading(folded: str) -> bool:
    return folded.rstrip().endswith(":") and bool(_GROUP.search(folded) or _CASE.match(folded))


def _members(entries: list[tuple[str, dict[str, Any]]], index: int, marker: str) -> int:
    """How many entries after `index` are its sub-items: marked, and not with the heading's own marker."""
    count = 0
    for name, _ in entries[index + 1:]:
        sub_marker, text = _split_marker(name)
        if not sub_marker or _kind(sub_marker) == _kind(marker) or _is_heading(fold(text)):
            break
        count += 1
    return count


def _split_marker(name: str) -> tuple[str, str]:
    found = _MARKER.match(name)
    if not found:
        return "", name.strip()
    return found.group(1), name[found.end():].strip()


def _kind(marker: str) -> str:
    if not marker:
        return ""
    if re.fullmatch(r"\d+[.)]", marker):
        return "number"
    if re.fullmatch(r"[ivx]+[.)]", marker, re.IGNORECASE):
        return "roman"
    if re.fullmatch(r"[a-zđ][.)]", marker, re.IGNORECASE):
        return "letter"
    return marker

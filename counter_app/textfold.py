"""Vietnamese text folding for diacritics-insensitive search (đ → d included)."""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"[0-9a-z]+")


def nfc(text: str) -> str:
    """Text normalised to NFC, the form stored and printed (input methods may send NFD)."""
    return unicodedata.normalize("NFC", text)


def _strip_table() -> dict[int, str | None]:
    """Each precomposed Latin letter (U+00C0–U+024F, U+1E00–U+1EFF) → its base letters; combining marks → ∅."""
    table: dict[int, str | None] = {ord("đ"): "d", ord("Đ"): "D"}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        base = "".join(ch for ch in unicodedata.normalize("NFD", chr(code)) if unicodedata.category(ch) != "Mn")
        if base != chr(code) and code not in table:
            table[code] = base
    table.update({code: None for code in range(0x300, 0x370)})
    return table


_STRIP = _strip_table()


def one_line(value: object) -> str:
    """A published value as one line of NFC text ('' for None or ''): runs of whitespace become one space."""
    return " ".join(nfc(str(value)).split()) if value not in (None, "") else ""


def fold(text: str) -> str:
    """Lower-case text without diacritics: 'NGUYỄN VĂN ĐỨC' → 'nguyen van duc'."""
    stripped = unicodedata.normalize("NFC", text).translate(_STRIP)
    if stripped.isascii():
        return stripped.casefold()
    decomposed = unicodedata.normalize("NFD", stripped)  # letters outside the table keep the slow, exact path
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn").casefold()


def tokens(text: str) -> list[str]:
    """The folded alphanumeric words of `text`, as indexed and as searched."""
    return _TOKEN.findall(fold(text))


def search_document(*parts: str | None) -> str:
    """One folded, space-separated string of every searchable part."""
    return " ".join(token for part in parts if part for token in tokens(part))

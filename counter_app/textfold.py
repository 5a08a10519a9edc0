"""Vietnamese text folding for diacritics-insensitive search (đ → d included)."""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"[0-9a-z]+")


def nfc(text: str) -> str:
    """Text normalised to NFC, the form stored and printed (input methods may send NFD)."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case text without diacritics: 'NGUYỄN VĂN ĐỨC' → 'nguyen van duc'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return stripped.casefold()


def tokens(text: str) -> list[str]:
    """The folded alphanumeric words of `text`, as indexed and as searched."""
    return _TOKEN.findall(fold(text))


def search_document(*parts: str | None) -> str:
    """One folded, space-separated string of every searchable part."""
    return " ".join(token for part in parts if part for token in tokens(part))

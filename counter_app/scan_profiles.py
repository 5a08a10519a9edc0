"""Which scanner settings a document gets, chosen from what the document is (a form, a certificate, a photo)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from counter_app.paths import resource
from counter_app.ports import ColourMode, ScanSettings
from counter_app.textfold import fold

PROFILE_FILE: Final = resource("catalogue", "scan-profiles.json")


@dataclass(frozen=True)
class ProfileRule:
    """Documents whose folded name contains one of `words` are scanned with `settings`."""

    words: tuple[str, ...]
    settings: ScanSettings
    procedures: tuple[str, ...] = ()  # empty: every procedure


def load_rules(path: Path = PROFILE_FILE) -> list[ProfileRule]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [ProfileRule(tuple(fold(word) for word in rule["words"]),
                        ScanSettings(dpi=int(rule["dpi"]), mode=ColourMode(rule["mode"])),
                        tuple(rule.get("procedures", ())))
            for rule in data["rules"]]


def profile_for(procedure_code: str, document_name: str, rules: list[ProfileRule] | None = None) -> ScanSettings:
    """The first matching rule's settings; colour at 300 dpi when none matches (compression decides later)."""
    name = fold(document_name)
    for rule in rules if rules is not None else load_rules():
        if (not rule.procedures or procedure_code in rule.procedures) and any(word in name for word in rule.words):
            return rule.settings
    return ScanSettings(dpi=300, mode=ColourMode.COLOUR)

"""The app-wide "changed" signal: what a service result or a sync round touched, so every view refreshes."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class Changes:
    """What changed: dossiers (by code or id; empty with `dossiers` True means "some"), users, settings, sync."""

    dossiers: bool = False
    refs: frozenset[str] = field(default_factory=frozenset)
    users: bool = False
    office: bool = False
    sync: bool = False

    @classmethod
    def dossier(cls, ref: str) -> Changes:
        return cls(dossiers=True, refs=frozenset({ref}))


class AppSignals(QObject):
    """One per application (made by the main window, handed to the views); `changed` carries a `Changes`."""

    changed = Signal(object)

    def emit_changes(self, changes: Changes) -> None:
        self.changed.emit(changes)

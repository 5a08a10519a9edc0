"""The status bar's items, each in its own separated cell: user and role, office, sync, outbox, clock."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from counter_app.clock import local, now
from ui import theme


def role_name(role: str) -> str:
    """A role (counter_app.model.Role, a str) as the screens name it (Vietnamese by default)."""
    names = {
        "clerk": QCoreApplication.translate("Roles", "One-stop clerk"),
        "leader": QCoreApplication.translate("Roles", "Leader"),
        "postal": QCoreApplication.translate("Roles", "Postal staff"),
        "admin": QCoreApplication.translate("Roles", "Administrator"),
    }
    return names.get(str(role), str(role))


class StatusItems(QObject):
    """Owns the labels; texts are words, never a file path."""

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self.user = QLabel(self.tr("Not logged in"))
        self.office = QLabel(self.tr("Opening the data…"))
        self.sync = QLabel(self.tr("Sync: not set up"))
        self.outbox = QLabel(self.tr("Outbox: —"))
        self.clock = QLabel()
        for label in (self.user, self.office, self.sync, self.outbox):
            bar.addWidget(label)
        bar.addPermanentWidget(self.clock)
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self._tick()

    def set_user(self, full_name: str, role: str) -> None:
        self.user.setText(self.tr("{0} ({1})").format(full_name, role_name(role)))

    def set_sync(self, state: str, outbox: str, alarm: bool) -> None:
        self.sync.setText(self.tr("Sync: {0}").format(state))
        self.outbox.setText(self.tr("Outbox: {0}").format(outbox))
        for label in (self.sync, self.outbox):
            theme.set_tone(label, "danger" if alarm else "")

    def _tick(self) -> None:
        self.clock.setText(f"{local(now()):%H:%M  %d/%m/%Y}")  # Vietnamese time, whatever the PC's zone

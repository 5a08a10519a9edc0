"""The sync screen: connection and outbox state, what is not yet at the province per dossier, conflicts,
"sync now", enrolment with a one-time code, and the USB bundle for days without a link."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.clock import local
from counter_app.services import outbox, queries, refusals
from counter_app.services.queries import DossierFilter
from counter_app.storage.database import Database
from counter_app.updates.state import UpdateState
from ui import i18n, tasks
from ui.replace_form import ReplaceForm
from ui.sync_controller import WARN_DAYS_KEY, SyncController, SyncSnapshot
from ui.table_models import RowsModel

if TYPE_CHECKING:
    from sync.replace import RebuildReport

RECENT_DOSSIERS = 100


class SyncView(QWidget):
    def __init__(self, database: Database, controller: SyncController, settings: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.controller, self.settings = database, controller, settings
        self._task: tasks.Task | None = None
        self.state_label, self.outbox_label, self.last_label = QLabel(), QLabel(), QLabel()
        self.error_label, self.update_label = QLabel(), QLabel()
        self.error_label.setWordWrap(True)
        self.update_label.setWordWrap(True)
        self.conflicts = QListWidget()
        self.dossiers = RowsModel([self.tr("Code"), self.tr("Applicant"), self.tr("At the province")])
        self.table = QTableView()
        self.table.setModel(self.dossiers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.hub_url, self.code = QLineEdit(), QLineEdit()
        self.hub_url.setPlaceholderText("https://…")
        self.warn_days = QSpinBox(minimum=1, maximum=60, value=int(str(settings.value(WARN_DAYS_KEY, 3))))
        self.warn_days.setSuffix(self.tr(" days"))
        self.enrol_button = QPushButton(self.tr("Enrol with the hub"))
        self.replace_form = ReplaceForm(self)
        self.export_button = QPushButton(self.tr("Write a USB bundle…"))
        self.ack_button = QPushButton(self.tr("Read the hub's acknowledgement…"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._arrange()
        self.sync_button.clicked.connect(controller.run_now)
        self.enrol_button.clicked.connect(self.enrol)
        self.export_button.clicked.connect(self.export_bundle)
        self.ack_button.clicked.connect(self.import_ack)
        self.warn_days.valueChanged.connect(self._set_warn_days)
        controller.changed.connect(self.show_snapshot)
        controller.round_failed.connect(self.message.setText)

    def _arrange(self) -> None:
        state = QGroupBox(self.tr("Provincial hub"))
        form = QFormLayout(state)
        form.addRow(self.tr("Connection"), self.state_label)
        form.addRow(self.tr("Waiting to be sent"), self.outbox_label)
        form.addRow(self.tr("Last complete sync"), self.last_label)
        form.addRow(QLabel(self.tr("New version of Counter")))
        form.addRow(self.update_label)  # the whole width: a refusal's reason is a sentence or two
        form.addRow(self.error_label)
        form.addRow(self.sync_button)
        setup = QGroupBox(self.tr("Set-up and USB"))
        form = QFormLayout(setup)
        form.addRow(self.tr("Hub address"), self.hub_url)
        form.addRow(self.tr("One-time code"), self.code)
        self.replace_form.add_to(form)
        form.addRow(self.enrol_button)
        form.addRow(self.tr("Warn when nothing has synced for"), self.warn_days)
        form.addRow(self.export_button)
        form.addRow(self.ack_button)
        left = QVBoxLayout()
        for widget in (state, setup, QLabel(self.tr("Conflicts to resolve")), self.conflicts, self.message):
            left.addWidget(widget)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Recent dossiers")))
        right.addWidget(self.table)
        row = QHBoxLayout(self)
        row.addLayout(left, 1)
        row.addLayout(right, 2)

    def _set_warn_days(self, days: int) -> None:
        self.settings.setValue(WARN_DAYS_KEY, days)
        self.controller.refresh()

    def show_snapshot(self, snapshot: SyncSnapshot) -> None:
        state = snapshot.summary.state
        self.state_label.setText(status_text(snapshot))
        self.outbox_label.setText(outbox_text(snapshot))
        self.last_label.setText(local_time(state.last_success) or self.tr("never"))
        self.error_label.setText(state.halted or state.last_error)
        self.error_label.setStyleSheet("color: #b00000" if state.halted else "")
        self.outbox_label.setStyleSheet("color: #b00000; font-weight: bold" if snapshot.overdue else "")
        self.update_label.setText(update_text(snapshot.update))
        self.update_label.setStyleSheet("color: #b00000" if snapshot.update.status in ("refused", "failed") else "")
        self.conflicts.clear()
        self.conflicts.addItems(list(state.conflicts))
        if not self.hub_url.text():
            self.hub_url.setText(state.hub_url)
        self.sync_button.setEnabled(state.enrolled and not snapshot.running)
        self._load_dossiers()

    def _load_dossiers(self) -> None:
        database = self.database

        lang = i18n.language()

        def work() -> list[tuple[str, str, bool, str]]:
            recent = queries.list_page(database, DossierFilter(), None, RECENT_DOSSIERS)
            ids = [uuid.UUID(str(d.id)) for d in recent]
            synced, refused = outbox.dossier_synced(database, ids), refusals.by_dossier(database, ids, lang)
            return [(str(d.code or d.id), d.applicant_name, synced[key], refused.get(key, ""))
                    for d, key in zip(recent, ids, strict=True)]

        self._task = tasks.start(work, self._show_dossiers, self.message.setText, owner=self)

    def _show_dossiers(self, rows: list[tuple[str, str, bool, str]]) -> None:
        """Each dossier: at the province, not yet, or «Tỉnh từ chối: …» with the reason."""
        self.dossiers.set_rows([(code, name, refused or (self.tr("yes") if done else self.tr("not yet")))
                                for code, name, done, refused in rows])


    def enrol(self) -> None:
        database, url, code = self.database, self.hub_url.text().strip(), self.code.text().strip()
        self.message.setText(self.tr("Enrolling…"))
        if self.replace_form.device():
            self._replace(url, code, self.replace_form.device())
            return
        from sync.client import enrol  # noqa: PLC0415 (HTTP loads when used)

        self._task = tasks.start(lambda: enrol(database, url, code), self._enrolled, self.message.setText,
                                 owner=self)

    def _enrolled(self, state: outbox.SyncState) -> None:
        self.code.clear()
        self.message.setText(self.tr("Enrolled with {0} for office {1}.").format(state.hub_url, state.office_code))
        self.controller.run_now()

    def _replace(self, url: str, code: str, device: str) -> None:
        """Enrol as the dead counter's replacement and rebuild, on a worker that reports its progress."""
        from sync.replace import enrol_replacement  # noqa: PLC0415 (HTTP loads when used)

        database, form = self.database, self.replace_form
        form.started()
        self.enrol_button.setEnabled(False)
        self._task = tasks.start_reporting(
            lambda report: enrol_replacement(database, url, code, device,
                                             progress=lambda *step: report(step)),
            form.step, self._replaced, self._replace_failed, owner=self)

    def _replaced(self, report: RebuildReport) -> None:
        self.code.clear()
        self.replace_form.finished(True)
        self.enrol_button.setEnabled(True)
        following = min((v + 1 for k, v in report.reserved.items() if k.startswith("code:")), default=1)
        self.message.setText(self.tr("This PC now replaces device {0}: {1} dossiers and {2} scans rebuilt "
                                     "from the hub. Today's dossier numbers continue from {3}.").format(
            report.replaced, i18n.number(report.dossiers), i18n.number(report.scans), following))
        self.controller.run_now()

    def _replace_failed(self, message: str) -> None:
        self.replace_form.finished(False)
        self.enrol_button.setEnabled(True)
        self.message.setText(message)
        self.controller.refresh()

    def export_bundle(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("USB stick or folder"))
        if folder:
            self.write_bundle(Path(folder))

    def write_bundle(self, folder: Path) -> None:
        from sync import bundle, keys  # noqa: PLC0415 (cryptography loads when used)

        database = self.database
        self._task = tasks.start(lambda: bundle.export(database, keys.device_key(database.data_dir), folder),
                                 lambda path: self.message.setText(self.tr("Bundle written: {0}").format(path)),
                                 self.message.setText, owner=self)

    def import_ack(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The hub's acknowledgement"), "", "ack-*.json")
        if path:
            self.read_ack(Path(path))

    def read_ack(self, path: Path) -> None:
        from sync import bundle  # noqa: PLC0415

        database = self.database
        self._task = tasks.start(lambda: bundle.apply_ack(database, path), self._ack_read, self.message.setText,
                                 owner=self)

    def _ack_read(self, _state: outbox.SyncState) -> None:
        self.message.setText(self.tr("Acknowledgement read."))
        self.controller.refresh()


def status_text(snapshot: SyncSnapshot) -> str:
    state = snapshot.summary.state
    translate = QCoreApplication.translate
    states = ((not state.enrolled, translate("SyncView", "not set up")),
              (bool(state.revoked), translate("SyncView", "STOPPED: this PC was replaced by another one")),
              (state.rebuilding, translate("SyncView", "rebuilding from the hub…")),
              (bool(state.halted), translate("SyncView", "STOPPED: an administrator must check")),
              (snapshot.running, translate("SyncView", "sending…")),
              (bool(state.last_error), translate("SyncView", "no connection, will retry")))
    return next((text for holds, text in states if holds), translate("SyncView", "connected"))


def update_text(update: UpdateState) -> str:
    """The app's own update in one line: none, on its way, ready for the next start, or why it was refused."""
    if not update.version:
        return QCoreApplication.translate("SyncView", "none announced")
    if update.status == "ready":
        return QCoreApplication.translate("SyncView", "{0}: ready, installs at the next start").format(
            update.version)
    if update.status in ("refused", "failed"):
        return update.message
    if update.status == "installed":
        return QCoreApplication.translate("SyncView", "{0}: installed").format(update.version)
    text = QCoreApplication.translate("SyncView", "{0}: downloading, {1} of {2} MB").format(
        update.version, i18n.number(update.received / 1e6, 1), i18n.number(update.size / 1e6, 1))
    return f"{text} — {update.message}" if update.message else text


def outbox_text(snapshot: SyncSnapshot) -> str:
    summary = snapshot.summary
    text = QCoreApplication.translate("SyncView", "{0} events, {1} files ({2} MB)").format(
        i18n.number(summary.events), i18n.number(summary.blobs), i18n.number(summary.blob_bytes / 1e6, 1))
    if snapshot.overdue:
        days = snapshot.days_since_sync
        text += " — " + (QCoreApplication.translate("SyncView", "never synced!") if days is None else
                         QCoreApplication.translate("SyncView", "not synced for {0} days!").format(days))
    return text


def local_time(iso: str) -> str:
    return f"{local(dt.datetime.fromisoformat(iso)):%H:%M %d/%m/%Y}" if iso else ""

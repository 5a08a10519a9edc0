"""One dossier: its fields, documents, full history, and the actions legal in its state (and only those)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.clock import local
from counter_app.lifecycle import Action, label
from counter_app.model import Dossier, ReceivedDocument
from counter_app.services.processing import suggested_new_due
from counter_app.services.queries import get_dossier
from counter_app.services.users import full_names
from counter_app.storage.database import Database
from ui import tasks, theme
from ui.action_dialog import DESTRUCTIVE, EXPECTED_NEXT, OFFERED, ActionDialog
from ui.dossier_header import DossierHeader
from ui.table_models import RowsModel

if TYPE_CHECKING:
    from scanning.verification import SignatureReport
    from ui.sign_dialog import SignDialog


@dataclass(frozen=True)
class _Loaded:
    dossier: Dossier
    names: dict[str, str]
    suggested_due: dt.date | None


def _load(database: Database, ref: str) -> _Loaded:
    """The dossier, who is who in its history, and the extension dialog's proposal; on a worker."""
    dossier = get_dossier(database, ref)
    suggested = suggested_new_due(database, ref) if Action.EXTEND in dossier.allowed_actions else None
    return _Loaded(dossier, full_names(database), suggested)


def _when(moment: object) -> str:
    return f"{local(moment):%H:%M %d/%m/%Y}" if moment else ""  # type: ignore[arg-type]


class DossierView(QWidget):
    """`show_dossier(ref)` loads on a worker; each action runs on a worker and the view reloads after it."""

    changed = Signal(object)
    print_requested = Signal(str)

    def __init__(
        self, database: Database, actor: Callable[[], str], language: str = "vi", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database, self.actor, self.language = database, actor, language
        self.opener: Callable[[Path], object] = lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.settings = QSettings()
        self.sign_dialog: SignDialog | None = None
        self.sign_button: QPushButton | None = None
        self._signature_task: tasks.Task | None = None
        self._open_task: tasks.Task | None = None
        self.dossier: Dossier | None = None
        self.dialog: ActionDialog | None = None
        self._task: tasks.Task | None = None
        self.header = DossierHeader(language)
        self.back_requested = self.header.back.clicked
        self.names: dict[str, str] = {}
        self.suggested_due: dt.date | None = None
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.documents = RowsModel(
            [self.tr("Document"), self.tr("Original / copy"), self.tr("Copies"), self.tr("Digitised")], self
        )
        self.history = RowsModel([self.tr("Time"), self.tr("Action"), self.tr("By"), self.tr("Details")], self)
        self.actions_row = QHBoxLayout()
        self.action_buttons: dict[Action, QPushButton] = {}
        self.print_button: QPushButton | None = None
        self._arrange()

    def _arrange(self) -> None:
        grid = QGridLayout(self)
        grid.addWidget(self.header, 0, 0, 1, 2)
        for column, (caption, model) in enumerate(
            ((self.tr("Documents received"), self.documents), (self.tr("History"), self.history))
        ):
            box = QVBoxLayout()
            box.addWidget(theme.set_role(QLabel(caption), "heading"))
            table = QTableView()
            table.setModel(model)
            table.verticalHeader().hide()
            table.setAlternatingRowColors(True)
            table.setWordWrap(True)
            if model is self.documents:
                table.activated.connect(lambda index: self.open_document(index.row()))
                self.documents_table = table
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setSectionResizeMode(0 if model is self.documents else 3,
                                                          QHeaderView.ResizeMode.Stretch)
            box.addWidget(table)
            grid.addLayout(box, 2, column)
        grid.addLayout(self.actions_row, 3, 0, 1, 2)
        grid.addWidget(self.message, 4, 0, 1, 2)
        grid.setRowStretch(2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def show_dossier(self, ref: str) -> None:
        database = self.database
        self.message.setText(self.tr("Loading…"))
        self._task = tasks.start(lambda: _load(database, ref), self._loaded, self._error, owner=self)

    def _loaded(self, loaded: _Loaded) -> None:
        self.names, self.suggested_due = loaded.names, loaded.suggested_due
        self.display(loaded.dossier)

    def display(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.message.clear()
        self.header.show_dossier(dossier)
        kinds = {"original": self.tr("Original"), "certified_copy": self.tr("Certified copy"), "copy": self.tr("Copy")}
        self.documents.set_rows(
            [
                (
                    d.name,
                    kinds[d.kind.value],
                    str(d.copies),
                    self.tr("signed PDF") if d.signed else (self.tr("PDF") if d.blob_sha256 else ""),
                )
                for d in dossier.documents
            ],
            list(dossier.documents),
        )
        self._check_signatures(dossier)
        self.history.set_rows(
            [(_when(e.at), label(e.type, self.language).capitalize(), self.names.get(e.actor, e.actor),
              _payload_text(e.payload)) for e in reversed(dossier.events)]
        )
        self._rebuild_actions(dossier)

    def _check_signatures(self, dossier: Dossier) -> None:
        """Read each digitised PDF and check its signatures on a worker; the column says what was found."""
        database, digests = self.database, {d.position: d.blob_sha256 for d in dossier.documents if d.blob_sha256}
        if not digests:
            return

        def work() -> dict[int, list[SignatureReport]]:
            from scanning.verification import office_roots, verify  # noqa: PLC0415 (pyHanko: on a worker)

            roots = office_roots(database.data_dir)
            return {position: verify(database.blobs.read(digest), roots) for position, digest in digests.items()}

        self._signature_task = tasks.start(work, self._show_signatures, self._error, owner=self)

    def _show_signatures(self, found: dict[int, list[SignatureReport]]) -> None:
        rows = []
        for row, document in zip(self.documents.rows, self.documents.payloads, strict=True):
            reports = found.get(document.position, []) if isinstance(document, ReceivedDocument) else []
            rows.append((*row[:3], self._signature_text(reports) if reports else row[3]))
        self.documents.set_rows(rows, self.documents.payloads)

    def _signature_text(self, reports: list[SignatureReport]) -> str:
        signatures = [r for r in reports if r.kind == "signature"]
        if any(not r.valid for r in reports):
            return self.tr("MODIFIED after signing!")
        names = ", ".join(r.signer for r in signatures)
        notes = [self.tr("Signed by {0}, intact").format(names)]
        if signatures and all(r.trusted for r in signatures):
            notes.append(self.tr("trusted CA"))
        if any(r.kind == "timestamp" for r in reports):
            notes.append(self.tr("time-stamped"))
        if signatures and all(r.long_term for r in signatures):
            notes.append(self.tr("long-term validation data"))
        return ", ".join(notes)

    def open_document(self, row: int) -> None:
        """Write the PDF to the data folder's 'opened' folder and hand it to the system's PDF viewer."""
        document = self.documents.payload(row)
        if not isinstance(document, ReceivedDocument) or not document.blob_sha256 or self.dossier is None:
            return
        database, digest = self.database, document.blob_sha256
        target = database.data_dir / "opened" / f"{self.dossier.code or self.dossier.id}-{document.position:02d}.pdf"

        def work() -> Path:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(database.blobs.read(digest))
            return target

        self._open_task = tasks.start(work, self._open, self._error, owner=self)

    def _open(self, path: Path) -> None:
        self.opener(path)

    def _rebuild_actions(self, dossier: Dossier) -> None:
        while self.actions_row.count():
            item = self.actions_row.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.action_buttons = {}
        self.sign_button = None
        allowed = [action for action in OFFERED if action in dossier.allowed_actions]
        expected = next((action for action in EXPECTED_NEXT if action in allowed), None)
        for action in sorted(allowed, key=lambda a: (a in DESTRUCTIVE, a is not expected)):
            if action in DESTRUCTIVE and not any(a in DESTRUCTIVE for a in self.action_buttons):
                self.actions_row.addStretch()  # the irreversible ones set apart, at the far right
            button = QPushButton(label(action, self.language).capitalize() + ("…" if action in DESTRUCTIVE else ""))
            theme.set_kind(button, "destructive" if action in DESTRUCTIVE else
                           "primary" if action is expected else "")
            button.clicked.connect(lambda _=False, chosen=action: self.open_action(chosen))
            self.actions_row.addWidget(button)
            self.action_buttons[action] = button
        position = len(self.action_buttons) - sum(a in DESTRUCTIVE for a in self.action_buttons)
        if any(d.blob_sha256 and not d.signed for d in dossier.documents):
            sign = QPushButton(self.tr("Sign digitised documents…"))
            sign.clicked.connect(self.open_sign)
            self.actions_row.insertWidget(position, sign)
            self.sign_button = sign
            position += 1
        self.print_button = QPushButton(theme.icon("printer"), self.tr("Print a form…"))
        self.print_button.clicked.connect(lambda: self.print_requested.emit(str(dossier.code or dossier.id)))
        self.actions_row.insertWidget(position, self.print_button)
        if expected is not None:
            self.action_buttons[expected].setDefault(True)

    def open_sign(self) -> SignDialog | None:
        if self.dossier is None:
            return None
        from ui.sign_dialog import SignDialog  # noqa: PLC0415 (pyHanko loads when signing)

        self.sign_dialog = SignDialog(self.settings, self)
        self.sign_dialog.accepted.connect(self._sign)
        self.sign_dialog.open()
        return self.sign_dialog

    def _sign(self) -> None:
        assert self.sign_dialog is not None and self.dossier is not None
        source, pin = self.sign_dialog.source(), self.sign_dialog.take_pin()
        database, actor, ref = self.database, self.actor(), str(self.dossier.code or self.dossier.id)
        self.message.setText(self.tr("Signing…"))
        from scanning.dossier_signing import sign_dossier  # noqa: PLC0415

        self._task = tasks.start(lambda: sign_dossier(database, ref, source, pin, actor),
                                 lambda _signed: self.show_dossier(ref), self._error, owner=self)

    def open_action(self, action: Action) -> ActionDialog | None:
        if self.dossier is None or action not in self.dossier.allowed_actions:
            return None
        self.dialog = ActionDialog(action, self.dossier, self.language, self, suggested_due=self.suggested_due)
        self.dialog.accepted.connect(self._run_dialog)
        self.dialog.open()
        return self.dialog

    def _run_dialog(self) -> None:
        assert self.dialog is not None
        call, database, actor = self.dialog.work(), self.database, self.actor()
        self.message.setText(self.tr("Saving…"))
        self._task = tasks.start(lambda: call(database, actor), self._done, self._error_in_dialog, owner=self)

    def _done(self, dossier: Dossier) -> None:
        self.display(dossier)
        self.changed.emit(dossier)

    def _error_in_dialog(self, message: str) -> None:
        self._error(message)
        if self.dialog is not None:
            self.dialog.open()  # the clerk corrects what was typed; nothing was saved

    def _error(self, message: str) -> None:
        self.message.setText(message)
        self.message.setStyleSheet("color: #b00000")


def _payload_text(payload: dict[str, object]) -> str:
    keys = ("code", "to", "reason", "note", "recipient_name", "postal_item", "authorisation")
    return "; ".join(str(payload[key]) for key in keys if payload.get(key))

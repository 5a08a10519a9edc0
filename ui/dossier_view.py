"""One dossier: its fields, documents, full history, and the actions legal in its state (and only those)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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
from counter_app.fees import format_amount
from counter_app.lifecycle import Action, label
from counter_app.model import Delivery, Dossier, ReceivedDocument
from counter_app.services.queries import get_dossier
from counter_app.storage.database import Database
from scanning.dossier_signing import sign_dossier
from scanning.verification import SignatureReport, office_roots, verify
from ui import tasks
from ui.action_dialog import OFFERED, ActionDialog
from ui.sign_dialog import SignDialog
from ui.table_models import RowsModel


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
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: bold")
        self.title.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
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
        grid.addWidget(self.title, 0, 0, 1, 2)
        grid.addWidget(self.details, 1, 0, 1, 2)
        for column, (caption, model) in enumerate(
            ((self.tr("Documents received"), self.documents), (self.tr("History"), self.history))
        ):
            box = QVBoxLayout()
            box.addWidget(QLabel(f"<b>{caption}</b>"))
            table = QTableView()
            table.setModel(model)
            if model is self.documents:
                table.activated.connect(lambda index: self.open_document(index.row()))
                self.documents_table = table
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
            box.addWidget(table)
            grid.addLayout(box, 2, column)
        grid.addLayout(self.actions_row, 3, 0, 1, 2)
        grid.addWidget(self.message, 4, 0, 1, 2)
        grid.setRowStretch(2, 1)

    def show_dossier(self, ref: str) -> None:
        database = self.database
        self.message.setText(self.tr("Loading…"))
        self._task = tasks.start(lambda: get_dossier(database, ref), self.display, self._error, owner=self)

    def display(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.message.clear()
        status = label(dossier.status, self.language)
        late = self.tr(" — OVERDUE") if dossier.overdue else ""
        self.title.setText(f"{dossier.code or self.tr('(no code)')} · {status}{late}")
        self.details.setText(self._details(dossier))
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
            [(_when(e.at), label(e.type, self.language), e.actor, _payload_text(e.payload)) for e in dossier.events]
        )
        self._rebuild_actions(dossier)

    def _check_signatures(self, dossier: Dossier) -> None:
        """Read each digitised PDF and check its signatures on a worker; the column says what was found."""
        database, digests = self.database, {d.position: d.blob_sha256 for d in dossier.documents if d.blob_sha256}
        if not digests:
            return

        def work() -> dict[int, list[SignatureReport]]:
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

    def _details(self, dossier: Dossier) -> str:
        person = dossier.applicant
        delivery = (
            self.tr("by post to {0}").format(dossier.delivery_address)
            if (dossier.delivery is Delivery.POSTAL)
            else self.tr("at the counter")
        )
        lines = [
            f"{dossier.procedure.code} — {dossier.procedure.name}",
            self.tr("Applicant: {0}, CCCD {1}, {2}").format(person.full_name, person.id_number, person.address),
            self.tr("Phone: {0}   Email: {1}").format(person.phone or "—", person.email or "—"),
            self.tr("Accepted: {0}   Due: {1}").format(_when(dossier.accepted_at) or "—", _when(dossier.due_at) or "—"),
            self.tr("Result delivery: {0}   Fee: {1} đồng").format(delivery, format_amount(dossier.fee_amount)),
        ]
        if dossier.missing_documents:
            lines.append(self.tr("Missing: {0}").format("; ".join(dossier.missing_documents)))
        return "<br>".join(_escape(line) for line in lines)

    def _rebuild_actions(self, dossier: Dossier) -> None:
        while self.actions_row.count():
            item = self.actions_row.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.action_buttons = {}
        self.sign_button = None
        for action in OFFERED:
            if action in dossier.allowed_actions:
                button = QPushButton(label(action, self.language).capitalize())
                button.clicked.connect(lambda _=False, chosen=action: self.open_action(chosen))
                self.actions_row.addWidget(button)
                self.action_buttons[action] = button
        if any(d.blob_sha256 and not d.signed for d in dossier.documents):
            sign = QPushButton(self.tr("Sign digitised documents…"))
            sign.clicked.connect(self.open_sign)
            self.actions_row.addWidget(sign)
            self.sign_button = sign
        self.print_button = QPushButton(self.tr("Print a form…"))
        self.print_button.clicked.connect(lambda: self.print_requested.emit(str(dossier.code or dossier.id)))
        self.actions_row.addStretch()
        self.actions_row.addWidget(self.print_button)

    def open_sign(self) -> SignDialog | None:
        if self.dossier is None:
            return None
        self.sign_dialog = SignDialog(self.settings, self)
        self.sign_dialog.accepted.connect(self._sign)
        self.sign_dialog.open()
        return self.sign_dialog

    def _sign(self) -> None:
        assert self.sign_dialog is not None and self.dossier is not None
        source, pin = self.sign_dialog.source(), self.sign_dialog.take_pin()
        database, actor, ref = self.database, self.actor(), str(self.dossier.code or self.dossier.id)
        self.message.setText(self.tr("Signing…"))
        self._task = tasks.start(lambda: sign_dossier(database, ref, source, pin, actor),
                                 lambda _signed: self.show_dossier(ref), self._error, owner=self)

    def open_action(self, action: Action) -> ActionDialog | None:
        if self.dossier is None or action not in self.dossier.allowed_actions:
            return None
        self.dialog = ActionDialog(action, self.dossier, self.language, self)
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


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

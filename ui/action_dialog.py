"""One dialog per lifecycle action, asking only what that action needs; the service does the checking."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from counter_app.action_needs import NEEDS, Need
from counter_app.clock import local
from counter_app.errors import ValidationError
from counter_app.lifecycle import Action, label
from counter_app.model import DocumentEntry, Dossier, StopRequester
from counter_app.services import processing
from counter_app.services.intake import accept
from counter_app.storage.database import Database
from ui import theme

DESTRUCTIVE = frozenset({Action.REFUSE, Action.STOP, Action.WITHDRAW})  # styled apart, always confirmed
CONFIRMED = DESTRUCTIVE | {Action.RETURN_RESULT}  # irreversible: the confirm button names the dossier
EXPECTED_NEXT = (Action.ACCEPT, Action.TRANSFER, Action.RECORD_RESULT, Action.RETURN_RESULT,
                 Action.SUPPLEMENT_RECEIVED)  # the first of these allowed is the default button
OFFERED = (Action.ACCEPT, Action.TRANSFER, Action.REQUEST_SUPPLEMENT, Action.SUPPLEMENT_RECEIVED, Action.REFUSE,
           Action.EXTEND, Action.STOP, Action.RECORD_RESULT, Action.RETURN_RESULT, Action.WITHDRAW)


class ActionDialog(QDialog):
    """Fields for `action`; `work(database, actor)` returns what the service call does with them."""

    def __init__(self, action: Action, dossier: Dossier, language: str = "vi", parent: QWidget | None = None,
                 suggested_due: dt.date | None = None) -> None:
        super().__init__(parent)
        self.action, self.dossier, self.suggested_due = action, dossier, suggested_due
        self.setWindowTitle(label(action, language).capitalize())
        self.setMinimumWidth(520)
        self.form = QFormLayout(self)
        self.fields: dict[str, Any] = {}
        code = dossier.code or str(dossier.id)
        heading = theme.set_role(QLabel(f"{code} — {dossier.applicant.full_name}"), "heading")
        heading.setWordWrap(True)
        self.form.addRow(heading)
        needs = NEEDS[action]  # the core's table: the command line and the hub ask the same
        if needs.asks(Need.TO):
            self._line("to", self.tr("Processing officer or office"), "Công chức Tư pháp - Hộ tịch")
        if needs.asks(Need.REQUESTED_BY):
            self._requested_by()
        if needs.asks(Need.REASON):
            reason = QPlainTextEdit()
            reason.setTabChangesFocus(True)
            reason.setFixedHeight(reason.fontMetrics().lineSpacing() * 4 + 16)
            self.fields["reason"] = reason
            self.form.addRow(self.tr("Reason"), reason)
        if needs.asks(Need.NOTE):
            self._line("note", self.tr("Note"))
        if needs.asks(Need.NEW_DUE):
            self._new_due()
        if needs.asks(Need.RECIPIENT):
            self._return_fields()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.confirm = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._confirmation(action, language, code)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form.addRow(self.buttons)

    def _confirmation(self, action: Action, language: str, code: str) -> None:
        """Irreversible actions: a warning and a confirm button that names the dossier, never the default."""
        if action not in CONFIRMED:
            self.confirm.setText(label(action, language).capitalize())
            theme.set_kind(self.confirm, "primary")
            return
        warning = QLabel(self.tr("This cannot be undone."))
        warning.setWordWrap(True)
        theme.set_tone(warning, "danger")
        self.form.addRow(warning)
        self.confirm.setText(self.tr("{0} dossier {1}").format(label(action, language).capitalize(), code))
        theme.set_kind(self.confirm, "destructive" if action in DESTRUCTIVE else "primary")
        self.confirm.setAutoDefault(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(True)
        cancel.setDefault(True)  # Enter never confirms by accident: the confirm button must be chosen

    def _line(self, name: str, caption: str, value: str = "") -> QLineEdit:
        field = QLineEdit(value)
        self.fields[name] = field
        self.form.addRow(caption, field)
        return field

    def _requested_by(self) -> None:
        """Who asked to stop: the applicant (TT 03/2025 Điều 7) or the office; chosen, never assumed."""
        who = QComboBox()
        who.addItem(self.tr("— choose —"), None)
        who.addItem(self.tr("The applicant asked to stop"), StopRequester.APPLICANT)
        who.addItem(self.tr("The office decided to stop"), StopRequester.OFFICE)
        self.fields["requested_by"] = who
        self.form.addRow(self.tr("Requested by"), who)

    def requested_by(self) -> StopRequester | None:
        field = self.fields.get("requested_by")
        return field.currentData() if isinstance(field, QComboBox) else None

    def _new_due(self) -> None:
        due = local(self.dossier.due_at).date() if self.dossier.due_at else dt.date.today()
        proposed = self.suggested_due or max(due, dt.date.today()) + dt.timedelta(days=7)
        field = QDateEdit(QDate(proposed.year, proposed.month, proposed.day))
        field.setMinimumDate(QDate.currentDate())
        field.setCalendarPopup(True)
        field.setDisplayFormat("dd/MM/yyyy")
        self.fields["new_due"] = field
        self.form.addRow(self.tr("Current due date"), QLabel(f"{due:%d/%m/%Y}"))
        self.form.addRow(self.tr("New due date"), field)
        note = theme.set_role(QLabel(self.tr("Proposed: 5 working days after the current due date (after today "
                                             "when it has passed). The apology letter (form 04) is printed for the "
                                             "citizen.")), "muted")
        note.setWordWrap(True)
        self.form.addRow(note)

    def _return_fields(self) -> None:
        mode = QComboBox()
        mode.addItems([self.tr("At the counter"), self.tr("By post")])
        self.fields["mode"] = mode
        self.form.addRow(self.tr("Handed over"), mode)
        self._line("recipient_name", self.tr("Recipient's full name"), self.dossier.applicant.full_name)
        self._line("recipient_id", self.tr("Recipient's CCCD number"))
        self._line("authorisation", self.tr("Authorisation reference (if not the applicant)"))
        self._line("postal_item", self.tr("Postal tracking number"))
        mode.currentIndexChanged.connect(self._mode_changed)
        self._mode_changed(0)

    def _mode_changed(self, index: int) -> None:
        postal = index == 1
        self.fields["recipient_id"].setEnabled(not postal)
        self.fields["authorisation"].setEnabled(not postal)
        self.fields["postal_item"].setEnabled(postal)

    def text(self, name: str) -> str:
        field = self.fields.get(name)
        if isinstance(field, QPlainTextEdit):
            return field.toPlainText().strip()
        return field.text().strip() if isinstance(field, QLineEdit) else ""

    def work(self) -> Callable[[Database, str], Dossier]:
        """The service call for this action, with what was typed read now (on the GUI thread)."""
        ref, action = str(self.dossier.code or self.dossier.id), self.action
        to, note, reason = self.text("to"), self.text("note"), self.text("reason")
        if action is Action.ACCEPT:
            documents = _all_mandatory(self.dossier)
            return lambda db, actor: accept(db, ref, actor, documents)
        if action is Action.EXTEND:
            due = self._due_date()
            return lambda db, actor: processing.extend(db, ref, actor, due, reason)
        if action is Action.STOP:
            who = self.requested_by()
            return lambda db, actor: processing.stop(db, ref, actor, reason, _chosen(who))
        if action is Action.RETURN_RESULT:
            recipient = self._recipient()
            return lambda db, actor: processing.return_result(db, ref, actor, recipient)
        calls: dict[Action, Callable[[Database, str], Dossier]] = {
            Action.TRANSFER: lambda db, actor: processing.transfer(db, ref, actor, to, note),
            Action.REQUEST_SUPPLEMENT: lambda db, actor: processing.request_supplement(db, ref, actor, reason),
            Action.SUPPLEMENT_RECEIVED: lambda db, actor: processing.supplement_received(db, ref, actor, note),
            Action.REFUSE: lambda db, actor: processing.refuse(db, ref, actor, reason),
            Action.RECORD_RESULT: lambda db, actor: processing.record_result(db, ref, actor, note),
            Action.WITHDRAW: lambda db, actor: processing.withdraw(db, ref, actor, reason),
        }
        return calls[action]

    def _due_date(self) -> dt.date:
        return self.fields["new_due"].date().toPython()  # type: ignore[no-any-return]

    def _recipient(self) -> processing.Recipient:
        if self.fields["mode"].currentIndex() == 1:
            return processing.Recipient(full_name=self.text("recipient_name"), postal_item=self.text("postal_item"))
        return processing.Recipient(self.text("recipient_name"), self.text("recipient_id"), self.text("authorisation"))


def _chosen(who: StopRequester | None) -> StopRequester:
    """Who asked to stop; unchosen, a message (raised on the worker, so the dialog opens again)."""
    if who is None:
        raise ValidationError("lifecycle.stop_requester")
    return who


def _all_mandatory(dossier: Dossier) -> tuple[DocumentEntry, ...]:
    """Accepting a dossier sent back means the citizen has now brought every mandatory document."""
    have = {doc.name: doc for doc in dossier.documents}
    entries = [DocumentEntry(doc.name, doc.kind, doc.copies, doc.pages) for doc in have.values()]
    entries += [DocumentEntry(doc.name, doc.kind, doc.quantity) for doc in dossier.procedure.documents
                if doc.mandatory and doc.name not in have]
    return tuple(entries)

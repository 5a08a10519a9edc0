"""The dossier's header card: code, status chip, overdue by N days (red) or due today (amber), the applicant,
dates, delivery and fee at a glance, and the way back."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counter_app.clock import local, now
from counter_app.deadlines import days_overdue, is_due_today
from counter_app.fees import FeeDue, format_fee
from counter_app.lifecycle import Status, label
from counter_app.model import Delivery, Dossier
from ui import i18n, theme

_CHIPS = {Status.RESULT_READY: "success", Status.RETURNED: "neutral", Status.REFUSED: "danger",
          Status.STOPPED: "danger", Status.WITHDRAWN: "neutral"}


def chip(label_: QLabel, kind: str) -> QLabel:
    label_.setProperty("chip", kind)
    label_.style().unpolish(label_)
    label_.style().polish(label_)
    return label_


def timeliness_text(dossier: Dossier) -> tuple[str, str]:
    """('Overdue by 3 days', 'danger'), ('Due today', 'warning') or ('', '') for a dossier."""
    at = now()
    if dossier.overdue:
        days = days_overdue(dossier.due_at, at)
        return QCoreApplication.translate("DossierHeader", "Overdue by %n day(s)", "", days), "danger"
    if is_due_today(dossier.due_at, at) and dossier.status not in _CHIPS:
        return QCoreApplication.translate("DossierHeader", "Due today"), "warning"
    return "", ""


class DossierHeader(QFrame):
    """`show(dossier)` fills it; the back button (Esc, Alt+Left) is the window's."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        theme.set_role(self, "card")
        self.code = theme.set_role(QLabel(), "title")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.timeliness = QLabel()
        self.back = QPushButton(theme.icon("arrow-left"), self.tr("Back (Esc)"))
        theme.set_kind(self.back, "quiet")
        self.procedure = theme.set_role(QLabel(), "heading")
        self.procedure.setWordWrap(True)
        self.fields: dict[str, QLabel] = {}
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.code)
        top.addWidget(self.status)
        top.addWidget(self.timeliness)
        top.addStretch()
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        captions = (("applicant", self.tr("Applicant")), ("id_number", self.tr("CCCD number")),
                    ("phone", self.tr("Phone")), ("address", self.tr("Address")),
                    ("accepted", self.tr("Accepted")), ("due", self.tr("Due")),
                    ("delivery", self.tr("Result delivery")), ("fee", self.tr("Fee")))
        for n, (key, caption) in enumerate(captions):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            grid.addWidget(theme.set_role(QLabel(caption), "muted"), n // 4 * 2, n % 4)
            grid.addWidget(value, n // 4 * 2 + 1, n % 4)
        for column in range(4):
            grid.setColumnStretch(column, 1)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        theme.set_tone(self.missing, "danger")
        column_ = QVBoxLayout(self)
        column_.addLayout(top)
        column_.addWidget(self.procedure)
        column_.addLayout(grid)
        column_.addWidget(self.missing)

    def show_dossier(self, dossier: Dossier) -> None:
        self.code.setText(dossier.code or self.tr("(no code)"))
        chip(self.status, _CHIPS.get(dossier.status, "info")).setText(label(dossier.status, self.language).capitalize())
        text, tone = timeliness_text(dossier)
        chip(self.timeliness, tone or "neutral").setText(text)
        self.timeliness.setVisible(bool(text))
        case = f" — {dossier.case.name}" if len(dossier.procedure.cases) > 1 and dossier.case.name else ""
        self.procedure.setText(f"{dossier.procedure.code} — {dossier.procedure.name}{case}")
        person = dossier.applicant
        delivery = (self.tr("by post to {0}").format(dossier.delivery_address)
                    if dossier.delivery is Delivery.POSTAL else self.tr("at the counter"))
        values = {"applicant": person.full_name, "id_number": person.id_number, "phone": person.phone or "—",
                  "address": person.address or "—",
                  "accepted": i18n.moment(local(dossier.accepted_at)) if dossier.accepted_at else "—",
                  "due": i18n.moment(local(dossier.due_at)) if dossier.due_at else "—",
                  "delivery": delivery,
                  "fee": format_fee(FeeDue(dossier.fee_amount if dossier.fee_known else None, dossier.fee_currency),
                                    i18n.language())}
        for key, value in values.items():
            self.fields[key].setText(value)
        theme.set_tone(self.fields["due"], tone)
        missing = dossier.missing_documents
        self.missing.setText(self.tr("Missing: {0}").format("; ".join(missing)) if missing else "")
        self.missing.setVisible(bool(missing))

"""The intake's last step: channel and postal item, result delivery, the due date before accepting, the fee,
the outcome buttons (the reason field appears only to send back or refuse), and the confirmation card that stays
until the next citizen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.model import Channel, Delivery
from counter_app.services.intake import Outcome
from ui import theme

CHANNELS = (Channel.COUNTER, Channel.POSTAL, Channel.ONLINE)


def due_text(due: dt.datetime) -> str:
    """'10:30, Friday 04/12/2026' in the screen's language."""
    weekday = QLocale().dayName(due.isoweekday(), QLocale.FormatType.LongFormat)
    return f"{due:%H:%M}, {weekday} {due:%d/%m/%Y}"


class OutcomeBox(QGroupBox):
    """`submit_requested(outcome)` once what the outcome needs is there; a refusal first asks for its reason."""

    submit_requested = Signal(object)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("4. Channel, result delivery, due date and outcome"), parent)
        self.channel = QComboBox()
        for channel, caption in zip(CHANNELS, (self.tr("At the counter"), self.tr("By post"), self.tr("Online")),
                                    strict=True):
            self.channel.addItem(caption, channel)
        self.postal_item = QLineEdit()
        self.postal_item.setPlaceholderText(self.tr("Postal item number (phiếu gửi), e.g. EB000010042VN"))
        self.delivery = QComboBox()
        self.delivery.addItems([self.tr("At the counter"), self.tr("By post")])
        self.delivery_address = QLineEdit()
        self.delivery_address.setPlaceholderText(self.tr("Address for the postal return"))
        self.due_label = theme.set_role(QLabel(self.tr("Due: choose the procedure")), "heading")
        self.fee_label = QLabel()
        self.reason = QLineEdit()
        self.reason_label = QLabel()
        theme.set_tone(self.reason_label, "danger")
        self.accept_button = theme.set_kind(QPushButton(self.tr("Accept and print slip (Ctrl+Enter)")), "primary")
        self.supplement_button = QPushButton(self.tr("Send back to complete — form 02 (Ctrl+B)"))
        self.refuse_button = theme.set_kind(QPushButton(self.tr("Refuse — form 03 (Ctrl+R)")), "destructive")
        self.clear_button = QPushButton(self.tr("Clear (Ctrl+N)"))
        self.pending: Outcome | None = None
        self._arrange()
        self._connect()
        self.show_reason(None)

    def _arrange(self) -> None:
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Received")), 0, 0)
        grid.addWidget(self.channel, 0, 1)
        grid.addWidget(self.postal_item, 0, 2)
        grid.addWidget(QLabel(self.tr("Result")), 1, 0)
        grid.addWidget(self.delivery, 1, 1)
        grid.addWidget(self.delivery_address, 1, 2)
        grid.addWidget(self.due_label, 2, 0, 1, 3)
        grid.addWidget(self.fee_label, 3, 0, 1, 3)
        grid.addWidget(self.reason_label, 4, 0, 1, 3)
        grid.addWidget(self.reason, 5, 0, 1, 3)
        grid.setColumnStretch(2, 1)
        buttons = QGridLayout()  # two rows: the long Vietnamese captions fit 1366 px beside the sidebar
        buttons.addWidget(self.accept_button, 0, 0, 1, 2)
        buttons.addWidget(self.clear_button, 0, 2)
        buttons.addWidget(self.supplement_button, 1, 0)
        buttons.addWidget(self.refuse_button, 1, 1, 1, 2)
        grid.addLayout(buttons, 6, 0, 1, 3)

    def _connect(self) -> None:
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.delivery.currentIndexChanged.connect(lambda _: self._delivery_changed())
        self.accept_button.clicked.connect(lambda: self.request(Outcome.ACCEPT))
        self.supplement_button.clicked.connect(lambda: self.request(Outcome.SUPPLEMENT))
        self.refuse_button.clicked.connect(lambda: self.request(Outcome.REFUSE))
        self.reason.returnPressed.connect(self._reason_given)
        self._channel_changed()
        self._delivery_changed()

    def _reason_given(self) -> None:
        if self.pending is not None:
            self.request(self.pending)

    def chosen_channel(self) -> Channel:
        return Channel(self.channel.currentData())

    def postal(self) -> bool:
        return self.delivery.currentIndex() == 1

    def _channel_changed(self) -> None:
        self.postal_item.setVisible(self.chosen_channel() is Channel.POSTAL)
        self.changed.emit()

    def _delivery_changed(self) -> None:
        self.delivery_address.setEnabled(self.postal())
        self.changed.emit()

    def request(self, outcome: Outcome) -> None:
        """Accept at once; sending back or refusing shows the reason field first, then submits with it."""
        if outcome is not Outcome.ACCEPT and not self.reason.text().strip():
            self.show_reason(outcome)
            return
        self.submit_requested.emit(outcome)

    def show_reason(self, outcome: Outcome | None) -> None:
        self.pending = outcome
        asked = outcome is not None
        self.reason.setVisible(asked)
        self.reason_label.setVisible(asked)
        if outcome is Outcome.REFUSE:
            self.reason_label.setText(self.tr("Why is the dossier refused? (printed on form 03; Enter refuses)"))
        elif outcome is Outcome.SUPPLEMENT:
            self.reason_label.setText(self.tr("What must the citizen bring? (printed on form 02; Enter sends back)"))
        if asked:
            self.reason.setFocus()

    def delivery_value(self) -> Delivery:
        return Delivery.POSTAL if self.postal() else Delivery.COUNTER

    def reset(self) -> None:
        for field in (self.delivery_address, self.reason, self.postal_item):
            field.clear()
        self.channel.setCurrentIndex(0)
        self.delivery.setCurrentIndex(0)
        self.show_reason(None)


class ConfirmationCard(QFrame):
    """After an accept: the code and due date in large type, 'Print again' and 'Open the dossier'; it stays
    until the next citizen's procedure is typed."""

    reprint = Signal(str)
    open_dossier = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.set_role(self, "card")
        theme.set_tone(self, "success")
        self.code = ""
        self.title = theme.set_role(QLabel(), "title")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.reprint_button = QPushButton(theme.icon("printer"), self.tr("Print again"))
        self.open_button = QPushButton(theme.icon("folder-open"), self.tr("Open the dossier (Ctrl+O)"))
        self.reprint_button.clicked.connect(lambda: self.reprint.emit(self.code))
        self.open_button.clicked.connect(lambda: self.open_dossier.emit(self.code))
        self.title.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch()
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.details)
        text.addLayout(buttons)
        row = QHBoxLayout(self)
        glyph = QLabel()
        glyph.setPixmap(theme.icon("circle-check", "success").pixmap(36, 36))
        row.addWidget(glyph, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        self.hide()

    def confirm(self, code: str, applicant: str, due: dt.datetime | None, recorded: str = "") -> None:
        """An accepted dossier (code and due date) or one sent back or refused (`recorded`: what happened)."""
        self.code = code
        self.title.setText(self.tr("Accepted: {0}").format(code) if code and not recorded else recorded)
        self.details.setText(self.tr("{0} — due {1}").format(applicant, due_text(due)) if due else applicant)
        self.reprint_button.setVisible(bool(code))
        self.open_button.setVisible(bool(code))
        theme.set_tone(self, "success" if not recorded else "warning")
        self.show()

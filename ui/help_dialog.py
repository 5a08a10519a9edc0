"""Help: F1 opens the shortcut sheet and a short guide for the screen in use; a three-step tour on first run."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui import theme
from ui.table_models import RowsModel

TOUR_DONE_KEY = "ui/tour_done"


def shortcuts() -> list[tuple[str, str]]:
    return [
        ("Ctrl+1 … Ctrl+7", QCoreApplication.translate(
            "Help", "Sections: home, intake, dossiers, administration, sync, post, reports")),
        ("F1", QCoreApplication.translate("Help", "This help")),
        (QCoreApplication.translate("Help", "type, then Enter"),
         QCoreApplication.translate("Help", "Intake: find the procedure by a few letters, diacritics optional")),
        (QCoreApplication.translate("Help", "CCCD QR scanner"),
         QCoreApplication.translate("Help", "Fills the applicant at once, whatever field has focus")),
        (QCoreApplication.translate("Help", "Space, F2"),
         QCoreApplication.translate("Help", "Tick a document handed in; edit its kind or number of copies")),
        ("Ctrl+Enter", QCoreApplication.translate("Help", "Accept the dossier and print slip 01")),
        ("Ctrl+B / Ctrl+R", QCoreApplication.translate("Help", "Send back to complete (form 02) / refuse (form 03)")),
        ("Ctrl+Q", QCoreApplication.translate("Help", "Scan the selected document")),
        (QCoreApplication.translate("Help", "barcode scanner"),
         QCoreApplication.translate("Help", "A dossier code opens that dossier, from any screen")),
        ("Esc, Alt+Left", QCoreApplication.translate("Help", "Back from a dossier to the list")),
        ("Ctrl+P", QCoreApplication.translate("Help", "Print a form")),
        ("Ctrl+L", QCoreApplication.translate(
            "Help", "Lock the screen (unlock with your PIN or password; another person can log in)")),
        ("Ctrl+Shift+A", QCoreApplication.translate("Help", "My account: change my password or PIN")),
    ]


def guides() -> dict[str, str]:
    return {
        "home": QCoreApplication.translate(
            "Help", "Home shows today's work: how many dossiers were received, are due today, are overdue, have a "
                    "result to return or wait for a supplement. Click a tile for its list. The two lists below "
                    "open a dossier with Enter. The sync line says when the office last talked to the province."),
        "intake": QCoreApplication.translate(
            "Help", "1. Type a few letters of the procedure and press Enter. 2. Scan the CCCD QR code: the "
                      "applicant is filled in. 3. Tick each document handed in with Space. 4. Check the due date "
                      "shown, then Ctrl+Enter accepts and prints the slip. When documents are missing, send the "
                      "dossier back (Ctrl+B) or refuse it (Ctrl+R) with a reason."),
        "dossiers": QCoreApplication.translate(
            "Help", "Search by code, name (diacritics optional), CCCD number or phone. Click a column header "
                        "to sort. Red rows are overdue. Export the list to Excel with the button at the top."),
        "dossier": QCoreApplication.translate(
            "Help", "The card at the top says the state and whether the dossier is overdue. The main action is "
                       "the blue button; refusing, stopping and withdrawing are on the right and ask first. Esc "
                       "goes back."),
        "sync": QCoreApplication.translate(
            "Help", "The counter sends its dossiers to the province by itself every few minutes. Without a "
                    "network, write a USB bundle and bring back the acknowledgement file."),
        "admin": QCoreApplication.translate(
            "Help", "Users: create, deactivate, reset a password. Office: the details printed on every form. "
                     "Printers: one per paper, with a test page. Signatures: the time-stamp authority."),
    }


class HelpDialog(QDialog):
    """Two tabs: the keys, and the guide for `section` (the screen that was shown when F1 was pressed)."""

    def __init__(self, section: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Help"))
        self.resize(760, 520)
        self.keys = RowsModel([self.tr("Keys"), self.tr("What it does")], self)
        self.keys.set_rows(shortcuts())
        table = QTableView()
        table.setModel(self.keys)
        table.verticalHeader().hide()
        table.setWordWrap(True)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.guide = QLabel(guides().get(section, guides()["home"]))
        self.guide.setWordWrap(True)
        outer = QVBoxLayout(self)
        outer.addWidget(theme.set_role(QLabel(self.tr("This screen")), "heading"))
        outer.addWidget(self.guide)
        outer.addSpacing(8)
        outer.addWidget(theme.set_role(QLabel(self.tr("Keyboard shortcuts")), "heading"))
        outer.addWidget(table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)


class FirstRunTour(QDialog):
    """Three steps on the first log-in: the sidebar, an intake, the help key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Counter"))
        self.setMinimumWidth(560)
        steps = (
            (self.tr("1 of 3 — Find your way"), self.tr(
                "The sidebar on the left holds every section, with its key: Ctrl+1 home, Ctrl+2 intake, "
                "Ctrl+3 dossiers. The section in use is highlighted.")),
            (self.tr("2 of 3 — A new dossier in a few keys"), self.tr(
                "Ctrl+2, a few letters of the procedure and Enter, scan the citizen's CCCD, tick the documents with "
                "Space, Ctrl+Enter: the dossier is accepted and slip 01 prints.")),
            (self.tr("3 of 3 — Help is one key away"), self.tr(
                "Press F1 on any screen for its guide and the list of keys. Ctrl+L locks the screen when you "
                "leave the counter.")),
        )
        self.pages = QStackedWidget()
        for title, text in steps:
            page = QWidget()
            column = QVBoxLayout(page)
            column.addWidget(theme.set_role(QLabel(title), "title"))
            body = QLabel(text)
            body.setWordWrap(True)
            column.addWidget(body)
            column.addStretch()
            self.pages.addWidget(page)
        self.back = QPushButton(self.tr("Back"))
        self.next = theme.set_kind(QPushButton(self.tr("Next")), "primary")
        self.skip = theme.set_kind(QPushButton(self.tr("Skip the tour")), "quiet")
        row = QHBoxLayout()
        row.addWidget(self.skip)
        row.addStretch()
        row.addWidget(self.back)
        row.addWidget(self.next)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages, 1)
        outer.addLayout(row)
        self.back.clicked.connect(lambda: self.go(-1))
        self.next.clicked.connect(lambda: self.go(1))
        self.skip.clicked.connect(self.accept)
        self.go(0)

    def go(self, step: int) -> None:
        index = self.pages.currentIndex() + step
        if index >= self.pages.count():
            self.accept()
            return
        self.pages.setCurrentIndex(index)
        self.back.setEnabled(index > 0)
        self.next.setText(self.tr("Start working") if index == self.pages.count() - 1 else self.tr("Next"))
        self.next.setDefault(True)

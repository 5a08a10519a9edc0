"""Administration: users (with roles and PINs), the office details printed on every form, signing settings
(the time-stamp authority and where the trusted root certificates are kept), procedures without a time limit,
and backups."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QSettings, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.model import Office, Role
from counter_app.services import office as office_service
from counter_app.services import users
from counter_app.storage.database import Database
from ui import tasks, theme
from ui.admin_backup import BackupPanel
from ui.admin_catalogue import CataloguePanel
from ui.admin_printers import PrintersPanel
from ui.admin_protect import ProtectPanel
from ui.admin_users import UsersPanel
from ui.setting_keys import OCR_KEY, TSA_URL_KEY
from ui.status_items import role_name

TRUST_FOLDER = "trust"  # scanning.verification.trust_folder, without loading pyHanko for a label


class AdminView(QWidget):
    """Only shown to administrators; every change runs on a worker and reports in Vietnamese."""

    signing_changed = Signal()

    def __init__(self, database: Database, actor: str | Callable[[], str], settings: QSettings | None = None,
                 parent: QWidget | None = None, office_name: Callable[[], str] = lambda: "") -> None:
        super().__init__(parent)
        self.database = database
        self._actor = actor if callable(actor) else (lambda: actor)
        self.settings = settings or QSettings()
        self._task: tasks.Task | None = None
        self.username, self.full_name, self.password, self.pin = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_name(role), role.value)
        self.add_user = QPushButton(self.tr("Create user"))
        self.office_code, self.office_name, self.province = QLineEdit(), QLineEdit(), QLineEdit()
        self.place_name, self.address = QLineEdit(), QLineEdit()
        self.parent_body, self.issuing_office, self.office_phone = QLineEdit(), QLineEdit(), QLineEdit()
        self.parent_body.setPlaceholderText("UBND xã …")
        self.issuing_office.setPlaceholderText(self.tr("(the office name)"))
        self._office: Office | None = None
        self.save_office = QPushButton(self.tr("Save office details"))
        self.cutoff = QTimeEdit(QTime(15, 0))
        self.cutoff.setDisplayFormat("HH:mm")
        self.cutoff_same_day = QCheckBox(self.tr("A dossier received exactly at the cut-off is still same-day "
                                                 "(\"sau 15 giờ\")"))
        self.cutoff_same_day.setChecked(True)
        self.register_by_field = QCheckBox(self.tr("Keep one register per procedure field"))
        self.save_rules = QPushButton(self.tr("Save rules"))
        self.tsa_url = QLineEdit(str(self.settings.value(TSA_URL_KEY, "") or ""))
        self.tsa_url.setPlaceholderText("http://…")
        self.ocr = QCheckBox(self.tr("Add a searchable Vietnamese text layer to scans (OCR, when Tesseract is "
                                     "installed)"))
        self.ocr.setChecked(bool(self.settings.value(OCR_KEY, True, type=bool)))
        self.save_signing = QPushButton(self.tr("Save these settings"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.code_note = theme.set_role(QLabel(), "muted")
        self.code_note.setWordWrap(True)
        self.users = UsersPanel(database, self._actor)
        self.users.message.connect(self._report)
        self.printers = PrintersPanel(self.settings, office_name)
        self.printers.message.connect(self._report)
        self.catalogue = CataloguePanel(database, self._actor)
        self.catalogue.message.connect(self._report)
        self.backup = BackupPanel(database)
        self.backup.message.connect(self._report)
        self.protect = ProtectPanel(database)
        self.protect.message.connect(self._report)
        theme.set_kind(self.add_user, "primary")
        self._arrange()
        self.add_user.clicked.connect(self.create_user)
        self.save_office.clicked.connect(self.store_office)
        self.save_rules.clicked.connect(self.store_rules)
        self.save_signing.clicked.connect(self.store_signing)

    def _arrange(self) -> None:
        user_box = QGroupBox(self.tr("New user"))
        form = QFormLayout(user_box)
        for caption, widget in (
            (self.tr("Username"), self.username),
            (self.tr("Full name"), self.full_name),
            (self.tr("Role"), self.role),
            (self.tr("Password"), self.password),
            (self.tr("Screen-lock PIN (4–8 digits, optional)"), self.pin),
        ):
            form.addRow(caption, widget)
        form.addRow(self.add_user)
        users_tab = QWidget()
        row = QHBoxLayout(users_tab)
        row.addWidget(self.users, 3)
        row.addWidget(user_box, 2)
        office_tab = QWidget()
        form = QFormLayout(office_tab)
        for caption, widget in (
            (self.tr("Agency code"), self.office_code),
            (self.tr("Name"), self.office_name),
            (self.tr("Province"), self.province),
            (self.tr("Place name (before the date)"), self.place_name),
            (self.tr("Address"), self.address),
            (self.tr("Parent body (first header line)"), self.parent_body),
            (self.tr("Issuing office (second header line)"), self.issuing_office),
            (self.tr("Office phone (on form 02)"), self.office_phone),
        ):
            form.addRow(caption, widget)
        form.addRow(self.code_note)
        form.addRow(self.save_office)
        rules_tab = QWidget()
        form = QFormLayout(rules_tab)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)  # a time, not a page wide
        form.addRow(self.tr("Cut-off for same-day procedures"), self.cutoff)
        form.addRow(self.cutoff_same_day)
        form.addRow(self.register_by_field)
        form.addRow(self.save_rules)
        signing_tab = QWidget()
        form = QFormLayout(signing_tab)
        form.addRow(self.tr("Time-stamp authority (URL)"), self.tsa_url)
        trust = QLabel(self.tr("Trusted root certificates: put the CA's .pem/.crt files in the folder «{0}» of the "
                               "data folder").format(TRUST_FOLDER))
        trust.setWordWrap(True)
        form.addRow(trust)
        form.addRow(self.ocr)
        form.addRow(self.save_signing)
        self.tabs = QTabWidget()
        for tab, caption, glyph in ((users_tab, self.tr("Users"), "users"), (office_tab, self.tr("Office"), "home"),
                                    (rules_tab, self.tr("Rules"), "clock"),
                                    (self.printers, self.tr("Printers"), "printer"),
                                    (self.catalogue, self.tr("Procedures without a time limit"), "clock"),
                                    (signing_tab, self.tr("Scans and digital signatures"), "key"),
                                    (self.backup, self.tr("Backup"), "folders"),
                                    (self.protect, self.tr("Data protection"), "lock")):
            self.tabs.addTab(tab, theme.icon(glyph), caption)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 18, 24, 18)
        column.addWidget(theme.set_role(QLabel(self.tr("Administration")), "title"))
        column.addWidget(self.tabs, 1)
        column.addWidget(self.message)

    def load(self) -> None:
        database = self.database
        self._task = tasks.start(
            lambda: (office_service.get_office(database), office_service.code_locked(database)),
            self._show_office, self._report, owner=self
        )
        self._rules_task = tasks.start(
            lambda: office_service.get_rules(database), self._show_rules, self._report, owner=self
        )
        self.users.load()
        self.printers.load()
        self.catalogue.load()
        self.backup.load()
        self.protect.load()

    def _show_rules(self, rules: office_service.Rules) -> None:
        cutoff = rules.hours.cutoff
        self.cutoff.setTime(QTime(cutoff.hour, cutoff.minute, cutoff.second))
        self.cutoff_same_day.setChecked(rules.hours.cutoff_same_day)
        self.register_by_field.setChecked(rules.register_by_field)

    def store_rules(self) -> None:
        database, actor = self.database, self.actor
        cutoff = self.cutoff.time().toPython()
        same_day, by_field = self.cutoff_same_day.isChecked(), self.register_by_field.isChecked()
        self._task = tasks.start(
            lambda: office_service.set_rules(database, cutoff, same_day, by_field, actor),  # type: ignore[arg-type]
            lambda _: self._report(self.tr("Rules saved.")),
            self._report,
            owner=self,
        )

    @property
    def actor(self) -> str:
        return self._actor()

    def _show_office(self, loaded: tuple[Office, bool]) -> None:
        office, locked = loaded
        self._office = office
        self.office_code.setReadOnly(locked)
        self.office_code.setEnabled(not locked)
        self.code_note.setText(self.tr("The agency code is part of every dossier code: it cannot change once "
                                       "dossiers exist.") if locked else "")
        for field, value in (
            (self.office_code, office.code),
            (self.office_name, office.name),
            (self.province, office.province),
            (self.place_name, office.place_name),
            (self.address, office.address),
            (self.parent_body, office.parent_body),
            (self.issuing_office, office.issuing_office),
            (self.office_phone, office.phone),
        ):
            field.setText(value)

    def create_user(self) -> None:
        database, actor = self.database, self.actor
        name, full, role = self.username.text().strip(), self.full_name.text().strip(), str(self.role.currentData())
        password, pin = self.password.text(), self.pin.text().strip()

        def work() -> str:
            users.create_user(database, name, full, role, password, actor)
            if pin:
                users.set_pin(database, name, pin)
            return name

        self._task = tasks.start(work, self._created, self._report, owner=self)

    def _created(self, username: str) -> None:
        self._report(self.tr("User {0} created.").format(username))
        for field in (self.username, self.full_name, self.password, self.pin):
            field.clear()
        self.users.load()

    def store_office(self) -> None:
        office = dataclasses.replace(  # what the screen does not show (communes, postal agreement) stays
            self._office or Office(code="", name=""),
            code=self.office_code.text().strip(),
            name=self.office_name.text().strip(),
            province=self.province.text().strip(),
            place_name=self.place_name.text().strip(),
            address=self.address.text().strip(),
            parent_body=self.parent_body.text().strip(),
            issuing_office=self.issuing_office.text().strip(),
            phone=self.office_phone.text().strip(),
        )
        database, actor = self.database, self.actor
        self._task = tasks.start(
            lambda: office_service.initialise(database, office, actor),
            lambda _: self._report(self.tr("Office details saved.")),
            self._report,
            owner=self,
        )

    def store_signing(self) -> None:
        url = self.tsa_url.text().strip()
        if url and not url.startswith(("http://", "https://")):
            self._report(self.tr("The time-stamp authority's address must start with http:// or https://"))
            return
        self.settings.setValue(TSA_URL_KEY, url)
        self.settings.setValue(OCR_KEY, self.ocr.isChecked())
        self.settings.sync()
        self._report(self.tr("Settings saved."))
        self.signing_changed.emit()

    def _report(self, message: object) -> None:
        self.message.setText(str(message))

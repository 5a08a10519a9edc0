"""The main window: log in, then the sidebar's sections (home, intake, dossiers, post, reports, sync,
administration) and one dossier; status bar; scanners. Heavy modules load after the log-in window shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QSize, QTimer, QUrl, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QStackedWidget, QWidget

from ui import tasks
from ui.admin_protect import documents_folder
from ui.app_signals import AppSignals, Changes
from ui.login import LockScreen, LoginDialog
from ui.main_menu import build_menus
from ui.sidebar import Sidebar
from ui.status_items import StatusItems
from ui.wedge import ScannerFilter

if TYPE_CHECKING:
    from counter_app.model import Dossier, Office
    from counter_app.services.users import User
    from counter_app.storage.database import Database
    from printing.spool import PrintJob
    from scanning.dossier_signing import UpgradeRound
    from ui.admin_view import AdminView
    from ui.backup_scheduler import BackupScheduler
    from ui.dossier_list import DossierListView
    from ui.dossier_view import DossierView
    from ui.home_panel import HomePanel
    from ui.intake_view import IntakeView
    from ui.office_password import OfficePasswordDialog
    from ui.postal_view import PostalView
    from ui.print_dialog import PrintFormDialog
    from ui.print_service import PrintService
    from ui.rating_window import RatingWindow
    from ui.report_view import ReportView
    from ui.sync_controller import SyncController, SyncSnapshot
    from ui.sync_view import SyncView

TIMESTAMP_RETRY_MS = 10 * 60 * 1000
POSTAL_ROLES = frozenset({"postal", "clerk", "admin"})  # counter_app.model.Role values


class CurrentPageStack(QStackedWidget):
    """A page stack as large as the page shown, not as the largest page: one wide screen does not push every
    other screen past the edge of a 1366-pixel display."""

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()


@dataclass(frozen=True)
class _Opened:
    database: Database
    office: Office
    has_users: bool
    recovery_sheet: Path | None = None  # saved now (a new key): to print and lock away


@dataclass(frozen=True)
class _NeedsPassword:
    mode: str  # ui.office_password: LOCKED, NEW or LEGACY


def _open(data_dir: Path, database_url: str | None, password: str | None = None,
          sheet_folder: Path | None = None) -> _Opened | _NeedsPassword:
    """Open (and on first launch create) the database; runs on a worker thread, with its imports. The data key
    comes from the keyring, else from `password` (asked for when None); a new or plain folder is encrypted with
    `password` and its recovery sheet saved in `sheet_folder`. A wrong password raises: nothing is opened."""
    from counter_app.services.office import ensure_initialised  # noqa: PLC0415 (SQLAlchemy, Alembic: off the GUI)
    from counter_app.services.users import has_users  # noqa: PLC0415
    from counter_app.storage.database import Database  # noqa: PLC0415
    from ui.start_key import start_key  # noqa: PLC0415

    found = start_key(data_dir, password, sheet_folder or data_dir)
    if isinstance(found, str):
        return _NeedsPassword(found)
    key, sheet = found
    database = Database.open(data_dir, database_url, key)
    return _Opened(database, ensure_initialised(database), has_users(database), sheet)


class MainWindow(QMainWindow):
    """Holds the application's one Database and closes it at exit; nothing is shown before a login."""

    home: HomePanel
    intake: IntakeView
    dossiers: DossierListView
    dossier: DossierView
    admin: AdminView
    sync: SyncController
    backups: BackupScheduler
    sync_view: SyncView
    postal: PostalView
    reports: ReportView
    rating_window: RatingWindow
    session_actions: list[QAction]  # the menus' (ui/main_menu.py): enabled at the log-in
    section_actions: dict[str, QAction]
    admin_action: QAction
    postal_action: QAction
    print_action: QAction
    help_action: QAction
    rate_after_intake: QAction

    def __init__(
        self,
        data_dir: Path,
        database_url: str | None = None,
        settings: QSettings | None = None,
        scanner: ScannerFilter | None = None,
        opener: Callable[[Path], object] | None = None,
    ) -> None:
        super().__init__()
        self.opener = opener or (lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
        self.last_slip: Path | None = None
        self._print_task: tasks.Task | None = None
        self._timestamp_task: tasks.Task | None = None
        self.data_dir, self.database_url = data_dir, database_url
        self.settings = settings or QSettings()
        self.language = str(self.settings.value("ui/language", "vi"))
        self.database: Database | None = None
        self.office: Office | None = None
        self.user: User | None = None
        self.login_dialog: LoginDialog | None = None
        self.password_dialog: OfficePasswordDialog | None = None
        self.sheet_folder = documents_folder()
        self.lock_screen: LockScreen | None = None
        self.print_dialog: PrintFormDialog | None = None
        self._print_service: PrintService | None = None
        self.scanner = scanner or ScannerFilter(parent=self)
        self.signals = AppSignals(self)
        self.screens: dict[str, tuple[QWidget | None, Callable[[], None] | None]] = {}
        self.sidebar = Sidebar(self.tr("Counter"))
        self.sidebar.chosen.connect(self.show_section)
        self.pages = CurrentPageStack()
        self.pages.currentChanged.connect(lambda _index: self.pages.updateGeometry())
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.sidebar.setVisible(False)
        self.setWindowTitle(self.tr("Counter — one-stop counter"))
        self.status = StatusItems(self.statusBar())
        self.user_label, self.office_label = self.status.user, self.status.office
        self.sync_label, self.outbox_label = self.status.sync, self.status.outbox
        build_menus(self)
        self._task: tasks.Task | None = None
        self._rating_task: tasks.Task | None = None
        self.back_to = "home"

    @property
    def print_service(self) -> PrintService:
        """Made when first needed: printing's modules are not needed to show the log-in window."""
        if self._print_service is None:
            from ui.print_service import PrintService  # noqa: PLC0415

            self._print_service = PrintService(self.settings, self)
        return self._print_service

    # ---- start-up: the log-in window at once, the database behind it
    def start(self) -> None:
        self.login_dialog = LoginDialog(None, parent=self)
        self.login_dialog.logged_in.connect(self._logged_in)
        self.login_dialog.open()
        self._task = tasks.start(
            lambda: _open(self.data_dir, self.database_url), self._on_loaded, self._on_failed, owner=self
        )

    def _ask_office_password(self, mode: str) -> None:
        from ui.office_password import OfficePasswordDialog  # noqa: PLC0415

        self.password_dialog = OfficePasswordDialog(mode, parent=self)
        self.password_dialog.submitted.connect(self._open_with)
        self.password_dialog.open()

    def _open_with(self, password: str) -> None:
        folder = self.sheet_folder
        self._task = tasks.start(lambda: _open(self.data_dir, self.database_url, password, folder),
                                 self._on_loaded, self._password_failed, owner=self)

    def _password_failed(self, message: str) -> None:
        if self.password_dialog is not None:
            self.password_dialog.failed(message)

    def _on_loaded(self, opened: _Opened | _NeedsPassword) -> None:
        if isinstance(opened, _NeedsPassword):
            self._ask_office_password(opened.mode)
            return
        if self.password_dialog is not None:
            self.password_dialog.accept()
            self.password_dialog = None
        if opened.recovery_sheet is not None:
            self._show_recovery_sheet(opened.recovery_sheet)
        self.database, self.office = opened.database, opened.office
        self.status.office.setText(opened.office.name)
        if self.login_dialog is not None:
            self.login_dialog.set_database(opened.database, first_run=not opened.has_users)

    def _show_recovery_sheet(self, sheet: Path) -> None:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

        self.opener(sheet)
        QMessageBox.information(self, self.tr("Recovery sheet"), self.tr(
            "The data is encrypted. The recovery sheet was saved as «{0}» and opened: print it, lock it away "
            "(whoever holds it can read the data), then delete the file.").format(sheet))

    def _on_failed(self, message: str) -> None:
        self.status.office.setText(message)
        if self.login_dialog is not None:
            self.login_dialog.message.setText(message)

    def _logged_in(self, user: User) -> None:
        from counter_app.model import Role  # noqa: PLC0415

        assert self.database is not None
        first = self.user is None and not self.screens
        self.user = user
        self.status.set_user(user.full_name, user.role)
        if first:
            self._build_pages(self.database)
        for action in self.session_actions:
            action.setEnabled(True)
        is_admin, postal = user.role is Role.ADMIN, user.role in POSTAL_ROLES and "postal" in self.screens
        self.admin_action.setEnabled(is_admin)
        self.sidebar.buttons["admin"].setVisible(is_admin)
        self.postal_action.setEnabled(postal)
        self.sidebar.buttons["postal"].setVisible(postal)
        self.sidebar.setVisible(True)
        if first:
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self.scanner)
            self.scanner.scanned.connect(self.on_scanned)
        if user.role is Role.POSTAL and postal:
            self.show_postal()
        else:
            self.show_home()
        self.activateWindow()
        if first and self.login_dialog is not None and self.login_dialog.first_run:
            self._offer_tour()

    def _build_pages(self, database: Database) -> None:
        from ui.pages import build_pages  # noqa: PLC0415 (the screens' modules load after the log-in)

        build_pages(self, database)
        self._timestamps = QTimer(self, interval=TIMESTAMP_RETRY_MS)
        self._timestamps.timeout.connect(self.upgrade_timestamps)
        self._timestamps.start()
        self.upgrade_timestamps()
        from ui import ocr_worker  # noqa: PLC0415

        ocr_worker.start(database)  # text layers a switched-off PC did not finish

    def add_screen(self, key: str, page: QWidget | None, on_show: Callable[[], None] | None = None) -> None:
        """Slot a screen in: its sidebar section and shortcut appear (postal and reports come this way); a
        screen given as None is made by its show function when first opened."""
        if page is not None:
            self.pages.addWidget(page)
        self.screens[key] = (page, on_show)
        button = self.sidebar.buttons.get(key)
        if button is not None:
            button.setVisible(True)
        action = self.section_actions.get(key)
        if action is not None:
            action.setVisible(True)
            action.setEnabled(self.user is not None)
            if key != "postal":  # the postal section is for some roles only (set at each log-in)
                self.session_actions.append(action)

    def _show_sync(self, snapshot: SyncSnapshot) -> None:
        """Status bar: connection, outbox size, last sync; red when nothing has synced for too long."""
        from ui.sync_view import local_time, outbox_text, status_text  # noqa: PLC0415

        state = snapshot.summary.state
        last = local_time(state.last_success)
        outbox = outbox_text(snapshot) + (self.tr("; last sync {0}").format(last) if last else "")
        alarm = bool(snapshot.overdue or state.halted)
        self.status.set_sync(status_text(snapshot), outbox, alarm)
        words = self.tr("Sync with the province: {0}.").format(status_text(snapshot))
        words += " " + (self.tr("Last synced at {0}.").format(last) if last else self.tr("Never synced yet."))
        self.home.set_sync_text(words + " " + self.tr("Waiting to send: {0}.").format(outbox_text(snapshot)), alarm)

    def _after_change(self, dossier: Dossier) -> None:
        """A result just handed over asks the citizen for a rating (the views refresh on `signals.changed`)."""
        from counter_app.lifecycle import Action, Status  # noqa: PLC0415

        self.signals.emit_changes(Changes.dossier(str(dossier.code or dossier.id)))
        if dossier.status is Status.RETURNED and dossier.events and dossier.events[-1].type is Action.RETURN_RESULT:
            self.rating_window.ask(str(dossier.code or dossier.id), "return")

    def _record_rating(self, code: str, stage: str, score: int, reason: str) -> None:
        """Store the citizen's answer as an event on the dossier, on a worker."""
        from counter_app.services.rating import rate  # noqa: PLC0415

        if self.database is None:
            return
        database, actor = self.database, self.actor()
        self._rating_task = tasks.start(
            lambda: rate(database, code, score, actor, reason, stage),
            lambda _stored: self.statusBar().showMessage(self.tr("Rating recorded for {0}").format(code), 5000),
            lambda message: self.statusBar().showMessage(message, 8000), owner=self)

    def _after_sync_round(self, report: Any) -> None:
        if getattr(report, "feed_applied", 0):
            self.signals.emit_changes(Changes(dossiers=True, sync=True))

    def _after_intake(self, dossier: Dossier) -> None:
        """Print what the citizen takes away: slip 01, or form 02 / 03 when the dossier was sent back."""
        from counter_app.forms import Form  # noqa: PLC0415
        from counter_app.lifecycle import Status  # noqa: PLC0415
        from ui.print_dialog import form_job  # noqa: PLC0415

        self.signals.emit_changes(Changes.dossier(str(dossier.code or dossier.id)))
        if dossier.status is Status.ACCEPTED and self.rate_after_intake.isChecked():
            self.rating_window.ask(str(dossier.code), "intake")
        forms = {Status.ACCEPTED: Form.RECEIPT, Status.COUNTER_SUPPLEMENT: Form.SUPPLEMENT,
                 Status.REFUSED_AT_COUNTER: Form.REFUSAL}
        form = forms.get(dossier.status)
        if form is None or self.database is None:
            return
        database, ref = self.database, str(dossier.code or dossier.id)
        self._print_task = tasks.start(lambda: form_job(database, ref, form), self._deliver_slip,
                                       self.intake.show_error, owner=self)

    def _deliver_jobs(self, jobs: list[PrintJob]) -> None:
        for job in jobs:
            self._deliver_slip(job)

    def _deliver_slip(self, job: PrintJob) -> None:
        if self.print_service.remembered_printer(job):
            self.print_service.print_directly(job)
            self.statusBar().showMessage(self.tr("Printing: {0}").format(job.title), 8000)
            return
        folder = self.data_dir / "printouts"
        path = folder / (job.title.replace(" ", "_").replace("/", "-") + ".pdf")

        def save() -> Path:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(job.pdf)
            return path

        self._print_task = tasks.start(save, self._saved_slip, self.intake.show_error, owner=self)

    def _saved_slip(self, path: Path) -> None:
        """No printer here: the PDF is kept and opened, so it can be printed from the viewer."""
        self.last_slip = path
        self.statusBar().showMessage(self.tr("No printer chosen: the form opens as a PDF to print."), 15000)
        self.opener(path)

    def reprint_receipt(self, code: str) -> None:
        """'Print again' on the intake's confirmation: slip 01 of that dossier once more."""
        from counter_app.forms import Form  # noqa: PLC0415
        from ui.print_dialog import form_job  # noqa: PLC0415

        if self.database is None or not code:
            return
        database = self.database
        self._print_task = tasks.start(lambda: form_job(database, code, Form.RECEIPT), self._deliver_slip,
                                       self.intake.show_error, owner=self)

    def upgrade_timestamps(self) -> None:
        """When a time-stamp authority is configured, add time-stamps to signed PDFs still waiting (retried)."""
        from ui.setting_keys import TSA_URL_KEY  # noqa: PLC0415

        url = str(self.settings.value(TSA_URL_KEY, "") or "")
        if not url or self.database is None or self._timestamp_task is not None:
            return
        database, actor = self.database, self.actor()

        def finished(outcome: UpgradeRound) -> None:
            self._timestamp_task = None
            if outcome.done:
                self.statusBar().showMessage(self.tr("{0} signed document(s) time-stamped").format(len(outcome.done)),
                                             8000)

        def failed(message: str) -> None:
            self._timestamp_task = None
            self.statusBar().showMessage(message, 8000)

        def work() -> UpgradeRound:
            from scanning.dossier_signing import upgrade_pending  # noqa: PLC0415 (pyHanko: only when configured)
            from scanning.verification import office_roots  # noqa: PLC0415

            return upgrade_pending(database, url, actor, office_roots(database.data_dir))

        self._timestamp_task = tasks.start(work, finished, failed, owner=self)

    def actor(self) -> str:
        return self.user.username if self.user else ""

    # ---- navigation
    def show_section(self, key: str) -> None:
        shows: dict[str, Callable[[], None]] = {"home": self.show_home, "intake": self.show_intake,
                                                "dossiers": lambda: self.show_list("all"), "sync": self.show_sync,
                                                "admin": self.show_admin, "postal": self.show_postal,
                                                "reports": self.show_reports}
        if key in shows:
            shows[key]()
        elif key in self.screens:
            page, on_show = self.screens[key]
            if page is not None:
                self._show_page(page, key)
            if on_show is not None:
                on_show()

    def _show_page(self, page: QWidget, section: str) -> None:
        if section != "dossiers" or page is not self.dossier:
            self.back_to = section
        self.pages.setCurrentWidget(page)
        self.sidebar.set_current(section)

    def show_home(self) -> None:
        self._show_page(self.home, "home")
        self.home.refresh()

    def show_intake(self) -> None:
        self._show_page(self.intake, "intake")
        self.intake.procedure_search.setFocus()

    def _open_tile(self, key: str) -> None:
        if key == "returned_by_post" and "postal" in self.screens:
            from ui.postal_view import DISPATCH  # noqa: PLC0415

            self.show_postal(DISPATCH)
        else:
            self.show_list(key)

    def show_postal(self, tab: int | None = None) -> None:
        """The «Bưu chính» screen, for the postal and clerk roles (and the administrator)."""
        if self.user is None or self.user.role not in POSTAL_ROLES or "postal" not in self.screens:
            return
        if getattr(self, "postal", None) is None:
            from ui.pages import make_postal  # noqa: PLC0415

            make_postal(self)
        self._show_page(self.postal, "postal")
        self.postal.load()
        self.postal.show_tab(self.postal.tabs.currentIndex() if tab is None else tab)

    def show_reports(self) -> None:
        if getattr(self, "reports", None) is None:
            from ui.pages import make_reports  # noqa: PLC0415 (reportlab and openpyxl load when first opened)

            make_reports(self)
        self._show_page(self.reports, "reports")
        if self.reports.loaded is None:
            self.reports.refresh()

    def show_rating_window(self) -> None:
        self.rating_window.show_on_customer_screen()

    def show_list(self, quick: str = "all") -> None:
        self._show_page(self.dossiers, "dossiers")
        self.dossiers.show_quick(quick)
        self.dossiers.search.setFocus()

    def show_sync(self) -> None:
        self._show_page(self.sync_view, "sync")
        self.sync.refresh()

    def show_admin(self) -> None:
        from counter_app.model import Role  # noqa: PLC0415

        if self.user is not None and self.user.role is Role.ADMIN:
            self._show_page(self.admin, "admin")
            self.admin.load()

    def go_back(self) -> None:
        """Alt+Left / Esc on one dossier: back to the section it was opened from."""
        if self.pages.currentWidget() is self.dossier:
            self.show_section(self.back_to if self.back_to in self.sidebar.buttons else "home")

    @Slot(str)
    def open_dossier(self, ref: str) -> None:
        self.pages.setCurrentWidget(self.dossier)
        self.sidebar.set_current("dossiers")
        self.dossier.show_dossier(ref)

    @Slot(str)
    def on_scanned(self, payload: str) -> None:
        """A dossier code from any screen opens it; a CCCD QR goes to the intake form."""
        from counter_app.codes import looks_like_code  # noqa: PLC0415

        if self.user is None or (self.lock_screen is not None and self.lock_screen.isVisible()):
            return
        if getattr(self, "postal", None) is not None and self.pages.currentWidget() is self.postal:
            self.postal.on_scanned(payload)
        elif looks_like_code(payload):
            self.open_dossier(payload.strip().upper())
        elif "|" in payload:
            if self.pages.currentWidget() is not self.intake:
                self.show_intake()
            self.intake.fill_from_qr(payload)
        else:
            self.statusBar().showMessage(self.tr("Scanned text is neither a dossier code nor a CCCD QR code."), 5000)

    # ---- lock, print, language
    def lock(self) -> None:
        if self.database is None or self.user is None:
            return
        self.lock_screen = LockScreen(self.database, self.user, self)
        self.lock_screen.switch_user.connect(self.switch_user)
        self.lock_screen.setGeometry(self.geometry())
        self.lock_screen.open()
        self.lock_screen.secret.setFocus()

    def current_section(self) -> str:
        if self.screens and self.pages.currentWidget() is self.dossier:
            return "dossier"
        return self.sidebar.current() or "home"

    def open_help(self) -> None:
        from ui.help_dialog import HelpDialog  # noqa: PLC0415

        self.help_dialog = HelpDialog(self.current_section(), self)
        self.help_dialog.show()

    def _offer_tour(self) -> None:
        """The three-step tour, once, after the first administrator has been created."""
        from ui.help_dialog import TOUR_DONE_KEY, FirstRunTour  # noqa: PLC0415

        if self.settings.value(TOUR_DONE_KEY, False, type=bool):
            return
        self.tour = FirstRunTour(self)
        self.tour.finished.connect(lambda _result: self.settings.setValue(TOUR_DONE_KEY, True))
        self.tour.show()

    def open_account(self) -> None:
        from ui.account_dialog import AccountDialog  # noqa: PLC0415

        if self.database is not None and self.user is not None:
            self.account_dialog = AccountDialog(self.database, self.user.username, self.user.full_name, self)
            self.account_dialog.open()

    def switch_user(self) -> None:
        """From the lock screen: someone else logs in; the screens stay as they were."""
        self.login_dialog = LoginDialog(self.database, parent=self)
        self.login_dialog.logged_in.connect(self._logged_in)
        self.login_dialog.open()

    @Slot()
    def open_print_dialog(self, code: str = "") -> PrintFormDialog | None:
        from ui.print_dialog import PrintFormDialog  # noqa: PLC0415

        if self.database is None or self.user is None:
            return None
        self.print_dialog = PrintFormDialog(self.database, self.print_service, self)
        if code:
            self.print_dialog.code_edit.setText(code)
        self.print_dialog.show()
        return self.print_dialog

    def set_language(self, language: str) -> None:
        self.settings.setValue("ui/language", language)
        self.settings.sync()
        self.statusBar().showMessage(self.tr("The language changes at the next start."), 8000)

    def closeEvent(self, event: QCloseEvent) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scanner)
        if getattr(self, "sync", None) is not None:
            self.sync.stop()
        if getattr(self, "backups", None) is not None:
            self.backups.stop()
        if getattr(self, "rating_window", None) is not None:
            self.rating_window.close()
        if self.database is not None:
            self.database.dispose()
            self.database = None
        super().closeEvent(event)

"""The main window: log in, then home, intake, dossiers, one dossier, administration; status bar; scanners."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer, QUrl, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget

from counter_app.clock import local, now
from counter_app.codes import looks_like_code
from counter_app.forms import Form
from counter_app.lifecycle import Action, Status
from counter_app.model import Dossier, Office, Role
from counter_app.services.office import ensure_initialised
from counter_app.services.rating import rate
from counter_app.services.users import User, has_users
from counter_app.storage.database import Database
from printing.spool import PrintJob
from scanning.dossier_signing import UpgradeRound, upgrade_pending
from scanning.verification import office_roots
from ui import ocr_worker, tasks
from ui.admin_view import AdminView
from ui.dossier_list import DossierListView
from ui.dossier_view import DossierView
from ui.home_panel import HomePanel
from ui.intake_view import IntakeView
from ui.login import LockScreen, LoginDialog
from ui.postal_view import DISPATCH, PostalView
from ui.print_dialog import PrintFormDialog, form_job
from ui.print_service import PrintService
from ui.rating_window import RatingWindow
from ui.report_view import ReportView
from ui.setting_keys import TSA_URL_KEY
from ui.sync_controller import SyncController, SyncSnapshot
from ui.sync_view import SyncView, local_time, outbox_text, status_text
from ui.wedge import ScannerFilter

TIMESTAMP_RETRY_MS = 10 * 60 * 1000
POSTAL_ROLES = frozenset({Role.POSTAL, Role.CLERK, Role.ADMIN})
_OUTCOME_FORMS = {Status.ACCEPTED: Form.RECEIPT, Status.COUNTER_SUPPLEMENT: Form.SUPPLEMENT,
                  Status.REFUSED_AT_COUNTER: Form.REFUSAL}


@dataclass(frozen=True)
class _Opened:
    database: Database
    office: Office
    has_users: bool


def _open(data_dir: Path, database_url: str | None) -> _Opened:
    """Open (and on first launch create) the database; runs on a worker thread."""
    database = Database.open(data_dir, database_url)
    return _Opened(database, ensure_initialised(database), has_users(database))


class MainWindow(QMainWindow):
    """Holds the application's one Database and closes it at exit; nothing is shown before a login."""

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
        self.lock_screen: LockScreen | None = None
        self.print_dialog: PrintFormDialog | None = None
        self.print_service = PrintService(self.settings, self)
        self.rating_window = RatingWindow()
        self.rating_window.rated.connect(self._record_rating)
        self._rating_task: tasks.Task | None = None
        self.scanner = scanner or ScannerFilter(parent=self)
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.setWindowTitle(self.tr("Counter — one-stop counter"))
        self.office_label = QLabel(self.tr("Opening the database…"))
        self._status_bar()
        self._actions()
        self._task: tasks.Task | None = None

    # ---- start-up
    def start(self) -> None:
        self._task = tasks.start(
            lambda: _open(self.data_dir, self.database_url), self._on_loaded, self._on_failed, owner=self
        )

    def _on_loaded(self, opened: _Opened) -> None:
        self.database, self.office = opened.database, opened.office
        self.office_label.setText(opened.office.name)
        self.login_dialog = LoginDialog(opened.database, first_run=not opened.has_users, parent=self)
        self.login_dialog.logged_in.connect(self._logged_in)
        self.login_dialog.open()

    def _on_failed(self, message: str) -> None:
        self.office_label.setText(message)

    def _logged_in(self, user: User) -> None:
        assert self.database is not None
        self.user = user
        self.user_label.setText(self.tr("User: {0}").format(user.full_name))
        self._build_pages(self.database)
        for action in self.session_actions:
            action.setEnabled(True)
        self.admin_action.setEnabled(user.role is Role.ADMIN)
        self.postal_action.setEnabled(user.role in POSTAL_ROLES)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.scanner)
        self.scanner.scanned.connect(self.on_scanned)
        if user.role is Role.POSTAL:
            self.show_postal()
        else:
            self.show_home()
        self.activateWindow()

    def _build_pages(self, database: Database) -> None:
        actor = self.actor
        self.home = HomePanel(database)
        office = self.office.name if self.office else ""
        self.intake = IntakeView(database, actor, self.language, settings=self.settings, office_name=office)
        self.dossiers = DossierListView(database, self.language)
        self.dossier = DossierView(database, actor, self.language)
        self.dossier.settings = self.settings
        self.sync = SyncController(database, self.settings, self)
        self.sync.changed.connect(self._show_sync)
        self.sync_view = SyncView(database, self.sync, self.settings)
        self.admin = AdminView(database, actor(), self.settings)
        self.admin.signing_changed.connect(self.upgrade_timestamps)
        self.postal = PostalView(database, actor)
        self.postal.print_jobs.connect(self._deliver_jobs)
        self.postal.changed.connect(self.home.refresh)
        self.reports = ReportView(database, self.language)
        self.reports.open_requested.connect(self.open_dossier)
        for page in (self.home, self.intake, self.dossiers, self.dossier, self.admin, self.sync_view, self.postal,
                     self.reports):
            self.pages.addWidget(page)
        self.home.open_list.connect(self._open_tile)
        self.dossiers.open_requested.connect(self.open_dossier)
        self.intake.finished.connect(self._after_intake)
        self.dossier.changed.connect(self._after_change)
        self.dossier.print_requested.connect(self.open_print_dialog)
        self.intake.load_procedures()
        self._timestamps = QTimer(self, interval=TIMESTAMP_RETRY_MS)
        self._timestamps.timeout.connect(self.upgrade_timestamps)
        self._timestamps.start()
        self.upgrade_timestamps()
        self.sync.start()
        ocr_worker.start(database)  # text layers a switched-off PC did not finish

    def _show_sync(self, snapshot: SyncSnapshot) -> None:
        """Status bar: connection, outbox size, last sync; red when nothing has synced for too long."""
        state = snapshot.summary.state
        self.sync_label.setText(self.tr("Sync: {0}").format(status_text(snapshot)))
        last = local_time(state.last_success)
        self.outbox_label.setText(self.tr("Outbox: {0}").format(outbox_text(snapshot))
                                  + (self.tr("; last sync {0}").format(last) if last else ""))
        alarm = "color: #b00000; font-weight: bold" if snapshot.overdue or state.halted else ""
        self.sync_label.setStyleSheet(alarm)
        self.outbox_label.setStyleSheet(alarm)

    def _after_change(self, dossier: Dossier) -> None:
        """Refresh the counts; a result just handed over asks the citizen for a rating."""
        self.home.refresh()
        if dossier.status is Status.RETURNED and dossier.events and dossier.events[-1].type is Action.RETURN_RESULT:
            self.rating_window.ask(str(dossier.code or dossier.id), "return")

    def _record_rating(self, code: str, stage: str, score: int, reason: str) -> None:
        """Store the citizen's answer as an event on the dossier, on a worker."""
        if self.database is None:
            return
        database, actor = self.database, self.actor()
        self._rating_task = tasks.start(
            lambda: rate(database, code, score, actor, reason, stage),
            lambda _stored: self.statusBar().showMessage(self.tr("Rating recorded for {0}").format(code), 5000),
            lambda message: self.statusBar().showMessage(message, 8000), owner=self)

    def _after_intake(self, dossier: Dossier) -> None:
        """Print what the citizen takes away: slip 01, or form 02 / 03 when the dossier was sent back."""
        self.home.refresh()
        if dossier.status is Status.ACCEPTED and self.rate_after_intake.isChecked():
            self.rating_window.ask(str(dossier.code), "intake")
        form = _OUTCOME_FORMS.get(dossier.status)
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
        self.statusBar().showMessage(self.tr("No printer: the form was saved as {0}").format(str(path)), 15000)
        self.opener(path)

    def upgrade_timestamps(self) -> None:
        """When a time-stamp authority is configured, add time-stamps to signed PDFs still waiting (retried)."""
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
            return upgrade_pending(database, url, actor, office_roots(database.data_dir))

        self._timestamp_task = tasks.start(work, finished, failed, owner=self)

    def actor(self) -> str:
        return self.user.username if self.user else ""

    # ---- navigation
    def show_home(self) -> None:
        self.pages.setCurrentWidget(self.home)
        self.home.refresh()

    def show_intake(self) -> None:
        self.pages.setCurrentWidget(self.intake)
        self.intake.procedure_search.setFocus()

    def _open_tile(self, key: str) -> None:
        if key == "returned_by_post":
            self.show_postal(DISPATCH)
        else:
            self.show_list(key)

    def show_postal(self, tab: int | None = None) -> None:
        """The «Bưu chính» screen, for the postal and clerk roles (and the administrator)."""
        if self.user is None or self.user.role not in POSTAL_ROLES:
            return
        self.pages.setCurrentWidget(self.postal)
        self.postal.load()
        self.postal.show_tab(self.postal.tabs.currentIndex() if tab is None else tab)

    def show_list(self, quick: str = "all") -> None:
        self.pages.setCurrentWidget(self.dossiers)
        self.dossiers.show_quick(quick)
        self.dossiers.search.setFocus()

    def show_reports(self) -> None:
        self.pages.setCurrentWidget(self.reports)
        if self.reports.loaded is None:
            self.reports.refresh()

    def show_rating_window(self) -> None:
        self.rating_window.show_on_customer_screen()

    def show_sync(self) -> None:
        self.pages.setCurrentWidget(self.sync_view)
        self.sync.refresh()

    def show_admin(self) -> None:
        if self.user is not None and self.user.role is Role.ADMIN:
            self.pages.setCurrentWidget(self.admin)
            self.admin.load()

    @Slot(str)
    def open_dossier(self, ref: str) -> None:
        self.pages.setCurrentWidget(self.dossier)
        self.dossier.show_dossier(ref)

    @Slot(str)
    def on_scanned(self, payload: str) -> None:
        """A dossier code from any screen opens it; a CCCD QR goes to the intake form."""
        if self.user is None or (self.lock_screen is not None and self.lock_screen.isVisible()):
            return
        if self.pages.currentWidget() is getattr(self, "postal", None):
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
        self.lock_screen.setGeometry(self.geometry())
        self.lock_screen.open()
        self.lock_screen.secret.setFocus()

    @Slot()
    def open_print_dialog(self, code: str = "") -> PrintFormDialog | None:
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
        self.rating_window.close()
        if self.database is not None:
            self.database.dispose()
            self.database = None
        super().closeEvent(event)

    # ---- chrome
    def _status_bar(self) -> None:
        self.user_label = QLabel(self.tr("Not logged in"))
        self.sync_label = QLabel(self.tr("Sync: not set up"))
        self.outbox_label = QLabel(self.tr("Outbox: —"))
        self.clock_label = QLabel()
        for widget in (self.user_label, self.office_label, self.sync_label, self.outbox_label):
            self.statusBar().addWidget(widget)
        self.statusBar().addPermanentWidget(self.clock_label)
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self._tick()

    def _tick(self) -> None:
        self.clock_label.setText(f"{local(now()):%H:%M  %d/%m/%Y}")  # Vietnamese time, whatever the PC's zone

    def _actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Counter"))
        self.session_actions: list[QAction] = []
        for caption, keys, slot in (
            (self.tr("Home"), "Ctrl+1", self.show_home),
            (self.tr("New intake"), "Ctrl+2", self.show_intake),
            (self.tr("Find dossiers"), "Ctrl+3", lambda: self.show_list("all")),
            (self.tr("Print a form…"), QKeySequence.StandardKey.Print, self.open_print_dialog),
            (self.tr("Lock the screen"), "Ctrl+L", self.lock),
            (self.tr("Sync with the province"), "Ctrl+5", self.show_sync),
            (self.tr("Reports"), "Ctrl+7", self.show_reports),
            (self.tr("Customer rating window"), "Ctrl+8", self.show_rating_window),
        ):
            action = QAction(caption, self)
            action.setShortcut(QKeySequence(keys))
            action.setEnabled(False)
            action.triggered.connect(slot)
            menu.addAction(action)
            self.session_actions.append(action)
        self.print_action = self.session_actions[3]
        self.admin_action = QAction(self.tr("Administration"), self)
        self.admin_action.setShortcut(QKeySequence("Ctrl+4"))
        self.admin_action.setEnabled(False)
        self.admin_action.triggered.connect(self.show_admin)
        menu.addAction(self.admin_action)
        self.postal_action = QAction(self.tr("Postal service"), self)
        self.postal_action.setShortcut(QKeySequence("Ctrl+6"))
        self.postal_action.setEnabled(False)
        self.postal_action.triggered.connect(lambda _checked=False: self.show_postal())
        menu.addAction(self.postal_action)
        self.rate_after_intake = QAction(self.tr("Ask for a rating after intake too"), self, checkable=True)
        self.rate_after_intake.setChecked(str(self.settings.value("rating/after_intake", "false")).lower() == "true")
        self.rate_after_intake.toggled.connect(lambda on: self.settings.setValue("rating/after_intake", on))
        menu.addAction(self.rate_after_intake)
        language = self.menuBar().addMenu(self.tr("&Language"))
        for caption, code in (("Tiếng Việt", "vi"), ("English", "en")):
            action = QAction(caption, self)
            action.triggered.connect(lambda _=False, chosen=code: self.set_language(chosen))
            language.addAction(action)

"""The screens behind the sidebar, made once after the first log-in and wired to the window and to the
app-wide "changed" signal (so every list and tile refreshes when a service result or a sync round lands)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from counter_app.storage.database import Database
from ui.admin_view import AdminView
from ui.app_signals import Changes
from ui.backup_scheduler import BackupScheduler
from ui.dossier_list import DossierListView
from ui.dossier_view import DossierView
from ui.home_panel import HomePanel
from ui.intake_view import IntakeView
from ui.rating_window import RatingWindow
from ui.shortcuts import shortcut
from ui.sync_controller import SyncController
from ui.sync_view import SyncView

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def build_pages(window: MainWindow, database: Database) -> None:
    """Home, intake, dossiers, one dossier, administration and sync, in the window's page stack."""
    actor = window.actor
    window.home = HomePanel(database)
    office = window.office.name if window.office else ""
    window.intake = IntakeView(database, actor, window.language, settings=window.settings, office_name=office)
    window.dossiers = DossierListView(database, window.language)
    window.dossier = DossierView(database, actor, window.language)
    window.dossier.settings = window.settings
    window.sync = SyncController(database, window.settings, window)
    window.sync_view = SyncView(database, window.sync, window.settings)
    window.backups = BackupScheduler(database, window)
    window.admin = AdminView(database, actor, window.settings,
                             office_name=lambda: window.office.name if window.office else "")
    for page in (window.home, window.intake, window.dossiers, window.dossier, window.admin, window.sync_view):
        window.pages.addWidget(page)
    window.add_screen("postal", None)  # made when first opened: make_postal (printing, spreadsheets)
    window.add_screen("reports", None)  # made when first opened: make_reports
    window.rating_window = RatingWindow()
    _wire(window)
    window.intake.load_procedures()
    window.sync.start()
    window.backups.start()


def _wire(window: MainWindow) -> None:
    window.sync.changed.connect(window._show_sync)
    window.sync.round_done.connect(window._after_sync_round)
    window.backups.changed.connect(window.home.set_backup_status)
    window.admin.backup.backed_up.connect(window.backups.refresh)
    window.admin.signing_changed.connect(window.upgrade_timestamps)
    window.home.open_list.connect(window._open_tile)
    window.home.open_dossier.connect(window.open_dossier)
    window.home.new_intake.connect(window.show_intake)
    window.dossiers.open_requested.connect(window.open_dossier)
    window.intake.finished.connect(window._after_intake)
    window.intake.confirmation.reprint.connect(window.reprint_receipt)
    window.intake.confirmation.open_dossier.connect(window.open_dossier)
    window.dossier.changed.connect(window._after_change)
    window.rating_window.rated.connect(window._record_rating)
    window.dossier.print_requested.connect(window.open_print_dialog)
    window.dossier.header.back.clicked.connect(window.go_back)
    shortcut(Qt.Key.Key_Escape, window.dossier, window.go_back)
    window.signals.changed.connect(lambda changes: _refresh(window, changes))


def make_postal(window: MainWindow) -> None:
    """The «Bưu chính» screen, made the first time it is opened."""
    from ui.postal_view import PostalView  # noqa: PLC0415

    assert window.database is not None
    window.postal = PostalView(window.database, window.actor)
    window.postal.print_jobs.connect(window._deliver_jobs)
    window.postal.changed.connect(lambda *_: window.signals.emit_changes(Changes(dossiers=True)))
    window.pages.addWidget(window.postal)


def make_reports(window: MainWindow) -> None:
    """The «Báo cáo» screen, made the first time it is opened."""
    from ui.report_view import ReportView  # noqa: PLC0415

    assert window.database is not None
    window.reports = ReportView(window.database, window.language)
    window.reports.open_requested.connect(window.open_dossier)
    window.pages.addWidget(window.reports)


def _refresh(window: MainWindow, changes: Changes) -> None:
    """Each view that shows what changed reloads itself (the hidden ones too, so they are right when shown)."""
    if not changes.dossiers:
        return
    window.home.refresh()
    window.dossiers.refresh()
    shown = window.dossier.dossier
    if shown is None or not (changes.sync or window.pages.currentWidget() is not window.dossier):
        return  # the dossier view shows its own actions' results already
    if not changes.refs or {shown.code, str(shown.id)} & changes.refs:
        window.dossier.show_dossier(str(shown.code or shown.id))

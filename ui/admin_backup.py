"""Administration → backup: the folder (a USB stick, a share), generations kept and days before the home
screen turns red; back up now with progress, verify a backup, restore one into a new data folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.backup import policy
from counter_app.backup.status import BackupStatus, status
from counter_app.storage.database import Database
from ui import i18n, tasks, theme

if TYPE_CHECKING:
    from counter_app.backup.check import VerifyReport
    from counter_app.backup.make import BackupResult
    from counter_app.backup.restore import RestoreResult


class BackupPanel(QWidget):
    """Every action runs on a worker; `message` carries what to tell, `backed_up` a finished backup."""

    message = Signal(str)
    backed_up = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self._tasks: set[tasks.Task] = set()
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("e.g. the USB stick, E:\\ or /media/usb"))
        self.choose = QPushButton(theme.icon("folder-open"), self.tr("Choose…"))
        self.keep, self.stale_days = QSpinBox(), QSpinBox()
        for box in (self.keep, self.stale_days):
            box.setRange(1, 365)
            box.setMaximumWidth(120)
        self.save = QPushButton(self.tr("Save backup settings"))
        self.run = QPushButton(theme.icon("folders", "on_primary"), self.tr("Back up now"))
        theme.set_kind(self.run, "primary")
        self.verify = QPushButton(self.tr("Check the backup"))
        self.restore = QPushButton(self.tr("Restore into a new data folder…"))
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.state_label, self.space_label, self.result = QLabel(), QLabel(), QLabel()
        for label in (self.state_label, self.space_label, self.result):
            label.setWordWrap(True)
        self._arrange()
        self.choose.clicked.connect(self._choose)
        self.save.clicked.connect(self.store)
        self.run.clicked.connect(self.back_up)
        self.verify.clicked.connect(self.verify_backup)
        self.restore.clicked.connect(self._restore)

    def _arrange(self) -> None:
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        form.addRow(self.tr("Backup folder"), row)
        form.addRow(self.tr("Generations kept"), self.keep)
        form.addRow(self.tr("Show the last backup in red after (days)"), self.stale_days)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save)
        save_row.addStretch()
        form.addRow(save_row)
        note = theme.set_role(QLabel(self.tr(
            "Counter backs up once a day while it runs, when the folder is there; everything is encrypted. "
            "A backup cut off (a stick pulled out) is never used.")), "muted")
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.run, self.verify, self.restore):
            buttons.addWidget(button)
        buttons.addStretch()
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(note)
        column.addWidget(self.state_label)
        column.addWidget(self.space_label)
        column.addLayout(buttons)
        column.addWidget(self.progress)
        column.addWidget(self.result)
        column.addStretch()

    def load(self) -> None:
        database = self.database
        self._start(lambda: status(database), self.show_status)

    def show_status(self, found: BackupStatus) -> None:
        lang = i18n.language()
        self.folder.setText(found.state.target)
        self.keep.setValue(found.state.keep)
        self.stale_days.setValue(found.state.stale_days)
        text = found.last_backup_text(lang)
        if found.state.last_error:
            text += "\n" + self.tr("The last attempt failed: {0}").format(found.state.last_error)
        self.state_label.setText(text)
        theme.set_tone(self.state_label, "danger" if found.stale or found.state.last_error else "success")
        warnings = found.warning_texts(lang)
        self.space_label.setText("\n".join(warnings))
        theme.set_tone(self.space_label, "danger" if warnings else "")

    def _choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def store(self) -> None:
        database, folder = self.database, self.folder.text().strip()
        keep, stale_days = self.keep.value(), self.stale_days.value()
        self._start(lambda: policy.configure(database, folder, keep, stale_days),
                    self._saved)

    def _saved(self, _state: object) -> None:
        self.message.emit(self.tr("Backup settings saved."))
        self.load()

    def back_up(self) -> None:
        """Save the settings shown, then back up to the folder, with progress."""
        database, folder = self.database, self.folder.text().strip()
        keep, stale_days = self.keep.value(), self.stale_days.value()
        if not folder:
            self.message.emit(self.tr("Choose the backup folder first."))
            return

        def work(report: Any) -> BackupResult:
            from counter_app.backup import commands  # noqa: PLC0415 (the cipher loads when used)

            policy.configure(database, folder, keep, stale_days)
            return commands.run_and_record(database, Path(folder), keep, lambda done, total: report((done, total)))

        self._busy(True)
        task = tasks.start_reporting(work, self._progress, self._backed_up, self._failed, owner=self)
        self._tasks.add(task)

    def _progress(self, value: tuple[int, int]) -> None:
        done, total = value
        self.progress.setRange(0, 1000)
        self.progress.setValue(min(1000, int(1000 * done / total)) if total else 1000)

    def _backed_up(self, result: BackupResult) -> None:
        self._busy(False)
        self.result.setText(self.tr("Backup {0} written: {1} scans ({2} new).").format(
            result.generation, i18n.number(result.blobs), i18n.number(result.blobs_new)))
        self.message.emit(self.tr("Backup finished."))
        self.backed_up.emit()
        self.load()

    def _failed(self, text: str) -> None:
        self._busy(False)
        self.result.setText(str(text))
        theme.set_tone(self.result, "danger")
        self.load()

    def verify_backup(self) -> None:
        database, folder = self.database, self.folder.text().strip()
        if not folder:
            self.message.emit(self.tr("Choose the backup folder first."))
            return
        from counter_app.backup.check import verify  # noqa: PLC0415 (the cipher loads when used)
        from counter_app.backup.keys import for_installation  # noqa: PLC0415

        self._busy(True)
        self._start(lambda: verify(Path(folder), for_installation(database.data_dir, database.key).key), self._checked,
                    self._failed)

    def _checked(self, report: VerifyReport) -> None:
        self._busy(False)
        lang = i18n.language()
        lines = []
        for generation in report.generations:
            verdict = self.tr("intact ({0} dossiers)").format(i18n.number(generation.dossiers)) if generation.ok \
                else self.tr("NOT usable")
            lines.append(f"{'✓' if generation.ok else '✗'} {generation.generation}: {verdict}")
            lines += [f"      {problem.text(lang)}" for problem in generation.problems]
        self.result.setText("\n".join(lines) or self.tr("No backup in this folder."))
        theme.set_tone(self.result, "danger" if report.failed else "success")

    def _restore(self) -> None:
        source = QFileDialog.getExistingDirectory(self, self.tr("The backup to restore"), self.folder.text())
        if not source:
            return
        target = QFileDialog.getExistingDirectory(self, self.tr("A new, empty data folder"))
        if target:
            self.restore_into(Path(source), Path(target))

    def restore_into(self, source: Path, target: Path) -> None:
        """Restore on a worker (the data folder in use is never touched)."""
        from counter_app.backup import commands, restore  # noqa: PLC0415 (the cipher loads when used)
        from counter_app.backup.keys import for_installation  # noqa: PLC0415

        key = for_installation(self.database.data_dir, self.database.key).key
        data_key = self.database.key

        def work() -> RestoreResult:
            result = restore.restore(source, target, key)
            commands.finish_restore(target, data_key)
            return result

        self._busy(True)
        self._start(work, self._restored, self._failed)

    def _restored(self, result: RestoreResult) -> None:
        self._busy(False)
        self.result.setText(self.tr("Backup {0} restored into {1} ({2} dossiers). Start Counter with this data "
                                    "folder on the new computer.").format(
            result.generation, result.data_dir, i18n.number(result.dossiers)))
        theme.set_tone(self.result, "success")

    def _busy(self, busy: bool) -> None:
        for button in (self.run, self.verify, self.restore, self.save):
            button.setEnabled(not busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.result.clear()
            theme.set_tone(self.result, "")

    def _start(self, work: Any, done: Any, failed: Any = None) -> None:
        task = tasks.start(work, lambda value: self._finish(task, done, value),
                           lambda text: self._finish(task, failed or self.message.emit, text), owner=self)
        self._tasks.add(task)

    def _finish(self, task: tasks.Task, callback: Any, value: Any) -> None:
        self._tasks.discard(task)
        callback(value)

"""The support report (`counter-app doctor`, the crash dialog's "copy the report"): versions, the database's
health, disk space, the devices found, the sync state and where the log is. No citizen data in it."""

from __future__ import annotations

import importlib.metadata
import platform
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from counter_app import __version__, logs
from counter_app.backup.space import data_space
from counter_app.backup.status import status as backup_status
from counter_app.services import audit, outbox
from counter_app.storage.database import Database

PACKAGES = ("SQLAlchemy", "alembic", "PySide6_Essentials", "reportlab", "pyHanko", "httpx", "pikepdf",
            "Pillow", "psycopg")


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


@dataclass(frozen=True)
class SupportReport:
    versions: dict[str, str]
    data_dir: str
    log_file: str
    checks: tuple[Check, ...]
    printers: tuple[str, ...] = ()
    scanners: tuple[str, ...] = ()
    sync: dict[str, object] = field(default_factory=dict)
    devices_checked: bool = False  # the crash report does not wait for a printer and scanner search

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)


def versions() -> dict[str, str]:
    """Python, the OS, this app's version and the packages that matter for a support case (not imported: read
    from their metadata, which the packaged app may lack)."""
    found = {"python": platform.python_version(), "os": platform.platform(), "counter-app": __version__}
    for package in PACKAGES:
        try:
            found[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            found[package] = "—"
    return found


def report(db: Database, printers: tuple[str, ...] = (), scanners: tuple[str, ...] = ()) -> SupportReport:
    """Everything support asks first, gathered without changing anything."""
    checks = (database_check(db), audit_check(db), disk_check(db.data_dir), *backup_checks(db))
    return SupportReport(versions(), str(db.data_dir), str(logs.log_path(db.data_dir)), checks, printers, scanners,
                         sync_state(db), devices_checked=True)


def report_without_database(data_dir: Path, error: Exception) -> SupportReport:
    """What can still be said when the database does not even open."""
    checks = (Check("database", False, f"does not open: {type(error).__name__}"), disk_check(data_dir))
    return SupportReport(versions(), str(data_dir), str(logs.log_path(data_dir)), checks)


def database_check(db: Database) -> Check:
    """The engine (URL without its password), the schema revision and the engine's own integrity check."""
    where = make_url(db.url).render_as_string(hide_password=True)
    try:
        with db.read() as session:
            revision = session.scalar(text("SELECT version_num FROM alembic_version"))
            verdict = str(session.scalar(text("PRAGMA quick_check"))) if db.dialect == "sqlite" else "ok"
    except Exception as error:  # a report of a broken database must still be printed
        return Check("database", False, f"{where}: {type(error).__name__}")
    return Check("database", verdict == "ok", f"{where}, schema {revision}, integrity {verdict}")


def audit_check(db: Database) -> Check:
    try:
        result = audit.verify(db)
    except Exception as error:  # reported, not raised: the rest of the report still matters
        return Check("audit log", False, type(error).__name__)
    detail = f"{result.entries} entries, " + ("chain intact" if result.intact else f"broken at {result.first_broken}")
    return Check("audit log", result.intact, detail)


def disk_check(folder: Path) -> Check:
    """Low by the same rule as the home screen's warning (counter_app.backup.space)."""
    found = data_space(folder)
    return Check("disk", not found.low, f"{found.free / 1024**3:.1f} GB free of {found.total / 1024**3:.1f} GB")


def backup_checks(db: Database) -> tuple[Check, ...]:
    """The last good backup (a problem when older than the setting's days, or none) and the backup folder."""
    try:
        found = backup_status(db)
    except Exception as error:  # reported, not raised
        return (Check("backup", False, type(error).__name__),)
    where = found.state.target or "no folder set"
    checks = [Check("backup", not found.stale, f"{found.last_backup_text('en')} (folder: {where})")]
    if found.state.target:
        detail = (f"{found.target.free / 1024**3:.1f} GB free, next backup about {found.next_bytes / 1024**2:.0f} MB"
                  if found.target else "not reachable (stick not plugged in?)")
        checks.append(Check("backup disk", found.target is not None and not found.target.low, detail))
    return tuple(checks)


def sync_state(db: Database) -> dict[str, object]:
    try:
        left = outbox.summary(db)
    except Exception as error:  # reported, not raised
        return {"error": type(error).__name__}
    state = left.state
    return {"enrolled": state.enrolled, "hub": state.hub_url or None, "pending_events": left.events,
            "pending_blobs": left.blobs, "last_success": state.last_success or None,
            "last_error": state.last_error or None, "halted": state.halted or None}


def render_text(found: SupportReport, log_tail: str = "") -> str:
    """The report as plain text, for the terminal and the clipboard."""
    lines = ["Counter — support report", f"data folder: {found.data_dir}", f"log file: {found.log_file}", ""]
    lines += [f"{name}: {version}" for name, version in found.versions.items()]
    lines += [""] + [f"[{'ok' if c.ok else 'PROBLEM'}] {c.name}: {c.detail}" for c in found.checks]
    if found.devices_checked:
        lines += [f"printers: {', '.join(found.printers) or 'none found'}",
                  f"scanners: {', '.join(found.scanners) or 'none found'}"]
    lines += [f"sync {key}: {value}" for key, value in found.sync.items()]
    if log_tail:
        lines += ["", "--- last lines of the log ---", logs.redact(log_tail)]
    return "\n".join(lines)

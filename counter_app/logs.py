"""The support log: a rotating file in the data folder, written through a formatter that masks ID numbers,
phone numbers, e-mail addresses and tokens (every message a user sees is logged by its key: errors.py)."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path
from typing import Any, Final

from counter_app.paths import private_file

LOG_FOLDER: Final = "logs"
LOG_FILE: Final = "counter.log"
MAX_BYTES: Final = 1024 * 1024
BACKUPS: Final = 4
_MASKS: Final = (
    (re.compile(r"eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*"), "‹token›"),  # signed device tokens (JWT)
    (re.compile(r"(?i)\b(bearer|authorization|pin|password|passphrase|token|code)([\"']?\s*[:=]\s*[\"']?)[^\s\"',&]+"),
     r"\1\2‹hidden›"),
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "‹email›"),
    (re.compile(r"(?<![\w.])\+?\d(?:[ .]?\d){8,}(?![\w.])"), "‹number›"),  # CCCD (12), old ID (9), phone (10+)
)
log = logging.getLogger("counter")


class RedactingFormatter(logging.Formatter):
    """Formats as usual (traceback included), then masks what must never reach the file."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _PrivateRotatingFile(logging.handlers.RotatingFileHandler):
    """Each log file is created 0600, the first one and every one after a rotation."""

    def _open(self) -> Any:
        private_file(Path(self.baseFilename))
        return super()._open()


def _not_noise(record: logging.LogRecord) -> bool:
    """Alembic's two lines at every start say nothing (its "Running upgrade …" lines stay)."""
    return not (record.name.startswith("alembic") and str(record.msg).startswith(("Context impl", "Will assume")))


def redact(text: str) -> str:
    """`text` with ID and phone numbers, e-mail addresses, PINs, passwords and tokens masked."""
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return text


def log_path(data_dir: Path) -> Path:
    return data_dir / LOG_FOLDER / LOG_FILE


def setup(data_dir: Path, level: int = logging.INFO) -> Path:
    """Send every logger (ours, SQLAlchemy's, pyHanko's…) to the rotating file, and nothing to the console:
    a library's warning or traceback no longer lands on stderr before a command's answer."""
    path = log_path(data_dir)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    handler = _PrivateRotatingFile(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    handler.setFormatter(RedactingFormatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "counter_log", False)]:
        root.removeHandler(old)
        old.close()
    handler.addFilter(_not_noise)
    handler.counter_log = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    return path


def tail(data_dir: Path, lines: int = 200) -> str:
    """The last `lines` lines of the log, for a support report ('' when there is no log yet)."""
    path = log_path(data_dir)
    try:
        with path.open("rb") as handle:
            handle.seek(0, 2)
            handle.seek(max(0, handle.tell() - lines * 300))
            text = handle.read().decode("utf-8", "replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])

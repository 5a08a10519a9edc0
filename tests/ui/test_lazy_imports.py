"""Start-up stays light: the log-in window and the screens behind it load no heavy library until used."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pyhanko", "openpyxl", "alembic", "numpy", "PIL", "pikepdf", "httpx", "nacl", "reportlab", "aiohttp")
PROBE = f"""
import sys
import ui.app, ui.pages, ui.crash, ui.ocr_worker
import counter_app.services.office, counter_app.services.queries, counter_app.storage.database
print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))
"""


def test_the_gui_and_its_screens_import_no_heavy_library() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert done.stdout.strip() == "[]", done.stdout


def test_an_up_to_date_database_opens_without_alembic(tmp_path: object) -> None:
    probe = (f"import sys; from pathlib import Path; from counter_app.storage.database import Database\n"
             f"Database.open(Path({str(tmp_path)!r})).dispose()\n"  # created: Alembic runs
             f"del sys.modules['alembic']\n"
             f"[sys.modules.pop(m) for m in list(sys.modules) if m.startswith('alembic')]\n"
             f"Database.open(Path({str(tmp_path)!r})).dispose()\n"
             f"print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr[-2000:]


def test_the_window_starts_without_the_command_line_or_the_database() -> None:
    """`counter-app` with no command (and the start-up probe `make dist` times) reaches the log-in window without
    the commands' parser and what it imports: SQLAlchemy and the services load behind the window."""
    probe = ("import sys; from counter_app import entry; import ui.app, ui.startup_probe\n"
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'sync', 'printing', 'scanning'}),"
             " 'counter_app.cli' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert done.stdout.strip() == "[] False", done.stdout + done.stderr[-2000:]

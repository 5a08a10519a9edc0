"""The data key at the GUI's start: from the keyring, else the office password; a new folder (or one made before
encryption) is encrypted with the password chosen, and its recovery sheet saved to print. Runs on a worker."""

from __future__ import annotations

import shutil
from pathlib import Path

from counter_app.errors import AuthError
from counter_app.protect import access, convert
from counter_app.protect.stream import key_id
from printing.recovery_sheet import write_recovery_sheet
from ui.office_password import LOCKED

OPENED = "opened"  # ui.dossier_view writes a document there for the system's PDF viewer
Found = tuple[bytes | None, Path | None]  # (the key or None for plain data, the recovery sheet just saved)


def start_key(data_dir: Path, password: str | None, sheet_folder: Path) -> str | Found:
    """The key (and a new recovery sheet), or the mode to ask the password for (LOCKED, NEW, LEGACY) when
    `password` is None and it is needed. A wrong password raises AuthError: nothing is opened."""
    found = access.status(data_dir)
    plain_allowed = access.dev_unencrypted()
    if found.mode in (access.NEW, access.LEGACY_PLAIN) and not plain_allowed:
        if password is None:
            return found.mode
        key = (access.set_up(data_dir, password) if found.mode == access.NEW
               else convert.encrypt_folder(data_dir, password))
        sheet_folder.mkdir(parents=True, exist_ok=True)
        sheet = sheet_folder / f"Counter - to khoi phuc {key_id(key).hex()}.pdf"
        write_recovery_sheet(sheet, key, str(data_dir))
        return key, sheet
    if found.mode == access.NEW:
        access.set_up_plain_development(data_dir)
    if not found.needs_key:
        return None, None
    try:
        key = access.unlock(data_dir, password)
    except AuthError as error:
        if error.key == "protect.locked":
            return LOCKED
        raise
    shutil.rmtree(data_dir / OPENED, ignore_errors=True)  # PDFs handed to the viewer last time: plaintext
    return key, None

"""`counter-app protect …` (status, encrypt, change-password, recover, recovery-sheet, forget-keyring) and the
command line's way to the data key: keyring, else `--password-file`, COUNTER_PASSWORD_FILE, COUNTER_PASSWORD, or
a prompt at a terminal."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from counter_app import paths
from counter_app.errors import AuthError, ValidationError
from counter_app.messages import render
from counter_app.protect import access, convert, keyfile, keystore
from counter_app.protect.recovery import encode

MakeCommand = Callable[..., argparse.ArgumentParser]  # counter_app.cli's `_command`
PASSWORD_ENV: Final = "COUNTER_PASSWORD"
PASSWORD_FILE_ENV: Final = "COUNTER_PASSWORD_FILE"
NEW_PASSWORD_ENV: Final = "COUNTER_NEW_PASSWORD"
NEW_PASSWORD_FILE_ENV: Final = "COUNTER_NEW_PASSWORD_FILE"
SheetWriter = Callable[[Path, bytes, str], None]


def add_protect_commands(sub: Any, common: argparse.ArgumentParser, command: MakeCommand,
                         sheet_writer: Callable[[], SheetWriter]) -> None:
    group = sub.add_parser("protect", help="encryption of the data folder, office password, recovery") \
        .add_subparsers(dest="action", required=True)
    state = command(group, common, "status", _status, "encrypted or not; is the key in the OS keyring")
    encrypt = command(group, common, "encrypt", _encrypt, "encrypt a data folder made before encryption")
    encrypt.add_argument("--recovery-sheet", type=Path, help="write the recovery sheet (PDF) here")
    change = command(group, common, "change-password", _change_password,
                     "set a new office password (the key is re-wrapped, the data is not touched)")
    change.add_argument("--new-password-file", type=Path, help="file whose first line is the new password")
    recover = command(group, common, "recover", _recover, "regain access with the recovery sheet's code")
    recover.add_argument("--code", help="the 11 groups of the recovery sheet (or --code-file)")
    recover.add_argument("--code-file", type=Path, help="a file holding the code")
    recover.add_argument("--new-password-file", type=Path, help="file whose first line is the new password")
    sheet = command(group, common, "recovery-sheet", _sheet, "write the recovery sheet (PDF) again")
    sheet.add_argument("file", type=Path)
    forget = command(group, common, "forget-keyring", _forget, "remove the key from the OS keyring")
    for parser in (state, encrypt, change, recover, sheet, forget):
        parser.set_defaults(without_database=True, sheet_writer=sheet_writer)


def cli_key(args: argparse.Namespace) -> bytes | None:
    """The data key for a command that opens the database (None for an unencrypted folder); a new folder is
    set up encrypted here, unless COUNTER_DEV_UNENCRYPTED=1."""
    folder = paths.data_dir(args.data_dir)
    found = access.status(folder)
    if found.mode == access.NEW:
        if access.dev_unencrypted():
            access.set_up_plain_development(folder)
            return None
        key = access.set_up(folder, supplied_password(args, confirm=True))
        _say(render("protect.set_up_done", args.lang, code=encode(key)))
        return key
    if found.mode == access.LEGACY_PLAIN and not access.dev_unencrypted():
        _say(render("protect.legacy_plain", args.lang))
    if not found.needs_key:
        return None
    return unlock(folder, args)


def unlock(folder: Path, args: argparse.Namespace) -> bytes:
    try:
        return access.unlock(folder)
    except AuthError as error:
        if error.key != "protect.locked":
            raise
    return access.unlock(folder, supplied_password(args))


def supplied_password(args: argparse.Namespace, confirm: bool = False, new: bool = False) -> str:
    """The office password from a file, the environment or the terminal; AuthError when none is at hand."""
    option = getattr(args, "new_password_file" if new else "password_file", None)
    file_env, value_env = (NEW_PASSWORD_FILE_ENV, NEW_PASSWORD_ENV) if new else (PASSWORD_FILE_ENV, PASSWORD_ENV)
    file = option or (Path(os.environ[file_env]) if os.environ.get(file_env) else None)
    if file is not None:
        return _first_line(file)
    if os.environ.get(value_env):
        return os.environ[value_env]
    if sys.stdin.isatty():
        return _prompt(args.lang, confirm or new, new)
    raise AuthError("protect.password_needed_new" if new else "protect.password_needed")


def _prompt(lang: str, confirm: bool, new: bool) -> str:
    password = getpass.getpass(render("protect.prompt_new" if new or confirm else "protect.prompt", lang))
    if confirm and getpass.getpass(render("protect.prompt_again", lang)) != password:
        raise ValidationError("protect.password_mismatch")
    return password


def _say(text: str) -> None:
    sys.stderr.write(text + "\n")


def _first_line(file: Path) -> str:
    try:
        lines = file.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationError("protect.password_file", path=str(file)) from error
    return lines[0] if lines else ""


def _status(args: argparse.Namespace, _db: object) -> Any:
    found = access.status(paths.data_dir(args.data_dir), look_in_keyring=True)
    return {"mode": found.mode, "key_id": found.key_id, "in_keyring": found.in_keyring}


def _encrypt(args: argparse.Namespace, _db: object) -> Any:
    folder = paths.data_dir(args.data_dir)
    key = convert.encrypt_folder(folder, supplied_password(args, confirm=True))
    if args.recovery_sheet:
        args.sheet_writer()(args.recovery_sheet, key, str(folder))
    _say(render("protect.set_up_done", args.lang, code=encode(key)))
    return _status(args, None)


def _change_password(args: argparse.Namespace, _db: object) -> Any:
    folder = paths.data_dir(args.data_dir)
    key = unlock(folder, args)
    access.change_password(folder, key, supplied_password(args, new=True))
    return render("protect.password_changed", args.lang)


def _recover(args: argparse.Namespace, _db: object) -> Any:
    folder = paths.data_dir(args.data_dir)
    code = args.code or (_first_line(args.code_file) if args.code_file else None)
    if not code:
        raise ValidationError("protect.recovery_code_needed")
    access.recover(folder, code, supplied_password(args, new=True))
    return render("protect.recovered", args.lang)


def _sheet(args: argparse.Namespace, _db: object) -> Any:
    folder = paths.data_dir(args.data_dir)
    args.sheet_writer()(args.file, unlock(folder, args), str(folder))
    return str(args.file)


def _forget(args: argparse.Namespace, _db: object) -> Any:
    found = keyfile.load(paths.data_dir(args.data_dir))
    if found is not None and found.encrypted:
        keystore.forget(found.key_id)
    return _status(args, None)

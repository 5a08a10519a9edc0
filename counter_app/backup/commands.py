"""The `backup` and `restore` subcommands of `counter-app`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from counter_app import paths
from counter_app.backup import check, keys, make, policy, restore, space
from counter_app.errors import ValidationError
from counter_app.messages import render
from counter_app.storage.database import Database

MakeCommand = Callable[..., argparse.ArgumentParser]  # counter_app.cli's `_command`


def add_backup_commands(sub: Any, common: argparse.ArgumentParser, command: MakeCommand) -> None:
    backup = command(sub, common, "backup", _backup, "an encrypted backup to a folder (USB stick, share)")
    backup.add_argument("--to", type=Path, help="the folder (default: the one set with `backup settings`)")
    backup.add_argument("--keep", type=int, help="generations kept (default: the setting, 7)")
    group = backup.add_subparsers(dest="action")
    verify = command(group, common, "verify", _verify, "check every generation of a backup")
    verify.add_argument("folder", type=Path)
    verify.add_argument("--key-file", type=Path, help="the backup key (default: this installation's)")
    settings = command(group, common, "settings", _settings, "the backup folder, generations kept, days to red")
    settings.add_argument("--folder", help="the backup folder ('' to unset)")
    settings.add_argument("--keep", type=int, help="generations kept (1–365)")
    settings.add_argument("--stale-days", type=int, help="days after which the home screen shows it in red")
    restoring = command(sub, common, "restore", _restore, "restore a backup into a new, empty data folder")
    restoring.add_argument("folder", type=Path, help="the backup folder (or one generation in it)")
    restoring.add_argument("--recovery-code", help="the recovery sheet's code, when the office password is lost")
    restoring.add_argument("--key-file", type=Path,
                           help="the backup key of an unencrypted development folder (its backup.key)")
    restoring.set_defaults(without_database=True)


def _backup(args: argparse.Namespace, db: Database) -> Any:
    current = policy.state(db)
    target = args.to or (Path(current.target) if current.target else None)
    if target is None:
        raise ValidationError("backup.no_target")
    if not target.is_dir():
        raise ValidationError("backup.target_missing", path=str(target))
    keep = args.keep if args.keep is not None else current.keep
    result = run_and_record(db, target, keep)
    if args.json:
        return result
    return render("backup.done", args.lang, generation=result.generation, blobs=result.blobs, new=result.blobs_new,
                  size=space.mb(result.bytes_written), root=result.root)


def run_and_record(db: Database, target: Path, keep: int, progress: make.Progress | None = None) -> make.BackupResult:
    """A backup run, its outcome kept for the home screen (the date of the last good one, or the error)."""
    from counter_app.errors import CounterError  # noqa: PLC0415

    try:
        result = make.run(db, target, keys.for_installation(db.data_dir, db.key), keep, progress)
    except CounterError as error:
        policy.update(db, last_error=error.message("vi"))
        raise
    policy.update(db, last_good=result.created, last_generation=result.generation, last_error="")
    return result


def _verify(args: argparse.Namespace, db: Database) -> Any:
    key = _key(args, db.data_dir, db.key)
    report = check.verify(args.folder, key)
    return report if args.json else _verify_text(report, args.lang)


def _verify_text(report: check.VerifyReport, lang: str) -> Any:
    lines = [report.root]
    for generation in report.generations:
        verdict = render("backup.generation_ok" if generation.ok else "backup.generation_bad", lang,
                         name=generation.generation, dossiers=generation.dossiers, files=generation.files)
        lines += [verdict] + [f"    {problem.text(lang)}" for problem in generation.problems]
    return _Text("\n".join(lines), report.failed)


class _Text(str):
    """Text output that still tells the command line whether the check failed."""

    failed: bool
    problem = "backup.verify_failed"

    def __new__(cls, text: str, failed: bool) -> _Text:
        made = super().__new__(cls, text)
        made.failed = failed
        return made


def _settings(args: argparse.Namespace, db: Database) -> Any:
    return policy.configure(db, args.folder, args.keep, args.stale_days)


def _restore(args: argparse.Namespace, _db: Database | None) -> Any:
    data_key = None if args.key_file else _data_key(args)
    key = keys.from_data_key(data_key) if data_key is not None else args.key_file.read_bytes()
    result = restore.restore(args.folder, paths.data_dir(args.data_dir), key)
    finish_restore(Path(result.data_dir), data_key)
    if args.json:
        return result
    return render("backup.restored", args.lang, generation=result.generation, dossiers=result.dossiers,
                  blobs=result.blobs, path=result.data_dir)


def _data_key(args: argparse.Namespace) -> bytes:
    """The data key from the recovery code, else from the office password (file, environment or terminal)."""
    from counter_app.backup.unlock import data_key_for  # noqa: PLC0415
    from counter_app.protect.commands import supplied_password  # noqa: PLC0415

    if args.recovery_code:
        return data_key_for(args.folder, recovery_code=args.recovery_code)
    return data_key_for(args.folder, lambda: supplied_password(args))


def finish_restore(data_dir: Path, data_key: bytes | None = None) -> None:
    """The restored database opened once (migrated if the backup is older than the app), the numbers the lost
    hours may have used kept back, and the data key kept in this PC's keyring (where there is one)."""
    from counter_app.backup import after_restore  # noqa: PLC0415
    from counter_app.protect import access  # noqa: PLC0415

    if data_key is None and access.status(data_dir).needs_key:
        data_key = access.unlock(data_dir)
    elif data_key is not None:
        from counter_app.protect import keyfile, keystore  # noqa: PLC0415

        found = keyfile.load(data_dir)
        if found is not None and found.encrypted:
            keystore.remember(found.key_id, data_key)
    database = Database.open(data_dir, key=data_key)
    try:
        after_restore.keep_numbers_back(database)
    finally:
        database.dispose()


def _key(args: argparse.Namespace, data_dir: Path, key: bytes | None) -> bytes:
    return args.key_file.read_bytes() if args.key_file else keys.for_installation(data_dir, key).key

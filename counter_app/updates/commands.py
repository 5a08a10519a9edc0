"""`counter-app release …`: the release manager's two commands, run on the offline machine that holds the
release key: make a key pair once, then sign each package."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from counter_app.errors import ValidationError
from counter_app.storage.blobs import write_atomically

MakeCommand = Callable[..., argparse.ArgumentParser]  # counter_app.cli's `_command`
PRIVATE_FILE = "counter-release-private.pem"


def add_release_commands(sub: Any, common: argparse.ArgumentParser, command: MakeCommand) -> None:
    group = sub.add_parser("release", help="sign update packages (release manager, offline)").add_subparsers(
        dest="action", required=True)
    keygen = command(group, common, "keygen", _keygen, "make the release key pair (once, offline)")
    keygen.add_argument("--out", required=True, type=Path, help="a folder on removable media, kept offline")
    signing = command(group, common, "sign", _sign, "write PACKAGE.sig, the package's detached signature")
    signing.add_argument("package", type=Path, help="the tarball of the one-folder app")
    signing.add_argument("--version", required=True, help="the release's version, e.g. 1.2.0")
    signing.add_argument("--key", required=True, type=Path, help=f"the private key file ({PRIVATE_FILE})")
    signing.add_argument("--platform", help="what the package runs on (default: this machine's, e.g. "
                                            "linux-x86_64; windows-x86_64 for the Windows build)")
    for each in (keygen, signing):
        each.set_defaults(without_database=True)


def _keygen(args: argparse.Namespace, _db: object) -> Any:
    """The private half into `--out` (readable by its owner only, never overwritten); the public half is
    printed for counter_app/updates/release_keys.py."""
    from counter_app.updates.signing import new_key_pair  # noqa: PLC0415 (cryptography loads only here)

    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / PRIVATE_FILE
    if target.exists():
        raise ValidationError("update.key_exists", name=str(target))
    pem, public = new_key_pair()
    write_atomically(target, pem)
    return {"private_key": str(target), "public_key": public,
            "add_to": "counter_app/updates/release_keys.py"}


def _sign(args: argparse.Namespace, _db: object) -> Any:
    from counter_app.updates.signing import load_private, sign  # noqa: PLC0415

    key = load_private(args.key)
    try:
        signature = sign(args.package, args.version, key, args.platform)
    except OSError as error:
        raise ValidationError("update.unreadable", name=args.package.name) from error
    target = args.package.with_name(f"{args.package.name}.sig")
    write_atomically(target, signature)
    return {"signature": str(target), "version": args.version}

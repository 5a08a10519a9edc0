"""The administrator's choices about how this counter reaches its hub: the CA bundle its certificate is checked
against, and whether plain HTTP to a hub that is not this machine is allowed (`sync enroll` options and
`counter-app sync tls`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from counter_app.storage.database import Database

MakeCommand = Callable[..., argparse.ArgumentParser]


def add_tls_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ca-bundle", type=Path, help="PEM file of the CAs that signed the hub's certificate "
                                                       "(kept in the data folder; default: the system's CAs)")
    parser.add_argument("--allow-plain-http", action="store_const", const=True, default=None,
                        help="allow http:// to a hub that is not this machine (administrator's decision)")


def add_tls_command(group: Any, common: argparse.ArgumentParser, command: MakeCommand) -> None:
    tls = command(group, common, "tls", _tls, "the hub's CA bundle and whether plain HTTP is allowed")
    which = tls.add_mutually_exclusive_group()
    which.add_argument("--ca-bundle", type=Path, help="PEM file of the CAs to trust for the hub")
    which.add_argument("--system-cas", action="store_true", help="trust the system's CAs again")
    tls.add_argument("--allow-plain-http", choices=("on", "off"), help="http:// to a hub not on this machine")


def _tls(args: argparse.Namespace, db: Database) -> Any:
    from counter_app.services import outbox  # noqa: PLC0415
    from sync import tls  # noqa: PLC0415

    changes: dict[str, Any] = {}
    if args.ca_bundle:
        changes["ca_bundle"] = tls.keep_ca_bundle(db.data_dir, args.ca_bundle)
    if args.system_cas:
        changes["ca_bundle"] = ""
    if args.allow_plain_http:
        changes["allow_plain_http"] = args.allow_plain_http == "on"
    state = outbox.update_state(db, **changes) if changes else outbox.state(db)
    return {"hub": state.hub_url or None, "ca_bundle": state.ca_bundle or None,
            "allow_plain_http": state.allow_plain_http}

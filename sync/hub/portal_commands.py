"""`counter-app hub forward`: forward dossiers and their progress to the province's system (one pass, or
`--watch` in a loop), show what would be sent (`--dry-run CODE`), list and re-send dead letters."""

from __future__ import annotations

import argparse
import json
import signal
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from counter_app.errors import ValidationError

if TYPE_CHECKING:
    from sync.hub.store import HubStore

MakeCommand = Callable[..., argparse.ArgumentParser]


def add_forward_command(group: Any, common: argparse.ArgumentParser, command: MakeCommand) -> argparse.ArgumentParser:
    forward = command(group, common, "forward", _forward,
                      "send dossiers and their progress to the province's system (settings: HUB/portal.toml)")
    what = forward.add_mutually_exclusive_group()
    what.add_argument("--dry-run", metavar="CODE", help="print the bodies that would be sent for this dossier")
    what.add_argument("--watch", type=float, metavar="SECONDS", help="keep forwarding, a pass every SECONDS")
    what.add_argument("--dead", action="store_true", help="list the dead letters (given up after the retries)")
    what.add_argument("--retry", metavar="ID|all", help="send a dead letter (or all of them) again")
    what.add_argument("--status", action="store_true", help="how many messages are pending, sent, dead")
    return forward


def _forward(args: argparse.Namespace, _db: Any) -> Any:
    from sync.commands import on_hub  # noqa: PLC0415

    return on_hub(args, lambda store: _dispatch(args, store))


def _dispatch(args: argparse.Namespace, store: HubStore) -> Any:
    from sync.hub import portal_outbox, portal_settings  # noqa: PLC0415

    if args.dead:
        return [letter.json() for letter in portal_outbox.letters(store)]
    if args.retry:
        return {"requeued": portal_outbox.retry(store, None if args.retry == "all" else _item_id(args.retry))}
    if args.status:
        return portal_outbox.counts(store)
    settings = portal_settings.load(store.data_dir)
    if args.dry_run:
        return _dry_run(args, store, settings)
    if settings is None:
        raise ValidationError("portal.not_configured", path=str(portal_settings.settings_path(store.data_dir)))
    if args.watch:
        return _watch(store, settings, args.watch)
    from sync.hub.portal_forward import forward_once  # noqa: PLC0415

    return forward_once(store, settings).json()


def _dry_run(args: argparse.Namespace, store: HubStore, settings: Any) -> Any:
    from sync.hub.portal_forward import dry_run  # noqa: PLC0415
    from sync.hub.portal_settings import PortalSettings  # noqa: PLC0415

    bodies = dry_run(store, settings or PortalSettings(adapter_url="https://portal.invalid"), args.dry_run)
    return bodies if args.json else json.dumps(bodies, ensure_ascii=False, indent=2)


def _watch(store: HubStore, settings: Any, seconds: float) -> Any:
    """Passes every `seconds` until SIGTERM or SIGINT; each pass's outcome goes to the log."""
    from sync.hub.portal_forward import forward_once  # noqa: PLC0415

    stop = threading.Event()
    for name in (signal.SIGTERM, signal.SIGINT):
        signal.signal(name, lambda *_: stop.set())
    passes = 0
    while not stop.is_set():
        forward_once(store, settings, stop=stop)
        passes += 1
        stop.wait(max(seconds, 0.2))
    return {"passes": passes}


def _item_id(text: str) -> int:
    if not text.isdigit():
        raise ValidationError("portal.no_item", ref=text[:20])
    return int(text)

"""The `sync` and `hub` subcommands of `counter-app`: their arguments and what each one runs (the HTTP and
hub modules load only when a command needs them)."""

from __future__ import annotations

import argparse
import importlib.util
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from counter_app import limits, paths
from counter_app.clock import parse_day
from counter_app.errors import CounterError, NotFound, ValidationError
from counter_app.storage.database import Database, checked_url
from sync.tls_commands import add_tls_command, add_tls_options

MakeCommand = Callable[..., argparse.ArgumentParser]  # counter_app.cli's `_command`
HUB_PARTS = ("sync.hub", "fastapi", "uvicorn", "jinja2")  # what `hub` commands import; a commune package has none


def add_sync_commands(sub: Any, common: argparse.ArgumentParser, command: MakeCommand) -> None:
    """`counter-app sync …`: this counter's side."""
    group = sub.add_parser("sync", help="sync with the provincial hub").add_subparsers(dest="action", required=True)
    enrol = command(group, common, "enroll", _sync_enrol, "enrol this counter with a one-time code")
    enrol.add_argument("--hub", required=True, help="the hub's URL")
    enrol.add_argument("--code", required=True, help="the code printed by `counter-app hub enroll`")
    enrol.add_argument("--patience", type=float, default=60.0, help="seconds to keep retrying a bad link")
    add_tls_options(enrol)
    enrol.add_argument("--replace", metavar="DEVICE", help="take the place of this dead device (its id, from "
                       "`hub devices`) and rebuild the office's dossiers from the hub; needs a code from "
                       "`hub enroll --replace`")
    run = command(group, common, "run", _sync_run, "one full round; exit 0 only when all is acknowledged")
    run.add_argument("--patience", type=float, default=600.0, help="seconds to keep retrying a bad link")
    command(group, common, "status", _sync_status, "pending events and bytes, last sync")
    export = command(group, common, "export", _sync_export, "write the outbox as one signed, sealed bundle file")
    export.add_argument("--to", required=True, type=Path)
    ack = command(group, common, "import-ack", _sync_import_ack, "take the hub's acknowledgement file")
    ack.add_argument("file", type=Path)
    add_tls_command(group, common, command)


def add_hub_commands(sub: Any, common: argparse.ArgumentParser, command: MakeCommand) -> None:
    """`counter-app hub …`: the provincial hub's side; in an installation without the hub (the commune package),
    one command that says where the hub comes from."""
    if not hub_installed():
        missing = command(sub, common, "hub", _hub_not_installed, "the provincial hub server (not in this package)")
        missing.add_argument("action", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
        missing.set_defaults(without_database=True)
        return
    from sync.hub.portal_commands import add_forward_command  # noqa: PLC0415 (only where the hub is installed)

    group = sub.add_parser("hub", help="the provincial hub server").add_subparsers(dest="action", required=True)
    serve = command(group, common, "serve", _hub_serve, "serve the hub over HTTP")
    serve.add_argument("--db", help="database URL (default: SQLite in the data folder)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--workers", type=int, default=None,
                       help="processes (several need PostgreSQL; default: one per core with --db, else one)")
    hub_enrol = command(group, common, "enroll", _hub_enrol, "print a one-time enrolment code")
    hub_enrol.add_argument("--office", help="the office's agency code")
    hub_enrol.add_argument("--replace", metavar="DEVICE", help="a code for a new device to replace this dead one "
                           "(its id or the id's first 8+ characters): its key is revoked when the new one enrols")
    command(group, common, "devices", _hub_devices, "the enrolled devices, last heard from, revoked").add_argument(
        "--office", help="only this office's")
    command(group, common, "import", _hub_import, "import a counter's bundle file").add_argument("file", type=Path)
    command(group, common, "show", _hub_show, "a dossier as the hub holds it").add_argument("code")
    status = command(group, common, "set-status", _hub_set_status, "a status change decided at the province")
    status.add_argument("code")
    status.add_argument("transition", help="transfer, request-supplement, refuse, stop, result-ready")
    status.add_argument("--reason", default="", help="request-supplement, refuse, stop (the action table's needs)")
    status.add_argument("--note", default="", help="transfer, result-ready")
    for kind in ("catalogue", "calendar"):
        publish = command(group, common, f"publish-{kind}", _hub_publish, f"send a {kind} update to the counters")
        publish.add_argument("file", type=Path, help="a catalogue (national JSON, annex XLSX, project JSON), or "
                                                     "{'days': […]}")
        publish.add_argument("--office", default="*", help="one office's agency code (default: every office)")
        publish.set_defaults(kind=kind)
        if kind == "catalogue":
            publish.add_argument("--effective-from", help="YYYY-MM-DD, when the file does not give it")
    update = command(group, common, "publish-update", _hub_publish_update,
                     "announce a signed app update to the counters")
    update.add_argument("package", type=Path, help="the release tarball")
    update.add_argument("--version", required=True, help="its version, as signed")
    update.add_argument("--signature", type=Path, help="the release manager's signature (default PACKAGE.sig)")
    update.add_argument("--office", default="*", help="one office's agency code (default: every office)")
    command(group, common, "updates", _hub_updates, "published updates and what each counter reported")
    report = command(group, common, "report", _hub_report, "the period's figures per commune office (JSON)")
    report.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
    report.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
    report.add_argument("--office", action="append", help="only this office (repeatable)")
    user = command(group, common, "user-add", _hub_user_add, "a province user of the web screen")
    user.add_argument("--username", required=True)
    user.add_argument("--password", required=True)
    user.add_argument("--role", required=True, choices=("viewer", "officer", "administrator"))
    forward = add_forward_command(group, common, command)
    for hub_command in (serve, status, forward, *(group.choices[name] for name in (
            "enroll", "devices", "import", "show", "publish-catalogue", "publish-calendar", "publish-update", "updates",
            "report", "user-add"))):
        hub_command.add_argument("--hub-db", help="the hub's database URL (default: SQLite in --data-dir)")
        hub_command.set_defaults(without_database=True)


def hub_installed() -> bool:
    """Whether this installation holds the hub: a source install does, the commune package leaves it out."""
    return all(importlib.util.find_spec(name) is not None for name in HUB_PARTS)


def _hub_not_installed(args: argparse.Namespace, _db: Database | None) -> Any:
    raise NotFound("hub.not_installed", action=" ".join(args.action[:1]) or "…")


def _sync_enrol(args: argparse.Namespace, db: Database) -> Any:
    from sync.client import enrol  # noqa: PLC0415 (HTTP loads only for sync)

    hub = hub_url(args.hub)
    if args.replace:
        from sync.replace import enrol_replacement  # noqa: PLC0415

        report = _over_network(lambda: enrol_replacement(db, hub, args.code, args.replace,
                                                         patience=_patience(args.patience), ca_bundle=args.ca_bundle,
                                                         allow_plain_http=args.allow_plain_http))
        return report if args.json else replaced_text(report, args.lang)
    return _over_network(lambda: enrol(db, hub, args.code, patience=_patience(args.patience),
                                       ca_bundle=args.ca_bundle, allow_plain_http=args.allow_plain_http))


def _sync_run(args: argparse.Namespace, db: Database) -> Any:
    from sync.client import run_round  # noqa: PLC0415

    report = _over_network(lambda: run_round(db, patience=_patience(args.patience)))
    if not report.complete:
        raise CounterError("sync.incomplete", events=report.pending_events, blobs=report.pending_blobs)
    return report


def replaced_text(report: Any, lang: str) -> str:
    """What a replacement's enrolment did, in the clerk's language."""
    from counter_app.messages import render  # noqa: PLC0415

    following = [value + 1 for name, value in report.reserved.items() if name.startswith("code:")]
    return render("sync.replaced_done", lang, replaced=report.replaced, dossiers=report.dossiers,
                  scans=report.scans, mb=f"{report.scan_bytes / 1e6:.1f}", next=min(following, default=1))


def hub_url(text: str) -> str:
    """An http(s) URL with a host, or a message (before any connection is tried)."""
    import httpx  # noqa: PLC0415

    url = limits.text(text, limits.HUB_URL, required=True)
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        parsed = None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValidationError("sync.bad_url", url=url)
    return url


def _patience(seconds: float) -> float:
    return limits.seconds(seconds, (0, 24 * 3600), limits.PATIENCE_LABEL)


def _over_network(work: Callable[[], Any]) -> Any:
    """`work`, with a hub that cannot be reached as a message (after the retries `work` does itself)."""
    import httpx  # noqa: PLC0415

    try:
        return work()
    except httpx.TransportError as error:
        raise CounterError("sync.network", reason=type(error).__name__) from error


def _sync_status(_args: argparse.Namespace, db: Database) -> Any:
    from counter_app.services import outbox  # noqa: PLC0415
    from counter_app.updates import state  # noqa: PLC0415

    left, update = outbox.summary(db), state.current(db)
    return {"update": {"version": update.version, "status": update.status, "received": update.received,
                       "size": update.size, "message": update.message} if update.version else None,
            "pending_events": left.events, "pending_blobs": left.blobs, "pending_bytes": left.blob_bytes,
            "last_sync": left.state.last_success or None, "last_error": left.state.last_error or None,
            "halted": left.state.halted or None, "hub": left.state.hub_url or None,
            "conflicts": list(left.state.conflicts), "device_id": str(db.device_id),
            "replaced": left.state.replaced or None, "rebuilding": left.state.rebuilding,
            "revoked": left.state.revoked or None}


def _sync_export(args: argparse.Namespace, db: Database) -> Any:
    from sync import bundle, keys  # noqa: PLC0415

    return str(bundle.export(db, keys.device_key(db.data_dir), args.to))


def _sync_import_ack(args: argparse.Namespace, db: Database) -> Any:
    from sync import bundle  # noqa: PLC0415

    return bundle.apply_ack(db, args.file)


def _on_hub(args: argparse.Namespace, work: Callable[[Any], Any]) -> Any:
    """Run `work` on the hub's store (its data folder and database), closed afterwards."""
    from sync.hub.store import HubStore  # noqa: PLC0415

    url = args.hub_db or getattr(args, "db", None)
    store = HubStore(paths.data_dir(args.data_dir), checked_url(url) if url else None)
    try:
        return work(store)
    finally:
        store.dispose()


on_hub = _on_hub  # for the hub commands kept in their own modules


def _hub_serve(args: argparse.Namespace, _db: Database | None) -> Any:
    from sync.hub.server import serve  # noqa: PLC0415

    database = args.db or args.hub_db
    workers = args.workers or ((os.cpu_count() or 1) if database else 1)
    serve(paths.data_dir(args.data_dir), database, args.host, args.port, workers)


def _hub_enrol(args: argparse.Namespace, _db: Database | None) -> Any:
    from sync.hub.auth import issue_enrolment, issue_replacement  # noqa: PLC0415

    if args.replace:
        return _on_hub(args, lambda store: issue_replacement(store, args.replace, args.office)["code"])
    if not args.office:
        raise ValidationError("hub.enrol_needs_office")
    return _on_hub(args, lambda store: issue_enrolment(store, args.office))


def _hub_devices(args: argparse.Namespace, _db: Database | None) -> Any:
    from sync.hub.replace import devices  # noqa: PLC0415

    return _on_hub(args, lambda store: devices(store, args.office))


def _hub_import(args: argparse.Namespace, _db: Database | None) -> Any:
    from sync.hub.admin import import_bundle  # noqa: PLC0415

    return _on_hub(args, lambda store: import_bundle(store, args.file))


def _hub_show(args: argparse.Namespace, _db: Database | None) -> Any:
    from sync.hub.admin import show  # noqa: PLC0415

    return _on_hub(args, lambda store: show(store, args.code))


def _hub_set_status(args: argparse.Namespace, _db: Database | None) -> Any:
    from sync.hub.admin import decide  # noqa: PLC0415

    return _on_hub(args, lambda store: decide(store, args.code, args.transition, args.actor, args.reason, args.note))


def _hub_publish(args: argparse.Namespace, _db: Database | None) -> Any:
    from sync.hub.admin import publish  # noqa: PLC0415

    effective = getattr(args, "effective_from", None)
    day = parse_day(effective) if effective else None
    return _on_hub(args, lambda store: publish(store, args.kind, args.file, args.office, day))


def _hub_publish_update(args: argparse.Namespace, _db: Database | None) -> Any:
    from sync.hub.releases import publish  # noqa: PLC0415

    signature = args.signature or args.package.with_name(f"{args.package.name}.sig")
    return _on_hub(args, lambda store: publish(store, args.package, args.version, signature, args.office))


def _hub_updates(args: argparse.Namespace, _db: Database | None) -> Any:
    from sync.hub.releases import overview  # noqa: PLC0415

    return _on_hub(args, overview)


def _hub_report(args: argparse.Namespace, _db: Database | None) -> Any:
    from counter_app.reports.periods import spanning  # noqa: PLC0415
    from sync.hub.reports import office_figures  # noqa: PLC0415

    period = spanning(parse_day(args.start), parse_day(args.end))
    offices = frozenset(code.strip().upper() for code in args.office) if args.office else None
    return _on_hub(args, lambda store: office_figures(store, period, offices))


def _hub_user_add(args: argparse.Namespace, _db: Database | None) -> Any:
    from sync.hub.web.users import add_user  # noqa: PLC0415

    return _on_hub(args, lambda store: add_user(store, args.username, args.password, args.role).username)

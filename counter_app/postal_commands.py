"""The `counter-app postal …` subcommands: batches received from the post, results dispatched, outcomes."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from counter_app import limits
from counter_app.clock import now, parse_day
from counter_app.errors import StorageError, ValidationError
from counter_app.postal import Direction, Envelope, Outcome, PostalBatch
from counter_app.postal_files import read_status_file, write_dispatch_list
from counter_app.services import (
    catalogue,
    intake,
    postal_batches,
    postal_dispatch,
    postal_outcomes,
    postal_receipt,
    printouts,
)
from counter_app.storage.database import Database

Handler = Callable[[argparse.Namespace, Database], Any]
Command = Callable[[Any, argparse.ArgumentParser, str, Handler, str], argparse.ArgumentParser]
# The applicant and document options of one envelope, named as for `counter-app intake`.
ENVELOPE_OPTIONS = ("procedure", "case", "cccd_qr", "name", "id_number", "birth_date", "sex", "address", "phone",
                    "email", "documents", "return_address")


class Tools:
    """What the composition root lends: the intake's applicant and document readers, and the PDF renderer."""

    def __init__(self, applicant: Callable[[argparse.Namespace], Any],
                 documents: Callable[[Any, str | None], Any], renderer: Callable[[], Any],
                 write: Callable[[Path, bytes], None]) -> None:
        self.applicant, self.documents, self.renderer, self.write = applicant, documents, renderer, write


class _NewEnvelope(argparse.Action):
    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        envelope = argparse.Namespace(item=values, **dict.fromkeys(ENVELOPE_OPTIONS, ""))
        envelope.documents = None
        namespace.envelopes = [*(getattr(namespace, "envelopes", None) or []), envelope]


class _EnvelopeField(argparse.Action):
    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        envelopes = getattr(namespace, "envelopes", None)
        if not envelopes:
            namespace.misplaced = option_string
            return
        setattr(envelopes[-1], self.dest, values)


def add_postal_commands(sub: Any, common: argparse.ArgumentParser, command: Command, tools: Tools) -> None:
    postal = sub.add_parser("postal", help="batches with the public postal service (QĐ 45/2016)")
    actions = postal.add_subparsers(dest="action", required=True)
    _add_receive(actions, common, command, tools)
    dispatch = command(actions, common, "dispatch", lambda a, db: _dispatch(a, db, tools),
                       "hand results to the post: one record for the batch")
    dispatch.add_argument("--item", action="append", default=[], metavar="CODE=S10[=POSTAGE]", required=True)
    dispatch.add_argument("--postal-worker", default="")
    dispatch.add_argument("--weight-class", default=postal_dispatch.DEFAULT_WEIGHT_CLASS)
    dispatch.add_argument("--out", type=Path, help="biên bản PDF to write")
    export = command(actions, common, "export-dispatch", lambda a, db: _export(a, db, tools),
                     "the dispatch list for the post's counter staff (.xlsx or .csv)")
    export.add_argument("batch")
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--weight-class", default=postal_dispatch.DEFAULT_WEIGHT_CLASS)
    again = command(actions, common, "print", lambda a, db: _print(a, db, tools), "print a closed batch's record again")
    again.add_argument("batch")
    again.add_argument("--out", type=Path, required=True, help="biên bản PDF (two copies)")
    again.add_argument("--slips", type=Path, help="receipt batch: slips 01/02 for the citizens")
    status = command(actions, common, "import-status", _import_status, "record delivery outcomes from the post")
    status.add_argument("file", type=Path)
    outcome = command(actions, common, "outcome", _outcome, "record one item's outcome")
    outcome.add_argument("item")
    outcome.add_argument("--delivered", metavar="DATE")
    outcome.add_argument("--returned", metavar="DATE")
    outcome.add_argument("--reason", default="")
    fee = command(actions, common, "fee", _fee, "record the postage a citizen paid for an item")
    fee.add_argument("item")
    fee.add_argument("--amount", type=int, required=True)
    fees = command(actions, common, "fees", _fees, "postage recorded in a date range")
    fees.add_argument("--from", dest="start", required=True)
    fees.add_argument("--to", dest="end", required=True)
    batches = command(actions, common, "batches", _batches, "postal batches, newest first")
    batches.add_argument("--open", action="store_true", help="only batches still open")


def _add_receive(actions: Any, common: argparse.ArgumentParser, command: Command, tools: Tools) -> None:
    receive = command(actions, common, "receive", lambda a, db: _receive(a, db, tools),
                      "receive envelopes from the post into a batch; --close signs the record")
    receive.add_argument("--batch", required=True, help="NEW, or the reference of an open batch")
    receive.add_argument("--postal-worker", default="", help="the post worker's name (new batch)")
    receive.add_argument("--item", action=_NewEnvelope, metavar="S10", help="starts an envelope")
    for option in ENVELOPE_OPTIONS:
        receive.add_argument("--" + option.replace("_", "-"), dest=option, action=_EnvelopeField,
                             help="of the envelope started by the --item before it")
    receive.add_argument("--remove", action="append", default=[], metavar="S10", help="take an envelope out")
    receive.add_argument("--close", action="store_true", help="accept the complete, send back the rest")
    receive.add_argument("--out", type=Path, help="with --close: the biên bản PDF (two copies)")
    receive.add_argument("--slips", type=Path, help="with --close: slips 01/02 to post back to citizens")


def _receive(args: argparse.Namespace, db: Database, tools: Tools) -> PostalBatch:
    if getattr(args, "misplaced", None):
        raise ValidationError("postal.option_before_item", name=args.misplaced)
    envelopes = [_envelope(fields, db, tools) for fields in getattr(args, "envelopes", None) or []]
    new = args.batch.strip().upper() == "NEW"
    postal_receipt.check_envelopes(db, envelopes, None if new else args.batch)  # refused whole, before writing
    if new:
        if args.close and not envelopes:
            raise ValidationError("postal.batch_empty", ref="NEW")
        ref = postal_batches.open_batch(db, Direction.RECEIPT, args.actor, args.postal_worker).ref
    else:
        ref = postal_batches.get_batch(db, args.batch).ref
    for envelope in envelopes:
        postal_receipt.add_envelope(db, ref, envelope, args.actor)
    for number in args.remove:
        postal_receipt.remove_envelope(db, ref, number, args.actor)
    if not args.close:
        return postal_batches.get_batch(db, ref)
    _check_folders(args.out, args.slips)
    batch = postal_receipt.close_receipt(db, ref, args.actor)
    _print_batch(db, ref, args.out, args.slips, tools)
    return batch


def _print(args: argparse.Namespace, db: Database, tools: Tools) -> PostalBatch:
    batch = postal_batches.get_batch(db, args.batch)
    _print_batch(db, batch.ref, args.out, args.slips if batch.direction is Direction.RECEIPT else None, tools)
    return batch


def _print_batch(db: Database, ref: str, out: Path | None, slips: Path | None, tools: Tools) -> None:
    render = tools.renderer()
    if out:
        tools.write(out, render.render_postal(printouts.postal_batch_record(db, ref)))
    if slips:
        tools.write(slips, render.render_many(printouts.postal_slips(db, ref)))


def _check_folders(*paths: Path | None) -> None:
    """Refuse before signing anything when a PDF could not be written afterwards."""
    for path in paths:
        if path is not None and not path.resolve().parent.is_dir():
            raise StorageError("print.write_failed", path=str(path), reason="no such folder")


def _envelope(fields: argparse.Namespace, db: Database, tools: Tools) -> Envelope:
    if not fields.procedure:
        raise ValidationError("input.required", field=f"--procedure ({fields.item})")
    procedure = catalogue.procedure_in_force(db, fields.procedure, now().date())
    number = limits.digits(fields.case or "1")
    if not number.isdigit():
        raise ValidationError("procedure.case_unknown", value=fields.case, count=len(procedure.cases))
    case = intake.case_of(procedure, int(number))
    documents = tools.documents(case, fields.documents) or ()
    return Envelope(fields.item, procedure.code, tools.applicant(fields), documents, fields.return_address, case.number)


def _dispatch(args: argparse.Namespace, db: Database, tools: Tools) -> PostalBatch:
    lines = [_dispatch_line(text) for text in args.item]
    _check_folders(args.out)
    batch = postal_dispatch.dispatch(db, lines, args.actor, args.postal_worker, args.weight_class)
    _print_batch(db, batch.ref, args.out, None, tools)
    return batch


def _dispatch_line(text: str) -> postal_dispatch.DispatchLine:
    parts = [part.strip() for part in text.split("=")]
    if len(parts) not in (2, 3) or not all(parts) or (len(parts) == 3 and not parts[2].isdigit()):
        raise ValidationError("postal.item_format", value=text)
    return postal_dispatch.DispatchLine(parts[0], parts[1], int(parts[2]) if len(parts) == 3 else 0)


def _export(args: argparse.Namespace, db: Database, tools: Tools) -> Any:
    batch = postal_batches.get_batch(db, args.batch)
    if batch.direction is not Direction.DISPATCH:
        raise ValidationError("postal.not_dispatch", ref=batch.ref)
    data = write_dispatch_list(batch, args.out, args.weight_class)
    tools.write(args.out, data)
    return {"batch": batch.ref, "out": str(args.out), "items": len(batch.items)}


def _import_status(args: argparse.Namespace, db: Database) -> Any:
    lines = read_status_file(args.file)
    return {"rows": len(lines), "recorded": postal_outcomes.record_outcomes(db, lines, args.actor)}


def _outcome(args: argparse.Namespace, db: Database) -> Any:
    if bool(args.delivered) == bool(args.returned):
        raise ValidationError("input.required", field="--delivered DATE | --returned DATE --reason …")
    outcome = Outcome.DELIVERED if args.delivered else Outcome.RETURNED
    line = postal_outcomes.StatusLine(args.item, outcome, parse_day(args.delivered or args.returned), args.reason)
    return postal_outcomes.record_outcome(db, line, args.actor)


def _fee(args: argparse.Namespace, db: Database) -> Any:
    return postal_outcomes.record_fee(db, args.item, args.amount, args.actor)


def _fees(args: argparse.Namespace, db: Database) -> Any:
    lines = postal_outcomes.postal_fees(db, parse_day(args.start), parse_day(args.end))
    return {"total": sum(line.amount for line in lines), "items": lines}


def _batches(args: argparse.Namespace, db: Database) -> Any:
    return postal_batches.list_batches(db, open_only=args.open)


def batch_text(batch: PostalBatch, lang: str) -> str:
    """A batch for the terminal: its reference and state, then one line per item."""
    en = lang == "en"
    head = f"{batch.ref}\t{batch.status.value if en else _STATUS_VI[batch.status.value]}\t{len(batch.items)}"
    lines = [head]
    for item in batch.items:
        missing = ("missing: " if en else "thiếu: ") + "; ".join(item.missing) if item.missing else ""
        lines.append(f"  {item.position}\t{item.item_number}\t{item.dossier_code or '-'}\t{item.applicant_name}"
                     f"\t{item.state.value}\t{missing}".rstrip())
    return "\n".join(lines)


def batches_text(batches: Sequence[PostalBatch], lang: str) -> str:
    return "\n".join(batch_text(batch, lang) for batch in batches)


_STATUS_VI = {"open": "đang mở", "closed": "đã đóng"}

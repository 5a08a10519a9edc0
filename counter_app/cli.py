"""The `counter-app` command: the GUI with no arguments, subcommands for everything else."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import enum
import getpass
import json
import logging
import os
import sys
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from counter_app import __version__, cccd, forms, lifecycle, limits, logs, paths, support
from counter_app.backup.commands import add_backup_commands
from counter_app.catalogue_commands import add_catalogue_commands
from counter_app.cli_boundary import ArgumentParser, guarded
from counter_app.cli_options import global_options
from counter_app.clock import local, now, parse_day, parse_local
from counter_app.codes import SequenceBlock
from counter_app.deadlines import due_at
from counter_app.entry import launch_gui
from counter_app.errors import CounterError, StorageError, ValidationError
from counter_app.messages import os_reason, render
from counter_app.model import (
    Channel,
    Delivery,
    DocumentEntry,
    Dossier,
    DossierSummary,
    Office,
    Person,
    Procedure,
    ProcedureCase,
    Role,
)
from counter_app.postal import PostalBatch
from counter_app.postal_commands import Tools, add_postal_commands, batch_text
from counter_app.protect.commands import add_protect_commands, cli_key
from counter_app.services import audit as audit_service
from counter_app.services import catalogue, documents, intake, office, printouts, queries, rating
from counter_app.services import users as user_service
from counter_app.settings_commands import add_office_options, add_settings_commands, office_changes
from counter_app.storage.blobs import read_input, write_atomically
from counter_app.storage.database import Database
from counter_app.terms_words import time_label
from counter_app.transition_commands import add_transition_commands
from counter_app.updates.commands import add_release_commands
from counter_app.updates.layout import describe_running

Handler = Callable[[argparse.Namespace, Database], Any]


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in arguments[:1]:  # writes nothing to the data folder, so it runs outside `guarded`
        from ui.selftest import main as self_test  # noqa: PLC0415 (composition root: the one check of every part)

        return self_test(arguments)
    if arguments == ["--version"]:  # one line, never wrapped (argparse's version action wraps it)
        print(describe_running(__version__))
        return 0
    return guarded(arguments, build_parser().parse_args, _execute)


def _execute(args: argparse.Namespace) -> int:
    if args.command is None:
        return launch_gui(args)
    args.actor = limits.text(args.actor, limits.ACTOR, required=True)
    result = _run(args)
    _output(result, args)
    return _failed(result, args.lang)


def _failed(result: Any, lang: str) -> int:
    """1, with the reason on stderr, when the command ran but found a fault (a broken signature); else 0."""
    if not getattr(result, "failed", False):
        return 0
    print(render(result.problem, lang), file=sys.stderr)
    return 1


def _run(args: argparse.Namespace) -> Any:
    if getattr(args, "without_database", False):
        return args.handler(args, None)
    database = Database.open(paths.data_dir(args.data_dir), args.database_url, cli_key(args))
    try:
        return args.handler(args, database)
    finally:
        database.dispose()


def build_parser() -> argparse.ArgumentParser:
    common = global_options(suppress=True)  # after the subcommand: only what is typed, so none is lost
    parser = ArgumentParser(prog="counter-app", parents=[global_options(suppress=False)],
                            description="Counter: Bộ phận Một cửa cấp xã")
    sub = parser.add_subparsers(dest="command")
    _add_setup_commands(sub, common)
    _add_dossier_commands(sub, common)
    add_transition_commands(sub, common, _command)
    _add_rate_command(sub, common)
    _add_print_command(sub, common)
    verify = _command(sub, common, "verify", _verify, "check the signatures of a PDF: signer, time, intact")
    verify.add_argument("file", type=Path)
    verify.add_argument("--trust", type=Path, action="append", default=[],
                        help="a trusted root CA (PEM or DER), or a folder of them")
    verify.set_defaults(without_database=True)
    _add_digitisation_commands(sub, common)
    add_settings_commands(sub, common, _command)
    add_backup_commands(sub, common, _command)
    add_postal_commands(sub, common, _command, Tools(_applicant, _documents, _printing, _write_atomically))
    from sync.commands import add_hub_commands, add_sync_commands  # noqa: PLC0415 (HTTP loads only for sync)

    add_sync_commands(sub, common, _command)
    add_hub_commands(sub, common, _command)
    add_release_commands(sub, common, _command)
    from printing.report_commands import add_report_command  # noqa: PLC0415 (reportlab loads only when used)

    add_report_command(sub, common, _command)
    add_protect_commands(sub, common, _command, _sheet_writer)
    return parser


def _sheet_writer() -> Any:
    from printing.recovery_sheet import write_recovery_sheet  # noqa: PLC0415 (reportlab loads only when used)

    return write_recovery_sheet


def _add_setup_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    init = _command(sub, common, "init", _init, "create the database, the office and the catalogue")
    init.add_argument("--office-code", required=True)
    init.add_argument("--office-name", required=True)
    init.add_argument("--province", default="")
    add_office_options(init)
    init.add_argument("--address", default="")
    init.add_argument("--sequence-block", help="this counter's daily numbers, e.g. 5000-9999")
    add_catalogue_commands(sub, common, _command)
    due = _command(sub, common, "due", _due, "due date-time of a procedure received at a given time")
    due.add_argument("--procedure", required=True)
    due.add_argument("--received", required=True, help='"YYYY-MM-DD HH:MM"')
    due.add_argument("--case", type=int, default=1, help="the procedure's case number (default 1)")
    _command(sub, common, "audit", _audit_verify, "verify the audit log's hash chain")
    _command(sub, common, "doctor", _doctor, "a support report: versions, database, disk, printers, scanners, sync"
             ).set_defaults(without_database=True)
    user = _command(sub, common, "user-add", _user_add, "create a user (password read from stdin)")
    user.add_argument("username")
    user.add_argument("--full-name", required=True)
    user.add_argument("--role", choices=[r.value for r in Role], default="clerk")


def _add_dossier_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    new = _command(sub, common, "intake", _intake, "receive a dossier and accept it (prints its code)")
    new.add_argument("--procedure", required=True)
    new.add_argument("--cccd-qr", help="the ID card's QR payload")
    for name in ("--name", "--id-number", "--birth-date", "--sex", "--address", "--phone", "--email"):
        new.add_argument(name, default="")
    new.add_argument("--case", type=int, default=1, help="the procedure's case number (`catalogue show`)")
    new.add_argument("--documents", help="numbers in the case's document list handed in, e.g. 1,2 (default: all"
                                         " mandatory ones)")
    new.add_argument("--channel", choices=[c.value for c in Channel], default="counter")
    new.add_argument("--postal-item", default="", help="phiếu gửi number of a postal submission")
    new.add_argument("--delivery", choices=[d.value for d in Delivery], default="counter")
    new.add_argument("--delivery-address", default="")
    new.add_argument("--copies", type=int, default=1)
    new.add_argument("--submitter-name", default="", help="an authorised representative who hands the dossier in")
    new.add_argument("--submitter-id", default="", help="the representative's 12-digit ID number")
    new.add_argument("--authorisation", default="", help="reference of the representative's authorisation")
    outcome = new.add_mutually_exclusive_group()
    outcome.add_argument("--request-supplement", metavar="REASON", help="send back to complete (Mẫu 02)")
    outcome.add_argument("--refuse", metavar="REASON", help="refuse at the counter (Mẫu 03)")
    accept = _command(sub, common, "accept", _accept, "accept a dossier sent back, now complete")
    accept.add_argument("ref")
    accept.add_argument("--documents")
    show = sub.add_parser("dossier", help="dossiers").add_subparsers(dest="action", required=True)
    _command(show, common, "show", _show, "one dossier in full").add_argument("ref")
    _command(sub, common, "search", _search, "find by code, name, ID number or phone").add_argument("text")


def _add_rate_command(sub: Any, common: argparse.ArgumentParser) -> None:
    rate = _command(sub, common, "rate", _rate, "record the citizen's rating: 1 very satisfied … 4 not satisfied")
    rate.add_argument("ref")
    rate.add_argument("score", help="1 rất hài lòng, 2 hài lòng, 3 chưa hài lòng, 4 không hài lòng")
    rate.add_argument("--reason", default="", help="when 3 or 4: wait, attitude, guidance, late, fee, or free text")
    rate.add_argument("--stage", choices=("intake", "return"), default="return")


def _add_print_command(sub: Any, common: argparse.ArgumentParser) -> None:
    printing = _command(sub, common, "print", _print, "write a form to a PDF file")
    printing.add_argument("form", help="01…06 (TT 03/2025 numbers), thermal, postal, or register")
    printing.add_argument("refs", nargs="*", metavar="CODE", help="dossier code (several for postal)")
    printing.add_argument("--out", required=True, type=Path, help="PDF file to write (register: .xlsx for a workbook)")
    printing.add_argument("--from", dest="start", help="register: first day, YYYY-MM-DD")
    printing.add_argument("--to", dest="end", help="register: last day, YYYY-MM-DD")
    printing.add_argument("--field", default="", help="register: only this procedure field (lĩnh vực)")
    printing.add_argument("--direction", choices=[d.value for d in forms.PostalDirection],
                          help="postal: in = post → counter, out = counter → post (default: from the dossier)")


def _add_digitisation_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    scan = _command(sub, common, "scan", _scan, "digitise papers into one received document of a dossier")
    scan.add_argument("ref")
    scan.add_argument("--document", required=True, help="the document's name or number in the dossier")
    scan.add_argument("--source", default=[], nargs="+",
                      help="image or PDF files in page order, an eSCL URL, or a SANE device name")
    scan.add_argument("--dpi", type=int, help="default: the document's scan profile")
    scan.add_argument("--mode", choices=["color", "gray", "lineart"], help="default: the document's scan profile")
    scan.add_argument("--feeder", action="store_true", help="scan every sheet in the document feeder")
    scan.add_argument("--duplex", action="store_true")
    scan.add_argument("--sane-option", action="append", default=[], help="extra scanimage option, e.g. --mode=Gray")
    scan.add_argument("--no-ocr", action="store_true", help="no Vietnamese text layer even when Tesseract is installed")
    scan.add_argument("--resume", action="store_true", help="file the pages of this document's interrupted scan")
    sign = _command(sub, common, "sign", _sign, "sign the dossier's unsigned digitised PDFs (PAdES B-B)")
    sign.add_argument("ref")
    key = sign.add_mutually_exclusive_group(required=True)
    key.add_argument("--pkcs12", type=Path, help="a .p12/.pfx certificate file")
    key.add_argument("--pkcs11-lib", type=Path, help="the token vendor's PKCS#11 library")
    sign.add_argument("--token", help="the token's label (with --pkcs11-lib)")
    sign.add_argument("--key-label", help="the key's label on the token, if it holds several")
    sign.add_argument("--pin-env", help="environment variable holding the PIN (else it is asked for)")
    stamp = _command(sub, common, "timestamp", _timestamp, "add a time-stamp to every signed PDF still waiting")
    stamp.add_argument("--tsa", required=True, help="URL of the RFC 3161 time-stamp authority")
    stamp.add_argument("--trust", type=Path, action="append", default=[],
                       help="a trusted root CA, or a folder of them, for fetching validation data")
    export = _command(sub, common, "export", _export, "write the dossier's digitised PDFs to a folder")
    export.add_argument("ref")
    export.add_argument("--to", required=True, type=Path)


def _command(sub: Any, common: argparse.ArgumentParser, name: str, handler: Handler,
             help_text: str) -> argparse.ArgumentParser:
    command: argparse.ArgumentParser = sub.add_parser(name, parents=[common], help=help_text)
    command.set_defaults(handler=handler)
    return command


def _init(args: argparse.Namespace, db: Database) -> Any:
    """The office as given; printed details not given keep their earlier value, and the place name is asked for."""
    block = SequenceBlock.parse(args.sequence_block) if args.sequence_block else None
    try:
        earlier = office.get_office(db)
    except CounterError:
        earlier = Office(code="", name="")
    details = dataclasses.replace(earlier, code=args.office_code, name=args.office_name, province=args.province,
                                  address=args.address, **office_changes(args))
    if not details.place_name:
        details = dataclasses.replace(details, place_name=_ask_place_name())
    return office.initialise(db, details, args.actor, block)


def _ask_place_name() -> str:
    """The place name typed at the terminal; without one (a script), a clear error."""
    answer = ""
    if sys.stdin.isatty():
        answer = " ".join(input("Địa danh in trước ngày tháng / place name before the date: ").split())
    if not answer:
        raise ValidationError("office.place_name_required")
    return answer




def _due(args: argparse.Namespace, db: Database) -> Any:
    received = parse_local(args.received)
    procedure = catalogue.procedure_in_force(db, args.procedure, received.date())
    with db.read() as session:
        calendar, hours = office.calendar_of(session), office.office_hours(session)
    limit = procedure.terms_for(intake.case_of(procedure, args.case).number).time_limit
    return due_at(calendar, hours, received, limit, procedure.cutoff_applies)


def _intake(args: argparse.Namespace, db: Database) -> Any:
    procedure = catalogue.procedure_in_force(db, args.procedure, now().date())
    request = intake.IntakeRequest(
        procedure_code=procedure.code, applicant=_applicant(args),
        documents=_documents(intake.case_of(procedure, args.case), args.documents), channel=Channel(args.channel),
        postal_item_in=args.postal_item, delivery=Delivery(args.delivery), delivery_address=args.delivery_address,
        copies=args.copies, submitter=_submitter(args), case=args.case,
    )
    outcome, reason = intake.Outcome.ACCEPT, ""
    if args.request_supplement or args.refuse:
        outcome = intake.Outcome.SUPPLEMENT if args.request_supplement else intake.Outcome.REFUSE
        reason = args.request_supplement or args.refuse
    return intake.intake(db, request, args.actor, outcome, reason)


def _accept(args: argparse.Namespace, db: Database) -> Any:
    found = queries.get_dossier(db, args.ref)
    return intake.accept(db, args.ref, args.actor, _documents(found.case, args.documents))


def _applicant(args: argparse.Namespace) -> Person:
    contact = {"phone": args.phone, "email": args.email}
    if args.cccd_qr:
        card = cccd.parse_qr(args.cccd_qr)
        return Person(card.full_name, card.id_number, card.date_of_birth, card.sex, card.address, **contact)
    if not args.name or not args.id_number:
        raise ValidationError("input.required", field="--cccd-qr | --name --id-number")
    birth = parse_day(args.birth_date) if args.birth_date else None
    return Person(args.name, args.id_number, birth, args.sex or None, args.address, **contact)


def _submitter(args: argparse.Namespace) -> Person | None:
    """The authorised representative, when someone other than the applicant hands the dossier in."""
    if not (args.submitter_name or args.submitter_id or args.authorisation):
        return None
    if not (args.submitter_name and args.submitter_id):
        raise ValidationError("input.required", field="--submitter-name --submitter-id")
    return Person(args.submitter_name, args.submitter_id, authorisation=args.authorisation.strip())


def _documents(case: ProcedureCase, positions: str | None) -> tuple[DocumentEntry, ...] | None:
    """Documents ticked by their numbers in the case's list (from 1, in file order)."""
    if positions is None:
        return None
    by_position = {str(n): d for n, d in enumerate(case.documents, start=1)}
    entries = []
    for token in filter(None, (t.strip() for t in positions.split(","))):
        if token not in by_position:
            raise ValidationError("document.unknown", name=token)
        required = by_position[token]
        entries.append(DocumentEntry(required.name, required.kind, max(1, required.quantity)))
    return tuple(entries)


def _show(args: argparse.Namespace, db: Database) -> Any:
    return queries.get_dossier(db, args.ref)


def _search(args: argparse.Namespace, db: Database) -> Any:
    return queries.search(db, args.text)


def _rate(args: argparse.Namespace, db: Database) -> Any:
    score = int(args.score) if args.score.strip().isdigit() else 0
    if score not in (1, 2, 3, 4):
        raise ValidationError("rating.score", value=args.score)
    return rating.rate(db, args.ref, score, args.actor, args.reason, args.stage)


def _print(args: argparse.Namespace, db: Database) -> Any:
    from printing import render  # noqa: PLC0415 (reportlab loads only for this command)

    choices = [f.value for f in forms.Form] + ["register"]
    if args.form not in choices:
        raise ValidationError("print.unknown_form", form=args.form, choices=", ".join(choices))
    if args.form == "register":
        if not (args.start and args.end):
            raise ValidationError("print.register_range")
        start, end = limits.day_range(parse_day(args.start), parse_day(args.end))
        context = printouts.register(db, start, end, field=args.field)
        if args.out.suffix.lower() == ".xlsx":
            from printing.report_xlsx import register_workbook  # noqa: PLC0415

            pdf = register_workbook(context)
        else:
            pdf = render.render_register(context)
    else:
        pdf = _dossier_form(args, db, forms.Form(args.form), render)
    _write_atomically(args.out, pdf)
    return {"form": args.form, "out": str(args.out), "bytes": len(pdf)}


def _printing() -> Any:
    from printing import render  # noqa: PLC0415 (reportlab loads only for the commands that print)

    return render


def _dossier_form(args: argparse.Namespace, db: Database, form: forms.Form, render: Any) -> bytes:
    direction = forms.PostalDirection(args.direction) if args.direction else None
    if form is forms.Form.POSTAL and args.refs:
        return bytes(render.render_postal(printouts.postal_record(db, args.refs, direction, args.actor)))
    if len(args.refs) != 1:
        raise ValidationError("print.one_dossier")
    return bytes(render.render(printouts.form_context(db, args.refs[0], form, direction)))


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        write_atomically(path, data)
    except OSError as error:
        raise StorageError("print.write_failed", path=str(path), reason=os_reason(error)) from error


def _verify(args: argparse.Namespace, _db: Database | None) -> Any:
    from scanning.verification import load_roots, verdict  # noqa: PLC0415 (pyHanko loads only here)

    roots = load_roots(args.trust)
    return verdict(str(args.file), read_input(args.file), roots)


def _scan(args: argparse.Namespace, db: Database) -> Any:
    from scanning.scan_command import scan_document  # noqa: PLC0415 (image libraries load only for this command)

    return scan_document(args, db, lambda procedure, document: _scan_settings(args, procedure, document),
                         lambda name: _scanner(name, tuple(args.sane_option)))


def _scanner(name: str, sane_options: tuple[str, ...] = ()) -> Any:
    """An eSCL URL, else a SANE device name."""
    from scanning.escl import EsclScanner  # noqa: PLC0415
    from scanning.sane import SaneScanner  # noqa: PLC0415

    return EsclScanner(name) if name.startswith(("http://", "https://")) else SaneScanner(name, sane_options)


def _scan_settings(args: argparse.Namespace, procedure_code: str, document: str) -> Any:
    """The document's scan profile, with what the clerk asked for on top."""
    from counter_app.ports import ColourMode, PaperSource, ScanSettings  # noqa: PLC0415
    from counter_app.scan_profiles import profile_for  # noqa: PLC0415

    profile = profile_for(procedure_code, document)
    return ScanSettings(dpi=args.dpi or profile.dpi, mode=ColourMode(args.mode) if args.mode else profile.mode,
                        duplex=args.duplex, source=PaperSource.FEEDER if args.feeder else PaperSource.FLATBED)


def _sign(args: argparse.Namespace, db: Database) -> Any:
    from scanning import signing  # noqa: PLC0415 (pyHanko loads only for this command)
    from scanning.dossier_signing import sign_dossier  # noqa: PLC0415

    source: signing.KeySource = (signing.Pkcs12File(args.pkcs12) if args.pkcs12 else
                                 signing.Pkcs11Token(args.pkcs11_lib, args.token or "", args.key_label))
    pin = os.environ.get(args.pin_env, "") if args.pin_env else getpass.getpass("PIN: ")
    return sign_dossier(db, args.ref, source, pin, args.actor)


def _timestamp(args: argparse.Namespace, db: Database) -> Any:
    from scanning.dossier_signing import upgrade_pending  # noqa: PLC0415
    from scanning.verification import load_roots  # noqa: PLC0415

    outcome = upgrade_pending(db, args.tsa, args.actor, load_roots(args.trust))
    if outcome.failed is not None:
        raise outcome.failed
    return list(outcome.done)


def _export(args: argparse.Namespace, db: Database) -> Any:
    written = []
    for copy in documents.copies(db, args.ref):
        name = "".join(ch if ch.isalnum() or ch in " -_.()" else "_" for ch in copy.name).strip()[:120]
        target = args.to / f"{copy.position:02d} - {name}.pdf"
        args.to.mkdir(parents=True, exist_ok=True)
        _write_atomically(target, documents.read_copy(db, copy))
        written.append(str(target))
    return written


def _doctor(args: argparse.Namespace, _db: Database | None) -> Any:
    from printing.spool import printer_names  # noqa: PLC0415 (Qt's printer list loads only here)
    from scanning.discovery import sane_devices  # noqa: PLC0415

    folder = paths.data_dir(args.data_dir)
    try:
        database = Database.open(folder, args.database_url, cli_key(args))
    except Exception as error:  # the report must come out precisely when the database is broken
        logging.getLogger("counter.cli").exception("doctor: the database does not open")
        found = support.report_without_database(folder, error)
    else:
        try:
            found = support.report(database, tuple(printer_names()), sane_devices())
        finally:
            database.dispose()
    return found if args.json else support.render_text(found, logs.tail(folder, 60))


def _audit_verify(_args: argparse.Namespace, db: Database) -> Any:
    return audit_service.verify(db)


def _user_add(args: argparse.Namespace, db: Database) -> Any:
    password = sys.stdin.readline().rstrip("\n")
    return user_service.create_user(db, args.username, args.full_name, args.role, password, args.actor)


def _output(result: Any, args: argparse.Namespace) -> None:
    if args.json:
        print(json.dumps(to_json(result), ensure_ascii=False, indent=2))
    else:
        print(_human(result, args.lang))


def to_json(value: Any) -> Any:
    """Plain JSON for dataclasses, enums, dates (Vietnamese local time), UUIDs and collections."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return local(value).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    return value


def _human(result: Any, lang: str) -> str:
    if isinstance(result, str):
        return result
    if isinstance(result, dt.datetime):
        return local(result).isoformat(timespec="minutes")
    if isinstance(result, list):
        return "\n".join(_human(item, lang) for item in result)
    if isinstance(result, DossierSummary):
        status = lifecycle.label(result.status, lang)
        return f"{result.code or result.id}\t{result.applicant_name}\t{result.procedure_name}\t{status}"
    if isinstance(result, Dossier):
        return _human_dossier(result, lang)
    if isinstance(result, PostalBatch):
        return batch_text(result, lang)
    if isinstance(result, Procedure):
        return f"{result.code}\t{result.name}\t{time_label(result.time_limit, lang)}"
    return json.dumps(to_json(result), ensure_ascii=False)


def _human_dossier(dossier: Dossier, lang: str) -> str:
    lines = [
        f"{dossier.code or dossier.id}  {lifecycle.label(dossier.status, lang)}",
        f"{dossier.procedure.code} {dossier.procedure.name}",
        f"{dossier.applicant.full_name}  {dossier.applicant.id_number}",
    ]
    if dossier.due_at:
        lines.append(f"{'Due' if lang == 'en' else 'Hẹn trả'}: {local(dossier.due_at):%H:%M %d/%m/%Y}")
    lines += [f"  {local(e.at):%d/%m/%Y %H:%M}  {lifecycle.label(e.type, lang)}  ({e.actor})" for e in dossier.events]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

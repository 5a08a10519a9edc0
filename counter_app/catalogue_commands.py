"""The `catalogue` subcommands: list, import (national JSON, annex XLSX, project JSON) and show."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from counter_app.catalogue_export import procedure_json
from counter_app.catalogue_import import ImportReport, read_catalogue
from counter_app.clock import now, parse_day
from counter_app.errors import ValidationError
from counter_app.messages import Bilingual, render
from counter_app.model import Procedure, ProcedureChannel, RequiredDocument
from counter_app.services import catalogue
from counter_app.storage.database import Database
from counter_app.terms_words import fee_label, time_label

MakeCommand = Callable[..., argparse.ArgumentParser]  # counter_app.cli's `_command`


def add_catalogue_commands(sub: Any, common: argparse.ArgumentParser, command: MakeCommand) -> None:
    cat = sub.add_parser("catalogue", help="procedure catalogue").add_subparsers(dest="action", required=True)
    listing = command(cat, common, "list", _list, "procedures in force")
    listing.add_argument("--on", help="date (default today)")
    listing.add_argument("--search", default="")
    load = command(cat, common, "import", _import, "import national JSON records, the province's XLSX annex, "
                                                     "or the project's JSON")
    load.add_argument("file", type=Path)
    load.add_argument("--effective-from", help="YYYY-MM-DD, when the file does not give it")
    load.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    load.add_argument("--skip-invalid", action="store_true", help="import the valid procedures, list the rest")
    set_time = command(cat, common, "set-time", _set_time, "state a time limit the published text left out")
    set_time.add_argument("code")
    set_time.add_argument("time_limit", help='as published, e.g. "05 ngày làm việc", "Trong ngày", "8 giờ"')
    set_time.add_argument("--case", type=int, help="only this case (default: the whole procedure)")
    set_time.add_argument("--channel", choices=[c.value for c in ProcedureChannel], default="direct")
    set_time.add_argument("--on", help="the version in force on this date (default today)")
    show = command(cat, common, "show", _show, "the procedure in force: cases, times, fees, documents")
    show.add_argument("code")
    show.add_argument("--on", help="date (default today)")


def _list(args: argparse.Namespace, db: Database) -> Any:
    return catalogue.list_procedures(db, parse_day(args.on) if args.on else now().date(), args.search)


def _import(args: argparse.Namespace, db: Database) -> Any:
    effective = parse_day(args.effective_from) if args.effective_from else None
    report = read_catalogue(args.file, effective)
    if report.errors and not args.skip_invalid:
        raise ValidationError("import.errors", count=len(report.errors), errors=_problems(report.errors))
    if not args.dry_run and report.procedures:
        with db.write() as session:
            catalogue.store_procedures(session, report.procedures)
    if args.json:
        return {"imported": 0 if args.dry_run else len(report.procedures),
                "valid": len(report.procedures), "dry_run": args.dry_run,
                "skipped": [{"procedure": where, "errors": [p.text(args.lang) for p in report.errors
                                                            if p.where.startswith(where)]}
                            for where in report.skipped],
                "warnings": [p.text(args.lang) for p in report.warnings]}
    return _import_summary(report, args)


def _import_summary(report: ImportReport, args: argparse.Namespace) -> str:
    en = args.lang == "en"
    count = len(report.procedures)
    if args.dry_run:
        head = f"Dry run: {count} procedures valid, nothing written" if en else \
            f"Chạy thử: {count} thủ tục hợp lệ, chưa ghi gì"
    else:
        head = f"Imported {count} procedures" if en else f"Đã nhập {count} thủ tục"
    lines = [head]
    if report.errors:
        lines.append(f"Skipped ({len(report.skipped)}):" if en else f"Bỏ qua ({len(report.skipped)}):")
        lines += [f"  {p.text(args.lang)}" for p in report.errors]
    if report.warnings:
        lines.append(f"Warnings ({len(report.warnings)}):" if en else f"Cảnh báo ({len(report.warnings)}):")
        lines += [f"  {p.text(args.lang)}" for p in report.warnings]
    return "\n".join(lines)


def _problems(problems: list[Any]) -> Bilingual:
    return Bilingual("\n".join(p.text("vi") for p in problems), "\n".join(p.text("en") for p in problems))


def _set_time(args: argparse.Namespace, db: Database) -> Any:
    day = parse_day(args.on) if args.on else now().date()
    procedure = catalogue.set_time_limit(db, args.code, args.time_limit, args.actor, day, args.case,
                                         ProcedureChannel(args.channel))
    return procedure_json(procedure) if args.json else describe(procedure, args.lang)


def _show(args: argparse.Namespace, db: Database) -> Any:
    procedure = catalogue.procedure_in_force(db, args.code, parse_day(args.on) if args.on else now().date())
    if args.json:
        data = procedure_json(procedure)
        for case in data["cases"]:
            for number, document in enumerate(case["documents"], start=1):
                document["number"] = number
        data["incomplete"] = procedure.incomplete
        return data
    return describe(procedure, args.lang)


def describe(procedure: Procedure, lang: str = "vi") -> str:
    """The procedure as a clerk reads it: cases, each channel's time and fee (parsed, then as published),
    and each case's documents numbered from 1 with their flags."""
    en = lang == "en"
    lines = [f"{procedure.code} — {procedure.name}", f"{'Field' if en else 'Lĩnh vực'}: {procedure.field}",
             f"{'In force from' if en else 'Hiệu lực từ'}: {procedure.effective_from:%d/%m/%Y}"]
    if procedure.incomplete:
        lines.append(render("procedure.time_not_stated", lang, value=procedure.time_limit.text or "—"))
    lines += _terms_lines(procedure.terms, lang, "  ")
    for case in procedure.cases:
        title = case.name or ("(single case)" if en else "(một trường hợp)")
        lines.append(f"{'Case' if en else 'Trường hợp'} {case.number}: {title}")
        lines += _terms_lines(case.terms, lang, "    ")
        lines += [f"    {n}. {d.name}{_flags(d, lang)}" for n, d in enumerate(case.documents, start=1)]
    return "\n".join(lines)


def _terms_lines(terms: Any, lang: str, indent: str) -> list[str]:
    names = {"direct": ("Trực tiếp", "Direct"), "online": ("Trực tuyến", "Online"), "postal": ("Bưu chính", "Postal")}
    lines = []
    for term in terms:
        vi, en = names[term.channel.value]
        lines.append(f"{indent}{en if lang == 'en' else vi}: {time_label(term.time_limit, lang)} · "
                     f"{fee_label(term.fee, lang)}")
    return lines


def _flags(document: RequiredDocument, lang: str) -> str:
    en = lang == "en"
    flags = []
    if document.blocking:
        flags.append("mandatory" if en else "bắt buộc")
    if document.condition:
        flags.append(f"{'if' if en else 'điều kiện'}: {document.condition}")
    if document.group:
        flags.append(f"{'one of' if en else 'một trong nhóm'}: {document.group}")
    if document.show_only:
        flags.append("show only" if en else "chỉ xuất trình")
    if document.note_only:
        flags.append("note" if en else "ghi chú")
    counts = [(document.originals, "original" if en else "bản chính"),
              (document.certified_copies, "certified copy" if en else "bản sao chứng thực"),
              (document.copies, "copy" if en else "bản sao")]
    flags += [f"{n} {label}" for n, label in counts if n]
    if document.template:
        flags.append(f"{'form' if en else 'mẫu'}: {document.template}")
    return f" [{'; '.join(flags)}]" if flags else ""

"""The `report` subcommand of `counter-app`: the period's figures as JSON or text, or the report as XLSX/PDF."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from counter_app.clock import parse_day
from counter_app.errors import StorageError, ValidationError
from counter_app.messages import os_reason
from counter_app.reports.periods import spanning
from counter_app.reports.report import Report
from counter_app.reports.tables import is_share, shown, summary_rows
from counter_app.services import reports
from counter_app.storage.blobs import write_atomically
from counter_app.storage.database import Database

MakeCommand = Callable[..., argparse.ArgumentParser]  # counter_app.cli's `_command`
FORMATS = ("xlsx", "pdf")


def add_report_command(sub: Any, common: argparse.ArgumentParser, command: MakeCommand) -> None:
    report = command(sub, common, "report", _report, "the period's figures (--json), or the report as XLSX or PDF")
    report.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
    report.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
    report.add_argument("--format", choices=FORMATS, help="write the periodic report in this format to --out")
    report.add_argument("--out", type=Path, help="file to write (with --format)")


def _report(args: argparse.Namespace, db: Database) -> Any:
    period = spanning(parse_day(args.start), parse_day(args.end))
    if bool(args.format) != bool(args.out):
        raise ValidationError("report.format")
    built = reports.build_report(db, period)
    result: dict[str, Any] = {"from": period.first.isoformat(), "to": period.last.isoformat(),
                              **built.totals.as_dict(),
                              "scorecard_estimate": {"points": built.scorecard.points,
                                                     "max_points": built.scorecard.max_points}}
    if args.format:
        data = _written(built, args.format)
        try:
            write_atomically(args.out, data)
        except OSError as error:
            raise StorageError("print.write_failed", path=str(args.out), reason=os_reason(error)) from error
        result.update(out=str(args.out), bytes=len(data))
    if args.json:
        return result
    if args.format:
        return str(args.out)
    lines = [f"{label}: {shown(now, is_share(key))}" for key, label, now, _ in summary_rows(built, args.lang)]
    return "\n".join([period.label(), *lines])


def _written(built: Report, kind: str) -> bytes:
    if kind == "xlsx":
        from printing.report_xlsx import report_workbook  # noqa: PLC0415 (openpyxl loads only here)

        return report_workbook(built)
    from printing.report_pdf import render  # noqa: PLC0415 (reportlab loads only here)

    return render(built)

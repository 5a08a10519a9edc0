"""The `settings` subcommands of `counter-app`: office details on the forms, the cut-off, the dossier-code pattern."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import Any

from counter_app.clock import parse_day
from counter_app.codes import DEFAULT_PATTERN, TT01_2018_TEMPLATE, TT04_2025_TEMPLATE, CodePattern
from counter_app.errors import ValidationError
from counter_app.services import office
from counter_app.storage.database import Database

MakeCommand = Callable[..., argparse.ArgumentParser]  # counter_app.cli's `_command`
OFFICE_OPTIONS = {"--place-name": "place_name", "--parent-body": "parent_body",
                  "--issuing-office": "issuing_office", "--phone": "phone"}
TEMPLATES = {"tt01_2018": TT01_2018_TEMPLATE, "tt04_2025": TT04_2025_TEMPLATE}


def add_settings_commands(sub: Any, common: argparse.ArgumentParser, command: MakeCommand) -> None:
    group = sub.add_parser("settings", help="office settings").add_subparsers(dest="action", required=True)
    command(group, common, "show", _show, "the office's printed details, the cut-off, the dossier-code patterns")
    details = command(group, common, "office", _office, "the office details printed on every form")
    add_office_options(details)
    cutoff = command(group, common, "cutoff", _cutoff, "the daily cut-off (NĐ 61 Điều 18: 'sau 15 giờ')")
    cutoff.add_argument("time", help="HH:MM or HH:MM:SS, e.g. 15:00")
    cutoff.add_argument("--at-cutoff", choices=("same-day", "next-day"), default="same-day",
                        help="a dossier received exactly at the cut-off (default: same day, as 'sau 15 giờ' reads)")
    books = command(group, common, "register", _register, "one register (Sổ theo dõi hồ sơ) for all, or per field")
    books.add_argument("--by-field", choices=("on", "off"), required=True,
                       help="on: each procedure field has its own register and numbering (from now on)")
    pattern = command(group, common, "code-pattern", _code_pattern, "the dossier-code pattern from a date on")
    pattern.add_argument("template", help="tt01_2018, tt04_2025, or parts such as {agency}-{yymmdd}-{aa}{seq:4}")
    pattern.add_argument("--from", dest="start", required=True, help="first acceptance date, YYYY-MM-DD")
    pattern.add_argument("--system", default="", help="AA: two digits of the system owner (with {aa})")


def add_office_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--place-name", help="địa danh printed before the date, e.g. Tân Hòa")
    parser.add_argument("--parent-body", help="first header line, e.g. 'UBND xã Tân Hòa'")
    parser.add_argument("--issuing-office", help="second header line (default: the office name)")
    parser.add_argument("--phone", help="the office's phone, printed on form 02")


def office_changes(args: argparse.Namespace) -> dict[str, Any]:
    return {field: " ".join(str(getattr(args, field)).split()) for field in OFFICE_OPTIONS.values()
            if getattr(args, field) is not None}


def _show(_args: argparse.Namespace, db: Database) -> Any:
    with db.read() as session:
        hours, patterns = office.office_hours(session), office.code_patterns(session)
        details = office.office_of(session)
        by_field = office.register_by_field(session)
    return {"office": details, "register_by_field": "on" if by_field else "off",
            "cutoff": hours.cutoff.isoformat(), "at_cutoff": "same-day" if hours.cutoff_same_day else "next-day",
            "code_patterns": [DEFAULT_PATTERN, *patterns]}


def _office(args: argparse.Namespace, db: Database) -> Any:
    return office.update_office(db, office_changes(args), args.actor)


def _cutoff(args: argparse.Namespace, db: Database) -> Any:
    try:
        time = dt.time.fromisoformat(args.time)
    except ValueError:
        raise ValidationError("input.time", value=args.time) from None
    hours = office.set_cutoff(db, time, args.at_cutoff == "same-day", args.actor)
    return {"cutoff": hours.cutoff.isoformat(), "at_cutoff": args.at_cutoff}


def _register(args: argparse.Namespace, db: Database) -> Any:
    office.set_register_by_field(db, args.by_field == "on", args.actor)
    return {"register_by_field": args.by_field}


def _code_pattern(args: argparse.Namespace, db: Database) -> Any:
    template = TEMPLATES.get(args.template.lower(), args.template)
    pattern = CodePattern(template, parse_day(args.start), args.system)
    return office.set_code_pattern(db, pattern, args.actor)

"""The lifecycle subcommands of `counter-app` (transfer, refuse, extend, stop, return…), their options built
from the action table, so the command line asks exactly what the action dialog and the hub ask."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import Any

from counter_app import action_needs
from counter_app.action_needs import NEEDS, Need
from counter_app.clock import parse_day, parse_local
from counter_app.lifecycle import Action
from counter_app.model import Dossier, StopRequester
from counter_app.services import processing
from counter_app.storage.database import Database

MakeCommand = Callable[..., argparse.ArgumentParser]  # counter_app.cli's `_command`
Call = Callable[[argparse.Namespace, Database], Dossier]
_TEXT_NEEDS = (Need.REASON, Need.NOTE, Need.TO)

_SIMPLE: dict[Action, tuple[Call, str]] = {
    Action.TRANSFER: (lambda a, db: processing.transfer(db, a.ref, a.actor, a.to, a.note),
                      "transfer to the processing office"),
    Action.REQUEST_SUPPLEMENT: (lambda a, db: processing.request_supplement(db, a.ref, a.actor, a.reason),
                                "ask for a supplement after appraisal"),
    Action.SUPPLEMENT_RECEIVED: (lambda a, db: processing.supplement_received(db, a.ref, a.actor, a.note),
                                 "the supplement arrived: the deadline restarts"),
    Action.REFUSE: (lambda a, db: processing.refuse(db, a.ref, a.actor, a.reason), "refuse after appraisal"),
    Action.RECORD_RESULT: (lambda a, db: processing.record_result(db, a.ref, a.actor, a.note),
                           "record that the result is ready"),
    Action.WITHDRAW: (lambda a, db: processing.withdraw(db, a.ref, a.actor, a.reason),
                      "the citizen takes back a dossier not yet accepted"),
}


def add_transition_commands(sub: Any, common: argparse.ArgumentParser, command: MakeCommand) -> None:
    for action, (call, help_text) in _SIMPLE.items():
        _text_options(_ref(command(sub, common, NEEDS[action].command, _checked(action, call), help_text)), action)
    stop = _ref(command(sub, common, "stop", _checked(Action.STOP, _stop),
                        "stop processing (Mẫu 05), at the applicant's or the office's request"))
    stop.add_argument("--requested-by", choices=[r.value for r in StopRequester],
                      help="applicant: the applicant asked (TT 03/2025 Điều 7); office: the office decided")
    _text_options(stop, Action.STOP)
    extend = _ref(command(sub, common, "extend", _checked(Action.EXTEND, _extend),
                          "apologise and set a new due date (once)"))
    extend.add_argument("--new-due", default="", help="YYYY-MM-DD or 'YYYY-MM-DD HH:MM'")
    _text_options(extend, Action.EXTEND)
    give = _ref(command(sub, common, "return", _checked(Action.RETURN_RESULT, _return),
                        "hand the result over (counter or post)"))
    give.add_argument("--recipient-name", default="")
    give.add_argument("--recipient-id", default="")
    give.add_argument("--authorisation", default="", help="reference of the authorisation, if any")
    give.add_argument("--postal-item", default="", help="tracking number when returned by post")


def _ref(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("ref", help="dossier code")
    return parser


def _text_options(parser: argparse.ArgumentParser, action: Action) -> None:
    for need in _TEXT_NEEDS:
        if NEEDS[action].asks(need):
            parser.add_argument(f"--{need.value}", default="")


def _checked(action: Action, call: Call) -> Call:
    """`call`, after the action table's check of what was given (a translated message when something is missing)."""
    def handler(args: argparse.Namespace, db: Database) -> Dossier:
        given: dict[Need, object] = {need: getattr(args, need.value, None) for need in _TEXT_NEEDS}
        given[Need.NEW_DUE] = getattr(args, "new_due", None)
        given[Need.REQUESTED_BY] = getattr(args, "requested_by", None)
        given[Need.RECIPIENT] = (getattr(args, "recipient_name", "") or getattr(args, "postal_item", "")) or None
        action_needs.check(action, {need: value for need, value in given.items() if NEEDS[action].asks(need)})
        return call(args, db)

    return handler


def _stop(args: argparse.Namespace, db: Database) -> Dossier:
    return processing.stop(db, args.ref, args.actor, args.reason, StopRequester(args.requested_by))


def _extend(args: argparse.Namespace, db: Database) -> Dossier:
    text = args.new_due.strip()
    new_due: dt.date | dt.datetime = parse_local(text) if len(text) > 10 else parse_day(text)
    return processing.extend(db, args.ref, args.actor, new_due, args.reason)


def _return(args: argparse.Namespace, db: Database) -> Dossier:
    recipient = processing.Recipient(args.recipient_name, args.recipient_id, args.authorisation, args.postal_item)
    return processing.return_result(db, args.ref, args.actor, recipient)

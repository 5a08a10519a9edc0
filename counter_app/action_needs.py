"""What each lifecycle action asks for (a reason, a note, the office it goes to, a new due date, who asked, the
recipient), in one table that the command line, the action dialog and the hub's set-status all read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from counter_app.errors import ValidationError
from counter_app.lifecycle import Action
from counter_app.messages import Bilingual


class Need(StrEnum):
    REASON = "reason"
    NOTE = "note"
    TO = "to"  # the processing officer or office a dossier is transferred to
    NEW_DUE = "new_due"
    REQUESTED_BY = "requested_by"  # who asked to stop: the applicant or the office
    RECIPIENT = "recipient"  # who takes the result: name and ID number, or the post's item number
    DOCUMENTS = "documents"  # the documents now handed in


NEED_LABELS: Final[dict[Need, Bilingual]] = {
    Need.REASON: Bilingual("Lý do", "Reason"), Need.NOTE: Bilingual("Ghi chú", "Note"),
    Need.TO: Bilingual("Nơi nhận xử lý", "Processing office"), Need.NEW_DUE: Bilingual("Ngày hẹn mới", "New due date"),
    Need.REQUESTED_BY: Bilingual("Người đề nghị dừng", "Requested by"),
    Need.RECIPIENT: Bilingual("Người nhận kết quả", "Recipient"), Need.DOCUMENTS: Bilingual("Giấy tờ", "Documents"),
}


@dataclass(frozen=True)
class Needs:
    """An action's command name (the CLI's and the hub's set-status) and what it requires or accepts."""

    command: str
    required: frozenset[Need] = frozenset()
    optional: frozenset[Need] = frozenset()

    def asks(self, need: Need) -> bool:
        return need in self.required or need in self.optional


def _needs(command: str, required: tuple[Need, ...] = (), optional: tuple[Need, ...] = ()) -> Needs:
    return Needs(command, frozenset(required), frozenset(optional))


NEEDS: Final[dict[Action, Needs]] = {
    Action.ACCEPT: _needs("accept", optional=(Need.DOCUMENTS,)),
    Action.TRANSFER: _needs("transfer", optional=(Need.TO, Need.NOTE)),
    Action.REQUEST_SUPPLEMENT: _needs("request-supplement", (Need.REASON,)),
    Action.SUPPLEMENT_RECEIVED: _needs("supplement-received", optional=(Need.NOTE,)),
    Action.REFUSE: _needs("refuse", (Need.REASON,)),
    Action.EXTEND: _needs("extend", (Need.REASON, Need.NEW_DUE)),
    Action.STOP: _needs("stop", (Need.REASON, Need.REQUESTED_BY)),
    Action.RECORD_RESULT: _needs("result-ready", optional=(Need.NOTE,)),
    Action.RETURN_RESULT: _needs("return", (Need.RECIPIENT,)),
    Action.WITHDRAW: _needs("withdraw", (Need.REASON,)),
}


PROVINCE_ACTIONS: Final = (Action.TRANSFER, Action.REQUEST_SUPPLEMENT, Action.REFUSE, Action.STOP,
                           Action.RECORD_RESULT)  # what the deciding office sets at the hub (`hub set-status`)


def action_named(command: str, among: tuple[Action, ...] = tuple(NEEDS)) -> Action:
    """The action whose command name is `command` (one of `among`), or a message listing the names."""
    for action in among:
        if NEEDS[action].command == command.strip():
            return action
    raise ValidationError("hub.unknown_transition", name=command[:60],
                          choices=", ".join(NEEDS[action].command for action in among))


def check(action: Action, given: Mapping[Need, object]) -> None:
    """ValidationError when a required need is missing or blank, or a need the action does not ask is given."""
    needs = NEEDS[action]
    for need in sorted(needs.required):
        value = given.get(need)
        if value is None or (isinstance(value, str) and not value.strip()):
            if need is Need.REASON:
                raise ValidationError("lifecycle.reason_required")
            raise ValidationError("input.required", field=NEED_LABELS[need])
    for need, value in given.items():
        if value not in (None, "") and not needs.asks(need):
            raise ValidationError("action.not_asked", field=NEED_LABELS[need], action=needs.command)

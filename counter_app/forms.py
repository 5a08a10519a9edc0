"""Which printed form a dossier may have, and which legal set of forms (TT 01/2018 or TT 03/2025) it uses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from counter_app.clock import local
from counter_app.errors import ValidationError
from counter_app.lifecycle import STATUS_LABELS, Action
from counter_app.messages import Bilingual
from counter_app.model import Channel, Delivery, Dossier, DossierEvent, Office

DEFAULT_SWITCH_DATE: Final = dt.date(2025, 9, 15)


class FormSet(StrEnum):
    TT01_2018 = "tt01_2018"
    TT03_2025 = "tt03_2025"


class Form(StrEnum):
    """Per-dossier forms by their TT 03/2025 number, plus the thermal slip and the postal record."""

    RECEIPT = "01"
    SUPPLEMENT = "02"
    REFUSAL = "03"
    APOLOGY = "04"
    STOP = "05"
    CONTROL = "06"
    THERMAL = "thermal"
    POSTAL = "postal"


class PostalDirection(StrEnum):
    POST_TO_COUNTER = "in"
    COUNTER_TO_POST = "out"


FORM_NAMES: Final[dict[Form, Bilingual]] = {
    Form.RECEIPT: Bilingual("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "receipt and appointment slip"),
    Form.SUPPLEMENT: Bilingual("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "supplement request"),
    Form.REFUSAL: Bilingual("Phiếu từ chối tiếp nhận giải quyết hồ sơ", "refusal notice"),
    Form.APOLOGY: Bilingual("Văn bản xin lỗi và đề nghị gia hạn", "apology and extension"),
    Form.STOP: Bilingual("Thông báo dừng giải quyết hồ sơ", "stop-processing notice"),
    Form.CONTROL: Bilingual("Phiếu kiểm soát quá trình giải quyết hồ sơ", "process-control sheet"),
    Form.THERMAL: Bilingual("Phiếu hẹn in nhiệt 80 mm", "80 mm thermal slip"),
    Form.POSTAL: Bilingual("Biên bản giao nhận hồ sơ qua bưu chính", "postal hand-over record"),
}

# The event that makes a form printable (the latest one is printed) and what is needed, in words.
_FORM_EVENTS: Final[dict[Form, tuple[frozenset[Action], Bilingual]]] = {
    Form.RECEIPT: (frozenset({Action.ACCEPT}), Bilingual("hồ sơ đã được tiếp nhận", "an accepted dossier")),
    Form.THERMAL: (frozenset({Action.ACCEPT}), Bilingual("hồ sơ đã được tiếp nhận", "an accepted dossier")),
    Form.CONTROL: (frozenset({Action.ACCEPT}), Bilingual("hồ sơ đã được tiếp nhận", "an accepted dossier")),
    Form.SUPPLEMENT: (
        frozenset({Action.REQUEST_SUPPLEMENT_AT_COUNTER, Action.REQUEST_SUPPLEMENT}),
        Bilingual("hồ sơ đã có yêu cầu bổ sung", "a dossier with a supplement request"),
    ),
    Form.REFUSAL: (
        frozenset({Action.REFUSE_AT_COUNTER, Action.REFUSE}),
        Bilingual("hồ sơ đã bị từ chối", "a refused dossier"),
    ),
    Form.APOLOGY: (frozenset({Action.EXTEND}), Bilingual("hồ sơ đã được gia hạn", "an extended dossier")),
    Form.STOP: (frozenset({Action.STOP}), Bilingual("hồ sơ đã dừng giải quyết", "a stopped dossier")),
}


@dataclass(frozen=True)
class FormContext:
    """Everything a per-dossier form is drawn from (no database needed afterwards)."""

    form: Form
    form_set: FormSet
    dossier: Dossier
    office: Office
    event: DossierEvent | None
    staff_names: dict[str, str]
    printed_at: dt.datetime
    direction: PostalDirection | None = None

    def staff_name(self, username: str) -> str:
        return self.staff_names.get(username, username)


def form_set_for(dossier: Dossier, switch_date: dt.date = DEFAULT_SWITCH_DATE) -> FormSet:
    """The TT 01/2018 set for dossiers received before `switch_date`, the TT 03/2025 set from it."""
    received = local(dossier.submitted_at).date()
    return FormSet.TT01_2018 if received < switch_date else FormSet.TT03_2025


def triggering_event(
    form: Form, dossier: Dossier, direction: PostalDirection | None = None,
) -> DossierEvent | None:
    """The latest event that made `form` printable; ValidationError when the dossier never had one."""
    if form is Form.POSTAL:
        return _postal_event(dossier, postal_direction(dossier, direction))
    actions, need = _FORM_EVENTS[form]
    found = [event for event in dossier.events if event.type in actions]
    if not found:
        raise _not_applicable(form, dossier, need)
    return found[-1]


def postal_direction(dossier: Dossier, wanted: PostalDirection | None = None) -> PostalDirection:
    """Which hand-over record a dossier has: post → counter when it came by post, counter → post on return."""
    returned_by_post = _returned_by_post(dossier) is not None
    came_by_post = dossier.channel is Channel.POSTAL
    if wanted is PostalDirection.COUNTER_TO_POST or (wanted is None and returned_by_post):
        if returned_by_post:
            return PostalDirection.COUNTER_TO_POST
        need = Bilingual("hồ sơ đã trả kết quả qua bưu chính", "a result returned by post")
        raise _not_applicable(Form.POSTAL, dossier, need)
    if came_by_post:
        return PostalDirection.POST_TO_COUNTER
    need = Bilingual("hồ sơ nộp hoặc trả qua bưu chính", "a dossier submitted or returned by post")
    raise _not_applicable(Form.POSTAL, dossier, need)


def _postal_event(dossier: Dossier, direction: PostalDirection) -> DossierEvent | None:
    if direction is PostalDirection.COUNTER_TO_POST:
        return _returned_by_post(dossier)
    accepted = [e for e in dossier.events if e.type is Action.ACCEPT]
    return accepted[-1] if accepted else None


def _returned_by_post(dossier: Dossier) -> DossierEvent | None:
    for event in reversed(dossier.events):
        if event.type is Action.RETURN_RESULT and event.payload.get("delivery") == Delivery.POSTAL.value:
            return event
    return None


def _not_applicable(form: Form, dossier: Dossier, need: Bilingual) -> ValidationError:
    return ValidationError(
        "print.not_applicable", form=FORM_NAMES[form], need=need,
        status=Bilingual(*STATUS_LABELS[dossier.status]),
    )

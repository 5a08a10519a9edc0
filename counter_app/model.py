"""Frozen dataclasses that services return and screens, forms and sync consume (never ORM rows)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from counter_app.deadlines import Timeliness
from counter_app.lifecycle import Action, Status
from counter_app.terms import ChannelTerms, FeeKind, FeeRule, ProcedureChannel, TimeLimit, TimeUnit

__all__ = ["ChannelTerms", "FeeKind", "FeeRule", "ProcedureChannel", "TimeLimit", "TimeUnit"]


class DocumentKind(StrEnum):
    ORIGINAL = "original"
    CERTIFIED_COPY = "certified_copy"
    COPY = "copy"


class Channel(StrEnum):
    COUNTER = "counter"
    POSTAL = "postal"
    ONLINE = "online"


def procedure_channel(channel: Channel) -> ProcedureChannel:
    """Whose published terms apply: the counter uses the direct channel's."""
    return {Channel.POSTAL: ProcedureChannel.POSTAL, Channel.ONLINE: ProcedureChannel.ONLINE}.get(
        channel, ProcedureChannel.DIRECT)


class Delivery(StrEnum):
    COUNTER = "counter"
    POSTAL = "postal"


class StopRequester(StrEnum):
    """Who asked to stop processing (TT 03/2025 Điều 7: the applicant; or the office itself)."""

    APPLICANT = "applicant"
    OFFICE = "office"


class Role(StrEnum):
    CLERK = "clerk"
    LEADER = "leader"
    POSTAL = "postal"
    ADMIN = "admin"


@dataclass(frozen=True)
class Office:
    """The office as printed: `parent_body` and `issuing_office` head every form's left side (the issuing
    office falls back to `name`), `place_name` goes before the date, `phone` on the guidance lines."""

    code: str
    name: str
    province: str = ""
    address: str = ""
    place_name: str = ""
    communes: tuple[str, ...] = ()
    postal_agreement: bool = True
    parent_body: str = ""
    issuing_office: str = ""
    phone: str = ""


@dataclass(frozen=True)
class RequiredDocument:
    """One row of a case's document list, numbered from 1 in file order.

    Counts of originals, certified copies and copies as published (all 0: a note, never blocking);
    `condition` ("nếu có", "trường hợp …") and `group` (one of an alternatives group) make it non-blocking
    on its own; `show_only` documents are shown (xuất trình), not handed in.
    """

    position: int
    name: str
    kind: DocumentKind = DocumentKind.ORIGINAL
    quantity: int = 1
    mandatory: bool = True
    template: str = ""
    originals: int = 1
    certified_copies: int = 0
    copies: int = 0
    show_only: bool = False
    condition: str = ""
    group: str = ""

    @property
    def note_only(self) -> bool:
        return self.originals + self.certified_copies + self.copies == 0

    @property
    def blocking(self) -> bool:
        """Blocks acceptance until ticked: mandatory, unconditional, not an alternative, handed in."""
        return self.mandatory and not (self.condition or self.group or self.show_only or self.note_only)


@dataclass(frozen=True)
class ProcedureCase:
    """A case (trường hợp) with its own documents and, where they differ, its own channel terms."""

    number: int
    name: str
    documents: tuple[RequiredDocument, ...]
    terms: tuple[ChannelTerms, ...] = ()


@dataclass(frozen=True)
class Procedure:
    code: str
    name: str
    field: str
    effective_from: dt.date
    terms: tuple[ChannelTerms, ...]
    cases: tuple[ProcedureCase, ...]
    cutoff_applies: bool = True
    postal_eligible: bool = True
    presence_required: bool = False
    source: str = ""
    legal_basis: str = ""
    result: str = ""
    agency: str = ""
    id: int | None = None

    def case(self, number: int = 1) -> ProcedureCase:
        """Case `number` (from 1); LookupError when there is none."""
        for case in self.cases:
            if case.number == number:
                return case
        raise LookupError(number)

    def terms_for(self, case: int = 1, channel: ProcedureChannel = ProcedureChannel.DIRECT) -> ChannelTerms:
        """The case's own terms for `channel`, else the procedure's, else the direct channel's."""
        own = {t.channel: t for c in self.cases if c.number == case for t in c.terms}
        shared = {t.channel: t for t in self.terms}
        direct = ProcedureChannel.DIRECT
        for table, wanted in ((own, channel), (shared, channel), (own, direct), (shared, direct)):
            if wanted in table:
                return table[wanted]
        return ChannelTerms(channel, TimeLimit(), FeeRule())

    @property
    def documents(self) -> tuple[RequiredDocument, ...]:
        """The first case's documents."""
        return self.cases[0].documents if self.cases else ()

    @property
    def time_limit(self) -> TimeLimit:
        return self.terms_for().time_limit

    @property
    def fee(self) -> FeeRule:
        return self.terms_for().fee

    @property
    def incomplete(self) -> bool:
        """A case's direct time limit is missing or not stated: not offered at intake until set."""
        return any(not self.terms_for(c.number).time_limit.stated for c in self.cases) or not self.cases


@dataclass(frozen=True)
class Person:
    """A snapshot of the applicant (or submitter) as written on the dossier."""

    full_name: str
    id_number: str
    date_of_birth: dt.date | None = None
    sex: str | None = None
    address: str = ""
    phone: str = ""
    email: str = ""
    relation: str = ""
    authorisation: str = ""  # a submitter's authorisation (giấy ủy quyền) reference


@dataclass(frozen=True)
class DocumentEntry:
    """A document the clerk ticked: which requirement, which kind, copies handed in, pages, copies to certify."""

    name: str
    kind: DocumentKind = DocumentKind.ORIGINAL
    copies: int = 1
    pages: int = 1
    certify: int = 0


@dataclass(frozen=True)
class ReceivedDocument:
    position: int
    name: str
    kind: DocumentKind
    copies: int
    pages: int
    mandatory: bool
    blob_sha256: str | None = None
    signed: bool = False
    timestamp_pending: bool = False
    certify: int = 0


@dataclass(frozen=True)
class DossierEvent:
    id: uuid.UUID
    type: Action
    device_id: uuid.UUID
    seq: int
    at: dt.datetime
    actor: str
    payload: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class DossierSummary:
    """One row of a list or a search result."""

    id: uuid.UUID
    code: str | None
    procedure_code: str
    procedure_name: str
    applicant_name: str
    applicant_id_number: str
    status: Status
    accepted_at: dt.datetime | None
    due_at: dt.datetime | None
    overdue: bool
    submitted_at: dt.datetime | None = None


@dataclass(frozen=True)
class Dossier:
    """A dossier with everything the dossier view, the forms and the checks need."""

    id: uuid.UUID
    code: str | None
    procedure: Procedure
    status: Status
    channel: Channel
    applicant: Person
    submitter: Person | None
    submitted_at: dt.datetime
    accepted_at: dt.datetime | None
    due_at: dt.datetime | None
    result_ready_at: dt.datetime | None
    returned_at: dt.datetime | None
    delivery: Delivery
    delivery_address: str
    postal_item_in: str
    fee_amount: int
    register_year: int | None
    register_number: int | None
    extension_count: int
    supplement_count: int
    documents: tuple[ReceivedDocument, ...]
    events: tuple[DossierEvent, ...]
    allowed_actions: tuple[Action, ...]
    overdue: bool
    timeliness: Timeliness | None
    missing_documents: tuple[str, ...] = ()
    case_number: int = 1
    fee_known: bool = True
    fee_currency: str = "VND"
    shown_documents: tuple[str, ...] = ()

    @property
    def result_delivery(self) -> Delivery:
        """How the result went back (as handed over, once returned) or is to go (as registered at intake): the
        register's "Phương thức nhận kết quả"."""
        for event in reversed(self.events):
            if event.type is Action.RETURN_RESULT and event.payload.get("delivery"):
                return Delivery(str(event.payload["delivery"]))
        return self.delivery

    @property
    def case(self) -> ProcedureCase:
        return self.procedure.case(self.case_number)

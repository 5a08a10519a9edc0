"""Frozen dataclasses that services return and screens, forms and sync consume (never ORM rows)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from counter_app.deadlines import Timeliness
from counter_app.lifecycle import Action, Status


class DocumentKind(StrEnum):
    ORIGINAL = "original"
    CERTIFIED_COPY = "certified_copy"
    COPY = "copy"


class Channel(StrEnum):
    COUNTER = "counter"
    POSTAL = "postal"
    ONLINE = "online"


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
class FeeRule:
    """Fixed fee, or per page (first pages at one rate, later at another) with a cap per copy."""

    kind: str = "free"
    amount: int = 0
    first_pages: int = 0
    first_page_amount: int = 0
    later_page_amount: int = 0
    cap_per_copy: int | None = None
    note: str = ""


@dataclass(frozen=True)
class RequiredDocument:
    position: int
    name: str
    kind: DocumentKind
    quantity: int = 1
    mandatory: bool = True
    template: str = ""


@dataclass(frozen=True)
class Procedure:
    code: str
    name: str
    field: str
    effective_from: dt.date
    processing_days: int
    cutoff_applies: bool
    fee: FeeRule
    documents: tuple[RequiredDocument, ...]
    postal_eligible: bool = True
    presence_required: bool = False
    source: str = ""
    id: int | None = None


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
    """A document the clerk ticked as handed in: which requirement, which kind, how many."""

    name: str
    kind: DocumentKind = DocumentKind.ORIGINAL
    copies: int = 1
    pages: int = 1


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

    @property
    def result_delivery(self) -> Delivery:
        """How the result went back (as handed over, once returned) or is to go (as registered at intake): the
        register's "Phương thức nhận kết quả"."""
        for event in reversed(self.events):
            if event.type is Action.RETURN_RESULT and event.payload.get("delivery"):
                return Delivery(str(event.payload["delivery"]))
        return self.delivery

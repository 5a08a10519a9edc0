"""Postal batches as screens and commands see them: envelopes, items, states and outcomes (QĐ 45/2016)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from counter_app import limits
from counter_app.errors import ValidationError
from counter_app.model import DocumentEntry, DocumentKind, Person
from counter_app.s10 import validate_postal_item


class Direction(StrEnum):
    RECEIPT = "in"  # the post hands envelopes to the counter
    DISPATCH = "out"  # the counter hands results to the post


class BatchStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class ItemState(StrEnum):
    PENDING = "pending"  # an envelope in an open receipt batch
    ACCEPTED = "accepted"  # complete: the dossier was accepted when the batch closed
    SENT_BACK = "sent_back"  # incomplete: form 02 goes back to the citizen by post
    DISPATCHED = "dispatched"  # a result handed to the post
    DELIVERED = "delivered"
    RETURNED = "returned"  # chuyển hoàn: the post brought it back


class Outcome(StrEnum):
    DELIVERED = "delivered"
    RETURNED = "returned"


BATCH_PREFIX = {Direction.RECEIPT: "BN", Direction.DISPATCH: "BG"}  # biên bản nhận / biên bản gửi


def item_number(value: str) -> str:
    """A phiếu gửi number as scanned or typed: S10 checked when it has that shape, else letters and digits."""
    number = validate_postal_item(limits.code(value, limits.POSTAL_ITEM))
    if not number.isascii() or not number.isalnum():
        raise ValidationError("s10.format", value=number)
    return number


@dataclass(frozen=True)
class Envelope:
    """One envelope as entered: its phiếu gửi number, the procedure, the applicant and the documents ticked."""

    item_number: str
    procedure_code: str
    applicant: Person
    documents: tuple[DocumentEntry, ...]
    delivery_address: str = ""  # where the result goes back by post; the applicant's address when empty
    case: int = 1  # the procedure's case (trường hợp), from 1


@dataclass(frozen=True)
class PostalItem:
    position: int
    item_number: str
    state: ItemState
    procedure_code: str
    applicant_name: str
    address: str
    missing: tuple[str, ...] = ()  # receipt: mandatory documents not ticked
    dossier_id: uuid.UUID | None = None
    dossier_code: str | None = None
    outcome_on: dt.date | None = None
    outcome_reason: str = ""
    fee_amount: int = 0
    phone: str = ""


@dataclass(frozen=True)
class PostalBatch:
    id: uuid.UUID
    ref: str
    direction: Direction
    status: BatchStatus
    opened_at: dt.datetime
    opened_by: str
    closed_at: dt.datetime | None
    postal_worker: str
    items: tuple[PostalItem, ...]

    @property
    def complete(self) -> int:
        """Envelopes with nothing missing (accepted, once the batch is closed)."""
        return sum(1 for item in self.items if not item.missing)

    @property
    def incomplete(self) -> int:
        return len(self.items) - self.complete


@dataclass(frozen=True)
class ReadyForPost:
    """A result waiting to go back by post."""

    code: str
    applicant_name: str
    address: str
    phone: str
    procedure_name: str
    returned_note: str = ""  # the post's reason when a previous dispatch came back


@dataclass(frozen=True)
class FeeLine:
    """Postage a citizen paid at the counter, for the reports."""

    paid_at: dt.datetime
    dossier_code: str
    item_number: str
    amount: int


def envelope_json(envelope: Envelope) -> dict[str, Any]:
    """The envelope as stored in its batch until the close."""
    person = envelope.applicant
    return {
        "procedure_code": envelope.procedure_code, "case": envelope.case,
        "delivery_address": envelope.delivery_address,
        "applicant": {"full_name": person.full_name, "id_number": person.id_number,
                      "date_of_birth": person.date_of_birth.isoformat() if person.date_of_birth else None,
                      "sex": person.sex, "address": person.address, "phone": person.phone, "email": person.email},
        "documents": [{"name": d.name, "kind": d.kind.value, "copies": d.copies, "pages": d.pages,
                       "certify": d.certify} for d in envelope.documents],
    }


def envelope_of(item_number: str, data: dict[str, Any]) -> Envelope:
    applicant = dict(data["applicant"])
    born = applicant.pop("date_of_birth")
    person = Person(**applicant, date_of_birth=dt.date.fromisoformat(born) if born else None)
    documents = tuple(DocumentEntry(d["name"], DocumentKind(d["kind"]), d["copies"], d["pages"], d.get("certify", 0))
                      for d in data["documents"])
    return Envelope(item_number, data["procedure_code"], person, documents, data.get("delivery_address", ""),
                    int(data.get("case", 1)))

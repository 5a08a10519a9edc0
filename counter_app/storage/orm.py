"""SQLAlchemy tables: office, catalogue, dossiers and their events, users, audit log, blobs, calendar, post."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar

from sqlalchemy import JSON, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from counter_app.storage.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dt.datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


class OfficeRow(Base):
    __tablename__ = "office"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(35))
    name: Mapped[str] = mapped_column(String(300))
    province: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(500), default="")
    place_name: Mapped[str] = mapped_column(String(200), default="")
    communes: Mapped[list[Any]] = mapped_column(default=list)
    postal_agreement: Mapped[bool] = mapped_column(default=True)


class SettingRow(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict[str, Any]]


class DeviceRow(Base):
    """A counter (installation); events are numbered per device."""

    __tablename__ = "device"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    last_seq: Mapped[int] = mapped_column(default=0)
    block_start: Mapped[int] = mapped_column(default=1)
    block_end: Mapped[int] = mapped_column(default=9999)
    created_at: Mapped[dt.datetime]


class CounterRow(Base):
    """Named counters incremented atomically: daily dossier numbers, register numbers, audit sequence."""

    __tablename__ = "counter"
    name: Mapped[str] = mapped_column(String(120), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class ProcedureRow(Base):
    """A procedure version; `terms` holds each channel's time limit and fee (parsed and published text)."""

    __tablename__ = "procedure"
    __table_args__ = (UniqueConstraint("code", "effective_from"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), index=True)
    effective_from: Mapped[dt.date]
    name: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(Text, default="")
    terms: Mapped[list[Any]] = mapped_column(default=list)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    cutoff_applies: Mapped[bool]
    postal_eligible: Mapped[bool] = mapped_column(default=True)
    presence_required: Mapped[bool] = mapped_column(default=False)
    source: Mapped[str] = mapped_column(Text, default="")
    name_fold: Mapped[str] = mapped_column(Text, default="")
    digest: Mapped[str] = mapped_column(String(64), default="")
    cases: Mapped[list[ProcedureCaseRow]] = relationship(
        order_by="ProcedureCaseRow.number", cascade="all, delete-orphan", lazy="selectin",
    )


class ProcedureCaseRow(Base):
    """A case (trường hợp) of a procedure version, numbered from 1; `terms` only where they differ."""

    __tablename__ = "procedure_case"
    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedure.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    name: Mapped[str] = mapped_column(Text, default="")
    terms: Mapped[list[Any]] = mapped_column(default=list)
    documents: Mapped[list[RequiredDocumentRow]] = relationship(
        order_by="RequiredDocumentRow.position", cascade="all, delete-orphan", lazy="selectin",
    )


class RequiredDocumentRow(Base):
    __tablename__ = "required_document"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("procedure_case.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[int] = mapped_column(default=1)
    mandatory: Mapped[bool] = mapped_column(default=True)
    template: Mapped[str] = mapped_column(Text, default="")
    originals: Mapped[int] = mapped_column(default=1)
    certified_copies: Mapped[int] = mapped_column(default=0)
    copies: Mapped[int] = mapped_column(default=0)
    show_only: Mapped[bool] = mapped_column(default=False)
    condition: Mapped[str] = mapped_column(Text, default="")
    alt_group: Mapped[str] = mapped_column(Text, default="")


class BlobRow(Base):
    __tablename__ = "blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    media_type: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime]


class DossierRow(Base):
    """The projection of a dossier's events, updated in the same transaction as each event."""

    __tablename__ = "dossier"
    __table_args__ = (
        Index("ix_dossier_status_due", "status", "due_at"),
        Index("ix_dossier_accepted_at", "accepted_at"),
        Index("ix_dossier_list_order", "submitted_at", "id"),
        Index("ix_dossier_status_list_order", "status", "submitted_at", "id"),
        Index("ix_dossier_procedure_list_order", "procedure_code", "submitted_at", "id"),
    )
    seq_no: Mapped[int] = mapped_column(Integer, unique=True)  # the full-text index's rowid
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    code: Mapped[str | None] = mapped_column(String(60), unique=True)
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("device.id"))
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedure.id"))
    procedure_code: Mapped[str] = mapped_column(String(60), index=True)
    status: Mapped[str] = mapped_column(String(30))
    channel: Mapped[str] = mapped_column(String(20))
    applicant_name: Mapped[str] = mapped_column(String(300))
    applicant_id_number: Mapped[str] = mapped_column(String(20), index=True)
    applicant_birth_date: Mapped[dt.date | None]
    applicant_sex: Mapped[str | None] = mapped_column(String(10))
    applicant_address: Mapped[str] = mapped_column(String(500), default="")
    applicant_phone: Mapped[str] = mapped_column(String(30), default="")
    applicant_email: Mapped[str] = mapped_column(String(200), default="")
    submitter: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    submitted_at: Mapped[dt.datetime]
    accepted_at: Mapped[dt.datetime | None]
    due_at: Mapped[dt.datetime | None]
    result_ready_at: Mapped[dt.datetime | None]
    returned_at: Mapped[dt.datetime | None]
    closed_at: Mapped[dt.datetime | None]
    delivery: Mapped[str] = mapped_column(String(20))
    delivery_address: Mapped[str] = mapped_column(String(500), default="")
    postal_item_in: Mapped[str] = mapped_column(String(40), default="")
    fee_amount: Mapped[int] = mapped_column(default=0)
    fee_known: Mapped[bool] = mapped_column(default=True)
    fee_currency: Mapped[str] = mapped_column(String(10), default="VND")
    case_number: Mapped[int] = mapped_column(default=1)
    applied_terms: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    register_year: Mapped[int | None]
    register_number: Mapped[int | None]
    extension_count: Mapped[int] = mapped_column(default=0)
    supplement_count: Mapped[int] = mapped_column(default=0)
    search_text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime]
    documents: Mapped[list[ReceivedDocumentRow]] = relationship(
        order_by="ReceivedDocumentRow.position", cascade="all, delete-orphan", lazy="selectin",
    )


class ReceivedDocumentRow(Base):
    __tablename__ = "received_document"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    copies: Mapped[int] = mapped_column(default=1)
    certify: Mapped[int] = mapped_column(default=0)
    pages: Mapped[int] = mapped_column(default=1)
    mandatory: Mapped[bool] = mapped_column(default=True)
    blob_sha256: Mapped[str | None] = mapped_column(ForeignKey("blob.sha256"))
    signed: Mapped[bool] = mapped_column(default=False)
    timestamp_pending: Mapped[bool] = mapped_column(default=False)


class DossierEventRow(Base):
    """Append-only: the source of truth, and what sync sends."""

    __tablename__ = "dossier_event"
    __table_args__ = (UniqueConstraint("device_id", "seq", name="uq_dossier_event_device_seq"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossier.id"), index=True)
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("device.id"))
    seq: Mapped[int]
    type: Mapped[str] = mapped_column(String(40))
    device_time: Mapped[dt.datetime]
    actor: Mapped[str] = mapped_column(String(100))
    payload: Mapped[dict[str, Any]]


class UserRow(Base):
    __tablename__ = "app_user"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    full_name: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime]


class AuditEntryRow(Base):
    """Append-only log; each entry's hash covers the previous entry's hash."""

    __tablename__ = "audit_entry"
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime]
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(String(100))
    details: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class SyncBlobRow(Base):
    """A blob the provincial hub has acknowledged whole (checked against its SHA-256)."""

    __tablename__ = "sync_blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    acknowledged_at: Mapped[dt.datetime]


class CalendarOverrideRow(Base):
    __tablename__ = "calendar_override"
    day: Mapped[dt.date] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(String(300), default="")


class PostalBatchRow(Base):
    """A hand-over between the post and the counter: envelopes received, or results dispatched."""

    __tablename__ = "postal_batch"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(20), unique=True)
    direction: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10), index=True)
    postal_worker: Mapped[str] = mapped_column(String(300), default="")
    opened_at: Mapped[dt.datetime]
    opened_by: Mapped[str] = mapped_column(String(100))
    closed_at: Mapped[dt.datetime | None]
    closed_by: Mapped[str] = mapped_column(String(100), default="")
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("device.id"))
    items: Mapped[list[PostalItemRow]] = relationship(
        order_by="PostalItemRow.position", cascade="all, delete-orphan", lazy="selectin",
    )


class PostalItemRow(Base):
    """One envelope of a batch with its phiếu gửi number; an envelope received waits here until the close."""

    __tablename__ = "postal_item"
    __table_args__ = (UniqueConstraint("batch_id", "item_number", name="uq_postal_item_batch_number"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    batch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("postal_batch.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    item_number: Mapped[str] = mapped_column(String(40), index=True)
    dossier_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("dossier.id"), index=True)
    envelope: Mapped[dict[str, Any]] = mapped_column(default=dict)
    state: Mapped[str] = mapped_column(String(20))
    outcome_on: Mapped[dt.date | None]
    outcome_reason: Mapped[str] = mapped_column(Text, default="")
    fee_amount: Mapped[int] = mapped_column(default=0)
    weight_class: Mapped[str] = mapped_column(String(40), default="")
    updated_at: Mapped[dt.datetime]

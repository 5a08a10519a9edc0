"""The hub's own tables (PostgreSQL in production, SQLite on a single machine) and its blob store."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    UniqueConstraint,
    create_engine,
    event,
    func,
    select,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from counter_app.storage.types import UTCDateTime
from sync.hub.blobs import HubBlobs, blobs_for


class HubBase(DeclarativeBase):
    metadata = MetaData(naming_convention={"pk": "pk_%(table_name)s", "uq": "uq_%(table_name)s_%(column_0_name)s",
                                           "ix": "ix_%(column_0_label)s",
                                           "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"})
    type_annotation_map: ClassVar[dict[Any, Any]] = {dt.datetime: UTCDateTime(), dict[str, Any]: JSON}


EVERY_OFFICE = "*"
FEED_LOCK = 0x4855425F46454544  # the feed writers' advisory lock ("HUB_FEED")
AUDIT_LOCK = 0x4855425F41554454  # the web audit log's writers' advisory lock ("HUB_AUDT")
POOL_SIZE, POOL_OVERFLOW = 6, 4  # per hub worker process


class Enrolment(HubBase):
    __tablename__ = "hub_enrolment"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    office_code: Mapped[str] = mapped_column(String(35))
    expires_at: Mapped[dt.datetime]
    used_by: Mapped[uuid.UUID | None]


class Device(HubBase):
    __tablename__ = "hub_device"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    office_code: Mapped[str] = mapped_column(String(35), index=True)
    public_key: Mapped[str] = mapped_column(String(2000))
    name: Mapped[str] = mapped_column(String(200), default="")
    enrolled_at: Mapped[dt.datetime]
    acked_seq: Mapped[int] = mapped_column(BigInteger, default=0)


class Event(HubBase):
    """Every event as the device sent it, with the hub's own receive time beside the device's."""

    __tablename__ = "hub_event"
    __table_args__ = (UniqueConstraint("device_id", "seq", name="uq_hub_event_device_seq"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    device_id: Mapped[uuid.UUID] = mapped_column(index=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    dossier_id: Mapped[uuid.UUID] = mapped_column(index=True)
    office_code: Mapped[str] = mapped_column(String(35))
    type: Mapped[str] = mapped_column(String(40))
    device_time: Mapped[dt.datetime]
    received_at: Mapped[dt.datetime]
    actor: Mapped[str] = mapped_column(String(100))
    payload: Mapped[dict[str, Any]]


class Dossier(HubBase):
    """The hub's projection of a dossier (the same pure projection the counters use)."""

    __tablename__ = "hub_dossier"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    office_code: Mapped[str] = mapped_column(String(35), index=True)
    code: Mapped[str | None] = mapped_column(String(60), index=True)
    status: Mapped[str] = mapped_column(String(30))
    state: Mapped[dict[str, Any]]
    conflict: Mapped[str] = mapped_column(String(500), default="")
    updated_at: Mapped[dt.datetime]


class Quarantined(HubBase):
    """An event the hub refused on its own, with the reason (a message key and its values): it holds its
    sequence number, so the device's later events still go in, and waits here for a person."""

    __tablename__ = "hub_quarantine"
    __table_args__ = (UniqueConstraint("device_id", "seq", name="uq_hub_quarantine_device_seq"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    device_id: Mapped[uuid.UUID] = mapped_column(index=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    dossier_id: Mapped[uuid.UUID] = mapped_column(index=True)
    office_code: Mapped[str] = mapped_column(String(35), index=True)
    received_at: Mapped[dt.datetime]
    reason_key: Mapped[str] = mapped_column(String(80))
    reason_params: Mapped[dict[str, Any]]
    event: Mapped[dict[str, Any] | None]  # as sent, when small enough to keep


class TokenUse(HubBase):
    """A device token's id (jti), kept until the token expires: a token works once."""

    __tablename__ = "hub_token_use"
    device_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    jti: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at: Mapped[dt.datetime] = mapped_column(index=True)


class Blob(HubBase):
    """One office's upload of a file: offices never see each other's uploads, even of the same bytes."""

    __tablename__ = "hub_upload"
    office_code: Mapped[str] = mapped_column(String(35), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    length: Mapped[int] = mapped_column(BigInteger)
    offset: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime]
    completed_at: Mapped[dt.datetime | None]


class FeedEntry(HubBase):
    """What the province changed, in order, for the counters of one office (or of all: office "*") to fetch:
    a dossier event, or a catalogue or calendar publication. Numbered in commit order (`hold_feed`): add
    the entry last in its transaction."""

    __tablename__ = "hub_feed"
    __table_args__ = (Index("ix_hub_feed_office_cursor", "office_code", "cursor"),)
    cursor: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                        autoincrement=True)
    office_code: Mapped[str] = mapped_column(String(35))
    kind: Mapped[str] = mapped_column(String(20), default="event")
    event_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("hub_event.id"))
    data: Mapped[dict[str, Any] | None]


class PortalItem(HubBase):
    """One message for the province's one-stop system / national portal (sync/hub/portal_*.py): a dossier
    sync or one progress step, once per dossier code, service and step; retried with back-off, then kept
    as a dead letter until a person sends it again."""

    __tablename__ = "hub_portal_outbox"
    __table_args__ = (UniqueConstraint("code", "service", "step", name="uq_hub_portal_outbox_code_service_step"),
                      Index("ix_hub_portal_outbox_state_next", "state", "next_at"))
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                    autoincrement=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(index=True)
    code: Mapped[str] = mapped_column(String(60), index=True)
    service: Mapped[str] = mapped_column(String(30))
    step: Mapped[uuid.UUID] = mapped_column(index=True)  # the hub event this message reports
    event_type: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(10), default="pending")  # pending, sent, dead
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_at: Mapped[dt.datetime]
    created_at: Mapped[dt.datetime]
    sent_at: Mapped[dt.datetime | None]
    last_error: Mapped[str] = mapped_column(String(500), default="")


class PortalMark(HubBase):
    """How far the forwarder has looked through the hub's events (by the hub's receive time)."""

    __tablename__ = "hub_portal_mark"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scanned_until: Mapped[dt.datetime]


class Release(HubBase):
    """An update package the province published: its bytes are a blob named by their SHA-256; the release
    manager's signature travels with it untouched (the hub cannot make one)."""

    __tablename__ = "hub_release"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[str] = mapped_column(String(40), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    signature: Mapped[str] = mapped_column(String(4096))
    office_code: Mapped[str] = mapped_column(String(35))
    published_at: Mapped[dt.datetime]


class ReleaseReport(HubBase):
    """What a counter did with an update: installed, self-test failed (rolled back), refused."""

    __tablename__ = "hub_release_report"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                    autoincrement=True)
    device_id: Mapped[uuid.UUID] = mapped_column(index=True)
    office_code: Mapped[str] = mapped_column(String(35))
    version: Mapped[str] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(String(30))
    detail: Mapped[str] = mapped_column(String(2000), default="")
    device_time: Mapped[str] = mapped_column(String(40), default="")
    received_at: Mapped[dt.datetime]


class Replacement(HubBase):
    """A one-time code an administrator issued for one new device to take the place of one dead device of
    the office (only its hash is kept); `reserved` holds the numbers kept back for the dead device."""

    __tablename__ = "hub_replacement"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    office_code: Mapped[str] = mapped_column(String(35))
    old_device_id: Mapped[uuid.UUID] = mapped_column(index=True)
    expires_at: Mapped[dt.datetime]
    used_by: Mapped[uuid.UUID | None]
    reserved: Mapped[dict[str, Any] | None]


class Revocation(HubBase):
    """A device whose key the hub no longer accepts, since another device replaced it."""

    __tablename__ = "hub_revocation"
    device_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    replaced_by: Mapped[uuid.UUID]
    revoked_at: Mapped[dt.datetime]


class HubStore:
    """The hub database and blob store (the data folder's, unless given or named by COUNTER_HUB_BLOBS);
    `session()` is one transaction."""

    def __init__(self, data_dir: Path, url: str | None = None, blobs: HubBlobs | None = None) -> None:
        self.data_dir = data_dir
        data_dir.mkdir(parents=True, exist_ok=True)
        self.blobs: HubBlobs = blobs or blobs_for(data_dir)
        self.scratch_dir = data_dir / "uploads"  # local room for work files (an opened USB bundle)
        self.engine = _engine(url or f"sqlite:///{data_dir / 'hub.sqlite3'}")
        HubBase.metadata.create_all(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", _feed_in_commit_order)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def hold_feed(session: Session) -> None:
    """Make this transaction the only one writing the feed until it ends, so feed entries are numbered in the order
    their transactions commit.

    A counter asks for the entries after its cursor and moves the cursor to the last one it was given. The cursor
    comes from a sequence, numbered at insert: without this lock, a transaction numbered 101 that commits after one
    numbered 102 is never delivered to a counter that pulled in between. The lock (one PostgreSQL advisory lock,
    released at commit or rollback) makes a second feed writer wait before it takes a number, so a number is taken
    only when every smaller one has committed or rolled back (a rollback leaves a gap, which loses nothing; the
    sequence hands out one number at a time, cache 1). Readers never wait. This costs write concurrency only between
    feed writers, and the feed is written by people at the province (decisions, publications), a few entries a
    minute, never by the counters' event batches. The alternative, serving only entries below a horizon of the
    oldest running transaction (a writer's xid on each row, `pg_snapshot_xmin`), needs a new column and a cursor
    ordered by xid first, which the counters' one-number cursor is not. SQLite has one writer at a time (every hub
    transaction begins IMMEDIATE): its numbers are already in commit order. A writer takes the lock at the end of
    its work (at the flush that inserts the entry; a province decision just before numbering its own hub event),
    after its other locks, so the lock joins no cycle."""
    hold(session, FEED_LOCK)


def hold(session: Session, lock: int) -> None:
    """Make this transaction the only one holding `lock` (`FEED_LOCK`, `AUDIT_LOCK`) until it commits or rolls
    back: a PostgreSQL advisory lock; nothing on SQLite, where every hub transaction writes alone (IMMEDIATE)."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(select(func.pg_advisory_xact_lock(lock)))


def _feed_in_commit_order(session: Session, _context: object, _instances: object) -> None:
    if any(isinstance(instance, FeedEntry) for instance in session.new):
        hold_feed(session)


def _engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        # A few connections per worker: PostgreSQL on the same few cores does more with fewer at once; a
        # connection the server dropped fails one request (the counter retries) and the pool starts afresh.
        return create_engine(url, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW, pool_timeout=60,
                             pool_recycle=3600)
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _pragmas(connection: Any, _record: Any) -> None:
        connection.isolation_level = None
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _immediate(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine

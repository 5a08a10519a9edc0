"""The wire protocol between a counter and the provincial hub: one set of validated shapes for both sides, so
a malformed request gets a 4xx at the hub and a hostile or captive-portal reply is refused at the counter."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import uuid
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from counter_app.lifecycle import Action

PROTOCOL: Final = "counter-sync/1"
TOKEN_AUDIENCE = "counter-hub"
TOKEN_LIFETIME_S = 300
MAX_BATCH = 500
MAX_PAYLOAD_BYTES = 64 * 1024
MAX_BODY_BYTES = 16 * 1024 * 1024  # after decompression
MAX_BLOB_BYTES = 512 * 1024 * 1024
MAX_SMALL_BODY_BYTES = 64 * 1024  # every JSON body but an event batch (enrolment, blob status)
MAX_SEQ = 2**62  # beyond any BIGINT the database could hold
TUS_VERSION = "1.0.0"
REVOKED_HEADER = "X-Counter-Revoked"  # on a 403: when another device replaced this one (ISO date-time)

Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
PublicKey = Annotated[str, Field(pattern=r"^[A-Za-z0-9+/]{43}=$")]  # 32 bytes, base64
_ACTIONS = frozenset(action.value for action in Action)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EventIdentity(BaseModel):
    """What the hub must read of an event to quarantine it when the rest of it is refused."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    id: uuid.UUID
    device_id: uuid.UUID
    seq: int = Field(ge=1, le=MAX_SEQ)
    dossier_id: uuid.UUID


class WireEvent(Strict):
    id: uuid.UUID
    device_id: uuid.UUID
    seq: int = Field(ge=1, le=MAX_SEQ)
    dossier_id: uuid.UUID
    type: str = Field(max_length=40)
    device_time: dt.datetime
    actor: str = Field(max_length=100, pattern=r"^[^\x00-\x1f\x7f]*$")
    payload: dict[str, Any]

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if value not in _ACTIONS:
            raise ValueError(f"unknown event type {value!r}")
        return value

    @field_validator("actor")
    @classmethod
    def _encodable(cls, value: str) -> str:
        value.encode()  # a lone surrogate has no UTF-8: UnicodeEncodeError is a ValueError
        return value

    @field_validator("device_time")
    @classmethod
    def _aware(cls, value: dt.datetime) -> dt.datetime:
        if value.tzinfo is None:
            raise ValueError("device_time needs a time zone")
        return value

    @field_validator("payload")
    @classmethod
    def _small(cls, value: dict[str, Any]) -> dict[str, Any]:
        if len(json.dumps(value, ensure_ascii=False).encode()) > MAX_PAYLOAD_BYTES:
            raise ValueError("payload too large")
        return value


class EventBatch(Strict):
    events: list[WireEvent] = Field(max_length=MAX_BATCH)


class RawBatch(Strict):
    """A batch as the hub first reads it: each event is then checked on its own."""

    events: list[dict[str, Any]] = Field(max_length=MAX_BATCH)


class RefusedEvent(Strict):
    """An event the hub quarantined, and why: a message key of counter_app/messages.py and its values."""

    id: uuid.UUID
    seq: int = Field(ge=1, le=MAX_SEQ)
    dossier_id: uuid.UUID
    key: str = Field(max_length=80)
    params: dict[str, str | int | list[str]] = Field(default_factory=dict)  # [vi, en]: a phrase in both


class Reply(Strict):
    """Every hub answer names the protocol: a 200 page from a captive portal does not."""

    protocol: Literal["counter-sync/1"]


class Health(Reply):
    ok: bool


class Ack(Reply):
    acknowledged_seq: int = Field(ge=0)
    accepted: int = Field(ge=0)
    refused: list[RefusedEvent] = Field(default_factory=list)


class HubState(Reply):
    device_id: uuid.UUID
    office_code: str
    acknowledged_seq: int = Field(ge=0)


class EnrolRequest(Strict):
    code: str = Field(min_length=8, max_length=64)
    device_id: uuid.UUID
    public_key: str = Field(max_length=2000)
    name: str = Field(default="", max_length=200)
    replaces: str | None = Field(default=None, min_length=8, max_length=36, pattern=r"^[0-9a-fA-F-]+$")


class EnrolReply(Reply):
    office_code: str
    device_id: uuid.UUID
    hub_signing_key: PublicKey
    hub_sealing_key: PublicKey
    replaced: uuid.UUID | None = None  # with `replaces`: the device revoked, and the numbers kept back for it
    reserved: dict[Annotated[str, Field(max_length=120)], Annotated[int, Field(ge=0, le=MAX_SEQ)]] = Field(
        default_factory=dict, max_length=200)


class BlobQuery(Strict):
    sha256: list[Sha256] = Field(max_length=2000)


class BlobAnswer(Reply):
    complete: list[Sha256]


class HealthReport(BaseModel):
    """How a counter is doing, sent each sync round; every field optional and unknown ones ignored, so counters
    and hubs of different versions keep talking."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    app_version: str | None = Field(default=None, max_length=40)
    oldest_unsent_at: dt.datetime | None = None  # the oldest event or scan the hub has not acknowledged
    last_backup_at: dt.datetime | None = None
    pending_events: int | None = Field(default=None, ge=0, le=MAX_SEQ)
    pending_blobs: int | None = Field(default=None, ge=0, le=MAX_SEQ)


class FeedItem(Strict):
    cursor: int = Field(ge=1)
    kind: Literal["event", "catalogue", "calendar", "update"] = "event"
    code: str | None = None
    event: WireEvent | None = None
    data: dict[str, Any] | None = None


class UpdateReport(Strict):
    """A counter telling the hub what became of an update (the launcher's or the download's outcome)."""

    version: str = Field(pattern=r"^\d{1,4}(\.\d{1,6}){1,3}$")
    outcome: Literal["installed", "self_test_failed", "refused", "download_failed"]
    detail: str = Field(default="", max_length=2000)
    at: str = Field(default="", max_length=40)


class FeedPage(Reply):
    items: list[FeedItem]


def gzip_json(data: Any) -> bytes:
    """A batch as a counter sends it: compact JSON, gzip-compressed."""
    return gzip.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), compresslevel=6)


def reply(model: type[Reply], **values: Any) -> dict[str, Any]:
    """A reply body, protocol named, as JSON-ready data."""
    return model(protocol=PROTOCOL, **values).model_dump(mode="json")

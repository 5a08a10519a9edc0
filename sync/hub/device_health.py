"""What each counter last told the hub about itself (POST /v1/health-report, once a sync round): its version,
oldest unsent item, last backup and outbox size, with the hub's own time of that contact."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Request
from sqlalchemy import BigInteger, String, select
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.clock import now
from sync.hub.auth import authenticate
from sync.hub.store import Device, HubBase, HubStore
from sync.protocol import Health, HealthReport, reply

PATH = "/v1/health-report"


class DeviceHealth(HubBase):
    __tablename__ = "hub_device_health"
    device_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    reported_at: Mapped[dt.datetime]
    app_version: Mapped[str | None] = mapped_column(String(40))
    oldest_unsent_at: Mapped[dt.datetime | None]
    last_backup_at: Mapped[dt.datetime | None]
    pending_events: Mapped[int | None] = mapped_column(BigInteger)
    pending_blobs: Mapped[int | None] = mapped_column(BigInteger)


@dataclass(frozen=True)
class CounterHealth:
    """One enrolled counter and its last report (None fields: never reported, or not by that version)."""

    device_id: uuid.UUID
    office_code: str
    name: str
    enrolled_at: dt.datetime
    reported_at: dt.datetime | None
    app_version: str | None
    oldest_unsent_at: dt.datetime | None
    last_backup_at: dt.datetime | None
    pending_events: int | None
    pending_blobs: int | None


def _device(request: Request, authorization: Annotated[str | None, Header()] = None) -> Device:
    return authenticate(request.app.state.store, authorization)


def install(app: FastAPI, store: HubStore) -> None:
    """Serve POST /v1/health-report on `app` (and make its table in a hub made before it existed)."""
    HubBase.metadata.create_all(store.engine, tables=[DeviceHealth.__table__])  # type: ignore[list-item]

    @app.post(PATH)
    def health_report(report: HealthReport, me: Annotated[Device, Depends(_device)]) -> dict[str, Any]:
        record(store, me.id, report)
        return reply(Health, ok=True)


def record(store: HubStore, device_id: uuid.UUID, report: HealthReport) -> None:
    with store.session() as session:
        row = session.get(DeviceHealth, device_id, with_for_update=True)
        if row is None:
            row = DeviceHealth(device_id=device_id)
            session.add(row)
        row.reported_at = now()
        for field in ("app_version", "oldest_unsent_at", "last_backup_at", "pending_events", "pending_blobs"):
            setattr(row, field, getattr(report, field))


def counters(store: HubStore) -> list[CounterHealth]:
    """Every enrolled counter, by office then name, with its last report."""
    query = (select(Device, DeviceHealth).outerjoin(DeviceHealth, DeviceHealth.device_id == Device.id)
             .order_by(Device.office_code, Device.name, Device.enrolled_at))
    with store.session() as session:
        return [CounterHealth(device.id, device.office_code, device.name, device.enrolled_at,
                              *(_reported(health) if health else (None,) * 6))
                for device, health in session.execute(query)]


def _reported(health: DeviceHealth) -> tuple[Any, ...]:
    return (health.reported_at, health.app_version, health.oldest_unsent_at, health.last_backup_at,
            health.pending_events, health.pending_blobs)

"""The web screen's own hub tables: province users, their sessions, failed log-ins, and the audit log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from sync.hub.store import Dossier, HubBase, HubStore


class WebUser(HubBase):
    """A province user (never a device): argon2 password hash and one role."""

    __tablename__ = "hub_web_user"
    username: Mapped[str] = mapped_column(String(100), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime]


class WebSession(HubBase):
    """A signed-in browser: only the hash of the cookie's token is kept, with the session's CSRF token."""

    __tablename__ = "hub_web_session"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(String(100), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime]
    last_seen: Mapped[dt.datetime]


class LoginFailure(HubBase):
    """A failed log-in, counted per user name and per address for the rate limit."""

    __tablename__ = "hub_web_login_failure"
    __table_args__ = (Index("ix_hub_web_login_failure_at", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(100), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[dt.datetime]


class WebAudit(HubBase):
    """What a province user did, hash-chained like the counter's audit log."""

    __tablename__ = "hub_web_audit"
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime]
    username: Mapped[str] = mapped_column(String(100), index=True)
    action: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(String(200))
    details: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


# The dossier list's order (newest change first), added to hubs made before the web screen.
DOSSIER_ORDER = Index("ix_hub_dossier_updated_at", Dossier.updated_at)


def ensure_tables(store: HubStore) -> None:
    """Create the tables above, and the dossier list's index, in a hub made before they existed."""
    HubBase.metadata.create_all(store.engine)
    DOSSIER_ORDER.create(store.engine, checkfirst=True)

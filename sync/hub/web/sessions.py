"""Signed-in browsers (server-side sessions behind a random cookie, each with its CSRF token) and the
log-in rate limit (failures counted per user name and per address, in the database, so every worker agrees)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, func, or_, select

from counter_app.clock import now
from sync.hub.store import HubStore
from sync.hub.web.tables import LoginFailure, WebSession
from sync.hub.web.users import Person, person

IDLE = dt.timedelta(minutes=60)
LONGEST = dt.timedelta(hours=10)  # a working day: then log in again
WINDOW = dt.timedelta(minutes=15)
MAX_FAILURES_PER_NAME = 5
MAX_FAILURES_PER_ADDRESS = 20
_TOUCH_EVERY = dt.timedelta(minutes=1)


@dataclass(frozen=True)
class Signed:
    """A valid session: who, and the token every form of theirs must carry."""

    person: Person
    csrf: str


def start(store: HubStore, who: Person) -> str:
    """A new session for `who`; returns the cookie's token (only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    moment = now()
    with store.session() as session:
        session.execute(delete(WebSession).where(or_(WebSession.last_seen < moment - IDLE,
                                                     WebSession.created_at < moment - LONGEST)))
        session.add(WebSession(token_hash=_hash(token), username=who.username, csrf=secrets.token_urlsafe(32),
                               created_at=moment, last_seen=moment))
    return token


def find(store: HubStore, token: str | None) -> Signed | None:
    """The session of that cookie, when it has not expired and its user is still active."""
    if not token or len(token) > 100:
        return None
    moment = now()
    with store.session() as session:
        row = session.get(WebSession, _hash(token))
        if row is None or row.last_seen < moment - IDLE or row.created_at < moment - LONGEST:
            return None
        if moment - row.last_seen > _TOUCH_EVERY:
            row.last_seen = moment
        username, csrf = row.username, row.csrf
    who = person(store, username)
    return Signed(who, csrf) if who is not None else None


def end(store: HubStore, token: str | None) -> None:
    if token:
        with store.session() as session:
            session.execute(delete(WebSession).where(WebSession.token_hash == _hash(token)))


def wait_before_login(store: HubStore, username: str, address: str) -> int:
    """Minutes to wait before this name or address may try again (0: now)."""
    moment = now()
    name = username.strip().lower()[:100]
    with store.session() as session:
        session.execute(delete(LoginFailure).where(LoginFailure.at < moment - WINDOW))
        by_name = session.execute(select(func.count(), func.min(LoginFailure.at))
                                  .where(LoginFailure.username == name, LoginFailure.at >= moment - WINDOW)).one()
        by_address = session.execute(select(func.count(), func.min(LoginFailure.at))
                                     .where(LoginFailure.address == address, LoginFailure.at >= moment - WINDOW)).one()
    limits = ((by_name, MAX_FAILURES_PER_NAME), (by_address, MAX_FAILURES_PER_ADDRESS))
    oldest = [first for (count, first), most in limits if count >= most and first is not None]
    if not oldest:
        return 0
    return max(1, int((min(oldest) + WINDOW - moment).total_seconds() // 60) + 1)


def failed(store: HubStore, username: str, address: str) -> None:
    with store.session() as session:
        session.add(LoginFailure(username=username.strip().lower()[:100], address=address[:64], at=now()))


def succeeded(store: HubStore, username: str) -> None:
    """A right password clears the name's failures (not the address's: one user cannot unlock a guesser)."""
    with store.session() as session:
        session.execute(delete(LoginFailure).where(LoginFailure.username == username))


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()

"""The web screen's audit log: every action of a province user, by name, hash-chained like the counter's."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.action_needs import PROVINCE_ACTIONS, action_named
from counter_app.clock import now
from counter_app.errors import CounterError
from counter_app.lifecycle import label
from sync.hub.store import AUDIT_LOCK, HubStore, hold
from sync.hub.web.tables import WebAudit

GENESIS = "0" * 64


LABELS: dict[str, str] = {"login": "đăng nhập", "logout": "đăng xuất", "user.add": "thêm người dùng"}


@dataclass(frozen=True)
class Entry:
    seq: int
    at: dt.datetime
    username: str
    action: str
    subject: str
    details: dict[str, Any]

    @property
    def label(self) -> str:
        """The action in Vietnamese (a province decision by the lifecycle's own words)."""
        if self.action.startswith("dossier."):
            try:
                return label(action_named(self.action.removeprefix("dossier."), PROVINCE_ACTIONS))
            except CounterError:
                return self.action
        return LABELS.get(self.action, self.action)


def append(session: Session, username: str, action: str, subject: str, details: dict[str, Any]) -> None:
    """One entry chained to the last, in the caller's transaction. Writers take their numbers one at a time
    (the audit lock, held until the transaction ends), each after the last one committed; the lock is taken
    after the caller's own changes are flushed, so it joins no cycle."""
    session.flush()
    hold(session, AUDIT_LOCK)
    last = session.scalars(select(WebAudit).order_by(WebAudit.seq.desc()).limit(1)).first()
    entry = WebAudit(seq=(last.seq + 1) if last else 1, at=now(), username=username, action=action,
                     subject=subject[:200], details=details, prev_hash=last.hash if last else GENESIS)
    entry.hash = entry_hash(entry)
    session.add(entry)


def entry_hash(entry: WebAudit) -> str:
    content = [entry.prev_hash, entry.seq, entry.at.astimezone(dt.UTC).isoformat(), entry.username, entry.action,
               entry.subject, entry.details]
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def record(store: HubStore, username: str, action: str, subject: str, details: dict[str, Any]) -> None:
    """Append one entry in its own transaction."""
    with store.session() as session:
        append(session, username, action, subject, details)


def latest(store: HubStore, subject: str | None = None, limit: int = 100) -> list[Entry]:
    """The newest entries (about `subject` only, when given)."""
    query = select(WebAudit).order_by(WebAudit.seq.desc()).limit(limit)
    if subject is not None:
        query = query.where(WebAudit.subject == subject)
    with store.session() as session:
        return [Entry(row.seq, row.at, row.username, row.action, row.subject, row.details)
                for row in session.scalars(query)]


def intact(store: HubStore) -> bool:
    """Whether every entry's hash and link to the previous one hold."""
    expected = GENESIS
    with store.session() as session:
        for row in session.scalars(select(WebAudit).order_by(WebAudit.seq)):
            if row.prev_hash != expected or row.hash != entry_hash(row):
                return False
            expected = row.hash
    return True

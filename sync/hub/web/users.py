"""Province users of the web screen: roles, argon2 passwords, and `hub user-add`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from counter_app import limits
from counter_app.clock import now
from counter_app.errors import AuthError, ValidationError
from sync.hub.store import HubStore
from sync.hub.web import audit
from sync.hub.web.tables import WebUser, ensure_tables

MIN_PASSWORD = 8
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not a password of anybody")


class Role(StrEnum):
    VIEWER = "viewer"
    OFFICER = "officer"
    ADMINISTRATOR = "administrator"


RANK = {Role.VIEWER: 0, Role.OFFICER: 1, Role.ADMINISTRATOR: 2}
ROLE_LABELS = {Role.VIEWER: "Xem", Role.OFFICER: "Cán bộ xử lý", Role.ADMINISTRATOR: "Quản trị"}


@dataclass(frozen=True)
class Person:
    """The signed-in province user as pages see them."""

    username: str
    role: Role

    def may(self, needed: Role) -> bool:
        return RANK[self.role] >= RANK[needed]

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]


def add_user(store: HubStore, username: str, password: str, role: str, actor: str = "hub user-add") -> Person:
    """A new province user; refused when the name is taken, the role unknown or the password short."""
    if role not in Role.__members__.values():
        raise ValidationError("user.role", role=role[:40])
    if len(password) < MIN_PASSWORD:
        raise ValidationError("user.password_short", min=MIN_PASSWORD)
    name = limits.text(username, limits.USERNAME, required=True).lower()
    ensure_tables(store)
    with store.session() as session:
        if session.get(WebUser, name) is not None:
            raise ValidationError("user.exists", username=name)
        session.add(WebUser(username=name, password_hash=_hasher.hash(password), role=role, active=True,
                            created_at=now()))
        audit.append(session, actor, "user.add", name, {"role": role})
    return Person(name, Role(role))


def check_password(store: HubStore, username: str, password: str) -> Person:
    """The user when the password is right; the same AuthError (after the same work) otherwise."""
    name = username.strip().lower()[:limits.USERNAME.max_length]
    with store.session() as session:
        row = session.get(WebUser, name) if name else None
        stored = row.password_hash if row is not None and row.active else _DUMMY_HASH
        try:
            _hasher.verify(stored, password[:1000])
        except (VerificationError, InvalidHashError):
            raise AuthError("user.bad_login") from None
        if row is None or not row.active:
            raise AuthError("user.bad_login")
        return Person(row.username, Role(row.role))


def person(store: HubStore, username: str) -> Person | None:
    """The active user of that name, if any."""
    with store.session() as session:
        row = session.get(WebUser, username)
        return Person(row.username, Role(row.role)) if row is not None and row.active else None

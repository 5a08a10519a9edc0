"""Users and roles: argon2-hashed passwords and screen-lock PINs."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session
from uuid6 import uuid7

from counter_app import limits
from counter_app.clock import now
from counter_app.errors import AuthError, ValidationError
from counter_app.model import Role
from counter_app.services import audit
from counter_app.storage.database import Database
from counter_app.storage.orm import UserRow

MIN_PASSWORD = 8
_hasher = PasswordHasher()


@dataclass(frozen=True)
class User:
    username: str
    full_name: str
    role: Role
    active: bool


def create_user(db: Database, username: str, full_name: str, role: str, password: str,
                actor: str = "system") -> User:
    if role not in Role.__members__.values():
        raise ValidationError("user.role", role=role)
    if len(password) < MIN_PASSWORD:
        raise ValidationError("user.password_short", min=MIN_PASSWORD)
    name = limits.text(username, limits.USERNAME, required=True).lower()
    display_name = limits.text(full_name, limits.PERSON_NAME, required=True)
    with db.write() as session:
        if session.scalars(select(UserRow).where(UserRow.username == name)).first():
            raise ValidationError("user.exists", username=name)
        row = UserRow(id=uuid7(), username=name, full_name=display_name, role=role,
                      password_hash=_hasher.hash(password), pin_hash=None, active=True, created_at=now())
        session.add(row)
        audit.append(session, actor, "user.create", name, {"role": role}, now())
        return _to_user(row)


def has_users(db: Database) -> bool:
    """Whether anybody can log in yet (a first launch asks for the first administrator)."""
    with db.read() as session:
        return session.scalars(select(UserRow).limit(1)).first() is not None


def authenticate(db: Database, username: str, password: str) -> User:
    """The user, if the password is right; the same AuthError for an unknown name and a wrong password."""
    try:
        name = limits.text(username, limits.USERNAME).lower()
    except ValidationError:
        raise AuthError("user.bad_login") from None
    with db.write() as session:
        row = session.scalars(select(UserRow).where(UserRow.username == name)).first()
        if row is None or not row.active or not _verify(row.password_hash, password):
            raise AuthError("user.bad_login")
        if _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = _hasher.hash(password)
        audit.append(session, row.username, "user.login", row.username, {}, now())
        return _to_user(row)


def set_pin(db: Database, username: str, pin: str) -> None:
    """A 4–8 digit PIN that unlocks the screen (the password still works too)."""
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise ValidationError("user.pin_format")
    with db.write() as session:
        row = session.scalars(select(UserRow).where(UserRow.username == username)).one()
        row.pin_hash = _hasher.hash(pin)


def check_pin(db: Database, username: str, pin: str) -> bool:
    with db.read() as session:
        row = session.scalars(select(UserRow).where(UserRow.username == username)).one()
        return row.pin_hash is not None and _verify(row.pin_hash, pin)


def list_users(db: Database) -> list[User]:
    """Everybody, active first, by name: the administration screen's list."""
    with db.read() as session:
        rows = session.scalars(select(UserRow)).all()
        return sorted((_to_user(row) for row in rows), key=lambda u: (not u.active, u.full_name.lower()))


def full_names(db: Database) -> dict[str, str]:
    """Username to full name, for histories that record who did what by username."""
    with db.read() as session:
        return {row.username: row.full_name for row in session.scalars(select(UserRow))}


def set_active(db: Database, username: str, active: bool, actor: str) -> User:
    """Deactivate (cannot log in any more, history kept) or reactivate; never the last active administrator."""
    with db.write() as session:
        row = _row(session, username)
        if not active and row.role == Role.ADMIN and row.active:
            admins = session.scalars(select(UserRow).where(UserRow.role == Role.ADMIN.value,
                                                           UserRow.active.is_(True))).all()
            if len(admins) <= 1:
                raise ValidationError("user.last_admin")
        row.active = active
        audit.append(session, actor, "user.activate" if active else "user.deactivate", row.username, {}, now())
        return _to_user(row)


def reset_password(db: Database, username: str, password: str, actor: str) -> None:
    """An administrator sets a new password (the user changes it afterwards); the PIN is cleared too."""
    if len(password) < MIN_PASSWORD:
        raise ValidationError("user.password_short", min=MIN_PASSWORD)
    with db.write() as session:
        row = _row(session, username)
        row.password_hash, row.pin_hash = _hasher.hash(password), None
        audit.append(session, actor, "user.reset_password", row.username, {}, now())


def change_password(db: Database, username: str, old: str, new: str) -> None:
    """Anybody changes their own password, giving the current one."""
    authenticate(db, username, old)
    reset_password(db, username, new, username)


def change_pin(db: Database, username: str, password: str, pin: str) -> None:
    """Anybody changes their own screen-lock PIN, giving their password."""
    authenticate(db, username, password)
    set_pin(db, username, pin)


def _row(session: Session, username: str) -> UserRow:
    row = session.scalars(select(UserRow).where(UserRow.username == username.strip().lower())).first()
    if row is None:
        raise ValidationError("user.unknown", username=username)
    return row


def _verify(stored: str, given: str) -> bool:
    try:
        return _hasher.verify(stored, given)
    except (VerificationError, InvalidHashError):
        return False


def _to_user(row: UserRow) -> User:
    return User(row.username, row.full_name, Role(row.role), row.active)

"""Enrolment with a one-time code, and each request's short-lived token signed by the device's own key."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import secrets
import uuid
from dataclasses import dataclass, field
from typing import Annotated, Any

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from fastapi import Depends, Header, HTTPException, Request
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counter_app.clock import now
from counter_app.codes import validate_agency_code
from sync.hub import replace
from sync.hub.store import Device, Enrolment, HubStore, Replacement, TokenUse
from sync.protocol import TOKEN_AUDIENCE, TOKEN_LIFETIME_S, EnrolRequest

ENROLMENT_DAYS = 7
CLOCK_LEEWAY_S = 60
MAX_JTI = 64
_PURGE_EVERY = dt.timedelta(minutes=1)
_last_purge = dt.datetime.min.replace(tzinfo=dt.UTC)


def issue_enrolment(store: HubStore, office_code: str) -> str:
    """A one-time code for one device of `office_code`, valid for a week; only its hash is kept."""
    code = _new_code()
    office = validate_agency_code(office_code)
    with store.session() as session:
        session.add(Enrolment(code_hash=_hash(code), office_code=office,
                              expires_at=now() + dt.timedelta(days=ENROLMENT_DAYS), used_by=None))
    return code


def issue_replacement(store: HubStore, device_ref: str, office_code: str | None = None) -> dict[str, str]:
    """A one-time code for a new device to replace the device `device_ref` (its id or the id's beginning),
    valid for a week; a plain enrolment code never replaces a device."""
    office = validate_agency_code(office_code) if office_code else None
    code = _new_code()
    with store.session() as session:
        device = replace.find_device(session, device_ref, office)
        replace.refuse_if_revoked_plainly(session, device.id)
        session.add(Replacement(code_hash=_hash(code), office_code=device.office_code, old_device_id=device.id,
                                expires_at=now() + dt.timedelta(days=ENROLMENT_DAYS), used_by=None,
                                reserved=None))
        return {"code": code, "replaces": str(device.id), "office_code": device.office_code}


@dataclass(frozen=True)
class Enrolled:
    device: Device
    replaced: uuid.UUID | None = None
    reserved: dict[str, int] = field(default_factory=dict)  # counter name -> last number kept back


def enrol(store: HubStore, request: EnrolRequest) -> Device:
    """The device `request` enrolled (see `enrolment`)."""
    return enrolment(store, request).device


def enrolment(store: HubStore, request: EnrolRequest) -> Enrolled:
    """Register the device's public key under the code's office; a code works once (the same device may
    repeat its own enrolment, so a lost reply is harmless). With `request.replaces`, only a replacement
    code for that device is taken, and the device replaced is revoked in the same transaction."""
    _check_public_key(request.public_key)
    code_hash = _hash(request.code.strip().upper())
    with store.session() as session:
        if request.replaces is not None:
            replacement = replace.claim(session, code_hash, request)
            device = _device_for(session, request, replacement.office_code)
            return Enrolled(device, replacement.old_device_id, replace.complete(session, replacement, device))
        issued = session.get(Enrolment, code_hash, with_for_update=True)
        if issued is None and session.get(Replacement, code_hash) is not None:
            raise HTTPException(403, "this code replaces a device: enrol with --replace DEVICE")
        if issued is None or issued.expires_at < now():
            raise HTTPException(403, "enrolment code unknown or expired")
        if issued.used_by is not None and issued.used_by != request.device_id:
            raise HTTPException(403, "enrolment code already used")
        device = _device_for(session, request, issued.office_code)
        issued.used_by = request.device_id
        return Enrolled(device)


def _device_for(session: Session, request: EnrolRequest, office_code: str) -> Device:
    """The device row for `request` (made now, or the same key and office as before; a revoked one never)."""
    replace.refuse_if_revoked(session, request.device_id)
    device = session.get(Device, request.device_id)
    if device is not None and (device.office_code != office_code or device.public_key != request.public_key):
        raise HTTPException(409, "device already enrolled with another key or office")
    if device is None:
        device = Device(id=request.device_id, office_code=office_code, public_key=request.public_key,
                        name=request.name, enrolled_at=now(), acked_seq=0)
        session.add(device)
    return device


def signed_in(request: Request, authorization: Annotated[str | None, Header()] = None) -> Device:
    """The signed-in device of a request (FastAPI runs this on its thread pool)."""
    return authenticate(request.app.state.store, authorization)


Authenticated = Annotated[Device, Depends(signed_in)]


def authenticate(store: HubStore, authorization: str | None) -> Device:
    """The device whose key signed the bearer token, which is used up by this request; 401 for anything
    else (a token seen before included: a copied request cannot be replayed). One transaction."""
    claimed_device(authorization)  # a request without a token costs no transaction
    with store.session() as session:
        return authenticate_in(session, authorization)


def authenticate_in(session: Session, authorization: str | None, lock: bool = False) -> Device:
    """`authenticate` inside the caller's transaction (the device row locked when `lock`): the token's use is
    recorded there, so it is spent only if that transaction commits."""
    device = session.get(Device, claimed_device(authorization), with_for_update=lock)
    if device is None:
        raise HTTPException(401, "unknown device")
    claims = _verified(_token(authorization), device)
    replace.refuse_if_revoked(session, device.id)
    _use_once(session, device, str(claims["jti"]), int(claims["exp"]))
    return device


def _token(authorization: str | None) -> str:
    return (authorization or "").removeprefix("Bearer ").strip()


def claimed_device(authorization: str | None) -> uuid.UUID:
    """The device a bearer token says it comes from (not yet verified); 401 when there is no such token."""
    if not authorization or not authorization.startswith("Bearer "):
        raise HTTPException(401, "missing bearer token")
    try:
        return uuid.UUID(str(jwt.get_unverified_header(_token(authorization)).get("kid", "")))
    except (jwt.PyJWTError, ValueError) as error:
        raise HTTPException(401, "malformed token") from error


@functools.lru_cache(maxsize=4096)
def _public_key(pem: str) -> Ed25519PublicKey:
    public_key = load_pem_public_key(pem.encode())
    assert isinstance(public_key, Ed25519PublicKey)  # enrolment accepts nothing else
    return public_key


def _verified(token: str, device: Device) -> dict[str, Any]:
    try:
        claims: dict[str, Any] = jwt.decode(
            token, _public_key(device.public_key), algorithms=["EdDSA"], audience=TOKEN_AUDIENCE,
            leeway=CLOCK_LEEWAY_S, options={"require": ["exp", "iat", "sub", "aud", "jti"]})
    except jwt.PyJWTError as error:
        raise HTTPException(401, f"invalid token: {type(error).__name__}") from error
    if claims["sub"] != str(device.id) or int(claims["exp"]) - int(claims["iat"]) > TOKEN_LIFETIME_S:
        raise HTTPException(401, "token subject or lifetime not accepted")
    if not isinstance(claims["jti"], str) or not 16 <= len(claims["jti"]) <= MAX_JTI:
        raise HTTPException(401, "token id (jti) missing or malformed")
    return claims


def _use_once(session: Session, device: Device, jti: str, expires: int) -> None:
    """Record the token's id until it expires (with the clock leeway); a second use is refused."""
    global _last_purge  # noqa: PLW0603 (one purge a minute per process is plenty)
    moment = now()
    until = dt.datetime.fromtimestamp(expires + CLOCK_LEEWAY_S, dt.UTC)
    if moment - _last_purge > _PURGE_EVERY:
        _last_purge = moment
        session.execute(delete(TokenUse).where(TokenUse.expires_at < moment))
    session.add(TokenUse(jti=jti, device_id=device.id, expires_at=until))
    try:
        session.flush()
    except IntegrityError as error:  # the transaction is spoiled: the caller's session rolls back on the way out
        raise HTTPException(401, "token already used") from error


def _check_public_key(pem: str) -> None:
    try:
        key = load_pem_public_key(pem.encode())
    except ValueError as error:
        raise HTTPException(422, "public_key is not a PEM public key") from error
    if not isinstance(key, Ed25519PublicKey):
        raise HTTPException(422, "public_key must be Ed25519")


def _new_code() -> str:
    return "-".join(secrets.token_hex(3).upper() for _ in range(4))


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()

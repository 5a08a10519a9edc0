"""Updates of the app, counter side, at the end of a sync round: tell the hub what became of earlier ones,
check a newly announced package's signature against the release keys built into the app (before a byte of
it is fetched), download it in ranges that resume where the last one stopped, check it whole, and stage it
for the launcher to self-test at the next start."""

from __future__ import annotations

import base64
import hashlib
import os
import random
import re
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from counter_app.errors import CounterError, ValidationError
from counter_app.storage.database import Database
from counter_app.updates import state
from counter_app.updates.layout import (
    FAILED_MARK,
    VERSION_ENV,
    Layout,
    from_environment,
    is_version,
    this_platform,
    version_key,
)
from counter_app.updates.signing import Manifest, built_in_keys, file_digest, verify
from counter_app.updates.stage import stage
from sync.transport import Halted, HubClient, Refused, Transient
from sync.tus import ChunkSizer

MAX_FAILURES = 8  # in a row, within one round: the next round resumes from the bytes kept
_CONTENT_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")


@dataclass(frozen=True)
class UpdateSetup:
    """Where versions live, which release keys to trust, and the version running now."""

    layout: Layout
    trusted: tuple[Ed25519PublicKey, ...]
    running: str
    budget_s: float = 300.0  # download time per round; the rest waits for the next round


def production() -> UpdateSetup | None:
    """The installed app's setup (the launcher names the folder and version; the keys are the built-in
    ones, nothing else); None when running from source, which never updates itself."""
    layout, running = from_environment(), os.environ.get(VERSION_ENV, "")
    if layout is None or not is_version(running):
        return None
    return UpdateSetup(layout, built_in_keys(), running)


def step(db: Database, hub: HubClient, setup: UpdateSetup, sizer: ChunkSizer | None = None) -> state.UpdateState:
    """Report, then move the announced update one step on: refused, partly downloaded, or staged."""
    _send_reports(hub, setup.layout)
    known = _settled(db, setup)
    if not known.version or known.status in ("installed", "ready", "refused", "failed"):
        return known
    try:
        manifest = verify(known.signature, setup.trusted)
        if (manifest.sha256, manifest.size, manifest.version) != (known.sha256, known.size, known.version):
            raise ValidationError("update.signature_mismatch", version=known.version, signed=manifest.version)
        if manifest.platform != this_platform():
            raise ValidationError("update.wrong_platform", version=known.version, built=manifest.platform,
                                  here=this_platform())
    except ValidationError as error:
        return _refuse(db, hub, setup.layout, known, error)
    package = _download(db, hub, setup, manifest, sizer or ChunkSizer())
    if package is None:
        return state.current(db)
    try:
        stage(setup.layout, package, manifest.version)
    except ValidationError as error:
        return _refuse(db, hub, setup.layout, known, error)
    finally:
        package.unlink(missing_ok=True)
    return state.change(db, status="ready", received=manifest.size, message="")


def _settled(db: Database, setup: UpdateSetup) -> state.UpdateState:
    """The known update, its status brought up to date with what the launcher did since."""
    known = state.current(db)
    if known.version and version_key(known.version) <= version_key(setup.running):
        return known if known.status == "installed" else state.change(db, status="installed", message="")
    if known.status == "ready" and (setup.layout.folder(known.version) / FAILED_MARK).exists():
        message = CounterError("update.self_test_failed", version=known.version).message("vi")
        return state.change(db, status="failed", message=message)
    return known


def _refuse(db: Database, hub: HubClient, layout: Layout, known: state.UpdateState,
            error: ValidationError) -> state.UpdateState:
    """Never install it; say why in Vietnamese at the counter and tell the hub."""
    layout.add_report("refused", known.version, error.message("en"))
    _send_reports(hub, layout)
    return state.change(db, status="refused", message=error.message("vi"))


def _send_reports(hub: HubClient, layout: Layout) -> None:
    """Each outcome waiting in the install folder, oldest first; one that does not go stays for next time."""
    for path, report in layout.pending_reports():
        try:
            hub.call("POST", "/v1/updates/report", expect=(200,), json=report, retry=False)
        except Refused:
            pass  # the hub will never take this one (malformed): drop it
        except (Transient, httpx.TransportError):
            return
        path.unlink(missing_ok=True)


def _download(db: Database, hub: HubClient, setup: UpdateSetup, manifest: Manifest,
              sizer: ChunkSizer) -> Path | None:
    """The whole package checked against the signed size and SHA-256, or None when this round's time is
    up (what arrived is kept, and the next round asks for the rest with a range request)."""
    folder = setup.layout.downloads
    folder.mkdir(parents=True, exist_ok=True)
    part = folder / f"{manifest.sha256}.part"
    offset = _kept(part, manifest.size)
    deadline, failures = time.monotonic() + setup.budget_s, 0
    state.change(db, status="downloading", received=offset)
    while offset < manifest.size:
        if time.monotonic() > deadline or failures > MAX_FAILURES:
            state.change(db, received=offset)
            return None
        started = time.monotonic()
        try:
            chunk = _fetch(hub, manifest, offset, min(manifest.size, offset + sizer.size) - 1)
        except (Transient, httpx.TransportError):
            sizer.after(None)
            failures += 1
            time.sleep(min(hub.wait_max, 0.1 * 2 ** failures) * random.uniform(0.5, 1.5))
            continue
        except (Refused, Halted) as error:  # withdrawn at the hub, or not for this office
            state.change(db, received=offset, message=error.message("vi"))
            return None
        sizer.after(time.monotonic() - started)
        failures = 0
        offset = _append(part, offset, chunk)
    return _whole(db, part, manifest)


def _kept(part: Path, size: int) -> int:
    """How much of the package an earlier round kept (nothing if it is longer than the package)."""
    kept = part.stat().st_size if part.exists() else 0
    if kept > size:
        part.unlink()
        return 0
    return kept


def _fetch(hub: HubClient, manifest: Manifest, first: int, last: int) -> bytes:
    """Bytes first..last, checked against the range and digest the hub says it sent."""
    response, _ = hub.call("GET", f"/v1/updates/{manifest.sha256}", expect=(206,), retry=False,
                           headers={"Range": f"bytes={first}-{last}"})
    body = response.content
    answered = _CONTENT_RANGE.match(response.headers.get("Content-Range", ""))
    digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
    if answered is None or int(answered.group(1)) != first or int(answered.group(3)) != manifest.size \
            or int(answered.group(2)) != first + len(body) - 1 or not body \
            or response.headers.get("Content-Digest") != f"sha-256=:{digest}:":
        raise Transient("sync.unexpected_reply", status=response.status_code, detail="range or digest")
    return body


def _append(part: Path, offset: int, chunk: bytes) -> int:
    """Write `chunk` at `offset` (dropping anything past it) and make it durable; the new length."""
    with part.open("ab+") as file:
        file.truncate(offset)
        file.seek(offset)
        file.write(chunk)
        file.flush()
        os.fsync(file.fileno())
    return offset + len(chunk)


def _whole(db: Database, part: Path, manifest: Manifest) -> Path | None:
    """The finished download if it hashes to the signed SHA-256; else it is dropped and starts over."""
    if file_digest(part) != (manifest.sha256, manifest.size):
        part.unlink(missing_ok=True)
        state.change(db, received=0, message=CounterError("update.corrupt", version=manifest.version).message("vi"))
        return None
    done = part.with_suffix(".package")
    part.replace(done)
    return done

"""The hub against a hostile or careless client: bodies capped on every route (the unauthenticated enrolment
too), a token used once, uploads that reveal nothing of another office, and `hub show`/`set-status` that
never pick one of two dossiers sharing a code."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from counter_app.errors import ValidationError
from sync import keys
from sync.hub.admin import change_status, show
from sync.hub.auth import issue_enrolment
from sync.hub.store import HubStore
from sync.protocol import gzip_json
from tests.sync.harness import OFFICE_A, OFFICE_B, DeviceAuth, Hub, running_hub
from tests.sync.workload import wire_dossier

MB = 1 << 20


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory, hub_database_module: str | None) -> Iterator[Hub]:
    """A hub over SQLite, then over PostgreSQL."""
    with running_hub(tmp_path_factory.mktemp("hub"), hub_database_module) as running:
        yield running


def _device(hub: Hub, office: str) -> DeviceAuth:
    key, device_id = Ed25519PrivateKey.generate(), uuid.uuid4()
    store = HubStore(hub.folder, hub.database_url)  # the administrator's code, without a process per device
    try:
        code = issue_enrolment(store, office)
    finally:
        store.dispose()
    answer = httpx.post(f"{hub.url}/v1/enrol", json={"code": code, "device_id": str(device_id),
                                                     "public_key": keys.public_pem(key)})
    assert answer.status_code == 200, answer.text
    return DeviceAuth(key, device_id)


def _rss_kb(hub: Hub) -> int:
    assert hub.process is not None
    status = Path(f"/proc/{hub.process.pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))


def test_300_mb_to_the_enrolment_route_never_reaches_memory(hub: Hub) -> None:
    with socket.create_connection(("127.0.0.1", hub.port), timeout=10) as raw:  # a length it will not read
        raw.sendall(f"POST /v1/enrol HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {300 * MB}\r\n\r\n{{".encode())
        assert raw.recv(4096).startswith(b"HTTP/1.1 413 ")

    def stream() -> Iterator[bytes]:  # no length announced: the hub must cut it off as it reads
        chunk = b'{"code": "' + b"A" * (MB - 10)
        for _ in range(300):
            yield chunk

    before = _rss_kb(hub)
    try:
        answer = httpx.post(f"{hub.url}/v1/enrol", content=stream(), timeout=60)
        assert answer.status_code == 413
    except httpx.TransportError:
        pass  # the hub may close the connection while the client is still writing
    assert _rss_kb(hub) - before < 50_000  # kilobytes: the body was not kept
    assert httpx.get(f"{hub.url}/v1/health").status_code == 200
    big_query = httpx.post(f"{hub.url}/v1/blobs/status", json={"sha256": ["0" * 64] * 20_000},
                           auth=_device(hub, OFFICE_A))
    assert big_query.status_code == 413  # every route has its limit


def test_a_token_is_taken_once(hub: Hub) -> None:
    device = _device(hub, OFFICE_A)
    token = device.headers()
    assert httpx.get(f"{hub.url}/v1/state", headers=token).status_code == 200
    replayed = httpx.get(f"{hub.url}/v1/state", headers=token)
    assert replayed.status_code == 401 and "already used" in replayed.json()["detail"]
    now = int(dt.datetime.now(dt.UTC).timestamp())
    without_id = jwt.encode({"sub": str(device.device_id), "aud": "counter-hub", "iat": now, "exp": now + 60},
                            device.key, algorithm="EdDSA", headers={"kid": str(device.device_id)})
    assert httpx.get(f"{hub.url}/v1/state", headers={"Authorization": f"Bearer {without_id}"}).status_code == 401


def _tus(hub: Hub, auth: DeviceAuth, data: bytes) -> tuple[httpx.Response, httpx.Response]:
    sha = hashlib.sha256(data).hexdigest()
    headers = {"Tus-Resumable": "1.0.0", "Upload-Length": str(len(data)),
               "Upload-Metadata": f"sha256 {base64.b64encode(sha.encode()).decode()}"}
    created = httpx.post(f"{hub.url}/v1/files", headers=headers, auth=auth)
    patched = httpx.patch(f"{hub.url}/v1/files/{sha}", content=data, auth=auth, headers={
        "Tus-Resumable": "1.0.0", "Upload-Offset": created.headers.get("Upload-Offset", "0"),
        "Content-Type": "application/offset+octet-stream"})
    return created, patched


def test_an_office_learns_nothing_of_another_offices_files(hub: Hub) -> None:
    office_a, office_b = _device(hub, OFFICE_A), _device(hub, OFFICE_B)
    data = b"%PDF-1.7 scan of a citizen's card " + bytes(range(256)) * 40
    sha = hashlib.sha256(data).hexdigest()
    created, patched = _tus(hub, office_a, data)
    assert created.status_code == 201 and patched.status_code == 204
    tus = {"Tus-Resumable": "1.0.0"}
    assert httpx.head(f"{hub.url}/v1/files/{sha}", headers=tus, auth=office_b).status_code == 404
    wrong_length = httpx.post(f"{hub.url}/v1/files", auth=office_b, headers={
        **tus, "Upload-Length": "7", "Upload-Metadata": f"sha256 {base64.b64encode(sha.encode()).decode()}"})
    assert wrong_length.status_code == 201 and wrong_length.headers["Upload-Offset"] == "0"  # no 409, no offset
    status = httpx.post(f"{hub.url}/v1/blobs/status", json={"sha256": [sha]}, auth=office_b).json()
    assert status["complete"] == []
    assert httpx.post(f"{hub.url}/v1/blobs/status", json={"sha256": [sha]}, auth=office_a).json()["complete"] == [sha]


def test_show_and_set_status_refuse_a_code_two_dossiers_share(hub: Hub) -> None:
    at = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)
    ids = []
    for _counter in range(2):  # two counters of one office whose number blocks overlapped
        device = _device(hub, OFFICE_A)
        events = wire_dossier(device.device_id, 1, OFFICE_A, 4242, at)
        answer = httpx.post(f"{hub.url}/v1/events", content=gzip_json({"events": events}), auth=device,
                            headers={"Content-Encoding": "gzip", "Content-Type": "application/json"})
        assert answer.json()["accepted"] == 2, answer.text
        ids.append(events[0]["dossier_id"])
    code = f"{OFFICE_A}-261123-4242"
    done = hub.cli("set-status", code, "transfer", check=False)
    assert done.returncode == 2 and "ứng với 2 hồ sơ" in done.stderr and ids[0] in done.stderr, done.stderr
    store = HubStore(hub.folder, hub.database_url)
    try:
        with pytest.raises(ValidationError, match=r"hub\.ambiguous"):
            show(store, code)
        assert change_status(store, ids[1], "transfer", "tinh")["status"] == "transferred"
        assert show(store, ids[1])["id"] == ids[1] and show(store, ids[0])["status"] == "accepted"
    finally:
        store.dispose()

"""A blob streamed in one PATCH (no chunk checksum): the hub keeps what arrives as it arrives, so a line cut
mid-file costs only the last moment's bytes; the next PATCH goes on from the hub's offset, a stale offset is
refused, and the whole file's SHA-256 still decides."""

from __future__ import annotations

import base64
import hashlib
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.sync.harness import OFFICE_A, DeviceAuth, Hub, running_hub
from tests.sync.test_hub_hardening import _device

DATA = os.urandom(3 << 20)
SHA = hashlib.sha256(DATA).hexdigest()
TUS = {"Tus-Resumable": "1.0.0"}


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    with running_hub(tmp_path / "hub") as running:
        yield running


def _create(hub: Hub, auth: DeviceAuth, sha: str = SHA, length: int = len(DATA)) -> None:
    metadata = f"sha256 {base64.b64encode(sha.encode()).decode()}"
    answer = httpx.post(f"{hub.url}/v1/files", auth=auth, headers={
        **TUS, "Upload-Length": str(length), "Upload-Metadata": metadata})
    assert answer.status_code == 201, answer.text


def _offset(hub: Hub, auth: DeviceAuth, sha: str = SHA) -> int:
    answer = httpx.head(f"{hub.url}/v1/files/{sha}", auth=auth, headers=TUS)
    return int(answer.headers["Upload-Offset"])


def _patch(hub: Hub, auth: DeviceAuth, offset: int, body: bytes, sha: str = SHA) -> httpx.Response:
    return httpx.patch(f"{hub.url}/v1/files/{sha}", content=body, auth=auth, timeout=60, headers={
        **TUS, "Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream"})


def _cut_mid_body(hub: Hub, auth: DeviceAuth, sent: int) -> None:
    """A PATCH announcing the whole file whose line dies after `sent` bytes (RST, like a dropped link)."""
    head = (f"PATCH /v1/files/{SHA} HTTP/1.1\r\nHost: hub\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n"
            f"Content-Type: application/offset+octet-stream\r\nContent-Length: {len(DATA)}\r\n"
            f"Authorization: {auth.headers()['Authorization']}\r\n\r\n").encode()
    with socket.create_connection(("127.0.0.1", hub.port)) as raw:
        raw.sendall(head)
        for start in range(0, sent, 64 << 10):
            raw.sendall(DATA[start:min(sent, start + (64 << 10))])
            time.sleep(0.05)  # the hub keeps what came at least once a second
        time.sleep(1.5)
        raw.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")


def test_what_arrived_before_a_cut_line_is_kept_and_the_upload_goes_on(hub: Hub) -> None:
    auth = _device(hub, OFFICE_A)
    _create(hub, auth)
    _cut_mid_body(hub, auth, 2 << 20)
    deadline = time.monotonic() + 10
    while (held := _offset(hub, auth)) == 0 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert 0 < held <= 2 << 20  # kept, and never more than was sent
    assert _patch(hub, auth, 0, DATA).status_code == 409  # a stale offset is refused, nothing overwritten
    answer = _patch(hub, auth, held, DATA[held:])
    assert answer.status_code == 204 and int(answer.headers["Upload-Offset"]) == len(DATA)
    status = httpx.post(f"{hub.url}/v1/blobs/status", json={"sha256": [SHA]}, auth=auth)
    assert status.json()["complete"] == [SHA]


def test_a_streamed_file_that_does_not_hash_to_its_name_starts_again(hub: Hub) -> None:
    auth = _device(hub, OFFICE_A)
    _create(hub, auth)
    answer = _patch(hub, auth, 0, DATA[:-1] + b"!")
    assert answer.status_code == 460
    assert _offset(hub, auth) == 0
    assert _patch(hub, auth, 0, DATA[:1000] * 5000).status_code == 413  # past Upload-Length: refused

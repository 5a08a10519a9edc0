"""The hub's API under hostile and malformed requests, by hand (every one a 4xx with a reason, never a 500
or a partial write; one bad event is quarantined, the rest go in). Generated requests: test_hub_fuzz.py."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from counter_app.storage.database import Database
from sync import keys
from sync.client import enrol
from sync.protocol import gzip_json
from tests.sync.harness import OFFICE_A, DeviceAuth, Hub, running_hub
from tests.sync.workload import fill


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    with running_hub(tmp_path_factory.mktemp("hub")) as running:
        yield running


@pytest.fixture(scope="module")
def device(hub: Hub, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DeviceAuth]]:
    folder = tmp_path_factory.mktemp("counter")
    fill(folder, dossiers=2, scans=0)
    database = Database.open(folder)
    enrol(database, hub.url, hub.enrolment_code(OFFICE_A))
    yield database, DeviceAuth(keys.device_key(folder), database.device_id)
    database.dispose()


def _event(database: Database, **changes: Any) -> dict[str, Any]:
    event = {"id": str(uuid.uuid4()), "device_id": str(database.device_id), "seq": 1,
             "dossier_id": str(uuid.uuid4()), "type": "received", "device_time": "2026-11-23T08:00:00+07:00",
             "actor": "anh", "payload": {}}
    return event | changes


def _post(hub: Hub, auth: DeviceAuth, body: bytes, encoding: str = "gzip") -> httpx.Response:
    return httpx.post(f"{hub.url}/v1/events", content=body, auth=auth,
                      headers={"Content-Encoding": encoding, "Content-Type": "application/json"})


def test_malformed_batches_are_refused_with_a_reason_and_write_nothing(hub: Hub, device: Any) -> None:
    database, auth = device
    cases = {
        "not gzip": (b"plain", 400),
        "not JSON": (gzip_json("x")[:-4] + b"oops", 400),
        "extra field": (gzip_json({"events": [_event(database)], "admin": True}), 422),
        "an event without an id": (gzip_json({"events": [_event(database) | {"id": "x"}]}), 422),
        "someone else's device": (gzip_json({"events": [_event(database, device_id=str(uuid.uuid4()))]}), 403),
        "nested too deeply": (gzip.compress(b'{"events": ' + b"[" * 100_000), 400),
        "one sequence number twice": (gzip_json({"events": [_event(database, seq=9_000), _event(database, seq=9_000)]}),
                                      409),
    }
    for name, (body, status) in cases.items():
        answer = _post(hub, auth, body)
        assert answer.status_code == status, (name, answer.text)
        assert answer.json()["detail"], name
    bomb = gzip_json({"events": [], "padding": "0" * 40_000_000})
    assert _post(hub, auth, bomb).status_code == 413  # a zip bomb is cut off, not inflated
    assert httpx.get(f"{hub.url}/v1/state", auth=auth).json()["acknowledged_seq"] == 0  # nothing written
    assert httpx.post(f"{hub.url}/v1/events", content=b"x" * (17 << 20), auth=auth).status_code == 413


def test_a_refused_event_is_quarantined_with_its_reason_and_told_again_when_resent(hub: Hub, device: Any) -> None:
    database, auth = device
    cases = {
        "unknown type": (_event(database, type="delete_everything"), "hub.refused.field"),
        "naive time": (_event(database, device_time="2026-11-23T08:00:00"), "hub.refused.field"),
        "event for an unknown dossier": (_event(database, type="transferred"), "hub.refused.unknown_dossier"),
        "payload lacking fields": (_event(database), "hub.refused.field"),
        "huge payload": (_event(database, payload={"applicant_address": "x" * 90_000}), "hub.refused.too_large"),
        "over the core's limit": (_event(database, type="transferred", payload={"note": "x" * 2001}), "event.invalid"),
        "a payload nested 900 deep": (_event(database, payload=json.loads('{"a": ' * 900 + "1" + "}" * 900)),
                                      "event.invalid"),
        "another office's code": (_event(database, type="accepted", payload={"code": "000.00.99.H99-261123-0001"}),
                                  "hub.refused.code_office"),
    }
    events = [event | {"seq": 10_000 + number} for number, (event, _key) in enumerate(cases.values())]
    answer = _post(hub, auth, gzip_json({"events": events}))
    assert answer.status_code == 200, answer.text
    refused = {item["id"]: item for item in answer.json()["refused"]}
    for event, (name, (_event_sent, key)) in zip(events, cases.items(), strict=True):
        assert refused[event["id"]]["key"] == key, name
        assert refused[event["id"]]["seq"] == event["seq"], name
    assert refused[events[5]["id"]]["params"] == {"name": "note", "problem": ["dài quá 2000 ký tự",
                                                                              "longer than 2000 characters"]}
    again = _post(hub, auth, gzip_json({"events": events})).json()  # a lost reply: the same answer, no double
    assert again["accepted"] == 0 and {item["id"] for item in again["refused"]} == set(refused)


def test_credentials_are_checked(hub: Hub, device: Any, tmp_path: Path) -> None:
    database, _auth = device
    assert httpx.get(f"{hub.url}/v1/state").status_code == 401
    assert httpx.get(f"{hub.url}/v1/state", headers={"Authorization": "Bearer not.a.token"}).status_code == 401
    stranger = keys.token(keys.device_key(tmp_path), database.device_id)  # right device id, wrong key
    assert httpx.get(f"{hub.url}/v1/state", headers={"Authorization": f"Bearer {stranger}"}).status_code == 401
    stale = keys.token(keys.device_key(database.data_dir), database.device_id, clock_offset=-3600)
    assert httpx.get(f"{hub.url}/v1/state", headers={"Authorization": f"Bearer {stale}"}).status_code == 401
    code = hub.enrolment_code(OFFICE_A)
    first = {"code": code, "device_id": str(uuid.uuid4()), "public_key": keys.public_pem(keys.device_key(tmp_path))}
    assert httpx.post(f"{hub.url}/v1/enrol", json=first).status_code == 200
    assert httpx.post(f"{hub.url}/v1/enrol", json=first).status_code == 200  # a lost reply: repeating is harmless
    second = first | {"device_id": str(uuid.uuid4())}
    assert httpx.post(f"{hub.url}/v1/enrol", json=second).status_code == 403  # one code, one device


def test_tus_uploads_check_versions_offsets_and_checksums(hub: Hub, device: Any) -> None:
    _database, auth = device
    data = b"%PDF-1.4 " + bytes(range(256)) * 100
    sha = hashlib.sha256(data).hexdigest()
    tus = {"Tus-Resumable": "1.0.0"}
    options = httpx.request("OPTIONS", f"{hub.url}/v1/files")
    assert "checksum" in options.headers["Tus-Extension"] and "creation" in options.headers["Tus-Extension"]
    metadata = f"sha256 {base64.b64encode(sha.encode()).decode()}"
    assert httpx.post(f"{hub.url}/v1/files", auth=auth, headers={"Upload-Length": str(len(data)),
                                                                 "Upload-Metadata": metadata}).status_code == 412
    created = httpx.post(f"{hub.url}/v1/files", auth=auth, headers={**tus, "Upload-Length": str(len(data)),
                                                                    "Upload-Metadata": metadata})
    assert created.status_code == 201 and created.headers["Location"] == f"/v1/files/{sha}"

    def patch(offset: int, chunk: bytes, checksum: bytes | None = None) -> httpx.Response:
        digest = base64.b64encode(checksum or hashlib.sha256(chunk).digest()).decode()
        return httpx.patch(f"{hub.url}/v1/files/{sha}", content=chunk, auth=auth, headers={
            **tus, "Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream",
            "Upload-Checksum": f"sha256 {digest}"})

    assert patch(0, data[:1000], checksum=b"\0" * 32).status_code == 460
    assert patch(0, data[:1000]).headers["Upload-Offset"] == "1000"
    assert patch(0, data[:1000]).status_code == 409  # the hub is at 1000 now
    head = httpx.head(f"{hub.url}/v1/files/{sha}", headers=tus, auth=auth)
    assert head.headers["Upload-Offset"] == "1000"
    tampered = data[1000:-1] + b"X"  # chunk checksums match, the whole file does not
    assert patch(1000, tampered).status_code == 460
    assert httpx.head(f"{hub.url}/v1/files/{sha}", headers=tus, auth=auth).headers["Upload-Offset"] == "0"  # start over
    assert patch(0, data).headers["Upload-Offset"] == str(len(data))
    status = httpx.post(f"{hub.url}/v1/blobs/status", json={"sha256": [sha]}, auth=auth).json()
    assert status["complete"] == [sha]

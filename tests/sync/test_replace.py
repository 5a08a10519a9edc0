"""A dead counter replaced from the hub: 300 dossiers with scans synced, the data folder deleted; a fresh
one enrolled as its replacement (with the administrator's replacement code only) holds every dossier and
byte-identical scans, and its next code continues the sequence after the numbers kept back; the dead
counter, if it comes back, is refused by the hub, says so in Vietnamese, and stops syncing and taking
dossiers. On the hub's SQLite and on PostgreSQL."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from counter_app.clock import local, now
from counter_app.codes import parse_code
from counter_app.errors import ValidationError
from counter_app.model import Person
from counter_app.services import outbox, queries
from counter_app.services.documents import file_copy
from counter_app.services.intake import IntakeRequest, Outcome, intake, receive_in
from counter_app.services.office import initialise
from counter_app.services.queries import DossierFilter
from counter_app.storage.database import Database
from counter_app.storage.orm import BlobRow
from sync import keys
from sync.client import enrol, run_round
from sync.hub.auth import issue_enrolment
from sync.hub.replace import BUSIEST_FACTOR, MIN_MARGIN, devices
from sync.hub.store import HubStore, Revocation
from sync.replace import download, enrol_replacement
from sync.transport import Halted, HubClient
from tests.conftest import OFFICE
from tests.e2e.test_cli import run
from tests.sync.harness import OFFICE_A, DeviceAuth, Hub, running_hub
from tests.sync.workload import PROCEDURE, scanned_pdf

DOSSIERS = 300


@pytest.fixture(scope="session")
def filled_counter(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A counter with 300 accepted dossiers, each with a one-page scan, made through the real services (the
    intakes in one unit of work, as a postal batch's close takes many)."""
    folder = tmp_path_factory.mktemp("filled") / "counter"
    database = Database.open(folder)
    try:
        initialise(database, OFFICE)
        moment = local(now())
        with database.write() as session:
            rows = [receive_in(session, database, IntakeRequest(PROCEDURE, Person(
                f"Công dân {n}", f"0011900{n:05d}")), "anh", Outcome.ACCEPT, "", moment) for n in range(DOSSIERS)]
            codes = [str(row.code) for row in rows]
        for number, code in enumerate(codes):
            file_copy(database, code, "1", scanned_pdf(1, number, page_kb=4), 1, "anh")
    finally:
        database.dispose()
    return folder, codes


def _scans(folder: Path) -> dict[str, bytes]:
    database = Database.open(folder)
    try:
        with database.read() as session:
            shas = list(session.query(BlobRow.sha256))
        return {sha: database.blobs.read(sha) for (sha,) in shas}
    finally:
        database.dispose()


@dataclass
class Replaced:
    hub: Hub
    admin: HubStore
    old_id: uuid.UUID
    codes: list[str]
    scans: dict[str, bytes]
    returned: Path  # the dead counter's folder, as if it came back
    new: Path
    plain_code_refusal: str
    revoked_by_plain_code: bool
    enrolled: str


@pytest.fixture
def replaced(filled_counter: tuple[Path, list[str]], hub_database: str | None,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replaced]:
    """The whole story once per hub backend (one test reads it: a module-wide fixture would be made again
    on each xdist worker)."""
    source, codes = filled_counter
    base = tmp_path_factory.mktemp("replace")
    old = base / "old"
    shutil.copytree(source, old)
    with running_hub(base / "hub", hub_database) as hub:
        admin = HubStore(hub.folder, hub.database_url)
        database = Database.open(old)
        try:
            enrol(database, hub.url, issue_enrolment(admin, OFFICE_A))
            assert run_round(database, patience=60, wait_max=1).complete
            old_id = database.device_id
        finally:
            database.dispose()
        scans = _scans(old)
        shutil.copytree(old, base / "returned")
        shutil.rmtree(old)  # the disk died
        new = Database.open(base / "new")
        try:
            initialise(new, OFFICE)
            with pytest.raises(Halted) as plain:
                enrol_replacement(new, hub.url, issue_enrolment(admin, OFFICE_A), str(old_id), patience=5)
        finally:
            new.dispose()
        with admin.session() as session:
            revoked_by_plain_code = session.get(Revocation, old_id) is not None
        code = hub.cli("enroll", "--replace", str(old_id)[:8]).stdout.strip()
        enrolled = run(base / "new", "sync", "enroll", "--hub", hub.url, "--code", code, "--replace",
                       str(old_id)).stdout
        yield Replaced(hub, admin, old_id, codes, scans, base / "returned", base / "new",
                       plain.value.message("en"), revoked_by_plain_code, enrolled)
        admin.dispose()


def test_a_dead_counter_replaced_from_the_hub(replaced: Replaced) -> None:
    _plain_code_refused(replaced)
    _every_dossier_and_scan(replaced)
    _next_code_continues(replaced)
    _revoked_device_refused(replaced)
    _a_download_resumes_and_a_bad_part_is_fetched_again(replaced)


class _Recorder(httpx.HTTPTransport):
    """The real transport, noting each answer's status."""

    def __init__(self) -> None:
        super().__init__()
        self.statuses: list[int] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        self.statuses.append(response.status_code)
        return response


def _a_download_resumes_and_a_bad_part_is_fetched_again(replaced: Replaced) -> None:
    database = Database.open(replaced.new)
    recorder = _Recorder()
    hub = HubClient(replaced.hub.url, database.device_id, keys.device_key(replaced.new), patience=30,
                    wait_max=0.5, transport=recorder)
    try:
        (sha, data), (other, other_data) = sorted(replaced.scans.items())[:2]
        part = replaced.new / "half.part"
        part.write_bytes(data[:len(data) // 2])  # a download cut half-way
        download(hub, database, sha, len(data), part)
        assert recorder.statuses == [206] and database.blobs.read(sha) == data and not part.exists()
        part.write_bytes(bytes(len(other_data)))  # a part of the right size whose bytes are wrong
        download(hub, database, other, len(other_data), part)
        assert recorder.statuses[1:] == [200] and database.blobs.read(other) == other_data
    finally:
        hub.close()
        database.dispose()


def _plain_code_refused(replaced: Replaced) -> None:
    assert "403" in replaced.plain_code_refusal and "hub enroll --replace" in replaced.plain_code_refusal
    assert not replaced.revoked_by_plain_code


def _every_dossier_and_scan(replaced: Replaced) -> None:
    assert "300 hồ sơ" in replaced.enrolled and "300 tệp quét" in replaced.enrolled
    database = Database.open(replaced.new)
    try:
        held = queries.list_page(database, DossierFilter(), None, 1000)
        assert sorted(str(d.code) for d in held) == sorted(replaced.codes)
        assert {d.status.value for d in held} == {"accepted"}
        assert _scans(replaced.new) == replaced.scans and len(replaced.scans) == DOSSIERS
        shown = queries.get_dossier(database, replaced.codes[7])
        assert shown.documents[0].blob_sha256 in replaced.scans
    finally:
        database.dispose()


def _next_code_continues(replaced: Replaced) -> None:
    today = now().date()
    numbers = [parsed.sequence for parsed in map(parse_code, replaced.codes) if parsed and parsed.day == today]
    margin = max(MIN_MARGIN, BUSIEST_FACTOR * len(numbers))
    code = run(replaced.new, "intake", "--procedure", "1.004873", "--name", "Trần Thị Hồng", "--id-number",
               "079195000123").stdout.split()[0]
    parsed = parse_code(code)
    assert parsed is not None and parsed.day == today and parsed.sequence == max(numbers) + margin + 1
    assert run(replaced.new, "sync", "run").returncode == 0  # and it syncs as itself


def _revoked_device_refused(replaced: Replaced) -> None:
    key = keys.device_key(replaced.returned)
    answer = httpx.get(f"{replaced.hub.url}/v1/state", auth=DeviceAuth(key, replaced.old_id), timeout=10)
    assert answer.status_code == 403 and "revoked" in answer.json()["detail"]
    refused = run(replaced.returned, "sync", "run", check=False)
    assert refused.returncode == 2 and "đã được thay bằng một máy khác" in refused.stderr
    database = Database.open(replaced.returned)
    try:
        state = outbox.state(database)
        assert state.revoked and state.halted
        with pytest.raises(Halted) as again:  # it does not even try: no request reaches the hub
            run_round(database, patience=5)
        assert "was replaced by another one" in again.value.message("en")
        person = Person("Lê Văn Tâm", "001085000111")
        with pytest.raises(ValidationError) as refused_intake:
            intake(database, IntakeRequest(PROCEDURE, person), "anh")
        assert "không tiếp nhận hồ sơ ở đây nữa" in refused_intake.value.message("vi")
    finally:
        database.dispose()
    listed = {d["id"]: d["replaced_by"] for d in devices(replaced.admin, OFFICE_A)}
    assert listed[str(replaced.old_id)] is not None

"""The hub's blob store contract, for every implementation: staged uploads resume and restart, only bytes
that hash to their name become a blob, and a blob reads back checked."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.errors import NotFound, StorageError
from counter_app.storage.database import Database
from sync.client import enrol, run_round
from sync.hub.blobs import BLOBS_ENV, FileBlobs, HubBlobs
from sync.hub.s3blobs import ENDPOINT_ENV, PART_BYTES, S3Blobs
from tests.sync.harness import OFFICE_A, running_hub
from tests.sync.s3server import CREDENTIALS, client, new_bucket, s3_server
from tests.sync.workload import fill

OFFICE, OTHER = OFFICE_A, "000.00.13.H12"
DATA = bytes(range(256)) * 5000  # 1.28 MB: more than one read block
SHA = hashlib.sha256(DATA).hexdigest()


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    with s3_server() as endpoint:
        yield endpoint


@pytest.fixture(params=["files", "s3"])
def blobs(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[HubBlobs]:
    if request.param == "files":
        yield FileBlobs(tmp_path)
        return
    endpoint = request.getfixturevalue("s3_endpoint")
    yield S3Blobs(new_bucket(endpoint), "province/hub", client=client(endpoint))


def test_an_upload_staged_in_chunks_becomes_the_blob(blobs: HubBlobs) -> None:
    assert blobs.staged(OFFICE, SHA) == 0 and not blobs.exists(SHA)
    for offset in range(0, len(DATA), 300_000):
        blobs.stage(OFFICE, SHA, offset, DATA[offset:offset + 300_000])
        assert blobs.staged(OFFICE, SHA) == min(offset + 300_000, len(DATA))
    assert blobs.promote(OFFICE, SHA)
    assert blobs.exists(SHA) and blobs.read(SHA) == DATA
    assert b"".join(blobs.chunks(SHA)) == DATA
    assert blobs.staged(OFFICE, SHA) == 0  # the upload under way is gone once it is the blob


def test_a_rewrite_at_an_earlier_offset_drops_what_lay_past_it(blobs: HubBlobs) -> None:
    blobs.stage(OFFICE, SHA, 0, DATA[:500_000])
    blobs.stage(OFFICE, SHA, 100_000, DATA[100_000:200_000])  # a crash left bytes past the database's offset
    assert blobs.staged(OFFICE, SHA) == 200_000
    blobs.stage(OFFICE, SHA, 200_000, DATA[200_000:])
    assert blobs.promote(OFFICE, SHA) and blobs.read(SHA) == DATA


def test_bytes_that_do_not_hash_to_their_name_never_become_a_blob(blobs: HubBlobs) -> None:
    blobs.stage(OFFICE, SHA, 0, DATA[:-1] + b"!")
    assert not blobs.promote(OFFICE, SHA)
    assert not blobs.exists(SHA) and blobs.staged(OFFICE, SHA) == 0  # dropped: the upload restarts from zero


def test_offices_uploads_under_way_are_kept_apart(blobs: HubBlobs) -> None:
    blobs.stage(OFFICE, SHA, 0, DATA[:1000])
    assert blobs.staged(OTHER, SHA) == 0
    blobs.discard(OFFICE, SHA)
    blobs.discard(OFFICE, SHA)  # missing is fine
    assert blobs.staged(OFFICE, SHA) == 0


def test_a_missing_blob_is_not_found(blobs: HubBlobs) -> None:
    with pytest.raises(NotFound):
        blobs.read(SHA)
    with pytest.raises(NotFound):
        blobs.chunks(SHA)


def test_a_blob_damaged_on_disk_reads_as_corrupt(tmp_path: Path) -> None:
    blobs = FileBlobs(tmp_path)
    blobs.stage(OFFICE, SHA, 0, DATA)
    assert blobs.promote(OFFICE, SHA)
    blobs.path(SHA).write_bytes(DATA[:-1])
    with pytest.raises(StorageError):
        blobs.read(SHA)


def test_a_file_kept_whole_reads_back_by_range(blobs: HubBlobs, tmp_path: Path) -> None:
    source = tmp_path / "package.bin"
    source.write_bytes(DATA)
    blobs.put_file(SHA, source)
    blobs.put_file(SHA, source)  # again: nothing changes
    assert blobs.read(SHA) == DATA
    assert blobs.read_range(SHA, 1000, 5000) == DATA[1000:6000]
    assert blobs.read_range(SHA, len(DATA) - 10, 5000) == DATA[-10:]


def test_a_blob_larger_than_one_part_goes_up_in_parts_and_reads_back(tmp_path: Path) -> None:
    with s3_server() as endpoint:
        blobs = S3Blobs(new_bucket(endpoint), "", client=client(endpoint))
        data = bytes(range(256)) * (PART_BYTES // 256 * 2 + 77)  # two whole parts and a tail
        sha = hashlib.sha256(data).hexdigest()
        for offset in range(0, len(data), 3_000_000):
            blobs.stage(OFFICE, sha, offset, data[offset:offset + 3_000_000])
        assert blobs.promote(OFFICE, sha)
        assert blobs.read(sha) == data and blobs.staged(OFFICE, sha) == 0


def test_a_hub_over_object_storage_takes_a_counters_scans(s3_endpoint: str, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    bucket = new_bucket(s3_endpoint)
    monkeypatch.setenv(BLOBS_ENV, f"s3://{bucket}/hub")
    monkeypatch.setenv(ENDPOINT_ENV, s3_endpoint)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", CREDENTIALS["aws_access_key_id"])
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", CREDENTIALS["aws_secret_access_key"])
    monkeypatch.setenv("AWS_DEFAULT_REGION", CREDENTIALS["region_name"])
    fill(tmp_path / "counter", dossiers=3, scans=2, pages=2)
    database = Database.open(tmp_path / "counter")
    try:
        with running_hub(tmp_path / "hub") as hub:
            enrol(database, hub.url, hub.enrolment_code(OFFICE_A))
            assert run_round(database, patience=30, wait_max=1).complete
        stored = S3Blobs(bucket, "hub", client=client(s3_endpoint))
        keys = {item["Key"] for item in client(s3_endpoint).list_objects_v2(Bucket=bucket).get("Contents", [])}
        assert len(keys) == 2 and all(key.startswith("hub/blobs/") for key in keys)  # no upload left half-way
        for key in keys:
            sha = key.rsplit("/", 1)[1]
            assert stored.read(sha) == database.blobs.read(sha)
        assert not (tmp_path / "hub" / "blobs").exists() or not any((tmp_path / "hub" / "blobs").iterdir())
    finally:
        database.dispose()

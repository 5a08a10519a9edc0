"""Encrypting a folder made before encryption, killed with SIGKILL at random moments: the folder is then either
fully plain or fully encrypted (nothing lost either way), and running the conversion again completes it."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from counter_app.errors import StorageError
from counter_app.protect import access, convert, keyfile
from counter_app.protect.convert import encrypt_folder
from counter_app.protect.keyfile import CHEAP_TEST_KDF
from counter_app.services import queries
from counter_app.services.office import initialise
from counter_app.storage.blobs import is_sealed_file
from counter_app.storage.database import SQLITE_FILE, Database
from tests.conftest import OFFICE
from tests.protect.convert_child import PASSWORD
from tests.protect.helpers import dossier_with_scan

ROOT = Path(__file__).resolve().parents[2]
BLOBS = 60


def _plain_folder(folder: Path) -> tuple[str, dict[str, bytes]]:
    """A folder as made before encryption: a dossier with its scan, plus 60 blobs of 64–256 KB."""
    database = Database.open(folder)
    initialise(database, OFFICE)
    code, pdf, sha = dossier_with_scan(database)
    blobs = {sha: pdf}
    rng = random.Random(7)
    for _ in range(BLOBS):
        data = b"%PDF-1.7\n" + rng.randbytes(rng.randrange(64_000, 256_000))
        blobs[database.blobs.put(data)] = data
    (database.blobs.root / "staging" / "batch1").mkdir(parents=True)
    (database.blobs.root / "staging" / "batch1" / "0001.png").write_bytes(b"page")
    database.dispose()
    return code, blobs


def _blob_files(folder: Path) -> list[Path]:
    return [path for path in (folder / "blobs").glob("??/*") if path.is_file()]


def _check(folder: Path, code: str, blobs: dict[str, bytes]) -> str:
    """'plain' or 'encrypted', after checking that the folder is wholly that and holds everything."""
    found = keyfile.load(folder)
    if found is None:
        files = _blob_files(folder)
        assert not any(is_sealed_file(path) for path in files)
        database = Database.open(folder)
        state = "plain"
    else:
        assert found.encrypted
        database = Database.open(folder, key=access.unlock(folder, PASSWORD, use_keyring=False))  # finishes
        assert not (folder / "blobs.encrypting").exists() and not (folder / "blobs.plain-old").exists()
        assert not (folder / (SQLITE_FILE + ".encrypting")).exists()
        assert all(is_sealed_file(path) for path in _blob_files(folder))
        state = "encrypted"
    try:
        assert queries.get_dossier(database, code).applicant.full_name == "Nguyễn Văn Đức"
        assert [found.code for found in queries.search(database, "nguyen van duc")] == [code]  # FTS5 came along
        for sha, data in blobs.items():
            assert database.blobs.read(sha) == data
        assert (folder / "blobs" / "staging" / "batch1" / "0001.png").read_bytes() == b"page"
    finally:
        database.dispose()
    return state


def _child(folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "tests.protect.convert_child", str(folder)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_ready(child: subprocess.Popen[bytes]) -> None:
    assert child.stdout is not None and child.stdout.readline() == b"ready\n"


def test_interrupted_after_the_commit_point_the_next_open_finishes_it(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    code, blobs = _plain_folder(tmp_path)
    with monkeypatch.context() as patched:
        patched.setattr(convert, "roll_forward", lambda *_args: None)  # "killed" right after protect.json
        encrypt_folder(tmp_path, PASSWORD, CHEAP_TEST_KDF)
    assert (tmp_path / "blobs.encrypting").is_dir() and (tmp_path / (SQLITE_FILE + ".encrypting")).is_file()
    os.replace(tmp_path / "blobs", tmp_path / "blobs.plain-old")  # and again mid-way through the swap
    assert _check(tmp_path, code, blobs) == "encrypted"


@pytest.mark.slow
def test_killed_at_random_moments_it_ends_plain_or_encrypted_and_a_rerun_completes(tmp_path: Path) -> None:
    template = tmp_path / "template"
    code, blobs = _plain_folder(template)
    timing = tmp_path / "timing"
    shutil.copytree(template, timing)
    child = _child(timing)
    _wait_ready(child)
    started = time.monotonic()
    assert child.wait(timeout=120) == 0, child.stderr.read() if child.stderr else ""
    whole = time.monotonic() - started
    assert _check(timing, code, blobs) == "encrypted"

    rng = random.Random(int.from_bytes(os.urandom(4)))
    seen = []
    for run in range(8):
        folder = tmp_path / f"run{run}"
        shutil.copytree(template, folder)
        child = _child(folder)
        _wait_ready(child)
        time.sleep(rng.uniform(0.0, 1.0) * whole)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        leftovers = sorted(path.name for path in folder.iterdir() if "encrypting" in path.name or "old" in path.name)
        state = _check(folder, code, blobs)
        seen.append((state, leftovers))
        if state == "plain":
            encrypt_folder(folder, PASSWORD, CHEAP_TEST_KDF)  # the re-run
            assert _check(folder, code, blobs) == "encrypted"
        else:
            with pytest.raises(StorageError):
                encrypt_folder(folder, PASSWORD, CHEAP_TEST_KDF)
    print(f"whole run {whole:.2f} s; after each kill: {seen}")

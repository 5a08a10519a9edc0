"""An encrypted counter syncs with the hub: its scan is sealed on the counter's disk, and the hub receives (and
checks the SHA-256 of) the plaintext, since the province's archive must read it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from counter_app.protect import access
from counter_app.protect.keyfile import CHEAP_TEST_KDF
from counter_app.storage.blobs import is_sealed_file
from tests.protect.helpers import PASSWORD
from tests.scanning.pages import text_page
from tests.sync.harness import OFFICE_A, run, running_hub


@pytest.mark.slow
def test_a_sealed_scan_reaches_the_hub_as_its_plaintext(tmp_path: Path) -> None:
    counter = tmp_path / "counter"
    access.set_up(counter, PASSWORD, CHEAP_TEST_KDF, use_keyring=False)
    env = {"COUNTER_DEV_UNENCRYPTED": "", "COUNTER_PASSWORD": PASSWORD}
    run(counter, "init", "--office-code", OFFICE_A, "--office-name", "UBND xã", "--place-name", "Tân Hòa", env=env)
    code = run(counter, "intake", "--procedure", "1.004873", "--name", "Lê Thị Thu Hà", "--id-number",
               "079195000123", env=env).stdout.split()[0]
    page = tmp_path / "page.png"
    text_page(200, lines=8).save(page, dpi=(200, 200))
    run(counter, "scan", code, "--document", "1", "--source", str(page), "--no-ocr", env=env)
    sha = json.loads(run(counter, "dossier", "show", code, "--json", env=env).stdout)["documents"][0]["blob_sha256"]
    stored = counter / "blobs" / sha[:2] / sha
    assert is_sealed_file(stored) and hashlib.sha256(stored.read_bytes()).hexdigest() != sha
    with running_hub(tmp_path / "hub") as hub:
        code_for_enrolment = hub.enrolment_code(OFFICE_A)
        run(counter, "sync", "enroll", "--hub", hub.url, "--code", code_for_enrolment, env=env)
        run(counter, "sync", "run", env=env)
        held = json.loads(hub.cli("show", code, "--json").stdout)
    assert held["blobs"] == [{"sha256": sha, "arrived": True, "bytes": held["blobs"][0]["bytes"]}]
    assert held["blobs"][0]["bytes"] < stored.stat().st_size  # the plaintext's size, not the sealed file's

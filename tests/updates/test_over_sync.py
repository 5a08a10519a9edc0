"""Updates end to end over a real hub on loopback: the release manager signs a real package, the province
publishes it, a counter learns of it in the feed, downloads it (through a link that resets mid-transfer),
checks it, stages it; the launcher self-tests it at the next start and the outcome reaches the hub."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from counter_app.errors import CounterError, ValidationError
from counter_app.storage.database import Database
from counter_app.updates import state
from counter_app.updates.layout import CURRENT, PENDING, PREVIOUS, Layout
from counter_app.updates.signing import built_in_keys, load_private, sign, verify
from sync.client import enrol, run_round
from sync.hub.auth import issue_enrolment
from sync.hub.releases import overview, publish
from sync.hub.store import HubStore
from sync.updates import UpdateSetup
from tests.e2e.test_cli import run
from tests.sync.faultproxy import FaultProxy, Faults
from tests.sync.harness import OFFICE_A, Hub, running_hub
from tests.sync.workload import fill
from tests.updates.releases import installed, launch, package, throwaway_key


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    with running_hub(tmp_path / "hub") as running:
        yield running


def _counter(tmp_path: Path, hub: Hub, via: str | None = None) -> Database:
    """A counter of OFFICE_A enrolled with `hub` (through `via`, a proxy, when given)."""
    fill(tmp_path / "counter", dossiers=0, scans=0)
    database = Database.open(tmp_path / "counter")
    enrol(database, via or hub.url, _on_hub(hub, lambda store: issue_enrolment(store, OFFICE_A)))
    return database


def _publish(tmp_path: Path, hub: Hub, version: str, key_file: Path, exit_code: int = 0, padding: int = 0,
             by_command: bool = False) -> Path:
    """Sign as the release manager does, publish as the province does (by their commands when asked:
    each command line costs seconds on a loaded machine)."""
    tarball = package(tmp_path, version, exit_code, padding)
    signature = tarball.with_name(f"{tarball.name}.sig")
    if by_command:
        run(tmp_path, "release", "sign", str(tarball), "--version", version, "--key", str(key_file))
        hub.cli("publish-update", str(tarball), "--version", version)
    else:
        signature.write_bytes(sign(tarball, version, load_private(key_file)))
        _on_hub(hub, lambda store: publish(store, tarball, version, signature))
    return tarball


def _on_hub(hub: Hub, work: Callable[[HubStore], Any]) -> Any:
    store = HubStore(hub.folder, hub.database_url)
    try:
        return work(store)
    finally:
        store.dispose()


def _setup(layout: Layout, trusted_key: Path, running: str = "1.0.0") -> UpdateSetup:
    return UpdateSetup(layout, (load_private(trusted_key).public_key(),), running)


def _reports(hub: Hub, by_command: bool = False) -> list[tuple[str, str, str]]:
    shown = json.loads(hub.cli("updates", "--json").stdout) if by_command else _on_hub(hub, overview)
    return [(item["version"], item["outcome"], item["detail"]) for item in shown["reports"]]


def test_a_signed_package_is_downloaded_staged_applied_and_reported(tmp_path: Path, hub: Hub) -> None:
    key, _ = throwaway_key(tmp_path)
    _publish(tmp_path, hub, "1.1.0", key, by_command=True)
    layout = installed(tmp_path / "install", "1.0.0")
    database = _counter(tmp_path, hub)
    try:
        assert run_round(database, updates=_setup(layout, key)).complete
        assert (state.current(database).status, layout.read(PENDING)) == ("ready", "1.1.0")
        assert list(layout.downloads.iterdir()) == []  # unpacked, the tarball gone
        started = launch(layout.root)
        assert started.stdout.strip() == "Counter 1.1.0"
        assert (layout.read(CURRENT), layout.read(PREVIOUS)) == ("1.1.0", "1.0.0")
        run_round(database, updates=_setup(layout, key, running="1.1.0"))
        assert state.current(database).status == "installed"
    finally:
        database.dispose()
    assert [(version, outcome) for version, outcome, _ in _reports(hub, by_command=True)] == [
        ("1.1.0", "installed")]
    assert layout.pending_reports() == []


def test_a_package_signed_by_another_key_is_refused_before_download_and_reported(
        tmp_path: Path, hub: Hub) -> None:
    trusted, _ = throwaway_key(tmp_path, "trusted.pem")
    other, _ = throwaway_key(tmp_path, "other.pem")
    _publish(tmp_path, hub, "1.1.0", other)
    layout = installed(tmp_path / "install", "1.0.0")
    database = _counter(tmp_path, hub)
    try:
        run_round(database, updates=_setup(layout, trusted))
        known = state.current(database)
        status = json.loads(run(database.data_dir, "sync", "status", "--json").stdout)["update"]
    finally:
        database.dispose()
    assert known.status == "refused"
    assert known.message.startswith("Bản cập nhật 1.1.0 bị từ chối: nó không được ký bằng khóa phát hành")
    assert status["message"] == known.message  # what `sync status` and the sync screen say
    assert not layout.folder("1.1.0").exists() and layout.read(PENDING) is None
    assert not layout.downloads.exists() or list(layout.downloads.iterdir()) == []  # not a byte fetched
    assert launch(layout.root).stdout.strip() == "Counter 1.0.0"
    [(version, outcome, detail)] = _reports(hub)
    assert (version, outcome) == ("1.1.0", "refused") and "not signed with Counter's release key" in detail


def test_production_trusts_only_the_built_in_release_key(tmp_path: Path) -> None:
    """A package signed with a test key (or the hub's, or anyone's) is refused by the keys the app ships."""
    _, key = throwaway_key(tmp_path)
    tarball = package(tmp_path, "1.1.0")
    with pytest.raises(ValidationError) as refused:
        verify(sign(tarball, "1.1.0", key), built_in_keys())
    assert refused.value.key == "update.untrusted_key"
    assert len(built_in_keys()) >= 1


def test_a_download_cut_by_resets_resumes_with_range_requests(tmp_path: Path, hub: Hub) -> None:
    key, _ = throwaway_key(tmp_path)
    tarball = _publish(tmp_path, hub, "1.1.0", key, padding=3_000_000)
    layout = installed(tmp_path / "install", "1.0.0")
    seen = _Ranges(httpx.HTTPTransport())
    faults = Faults(reset_after_bytes=(150_000, 700_000), seed=11)
    with FaultProxy(hub.port, faults) as proxy:
        database = _counter(tmp_path, hub, via=proxy.url)
        try:
            for _round in range(20):
                try:
                    run_round(database, transport=seen, patience=20, wait_max=0.3, read_timeout=5,
                              updates=_setup(layout, key))
                except (CounterError, OSError):
                    continue
                if state.current(database).status == "ready":
                    break
        finally:
            database.dispose()
    assert layout.read(PENDING) == "1.1.0"
    assert proxy.counters.resets >= 2
    after_failure = [later for earlier, later in zip(seen.starts, seen.starts[1:], strict=False) if earlier[1]]
    assert any(start > 0 for start, _failed in after_failure), "a range asked for after a reset resumes"
    assert proxy.counters.bytes_down < 2 * tarball.stat().st_size  # resumed, not fetched again from zero
    staged = layout.folder("1.1.0") / "_internal.bin"
    packed = tmp_path / "build-1.1.0" / "Counter" / "_internal.bin"
    assert hashlib.sha256(staged.read_bytes()).digest() == hashlib.sha256(packed.read_bytes()).digest()


def test_a_version_whose_self_test_fails_is_rolled_back_and_reported(tmp_path: Path, hub: Hub) -> None:
    key, _ = throwaway_key(tmp_path)
    _publish(tmp_path, hub, "1.1.0", key, exit_code=4)
    layout = installed(tmp_path / "install", "1.0.0")
    database = _counter(tmp_path, hub)
    try:
        run_round(database, updates=_setup(layout, key))
        assert layout.read(PENDING) == "1.1.0"
        started = launch(layout.root)
        assert started.stdout.strip() == "Counter 1.0.0"
        assert layout.read(CURRENT) == "1.0.0"
        run_round(database, updates=_setup(layout, key))
        assert layout.read(PENDING) is None  # downloaded once, not staged again
        known = state.current(database)
        assert known.status == "failed"
        assert known.message.startswith("Phiên bản 1.1.0 không qua tự kiểm tra khi khởi động")
    finally:
        database.dispose()
    [(version, outcome, detail)] = _reports(hub)
    assert (version, outcome) == ("1.1.0", "self_test_failed")
    assert detail.startswith("exit 4: database: migrate failed")


class _Ranges(httpx.BaseTransport):
    """The real transport, noting each package range asked for and whether it failed."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner, self.starts = inner, list[tuple[int, bool]]()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        asked = request.headers.get("Range")
        try:
            response = self.inner.handle_request(request)
            if asked:
                response.read()
        except httpx.TransportError:
            if asked:
                self.starts.append((int(asked[6:].split("-")[0]), True))
            raise
        if asked:
            self.starts.append((int(asked[6:].split("-")[0]), False))
        return response

"""`counter-app hub forward` on the command line: the dry run's body, a pass, the dead letters and sending them
again, and the settings file's mistakes told in Vietnamese."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from counter_app.errors import CounterError
from sync import keys
from sync.hub import auth, ingest, portal_settings
from sync.hub.store import HubStore
from sync.protocol import EnrolRequest
from tests.e2e.test_cli import run
from tests.loopback import serving
from tests.sync.portal_contract import Portal, serve, settings_text
from tests.sync.test_portal_forward import AT, OFFICE
from tests.sync.workload import wire_dossier

PASSWORD_ENV = "COUNTER_TEST_PORTAL_PASSWORD"


def _hub_with_a_dossier(folder: Path) -> str:
    store = HubStore(folder)
    try:
        device = auth.enrol(store, EnrolRequest(code=auth.issue_enrolment(store, OFFICE), device_id=uuid.uuid4(),
                                                public_key=keys.public_pem(Ed25519PrivateKey.generate()))).id
        events = wire_dossier(device, 1, OFFICE, 1, AT)
        ingest.ingest(store, device, events)
    finally:
        store.dispose()
    return str(events[1]["payload"]["code"])


def test_dry_run_pass_dead_letters_and_retry(tmp_path: Path) -> None:
    hub = tmp_path / "hub"
    code = _hub_with_a_dossier(hub)
    refused = run(hub, "hub", "forward", check=False)
    assert refused.returncode == 2 and "Chưa cấu hình kết nối lên hệ thống của tỉnh" in refused.stderr
    dry = run(hub, "hub", "forward", "--dry-run", code)  # works without settings: the shape is fixed
    bodies = json.loads(dry.stdout)
    assert [body["service"] for body in bodies] == ["DongBoHoSoMC", "CapNhatTienDoHoSoMC"]
    assert bodies[0]["isUpdating"] == "False" and bodies[0]["data"][0]["MaHoSo"] == code
    assert bodies[0]["session"] == "<session>" and "Công dân 1" in dry.stdout  # UTF-8, not \u escapes
    portal = Portal()
    env = {PASSWORD_ENV: portal.password}
    with serving(serve(portal)) as url:
        (hub / "portal.toml").write_text(settings_text(url, PASSWORD_ENV, attempts=1), "utf-8")
        portal.faults.append("500")
        first = json.loads(run(hub, "hub", "forward", "--json", env=env).stdout)
        assert (first["sent"], first["dead"]) == (0, 1)
        dead = json.loads(run(hub, "hub", "forward", "--dead", "--json").stdout)
        assert [(letter["code"], letter["service"]) for letter in dead] == [(code, "DongBoHoSoMC")]
        assert "HTTP 500" in dead[0]["last_error"]
        wrong = run(hub, "hub", "forward", "--retry", "12345", check=False)
        assert wrong.returncode == 2 and "Không có thư lỗi số «12345»" in wrong.stderr
        assert json.loads(run(hub, "hub", "forward", "--retry", "all", "--json").stdout) == {"requeued": 1}
        second = json.loads(run(hub, "hub", "forward", "--json", env=env).stdout)
        assert second["sent"] == 2
    assert json.loads(run(hub, "hub", "forward", "--status", "--json").stdout) == {"pending": 0, "sent": 2,
                                                                                   "dead": 0}
    assert code in portal.dossiers


@pytest.mark.parametrize(("text", "detail"), [
    ('adapter_url = "ftp://x"', "adapter_url must be an http(s) URL"),
    ('adapter_url = "https://x"\nmax_attempts = "ba"', "max_attempts must be a positive number"),
    ('adapter_url = "https://x"\npasword_env = "X"', "unknown keys: pasword_env"),
    ('adapter_url = "https://x"\n[status_codes]\naccepted = 2\n[field_codes]\nx = [1]', "ok"),
])
def test_a_wrong_settings_file_is_named_with_what_is_wrong(tmp_path: Path, text: str, detail: str) -> None:
    (tmp_path / "portal.toml").write_text(text, "utf-8")
    if detail == "ok":
        settings = portal_settings.load(tmp_path)
        assert settings is not None and settings.status_code("accepted") == "2"
        assert settings.status_code("returned") == "10"  # the defaults stay for what is not named
        return
    with pytest.raises(CounterError) as refused:
        portal_settings.load(tmp_path)
    assert "không hợp lệ" in refused.value.message("vi") and detail in refused.value.message("vi")


def test_an_unreadable_settings_file_stops_the_command_with_its_name(tmp_path: Path) -> None:
    hub = tmp_path / "hub"
    hub.mkdir()
    (hub / "portal.toml").write_text('adapter_url = "https://x', "utf-8")
    done = run(hub, "hub", "forward", check=False)
    assert done.returncode == 2
    assert f"{hub / 'portal.toml'} không hợp lệ: Unterminated string" in done.stderr

"""`counter-app scan / sign / timestamp / verify / export` end to end: files in, signed and time-stamped PDFs out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import ImageDraw

from tests.e2e.test_cli import run
from tests.pki import (
    P12_PASSPHRASE,
    SIGNER_NAME,
    SOFTHSM_MODULE,
    TOKEN_LABEL,
    TOKEN_PIN,
    Pki,
    softhsm_token,
    time_stamp_authority,
)
from tests.scanning.pages import text_page


@pytest.fixture
def data(tmp_path: Path) -> Path:
    run(tmp_path, "init", "--office-code", "000.00.12.H12", "--office-name",
        "Trung tâm Phục vụ hành chính công xã Tân Hòa", "--place-name", "Tân Hòa")
    return tmp_path


def _page(path: Path, text: str) -> Path:
    """A scanned A4 page at 200 dpi: a real form's text, and `text` on top."""
    image = text_page(200)
    ImageDraw.Draw(image).text((200, 100), text, fill=0)
    image.save(path, dpi=(200, 200))
    return path


def test_import_sign_timestamp_verify_and_export(data: Path, tmp_path: Path, pki: Pki) -> None:
    code = run(data, "intake", "--procedure", "1.004873", "--name", "Lê Thị Thu Hà", "--id-number",
               "079195000123").stdout.split()[0]
    pages = [_page(tmp_path / f"p{n}.png", f"Trang {n}") for n in (1, 2)]
    filed = json.loads(run(data, "scan", code, "--document", "1", "--source", *map(str, pages), "--json").stdout)
    assert filed["signed"] is False and filed["position"] == 1
    signed = json.loads(run(data, "sign", code, "--pkcs12", str(pki.p12), "--pin-env", "P12PIN", "--json",
                            env={"P12PIN": P12_PASSPHRASE}).stdout)
    assert [copy["signed"] for copy in signed] == [True] and signed[0]["timestamp_pending"]
    again = run(data, "sign", code, "--pkcs12", str(pki.p12), "--pin-env", "P12PIN", check=False,
                env={"P12PIN": P12_PASSPHRASE})
    assert again.returncode == 2 and "không có bản số hóa nào chưa ký" in again.stderr
    with time_stamp_authority(pki) as url:
        stamped = json.loads(run(data, "timestamp", "--tsa", url, "--trust", str(pki.folder / "root.pem"),
                                 "--json").stdout)
    assert [copy["timestamp_pending"] for copy in stamped] == [False]
    exported = json.loads(run(data, "export", code, "--to", str(tmp_path / "out"), "--json").stdout)
    assert len(exported) == 1 and Path(exported[0]).name.startswith("01 - ")
    report = json.loads(run(data, "verify", exported[0], "--trust", str(pki.folder / "root.pem"), "--json").stdout)
    kinds = [(s["kind"], s["intact"], s["trusted"], s["modified_after"]) for s in report["signatures"]]
    assert kinds == [("signature", True, True, False), ("timestamp", True, True, False)]
    assert report["signatures"][0]["signer"] == SIGNER_NAME
    assert report["signatures"][0]["long_term"]  # B-LTA: the CRL fetched at upgrade time is inside the file
    events = json.loads(run(data, "dossier", "show", code, "--json").stdout)["events"]
    assert [e["type"] for e in events].count("document_filed") == 3  # scanned, signed, time-stamped


def test_token_signing_and_clear_errors(data: Path, tmp_path: Path, pki: Pki) -> None:
    code = run(data, "intake", "--procedure", "1.004873", "--name", "Lê Thị Thu Hà", "--id-number",
               "079195000123").stdout.split()[0]
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    bad = run(data, "scan", code, "--document", "1", "--source", str(broken), check=False)
    assert bad.returncode == 2 and "Không đọc được ảnh" in bad.stderr and "Traceback" not in bad.stderr
    unknown = run(data, "scan", code, "--document", "Giấy khai sinh", "--source", str(_page(tmp_path / "a.png", "x")),
                  check=False)
    assert unknown.returncode == 2 and "Hồ sơ không có giấy tờ «Giấy khai sinh»" in unknown.stderr
    run(data, "scan", code, "--document", "tờ khai cấp giấy xác nhận tình trạng hôn nhân", "--source",
        str(_page(tmp_path / "b.png", "to khai")))
    env = softhsm_token(pki)
    wrong = run(data, "sign", code, "--pkcs11-lib", str(SOFTHSM_MODULE), "--token", TOKEN_LABEL, "--pin-env", "PIN",
                check=False, env={**env, "PIN": "000000"})
    assert wrong.returncode == 2 and "Không mở được token" in wrong.stderr and "000000" not in wrong.stderr
    signed = json.loads(run(data, "sign", code, "--pkcs11-lib", str(SOFTHSM_MODULE), "--token", TOKEN_LABEL,
                            "--key-label", "signer", "--pin-env", "PIN", "--json",
                            env={**env, "PIN": TOKEN_PIN}).stdout)
    assert signed[0]["signed"]
    down = run(data, "timestamp", "--tsa", "http://127.0.0.1:9/", check=False)
    assert down.returncode == 2 and "sẽ thử lại sau" in down.stderr
    still = json.loads(run(data, "dossier", "show", code, "--json").stdout)["documents"]
    assert [d["timestamp_pending"] for d in still if d["blob_sha256"]] == [True]  # remembered for the retry
    not_a_root = run(data, "timestamp", "--tsa", "http://127.0.0.1:9/", "--trust", str(pki.signer_key_der),
                     check=False)  # a private key dropped among the trusted roots
    assert not_a_root.returncode == 2 and "chứng thư số gốc không đọc được" in not_a_root.stderr




def test_scan_from_the_sane_test_device_and_from_an_escl_scanner(data: Path) -> None:
    from tests.pdftools import info  # noqa: PLC0415
    from tests.scanning.escl_server import escl_scanner  # noqa: PLC0415

    code = run(data, "intake", "--procedure", "1.004873", "--name", "Lê Thị Thu Hà", "--id-number",
               "079195000123", "--documents", "1,2").stdout.split()[0]
    low = run(data, "scan", code, "--document", "1", "--source", "test", "--dpi", "150", "--feeder",
              "--sane-option=--test-picture=Color pattern", check=False)
    assert low.returncode == 2  # ten sheets from the test device's feeder, all below the archival minimum
    assert low.stderr.startswith("Có trang chưa đạt, cần quét lại — trang 1: Độ phân giải dưới 200 dpi")
    assert "; 10: Độ phân giải dưới 200 dpi" in low.stderr
    pattern = json.loads(run(data, "scan", code, "--document", "1", "--source", "test", "--dpi", "200",
                             "--sane-option=--test-picture=Color pattern", "--json").stdout)
    assert pattern["position"] == 1 and not pattern["signed"]  # a colour pattern: judged on resolution only
    with escl_scanner() as (url, _state):
        fed = json.loads(run(data, "scan", code, "--document", "1", "--source", url, "--dpi", "300", "--feeder",
                             "--json").stdout)
        flat = json.loads(run(data, "scan", code, "--document", "2", "--source", url, "--dpi", "200",
                              "--json").stdout)
    exported = json.loads(run(data, "export", code, "--to", str(data / "out"), "--json").stdout)
    assert (fed["position"], flat["position"]) == (1, 2) and len(exported) == 2
    assert info(Path(exported[0]))["Pages"] == 3  # the whole feeder
    width_mm = float(str(info(Path(exported[1]))["Page size"]).split()[0]) / 72 * 25.4
    assert round(width_mm) == 210  # kept at its true size
    assert Path(exported[0]).stat().st_size < 3 * 150_000  # three colour pages with a red seal each
    assert Path(exported[1]).stat().st_size < 150_000

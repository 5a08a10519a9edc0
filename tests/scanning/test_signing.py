"""PAdES signing with a PKCS#12 file and a SoftHSM2 token, a later document time-stamp, and validation by
pyHanko and by poppler's pdfsig; a tampered file must be reported as modified."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.errors import AuthError, CounterError
from counter_app.messages import render
from scanning.signing import Pkcs11Token, Pkcs12File, StampText, open_signer, sign_pdf
from scanning.timestamping import add_document_timestamp
from scanning.verification import verify
from tests.pdftools import text_of
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

STAMP = StampText(office="Trung tâm Phục vụ hành chính công xã Tân Hòa", location="Tân Hòa")



@pytest.fixture(scope="module")
def unsigned(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A real two-page PDF: the receipt form of the printing issue."""
    from counter_app.forms import Form  # noqa: PLC0415
    from counter_app.services import printouts  # noqa: PLC0415
    from counter_app.services.office import initialise  # noqa: PLC0415
    from counter_app.storage.database import Database  # noqa: PLC0415
    from printing.render import render  # noqa: PLC0415
    from tests.conftest import OFFICE  # noqa: PLC0415
    from tests.samples import make_samples  # noqa: PLC0415

    database = Database.open(tmp_path_factory.mktemp("db"))
    try:
        initialise(database, OFFICE)
        refs = make_samples(database)
        return render(printouts.form_context(database, refs["accepted"], Form.RECEIPT))
    finally:
        database.dispose()


@pytest.fixture(scope="module")
def token(pki: Pki) -> Iterator[None]:
    if not SOFTHSM_MODULE.exists():
        pytest.fail("SoftHSM2 is missing: `make test` installs softhsm2 and opensc")
    env = softhsm_token(pki)
    old = os.environ.get("SOFTHSM2_CONF")
    os.environ.update(env)
    yield
    if old is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = old


def _pdfsig(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "checked.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfsig", "-nocert", str(path)], capture_output=True, text=True, check=False).stdout


def test_pkcs12_signature_is_intact_trusted_and_shows_a_vietnamese_stamp(pki: Pki, unsigned: bytes,
                                                                         tmp_path: Path) -> None:
    with open_signer(Pkcs12File(pki.p12), P12_PASSPHRASE) as signer:
        signed = sign_pdf(unsigned, signer, STAMP)
    assert signed.startswith(unsigned)  # an incremental update: the original bytes are untouched
    [report] = verify(signed, [pki.root])
    assert (report.kind, report.signer, report.intact, report.trusted, report.modified_after) == (
        "signature", SIGNER_NAME, True, True, False)
    assert not verify(signed)[0].trusted  # without the root, intact but not trusted
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    stamp_text = text_of(path, page=2)
    assert f"Ký bởi: {SIGNER_NAME}" in stamp_text and "Thời gian:" in stamp_text
    assert "Trung tâm Phục vụ hành chính công xã Tân Hòa" in stamp_text
    checked = _pdfsig(signed, tmp_path)
    assert "Signature is Valid." in checked and SIGNER_NAME in checked


def test_wrong_passphrase_is_a_clear_error(pki: Pki) -> None:
    with pytest.raises(AuthError) as caught, open_signer(Pkcs12File(pki.p12), "sai"):
        pass
    assert "Sai mật khẩu" in caught.value.message("vi")


def test_softhsm_token_signs_and_a_timestamp_upgrade_keeps_it_valid(pki: Pki, unsigned: bytes, token: None,
                                                                    tmp_path: Path) -> None:
    source = Pkcs11Token(SOFTHSM_MODULE, TOKEN_LABEL, key_label="signer")
    with open_signer(source, TOKEN_PIN) as signer:
        signed = sign_pdf(unsigned, signer, STAMP)
    [report] = verify(signed, [pki.root])
    assert report.signer == SIGNER_NAME and report.valid and report.trusted
    assert not report.long_term  # B-B: nothing in the file proves the certificate was not revoked
    with time_stamp_authority(pki) as url:
        upgrade = add_document_timestamp(signed, url, [pki.root])  # the office's trusted roots
    upgraded = upgrade.pdf
    assert upgrade.validation_data and upgraded.startswith(signed)
    reports = verify(upgraded, [pki.root])
    assert [r.kind for r in reports] == ["signature", "timestamp"]
    assert all(r.intact and not r.modified_after for r in reports)
    assert reports[1].trusted
    assert reports[0].long_term  # B-LTA: the CRL is in the file's DSS, checked with no fetching allowed
    assert b"/DSS" in upgraded[len(signed):] and b"/CRLs" in upgraded[len(signed):]
    checked = _pdfsig(upgraded, tmp_path)
    first, second = checked.split("Signature #2:")
    assert "Signature is Valid." in first  # poppler still accepts the first signature after the upgrade
    assert "Counter Test TSA" in second and "Total document signed" in second  # the time-stamp covers all


def test_wrong_token_pin_is_a_clear_error(pki: Pki, token: None) -> None:
    with pytest.raises(AuthError) as caught, open_signer(Pkcs11Token(SOFTHSM_MODULE, TOKEN_LABEL), "000000"):
        pass
    assert "Không mở được token «VNCA-TEST»" in caught.value.message("vi")


def test_unreachable_authority_leaves_the_upgrade_pending(pki: Pki, unsigned: bytes) -> None:
    with open_signer(Pkcs12File(pki.p12), P12_PASSPHRASE) as signer:
        signed = sign_pdf(unsigned, signer, STAMP)
    with pytest.raises(CounterError) as caught:
        add_document_timestamp(signed, "http://127.0.0.1:9/", [pki.root], timeout=3)
    assert caught.value.key == "timestamp.failed"


def test_unreachable_revocation_data_still_gets_a_time_stamp(pki: Pki, unsigned: bytes, tmp_path: Path) -> None:
    from tests.pki import make_pki  # noqa: PLC0415

    offline_ca = make_pki(tmp_path / "offline-ca", "http://127.0.0.1:9/")  # its CRL cannot be fetched
    with open_signer(Pkcs12File(offline_ca.p12), P12_PASSPHRASE) as signer:
        signed = sign_pdf(unsigned, signer, STAMP)
    with time_stamp_authority(pki) as url:
        upgrade = add_document_timestamp(signed, url, [offline_ca.root], timeout=3)
    assert not upgrade.validation_data  # B-T only: said so, not hidden
    reports = verify(upgrade.pdf, [offline_ca.root, pki.root])
    assert [(r.kind, r.valid, r.long_term) for r in reports] == [("signature", True, False), ("timestamp", True, False)]


def test_tampered_pdf_is_reported_as_modified(pki: Pki, unsigned: bytes, tmp_path: Path) -> None:
    with open_signer(Pkcs12File(pki.p12), P12_PASSPHRASE) as signer:
        signed = sign_pdf(unsigned, signer, STAMP)
    position = signed.index(b"/Title") + 8  # a byte inside the signed range: the document's title
    tampered = signed[:position] + bytes([signed[position] ^ 0x01]) + signed[position + 1:]
    [report] = verify(tampered, [pki.root])
    assert not report.valid
    assert "Signature is Valid." not in _pdfsig(tampered, tmp_path)
    assert verify(b"not a pdf") == []


def test_verify_command_reports_signer_time_and_state(pki: Pki, unsigned: bytes, tmp_path: Path) -> None:
    import json  # noqa: PLC0415
    import sys  # noqa: PLC0415

    with open_signer(Pkcs12File(pki.p12), P12_PASSPHRASE) as signer:
        signed = sign_pdf(unsigned, signer, STAMP)
    good, bad = tmp_path / "good.pdf", tmp_path / "bad.pdf"
    good.write_bytes(signed)
    position = signed.index(b"/Title") + 8
    bad.write_bytes(signed[:position] + bytes([signed[position] ^ 0x01]) + signed[position + 1:])

    def run(path: Path) -> tuple[int, dict[str, object], str]:
        done = subprocess.run([sys.executable, "-m", "counter_app.cli", "verify", str(path), "--json", "--trust",
                               str(pki.folder / "root.pem")], capture_output=True, text=True, timeout=120, check=False)
        return done.returncode, dict(json.loads(done.stdout)), done.stderr

    code, answer, stderr = run(good)
    [report] = answer["signatures"]  # type: ignore[misc]
    assert code == 0 and stderr == ""
    assert report["signer"] == SIGNER_NAME and report["intact"] and report["trusted"]
    assert not report["modified_after"] and str(report["signed_at"]).endswith("+07:00")
    code, answer, stderr = run(bad)
    [broken] = answer["signatures"]  # type: ignore[misc]
    assert not (broken["intact"] and not broken["modified_after"])
    assert code == 1 and stderr == render("verify.broken", "vi") + "\n"  # the reason, no pyHanko traceback
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"%PDF-1.7\nthis is no PDF at all")
    code, answer, stderr = run(fake)
    assert code == 1 and answer["signatures"] == [] and stderr == render("verify.not_pdf", "vi") + "\n"

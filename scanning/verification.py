"""Checking the signatures in a PDF: who signed, when, whether the file is intact or was modified afterwards."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import pem, x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.general import CMSExtractionError, CMSStructuralError
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko_certvalidator import ValidationContext

from counter_app.errors import StorageError, ValidationError
from counter_app.messages import os_reason

_CERT_SUFFIXES = {".pem", ".crt", ".cer", ".der"}
_HARMLESS = {ModificationLevel.NONE, ModificationLevel.LTA_UPDATES}
for _library in ("pyhanko", "pyhanko_certvalidator"):  # what they log is in our report: no stderr noise
    logging.getLogger(_library).addHandler(logging.NullHandler())


@dataclass(frozen=True)
class SignatureReport:
    """One signature or document time-stamp of a PDF, as the dossier view shows it."""

    field: str
    kind: str  # "signature" or "timestamp"
    signer: str
    signed_at: dt.datetime | None
    intact: bool
    trusted: bool
    modified_after: bool
    timestamped: bool
    long_term: bool = False  # the file itself holds what proves the signer's certificate was not revoked

    @property
    def valid(self) -> bool:
        return self.intact and not self.modified_after


@dataclass(frozen=True)
class Verdict:
    """A file's signatures and, when any is broken or the file is no PDF, the reason (a message key)."""

    file: str
    signatures: list[SignatureReport]
    problem: str = ""

    @property
    def failed(self) -> bool:
        return bool(self.problem)


def verdict(name: str, pdf: bytes, trust_roots: Iterable[x509.Certificate] = ()) -> Verdict:
    """`verify`, with the reason a file fails: not a PDF, or a signature broken or modified after signing."""
    if not _readable_pdf(pdf):
        return Verdict(name, [], "verify.not_pdf")
    reports = verify(pdf, trust_roots)
    broken = [report for report in reports if not report.valid]
    return Verdict(name, reports, "verify.broken" if broken else "")


def _readable_pdf(pdf: bytes) -> bool:
    try:
        PdfFileReader(io.BytesIO(pdf), strict=False).root  # noqa: B018 (reading the catalogue parses the file)
    except Exception:  # pyHanko raises many kinds for a file that is no PDF
        return False
    return pdf.lstrip()[:5] == b"%PDF-"


def load_certificate(data: bytes) -> x509.Certificate:
    """A certificate from PEM or DER bytes; ValueError for anything else (a key, a CRL, garbage)."""
    if data.lstrip().startswith(b"-----BEGIN"):
        _, _, data = pem.unarmor(data)
    certificate = x509.Certificate.load(data)
    _ = certificate.native  # asn1crypto parses lazily: read it all now, so a wrong file fails here
    return certificate


def trust_folder(data_dir: Path) -> Path:
    """Where an office keeps the root certificates it trusts (the national and licensed CAs' roots)."""
    return data_dir / "trust"


def office_roots(data_dir: Path) -> list[x509.Certificate]:
    """The roots in the data folder's trust folder; none when it does not exist."""
    folder = trust_folder(data_dir)
    return load_roots([folder]) if folder.is_dir() else []


def load_roots(paths: Iterable[Path]) -> list[x509.Certificate]:
    """The trusted root certificates in `paths`: files, or folders of .pem/.crt/.cer/.der files."""
    files = [found for path in paths
             for found in (sorted(p for p in path.iterdir() if p.suffix.lower() in _CERT_SUFFIXES)
                           if path.is_dir() else [path])]
    try:
        return [load_certificate(path.read_bytes()) for path in files]
    except OSError as error:
        raise StorageError("file.unreadable", path=str(error.filename), reason=os_reason(error)) from error
    except ValueError as error:
        raise ValidationError("certificate.unreadable", reason=str(error)[:200]) from error


def verify(pdf: bytes, trust_roots: Iterable[x509.Certificate] = ()) -> list[SignatureReport]:
    """Every signature in `pdf`; `trusted` only against `trust_roots` (offline: no fetching of CRL/OCSP)."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception:  # not a PDF, or one broken beyond reading: there is nothing signed to report
        return []
    roots = list(trust_roots)
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    store = _security_store(reader)
    reports = [_report(signature, context) for signature in embedded]
    if store is None or not roots:
        return reports
    return [dataclasses.replace(report, long_term=_proven_offline(signature, store, roots))
            if report.kind == "signature" and report.trusted else report
            for report, signature in zip(reports, embedded, strict=True)]


def _security_store(reader: PdfFileReader) -> DocumentSecurityStore | None:
    try:
        return DocumentSecurityStore.read_dss(reader)
    except Exception:  # no DSS, or an unreadable one: nothing long-term to show
        return None


def _proven_offline(signature: EmbeddedPdfSignature, store: DocumentSecurityStore,
                    roots: list[x509.Certificate]) -> bool:
    """True when the signature validates with revocation checking required and nothing but the file's own DSS."""
    context = store.as_validation_context({"trust_roots": roots, "allow_fetching": False,
                                           "revocation_mode": "hard-fail"})
    try:
        status = validate_pdf_signature(signature, context)
    except Exception:  # a validation that cannot complete proves nothing
        return False
    return bool(status.intact and status.valid and status.trusted)


def _report(signature: object, context: ValidationContext) -> SignatureReport:
    is_timestamp = getattr(signature, "sig_object_type", None) == "/DocTimeStamp"
    try:
        status = (validate_pdf_timestamp(signature, context) if is_timestamp  # type: ignore[arg-type]
                  else validate_pdf_signature(signature, context))  # type: ignore[arg-type]
    except (CMSExtractionError, CMSStructuralError, ValueError, KeyError):
        return SignatureReport(str(getattr(signature, "field_name", "")), "timestamp" if is_timestamp else "signature",
                               "", None, intact=False, trusted=False, modified_after=True, timestamped=False)
    level = getattr(status, "modification_level", None)
    certificate = status.signing_cert
    name = certificate.subject.native.get("common_name", "") if certificate is not None else ""
    when = getattr(status, "signer_reported_dt", None) or getattr(status, "timestamp", None)
    stamp = getattr(status, "timestamp_validity", None)
    return SignatureReport(
        field=str(getattr(signature, "field_name", "")), kind="timestamp" if is_timestamp else "signature",
        signer=str(name), signed_at=when, intact=bool(status.intact and status.valid), trusted=bool(status.trusted),
        modified_after=level is not None and level not in _HARMLESS and not _only_form_filling(status),
        timestamped=stamp is not None or is_timestamp,
    )


def _only_form_filling(status: object) -> bool:
    """Signing a second time (a new signature field) is an allowed change, not a modification."""
    return getattr(status, "modification_level", None) == ModificationLevel.FORM_FILLING

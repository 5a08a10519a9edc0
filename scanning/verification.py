"""Checking the signatures in a PDF: who signed, when, whether the file is intact or was modified afterwards."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass

from asn1crypto import pem, x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.general import CMSExtractionError, CMSStructuralError
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko_certvalidator import ValidationContext

_HARMLESS = {ModificationLevel.NONE, ModificationLevel.LTA_UPDATES}


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

    @property
    def valid(self) -> bool:
        return self.intact and not self.modified_after


def load_certificate(data: bytes) -> x509.Certificate:
    """A certificate from PEM or DER bytes."""
    if data.lstrip().startswith(b"-----BEGIN"):
        _, _, data = pem.unarmor(data)
    return x509.Certificate.load(data)


def verify(pdf: bytes, trust_roots: Iterable[x509.Certificate] = ()) -> list[SignatureReport]:
    """Every signature in `pdf`; `trusted` only against `trust_roots` (offline: no fetching of CRL/OCSP)."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception:  # not a PDF, or one broken beyond reading: there is nothing signed to report
        return []
    context = ValidationContext(trust_roots=list(trust_roots), allow_fetching=False)
    return [_report(signature, context) for signature in embedded]


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

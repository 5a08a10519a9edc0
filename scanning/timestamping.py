"""Upgrading a signed PDF when a time-stamp authority is reachable: validation data for each signature in the
document security store (B-LT), then a document time-stamp over everything (B-LTA)."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Iterable
from dataclasses import dataclass

from asn1crypto import x509
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers, timestamps
from pyhanko.sign.validation.dss import DocumentSecurityStore, async_add_validation_info
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.fetchers.aiohttp_fetchers import AIOHttpFetcherBackend

from counter_app.errors import CounterError


@dataclass(frozen=True)
class Upgrade:
    pdf: bytes
    validation_data: bool  # revocation data for every signature is now inside the file (long-term, B-LTA)


def add_document_timestamp(pdf: bytes, tsa_url: str, trust_roots: Iterable[x509.Certificate] = (),
                           timeout: float = 15) -> Upgrade:
    """`pdf` with validation data where it can be fetched, then an RFC 3161 document time-stamp appended.

    Earlier signatures stay valid (incremental LTA updates). Without reachable CRL/OCSP the time-stamp is still
    added (B-T). Raises CounterError('timestamp.failed') when the authority cannot be reached or answers badly,
    so the caller keeps the upgrade pending and retries later."""
    with_data, complete = _with_validation_data(pdf, list(trust_roots), timeout)
    stamper = signers.PdfTimeStamper(timestamps.HTTPTimeStamper(tsa_url, timeout=int(timeout)))
    output = io.BytesIO()
    try:
        stamper.timestamp_pdf(IncrementalPdfFileWriter(io.BytesIO(with_data)), "sha256", output=output)
    except Exception as error:  # aiohttp, TSA and ASN.1 errors alike mean "not now"
        raise CounterError("timestamp.failed", reason=f"{type(error).__name__}: {error}"[:200]) from error
    return Upgrade(output.getvalue(), complete)


def _with_validation_data(pdf: bytes, trust_roots: list[x509.Certificate], timeout: float) -> tuple[bytes, bool]:
    """Each signature's chain and revocation data added to the DSS; False when some could not be fetched."""
    signatures = len(PdfFileReader(io.BytesIO(pdf), strict=False).embedded_regular_signatures)
    complete = signatures > 0
    for index in range(signatures):
        signature = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_regular_signatures[index]
        embedded = [choice.chosen for choice in signature.signed_data["certificates"]]
        roots = trust_roots + [cert for cert in embedded if cert.self_signed != "no"]
        try:
            pdf = asyncio.run(_add_validation_info(signature, roots, timeout))
        except Exception:  # the CA's CRL/OCSP is unreachable or the chain cannot be built: time-stamp without it
            complete = False
    return pdf, complete and _has_revocation_data(pdf)


async def _add_validation_info(signature: EmbeddedPdfSignature, roots: list[x509.Certificate],
                               timeout: float) -> bytes:
    fetchers = AIOHttpFetcherBackend(per_request_timeout=int(timeout))
    context = ValidationContext(trust_roots=roots, allow_fetching=True, revocation_mode="require",
                                fetcher_backend=fetchers)
    try:
        output = await async_add_validation_info(signature, context, output=io.BytesIO())
        return bytes(output.getvalue())
    finally:
        await fetchers.close()  # type: ignore[no-untyped-call]


def _has_revocation_data(pdf: bytes) -> bool:
    try:
        store = DocumentSecurityStore.read_dss(PdfFileReader(io.BytesIO(pdf), strict=False))
    except Exception:  # no DSS at all
        return False
    return bool(store.crls or store.ocsps)

"""Upgrading a signed PDF when a time-stamp authority is reachable: a document time-stamp over everything."""

from __future__ import annotations

import io

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers, timestamps

from counter_app.errors import CounterError


def add_document_timestamp(pdf: bytes, tsa_url: str, timeout: float = 15) -> bytes:
    """`pdf` with an RFC 3161 document time-stamp appended (earlier signatures stay valid: LTA update).

    Raises CounterError('timestamp.failed') when the authority cannot be reached or answers badly, so the
    caller keeps the upgrade pending and retries later."""
    stamper = signers.PdfTimeStamper(timestamps.HTTPTimeStamper(tsa_url, timeout=int(timeout)))
    output = io.BytesIO()
    try:
        stamper.timestamp_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), "sha256", output=output)
    except Exception as error:  # aiohttp, TSA and ASN.1 errors alike mean "not now"
        raise CounterError("timestamp.failed", reason=f"{type(error).__name__}: {error}"[:200]) from error
    return output.getvalue()

"""PAdES signatures with pyHanko: a PKCS#12 file or a PKCS#11 token, a visible Vietnamese stamp, B-B offline."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyhanko import stamp
from pyhanko.config.pkcs11 import TokenCriteria
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, pkcs11, signers

from counter_app.clock import local, now
from counter_app.errors import AuthError, ValidationError
from counter_app.paths import resource

STAMP_FONT = resource("fonts", "NotoSans-Regular.ttf")  # 1000 units per em, as pyHanko needs
STAMP_SIZE = 7
STAMP_WIDTH, STAMP_HEIGHT, STAMP_MARGIN = 235, 42, 14  # points; bottom-right corner of the last page


@dataclass(frozen=True)
class Pkcs12File:
    path: Path


@dataclass(frozen=True)
class Pkcs11Token:
    """A USB token through its vendor's PKCS#11 module; the first key and certificate unless labels say."""

    module: Path
    token_label: str
    key_label: str | None = None
    cert_label: str | None = None


KeySource = Pkcs12File | Pkcs11Token


@dataclass(frozen=True)
class StampText:
    """What the visible stamp says, besides the signer's name and the time."""

    office: str = ""
    reason: str = "Xác nhận số hóa hồ sơ tại Bộ phận tiếp nhận và trả kết quả"
    location: str = ""


@contextlib.contextmanager
def open_signer(source: KeySource, pin: str) -> Iterator[signers.Signer]:
    """The signer behind `source`, unlocked with `pin` (kept only for this block, never stored or logged)."""
    if isinstance(source, Pkcs12File):
        signer = signers.SimpleSigner.load_pkcs12(  # type: ignore[no-untyped-call]
            str(source.path), passphrase=pin.encode() if pin else None,
        )
        if signer is None:
            raise AuthError("sign.bad_pin")
        yield signer
        return
    try:
        session_manager = pkcs11.open_pkcs11_session(
            str(source.module), token_criteria=TokenCriteria(label=source.token_label), user_pin=pin,
        )
    except Exception as error:  # python-pkcs11 raises its own hierarchy; the clerk needs one plain message
        raise AuthError("sign.token_unavailable", token=source.token_label, reason=type(error).__name__) from error
    with session_manager as session:
        yield pkcs11.PKCS11Signer(session, cert_label=source.cert_label or source.key_label,
                                  key_label=source.key_label, other_certs_to_pull=None)


def signer_name(signer: signers.Signer) -> str:
    certificate = signer.signing_cert
    if certificate is None:
        raise ValidationError("sign.no_certificate")
    return str(certificate.subject.native.get("common_name", certificate.subject.human_friendly))


def sign_pdf(pdf: bytes, signer: signers.Signer, text: StampText, at: dt.datetime | None = None) -> bytes:
    """`pdf` signed PAdES B-B with a visible stamp on its last page: who, when (Vietnamese time), where."""
    moment = local(at or now())
    reader = PdfFileReader(io.BytesIO(pdf))
    field = f"Sig{len(reader.embedded_signatures) + 1}"
    last_page = int(reader.root["/Pages"]["/Count"]) - 1
    box = _stamp_box(reader, last_page)
    name = signer_name(signer)
    style = stamp.TextStampStyle(
        stamp_text="Ký bởi: %(who)s\nThời gian: %(when)s\n%(office)s",
        text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(str(STAMP_FONT), font_size=STAMP_SIZE),
                                    font_size=STAMP_SIZE),
        border_width=1,
    )
    metadata = signers.PdfSignatureMetadata(
        field_name=field, reason=text.reason, location=text.location or None, name=name,
        subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",
    )
    pdf_signer = signers.PdfSigner(metadata, signer=signer, stamp_style=style,
                                   new_field_spec=fields.SigFieldSpec(field, on_page=last_page, box=box))
    output = io.BytesIO()
    pdf_signer.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(pdf)), output=output,
        appearance_text_params={"who": name, "when": f"{moment:%H:%M %d/%m/%Y}", "office": text.office},
    )
    return output.getvalue()


def _stamp_box(reader: PdfFileReader, page: int) -> tuple[int, int, int, int]:
    """The stamp's rectangle inside the page, whatever its size (A4, A5, a scanned page)."""
    page_object = reader.find_page_for_modification(page)[0].get_object()  # type: ignore[no-untyped-call]
    media = [float(value) for value in _inherited(page_object, "/MediaBox")]
    right = int(media[2] - STAMP_MARGIN)
    bottom = int(media[1] + STAMP_MARGIN)
    return right - STAMP_WIDTH, bottom, right, bottom + STAMP_HEIGHT


def _inherited(page: Any, key: str) -> list[Any]:
    """A page attribute that may sit on the page or on one of its parents in the page tree."""
    node = page
    while node is not None:
        if key in node:
            return list(node[key])
        node = node.get("/Parent")
    return [0, 0, 595, 842]

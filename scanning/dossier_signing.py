"""Signing a dossier's digitised copies and upgrading the pending ones: what the app and the command line share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from asn1crypto import x509

from counter_app.errors import CounterError, ValidationError
from counter_app.services import documents, office
from counter_app.services.documents import FiledCopy
from counter_app.storage.database import Database
from scanning import signing
from scanning.file_import import page_count
from scanning.timestamping import add_document_timestamp


@dataclass(frozen=True)
class UpgradeRound:
    done: tuple[FiledCopy, ...]
    failed: CounterError | None  # the first failure; the copies after it were not tried


def sign_dossier(db: Database, ref: str, source: signing.KeySource, pin: str, actor: str) -> list[FiledCopy]:
    """Sign every unsigned digitised copy of `ref` (PAdES B-B); each then waits for a time-stamp."""
    unsigned = [copy for copy in documents.copies(db, ref) if not copy.signed]
    if not unsigned:
        raise ValidationError("sign.nothing", code=ref)
    where = office.get_office(db)
    stamp = signing.StampText(office=where.name, location=where.place_name)
    signed = []
    with signing.open_signer(source, pin) as signer:
        for copy in unsigned:
            pdf = signing.sign_pdf(documents.read_copy(db, copy), signer, stamp)
            signed.append(documents.file_copy(db, ref, str(copy.position), pdf, page_count(pdf), actor,
                                              signed=True, timestamp_pending=True))
    return signed


def upgrade_pending(db: Database, tsa_url: str, actor: str,
                    trust_roots: Sequence[x509.Certificate] = ()) -> UpgradeRound:
    """Add validation data and a time-stamp to each signed copy still waiting (B-LTA); stop at the first failure
    (the link is down) and keep the rest pending."""
    done: list[FiledCopy] = []
    for copy in documents.pending_timestamps(db):
        try:
            upgrade = add_document_timestamp(documents.read_copy(db, copy), tsa_url, trust_roots)
        except CounterError as error:
            return UpgradeRound(tuple(done), error)
        done.append(documents.file_copy(db, copy.dossier_code, str(copy.position), upgrade.pdf,
                                        page_count(upgrade.pdf), actor, signed=True, timestamp_pending=False))
    return UpgradeRound(tuple(done), None)

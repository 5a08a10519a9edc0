"""Pieces several per-dossier forms share: the applicant block, the barcode row, the reason paragraph."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from counter_app.forms import FormContext
from counter_app.lifecycle import Action
from counter_app.model import Dossier, DossierEvent
from printing.barcodes import Code128, QrCode
from printing.layout import Page, Styles, para, side_by_side
from printing.wording import Wording


def code_line(dossier: Dossier, phrases: Wording, styles: Styles) -> Flowable:
    line = phrases.text("code", code=dossier.code) if dossier.code else phrases.text("no_code")
    return para(line, styles.bold_centre)


def barcode_row(code: str, page: Page) -> Table:
    """Code 128 on the left, QR on the right, side by side under the title."""
    qr_size = 17 * mm
    return side_by_side([Code128(code, module=0.3 * mm, height=8 * mm), QrCode(code, size=qr_size)],
                        [page.width - qr_size, qr_size], valign="MIDDLE")


def applicant_block(dossier: Dossier, phrases: Wording, styles: Styles) -> list[Flowable]:
    """The applicant, the authorised representative when someone else submitted, and the procedure."""
    person = dossier.applicant
    lines = [phrases.text("applicant", name=person.full_name, id_number=person.id_number),
             phrases.text("address", address=person.address or phrases.text("dots")),
             phrases.text("contact", phone=person.phone or phrases.text("dots"),
                          email=person.email or phrases.text("dots")),
             *representative_lines(dossier, phrases),
             phrases.text("procedure", procedure=f"{dossier.procedure.name} ({dossier.procedure.code})")]
    return [para(line, styles.left) for line in lines]


def representative_lines(dossier: Dossier, phrases: Wording) -> list[str]:
    """Who submitted on the applicant's behalf and under which authorisation; nothing when the applicant came."""
    agent = dossier.submitter
    if agent is None or agent.id_number == dossier.applicant.id_number:
        return []
    return [phrases.text("representative", name=agent.full_name, id_number=agent.id_number),
            phrases.text("authorisation", reference=agent.authorisation or phrases.text("dots"))]


def submitter_name(dossier: Dossier) -> str:
    """Who handed the dossier in and signs for it: the representative, else the applicant."""
    return dossier.submitter.full_name if dossier.submitter else dossier.applicant.full_name


def appointment(dossier: Dossier) -> dt.datetime | None:
    """The appointment the counter gave (at acceptance, or anew when a supplement came in); an extension's
    new date is the apology's (Mẫu 04), not the receipt's."""
    for event in reversed(dossier.events):
        if event.type in (Action.ACCEPT, Action.SUPPLEMENT_RECEIVED) and event.payload.get("due_at"):
            return dt.datetime.fromisoformat(str(event.payload["due_at"]))
    return dossier.due_at


def form_label(phrases: Wording, styles: Styles) -> Flowable:
    return para(phrases.text("label"), styles.label)


def clerk_name(context: FormContext) -> str:
    return context.staff_name(context.event.actor) if context.event else ""


def last_transfer(dossier: Dossier) -> DossierEvent | None:
    """The latest hand-over to the processing office, if the dossier has been transferred."""
    transfers = [event for event in dossier.events if event.type is Action.TRANSFER]
    return transfers[-1] if transfers else None


def handling_office(dossier: Dossier) -> str:
    """Who the dossier was transferred to ("" before any transfer)."""
    transfer = last_transfer(dossier)
    return str(transfer.payload.get("to") or "") if transfer else ""


def reason_of(context: FormContext) -> str:
    return str(context.event.payload.get("reason", "")) if context.event else ""

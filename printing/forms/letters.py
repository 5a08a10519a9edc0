"""Pieces of the A5 notices (Mẫu 02–05): the opening, the address block, recipients with the signature, the PDF."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from counter_app.clock import local
from counter_app.forms import FormContext
from printing.forms.parts import code_line, form_label
from printing.layout import A5_PORTRAIT, Footer, Styles, build_pdf, national_header, para, side_by_side
from printing.wording import Wording
from printing.words import day_words


def opening(context: FormContext, phrases: Wording, styles: Styles) -> list[Flowable]:
    """Label, header dated the day of the event, title and code."""
    day = local(context.event.at).date() if context.event else context.printed_at.date()
    return [form_label(phrases, styles),
            national_header(styles, A5_PORTRAIT, context.office, phrases, phrases.text("number"), day),
            para(phrases.text("title"), styles.title), code_line(context.dossier, phrases, styles),
            Spacer(1, 2 * mm)]


def addressed(context: FormContext, phrases: Wording, styles: Styles) -> list[Flowable]:
    """'Kính gửi' the applicant, the address, and when and where the dossier was received."""
    dossier = context.dossier
    person = dossier.applicant
    return [para(phrases.text("to", name=person.full_name), styles.left, bold=True),
            para(phrases.text("address", address=person.address or phrases.text("dots")), styles.left),
            para(phrases.text("intro", accepted=day_words(phrases, dossier.accepted_at or dossier.submitted_at),
                              office=context.office.name, procedure=dossier.procedure.name), styles.body)]


def recipients_and_signature(phrases: Wording, styles: Styles, title_key: str = "right_sign") -> Flowable:
    """'Nơi nhận' on the left; the signer's title, 'ký, ghi rõ họ tên và đóng dấu' and room to sign on the right."""
    recipients = [para(line, styles.small) for line in phrases.lines("recipients")]
    sign = [para(phrases.text(title_key), styles.bold_centre), para(phrases.text("sign_seal_hint"),
                                                                    styles.italic_centre),
            Spacer(1, 16 * mm)]
    table = side_by_side([recipients, sign], [A5_PORTRAIT.width * 0.45, A5_PORTRAIT.width * 0.55])
    return KeepTogether([Spacer(1, 2 * mm), table])


def moment(value: object) -> dt.datetime | None:
    """A date-time stored in an event's payload (ISO text)."""
    return dt.datetime.fromisoformat(str(value)) if value else None


def pdf(context: FormContext, phrases: Wording, story: list[Flowable]) -> bytes:
    label = context.dossier.code or ""
    return build_pdf(A5_PORTRAIT, story, phrases.text("title"), label, Footer(label, phrases))

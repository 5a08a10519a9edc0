"""Mẫu 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả, A5, in two copies (Liên 1 and Liên 2)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from counter_app.clock import local
from counter_app.forms import FormContext
from counter_app.lifecycle import Action
from counter_app.model import Delivery, Dossier, TimeUnit, procedure_channel
from printing.forms.parts import (
    applicant_block,
    appointment,
    barcode_row,
    clerk_name,
    code_line,
    form_label,
    submitter_name,
)
from printing.layout import A5_PORTRAIT, Footer, Styles, build_pdf, grid, national_header, para, signatures
from printing.wording import Wording, wording
from printing.words import document_name, fee_words, time_words


def render(context: FormContext) -> bytes:
    phrases = wording("01", context.form_set)
    styles = Styles(A5_PORTRAIT)
    story: list[Flowable] = []
    for index, copy in enumerate(phrases.lines("copies")):
        if index:
            story.append(PageBreak())
        story += _copy(context, phrases, styles, copy)
    code = context.dossier.code or ""
    return build_pdf(A5_PORTRAIT, story, phrases.text("title"), code, Footer(code))


def _copy(context: FormContext, phrases: Wording, styles: Styles, copy: str) -> list[Flowable]:
    dossier, office, page = context.dossier, context.office, A5_PORTRAIT
    assert dossier.code is not None and dossier.accepted_at is not None
    story: list[Flowable] = [
        form_label(phrases, styles),
        national_header(styles, page, office, phrases, phrases.text("number"), local(dossier.accepted_at).date()),
        para(phrases.text("title"), styles.title), code_line(dossier, phrases, styles),
        para(copy, styles.italic_centre), barcode_row(dossier.code, page),
        para(phrases.text("received_from", office=office.name), styles.left),
        *applicant_block(dossier, phrases, styles),
        *_postal_item(dossier, phrases, styles),
        para(phrases.text("item1"), styles.left), _documents(dossier, phrases, styles), Spacer(1, 1 * mm),
        para(phrases.text("item2", sets=1), styles.left),
        para(_processing_time(dossier, phrases), styles.left),
        para(phrases.text("item4", received=time_words(phrases, dossier.accepted_at)), styles.left),
        para(phrases.text("item5", due=time_words(phrases, appointment(dossier))), styles.left, bold=True),
        para(phrases.text("item6", where=_where(dossier, phrases, office.name)), styles.left),
        para(_fee(dossier, phrases), styles.left),
        para(_register_line(dossier, phrases), styles.left),
        signatures(styles, page, [
            (phrases.text("left_sign"), phrases.text("sign_hint"), submitter_name(dossier)),
            (phrases.text("right_sign"), phrases.text("sign_hint"), clerk_name(context)),
        ]),
        para(phrases.text("note", office=office.name), styles.small),
    ]
    return story


def _register_line(dossier: Dossier, phrases: Wording) -> str:
    """Book and number in the register: the year's, or the field's when the office keeps one per field."""
    accepted = [event for event in dossier.events if event.type is Action.ACCEPT]
    field = str(accepted[-1].payload.get("register_field") or "") if accepted else ""
    numbers = {"book": dossier.register_year or "", "number": dossier.register_number or ""}
    return phrases.text("register_field", field=field, **numbers) if field else phrases.text("register", **numbers)


def _postal_item(dossier: Dossier, phrases: Wording, styles: Styles) -> list[Flowable]:
    item = dossier.postal_item_in
    return [para(phrases.text("postal_in", item=item), styles.left)] if item else []


def _documents(dossier: Dossier, phrases: Wording, styles: Styles) -> Flowable:
    head = [para(title, styles.head) for title in phrases.lines("table")]
    rows = [[para(str(n), styles.cell_centre), para(document_name(doc.name), styles.cell),
             para(phrases.kind(doc.kind.value), styles.cell_centre), para(str(doc.copies), styles.cell_centre)]
            for n, doc in enumerate(dossier.documents, start=1)]
    width = A5_PORTRAIT.width
    return grid([head, *rows], [width * 0.08, width * 0.56, width * 0.22, width * 0.14])


def _processing_time(dossier: Dossier, phrases: Wording) -> str:
    """The time limit that applied (the dossier's case and channel), in the published words when unusual."""
    limit = dossier.procedure.terms_for(dossier.case_number, procedure_channel(dossier.channel)).time_limit
    if limit.unit is TimeUnit.SAME_DAY:
        return phrases.text("item3_same_day")
    if limit.unit is TimeUnit.WORKING_DAYS and float(limit.amount).is_integer():
        return phrases.text("item3", days=int(limit.amount))
    return phrases.text("item3_other", text=limit.text)


def _where(dossier: Dossier, phrases: Wording, office: str) -> str:
    if dossier.delivery is Delivery.POSTAL:
        return phrases.text("by_post", address=dossier.delivery_address)
    return phrases.text("at_counter", office=office)


def _fee(dossier: Dossier, phrases: Wording) -> str:
    fee = fee_words(dossier)
    return phrases.text("fee", fee=fee) if fee else phrases.text("no_fee")

"""Mẫu 02 (supplement request), 03 (refusal), 04 (apology and extension) and 05 (stop notice), all A5."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from counter_app.clock import local
from counter_app.forms import FormContext
from printing.forms.parts import applicant_block, clerk_name, code_line, form_label, reason_of
from printing.layout import (
    A5_PORTRAIT,
    Footer,
    Styles,
    build_pdf,
    grid,
    national_header,
    para,
    side_by_side,
    signatures,
)
from printing.wording import Wording, wording
from printing.words import day_words, time_words


def supplement(context: FormContext) -> bytes:
    """Mẫu 02: what the citizen must bring or complete, with the reason and who guides them."""
    phrases, styles, dossier = wording("02", context.form_set), Styles(A5_PORTRAIT), context.dossier
    story = [*_opening(context, phrases, styles), para(phrases.text("received_from", office=context.office.name),
                                                       styles.left),
             *applicant_block(dossier, phrases, styles), para(phrases.text("request"), styles.left),
             _to_complete(context, phrases, styles), Spacer(1, 1 * mm),
             *_reason_below_the_list(context, phrases, styles),
             para(phrases.text("guidance", clerk=clerk_name(context), office=context.office.name), styles.body),
             signatures(styles, A5_PORTRAIT, [("", "", ""), (phrases.text("right_sign"), phrases.text("sign_hint"),
                                                              clerk_name(context))])]
    return _pdf(context, phrases, story)


def refusal(context: FormContext) -> bytes:
    """Mẫu 03: the dossier is not accepted, and why."""
    phrases, styles, dossier = wording("03", context.form_set), Styles(A5_PORTRAIT), context.dossier
    story = [*_opening(context, phrases, styles), para(phrases.text("received_from", office=context.office.name),
                                                       styles.left),
             *applicant_block(dossier, phrases, styles),
             para(phrases.text("decision", office=context.office.name), styles.body),
             para(phrases.text("reason", reason=reason_of(context)), styles.body, bold=True),
             para(phrases.text("closing"), styles.body),
             signatures(styles, A5_PORTRAIT, [
                 (phrases.text("left_sign"), phrases.text("sign_hint"), dossier.applicant.full_name),
                 (phrases.text("right_sign"), phrases.text("sign_hint"), clerk_name(context))])]
    return _pdf(context, phrases, story)


def apology(context: FormContext) -> bytes:
    """Mẫu 04: the apology for the delay and the new appointment."""
    phrases, styles = wording("04", context.form_set), Styles(A5_PORTRAIT)
    payload = context.event.payload if context.event else {}
    previous, new_due = payload.get("previous_due_at"), payload.get("due_at")
    story = [*_opening(context, phrases, styles), *_addressed(context, phrases, styles),
             para(phrases.text("due", due=time_words(phrases, _moment(previous))), styles.left),
             para(phrases.text("late"), styles.body),
             para(phrases.text("reason", reason=reason_of(context)), styles.body),
             para(phrases.text("apology", office=context.office.name), styles.body),
             para(phrases.text("new_due", due=time_words(phrases, _moment(new_due))), styles.left, bold=True),
             _recipients_and_signature(context, phrases, styles)]
    return _pdf(context, phrases, story)


def stop_notice(context: FormContext) -> bytes:
    """Mẫu 05 (TT 03/2025): processing stopped, and why."""
    phrases, styles = wording("05", context.form_set), Styles(A5_PORTRAIT)
    story = [*_opening(context, phrases, styles), *_addressed(context, phrases, styles),
             para(phrases.text("decision", office=context.office.name), styles.body),
             para(phrases.text("reason", reason=reason_of(context)), styles.body, bold=True),
             para(phrases.text("closing"), styles.body), _recipients_and_signature(context, phrases, styles)]
    return _pdf(context, phrases, story)


def _opening(context: FormContext, phrases: Wording, styles: Styles) -> list[Flowable]:
    day = local(context.event.at).date() if context.event else context.printed_at.date()
    return [form_label(phrases, styles),
            national_header(styles, A5_PORTRAIT, context.office, phrases, phrases.text("number"), day),
            para(phrases.text("title"), styles.title), code_line(context.dossier, phrases, styles),
            Spacer(1, 2 * mm)]


def _addressed(context: FormContext, phrases: Wording, styles: Styles) -> list[Flowable]:
    dossier = context.dossier
    person = dossier.applicant
    return [para(phrases.text("to", name=person.full_name), styles.left, bold=True),
            para(phrases.text("address", address=person.address or phrases.text("dots")), styles.left),
            para(phrases.text("intro", accepted=day_words(phrases, dossier.accepted_at or dossier.submitted_at),
                              office=context.office.name, procedure=dossier.procedure.name), styles.body)]


def _to_complete(context: FormContext, phrases: Wording, styles: Styles) -> Flowable:
    """The documents to bring: those missing at the counter, else the reason given by the officer."""
    dossier = context.dossier
    names = _missing(context)
    required = {doc.name: doc for doc in dossier.procedure.documents}
    head = [para(title, styles.head) for title in phrases.lines("table")]
    rows = []
    for n, name in enumerate(names or [reason_of(context)], start=1):
        doc = required.get(name)
        kind = phrases.kind(doc.kind.value) if doc else ""
        rows.append([para(str(n), styles.cell_centre), para(name, styles.cell), para(kind, styles.cell_centre),
                     para(str(doc.quantity) if doc else "", styles.cell_centre)])
    width = A5_PORTRAIT.width
    return grid([head, *rows], [width * 0.08, width * 0.56, width * 0.22, width * 0.14])


def _reason_below_the_list(context: FormContext, phrases: Wording, styles: Styles) -> list[Flowable]:
    """The reason, unless the list above already is the reason (an officer's request after appraisal)."""
    return [para(phrases.text("reason", reason=reason_of(context)), styles.left)] if _missing(context) else []


def _missing(context: FormContext) -> list[str]:
    """The documents found missing at the counter (an officer's request after appraisal lists none)."""
    listed = context.event.payload.get("missing") if context.event else None
    return [str(name) for name in listed] if isinstance(listed, list) else []


def _recipients_and_signature(context: FormContext, phrases: Wording, styles: Styles) -> Flowable:
    recipients = [para(line, styles.small) for line in phrases.lines("recipients")]
    sign = [para(phrases.text("right_sign"), styles.bold_centre), para(phrases.text("sign_seal_hint"),
                                                                      styles.italic_centre),
            Spacer(1, 16 * mm)]
    table = side_by_side([recipients, sign], [A5_PORTRAIT.width * 0.45, A5_PORTRAIT.width * 0.55])
    return KeepTogether([Spacer(1, 2 * mm), table])


def _moment(value: object) -> dt.datetime | None:
    return dt.datetime.fromisoformat(str(value)) if value else None


def _pdf(context: FormContext, phrases: Wording, story: list[Flowable]) -> bytes:
    label = context.dossier.code or ""
    return build_pdf(A5_PORTRAIT, story, phrases.text("title"), label, Footer(label, phrases))

"""Mẫu 02 (supplement request), 03 (refusal), 04 (apology and extension) and 05 (stop notice), all A5."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from counter_app.forms import FormContext
from counter_app.model import StopRequester
from printing.forms import appraisal
from printing.forms.letters import addressed, moment, opening, pdf, recipients_and_signature
from printing.forms.parts import applicant_block, clerk_name, reason_of, submitter_name
from printing.layout import A5_PORTRAIT, Styles, grid, para, signatures
from printing.wording import Wording, wording
from printing.words import day_words, document_name, time_words


def supplement(context: FormContext) -> bytes:
    """Mẫu 02: what the citizen must bring or complete, with the reason and who guides them."""
    if appraisal.after_appraisal(context):
        return appraisal.supplement_request(context)
    phrases, styles, dossier = wording("02", context.form_set), Styles(A5_PORTRAIT), context.dossier
    story = [*opening(context, phrases, styles), para(phrases.text("received_from", office=context.office.name),
                                                       styles.left),
             *applicant_block(dossier, phrases, styles), para(phrases.text("request"), styles.left),
             _to_complete(context, phrases, styles), Spacer(1, 1 * mm),
             *_reason_below_the_list(context, phrases, styles),
             para(phrases.text("guidance", clerk=clerk_name(context), office=context.office.name,
                               phone=context.office.phone or phrases.text("dots")), styles.body),
             signatures(styles, A5_PORTRAIT, [("", "", ""), (phrases.text("right_sign"), phrases.text("sign_hint"),
                                                              clerk_name(context))])]
    return pdf(context, phrases, story)


def refusal(context: FormContext) -> bytes:
    """Mẫu 03: the dossier is not accepted, and why."""
    if appraisal.after_appraisal(context):
        return appraisal.refusal_notice(context)
    phrases, styles, dossier = wording("03", context.form_set), Styles(A5_PORTRAIT), context.dossier
    story = [*opening(context, phrases, styles), para(phrases.text("received_from", office=context.office.name),
                                                       styles.left),
             *applicant_block(dossier, phrases, styles),
             para(phrases.text("decision", office=context.office.name), styles.body),
             para(phrases.text("reason", reason=reason_of(context)), styles.body, bold=True),
             para(phrases.text("closing"), styles.body),
             signatures(styles, A5_PORTRAIT, [
                 (phrases.text("left_sign"), phrases.text("sign_hint"), submitter_name(dossier)),
                 (phrases.text("right_sign"), phrases.text("sign_hint"), clerk_name(context))])]
    return pdf(context, phrases, story)


def apology(context: FormContext) -> bytes:
    """Mẫu 04: the apology for the delay and the new appointment."""
    phrases, styles = wording("04", context.form_set), Styles(A5_PORTRAIT)
    payload = context.event.payload if context.event else {}
    previous, new_due = payload.get("previous_due_at"), payload.get("due_at")
    story = [*opening(context, phrases, styles), *addressed(context, phrases, styles),
             para(phrases.text("due", due=time_words(phrases, moment(previous))), styles.left),
             para(phrases.text("late"), styles.body),
             para(phrases.text("reason", reason=reason_of(context)), styles.body),
             para(phrases.text("apology", office=context.office.name), styles.body),
             para(phrases.text("new_due", due=time_words(phrases, moment(new_due))), styles.left, bold=True),
             recipients_and_signature(phrases, styles)]
    return pdf(context, phrases, story)


def stop_notice(context: FormContext) -> bytes:
    """Mẫu 05 (TT 03/2025): processing stopped at the applicant's request (Điều 7) or the office's, and why."""
    phrases, styles = wording("05", context.form_set), Styles(A5_PORTRAIT)
    payload = context.event.payload if context.event else {}
    if payload.get("requested_by") == StopRequester.APPLICANT.value:
        assert context.event is not None
        decision = phrases.text("applicant_request", requested=day_words(phrases, context.event.at),
                                office=context.office.name)
    else:  # the office's decision (also stops recorded before who asked was kept)
        decision = phrases.text("decision", office=context.office.name)
    story = [*opening(context, phrases, styles), *addressed(context, phrases, styles), para(decision, styles.body),
             para(phrases.text("reason", reason=reason_of(context)), styles.body, bold=True),
             para(phrases.text("closing"), styles.body), recipients_and_signature(phrases, styles)]
    return pdf(context, phrases, story)


def _to_complete(context: FormContext, phrases: Wording, styles: Styles) -> Flowable:
    """The documents to bring: those missing at the counter, else the reason given by the officer."""
    dossier = context.dossier
    names = _missing(context)
    case = dossier.procedure.case(dossier.case_number) if dossier.procedure.cases else None
    documents = case.documents if case else ()
    required = {doc.name: doc for doc in documents}
    groups = {doc.group: [d.name for d in documents if d.group == doc.group] for doc in documents if doc.group}
    head = [para(title, styles.head) for title in phrases.lines("table")]
    rows = []
    for n, name in enumerate(names or [reason_of(context)], start=1):
        doc = required.get(name)
        kind = phrases.kind(doc.kind.value) if doc else ""
        text = f"{name}: {'; '.join(groups[name])}" if name in groups else name  # an alternatives group
        rows.append([para(str(n), styles.cell_centre), para(document_name(text), styles.cell),
                     para(kind, styles.cell_centre), para(str(doc.quantity) if doc else "", styles.cell_centre)])
    width = A5_PORTRAIT.width
    return grid([head, *rows], [width * 0.08, width * 0.56, width * 0.22, width * 0.14])


def _reason_below_the_list(context: FormContext, phrases: Wording, styles: Styles) -> list[Flowable]:
    """The reason, unless the list above already is the reason (an officer's request after appraisal)."""
    return [para(phrases.text("reason", reason=reason_of(context)), styles.left)] if _missing(context) else []


def _missing(context: FormContext) -> list[str]:
    """The documents found missing at the counter (an officer's request after appraisal lists none)."""
    listed = context.event.payload.get("missing") if context.event else None
    return [str(name) for name in listed] if isinstance(listed, list) else []

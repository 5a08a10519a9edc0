"""Mẫu 02 and 03 after appraisal: the deciding office's request or refusal, sent to an applicant who is not at
the counter (no applicant's signature), signed by the person responsible in that office."""

from __future__ import annotations

from counter_app.forms import FormContext
from counter_app.lifecycle import Action
from printing.forms.letters import addressed, opening, pdf, recipients_and_signature
from printing.forms.parts import handling_office, reason_of
from printing.layout import A5_PORTRAIT, Styles, para
from printing.wording import wording

AFTER_APPRAISAL = frozenset({Action.REQUEST_SUPPLEMENT, Action.REFUSE})


def after_appraisal(context: FormContext) -> bool:
    """Whether the form answers the deciding office's appraisal (not the counter's check)."""
    return context.event is not None and context.event.type in AFTER_APPRAISAL


def supplement_request(context: FormContext) -> bytes:
    """Mẫu 02 after appraisal: what to complete, stated once, and where to bring it (the office's phone)."""
    phrases, styles, office = wording("02", context.form_set), Styles(A5_PORTRAIT), context.office
    story = [*opening(context, phrases, styles), *addressed(context, phrases, styles),
             para(phrases.text("appraised", handler=_handler(context, phrases.text("dots"))), styles.body),
             para(reason_of(context), styles.body, bold=True),
             para(phrases.text("appraised_guidance", office=office.name, phone=office.phone or phrases.text("dots")),
                  styles.body),
             recipients_and_signature(phrases, styles, "decider_sign")]
    return pdf(context, phrases, story)


def refusal_notice(context: FormContext) -> bytes:
    """Mẫu 03 after appraisal: the dossier does not qualify, and why, stated once."""
    phrases, styles = wording("03", context.form_set), Styles(A5_PORTRAIT)
    story = [*opening(context, phrases, styles), *addressed(context, phrases, styles),
             para(phrases.text("appraised", handler=_handler(context, phrases.text("dots"))), styles.body),
             para(reason_of(context), styles.body, bold=True),
             para(phrases.text("appraised_closing"), styles.body),
             recipients_and_signature(phrases, styles, "decider_sign")]
    return pdf(context, phrases, story)


def _handler(context: FormContext, unknown: str) -> str:
    return handling_office(context.dossier) or unknown

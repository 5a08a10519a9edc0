"""Mẫu 06 (TT 03/2025; Mẫu 05 of TT 01/2018), Phiếu kiểm soát quá trình giải quyết hồ sơ, A5."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from counter_app.clock import local
from counter_app.deadlines import timeliness
from counter_app.forms import FormContext
from counter_app.lifecycle import Action
from counter_app.model import DossierEvent
from printing.forms.parts import barcode_row, code_line, form_label, handling_office
from printing.layout import A5_PORTRAIT, Footer, Styles, build_pdf, grid, national_header, para, text
from printing.wording import Wording, wording
from printing.words import day_words, time_words

_HAND_OFFS = (Action.TRANSFER, Action.REQUEST_SUPPLEMENT, Action.SUPPLEMENT_RECEIVED, Action.RECORD_RESULT,
              Action.RETURN_RESULT)
_BLANK_ROWS = 3


def render(context: FormContext) -> bytes:
    phrases, styles, dossier, page = wording("06", context.form_set), Styles(A5_PORTRAIT), context.dossier, A5_PORTRAIT
    assert dossier.code is not None and dossier.accepted_at is not None
    handler = handling_office(dossier)
    story: list[Flowable] = [
        form_label(phrases, styles),
        national_header(styles, page, context.office, phrases, "", local(dossier.accepted_at).date()),
        para(phrases.text("title"), styles.title), code_line(dossier, phrases, styles),
        barcode_row(dossier.code, page),
        para(phrases.text("attached", name=dossier.applicant.full_name), styles.centre),
        para(phrases.text("procedure_line", procedure=f"{dossier.procedure.name} ({dossier.procedure.code})"),
             styles.left),
        para(phrases.text("dates", accepted=day_words(phrases, dossier.accepted_at),
                          due=time_words(phrases, dossier.due_at)), styles.left),
        para(phrases.text("handling", to=handler or phrases.text("dots")), styles.left), Spacer(1, 1 * mm),
        _table(context, phrases, styles, handler or phrases.text("handling_office")),
    ]
    return build_pdf(page, story, phrases.text("title"), dossier.code, Footer(dossier.code, phrases))


def _table(context: FormContext, phrases: Wording, styles: Styles, handling: str) -> Flowable:
    head = [para(title, styles.head) for title in phrases.lines("table")]
    rows = [_row(context, event, phrases, styles, handling)
            for event in context.dossier.events if event.type in _HAND_OFFS]
    blank = [para("", styles.cell)] * 4
    filler = [[para(phrases.text("give", time=phrases.text("dots")), styles.cell), *blank[1:]]] * _BLANK_ROWS
    width = A5_PORTRAIT.width
    return grid([head, *rows, *filler], [width * 0.24, width * 0.36, width * 0.2, width * 0.2])


def _row(context: FormContext, event: DossierEvent, phrases: Wording, styles: Styles,
         handling: str) -> list[Flowable]:
    """One hand-off: who gives to whom, when, both signatures, and the timeliness when the result comes back."""
    reception = phrases.text("reception")
    parties = {
        Action.TRANSFER: (reception, handling), Action.REQUEST_SUPPLEMENT: (handling, phrases.text("citizen")),
        Action.SUPPLEMENT_RECEIVED: (phrases.text("citizen"), handling), Action.RECORD_RESULT: (handling, reception),
        Action.RETURN_RESULT: (reception, phrases.text("citizen")),
    }
    giver, taker = parties[event.type]
    when = time_words(phrases, event.at)
    due = context.dossier.due_at
    result = timeliness(due, event.at).value if event.type is Action.RECORD_RESULT and due else ""
    note = str(event.payload.get("reason") or event.payload.get("note") or "")
    lines = [phrases.text("give", time=when), phrases.text("take", time=when),
             f"{phrases.text('giver')}: {context.staff_name(event.actor)}", f"{phrases.text('taker')}:"]
    moves = "<br/>".join(text(line) for line in lines)
    return [para(f"{giver} → {taker}", styles.cell), Paragraph(moves, styles.cell),
            para(result, styles.cell_centre), para(note, styles.cell)]

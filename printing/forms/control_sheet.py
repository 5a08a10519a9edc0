"""Mẫu 06 (TT 03/2025; Mẫu 05 of TT 01/2018), Phiếu kiểm soát quá trình giải quyết hồ sơ, A5.

Each hand-off takes two table rows: the parties ("1. Giao: …" / "2. Nhận: …"), the time across the two signature
columns, the result and the note spanning both; below the time, the signature cells "Người giao" / "Người nhận"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from counter_app.clock import local
from counter_app.deadlines import timeliness
from counter_app.forms import FormContext
from counter_app.lifecycle import TERMINAL, Action
from counter_app.model import Delivery, DossierEvent
from printing.fonts import REGULAR
from printing.forms.parts import barcode_row, code_line, form_label, handling_office
from printing.layout import A5_PORTRAIT, Footer, Styles, build_pdf, national_header, para, text
from printing.wording import Wording, wording
from printing.words import short_day, time_words

_HAND_OFFS = (Action.TRANSFER, Action.REQUEST_SUPPLEMENT, Action.SUPPLEMENT_RECEIVED, Action.REFUSE,
              Action.RECORD_RESULT, Action.RETURN_RESULT)
_WITH_RESULT = (Action.REFUSE, Action.RECORD_RESULT)
_EXPECTED = (Action.TRANSFER, Action.RECORD_RESULT, Action.RETURN_RESULT)  # the usual path, for blank rows
_SHARES = (0.23, 0.185, 0.185, 0.17, 0.23)  # name | giver | taker (the time spans both) | result | note
_SIGN_SPACE = 5 * mm
_CELL_CHARACTERS = 120  # a hand-off's two rows cannot split across pages: longer texts are cut in its cells


def _cell_text(value: str) -> str:
    """A party or a note as its cell holds it: cut with an ellipsis (the dossier keeps the whole text)."""
    return value if len(value) <= _CELL_CHARACTERS else value[:_CELL_CHARACTERS - 1] + "…"


@dataclass(frozen=True)
class HandOff:
    """One hand-off as printed: the two parties, when, who signed (names where the record says), result, note."""

    giver: str
    taker: str
    time: str
    giver_name: str = ""
    taker_name: str = ""
    result: str = ""
    note: str = ""


def render(context: FormContext) -> bytes:
    phrases, styles, dossier, page = wording("06", context.form_set), Styles(A5_PORTRAIT), context.dossier, A5_PORTRAIT
    assert dossier.code is not None and dossier.accepted_at is not None
    handler = handling_office(dossier)
    dots = phrases.text("dots")
    story: list[Flowable] = [
        form_label(phrases, styles),
        national_header(styles, page, context.office, phrases, "", local(dossier.accepted_at).date()),
        para(phrases.text("title"), styles.title), code_line(dossier, phrases, styles),
        barcode_row(dossier.code, page),
        para(phrases.text("attached", name=dossier.applicant.full_name), styles.centre),
        para(phrases.text("procedure_line", procedure=f"{dossier.procedure.name} ({dossier.procedure.code})"),
             styles.left),
        para(phrases.text("dates", accepted=short_day(dossier.accepted_at),
                          due=time_words(phrases, dossier.due_at)), styles.left),
        para(phrases.text("handling", to=handler or dots), styles.left),
        para(phrases.text("partners", to=dots), styles.left), Spacer(1, 1 * mm),
        table(hand_offs(context, phrases, handler or phrases.text("handling_office")), phrases, styles),
        Spacer(1, 1 * mm), KeepTogether([para(line, styles.small) for line in phrases.lines("footnotes")]),
    ]
    return build_pdf(page, story, phrases.text("title"), dossier.code, Footer(dossier.code, phrases))


def hand_offs(context: FormContext, phrases: Wording, handling: str) -> list[HandOff]:
    """The recorded hand-offs in order, then blank ones for the steps of the usual path still to come."""
    done = [_hand_off(context, event, phrases, handling) for event in context.dossier.events
            if event.type in _HAND_OFFS]
    if context.dossier.status in TERMINAL:
        return done
    seen = {event.type for event in context.dossier.events}
    blanks = max(1, sum(step not in seen for step in _EXPECTED))
    dots = phrases.text("dots")
    return done + [HandOff(dots, dots, phrases.text("time_dots"))] * blanks


def _hand_off(context: FormContext, event: DossierEvent, phrases: Wording, handling: str) -> HandOff:
    reception, citizen = phrases.text("reception"), phrases.text("citizen")
    actor = context.staff_name(event.actor)
    payload = event.payload
    due = context.dossier.due_at
    result = timeliness(due, event.at).value if event.type in _WITH_RESULT and due else ""
    note = str(payload.get("reason") or payload.get("note") or payload.get("postal_item") or "")
    when = time_words(phrases, event.at)
    if event.type is Action.TRANSFER:
        return HandOff(reception, handling, when, giver_name=actor, note=note)
    if event.type in (Action.REQUEST_SUPPLEMENT, Action.REFUSE):
        return HandOff(handling, reception, when, taker_name=actor, result=result, note=note)
    if event.type is Action.SUPPLEMENT_RECEIVED:  # the completed dossier goes back to the deciding office
        return HandOff(reception, handling, when, giver_name=actor, note=note)
    if event.type is Action.RECORD_RESULT:
        return HandOff(handling, reception, when, taker_name=actor, result=result, note=note)
    by_post = payload.get("delivery") == Delivery.POSTAL.value
    taker = phrases.text("post") if by_post else citizen
    return HandOff(reception, taker, when, giver_name=actor,
                   taker_name="" if by_post else str(payload.get("recipient_name") or ""), note=note)


def table(rows: list[HandOff], phrases: Wording, styles: Styles) -> Table:
    """The ruled table; the header repeats on a following page, and a hand-off's two rows stay together."""
    small = _smaller(styles.head)
    cell, centre = _smaller(styles.cell), _smaller(styles.cell_centre)
    titles = phrases.lines("table")
    head = [para(titles[0], small), para(titles[1], small), "", para(titles[2], small), para(titles[3], small)]
    data: list[list[object]] = [head]
    spans: list[Any] = [("SPAN", (1, 0), (2, 0))]
    for row in rows:
        top = len(data)
        parties = "<br/>".join(text(line) for line in (phrases.text("give", party=_cell_text(row.giver)),
                                                        phrases.text("take", party=_cell_text(row.taker))))
        data.append([Paragraph(parties, cell), para(row.time, centre), "", para(row.result, centre),
                     para(_cell_text(row.note), cell)])
        data.append(["", _signature(phrases.text("giver"), _cell_text(row.giver_name), small, centre),
                     _signature(phrases.text("taker"), _cell_text(row.taker_name), small, centre), "", ""])
        spans += [("SPAN", (1, top), (2, top)), ("VALIGN", (1, top + 1), (2, top + 1), "TOP")]
        spans += [("SPAN", (column, top), (column, top + 1)) for column in (0, 3, 4)]
    width = A5_PORTRAIT.width
    grid = Table(data, colWidths=[width * share for share in _SHARES], repeatRows=1)
    grid.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3), *spans,
    ]))
    return grid


def _signature(title: str, name: str, head: ParagraphStyle, centre: ParagraphStyle) -> list[Flowable]:
    """A signature cell: who signs, room to sign, and the name when the record says who it was."""
    return [para(title, head), Spacer(1, _SIGN_SPACE), para(name, centre) if name else Spacer(1, centre.leading)]


def _smaller(style: ParagraphStyle) -> ParagraphStyle:
    """The table's text a point smaller than the body, so that a usual history fits one A5 sheet."""
    return ParagraphStyle(f"{style.name}_table", parent=style, fontSize=8, leading=9.4)

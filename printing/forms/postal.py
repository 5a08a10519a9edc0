"""Biên bản giao nhận hồ sơ with the public postal service (QĐ 45/2016 Điều 7 and 9), both directions, A4."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from counter_app.forms import PostalDirection
from counter_app.lifecycle import Action, Status
from counter_app.model import Dossier
from counter_app.services.printouts import PostalContext
from printing.layout import A4_PORTRAIT, Footer, Styles, build_pdf, grid, national_header, para, signatures
from printing.wording import Wording, wording
from printing.words import time_words


def render(context: PostalContext) -> bytes:
    """The record; a batch's record is printed twice in one file, one copy for each side."""
    phrases, styles = wording("postal"), Styles(A4_PORTRAIT)
    story: list[Flowable] = []
    for copy in range(1, context.copies + 1):
        if copy > 1:
            story.append(PageBreak())
        label = phrases.lines("copy_labels")[copy - 1] if context.copies > 1 else ""
        story += _one_copy(context, phrases, styles, label)
    codes = context.batch_ref or ", ".join(d.code or str(d.id) for d in context.dossiers)
    footer = Footer(f"{phrases.text('title')} {context.batch_ref}".strip(), phrases)
    return build_pdf(A4_PORTRAIT, story, phrases.text("title"), codes, footer)


def _one_copy(context: PostalContext, phrases: Wording, styles: Styles, label: str) -> list[Flowable]:
    page, office = A4_PORTRAIT, context.office
    incoming = context.direction is PostalDirection.POST_TO_COUNTER
    post = (phrases.text("post_party_named", name=context.postal_worker) if context.postal_worker
            else phrases.text("post_party"))
    counter = phrases.text("office_party", clerk=context.clerk_name, office=office.name)
    giver, taker = (post, counter) if incoming else (counter, post)
    subtitle = phrases.text("subtitle_in" if incoming else "subtitle_out", office=office.name)
    number = phrases.text("number", ref=context.batch_ref) if context.batch_ref else ""
    story: list[Flowable] = [
        national_header(styles, page, office, phrases, number, context.printed_at.date()),
        para(phrases.text("title"), styles.title), para(subtitle, styles.italic_centre),
    ]
    if label:
        story.append(para(label, styles.italic_centre))
    story += [
        para(phrases.text("basis"), styles.small), Spacer(1, 4),
        para(phrases.text("opening", time=time_words(phrases, context.printed_at), office=office.name), styles.body),
        para(phrases.text("giver", party=giver), styles.left), para(phrases.text("taker", party=taker), styles.left),
        _table(context, phrases, styles, incoming), Spacer(1, 4),
        para(_checked(context, phrases, incoming), styles.body), para(phrases.text("copies"), styles.body),
        signatures(styles, page, [(phrases.text("left_sign"), phrases.text("sign_hint"), ""),
                                  (phrases.text("right_sign"), phrases.text("sign_hint"), "")]),
    ]
    return story


def _checked(context: PostalContext, phrases: Wording, incoming: bool) -> str:
    count = len(context.dossiers)
    if not context.batch_ref:
        return phrases.text("checked", count=count)
    if not incoming:
        return phrases.text("checked_out", count=count)
    sent_back = sum(1 for d in context.dossiers if d.status is Status.COUNTER_SUPPLEMENT)
    return phrases.text("checked_in", count=count, complete=count - sent_back, incomplete=sent_back)


def _table(context: PostalContext, phrases: Wording, styles: Styles, incoming: bool) -> Flowable:
    head = [para(title, styles.head) for title in phrases.lines("table")]
    rows = []
    for n, dossier in enumerate(context.dossiers, start=1):
        person = dossier.applicant.full_name if incoming else _recipient(dossier)
        item = dossier.postal_item_in if incoming else _item_out(dossier)
        code = dossier.code or (phrases.text("sent_back") if dossier.status is Status.COUNTER_SUPPLEMENT else "")
        cells = [str(n), code, dossier.procedure.name, person, item, str(sum(doc.copies for doc in dossier.documents))]
        rows.append([para(cell, styles.cell_centre if i in {0, 5} else styles.cell) for i, cell in enumerate(cells)])
    width = A4_PORTRAIT.width
    return grid([head, *rows], [width * share for share in (0.06, 0.29, 0.19, 0.18, 0.19, 0.09)])


def _returned(dossier: Dossier) -> dict[str, object]:
    events = [e for e in dossier.events if e.type is Action.RETURN_RESULT]
    return events[-1].payload if events else {}


def _recipient(dossier: Dossier) -> str:
    payload = _returned(dossier)
    return f"{payload.get('recipient_name') or dossier.applicant.full_name}, {payload.get('address') or ''}"


def _item_out(dossier: Dossier) -> str:
    return str(_returned(dossier).get("postal_item") or "")

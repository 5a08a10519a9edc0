"""The receipt slip on an 80 mm thermal roll: 72 mm printable, as long as it needs, bars on whole dots."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from counter_app.forms import FormContext
from counter_app.model import Delivery
from printing.barcodes import Code128, QrCode
from printing.forms.parts import appointment
from printing.layout import FRAME_PADDING, Page, Styles, build_pdf, issuing_office, para
from printing.wording import wording
from printing.words import fee_words, time_words

ROLL_WIDTH = 80 * mm
PRINTABLE = 72 * mm
DOT = 25.4 * mm / 203  # one dot of a 203 dpi head
MODULE = 2 * DOT


def render(context: FormContext) -> bytes:
    phrases, dossier, common = wording("thermal"), context.dossier, wording("01", context.form_set)
    assert dossier.code is not None
    probe = Page((ROLL_WIDTH, 1000 * mm), (4 * mm, 4 * mm, 3 * mm, 3 * mm), 9)
    styles = Styles(probe)
    bars = Code128(dossier.code, module=MODULE, height=10 * mm)
    if bars.length > PRINTABLE:
        bars = Code128(dossier.code, module=MODULE, height=10 * mm, vertical=True)
    where = phrases.text("at_counter" if dossier.delivery is Delivery.COUNTER else "by_post")
    fee = fee_words(dossier) or common.text("no_fee")
    story: list[Flowable] = [
        *[para(line.upper(), styles.centre) for line in (context.office.parent_body,) if line],
        para(issuing_office(context.office).upper(), styles.bold_centre),
        para(phrases.text("title"), styles.bold_centre),
        para(common.text("code", code=dossier.code), styles.bold_centre), Spacer(1, 2 * mm),
        _centred(QrCode(dossier.code, size=26 * mm)), Spacer(1, 2 * mm),
        para(phrases.text("applicant", name=dossier.applicant.full_name), styles.left),
        para(phrases.text("procedure", procedure=dossier.procedure.name), styles.left),
        para(phrases.text("documents", count=sum(d.copies for d in dossier.documents)), styles.left),
        para(phrases.text("received", time=time_words(common, dossier.accepted_at)), styles.left),
        para(phrases.text("due", time=time_words(common, appointment(dossier))), styles.left, bold=True),
        para(phrases.text("fee", fee=fee), styles.left), para(phrases.text("where", where=where), styles.left),
        Spacer(1, 2 * mm), _centred(bars), Spacer(1, 2 * mm), para(phrases.text("footer"), styles.small),
    ]
    height = sum(_height(item, probe.width) for item in story) + 2 * FRAME_PADDING + 12 * mm
    page = Page((ROLL_WIDTH, height), probe.margins, probe.body)
    return build_pdf(page, story, phrases.text("title"), dossier.code)


def _centred(item: Flowable) -> Flowable:
    item.hAlign = "CENTER"
    return item


def _height(item: Flowable, width: float) -> float:
    _, height = item.wrap(width, 10_000)
    return float(height) + float(item.getSpaceBefore()) + float(item.getSpaceAfter())

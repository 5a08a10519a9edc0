"""The register (Sổ theo dõi hồ sơ) for a date range: A4 landscape, paginated, header repeated on every page."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from counter_app.lifecycle import label
from counter_app.model import Dossier
from counter_app.services.printouts import RegisterContext
from printing.forms.parts import handling_office, last_transfer
from printing.layout import A4_LANDSCAPE, Footer, Styles, build_pdf, grid, national_header, para
from printing.wording import wording
from printing.words import short_day

_WIDTHS = (0.035, 0.145, 0.12, 0.045, 0.1, 0.12, 0.08, 0.065, 0.065, 0.07, 0.065, 0.05, 0.04)


def render(context: RegisterContext) -> bytes:
    phrases, styles, page = wording("register", context.form_set), Styles(A4_LANDSCAPE), A4_LANDSCAPE
    story: list[Flowable] = [
        para(phrases.text("label"), styles.label),
        national_header(styles, page, context.office, phrases, "", context.printed_at.date()),
        para(phrases.text("title"), styles.title),
        para(phrases.text("range", start=f"{context.start:%d/%m/%Y}", end=f"{context.end:%d/%m/%Y}"),
             styles.italic_centre),
        Spacer(1, 6),
    ]
    head = [para(title, styles.head) for title in phrases.lines("table")]
    rows = [_row(n, dossier, styles) for n, dossier in enumerate(context.dossiers, start=1)]
    widths = [page.width * share for share in _WIDTHS]
    story.append(grid([head, *rows], widths))
    story.append(para(phrases.text("total", count=len(rows)) if rows else phrases.text("empty"), styles.left))
    subject = f"{context.start:%d/%m/%Y} - {context.end:%d/%m/%Y}"
    return build_pdf(page, story, phrases.text("title"), subject, Footer(phrases.text("title"), phrases))


def _row(number: int, dossier: Dossier, styles: Styles) -> list[Flowable]:
    person = dossier.applicant
    contact = ", ".join(part for part in (person.address, person.phone) if part)
    transfer = last_transfer(dossier)
    cells = [str(dossier.register_number or number), dossier.code or "", dossier.procedure.name, "1",
             person.full_name, contact, handling_office(dossier), short_day(dossier.accepted_at),
             short_day(dossier.due_at),
             short_day(transfer.at) if transfer else "", short_day(dossier.returned_at), "",
             _note(dossier)]
    centred = {0, 3, 7, 8, 9, 10}
    return [para(cell, styles.cell_centre if i in centred else styles.cell) for i, cell in enumerate(cells)]


def _note(dossier: Dossier) -> str:
    return label(dossier.status)


"""The register (Sổ theo dõi hồ sơ) for a date range: A4 landscape, paginated, header repeated on every page;
one table per procedure field when the office keeps its registers by field."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from counter_app.lifecycle import label
from counter_app.model import Dossier
from counter_app.services.printouts import RegisterContext
from printing.forms.parts import handling_office, last_transfer
from printing.layout import A4_LANDSCAPE, Footer, Styles, build_pdf, grid, national_header, para
from printing.wording import Wording, wording
from printing.words import short_day

_WIDTHS = (0.035, 0.15, 0.105, 0.04, 0.09, 0.1, 0.075, 0.06, 0.06, 0.065, 0.07, 0.06, 0.045, 0.045)
_CENTRED = frozenset({0, 3, 7, 8, 9, 11})


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
    head = [para(title, styles.head) for title in headings(context)]
    widths = [page.width * share for share in _WIDTHS]
    for field, dossiers in context.books():
        if field:
            story.append(para(phrases.text("field", field=field), styles.bold_centre))
        rows = [_row(n, dossier, phrases, styles) for n, dossier in enumerate(dossiers, start=1)]
        story.append(grid([head, *rows], widths))
        story.append(para(phrases.text("total", count=len(rows)) if rows else phrases.text("empty"), styles.left))
        story.append(Spacer(1, 6))
    subject = f"{context.start:%d/%m/%Y} - {context.end:%d/%m/%Y}"
    return build_pdf(page, story, phrases.text("title"), subject, Footer(phrases.text("title"), phrases))


def _row(number: int, dossier: Dossier, phrases: Wording, styles: Styles) -> list[Flowable]:
    return [para(cell, styles.cell_centre if i in _CENTRED else styles.cell)
            for i, cell in enumerate(cells(number, dossier, phrases))]


def headings(context: RegisterContext) -> list[str]:
    """The register's column titles (the same on paper and in the XLSX export)."""
    return wording("register", context.form_set).lines("table")


def cells(number: int, dossier: Dossier, phrases: Wording) -> list[str]:
    """One dossier's line of the register, as text (the same on paper and in the XLSX export)."""
    person = dossier.applicant
    contact = ", ".join(part for part in (person.address, person.phone) if part)
    transfer = last_transfer(dossier)
    return [str(dossier.register_number or number), dossier.code or "", dossier.procedure.name, "1",
            person.full_name, contact, handling_office(dossier), short_day(dossier.accepted_at),
            short_day(dossier.due_at),
            short_day(transfer.at) if transfer else "", phrases.choice("delivery", dossier.result_delivery.value),
            short_day(dossier.returned_at), "", _note(dossier)]


def _note(dossier: Dossier) -> str:
    return label(dossier.status)

"""Which module draws which form: the one entry point the app, the command line and the tests use."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Final

import pikepdf

from counter_app.forms import Form, FormContext
from counter_app.services.printouts import PostalContext, RegisterContext
from printing.forms import control_sheet, notices, postal, receipt, register, thermal

_RENDERERS: Final[dict[Form, Callable[[FormContext], bytes]]] = {
    Form.RECEIPT: receipt.render,
    Form.SUPPLEMENT: notices.supplement,
    Form.REFUSAL: notices.refusal,
    Form.APOLOGY: notices.apology,
    Form.STOP: notices.stop_notice,
    Form.CONTROL: control_sheet.render,
    Form.THERMAL: thermal.render,
}


def render(context: FormContext) -> bytes:
    """The PDF of `context.form` for its dossier (the postal record goes through `render_postal`)."""
    return _RENDERERS[context.form](context)


def render_register(context: RegisterContext) -> bytes:
    return register.render(context)


def render_postal(context: PostalContext) -> bytes:
    return postal.render(context)


def render_many(contexts: Sequence[FormContext]) -> bytes:
    """Several forms in one PDF, in order (the slips of a postal batch)."""
    merged = pikepdf.Pdf.new()
    for context in contexts:
        with pikepdf.Pdf.open(io.BytesIO(render(context))) as part:
            merged.pages.extend(part.pages)
    buffer = io.BytesIO()
    merged.save(buffer)
    return buffer.getvalue()

"""The paper each form is laid out for; printers are remembered per paper, not per form."""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from counter_app.forms import Form


class Paper(StrEnum):
    A5 = "a5"
    A4 = "a4"
    A4_LANDSCAPE = "a4_landscape"
    ROLL_80 = "roll80"


_PAPER: Final[dict[Form, Paper]] = {Form.THERMAL: Paper.ROLL_80, Form.POSTAL: Paper.A4}


def paper_for(form: Form | None) -> Paper:
    """A5 for forms 01–06, A4 for the postal record, A4 landscape for the register (None), the roll for thermal."""
    return Paper.A4_LANDSCAPE if form is None else _PAPER.get(form, Paper.A5)

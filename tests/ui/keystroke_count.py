"""How many keys a clerk presses for a typical intake, besides the CCCD scan: the few letters that put the
procedure first in the list, Enter, Space for each document handed in, Ctrl+Enter to accept and print."""

from __future__ import annotations

from counter_app.model import Procedure
from counter_app.textfold import fold
from ui.intake_view import IntakeView

COMMON = ("1.004873", "2.000815", "1.001193")  # marital status, certified copies, birth registration
GOAL = 8


def shortest_query(view: IntakeView, code: str, longest: int = 8) -> str:
    """The fewest letters (a prefix of one word of the name, or of the code) that make `code` the first
    procedure the list offers, so Enter chooses it."""
    procedure = next(p for p in view.procedures if p.code == code)
    words = [*fold(procedure.name).split(), procedure.code]
    for length in range(1, longest + 1):
        for word in words:
            query = word[:length]
            view.procedure_search.setText(query)
            item = view.procedure_list.currentItem()
            chosen = item.data(256) if item is not None else None  # Qt.UserRole
            if isinstance(chosen, Procedure) and chosen.code == code:
                view.procedure_search.clear()
                return query
    view.procedure_search.clear()
    return procedure.code


def keys_for(view: IntakeView, code: str) -> tuple[str, int]:
    """(query, keys): letters + Enter + one Space per document the procedure requires + Ctrl+Enter."""
    procedure = next(p for p in view.procedures if p.code == code)
    query = shortest_query(view, code)
    documents = sum(1 for d in procedure.cases[0].documents if d.blocking) if procedure.cases else \
        sum(1 for d in procedure.documents if d.blocking)
    return query, len(query) + 1 + documents + 1

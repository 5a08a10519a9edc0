"""What a case's checklist still lacks: unconditional documents not ticked, groups with no member ticked."""

from __future__ import annotations

from collections.abc import Iterable

from counter_app.model import ProcedureCase
from counter_app.textfold import fold


def missing_documents(case: ProcedureCase, ticked: Iterable[str]) -> list[str]:
    """Names of blocking documents not ticked, and the label of each alternatives group with none ticked,
    in the case's order. Conditional, show-only and note rows never block."""
    have = {fold(name) for name in ticked}
    missing: list[str] = []
    groups: dict[str, bool] = {}
    for document in case.documents:
        if document.group and not document.condition and document.mandatory:
            if document.group not in groups:
                missing.append(document.group)
            groups[document.group] = groups.get(document.group, False) or fold(document.name) in have
        elif document.blocking and fold(document.name) not in have:
            missing.append(document.name)
    return [name for name in missing if not groups.get(name, False)]

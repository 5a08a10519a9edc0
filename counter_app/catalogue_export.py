"""Procedures as the project's JSON catalogue format (what the hub publishes and `catalogue show --json`
prints); the importer reads it back to the same procedures."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from counter_app.model import (
    ChannelTerms,
    FeeKind,
    FeeRule,
    Procedure,
    ProcedureChannel,
    RequiredDocument,
    TimeLimit,
    TimeUnit,
)


def catalogue_json(procedures: Iterable[Procedure], source: str = "") -> dict[str, Any]:
    """A whole catalogue file; each procedure carries its own effective date."""
    return {"source": source, "procedures": [procedure_json(p) for p in procedures]}


def procedure_json(procedure: Procedure) -> dict[str, Any]:
    return {
        "code": procedure.code, "name": procedure.name, "field": procedure.field,
        "effective_from": procedure.effective_from.isoformat(),
        "cutoff_applies": procedure.cutoff_applies, "postal_eligible": procedure.postal_eligible,
        "presence_required": procedure.presence_required, "source": procedure.source,
        "legal_basis": procedure.legal_basis, "result": procedure.result, "agency": procedure.agency,
        "time_limit": {t.channel.value: time_limit_json(t.time_limit) for t in procedure.terms},
        "fee": {t.channel.value: fee_json(t.fee) for t in procedure.terms},
        "cases": [
            {"name": case.name, "documents": [document_json(d) for d in case.documents]}
            | ({"time_limit": {t.channel.value: time_limit_json(t.time_limit) for t in case.terms},
                "fee": {t.channel.value: fee_json(t.fee) for t in case.terms}} if case.terms else {})
            for case in procedure.cases
        ],
    }


def document_json(document: RequiredDocument) -> dict[str, Any]:
    data = dataclasses.asdict(document)
    data.pop("position")
    data["kind"] = document.kind.value
    return data


def time_limit_json(limit: TimeLimit) -> dict[str, Any]:
    return {"unit": limit.unit.value, "amount": limit.amount, "text": limit.text}


def fee_json(fee: FeeRule) -> dict[str, Any]:
    return dataclasses.asdict(fee) | {"kind": fee.kind.value}


def terms_json(terms: Iterable[ChannelTerms]) -> list[dict[str, Any]]:
    """Channel terms as stored in the database."""
    return [{"channel": t.channel.value, "time_limit": time_limit_json(t.time_limit), "fee": fee_json(t.fee)}
            for t in terms]


def terms_from_json(data: Iterable[dict[str, Any]]) -> tuple[ChannelTerms, ...]:
    return tuple(
        ChannelTerms(ProcedureChannel(item["channel"]), time_limit_from_json(item["time_limit"]),
                     fee_from_json(item["fee"]))
        for item in data
    )


def time_limit_from_json(data: dict[str, Any]) -> TimeLimit:
    return TimeLimit(TimeUnit(data["unit"]), float(data.get("amount") or 0), str(data.get("text") or ""))


def fee_from_json(data: dict[str, Any]) -> FeeRule:
    known = {f.name for f in dataclasses.fields(FeeRule)}
    values = {k: v for k, v in data.items() if k in known}
    return FeeRule(**{**values, "kind": FeeKind(values.get("kind", "unknown"))})

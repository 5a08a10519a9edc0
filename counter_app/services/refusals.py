"""Events the province refused (quarantined at the hub with a reason), kept so the sync screen can show each
refused dossier with the reason in the clerk's language; the rest of the outbox syncs on without them."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from counter_app.messages import Bilingual, known_keys, render
from counter_app.storage.database import Database
from counter_app.storage.orm import SettingRow

STATE_KEY = "sync_refused"
KEPT = 500  # the most recent refusals kept


@dataclass(frozen=True)
class Refusal:
    """One refused event: its dossier, its sequence number, and the reason as a message key and values."""

    event_id: str
    seq: int
    dossier_id: str
    key: str
    params: dict[str, Any]

    def message(self, lang: str = "vi") -> str:
        """«Tỉnh từ chối: …» with the reason translated; an unknown reason is named, never shown raw."""
        if self.key not in known_keys():
            return render("sync.province_refused", lang, reason=render("hub.refused.unknown", lang))
        try:
            reason = render(self.key, lang, **{k: _value(v) for k, v in self.params.items()})
        except (KeyError, IndexError, ValueError):
            reason = render("hub.refused.unknown", lang)
        return render("sync.province_refused", lang, reason=reason)


def record(db: Database, refused: Iterable[dict[str, Any]]) -> list[Refusal]:
    """Keep the hub's refusals (the same event told twice is kept once); returns every refusal kept."""
    fresh = [_parse(item) for item in refused]
    with db.write() as session:
        row = session.get(SettingRow, STATE_KEY) or SettingRow(key=STATE_KEY, value={"items": []})
        kept = {item["event_id"]: item for item in row.value.get("items", [])}
        for refusal in fresh:
            kept[refusal.event_id] = vars(refusal)
        row.value = {"items": sorted(kept.values(), key=lambda item: int(item["seq"]))[-KEPT:]}
        session.add(row)
        return [Refusal(**item) for item in row.value["items"]]


def refusals(db: Database) -> list[Refusal]:
    with db.read() as session:
        row = session.get(SettingRow, STATE_KEY)
        return [Refusal(**item) for item in (row.value.get("items", []) if row else [])]


def by_dossier(db: Database, dossier_ids: Sequence[uuid.UUID], lang: str = "vi") -> dict[uuid.UUID, str]:
    """For each of `dossier_ids` the province refused an event of: its first refusal (the cause of any
    later ones), as shown to the clerk."""
    wanted = {str(dossier_id): dossier_id for dossier_id in dossier_ids}
    shown: dict[uuid.UUID, str] = {}
    for item in refusals(db):
        if item.dossier_id in wanted:
            shown.setdefault(wanted[item.dossier_id], item.message(lang))
    return shown


def _parse(item: dict[str, Any]) -> Refusal:
    return Refusal(event_id=str(item["id"]), seq=int(item["seq"]), dossier_id=str(item["dossier_id"]),
                   key=str(item["key"]), params=dict(item.get("params") or {}))


def _value(value: Any) -> Any:
    """A value as sent: a [vi, en] pair is a phrase in both languages."""
    if isinstance(value, list) and len(value) == 2 and all(isinstance(part, str) for part in value):
        return Bilingual(value[0], value[1])
    return value

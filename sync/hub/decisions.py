"""What the province decides at the hub: a status change applied to the hub's dossier and put into its
office's feed; and finding a dossier by its code or id without ever picking one of two at random."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app import projection
from counter_app.clock import now
from counter_app.codes import looks_like_code
from counter_app.errors import NotFound, ValidationError
from counter_app.event_limits import check_event
from counter_app.lifecycle import Action
from sync.hub.ingest import HUB_DEVICE, load_state, store_state
from sync.hub.store import Dossier, Event, FeedEntry, HubStore, hold_feed

MAX_REF = 60


def find_dossier(session: Session, ref: str, lock: bool = False) -> Dossier:
    """The one dossier with code `ref`, or with id `ref`; refused when the code names two (say, two
    counters whose sequence blocks overlapped), listing their ids to choose from."""
    text = ref.strip().upper()[:MAX_REF + 1]
    if looks_like_code(text):
        query = select(Dossier).where(Dossier.code == text).order_by(Dossier.updated_at).limit(10)
    else:
        try:
            query = select(Dossier).where(Dossier.id == uuid.UUID(text))
        except ValueError:
            raise NotFound("dossier.not_found", ref=ref[:MAX_REF]) from None
    found = session.scalars(query.with_for_update() if lock else query).all()
    if not found:
        raise NotFound("dossier.not_found", ref=ref[:MAX_REF])
    if len(found) > 1:
        raise ValidationError("hub.ambiguous", ref=text, count=len(found),
                              ids=", ".join(str(dossier.id) for dossier in found))
    return found[0]


def set_status(store: HubStore, ref: str, action: Action, actor: str, payload: dict[str, Any]) -> Event:
    """A change decided at the province: applied to the hub's dossier and put into its office's feed."""
    encoded = {key: projection.encode(value) for key, value in payload.items()}
    check_event(action.value, actor, encoded)
    with store.session() as session:
        dossier = find_dossier(session, ref, lock=True)
        at = now()
        state = load_state(dossier)
        projection.apply(state, action, encoded, at)
        hold_feed(session)  # numbers the province's event and its feed entry after every earlier one commits
        seq = (session.scalar(select(Event.seq).where(Event.device_id == HUB_DEVICE).order_by(Event.seq.desc())
                              .limit(1).with_for_update()) or 0) + 1
        event = Event(id=uuid.uuid4(), device_id=HUB_DEVICE, seq=seq, dossier_id=dossier.id,
                      office_code=dossier.office_code, type=action.value, device_time=at, received_at=at,
                      actor=actor, payload=encoded)
        session.add(event)
        store_state(dossier, state, at)
        session.flush()
        session.add(FeedEntry(office_code=dossier.office_code, kind="event", event_id=event.id, data=None))
        return event

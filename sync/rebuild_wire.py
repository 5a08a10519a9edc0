"""What a replacement counter reads from the hub to rebuild the office's dossiers: pages of dossiers with
their events in the order the hub applied them, and the scans each page names."""

from __future__ import annotations

import uuid
from typing import Final

from pydantic import Field

from sync.protocol import MAX_BLOB_BYTES, Reply, Sha256, Strict, WireEvent

REBUILD_PAGE: Final = 100  # dossiers a page
MAX_REBUILD_PAGE: Final = 500
MAX_DOSSIER_EVENTS: Final = 2000


class RebuiltDossier(Strict):
    id: uuid.UUID
    events: list[WireEvent] = Field(max_length=MAX_DOSSIER_EVENTS)


class RebuiltBlob(Strict):
    """A scan the hub holds whole for the office (an upload still under way is not listed)."""

    sha256: Sha256
    length: int = Field(ge=1, le=MAX_BLOB_BYTES)


class RebuildPage(Reply):
    """The office's dossiers after `after` in id order; an empty page ends the rebuild."""

    dossiers: list[RebuiltDossier] = Field(max_length=MAX_REBUILD_PAGE)
    blobs: list[RebuiltBlob] = Field(max_length=MAX_REBUILD_PAGE * 50)

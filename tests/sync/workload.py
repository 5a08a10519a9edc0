"""A counter's day made in-process for the sync tests and benchmark: accepted dossiers (two events each)
and multi-page scans (incompressible JPEG pages, like real photos of paper)."""

from __future__ import annotations

import datetime as dt
import io
import random
import uuid
from pathlib import Path
from typing import Any

import img2pdf
import numpy as np
from PIL import Image

from counter_app.model import Person
from counter_app.services.documents import file_copy
from counter_app.services.intake import IntakeRequest, intake
from counter_app.services.office import initialise
from counter_app.storage.database import Database
from tests.conftest import OFFICE

PROCEDURE = "1.004873"


def scanned_pdf(pages: int, seed: int, page_kb: int = 40) -> bytes:
    """A PDF of `pages` JPEG pages of noise, about `page_kb` KB each (noise does not compress)."""
    generator = np.random.default_rng(seed)
    side = int((page_kb * 1024 / 0.6) ** 0.5)
    images = []
    for _ in range(pages):
        output = io.BytesIO()
        Image.fromarray(generator.integers(0, 255, (side, side), dtype=np.uint8)).save(output, "JPEG", quality=75)
        images.append(output.getvalue())
    return bytes(img2pdf.convert(images))


def fill(folder: Path, dossiers: int, scans: int, pages: int = 3, page_kb: int = 40, seed: int = 1) -> list[str]:
    """A counter in `folder` with `dossiers` accepted dossiers, `scans` of them with a scanned document."""
    rng = random.Random(seed)
    database = Database.open(folder)
    codes = []
    try:
        initialise(database, OFFICE)
        for number in range(dossiers):
            person = Person(f"Công dân {number}", f"0011900{number:05d}", phone=f"09{rng.randrange(10**8):08d}")
            codes.append(str(intake(database, IntakeRequest(PROCEDURE, person), "anh").code))
        for number, code in enumerate(codes[:scans]):
            file_copy(database, code, "1", scanned_pdf(pages, seed * 1000 + number, page_kb), pages, "anh")
    finally:
        database.dispose()
    return codes


def wire_dossier(device_id: uuid.UUID, seq: int, office: str, number: int, at: dt.datetime,
                 dossier_id: uuid.UUID | None = None) -> list[dict[str, Any]]:
    """A reception and its acceptance as a counter's outbox sends them (sequence `seq` and the next)."""
    received = {"procedure_id": 1, "procedure_code": PROCEDURE, "channel": "counter",
                "applicant_name": f"Công dân {number}", "applicant_id_number": f"0011900{number:05d}",
                "applicant_birth_date": None, "applicant_sex": None, "applicant_address": "",
                "applicant_phone": "", "applicant_email": "", "submitter": None, "submitted_at": at.isoformat(),
                "delivery": "counter", "delivery_address": "", "postal_item_in": ""}
    accepted = {"code": f"{office}-{at:%y%m%d}-{number:04d}", "accepted_at": at.isoformat(),
                "due_at": (at + dt.timedelta(days=3)).isoformat(), "register_year": at.year,
                "register_number": number, "fee_amount": 0}
    dossier = dossier_id or uuid.uuid4()
    return [{"id": str(uuid.uuid4()), "device_id": str(device_id), "seq": seq + offset, "dossier_id": str(dossier),
             "type": kind, "device_time": at.isoformat(), "actor": "anh", "payload": payload}
            for offset, (kind, payload) in enumerate((("received", received), ("accepted", accepted)))]

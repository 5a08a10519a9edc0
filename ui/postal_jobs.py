"""The print jobs of a postal batch: its record (A4, two copies in the file) and the slips to post back (A5)."""

from __future__ import annotations

from counter_app.postal import Direction
from counter_app.services import postal_batches, printouts
from counter_app.storage.database import Database
from printing import render
from printing.paper import Paper
from printing.spool import PrintJob


def batch_jobs(database: Database, ref: str) -> list[PrintJob]:
    """Runs on a worker: the biên bản of a closed batch, and for a receipt batch the citizens' slips."""
    batch = postal_batches.get_batch(database, ref)
    jobs = [PrintJob(render.render_postal(printouts.postal_batch_record(database, ref)),
                     f"Biên bản giao nhận {ref}", Paper.A4)]
    if batch.direction is Direction.RECEIPT:
        jobs.append(PrintJob(render.render_many(printouts.postal_slips(database, ref)),
                             f"Phiếu gửi trả công dân {ref}", Paper.A5))
    return jobs

"""Benchmark (not a test): milliseconds to render each form from real dossiers; prints figures."""

import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from counter_app.forms import Form, PostalDirection
from counter_app.services import printouts
from counter_app.services.office import initialise
from counter_app.storage.database import Database
from printing import render
from tests.conftest import OFFICE
from tests.samples import make_samples

FORMS = [(Form.RECEIPT, "accepted"), (Form.SUPPLEMENT, "counter_supplement"), (Form.REFUSAL, "refused"),
         (Form.APOLOGY, "extended"), (Form.STOP, "stopped"), (Form.CONTROL, "returned_by_post"),
         (Form.THERMAL, "accepted")]


def timed(label: str, draw: Callable[[], bytes], rounds: int) -> None:
    draw()  # fonts and wording load once per process
    times, size = [], 0
    for _ in range(rounds):
        started = time.perf_counter()
        size = len(draw())
        times.append(1000 * (time.perf_counter() - started))
    sys.stdout.write(f"{label:<28} median {statistics.median(times):6.1f} ms  max {max(times):6.1f} ms  "
                     f"{size / 1024:5.1f} KB\n")


def main(rounds: int = 30) -> None:
    database = Database.open(Path(tempfile.mkdtemp(prefix="counter-bench-print-")))
    initialise(database, OFFICE)
    refs = make_samples(database)
    started = time.perf_counter()
    from printing import fonts  # noqa: PLC0415
    fonts.register_fonts()
    sys.stdout.write(f"font registration (once): {1000 * (time.perf_counter() - started):.1f} ms\n")
    for form, sample in FORMS:
        context = printouts.form_context(database, refs[sample], form)
        timed(f"{form.value} ({sample})", lambda c=context: render.render(c), rounds)  # type: ignore[misc]
    postal = printouts.postal_record(database, [refs["postal"]], PostalDirection.POST_TO_COUNTER, "clerk")
    timed("postal record", lambda: render.render_postal(postal), rounds)
    register = printouts.register(database, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    timed(f"register ({len(register.dossiers)} dossiers)", lambda: render.render_register(register), rounds)
    started = time.perf_counter()
    printouts.form_context(database, refs["accepted"], Form.RECEIPT)
    sys.stdout.write(f"loading a dossier's context: {1000 * (time.perf_counter() - started):.1f} ms\n")
    database.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)

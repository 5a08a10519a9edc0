"""Benchmark (not a test): intakes per second and search latency on SQLite; prints figures."""

import sys
import tempfile
import time
from pathlib import Path

from counter_app.model import Office, Person
from counter_app.services.intake import IntakeRequest, intake
from counter_app.services.office import initialise
from counter_app.services.queries import search
from counter_app.storage.database import Database


def main(count: int = 500) -> None:
    database = Database.open(Path(tempfile.mkdtemp(prefix="counter-bench-")))
    initialise(database, Office(code="000.00.12.H12", name="Bench"))
    person = Person("Nguyễn Văn Đức", "001090123456", phone="0912345678")
    started = time.perf_counter()
    for _ in range(count):
        intake(database, IntakeRequest("1.004873", person), "bench")
    elapsed = time.perf_counter() - started
    rate, each_ms = count / elapsed, 1000 * elapsed / count
    sys.stdout.write(f"intake: {count} in {elapsed:.2f} s = {rate:.1f}/s ({each_ms:.1f} ms each)\n")
    started = time.perf_counter()
    hits = search(database, "nguyen van duc")
    sys.stdout.write(f"search 'nguyen van duc': {len(hits)} hits in {1000 * (time.perf_counter() - started):.1f} ms\n")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)

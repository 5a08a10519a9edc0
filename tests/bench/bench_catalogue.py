"""Catalogue benchmark: import 3,000 generated national records (seconds to read, to store, to re-import), the
share of generated time and fee wordings parsed to the expected value, and the intake screen's procedure search
time over them.

Run: `QT_QPA_PLATFORM=offscreen python -m tests.bench.bench_catalogue [COUNT]`."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

from counter_app.catalogue_import import read_catalogue
from counter_app.model import FeeKind, TimeUnit
from counter_app.published_terms import parse_fee, parse_time_limit
from counter_app.services.catalogue import list_procedures, store_procedures
from counter_app.services.office import initialise
from counter_app.storage.database import Database
from tests.catalogue_corpus import FEE_WORDINGS, TIME_WORDINGS, generated_records
from tests.conftest import OFFICE

UNITS = [("ngày làm việc", TimeUnit.WORKING_DAYS), ("Ngày làm việc", TimeUnit.WORKING_DAYS),
         ("NGÀY LÀM VIỆC", TimeUnit.WORKING_DAYS), ("ngày", TimeUnit.CALENDAR_DAYS), ("Ngày", TimeUnit.CALENDAR_DAYS),
         ("giờ", TimeUnit.HOURS), ("giờ làm việc", TimeUnit.HOURS), ("tháng", TimeUnit.MONTHS)]
PREFIXES = ["", "Không quá ", "Trong thời hạn ", "Trong vòng ", "Tối đa ", "- "]
SUFFIXES = ["", " kể từ ngày nhận đủ hồ sơ hợp lệ", ".", "; trường hợp phải xác minh thì không quá 30 ngày",
            " (kể từ khi nhận đủ hồ sơ)"]
AMOUNTS = [2000, 8000, 15000, 50000, 100000, 1500000]
FEE_UNITS = [("đồng", FeeKind.FIXED), ("đ", FeeKind.FIXED), ("VNĐ", FeeKind.FIXED), ("Việt Nam Đồng", FeeKind.FIXED),
             ("đồng/lần", FeeKind.FIXED), ("đồng/hồ sơ", FeeKind.FIXED), ("đồng/bản", FeeKind.PER_COPY),
             ("đ/bản sao", FeeKind.PER_COPY), ("đồng/trang", FeeKind.PER_PAGE)]
FEE_LABELS = ["", "Lệ phí: ", "Phí: ", "Mức thu: "]


def time_wordings() -> list[tuple[str, TimeUnit, float]]:
    generated = [(f"{prefix}{number:02d} {unit}{suffix}" if zero else f"{prefix}{number} {unit}{suffix}", kind,
                  float(number))
                 for (unit, kind), prefix, suffix, number, zero in itertools.product(
                     UNITS, PREFIXES, SUFFIXES, (1, 3, 5, 10, 15, 20), (True, False))]
    generated += [(f"{whole},5 {unit}", kind, whole + 0.5) for (unit, kind) in UNITS[:5] for whole in (0, 1, 2)]
    return generated + [(text or "", unit, amount) for text, unit, amount in TIME_WORDINGS]


def fee_wordings() -> list[tuple[str, FeeKind, int]]:
    generated = []
    for label, amount, (unit, kind), dots in itertools.product(FEE_LABELS, AMOUNTS, FEE_UNITS, (True, False)):
        written = f"{amount:,}".replace(",", "." if dots else ",")
        generated.append((f"{label}{written} {unit}", kind, amount))
    return generated + [(text or "", kind, amount) for text, kind, amount, _ in FEE_WORDINGS]


def parsed_share() -> tuple[int, int, int, int, list[str]]:
    times, fees, misses = time_wordings(), fee_wordings(), []
    good_times = 0
    for text, unit, amount in times:
        limit = parse_time_limit(text)
        ok = (limit.unit, limit.amount) == (unit, amount)
        good_times += ok
        if not ok:
            misses.append(f"time «{text}» → {limit.unit.value} {limit.amount}")
    good_fees = 0
    for text, kind, amount in fees:
        fee = parse_fee(text)
        value = fee.later_page_amount if kind is FeeKind.PER_PAGE else fee.amount
        unchecked = kind in (FeeKind.NONE, FeeKind.UNKNOWN) or (kind is FeeKind.PER_PAGE and amount == 0)
        ok = fee.kind is kind and (unchecked or value == amount)
        good_fees += ok
        if not ok:
            misses.append(f"fee «{text}» → {fee.kind.value} {fee.amount}")
    return good_times, len(times), good_fees, len(fees), misses


def main(count: int) -> None:
    good_times, all_times, good_fees, all_fees, misses = parsed_share()
    print(f"time wordings parsed as expected: {good_times}/{all_times} ({100 * good_times / all_times:.1f} %)")
    print(f"fee wordings parsed as expected:  {good_fees}/{all_fees} ({100 * good_fees / all_fees:.1f} %)")
    for miss in misses[:10]:
        print("  miss:", miss)
    folder = Path(tempfile.mkdtemp(prefix="bench-catalogue-"))
    source = folder / "quoc-gia.json"
    source.write_text(json.dumps(generated_records(count), ensure_ascii=False), "utf-8")
    started = time.perf_counter()
    report = read_catalogue(source, dt.date(2026, 1, 1))
    read_seconds = time.perf_counter() - started
    print(f"read {len(report.procedures)} procedures ({source.stat().st_size / 1e6:.1f} MB) in {read_seconds:.2f} s; "
          f"{len(report.warnings)} warnings, {len(report.errors)} errors")
    db = Database.open(folder)
    initialise(db, OFFICE)
    for label in ("store", "re-import (unchanged)"):
        started = time.perf_counter()
        with db.write() as session:
            store_procedures(session, report.procedures)
        print(f"{label}: {time.perf_counter() - started:.2f} s on SQLite")
    started = time.perf_counter()
    procedures = list_procedures(db, dt.date(2026, 6, 1))
    print(f"list the {len(procedures)} procedures in force (the intake screen's load): "
          f"{time.perf_counter() - started:.2f} s")
    _search(db, procedures)
    db.dispose()


def _search(db: Database, procedures: list[object]) -> None:
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from counter_app.services.due_preview import due_rules  # noqa: PLC0415
    from ui.intake_view import IntakeView  # noqa: PLC0415

    app = QApplication.instance() or QApplication([])
    view = IntakeView(db, lambda: "bench")
    view._procedures_loaded((procedures, due_rules(db)))  # type: ignore[arg-type]
    timings = []
    for text in ("t", "thu tuc", "thu tuc hanh chinh thu nghiem so 29", "2.000", "khong co gi nhu the", ""):
        started = time.perf_counter()
        view.procedure_search.setText(text)
        app.processEvents()
        timings.append((text, (time.perf_counter() - started) * 1000))
    worst = max(ms for _, ms in timings)
    print(f"intake search over {len(procedures)} procedures: worst {worst:.1f} ms "
          + ", ".join(f"«{text}» {ms:.1f} ms" for text, ms in timings))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)

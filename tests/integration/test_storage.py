"""Storage: engine settings, migrations, search, blob store, codes under concurrency, audit, users."""

import dataclasses
import datetime as dt
import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text, update

from counter_app.errors import AuthError, NotFound, StorageError, ValidationError
from counter_app.model import ChannelTerms, Person, ProcedureChannel, TimeLimit, TimeUnit
from counter_app.services import audit, users
from counter_app.services.intake import IntakeRequest, intake
from counter_app.services.office import initialise
from counter_app.services.queries import DossierFilter, count_dossiers, search
from counter_app.storage.database import Database
from counter_app.storage.orm import AuditEntryRow, Base, DeviceRow
from counter_app.storage.search import is_search_object
from tests.conftest import OFFICE, at

PEOPLE = [
    Person("NGUYỄN VĂN ĐỨC", "001090123456", phone="0912345678"),
    Person("Đặng Thị Hồng", "079195000123", phone="0987654321"),
    Person("Trần Văn Duc", "001085000777"),
]


def test_sqlite_pragmas(tmp_path) -> None:
    database = Database.open(tmp_path)
    with database.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
    database.dispose()


def test_migrations_match_the_models(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "include_name": lambda name, type_, _parents: not is_search_object(name, type_),
        })
        assert compare_metadata(context, Base.metadata) == []


def test_search_ignores_diacritics_and_folds_d(db: Database) -> None:
    codes = [intake(db, IntakeRequest("1.004873", person), "clerk").code for person in PEOPLE]
    found = lambda query: {hit.applicant_name for hit in search(db, query)}  # noqa: E731
    assert found("nguyen van duc") == {"NGUYỄN VĂN ĐỨC"}
    assert found("duc") == {"NGUYỄN VĂN ĐỨC", "Trần Văn Duc"}
    assert found("dang hong") == {"Đặng Thị Hồng"}
    assert found("ĐẶNG THỊ") == {"Đặng Thị Hồng"}
    assert found("0987654321") == {"Đặng Thị Hồng"}
    assert found("079195") == {"Đặng Thị Hồng"}
    assert found(str(codes[2])) == {"Trần Văn Duc"}
    assert found("hong duc") == set()
    assert found("' OR 1=1 --") == set()
    assert count_dossiers(db, DossierFilter(text="van")) == 2


def test_codes_are_unique_under_concurrent_intake(db: Database) -> None:
    threads, per_thread, errors, codes = 6, 10, [], []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(per_thread):
            try:
                code = intake(db, IntakeRequest("1.001193", PEOPLE[0]), "clerk", at=at("2026-11-20 09:00")).code
                with lock:
                    codes.append(code)
            except Exception as error:
                errors.append(error)

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    assert errors == []
    assert sorted(codes) == [f"000.00.12.H12-261120-{n:04d}" for n in range(1, threads * per_thread + 1)]
    assert audit.verify(db).intact


def test_sequence_blocks_keep_separate_counters_apart(db: Database) -> None:
    with db.write() as session:
        session.execute(update(DeviceRow).where(DeviceRow.id == db.device_id).values(block_start=5000, block_end=5001))
    made = [intake(db, IntakeRequest("1.001193", PEOPLE[0]), "c", at=at("2026-11-20 09:00")).code for _ in range(2)]
    assert made == ["000.00.12.H12-261120-5000", "000.00.12.H12-261120-5001"]
    with pytest.raises(ValidationError, match=r"^codes\.exhausted:"):
        intake(db, IntakeRequest("1.001193", PEOPLE[0]), "c", at=at("2026-11-20 09:00"))
    assert intake(db, IntakeRequest("1.001193", PEOPLE[0]), "c", at=at("2026-11-23 09:00")).code.endswith("-5000")


def test_audit_chain_detects_tampering(db: Database) -> None:
    intake(db, IntakeRequest("1.001193", PEOPLE[0]), "clerk")
    check = audit.verify(db)
    assert check.intact and check.entries >= 3
    with db.write() as session:
        session.execute(update(AuditEntryRow).where(AuditEntryRow.seq == 2).values(actor="kẻ gian"))
    assert audit.verify(db).first_broken == 2


def test_users_argon2_login_and_pin(db: Database) -> None:
    user = users.create_user(db, "Lan", "Nguyễn Thị Lan", "clerk", "mật-khẩu-dài")
    assert user.username == "lan"
    with db.read() as session:
        stored = session.execute(text("SELECT password_hash FROM app_user")).scalar_one()
    assert stored.startswith("$argon2id$") and "mật" not in stored
    assert users.authenticate(db, "LAN", "mật-khẩu-dài").role.value == "clerk"
    for name, password in (("lan", "sai-mat-khau"), ("khong-co", "mật-khẩu-dài")):
        with pytest.raises(AuthError):
            users.authenticate(db, name, password)
    with pytest.raises(ValidationError, match=r"^user\.exists:"):
        users.create_user(db, "lan", "X", "clerk", "12345678")
    with pytest.raises(ValidationError, match=r"^user\.password_short:"):
        users.create_user(db, "minh", "X", "clerk", "1234")
    users.set_pin(db, "lan", "2468")
    assert users.check_pin(db, "lan", "2468") and not users.check_pin(db, "lan", "1357")


def test_blob_store_is_content_addressed_and_detects_corruption(tmp_path) -> None:
    database = Database.open(tmp_path)
    digest = database.blobs.put(b"%PDF-1.7 scan")
    assert database.blobs.put(b"%PDF-1.7 scan") == digest
    assert database.blobs.read(digest) == b"%PDF-1.7 scan"
    assert not list(database.blobs.root.rglob(".tmp-*"))
    database.blobs.path(digest).write_bytes(b"%PDF-1.7 bit rot")
    with pytest.raises(StorageError, match=r"^blob\.corrupt:"):
        database.blobs.read(digest)
    assert database.blobs.put(b"%PDF-1.7 scan") == digest  # a damaged copy is rewritten
    assert database.blobs.read(digest) == b"%PDF-1.7 scan"
    with pytest.raises(NotFound):
        database.blobs.read("0" * 64)
    database.dispose()


def test_first_launch_needs_init_and_init_is_idempotent(tmp_path) -> None:
    database = Database.open(tmp_path)
    with pytest.raises(NotFound, match=r"^office\.missing:"):
        intake(database, IntakeRequest("1.001193", PEOPLE[0]), "clerk")
    assert initialise(database, OFFICE).procedures_seeded == 8
    assert initialise(database, OFFICE).procedures_seeded == 0
    with pytest.raises(ValidationError, match=r"^office\.code:"):
        initialise(database, OFFICE.__class__(code="bad code!", name="x"))
    database.dispose()


def test_procedure_versions_by_effective_date(db: Database) -> None:
    from counter_app.services.catalogue import procedure_in_force, store_procedures  # noqa: PLC0415

    old = procedure_in_force(db, "1.004873", dt.date(2026, 1, 1))
    five = ChannelTerms(ProcedureChannel.DIRECT, TimeLimit(TimeUnit.WORKING_DAYS, 5, "05 ngày làm việc"), old.fee)
    with db.write() as session:
        store_procedures(session, [dataclasses.replace(old, effective_from=dt.date(2027, 1, 1), terms=(five,),
                                                       id=None)])
    assert procedure_in_force(db, "1.004873", dt.date(2026, 12, 31)).time_limit.amount == 3
    assert procedure_in_force(db, "1.004873", dt.date(2027, 1, 1)).time_limit.amount == 5
    with pytest.raises(NotFound):
        procedure_in_force(db, "1.004873", dt.date(2025, 6, 30))

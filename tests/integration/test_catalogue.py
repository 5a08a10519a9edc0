"""The real catalogue on SQLite and PostgreSQL: versions and ids, long texts, cases at intake, groups, show-only
documents, one fee for screen, service and slip, the upgrade of existing data, and the hub publication."""

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from counter_app.catalogue_import import parse_catalogue, parse_json
from counter_app.errors import ValidationError
from counter_app.fees import fee_due
from counter_app.model import DocumentEntry, DocumentKind, FeeKind, Person
from counter_app.services.catalogue import procedure_in_force, set_time_limit, store_procedures
from counter_app.services.intake import IntakeRequest, Outcome, intake
from counter_app.services.outbox import apply_remote
from counter_app.services.queries import get_dossier
from counter_app.storage.database import SQLITE_FILE, Database
from counter_app.storage.migrate import upgrade
from counter_app.storage.orm import ProcedureCaseRow, ProcedureRow, RequiredDocumentRow
from tests.catalogue_corpus import birth_registration, residence_confirmation
from tests.conftest import at, create_database

APPLICANT = Person("Nguyễn Thị Lan", "001190012345")
DAY = dt.date(2026, 1, 1)
NOON = at("2026-11-20 10:00")


def _store(db: Database, records: list[dict[str, object]], day: dt.date = DAY) -> None:
    with db.write() as session:
        store_procedures(session, parse_catalogue(records, day).procedures)


def _ids(db: Database) -> list[tuple[int, ...]]:
    with db.read() as session:
        return [tuple(row) for row in session.execute(
            select(ProcedureRow.id, ProcedureCaseRow.id, RequiredDocumentRow.id)
            .join(ProcedureCaseRow, ProcedureCaseRow.procedure_id == ProcedureRow.id)
            .join(RequiredDocumentRow, RequiredDocumentRow.case_id == ProcedureCaseRow.id)
            .where(ProcedureRow.code == "1.001193").order_by(RequiredDocumentRow.id))]


def test_import_is_stored_whole_reimport_changes_nothing_and_versions_by_date(db: Database) -> None:
    _store(db, [birth_registration(), residence_confirmation()])
    stored = procedure_in_force(db, "1.001193", NOON.date())
    assert dataclasses.replace(stored, id=None) == parse_catalogue([birth_registration()], DAY).procedures[0]
    assert len(stored.case(1).documents[7].name) > 1900  # TEXT on PostgreSQL too
    before = _ids(db)
    _store(db, [birth_registration()])
    assert _ids(db) == before
    received = intake(db, IntakeRequest("1.001193", APPLICANT, (DocumentEntry(stored.documents[0].name),
                                                                DocumentEntry(stored.documents[1].name))),
                      "clerk", at=NOON)
    newer = birth_registration()
    newer["THANHPHANHOSO"][0]["GIAYTO"] = newer["THANHPHANHOSO"][0]["GIAYTO"][:2]
    _store(db, [newer], dt.date(2027, 1, 1))
    assert len(procedure_in_force(db, "1.001193", dt.date(2027, 1, 2)).documents) == 2
    kept = get_dossier(db, str(received.code))
    assert kept.procedure.id == stored.id and len(kept.procedure.documents) == 9


def test_birth_registration_accepted_with_the_declaration_and_the_birth_certificate(db: Database) -> None:
    _store(db, [birth_registration()])
    case = procedure_in_force(db, "1.001193", NOON.date()).case(1)
    shown = case.documents[6]
    assert shown.show_only
    ticked = (DocumentEntry(case.documents[0].name), DocumentEntry(case.documents[1].name), DocumentEntry(shown.name))
    dossier = intake(db, IntakeRequest("1.001193", APPLICANT, ticked), "clerk", at=NOON)
    assert dossier.code and dossier.missing_documents == ()
    assert [d.name for d in dossier.documents] == [case.documents[0].name, case.documents[1].name]
    assert dossier.shown_documents == (shown.name,)  # shown, not stored as received
    assert dossier.due_at == at("2026-11-20 17:00") and dossier.fee_known and dossier.fee_amount == 0


def test_second_case_and_alternatives_group(db: Database) -> None:
    _store(db, [birth_registration(), residence_confirmation()])
    foreign = procedure_in_force(db, "1.001193", NOON.date()).case(2)
    two = tuple(DocumentEntry(d.name) for d in foreign.documents[:2])
    with pytest.raises(ValidationError, match=r"^lifecycle\.missing_documents:"):
        intake(db, IntakeRequest("1.001193", APPLICANT, two, case=2), "clerk", at=NOON)
    accepted = intake(db, IntakeRequest("1.001193", APPLICANT, (*two, DocumentEntry(foreign.documents[2].name)),
                                        case=2), "clerk", at=NOON)
    assert accepted.case_number == 2 and accepted.case.name == "Đăng ký khai sinh có yếu tố nước ngoài"
    with pytest.raises(ValidationError, match=r"^procedure\.case_unknown:"):
        intake(db, IntakeRequest("1.001193", APPLICANT, two, case=4), "clerk", at=NOON)
    residence = procedure_in_force(db, "1.009999", NOON.date()).case(1)
    form = DocumentEntry(residence.documents[0].name)
    sent_back = intake(db, IntakeRequest("1.009999", APPLICANT, (form,)), "clerk", Outcome.SUPPLEMENT,
                       "Thiếu giấy tờ chỗ ở", at=NOON)
    assert sent_back.missing_documents == ("Giấy tờ chứng minh chỗ ở hợp pháp, một trong các giấy tờ sau",)
    lease = DocumentEntry("Hợp đồng thuê nhà có công chứng", DocumentKind.CERTIFIED_COPY)
    done = intake(db, IntakeRequest("1.009999", APPLICANT, (form, lease)), "clerk", at=NOON)
    assert done.fee_amount == 20_000 and done.due_at == at("2026-11-26 10:00")  # 24/11 is a holiday


def test_one_fee_for_the_screen_the_service_and_the_slip(db: Database) -> None:
    procedure = procedure_in_force(db, "2.000815", NOON.date())
    entries = (DocumentEntry(procedure.documents[0].name, copies=1, pages=3, certify=5),)
    preview = fee_due(procedure.fee, entries)
    dossier = intake(db, IntakeRequest("2.000815", APPLICANT, entries), "clerk", at=NOON)
    assert preview.amount == dossier.fee_amount == 5 * (2 * 2000 + 1000)
    assert dossier.documents[0].copies == 1 and dossier.documents[0].certify == 5


def test_unknown_fee_is_recorded_as_unknown_and_a_procedure_without_time_is_not_offered(db: Database) -> None:
    record = {**residence_confirmation("1.009998"), "CACHTHUCTHUCHIEN": [
        {"KENH": 1, "THOIGIAN": [{"MOTA": "05 ngày làm việc", "PHILEPHI": [{"MOTA": "Theo quy định của HĐND"}]}]}]}
    missing = {**residence_confirmation("1.009997"), "CACHTHUCTHUCHIEN": [
        {"KENH": 1, "THOIGIAN": [{"MOTA": "Không quy định", "PHILEPHI": []}]}]}
    _store(db, [record, missing])
    case = procedure_in_force(db, "1.009998", NOON.date()).case(1)
    entries = (DocumentEntry(case.documents[0].name), DocumentEntry(case.documents[1].name))
    dossier = intake(db, IntakeRequest("1.009998", APPLICANT, entries), "clerk", at=NOON)
    assert not dossier.fee_known and dossier.fee_amount == 0
    assert procedure_in_force(db, "1.009997", NOON.date()).incomplete
    with pytest.raises(ValidationError, match=r"^procedure\.time_not_stated:") as caught:
        intake(db, IntakeRequest("1.009997", APPLICANT, entries), "clerk", at=NOON)
    assert "Không quy định" in caught.value.message("vi")
    with pytest.raises(ValidationError, match=r"^procedure\.time_unreadable:"):
        set_time_limit(db, "1.009997", "sớm nhất có thể", "admin", NOON.date())
    fixed = set_time_limit(db, "1.009997", "05 ngày làm việc", "admin", NOON.date())
    assert not fixed.incomplete and fixed.time_limit.text == "05 ngày làm việc"
    assert fixed.fee.kind is FeeKind.UNKNOWN  # the fee is left as published
    assert intake(db, IntakeRequest("1.009997", APPLICANT, entries), "clerk", at=NOON).due_at == at("2026-11-30 10:00")


def test_the_hub_publication_carries_the_same_model(db: Database, tmp_path: Path) -> None:
    from sync.hub.admin import publish  # noqa: PLC0415
    from sync.hub.store import FeedEntry, HubStore  # noqa: PLC0415

    source = tmp_path / "quoc-gia.json"
    source.write_text(json.dumps([birth_registration(), residence_confirmation()], ensure_ascii=False), "utf-8")
    store = HubStore(tmp_path / "hub")
    publish(store, "catalogue", source, effective_from=DAY)
    with store.session() as session:
        (entry,) = session.scalars(select(FeedEntry)).all()
        item = {"kind": entry.kind, "data": entry.data}
    apply_remote(db, [item], 1)
    expected = parse_catalogue([birth_registration(), residence_confirmation()], DAY).procedures
    assert [dataclasses.replace(procedure_in_force(db, p.code, NOON.date()), id=None) for p in expected] == expected
    assert parse_json(item["data"]) == expected


@pytest.fixture
def old_database(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, str | None]:
    """A database at revision 0005 holding a procedure, its documents and an accepted dossier."""
    if backend == "sqlite":
        url, given = f"sqlite:///{tmp_path / SQLITE_FILE}", None
    else:
        server = request.getfixturevalue("pg_server")
        name = f"upgrade_{abs(hash(str(tmp_path))) % 10**8}"
        create_database(server, name)
        url = given = f"{server}/{name}"
    engine = create_engine(url)
    upgrade(engine, "0005")
    with engine.begin() as connection:
        for statement in _OLD_ROWS:
            connection.execute(text(statement))
    engine.dispose()
    return tmp_path, given


_OLD_ROWS = (
    "INSERT INTO procedure (id, code, effective_from, name, field, processing_days, cutoff_applies, fee, "
    "postal_eligible, presence_required, source, name_fold) VALUES (1, '2.000815', '2025-07-01', 'Chứng thực bản "
    "sao', 'Chứng thực', 0, TRUE, '{\"kind\": \"per_page\", \"first_pages\": 2, \"first_page_amount\": 2000, "
    "\"later_page_amount\": 1000, \"cap_per_copy\": 200000, \"note\": \"2.000 đ/trang\"}', TRUE, FALSE, 'QĐ', "
    "'chung thuc ban sao')",
    "INSERT INTO required_document (id, procedure_id, position, name, kind, quantity, mandatory, template) VALUES "
    "(1, 1, 1, 'Bản chính', 'original', 1, TRUE, ''), (2, 1, 2, 'Bản sao', 'copy', 2, FALSE, '')",
    "INSERT INTO device (id, name, last_seq, block_start, block_end, created_at) VALUES "
    "('0190a000000070008000000000000001', '', 1, 1, 9999, '2026-11-20 03:00:00+00:00')",
    "INSERT INTO dossier (seq_no, id, code, device_id, procedure_id, procedure_code, status, channel, applicant_name, "
    "applicant_id_number, applicant_address, applicant_phone, applicant_email, submitted_at, accepted_at, due_at, "
    "delivery, delivery_address, postal_item_in, fee_amount, extension_count, supplement_count, search_text, "
    "updated_at) VALUES (1, '0190a0000000700080000000000000aa', '000.00.12.H12-261120-0001', "
    "'0190a000000070008000000000000001', 1, '2.000815', 'accepted', 'counter', 'Lê Văn An', '001090000001', "
    "'', '', '', '2026-11-20 03:00:00+00:00', '2026-11-20 03:00:00+00:00', '2026-11-20 10:00:00+00:00', 'counter', "
    "'', '', 6000, 0, 0, 'le van an', '2026-11-20 03:00:00+00:00')",
    "INSERT INTO received_document (id, dossier_id, position, name, kind, copies, pages, mandatory, signed, "
    "timestamp_pending) VALUES ('0190a0000000700080000000000000bb', '0190a0000000700080000000000000aa', 1, "
    "'Bản chính', 'original', 1, 2, TRUE, FALSE, FALSE)",
)


def test_upgrade_keeps_existing_procedures_and_dossiers(old_database: tuple[Path, str | None]) -> None:
    folder, url = old_database
    db = Database.open(folder, url)
    try:
        procedure = procedure_in_force(db, "2.000815", NOON.date())
        assert len(procedure.cases) == 1 and [d.name for d in procedure.documents] == ["Bản chính", "Bản sao"]
        assert [(d.originals, d.copies, d.blocking) for d in procedure.documents] == [(1, 0, True), (0, 2, False)]
        assert procedure.time_limit.text == "Trong ngày" and procedure.fee.first_page_amount == 2000
        dossier = get_dossier(db, "000.00.12.H12-261120-0001")
        assert (dossier.case_number, dossier.fee_amount, dossier.fee_known) == (1, 6000, True)
        assert [d.name for d in dossier.documents] == ["Bản chính"]
    finally:
        db.dispose()

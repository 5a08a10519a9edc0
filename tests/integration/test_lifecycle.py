"""Every lifecycle action through the services, on SQLite and PostgreSQL."""

import datetime as dt
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from counter_app import projection
from counter_app.deadlines import Timeliness
from counter_app.errors import IllegalTransition, ValidationError
from counter_app.lifecycle import Action, Status
from counter_app.model import Delivery, DocumentEntry, DocumentKind, Person, StopRequester
from counter_app.services import processing as p
from counter_app.services.intake import IntakeRequest, Outcome, accept, intake
from counter_app.services.queries import get_dossier
from counter_app.storage.database import Database
from counter_app.storage.orm import DossierEventRow, DossierRow
from tests.conftest import at

DUC = Person("Nguyễn Văn Đức", "001090123456", dt.date(1990, 1, 1), "Nam", "xã Tân Hòa", "0912345678")
TTHN = "1.004873"  # 3 working days


def _accepted(db: Database, when: str = "2026-11-20 10:00", **extra: object) -> str:
    dossier = intake(db, IntakeRequest(TTHN, DUC, **extra), "clerk", at=at(when))  # type: ignore[arg-type]
    assert dossier.code
    return dossier.code


def _event_count(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(DossierEventRow)) or 0)


def test_accept_issues_code_due_date_register_number(db: Database) -> None:
    dossier = intake(db, IntakeRequest(TTHN, DUC), "clerk", at=at("2026-11-20 10:00"))
    assert dossier.code == "000.00.12.H12-261120-0001"
    assert dossier.status is Status.ACCEPTED
    assert dossier.due_at == at("2026-11-26 10:00")
    assert (dossier.register_year, dossier.register_number) == (2026, 1)
    assert [e.type for e in dossier.events] == [Action.RECEIVE, Action.ACCEPT]
    assert Action.TRANSFER in dossier.allowed_actions and Action.RETURN_RESULT not in dossier.allowed_actions


def test_full_happy_path_with_supplement_restart_and_return(db: Database) -> None:
    code = _accepted(db)
    p.transfer(db, code, "clerk", to="Công chức Tư pháp - Hộ tịch", at=at("2026-11-20 10:30"))
    p.request_supplement(db, code, "officer", "Thiếu trích lục ly hôn", at=at("2026-11-23 09:00"))
    back = p.supplement_received(db, code, "clerk", at=at("2026-11-27 14:00"))
    assert back.status is Status.IN_PROGRESS
    assert back.due_at == at("2026-12-02 14:00")  # restarts: Mon 30/11, Tue 01/12, Wed 02/12
    ready = p.record_result(db, code, "officer", "Giấy xác nhận số 12", at=at("2026-12-01 16:00"))
    assert ready.timeliness is Timeliness.EARLY
    done = p.return_result(db, code, "clerk", p.Recipient("Nguyễn Văn Đức", "001090123456"),
                           at=at("2026-12-02 08:00"))
    assert done.status is Status.RETURNED
    assert done.allowed_actions == ()
    assert [e.type for e in done.events][-1] is Action.RETURN_RESULT


def test_illegal_transitions_raise_and_write_nothing(db: Database) -> None:
    code = _accepted(db)
    before = _event_count(db)
    for action in (p.record_result, p.supplement_received):
        with pytest.raises(IllegalTransition):
            action(db, code, "x")
    with pytest.raises(IllegalTransition) as caught:
        p.return_result(db, code, "x", p.Recipient("A", "001090123456"))
    assert "Đã tiếp nhận" in caught.value.message("vi") and "Accepted" in caught.value.message("en")
    assert _event_count(db) == before
    assert get_dossier(db, code).status is Status.ACCEPTED


def test_extension_once_with_later_working_day(db: Database) -> None:
    code = _accepted(db)
    with pytest.raises(ValidationError, match=r"^lifecycle\.new_due_not_later:"):
        p.extend(db, code, "leader", dt.date(2026, 11, 25), "Cần xác minh", at=at("2026-11-23 09:00"))
    with pytest.raises(ValidationError, match=r"^lifecycle\.new_due_not_working:"):
        p.extend(db, code, "leader", dt.date(2026, 11, 28), "Cần xác minh", at=at("2026-11-23 09:00"))
    extended = p.extend(db, code, "leader", dt.date(2026, 12, 3), "Cần xác minh", at=at("2026-11-23 09:00"))
    assert extended.due_at == at("2026-12-03 10:00")
    assert extended.events[-1].payload["apology_late"] is False
    with pytest.raises(ValidationError, match=r"^lifecycle\.extended_once:"):
        p.extend(db, code, "leader", dt.date(2026, 12, 4), "Lần nữa", at=at("2026-11-24 09:00"))


def test_late_result_is_overdue_then_late(db: Database) -> None:
    code = _accepted(db)
    assert get_dossier(db, code, at=at("2026-11-27 08:00")).overdue
    p.transfer(db, code, "clerk")
    ready = p.record_result(db, code, "officer", at=at("2026-11-27 09:00"))
    assert ready.timeliness is Timeliness.LATE and not ready.overdue


@pytest.mark.parametrize("ending", ["refuse", "stop"])
def test_side_exits_are_terminal_and_need_a_reason(db: Database, ending: str) -> None:
    code = _accepted(db)
    p.transfer(db, code, "clerk")
    extra = (StopRequester.OFFICE,) if ending == "stop" else ()
    action = getattr(p, ending)
    with pytest.raises(ValidationError, match=r"^lifecycle\.reason_required:"):
        action(db, code, "officer", "  ", *extra)
    closed = action(db, code, "officer", "Lý do cụ thể", *extra)
    assert closed.allowed_actions == ()
    with pytest.raises(IllegalTransition):
        p.transfer(db, code, "clerk")


@pytest.mark.parametrize("who", list(StopRequester))
def test_stop_right_after_acceptance_records_who_asked(db: Database, who: StopRequester) -> None:
    code = _accepted(db)
    stopped = p.stop(db, code, "clerk", "Người nộp đề nghị dừng", who, at=at("2026-11-20 11:00"))
    assert stopped.status is Status.STOPPED and stopped.allowed_actions == ()
    assert stopped.events[-1].payload == {"reason": "Người nộp đề nghị dừng", "requested_by": who.value}


def test_no_stop_once_a_decision_exists(db: Database) -> None:
    code = _accepted(db)
    p.transfer(db, code, "clerk")
    p.record_result(db, code, "officer")
    with pytest.raises(IllegalTransition):
        p.stop(db, code, "clerk", "Muộn rồi", StopRequester.APPLICANT)


def test_withdrawal_is_for_a_dossier_not_accepted(db: Database) -> None:
    sent_back = intake(db, IntakeRequest(TTHN, DUC, documents=()), "clerk", Outcome.SUPPLEMENT, "Thiếu tờ khai")
    assert Action.WITHDRAW in sent_back.allowed_actions
    assert p.withdraw(db, str(sent_back.id), "clerk", "Công dân không bổ sung").status is Status.WITHDRAWN
    code = _accepted(db)
    assert Action.WITHDRAW not in get_dossier(db, code).allowed_actions
    with pytest.raises(IllegalTransition, match=r"^lifecycle\.withdrawn_retired:") as caught:
        p.withdraw(db, code, "clerk", "Công dân rút hồ sơ")
    assert "dừng giải quyết" in caught.value.message("vi")
    assert get_dossier(db, code).status is Status.ACCEPTED


def test_a_withdrawal_after_acceptance_in_the_history_still_replays() -> None:
    row = SimpleNamespace(status=Status.TRANSFERRED.value, extension_count=0, supplement_count=0, code="X",
                          applicant_name="A", applicant_id_number="001090123456", applicant_phone="")
    projection.apply(row, Action.WITHDRAW, {"reason": "cũ"}, at("2025-06-01 09:00"))
    assert row.status == Status.WITHDRAWN.value


def test_return_checks_the_recipient(db: Database) -> None:
    code = _accepted(db)
    p.transfer(db, code, "clerk")
    p.record_result(db, code, "officer")
    with pytest.raises(ValidationError, match=r"^return\.recipient_mismatch:"):
        p.return_result(db, code, "clerk", p.Recipient("Người lạ", "079195000123"))
    with pytest.raises(ValidationError, match=r"^cccd\.format:"):
        p.return_result(db, code, "clerk", p.Recipient("Người lạ", "123"))
    done = p.return_result(db, code, "clerk", p.Recipient("Người lạ", "079195000123", "GUQ số 5/2026"))
    assert done.events[-1].payload["authorisation"] == "GUQ số 5/2026"


def test_postal_return_validates_the_tracking_number(db: Database) -> None:
    code = _accepted(db, delivery=Delivery.POSTAL, delivery_address="Số 1 đường A, xã Tân Hòa")
    p.transfer(db, code, "clerk")
    p.record_result(db, code, "officer")
    with pytest.raises(ValidationError, match=r"^s10\.check:"):
        p.return_result(db, code, "clerk", p.Recipient(postal_item="EB123456784VN"))
    done = p.return_result(db, code, "clerk", p.Recipient(postal_item="eb123456785vn"))
    assert done.events[-1].payload["postal_item"] == "EB123456785VN"


def test_missing_mandatory_document_cannot_be_accepted(db: Database) -> None:
    incomplete = IntakeRequest(TTHN, DUC, documents=(DocumentEntry("Giấy tờ khác", DocumentKind.COPY),))
    before = _event_count(db)
    with pytest.raises(ValidationError, match=r"^lifecycle\.missing_documents:"):
        intake(db, incomplete, "clerk")
    assert _event_count(db) == before
    sent_back = intake(db, incomplete, "clerk", Outcome.SUPPLEMENT, "Thiếu tờ khai")
    assert sent_back.status is Status.COUNTER_SUPPLEMENT and sent_back.code is None
    assert sent_back.missing_documents == ("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",)
    complete = (DocumentEntry("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"),)
    accepted = accept(db, str(sent_back.id), "clerk", complete)
    assert accepted.status is Status.ACCEPTED and accepted.code
    refused = intake(db, incomplete, "clerk", Outcome.REFUSE, "Không thuộc thẩm quyền")
    assert refused.status is Status.REFUSED_AT_COUNTER


def test_postal_rules_of_the_procedure(db: Database) -> None:
    with pytest.raises(ValidationError, match=r"^lifecycle\.postal_not_allowed:"):
        intake(db, IntakeRequest("1.000894", DUC, delivery=Delivery.POSTAL, delivery_address="x"), "clerk")
    with pytest.raises(ValidationError, match=r"^lifecycle\.postal_address_required:"):
        intake(db, IntakeRequest(TTHN, DUC, delivery=Delivery.POSTAL), "clerk")


def test_fee_per_page_with_cap(db: Database) -> None:
    documents = (DocumentEntry("Bản chính giấy tờ, văn bản cần chứng thực", pages=5),)
    dossier = intake(db, IntakeRequest("2.000815", DUC, documents=documents, copies=3), "clerk")
    assert dossier.fee_amount == 3 * (2 * 2000 + 3 * 1000)


def test_row_is_the_projection_of_its_events(db: Database) -> None:
    code = _accepted(db)
    p.transfer(db, code, "clerk")
    p.request_supplement(db, code, "officer", "Thiếu giấy")
    p.supplement_received(db, code, "clerk")
    p.extend(db, code, "leader", dt.date(2027, 1, 29), "Xác minh")
    with db.read() as session:
        row = session.scalars(select(DossierRow).where(DossierRow.code == code)).one()
        events = session.scalars(select(DossierEventRow).where(DossierEventRow.dossier_id == row.id)
                                 .order_by(DossierEventRow.seq)).all()
        rebuilt = SimpleNamespace()
        for event in events:
            projection.apply(rebuilt, Action(event.type), event.payload, event.device_time)
        for column in projection.PROJECTED_COLUMNS:
            assert getattr(rebuilt, column) == getattr(row, column), column
        assert len({e.seq for e in events}) == len(events) == 6

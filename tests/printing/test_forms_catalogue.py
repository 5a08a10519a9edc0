"""Forms 01 and 02 for procedures as published: 01 lists what was handed in (not what was only shown, long names
cut with an ellipsis), 02 lists what is missing, an alternatives group with its members."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from counter_app.catalogue_import import parse_catalogue
from counter_app.forms import Form
from counter_app.model import DocumentEntry, Person
from counter_app.services import printouts
from counter_app.services.catalogue import procedure_in_force, store_procedures
from counter_app.services.intake import IntakeRequest, Outcome, intake
from counter_app.storage.database import Database
from printing import render
from tests.catalogue_corpus import LONG_NAME, birth_registration, residence_confirmation
from tests.conftest import at
from tests.pdftools import text_of


def test_forms_01_and_02_list_what_was_handed_in_and_what_is_missing(sample_db: Database, tmp_path: Path) -> None:
    with sample_db.write() as session:
        store_procedures(session, parse_catalogue([birth_registration(), residence_confirmation()],
                                                  dt.date(2025, 7, 1)).procedures)
    day = dt.date(2026, 11, 20)
    case = procedure_in_force(sample_db, "1.001193", day).case(1)
    ticked = tuple(DocumentEntry(case.documents[n].name) for n in (0, 1, 6, 7))  # 7th is shown only
    accepted = intake(sample_db, IntakeRequest("1.001193", Person("Nguyễn Thị Lan", "001190012345"), ticked),
                      "clerk", at=at("2026-11-20 10:00"))
    slip = tmp_path / "01.pdf"
    slip.write_bytes(render.render(printouts.form_context(sample_db, str(accepted.code), Form.RECEIPT)))
    text = " ".join(text_of(slip).split())
    assert "Giấy chứng sinh do cơ sở y tế nơi trẻ sinh ra cấp" in text
    assert "Xuất trình bản chính giấy tờ tùy thân" not in text
    phrase = "Bản sao giấy tờ chứng minh nhân thân"
    assert LONG_NAME.count(phrase) == 9 and text.count(phrase) <= 2 * 2  # cut to two mentions, in each copy
    assert "sử dụng) Bản sao giấy tờ …" in text
    residence = procedure_in_force(sample_db, "1.009999", day).case(1)
    sent_back = intake(sample_db, IntakeRequest("1.009999", Person("Trần Văn Nam", "001090012345"),
                                                (DocumentEntry(residence.documents[0].name),)),
                       "clerk", Outcome.SUPPLEMENT, "Thiếu giấy tờ chỗ ở", at=at("2026-11-20 10:30"))
    notice = tmp_path / "02.pdf"
    notice.write_bytes(render.render(printouts.form_context(sample_db, str(sent_back.id), Form.SUPPLEMENT)))
    text = " ".join(text_of(notice).split())
    assert ("Giấy tờ chứng minh chỗ ở hợp pháp, một trong các giấy tờ sau: Giấy chứng nhận quyền sử dụng đất; "
            "Hợp đồng thuê nhà có công chứng;") in text
    assert "Tờ khai thay đổi thông tin cư trú" not in text  # handed in, so not asked for

"""A typical intake takes at most eight keys besides the CCCD scan, for three common procedures: pressed here
one by one, and the dossier must come out accepted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.lifecycle import Status
from tests.ui.keys import FakeClock, press, scan, type_text
from tests.ui.keystroke_count import COMMON, GOAL, keys_for
from ui.intake_view import IntakeView

QR = "001090123456|012345678|NGUYỄN VĂN ĐỨC|01011990|Nam|Thôn Đông, xã Tân Hòa, tỉnh Mẫu|15042021"


@pytest.fixture
def view(intake_screen: IntakeView) -> IntakeView:
    return intake_screen


def test_three_common_intakes_take_at_most_eight_keys_besides_the_scan(
    view: IntakeView, qtbot: QtBot, clock: FakeClock,
) -> None:
    for code in COMMON:
        query, expected = keys_for(view, code)
        view.procedure_search.setFocus()  # where the screen leaves the clerk after the previous citizen
        pressed = 0
        type_text(query, clock)
        pressed += len(query)
        press(None, Qt.Key.Key_Return, "\r")
        pressed += 1
        assert view.procedure is not None and view.procedure.code == code
        scan(QR, clock)  # the applicant, and the focus moves to the first document
        while view.checklist.missing():
            press(None, Qt.Key.Key_Space, " ")
            pressed += 1
            assert pressed <= GOAL, f"{code}: still missing {view.checklist.missing()}"
        with qtbot.waitSignal(view.finished, timeout=20000) as done:
            press(None, Qt.Key.Key_Return, "\r", Qt.KeyboardModifier.ControlModifier)
        pressed += 1
        assert done.args[0].status is Status.ACCEPTED
        assert pressed == expected <= GOAL, f"{code}: {pressed} keys («{query}»)"


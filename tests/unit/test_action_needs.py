"""One table of what each action needs, and the command line and the hub's set-status built from it."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from counter_app import action_needs, cli
from counter_app.action_needs import NEEDS, PROVINCE_ACTIONS, Need
from counter_app.cli import build_parser
from counter_app.errors import ValidationError
from counter_app.lifecycle import Action
from sync.hub.admin import TRANSITIONS


@pytest.fixture(autouse=True)
def _logging_back(restore_logging: None) -> None:
    """cli.main logs to the data folder's file (see tests/conftest.py)."""


def _subcommand(name: str) -> argparse.ArgumentParser:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices[name]  # type: ignore[no-any-return]


def _options(name: str) -> set[str]:
    return {option for action in _subcommand(name)._actions for option in action.option_strings}


@pytest.mark.parametrize("action", [a for a in NEEDS if a is not Action.ACCEPT])
def test_the_command_line_asks_what_the_table_asks(action: Action) -> None:
    options = _options(NEEDS[action].command)
    for need, option in ((Need.REASON, "--reason"), (Need.NOTE, "--note"), (Need.TO, "--to"),
                         (Need.NEW_DUE, "--new-due"), (Need.REQUESTED_BY, "--requested-by")):
        assert (option in options) == NEEDS[action].asks(need), (action, option)


def test_the_hubs_set_status_uses_the_same_names_and_needs(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert sorted(TRANSITIONS) == sorted(NEEDS[action].command for action in PROVINCE_ACTIONS)
    hub = ["--data-dir", str(tmp_path), "--lang", "en"]
    assert cli.main(["hub", "set-status", "X-261120-0001", "refuse", *hub]) == 2
    assert capsys.readouterr().err.strip() == "A reason is required."
    assert cli.main(["hub", "set-status", "X-261120-0001", "result-ready", "--reason", "Đã ký", *hub]) == 2
    assert "does not apply to «result-ready»" in capsys.readouterr().err
    assert cli.main(["hub", "set-status", "X-261120-0001", "return", *hub]) == 2
    assert "result-ready" in capsys.readouterr().err


def test_a_missing_reason_and_a_need_not_asked_are_refused() -> None:
    with pytest.raises(ValidationError) as missing:
        action_needs.check(Action.REFUSE, {Need.REASON: "  "})
    assert missing.value.key == "lifecycle.reason_required"
    with pytest.raises(ValidationError) as missing_who:
        action_needs.check(Action.STOP, {Need.REASON: "Hết thẩm quyền"})
    assert "Người đề nghị dừng" in missing_who.value.message("vi")
    with pytest.raises(ValidationError) as extra:
        action_needs.check(Action.RECORD_RESULT, {Need.REASON: "x"})
    assert extra.value.message("en") == "«Reason» does not apply to «result-ready»."
    action_needs.check(Action.TRANSFER, {Need.TO: "", Need.NOTE: ""})  # nothing required


def test_unknown_names_list_the_choices() -> None:
    assert action_needs.action_named("result-ready", PROVINCE_ACTIONS) is Action.RECORD_RESULT
    with pytest.raises(ValidationError) as unknown:
        action_needs.action_named("return", PROVINCE_ACTIONS)
    assert "result-ready" in unknown.value.message("vi") and "return" in unknown.value.message("vi")

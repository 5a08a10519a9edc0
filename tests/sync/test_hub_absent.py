"""An installation without the hub (the commune package leaves it out): every `hub …` command says in Vietnamese
where the hub comes from instead of failing on an import."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.cli import main
from sync import commands


def test_the_source_checkout_has_the_hub() -> None:
    assert commands.hub_installed()


@pytest.mark.parametrize("arguments", [("hub", "serve", "--port", "8765"), ("hub", "enroll", "--office", "X"),
                                       ("hub",)])
def test_without_the_hub_its_commands_say_where_it_comes_from(
        arguments: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(commands, "HUB_PARTS", (*commands.HUB_PARTS, "counter_test_no_such_module"))
    assert not commands.hub_installed()
    code = main(["--data-dir", str(tmp_path / "data"), *arguments])
    said = capsys.readouterr().err
    assert code == 2, said
    assert "Máy chủ tỉnh không có trong gói cài đặt của xã" in said and "pip" in said
    assert f"«hub {arguments[1] if len(arguments) > 1 else '…'}»" in said
    assert "Traceback" not in said


def test_the_message_in_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(commands, "HUB_PARTS", ("counter_test_no_such_module",))
    assert main(["--lang", "en", "--data-dir", str(tmp_path / "data"), "hub", "devices"]) == 2
    assert "The provincial hub is not in the commune package" in capsys.readouterr().err

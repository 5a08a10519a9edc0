"""`counter-app`'s first step: the window straight away when only the common options are given, the full
command line (its parser, its messages) for everything else."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.entry import main, window_options


@pytest.mark.parametrize("arguments", [[], ["--data-dir", "/tmp/x"], ["--data-dir=/tmp/x", "--lang", "en"],
                                       ["--database-url", "postgresql://h/db", "--json"]])
def test_only_common_options_open_the_window(arguments: list[str]) -> None:
    options = window_options(arguments)
    assert options is not None and not hasattr(options, "command")


@pytest.mark.parametrize("arguments", [["init"], ["--data-dir", "/tmp/x", "search", "An"], ["--help"], ["-h"],
                                       ["--lang", "fr"], ["--data-dir"], ["--self-test"], ["--bogus"]])
def test_anything_else_goes_to_the_command_line(arguments: list[str]) -> None:
    assert window_options(arguments) is None


def test_a_wrong_common_option_is_told_as_the_command_line_tells_it(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr", "--data-dir", str(tmp_path)]) == 2
    assert "fr" in capsys.readouterr().err

"""The `counter-app` command and the frozen `Counter`: the window straight away when no command is given (the
command line's parser and every module its commands use load only for a command), else `counter_app.cli`."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence

from counter_app import paths
from counter_app.cli_boundary import ArgumentParser, guarded
from counter_app.cli_options import global_options
from counter_app.errors import ValidationError


def main(argv: Sequence[str] | None = None) -> int:
    gc.disable()  # start-up makes objects that live as long as the app: no collection combs them (ui.app: back on)
    arguments = list(sys.argv[1:] if argv is None else argv)
    if "--startup-probe" in arguments[:1]:  # `make dist` times start-up from source and frozen the same way
        from ui.startup_probe import main as probe  # noqa: PLC0415 (composition root)

        return probe(arguments)
    if window_options(arguments) is not None:
        return guarded(arguments, _window_options, launch_gui)
    gc.enable()
    from counter_app.cli import main as command_line  # noqa: PLC0415 (the commands: most of the app)

    return command_line(arguments)


def window_options(arguments: list[str]) -> argparse.Namespace | None:
    """The options when `arguments` ask for the window (only options every command takes, no command); None
    for anything else, which the full command line parses (and explains when wrong)."""
    parser = ArgumentParser(prog="counter-app", parents=[global_options(suppress=False)], add_help=False)
    try:
        options, rest = parser.parse_known_args(arguments)
    except ValidationError:
        return None
    return None if rest else options


def _window_options(arguments: list[str]) -> argparse.Namespace:
    options = window_options(arguments)
    assert options is not None  # main() asked first
    return options


def launch_gui(args: argparse.Namespace) -> int:
    from ui.app import run  # noqa: PLC0415 (the GUI loads Qt only when it is asked for)

    return run(paths.data_dir(args.data_dir), args.database_url)

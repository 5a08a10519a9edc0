"""The command line's error boundary: a known problem is one line in the user's language and exit code 2, a
closed output pipe ends quietly, and a bug is logged with its traceback and reported in one line (exit 70)."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Final, NoReturn

from counter_app import logs, paths
from counter_app.errors import CounterError, StorageError, ValidationError
from counter_app.messages import os_reason, render

EXIT_REFUSED: Final = 2
EXIT_BUG: Final = 70  # EX_SOFTWARE: not the user's fault; the log has the traceback
log = logging.getLogger("counter.cli")


def guarded(arguments: list[str], parse: Callable[[list[str]], argparse.Namespace],
            execute: Callable[[argparse.Namespace], int]) -> int:
    """Parse `arguments` and `execute` them, turning every failure into a message and an exit code."""
    lang = language(arguments)
    log_file: Path | None = None
    try:
        check_arguments(arguments)
        args = parse(arguments)
        if getattr(args, "command", None) is not None:
            log_file = logs.setup(data_folder(args.data_dir))
            log.info("command %s", _command_name(args))
        return execute(args)
    except CounterError as error:
        _say(error.message(lang))
        return EXIT_REFUSED
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except OSError as error:  # the file system said no (a name too long, no permission, a full disk…)
        log.warning("file system refused: %s", type(error).__name__)
        _say(render("file.os_error", lang, path=str(error.filename or "—")[:200],
                    reason=os_reason(error)))
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
    except Exception:
        log.exception("bug in counter-app %s", " ".join(a for a in arguments[:1] if not a.startswith("-")))
        _say(render("bug.cli", lang, log=str(log_file) if log_file else "—"))
        return EXIT_BUG


class ArgumentParser(argparse.ArgumentParser):
    """argparse, with its complaints (an unknown option, a missing argument) as a message in the user's language."""

    def error(self, message: str) -> NoReturn:
        raise ValidationError("input.arguments", detail=message, command=self.prog)


def language(arguments: list[str]) -> str:
    """The --lang chosen (looked up before parsing, so even a parse-time problem is in that language)."""
    for index, argument in enumerate(arguments):
        if argument == "--lang=en" or (argument == "--lang" and arguments[index + 1:index + 2] == ["en"]):
            return "en"
    return "vi"


def check_arguments(arguments: list[str]) -> None:
    """Every argument must be text: bytes that are not UTF-8 arrive as lone surrogates and are refused; a NUL
    (which no real command line can carry, only a caller in the same process) too."""
    for argument in arguments:
        if "\x00" in argument:
            raise ValidationError("input.not_utf8", argument=argument.replace("\x00", "\\x00")[:80])
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            shown = argument.encode("utf-8", "backslashreplace").decode("ascii", "replace")
            raise ValidationError("input.not_utf8", argument=shown[:80]) from None


def data_folder(explicit: str | None) -> Path:
    """The data folder (created, 0700), or a message when it cannot be made."""
    try:
        return paths.data_dir(explicit)
    except OSError as error:
        raise StorageError("storage.data_dir", path=str(explicit or error.filename or ""),
                           reason=os_reason(error)) from error


def _command_name(args: argparse.Namespace) -> str:
    return " ".join(str(part) for part in (args.command, getattr(args, "action", None)) if part)


def _say(text: str) -> None:
    with contextlib.suppress(OSError):
        print(text, file=sys.stderr)


def _silence_stdout() -> None:
    """The reader went away (`| head`): point stdout at /dev/null so the exit flush stays quiet too."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)

"""The options every `counter-app` command takes, and the window's own (the same, with no command)."""

from __future__ import annotations

import argparse
from pathlib import Path


def global_options(suppress: bool) -> argparse.ArgumentParser:
    """The options every command takes. A subcommand's copy has no defaults (argparse would otherwise write
    them over `counter-app --data-dir X init`'s X); the top parser's copy holds them."""
    options = argparse.ArgumentParser(add_help=False)

    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    options.add_argument("--data-dir", default=default(None),
                         help="data folder (default: COUNTER_DATA_DIR or the user data folder)")
    options.add_argument("--database-url", default=default(None),
                         help="PostgreSQL URL for offices with several counters")
    options.add_argument("--json", action="store_true", default=default(False), help="print the result as JSON")
    options.add_argument("--lang", choices=("vi", "en"), default=default("vi"), help="language of messages")
    options.add_argument("--actor", default=default("cli"), help="user name recorded in the history")
    options.add_argument("--password-file", type=Path, default=default(None),
                         help="office password (first line) for an encrypted data folder whose key is not in the "
                              "keyring; or COUNTER_PASSWORD_FILE / COUNTER_PASSWORD")
    return options

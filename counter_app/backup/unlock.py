"""The key of a backup on a PC that did not make it: the office password, or the recovery sheet's code, opens
the data key wrapped in the `protect.json` kept beside each generation's manifest."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from counter_app.backup import layout
from counter_app.backup.keys import WRAPPED_KEY
from counter_app.errors import AuthError, ValidationError
from counter_app.protect import keyfile
from counter_app.protect.recovery import decode


def data_key_for(given: Path, password: Callable[[], str] | None = None, recovery_code: str | None = None) -> bytes:
    """The data key of the installation whose backup is at `given` (the newest generation that keeps one); the
    office password is asked for (`password()`) only once a wrapped key is found."""
    root, only = layout.find_root(given)
    for folder in [only] if only else list(reversed(layout.generations(root))):
        if not (folder / WRAPPED_KEY).is_file():
            continue
        wrapped = keyfile.load(folder)
        if wrapped is None or not wrapped.encrypted:
            continue
        if recovery_code:
            key = decode(recovery_code)
            if not keyfile.matches(wrapped, key):
                raise AuthError("protect.recovery_other_key")
            return key
        if password is None:
            raise ValidationError("backup.password_needed")
        return keyfile.unwrap(wrapped, password())
    raise ValidationError("backup.no_wrapped_key", path=str(root))

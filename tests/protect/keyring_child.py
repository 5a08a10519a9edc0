"""Run inside a D-Bus session with gnome-keyring (see test_keyring.py): set up a folder, reopen it from the keyring."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import keyring

from counter_app.errors import AuthError
from counter_app.protect import access, keystore
from counter_app.protect.keyfile import CHEAP_TEST_KDF
from counter_app.storage.database import Database


def main(folder: Path) -> None:
    key = access.set_up(folder, "mật khẩu văn phòng 2026", CHEAP_TEST_KDF)
    found = access.status(folder, look_in_keyring=True)
    from_keyring = access.unlock(folder)  # no password: the keyring's copy
    Database.open(folder, key=from_keyring).dispose()
    keystore.forget(found.key_id)
    try:
        access.unlock(folder)
        after_forget = "opened"
    except AuthError as error:
        after_forget = error.key
    print(json.dumps({"backend": type(keyring.get_keyring()).__module__, "in_keyring": found.in_keyring,
                      "same_key": from_keyring == key, "after_forget": after_forget}))


if __name__ == "__main__":
    main(Path(sys.argv[1]))

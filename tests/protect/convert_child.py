"""Encrypt the plain data folder given (cheap KDF), as `counter-app protect encrypt` does; killed by the tests."""

from __future__ import annotations

import sys
from pathlib import Path

from counter_app.protect.convert import encrypt_folder
from counter_app.protect.keyfile import CHEAP_TEST_KDF
from counter_app.protect.sqlcipher import sqlcipher_module
from counter_app.storage import database

assert database.SQLITE_FILE and sqlcipher_module()  # loaded before "ready"

PASSWORD = "mật khẩu văn phòng 2026"

if __name__ == "__main__":
    print("ready", flush=True)  # imports done: the parent's random kill falls within the conversion itself
    encrypt_folder(Path(sys.argv[1]), PASSWORD, CHEAP_TEST_KDF)
    print("encrypted")

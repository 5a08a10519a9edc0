"""SQLCipher for the SQLite file: the driver, the key pragma on every connection, and plain → encrypted export."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any


def sqlcipher_module() -> ModuleType:
    """`sqlcipher3`'s DB-API module, the drop-in for the standard `sqlite3`."""
    import sqlcipher3.dbapi2  # type: ignore[import-untyped]  # noqa: PLC0415 (loaded only for encrypted folders)

    module: ModuleType = sqlcipher3.dbapi2
    return module


def database_key(key: bytes) -> bytes:
    """The SQLCipher key: derived from the data key (one key, one purpose), given raw (no PBKDF2 per open)."""
    return hashlib.blake2b(b"counter sqlcipher", key=key, digest_size=32).digest()


def key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{database_key(key).hex()}'\""


def keyed(key: bytes) -> Callable[[Any, Any], None]:
    """A SQLAlchemy `connect` listener that keys each new connection before anything else runs on it."""

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(key_pragma(key))
        cursor.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is reported by us, not on stderr
        cursor.close()

    return on_connect


def export_encrypted(plain: Path, target: Path, key: bytes) -> None:
    """Copy the plain SQLite file `plain` into a new SQLCipher file `target` (which must not exist), schema,
    data, FTS tables and user_version included; `plain` is left as it is."""
    dbapi = sqlcipher_module()
    connection = dbapi.connect(str(plain), isolation_level=None)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        connection.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{database_key(key).hex()}'\"", (str(target),))
        connection.execute("SELECT sqlcipher_export('encrypted')")
        connection.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        connection.execute("DETACH DATABASE encrypted")
    finally:
        connection.close()

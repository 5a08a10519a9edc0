"""The database of one installation: engine set-up, units of work, device identity and blob store."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from counter_app.clock import now
from counter_app.errors import StorageError
from counter_app.paths import private_file
from counter_app.protect.sqlcipher import keyed, sqlcipher_module
from counter_app.storage.blobs import BlobStore, write_atomically
from counter_app.storage.migrate import upgrade
from counter_app.storage.orm import DeviceRow
from counter_app.storage.premigrate import backup_if_migrating

CONFIG_FILE = "counter.json"
SQLITE_FILE = "counter.sqlite3"


class Database:
    """Opens the engine, runs migrations, and hands out one session per unit of work."""

    def __init__(self, url: str, data_dir: Path, device_id: uuid.UUID, key: bytes | None = None) -> None:
        self.url = url
        self.data_dir = data_dir
        self.device_id = device_id
        self.key = key  # the installation's data key (SQLCipher and sealed files), None when unprotected
        self.engine = _create_engine(url, key)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(self.engine.execution_options(counter_write=True), expire_on_commit=False)
        self.blobs = BlobStore(data_dir / "blobs", key)

    @classmethod
    def open(cls, data_dir: Path, url: str | None = None, key: bytes | None = None) -> Database:
        """The installation's database (created and migrated as needed), SQLite unless a URL is set. With `key`
        (the data key, see counter_app.protect) the SQLite file is SQLCipher's and blobs are sealed; a data folder
        set up as encrypted is refused without it."""
        data_dir.mkdir(parents=True, exist_ok=True)
        from counter_app.protect.convert import roll_forward  # noqa: PLC0415 (libsodium loads when opening)
        from counter_app.protect.keyfile import protection_key  # noqa: PLC0415

        roll_forward(data_dir, SQLITE_FILE)
        checked_key = protection_key(data_dir, key)
        config = _load_config(data_dir)
        database_url = checked_url(url or config.get("database_url") or f"sqlite:///{data_dir / SQLITE_FILE}")
        database = cls(database_url, data_dir, uuid.UUID(config["device_id"]), checked_key)
        try:
            backup_if_migrating(database)
            upgrade(database.engine)
        except DatabaseError as error:
            database.dispose()
            problem = "storage.unreachable" if isinstance(error, OperationalError) else "storage.damaged"
            known = _known_storage_error(error) if isinstance(error, OperationalError) else None
            raise known or StorageError(problem, url=_shown(database_url), reason=type(error.orig).__name__) from error
        database._ensure_device()
        if url and config.get("database_url") != url:  # remembered only once it has worked
            config["database_url"] = url
            _save_config(data_dir, config)
        return database

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work that writes: committed when the block ends, rolled back on any error."""
        session = self._write()
        try:
            yield session
            session.commit()
        except OperationalError as error:
            session.rollback()
            known = _known_storage_error(error)
            if known is None:
                raise
            raise known from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """One unit of work that only reads."""
        session = self._read()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()

    def _ensure_device(self) -> None:
        with self.write() as session:
            if session.get(DeviceRow, self.device_id) is None:
                session.add(DeviceRow(id=self.device_id, name="", last_seq=0, created_at=now()))


def checked_url(url: str) -> str:
    """`url` when SQLAlchemy can use it (a known dialect and driver), else a message that hides any password."""
    try:
        make_url(url).get_dialect().import_dbapi()
    except (ArgumentError, NoSuchModuleError, ValueError, ImportError) as error:
        raise StorageError("storage.bad_url", url=_shown(url)) from error
    return url


def _shown(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)[:200]
    except (ArgumentError, ValueError):
        return url.rsplit("@", maxsplit=1)[-1][:200]


def _create_engine(url: str, key: bytes | None = None) -> Engine:
    # hide_parameters: a database error's text never carries the citizen data of the statement
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, hide_parameters=True)
    file = Path(url.removeprefix("sqlite:///"))
    if file.name not in ("", ":memory:") and file.parent.is_dir():
        private_file(file)  # the -wal and -shm files take the database's mode
    cipher: dict[str, Any] = {} if key is None else {"module": sqlcipher_module()}
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, hide_parameters=True,
                           **cipher)
    if key is not None:
        event.listen(engine, "connect", keyed(key))
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # let the "begin" hook below issue BEGIN itself
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=30000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_on_begin(connection: Any) -> None:
    # Writers take the lock up front: a deferred transaction that later writes cannot wait for a lock.
    immediate = connection.get_execution_options().get("counter_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _known_storage_error(error: OperationalError) -> StorageError | None:
    """A busy or full database as a message for the clerk; None for anything that is a bug."""
    text = str(error.orig).lower()
    if "full" in text or "no space" in text:
        return StorageError("storage.disk_full")
    if "locked" in text or "busy" in text or "lock timeout" in text:
        return StorageError("storage.locked")
    return None


def _load_config(data_dir: Path) -> dict[str, Any]:
    path = data_dir / CONFIG_FILE
    config: dict[str, Any] = json.loads(path.read_text("utf-8")) if path.exists() else {}
    if "device_id" not in config:
        config["device_id"] = str(uuid.uuid4())
        _save_config(data_dir, config)
    return config


def _save_config(data_dir: Path, config: dict[str, Any]) -> None:
    write_atomically(data_dir / CONFIG_FILE, json.dumps(config, indent=2).encode())

"""Shared fixtures: a fresh database per test on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from counter_app.clock import VN_TZ
from counter_app.model import Office
from counter_app.services.office import initialise
from counter_app.storage.database import SQLITE_FILE, Database
from tests.pki import Pki, file_server, make_pki

# The app encrypts every new data folder; the tests make theirs plain (the explicit development switch), except
# tests/protect, which turn it off. No test touches the developer's own keyring: the null back-end stores nothing.
os.environ.setdefault("COUNTER_DEV_UNENCRYPTED", "1")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

OFFICE = Office(code="000.00.12.H12", name="Trung tâm Phục vụ hành chính công xã Tân Hòa", place_name="Tân Hòa")
_names = itertools.count(1)


def at(text: str) -> dt.datetime:
    """A Vietnamese local time from 'YYYY-MM-DD HH:MM'."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=VN_TZ)


def _pg_bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.fail("PostgreSQL server binaries are missing: `make test` installs them")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def postgres_server(max_connections: int = 60) -> Iterator[str]:
    """A PostgreSQL server started from the installed binaries, on loopback; yields its base URL."""
    bindir, base, port = _pg_bindir(), Path(tempfile.mkdtemp(prefix="counter-pg-")), _free_port()
    as_postgres: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        shutil.chown(base, "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    data = base / "data"
    subprocess.run([*as_postgres, bindir / "initdb", "-D", data, "-A", "trust", "-U", "counter", "-E", "UTF8",
                    "--no-sync"], check=True, capture_output=True)
    options = (f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off "
               f"-c max_connections={max_connections}")
    subprocess.run([*as_postgres, bindir / "pg_ctl", "-D", data, "-l", base / "log", "-w", "-o", options, "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://counter@127.0.0.1:{port}"
    finally:
        subprocess.run([*as_postgres, bindir / "pg_ctl", "-D", data, "-m", "immediate", "stop"], capture_output=True,
                       check=False)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The test session's PostgreSQL server."""
    with postgres_server() as url:
        yield url


@pytest.fixture(scope="session")
def pg_template(pg_server: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated database with the test office and seed catalogue, cloned for each test."""
    create_database(pg_server, "counter_template")
    database = Database.open(tmp_path_factory.mktemp("pg-template"), f"{pg_server}/counter_template")
    initialise(database, OFFICE)
    database.dispose()
    return "counter_template"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sqlite-template")
    database = Database.open(folder)
    initialise(database, OFFICE)
    database.dispose()
    return folder / SQLITE_FILE


def create_database(server: str, name: str, template: str | None = None) -> None:
    engine = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        suffix = f" TEMPLATE {template}" if template else ""
        connection.exec_driver_sql(f"CREATE DATABASE {name}{suffix}")
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str | None:
    """None for SQLite in the test's data folder (copied from the template), else a fresh PG database."""
    if backend == "sqlite":
        shutil.copy(request.getfixturevalue("sqlite_template"), tmp_path / SQLITE_FILE)
        return None
    server, template = request.getfixturevalue("pg_server"), request.getfixturevalue("pg_template")
    name = f"test_{os.getpid()}_{next(_names)}"
    create_database(server, name, template)
    return f"{server}/{name}"


@pytest.fixture
def db(database_url: str | None, tmp_path: Path) -> Iterator[Database]:
    """A migrated database with the test office and the seed catalogue."""
    database = Database.open(tmp_path, database_url)
    yield database
    database.dispose()


def _as_root(*command: str) -> list[str]:
    return list(command) if os.geteuid() == 0 else ["sudo", *command]


@pytest.fixture(scope="session")
def cups_queue(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A real CUPS queue whose back-end (cups-pdf) writes each job as a PDF into the returned folder."""
    if shutil.which("cupsd") is None or not Path("/usr/lib/cups/backend/cups-pdf").exists():
        pytest.fail("CUPS and cups-pdf are missing: `make test` installs them")
    out = tmp_path_factory.mktemp("cups-pdf")
    out.chmod(0o777)
    name = f"CounterTest{os.getpid()}"
    conf = Path(f"/etc/cups/cups-pdf-{name}.conf")
    subprocess.run(_as_root("tee", str(conf)), input=f"Out {out}\nAnonDirName {out}\nLabel 0\n", text=True,
                   check=True, capture_output=True)
    if not _cups_running():
        subprocess.run(_as_root("cupsd"), check=True)
        for _ in range(50):
            if _cups_running():
                break
            time.sleep(0.1)
    subprocess.run(_as_root("lpadmin", "-p", name, "-E", "-v", f"cups-pdf:/{name}", "-P",
                            "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"), check=True, capture_output=True)
    yield name, out
    subprocess.run(_as_root("lpadmin", "-x", name), check=False, capture_output=True)
    subprocess.run(_as_root("rm", "-f", str(conf)), check=False)


def _cups_running() -> bool:
    status = subprocess.run(["lpstat", "-r"], check=False, capture_output=True, text=True)
    return "not running" not in status.stdout and status.returncode == 0


def wait_for_file(folder: Path, pattern: str = "*.pdf", timeout: float = 60) -> Path:
    """The first PDF matching `pattern` once the printer back-end has finished writing it (%%EOF at its end)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for found in sorted(folder.glob(pattern)):
            with found.open("rb") as file:
                file.seek(max(0, found.stat().st_size - 32))
                if b"%%EOF" in file.read():
                    return found
        time.sleep(0.2)
    raise AssertionError(f"nothing printed into {folder} within {timeout} s")


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pki]:
    """A test CA with a signer (PKCS#12 and key files) and a time-stamp authority's certificate; its CRL is
    served on loopback for the whole session."""
    folder = tmp_path_factory.mktemp("pki")
    with file_server(folder) as url:
        yield make_pki(folder, url)


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """counter-app commands send the root logger to their data folder's file; give pytest its logging back."""
    import logging  # noqa: PLC0415

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)

"""The hub's database for the sync tests that run on both: SQLite in its folder, or a fresh PostgreSQL one."""

from __future__ import annotations

import itertools
import os

import pytest

from tests.conftest import create_database

_names = itertools.count()


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _hub_database(request: pytest.FixtureRequest) -> str | None:
    if request.param == "sqlite":
        return None
    server = request.getfixturevalue("pg_server")
    name = f"hub_{os.getpid()}_{next(_names)}"
    create_database(server, name)
    return f"{server}/{name}"


@pytest.fixture(params=BACKENDS)
def hub_database(request: pytest.FixtureRequest) -> str | None:
    """None for the hub's own SQLite file, else the URL of a new PostgreSQL database."""
    return _hub_database(request)


@pytest.fixture(scope="module", params=BACKENDS)
def hub_database_module(request: pytest.FixtureRequest) -> str | None:
    """The same, shared by a module's tests."""
    return _hub_database(request)

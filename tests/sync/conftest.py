"""The hub's database for the sync tests that run on both: SQLite in its folder, or a fresh PostgreSQL one."""

from __future__ import annotations

import itertools

import pytest

from tests.conftest import create_database

_names = itertools.count()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def hub_database(request: pytest.FixtureRequest) -> str | None:
    """None for the hub's own SQLite file, else the URL of a new PostgreSQL database."""
    if request.param == "sqlite":
        return None
    server = request.getfixturevalue("pg_server")
    name = f"hub_{next(_names)}_{id(request)}"
    create_database(server, name)
    return f"{server}/{name}"

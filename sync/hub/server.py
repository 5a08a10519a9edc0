"""Running the hub: uvicorn serving the FastAPI app over a hub data folder (and its database URL); with
several workers, stateless processes share one database (PostgreSQL) and blob folder."""

from __future__ import annotations

import os
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from sync.hub.app import create_app
from sync.hub.keys import hub_keys
from sync.hub.store import HubStore

DATA_ENV, DB_ENV = "COUNTER_HUB_DATA", "COUNTER_HUB_DB"


def serve(data_dir: Path, database_url: str | None, host: str, port: int, workers: int = 1) -> None:
    HubStore(data_dir, database_url).dispose()  # tables and keys made once, before any worker starts
    hub_keys(data_dir)
    os.environ[DATA_ENV] = str(data_dir)
    os.environ[DB_ENV] = database_url or ""
    uvicorn.run("sync.hub.server:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="warning", timeout_keep_alive=30, limit_concurrency=1000)


def app_from_environment() -> FastAPI:
    """One worker's app, over the store named by the environment that `serve` set."""
    return create_app(HubStore(Path(os.environ[DATA_ENV]), os.environ.get(DB_ENV) or None))

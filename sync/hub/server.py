"""Running the hub: uvicorn serving the FastAPI app over a hub data folder (and its database URL); with
several workers, stateless processes share one database (PostgreSQL) and blob folder, and each worker ends
with the parent that started it, even when that parent is killed outright (SIGKILL)."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from sync.hub.app import create_app
from sync.hub.keys import hub_keys
from sync.hub.store import HubStore

DATA_ENV, DB_ENV, PARENT_ENV = "COUNTER_HUB_DATA", "COUNTER_HUB_DB", "COUNTER_HUB_PARENT"
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def serve(data_dir: Path, database_url: str | None, host: str, port: int, workers: int = 1) -> None:
    HubStore(data_dir, database_url).dispose()  # tables and keys made once, before any worker starts
    hub_keys(data_dir)
    os.environ[DATA_ENV] = str(data_dir)
    os.environ[DB_ENV] = database_url or ""
    os.environ[PARENT_ENV] = str(os.getpid())
    uvicorn.run("sync.hub.server:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="warning", timeout_keep_alive=30, limit_concurrency=1000)


def app_from_environment() -> FastAPI:
    """One worker's app, over the store named by the environment that `serve` set."""
    die_with_parent(os.environ.get(PARENT_ENV))
    return create_app(HubStore(Path(os.environ[DATA_ENV]), os.environ.get(DB_ENV) or None))


def die_with_parent(parent: str | None) -> None:
    """In a worker process (not the one `serve` ran in): ask Linux to send SIGTERM when the parent dies, and
    leave at once if it already has. Elsewhere (one worker, in the parent itself; other systems) nothing."""
    if not parent or not parent.isdigit() or int(parent) == os.getpid() or not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    if os.getppid() != int(parent):  # the parent died before the request above took effect
        os.kill(os.getpid(), signal.SIGTERM)

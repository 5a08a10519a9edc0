"""Running the hub: uvicorn serving the FastAPI app over a hub data folder (and its database URL)."""

from __future__ import annotations

from pathlib import Path

import uvicorn

from sync.hub.app import create_app
from sync.hub.store import HubStore


def serve(data_dir: Path, database_url: str | None, host: str, port: int) -> None:
    store = HubStore(data_dir, database_url)
    try:
        uvicorn.run(create_app(store), host=host, port=port, log_level="warning", timeout_keep_alive=30,
                    limit_concurrency=1000)
    finally:
        store.dispose()

"""Where Counter keeps its data: `--data-dir`, else `COUNTER_DATA_DIR`, else the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "COUNTER_DATA_DIR"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder, created if missing."""
    chosen = explicit or os.environ.get(ENV_DATA_DIR) or platformdirs.user_data_dir("Counter", "Counter")
    path = Path(chosen).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """The `resources/` folder shipped beside the packages."""
    return Path(__file__).resolve().parent.parent / "resources"

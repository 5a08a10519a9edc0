"""The provincial hub: a separate server process that counters sync with (FastAPI, SQLAlchemy, blobs on disk)."""

"""Counter's core: domain model, legal rules, services and storage (no Qt, no HTTP)."""

__version__ = "0.1.0"

"""Counter's core: domain model, legal rules, services and storage (no Qt, no HTTP)."""

# The app's version, written here only: pyproject.toml, the Makefile and build-windows.ps1 read it from here.
__version__ = "0.1.0"

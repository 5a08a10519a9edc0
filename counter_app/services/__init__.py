"""Service functions: one unit of work per user action, frozen dataclasses out."""

"""PySide6 windows, dialogs, table models and background workers."""

"""Keyboard shortcuts bound to a widget: PySide6 ignores `context=` in QShortcut's constructor (the shortcut
would then act in the whole window), so the context is set after construction."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def shortcut(keys: str | QKeySequence | Qt.Key, widget: QWidget, slot: Callable[[], object],
             context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut) -> QShortcut:
    """`keys` call `slot` while the focus is in `widget` (or in it and its children, by default)."""
    bound = QShortcut(QKeySequence(keys), widget)
    bound.setContext(context)
    bound.activated.connect(slot)
    return bound

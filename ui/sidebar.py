"""The left sidebar: the sections with their icons and shortcut keys, the current one highlighted."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui import theme


@dataclass(frozen=True)
class Section:
    """One place of the app: its key, the caption and icon shown, and the shortcut that opens it."""

    key: str
    caption: str
    icon: str
    shortcut: str


class SectionButton(QPushButton):
    """Icon, caption and the shortcut key, left to right; checked while its section is shown."""

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.setCheckable(True)
        self.setAccessibleName(section.caption)
        self.setToolTip(f"{section.caption} ({section.shortcut})")
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 6, 12, 6)
        row.setSpacing(10)
        glyph = QLabel()
        glyph.setPixmap(theme.icon(section.icon, "sidebar_text").pixmap(QSize(20, 20)))
        self.caption = QLabel(section.caption)
        keys = theme.set_role(QLabel(section.shortcut), "muted")
        for label in (glyph, self.caption, keys):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row.addWidget(glyph)
        row.addWidget(self.caption, 1)
        row.addWidget(keys)

    def sizeHint(self) -> QSize:
        hint = self.layout().sizeHint()  # type: ignore[union-attr]
        return QSize(hint.width(), max(hint.height(), 40))


class Sidebar(QFrame):
    """`chosen(key)` when a section is clicked; `add(section)` appends one (screens added later slot in)."""

    chosen = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Sidebar")
        self.setFixedWidth(236)
        self.buttons: dict[str, SectionButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 14, 0, 10)
        self._column.setSpacing(2)
        heading = theme.set_role(QLabel(title), "heading")
        heading.setContentsMargins(18, 0, 12, 12)
        self._column.addWidget(heading)
        self._column.addStretch()
        self.footer = QVBoxLayout()
        self._column.addLayout(self.footer)

    def add(self, section: Section, position: int | None = None) -> SectionButton:
        button = SectionButton(section, self)
        button.clicked.connect(lambda: self.chosen.emit(section.key))
        self._group.addButton(button)
        index = self._column.count() - 2 if position is None else 1 + position  # before the stretch
        self._column.insertWidget(index, button)
        self.buttons[section.key] = button
        return button

    def set_current(self, key: str) -> None:
        button = self.buttons.get(key)
        if button is not None:
            button.setChecked(True)
        else:
            checked = self._group.checkedButton()
            if checked is not None:  # a screen outside the sections (one dossier): none highlighted
                self._group.setExclusive(False)
                checked.setChecked(False)
                self._group.setExclusive(True)

    def current(self) -> str:
        checked = self._group.checkedButton()
        return checked.section.key if isinstance(checked, SectionButton) else ""

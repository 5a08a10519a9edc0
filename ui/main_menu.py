"""The main window's menus: per screen a sidebar button, a menu entry and a shortcut; print, lock, help, language."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from ui import theme
from ui.sidebar import Section

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from ui.main_window import MainWindow

# Sections whose screens are slotted in by `add_screen` (ui/pages.py): hidden until then.
LATER_SECTIONS = ("postal", "reports")


def sections() -> list[Section]:
    """The sidebar's sections in order (translated in the main window's context, whose menus these are)."""
    translate = QCoreApplication.translate
    return [
        Section("home", translate("MainWindow", "Home"), "home", "Ctrl+1"),
        Section("intake", translate("MainWindow", "Intake"), "file-plus", "Ctrl+2"),
        Section("dossiers", translate("MainWindow", "Dossiers"), "folders", "Ctrl+3"),
        Section("postal", translate("MainWindow", "Post"), "mail", "Ctrl+6"),
        Section("reports", translate("MainWindow", "Reports"), "chart-bar", "Ctrl+7"),
        Section("sync", translate("MainWindow", "Sync"), "refresh", "Ctrl+5"),
        Section("admin", translate("MainWindow", "Administration"), "settings", "Ctrl+4"),
    ]


def build_menus(window: MainWindow) -> None:
    """The «Counter» and «Language» menus and the sidebar's buttons; what needs a user is enabled at log-in."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Counter"))
    window.session_actions, window.section_actions = [], {}
    _add_sections(window, menu)
    menu.addSeparator()
    _add_commands(window, menu)
    _add_languages(window)


def _add_sections(window: MainWindow, menu: QMenu) -> None:
    for section in sections():
        button = window.sidebar.add(section)
        action = _action(window, section.caption, section.shortcut,
                         lambda _=False, k=section.key: window.show_section(k))
        action.setIcon(theme.icon(section.icon))
        menu.addAction(action)
        window.section_actions[section.key] = action
        if section.key in LATER_SECTIONS:
            button.setVisible(False)
            action.setVisible(False)
        elif section.key != "admin":
            window.session_actions.append(action)
    window.admin_action = window.section_actions["admin"]
    window.postal_action = window.section_actions["postal"]


def _add_commands(window: MainWindow, menu: QMenu) -> None:
    translate = QCoreApplication.translate
    window.print_action = _action(window, translate("MainWindow", "Print a form…"), QKeySequence.StandardKey.Print,
                                  window.open_print_dialog)
    lock = _action(window, translate("MainWindow", "Lock the screen"), "Ctrl+L", window.lock)
    account = _action(window, translate("MainWindow", "My account (password, PIN)…"), "Ctrl+Shift+A",
                      window.open_account)
    window.help_action = _action(window, translate("MainWindow", "Help"), QKeySequence.StandardKey.HelpContents,
                                 window.open_help)
    back = _action(window, translate("MainWindow", "Back"), "Alt+Left", window.go_back)
    rating = _action(window, translate("MainWindow", "Customer rating window"), "Ctrl+8", window.show_rating_window)
    for action in (window.print_action, lock, account, back, window.help_action, rating):
        menu.addAction(action)
        window.session_actions.append(action)
    _add_rating_option(window, menu)


def _add_rating_option(window: MainWindow, menu: QMenu) -> None:
    """The citizen is asked to rate at hand-over; this asks after intake too (remembered in the settings)."""
    caption = QCoreApplication.translate("MainWindow", "Ask for a rating after intake too")
    window.rate_after_intake = QAction(caption, window, checkable=True)
    window.rate_after_intake.setChecked(str(window.settings.value("rating/after_intake", "false")).lower() == "true")
    window.rate_after_intake.toggled.connect(lambda on: window.settings.setValue("rating/after_intake", on))
    menu.addAction(window.rate_after_intake)


def _add_languages(window: MainWindow) -> None:
    language = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Language"))
    for caption, code in (("Tiếng Việt", "vi"), ("English", "en")):
        choice = QAction(caption, window)
        choice.triggered.connect(lambda _=False, chosen=code: window.set_language(chosen))
        language.addAction(choice)


def _action(window: MainWindow, caption: str, keys: QKeySequence.StandardKey | str,
            slot: Callable[..., Any]) -> QAction:
    action = QAction(caption, window)
    action.setShortcut(QKeySequence(keys))
    action.setEnabled(False)
    action.triggered.connect(slot)
    window.addAction(action)
    return action

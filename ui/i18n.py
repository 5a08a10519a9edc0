"""Loading the compiled translation for the chosen language (Vietnamese by default; English is the source)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from counter_app.paths import resources_dir

DEFAULT_LANGUAGE = "vi"
_current = DEFAULT_LANGUAGE


def language() -> str:
    """The language the screens were started in ('vi' or 'en'), for the core's bilingual messages."""
    return _current


def install(app: QCoreApplication, language: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """Install Counter's and Qt's own translations for `language`; keep the result alive with the app."""
    global _current  # noqa: PLW0603 (one language per running application)
    _current = language
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    ours, qt = QTranslator(app), QTranslator(app)
    if ours.load(f"counter_{language}", str(resources_dir() / "translations")):
        app.installTranslator(ours)
        installed.append(ours)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed

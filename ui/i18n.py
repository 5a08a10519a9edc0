"""The chosen language at run time: Counter's and Qt's own translations, and the locale for numbers and dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from counter_app.paths import resource

DEFAULT_LANGUAGE = "vi"
_current = DEFAULT_LANGUAGE
_LOCALES = {"vi": (QLocale.Language.Vietnamese, QLocale.Country.Vietnam),
            "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom)}


def language() -> str:
    """The language the screens were started in ('vi' or 'en'), for the core's bilingual messages."""
    return _current


def install(app: QCoreApplication, language: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """Install Counter's and Qt's own translations for `language` and its locale (vi_VN: comma decimals,
    dd/MM/yyyy); keep the result alive with the app."""
    global _current  # noqa: PLW0603 (one language per running application)
    _current = language
    QLocale.setDefault(QLocale(*_LOCALES.get(language, _LOCALES["vi"])))
    installed: list[QTranslator] = []
    ours = resource("translations")
    if language == "en":  # English is the source: only its plural forms ("1 day", "2 days") are translated
        plurals = QTranslator(app)
        if plurals.load("counter_en", str(ours)):
            app.installTranslator(plurals)
            installed.append(plurals)
        return installed
    for name, folders in ((f"counter_{language}", [str(ours)]),
                          (f"qtbase_{language}",  # Qt ships no qtbase_vi: ours first, then Qt's own folder
                           [str(ours), QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)])):
        translator = QTranslator(app)
        if any(translator.load(name, folder) for folder in folders):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def number(value: float, decimals: int = 0) -> str:
    """A number in the chosen locale: 1.234.567 and 3,5 in Vietnamese."""
    return QLocale().toString(float(value), "f", decimals) if decimals else QLocale().toString(int(value))


def day(value: dt.date) -> str:
    """A date as the clerk writes it: dd/mm/yyyy (both languages)."""
    return f"{value:%d/%m/%Y}"


def moment(value: dt.datetime) -> str:
    """A time and date: 'HH:MM dd/mm/yyyy'."""
    return f"{value:%H:%M %d/%m/%Y}"

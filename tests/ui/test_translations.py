"""Every string on screen is translated to Vietnamese, and the shipped .qm is built from the shipped .ts."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from counter_app.paths import resources_dir

ROOT = Path(__file__).resolve().parents[2]
TS = resources_dir() / "translations" / "counter_vi.ts"
BIN = Path(sys.executable).parent


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_every_ui_string_has_a_finished_vietnamese_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code, shipped = _messages(fresh), _messages(TS)
    assert in_code, "lupdate found no strings"
    missing = sorted(key for key in in_code if key not in shipped)
    assert not missing, f"run pyside6-lupdate and translate: {missing[:10]}"
    unfinished = [key for key, message in shipped.items()
                  if (message.find("translation") is None or message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
                      or not "".join(message.find("translation").itertext()).strip())]  # type: ignore[union-attr]
    assert not unfinished, unfinished[:10]


def test_the_compiled_translations_match_their_sources(tmp_path: Path) -> None:
    for name in ("counter_vi", "counter_en", "qtbase_vi"):
        source, built = TS.with_name(f"{name}.ts"), tmp_path / f"{name}.qm"
        subprocess.run([str(BIN / "pyside6-lrelease"), str(source), "-qm", str(built)], check=True,
                       capture_output=True)
        assert built.read_bytes() == source.with_suffix(".qm").read_bytes(), f"run pyside6-lrelease on {name}.ts"


def test_the_app_speaks_vietnamese_by_default() -> None:
    assert QCoreApplication.translate("HomePanel", "Overdue") == "Quá hạn"
    assert QCoreApplication.translate("IntakeView", "%n working day(s)", "", 3) == "3 ngày làm việc"


def test_english_is_chosen_in_settings_for_the_next_start(qtbot: object, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings  # noqa: PLC0415

    from ui.main_window import MainWindow  # noqa: PLC0415

    path = str(tmp_path / "counter.ini")
    first = MainWindow(tmp_path, settings=QSettings(path, QSettings.Format.IniFormat))
    first.set_language("en")
    assert "lần mở chương trình tiếp theo" in first.statusBar().currentMessage()
    again = MainWindow(tmp_path, settings=QSettings(path, QSettings.Format.IniFormat))
    assert again.language == "en"
    first.deleteLater()
    again.deleteLater()


def test_english_says_one_day_and_two_days(qapp: QCoreApplication) -> None:
    from PySide6.QtCore import QTranslator  # noqa: PLC0415

    plurals = QTranslator()
    assert plurals.load("counter_en", str(resources_dir() / "translations"))
    qapp.installTranslator(plurals)  # searched before the Vietnamese one the screen tests installed
    try:
        days = [QCoreApplication.translate("HomePanel", "%n day(s)", "", n) for n in (1, 3)]
    finally:
        qapp.removeTranslator(plurals)
    assert days == ["1 day", "3 days"]

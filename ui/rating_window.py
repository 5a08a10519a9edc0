"""The customer-facing window for the satisfaction rating (a second monitor): four large buttons, then the
reasons when not satisfied; a numeric keypad answers too. It shows no clerk or citizen data, and the citizen
can always skip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from counter_app.reports import rating

THANKS_MS = 2500
_COLOURS = {1: "#2a7a36", 2: "#5b9a3a", 3: "#d08a1e", 4: "#b00000"}
_KEYS = {Qt.Key.Key_0: 0, Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4, Qt.Key.Key_5: 5,
         Qt.Key.Key_6: 6}


class RatingWindow(QWidget):
    """`ask(code, stage)` puts the question; `rated(code, stage, score, reason)` or `skipped(code)` answers."""

    rated = Signal(str, str, int, str)
    skipped = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Customer rating"))
        self.code = ""
        self.stage = "return"
        self.score = 0
        self.message = QLabel(rating.WELCOME)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("font-size: 30px; font-weight: bold")
        self.score_buttons = [self._button(f"{score}\n{rating.score_label(score)}", _COLOURS[score])
                              for score in rating.SCORES]
        self.reason_buttons = [self._button(f"{n}. {labels[0]}", "#3d5a80", 22)
                               for n, labels in enumerate(rating.REASONS.values(), start=1)]
        self.reason_text = QLineEdit()
        self.reason_text.setPlaceholderText("Ý kiến khác (không bắt buộc)")
        self.reason_text.setStyleSheet("font-size: 20px; padding: 6px")
        self.skip_button = self._button(f"0. {rating.SKIP}", "#666666", 22)
        self._arrange()
        for score, button in zip(rating.SCORES, self.score_buttons, strict=True):
            button.clicked.connect(lambda _=False, chosen=score: self.choose(chosen))
        for key, button in zip(rating.REASONS, self.reason_buttons, strict=True):
            button.clicked.connect(lambda _=False, chosen=key: self.give_reason(chosen))
        self.reason_text.returnPressed.connect(lambda: self.give_reason("other"))
        self.skip_button.clicked.connect(self.skip)
        self._idle = QTimer(self, singleShot=True, interval=THANKS_MS)
        self._idle.timeout.connect(self._welcome)
        self._show_state("idle")

    def _button(self, text: str, colour: str, size: int = 28) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumSize(220, 200 if size > 24 else 70)
        button.setStyleSheet(f"font-size: {size}px; font-weight: bold; color: white; background: {colour}; "
                             "border-radius: 10px")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keypad answers, not the focus
        return button

    def _arrange(self) -> None:
        scores, reasons = QGridLayout(), QGridLayout()
        for column, button in enumerate(self.score_buttons):
            scores.addWidget(button, 0, column)
        for index, button in enumerate(self.reason_buttons):
            reasons.addWidget(button, index // 3, index % 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addLayout(scores, 2)
        layout.addLayout(reasons, 2)
        layout.addWidget(self.reason_text)
        layout.addWidget(self.skip_button)

    def _show_state(self, state: str) -> None:
        self.state = state
        for button in self.score_buttons:
            button.setVisible(state == "score")
        for widget in (*self.reason_buttons, self.reason_text):
            widget.setVisible(state == "reason")
        self.skip_button.setVisible(state in ("score", "reason"))

    # ---- the question
    def ask(self, code: str, stage: str = "return") -> None:
        """Put the question for dossier `code` on the customer's screen (shown on the second monitor if any)."""
        self._idle.stop()
        self.code, self.stage, self.score = code, stage, 0
        self.reason_text.clear()
        self.message.setText(rating.PROMPT)
        self._show_state("score")
        if not self.isVisible():
            self.show_on_customer_screen()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def choose(self, score: int) -> None:
        if self.state != "score":
            return
        self.score = score
        if rating.is_satisfied(score):
            self._finish(score, "")
        else:
            self.message.setText(rating.REASON_PROMPT)
            self._show_state("reason")

    def give_reason(self, key: str) -> None:
        if self.state == "reason":
            text = self.reason_text.text().strip()
            self._finish(self.score, text if key == "other" and text else key)

    def skip(self) -> None:
        """Skip the question (or, after a low score, just the reason: the score is kept)."""
        if self.state == "reason":
            self._finish(self.score, "")
        elif self.state == "score":
            code = self.code
            self._done()
            self.skipped.emit(code)

    def _finish(self, score: int, reason: str) -> None:
        code, stage = self.code, self.stage
        self._done()
        self.rated.emit(code, stage, score, reason)

    def _done(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.code = ""
        self.message.setText(rating.THANKS)
        self._show_state("idle")
        self._idle.start()

    def _welcome(self) -> None:
        self.message.setText(rating.WELCOME)

    def asking(self) -> bool:
        return self.state in ("score", "reason")

    # ---- keypad and screen
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While asking, the numeric keypad answers from any window: 1–4 the score (then 1–6 the reason),
        0 skips."""
        if event.type() != QEvent.Type.KeyPress or not self.asking():
            return False
        key = event if isinstance(event, QKeyEvent) else None
        if key is None or not key.modifiers() & Qt.KeyboardModifier.KeypadModifier:
            return False
        number = _KEYS.get(Qt.Key(key.key()))
        if number is None:
            return False
        if number == 0:
            self.skip()
        elif self.state == "score" and number <= 4:
            self.choose(number)
        elif self.state == "reason":
            self.give_reason(list(rating.REASONS)[number - 1])
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.asking():
            self.skip()
            return
        number = _KEYS.get(Qt.Key(event.key()))
        if number is not None and self.asking():
            self.eventFilter(self, QKeyEvent(event.type(), event.key(), Qt.KeyboardModifier.KeypadModifier))
            return
        super().keyPressEvent(event)

    def show_on_customer_screen(self) -> None:
        """Full screen on the second monitor when there is one; a normal window otherwise."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.setGeometry(screens[1].geometry())
            self.showFullScreen()
        else:
            self.resize(1000, 620)
            self.show()

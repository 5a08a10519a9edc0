"""Typed errors of the core; each carries a message key rendered in the user's language."""

from __future__ import annotations

import logging

from counter_app.messages import DEFAULT_LANG, render

_shown = logging.getLogger("counter.shown")


class CounterError(Exception):
    """A known problem the user can fix; nothing was written when it is raised."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = DEFAULT_LANG) -> str:
        """The message in `lang`; every rendering is logged by key and parameter names (their values may be a
        citizen's data), so each message a clerk is shown is in the support log."""
        _shown.info("shown %s (%s)", self.key, ", ".join(sorted(self.params)))
        return render(self.key, lang, **self.params)

    def __str__(self) -> str:
        return f"{self.key}: {render(self.key, 'en', **self.params)}"


class ValidationError(CounterError):
    """Input that breaks a rule: an ID number, a QR payload, a date, a catalogue row."""


class IllegalTransition(CounterError):
    """A lifecycle action that the dossier's current state does not allow."""


class NotFound(CounterError):
    """A dossier, procedure or file that does not exist."""


class StorageError(CounterError):
    """The database or disk refused the write (busy, full); the unit of work was rolled back."""


class AuthError(CounterError):
    """A failed login or a missing permission."""

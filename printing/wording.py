"""The forms' wording, read from `resources/forms/wording.toml` so it can be corrected without code."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from typing import Any

from counter_app.forms import FormSet
from counter_app.paths import resource
from counter_app.textfold import nfc


class Wording:
    """One form's phrases (its own table over the common one); `text` fills the placeholders."""

    def __init__(self, phrases: Mapping[str, Any]) -> None:
        self._phrases = dict(phrases)

    def text(self, key: str, **params: object) -> str:
        return nfc(str(self._phrases[key]).format(**params))

    def lines(self, key: str) -> list[str]:
        return [nfc(str(line)) for line in self._phrases[key]]

    def kind(self, kind: str) -> str:
        return self.choice("kinds", kind)

    def choice(self, key: str, value: str) -> str:
        """One entry of a table of phrases, e.g. `choice("delivery", "postal")`."""
        return nfc(str(self._phrases[key][value]))


@functools.cache
def _load() -> dict[str, Any]:
    with resource("forms", "wording.toml").open("rb") as file:
        return tomllib.load(file)


def wording(form: str, form_set: FormSet = FormSet.TT03_2025) -> Wording:
    """The phrases of `form` ('01'…'06', 'register', 'postal', 'thermal') in `form_set`."""
    data = _load()
    phrases: dict[str, Any] = dict(data["common"])
    phrases |= data.get(FormSet.TT03_2025.value, {}).get(form, {}) or data.get(form, {})
    if form_set is FormSet.TT01_2018:
        older = data.get(FormSet.TT01_2018.value, {})
        phrases |= older.get("common", {}) | older.get(form, {})
    return Wording(phrases)

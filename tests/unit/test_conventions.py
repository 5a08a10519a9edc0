"""Project rules read from the source: layer dependencies (DESIGN.md §1), messages in both languages."""

import ast
from pathlib import Path

import pytest

from counter_app.messages import known_keys, render

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ("counter_app", "ui", "scanning", "printing", "sync")
FORBIDDEN = {
    "counter_app": {"ui", "scanning", "printing", "sync", "PySide6", "httpx", "fastapi"},
    "scanning": {"ui", "printing", "sync"},
    "printing": {"ui", "scanning", "sync"},
    "sync": {"ui", "scanning", "printing", "PySide6"},
}
# The composition roots: the command line and the `counter-app` entry in front of it (lazy imports only).
ROOTS = (ROOT / "counter_app" / "cli.py", ROOT / "counter_app" / "entry.py")


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(top-level module, imported at module level?) for each import in `path`."""
    tree = ast.parse(path.read_text("utf-8"))
    module_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name.split(".")[0], id(node) in module_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module.split(".")[0], id(node) in module_level))
    return found


@pytest.mark.parametrize("layer", list(FORBIDDEN))
def test_layers_import_only_what_design_allows(layer: str) -> None:
    offending = []
    for path in (ROOT / layer).rglob("*.py"):
        lazy_allowed = path in ROOTS
        for module, at_top in _imports(path):
            if module in FORBIDDEN[layer] and (at_top or not lazy_allowed):
                offending.append(f"{path.relative_to(ROOT)} imports {module}")
    assert offending == []


def test_nothing_imports_ui() -> None:
    users = [p for layer in LAYERS if layer != "ui" for p in (ROOT / layer).rglob("*.py")
             if p not in ROOTS and any(m == "ui" for m, _ in _imports(p))]
    assert users == []


def test_every_module_states_its_job() -> None:
    missing = [str(p.relative_to(ROOT)) for layer in LAYERS for p in (ROOT / layer).rglob("*.py")
               if not ast.get_docstring(ast.parse(p.read_text("utf-8")))]
    assert missing == []


@pytest.mark.parametrize("key", sorted(known_keys()))
def test_every_message_renders_in_both_languages(key: str) -> None:
    params: dict[str, object] = {}
    while True:  # every placeholder the templates name, found by rendering
        try:
            render(key, "vi", **params), render(key, "en", **params)
            break
        except KeyError as missing:
            params[str(missing.args[0])] = "X"
    vietnamese, english = render(key, "vi", **params), render(key, "en", **params)
    assert (vietnamese and english and vietnamese != english) or key == "import.row"


def _catalogue_keys(path: Path) -> list[str]:
    """The keys of the message dictionaries written out in `path` (its literal `{"key": (vi, en), …}`;
    `**other` merges are skipped: those keys are written in the other file)."""
    keys = []
    for node in ast.parse(path.read_text("utf-8")).body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        written = [k for k in value.keys if k is not None] if isinstance(value, ast.Dict) else []
        if written and all(isinstance(k, ast.Constant) and isinstance(k.value, str) for k in written):
            keys += [k.value for k in written if isinstance(k, ast.Constant)]
    return keys


def test_every_catalogue_is_looked_up_and_no_key_is_written_twice() -> None:
    """A catalogue file nobody merges, or a key two files define (one would silently win), is caught."""
    written = [key for path in sorted((ROOT / "counter_app").rglob("messages*.py")) for key in _catalogue_keys(path)]
    assert sorted(key for key in set(written) if written.count(key) > 1) == []
    assert set(written) == known_keys()

"""`backup verify`: every generation of a backup judged whole — an authentic manifest, and every file it
names present with the size and hash recorded — so a stick pulled mid-way is found out before it is needed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from counter_app.backup import layout, manifest, streams
from counter_app.backup.manifest import Manifest, ManifestError
from counter_app.messages import render


@dataclass(frozen=True)
class Problem:
    """One fault found, as a message key (`backup.problem.*`) and the stored file it concerns."""

    key: str
    path: str = ""
    detail: str = ""

    def text(self, lang: str) -> str:
        return render(self.key, lang, path=self.path, detail=self.detail)


@dataclass(frozen=True)
class GenerationCheck:
    generation: str
    created: str
    ok: bool
    problems: tuple[Problem, ...]
    files: int = 0
    blob_bytes: int = 0
    dossiers: int = 0


@dataclass(frozen=True)
class VerifyReport:
    root: str
    generations: tuple[GenerationCheck, ...]  # newest first

    @property
    def latest_good(self) -> GenerationCheck | None:
        return next((g for g in self.generations if g.ok), None)

    @property
    def failed(self) -> bool:
        return not self.generations or not self.generations[0].ok

    @property
    def problem(self) -> str:
        return "backup.verify_failed"


def verify(given: Path, key: bytes) -> VerifyReport:
    """Check every generation under `given` (or the one generation `given` names), newest first."""
    root, only = layout.find_root(given)
    folders = [only] if only else list(reversed(layout.generations(root)))
    return VerifyReport(str(root), tuple(check_generation(root, folder, key) for folder in folders))


def check_generation(root: Path, folder: Path, key: bytes) -> GenerationCheck:
    try:
        found = manifest.read(folder, key)
    except ManifestError as error:
        return GenerationCheck(folder.name, "", False, (_no_manifest(folder, str(error)),))
    problems = tuple(problem for entry in found.entries if (problem := _entry_problem(root, entry)))
    return GenerationCheck(found.generation, found.created, not problems, problems, len(found.entries),
                           found.blob_bytes, found.dossiers)


def good_manifest(root: Path, folder: Path, key: bytes) -> Manifest | None:
    """The generation's manifest when every file it names is intact, else None."""
    return manifest.read(folder, key) if check_generation(root, folder, key).ok else None


def _no_manifest(folder: Path, reason: str) -> Problem:
    if not (folder / manifest.NAME).exists():
        return Problem("backup.problem.incomplete", folder.name)
    if reason == "mac":
        return Problem("backup.problem.not_authentic", folder.name)
    return Problem("backup.problem.unreadable", folder.name, reason)


def _entry_problem(root: Path, entry: manifest.Entry) -> Problem | None:
    path = root / entry.stored
    try:
        size, sha = streams.digest(path)
    except OSError:
        return Problem("backup.problem.missing", entry.stored)
    if size != entry.stored_size:
        return Problem("backup.problem.cut", entry.stored, f"{size}/{entry.stored_size}")
    if sha != entry.stored_sha256:
        return Problem("backup.problem.damaged", entry.stored)
    return None

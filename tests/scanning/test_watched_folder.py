"""The watched folder hands over a scanner's file only once it has stopped growing, and only once."""

from pathlib import Path

from scanning.watched_folder import WatchedFolder


def test_files_are_delivered_once_complete(tmp_path: Path) -> None:
    now = [0.0]
    folder = WatchedFolder(tmp_path, settle=2.0, clock=lambda: now[0])
    scan = tmp_path / "scan_0001.pdf"
    scan.write_bytes(b"%PDF-1.7 partial")
    (tmp_path / "notes.txt").write_text("not a scan")
    assert folder.poll() == []
    now[0] = 1.0
    scan.write_bytes(b"%PDF-1.7 partial, still growing")
    assert folder.poll() == []
    now[0] = 2.5
    assert folder.poll() == []  # unchanged, but not for two seconds yet
    now[0] = 3.5
    assert folder.poll() == [scan]
    now[0] = 10.0
    assert folder.poll() == []  # never twice


def test_a_missing_folder_is_not_an_error(tmp_path: Path) -> None:
    assert WatchedFolder(tmp_path / "share-not-mounted").poll() == []

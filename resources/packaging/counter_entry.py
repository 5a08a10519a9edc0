"""The frozen app's entry point: the same `main` as the `counter-app` command (GUI with no arguments), or the part
of a process that multiprocessing started from this executable (a page-pool worker, the resource tracker)."""

import sys

MULTIPROCESSING_MARKS = ("--multiprocessing-fork", "from multiprocessing.", "import sys; from multiprocessing.")


def started_by_multiprocessing(arguments: list[str]) -> bool:
    return any(argument.startswith(MULTIPROCESSING_MARKS) for argument in arguments[1:])


def serve_multiprocessing() -> None:
    """PyInstaller's multiprocessing run-time hook (counter.spec defers it to here), then the worker's or the
    tracker's part, which ends the process."""
    import multiprocessing  # noqa: PLC0415 (only the processes multiprocessing starts import it)
    import os  # noqa: PLC0415
    import runpy  # noqa: PLC0415

    runpy.run_path(os.path.join(sys._MEIPASS, "pyinstaller", "pyi_rth_multiprocessing.py"))
    multiprocessing.freeze_support()


if __name__ == "__main__":
    if started_by_multiprocessing(sys.argv):
        serve_multiprocessing()
    from counter_app.entry import main

    sys.exit(main())

"""The frozen app's entry point: the same `main` as the `counter-app` command (GUI with no arguments)."""

import sys

from counter_app.entry import main

if __name__ == "__main__":
    sys.exit(main())

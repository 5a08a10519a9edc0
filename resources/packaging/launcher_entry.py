"""The frozen launcher's entry point (resources/packaging/launcher.spec): the install folder's `Counter`."""

import sys

from counter_app.launcher import main

if __name__ == "__main__":
    sys.exit(main())

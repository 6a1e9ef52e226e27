"""Entry point of the PyInstaller bundle: the same as the `roadmap-planner` command."""

import sys

from roadmap_app.cli import main

if __name__ == "__main__":
    sys.exit(main())

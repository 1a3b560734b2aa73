"""Entry script of both frozen executables (the windowed application and ``planner``).

PyInstaller freezes this file twice (see planner.spec): once as the console command line and
once as the windowed application, which on Windows and macOS has no console at all.
"""

import os
import sys

# A windowed executable on Windows has no standard streams: printing (``--version``, the
# "ready" line) would raise, so the output goes nowhere instead.
for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115

from planner.cli import main  # noqa: E402

raise SystemExit(main())

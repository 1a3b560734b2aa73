"""Exchange Visit Planner: plan exchange visits between partner research institutions."""

import time as _time

#: When this process first imported the planner (a ``time.perf_counter()`` value): the start
#: of ``--exit-when-ready``'s clock, so its seconds include importing the application.
STARTED_AT = _time.perf_counter()

from importlib.metadata import PackageNotFoundError as _NotInstalled  # noqa: E402
from importlib.metadata import version as _version  # noqa: E402

#: The distribution name in pyproject.toml (and of the packages built from it).
DISTRIBUTION = "exchange-visit-planner"


def _version_of(distribution: str) -> str:
    """The installed version of *distribution*; "0+unknown" when run from an uninstalled tree."""
    try:
        return _version(distribution)
    except _NotInstalled:
        return "0+unknown"


#: The one version number: set in pyproject.toml, read from the installed distribution's
#: metadata (the bundle carries that metadata too), so --version, the About box and the
#: packages always agree.
__version__ = _version_of(DISTRIBUTION)
APP_NAME = "Exchange Visit Planner"

"""Exchange Visit Planner: plan exchange visits between partner research institutions."""

import time as _time

#: When this process first imported the planner (a ``time.perf_counter()`` value): the start
#: of ``--exit-when-ready``'s clock, so its seconds include importing the application.
STARTED_AT = _time.perf_counter()

__version__ = "0.1.0"
APP_NAME = "Exchange Visit Planner"

"""Exchange Visit Planner: plan exchange visits between partner research institutions."""

__version__ = "0.1.0"
APP_NAME = "Exchange Visit Planner"

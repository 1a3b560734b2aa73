"""The services of one open database, wired together (the composition root uses this)."""

from __future__ import annotations

from planner.db.engine import Database
from planner.db.location import DatabaseTarget
from planner.db.opening import open_database
from planner.services.changes import ChangeBus
from planner.services.dashboard import DashboardService
from planner.services.directory import (
    InstitutionService,
    PersonService,
    ProgramService,
    ProjectService,
)
from planner.services.events import EventService
from planner.services.itinerary import ItineraryService
from planner.services.visits import VisitService


class Services:
    """Every use case over one database, sharing one change bus."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.bus = ChangeBus()
        self.institutions = InstitutionService(db, self.bus)
        self.people = PersonService(db, self.bus)
        self.programs = ProgramService(db, self.bus)
        self.projects = ProjectService(db, self.bus)
        self.visits = VisitService(db, self.bus)
        self.itinerary = ItineraryService(db, self.bus)
        self.events = EventService(db, self.bus)
        self.dashboard = DashboardService(db)

    @classmethod
    def open(cls, target: DatabaseTarget, *, create: bool = False) -> Services:
        """Open (and if needed create and migrate) the database at *target*."""
        return cls(open_database(target, create=create))

    def close(self) -> None:
        """Release the database."""
        self.db.close()

"""The services of one open database, wired together (the composition root uses this)."""

from __future__ import annotations

from pathlib import Path

from planner.db.engine import Database
from planner.db.location import DatabaseTarget
from planner.db.opening import open_database
from planner.services.agreements import AgreementService, MaterialTransferService
from planner.services.backups import BackupService
from planner.services.bulk import BulkImportService
from planner.services.changes import ChangeBus
from planner.services.dashboard import DashboardService
from planner.services.directory import (
    InstitutionService,
    PersonService,
    ProgramService,
    ProjectService,
)
from planner.services.events import EventService
from planner.services.exchange import ExchangeService
from planner.services.itinerary import ItineraryService
from planner.services.paperwork import PaperworkService
from planner.services.reports import ReportService
from planner.services.visits import VisitService


class Services:
    """Every use case over one database, sharing one change bus."""

    def __init__(self, db: Database, rules_path: Path | None = None) -> None:
        self.db = db
        self.bus = ChangeBus()
        # Paperwork first: checklists are derived from visits, people, institutions and
        # agreements, and each of those services regenerates them inside its own transaction.
        self.paperwork = PaperworkService(db, self.bus, rules_path)
        self.institutions = InstitutionService(db, self.bus, self.paperwork)
        self.people = PersonService(db, self.bus, self.paperwork)
        self.programs = ProgramService(db, self.bus)
        self.projects = ProjectService(db, self.bus)
        self.visits = VisitService(db, self.bus, self.paperwork)
        self.itinerary = ItineraryService(db, self.bus)
        self.events = EventService(db, self.bus)
        self.agreements = AgreementService(db, self.bus, self.paperwork)
        self.transfers = MaterialTransferService(db, self.bus)
        self.backups = BackupService(db, self.bus)
        self.dashboard = DashboardService(db)
        self.bulk = BulkImportService(db, self.bus, self.visits)
        self.exchange = ExchangeService(db, self.bus, self.paperwork)
        self.reports = ReportService(db)

    @classmethod
    def open(
        cls, target: DatabaseTarget, *, create: bool = False, read_only: bool = False
    ) -> Services:
        """Open (and if needed create and migrate) the database at *target*.

        *read_only*: for a command that only reads; nothing is created, initialised or
        migrated (see :func:`~planner.db.opening.open_database`).
        """
        return cls(open_database(target, create=create, read_only=read_only))

    def close(self) -> None:
        """Release the database."""
        self.db.close()

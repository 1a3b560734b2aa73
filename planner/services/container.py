"""The services of one open database, wired together (the composition root uses this)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from planner.db.engine import Database
from planner.db.location import DatabaseTarget
from planner.db.opening import open_database
from planner.services.agreements import AgreementService, MaterialTransferService
from planner.services.backups import BackupService
from planner.services.changes import ChangeBus
from planner.services.choices import DatabaseChoices
from planner.services.dashboard import DashboardService
from planner.services.directory import (
    InstitutionService,
    PersonService,
    ProgramService,
    ProjectService,
)
from planner.services.events import EventService
from planner.services.itinerary import ItineraryService
from planner.services.messages import VisitorMessageService
from planner.services.paperwork import PaperworkService
from planner.services.search import SearchService
from planner.services.visits import VisitService

# Imported when first used: the window opens without them (start-up time).
if TYPE_CHECKING:
    from planner.services.bulk import BulkImportService
    from planner.services.exchange import ExchangeService
    from planner.services.keys import KeyService
    from planner.services.reports import ReportService


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
        self.search = SearchService(db)
        self.choices = DatabaseChoices(db)
        self.messages = VisitorMessageService(db, self.bus)

    @cached_property
    def bulk(self) -> BulkImportService:
        """Spreadsheet imports (built on first use)."""
        from planner.services.bulk import BulkImportService

        return BulkImportService(self.db, self.bus, self.visits)

    @cached_property
    def exchange(self) -> ExchangeService:
        """Partner exchange packages (built on first use)."""
        from planner.services.exchange import ExchangeService

        return ExchangeService(self.db, self.bus, self.paperwork, self.keys)

    @cached_property
    def keys(self) -> KeyService:
        """This installation's package keys and the partner keys it trusts."""
        from planner.services.keys import KeyService

        return KeyService(self.db, self.choices)

    @cached_property
    def reports(self) -> ReportService:
        """Fiscal-year activity reports (built on first use)."""
        from planner.services.reports import ReportService

        return ReportService(self.db)

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

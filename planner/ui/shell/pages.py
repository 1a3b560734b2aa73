"""The table of the window's main views, and the tabs the window adds to every visit editor.

Each page names its view, its title (translated when the window is built) and a factory;
lazy pages are built, and their feature's module imported, only when first shown.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QWidget

from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.services.container import Services
from planner.ui.shell.workspace import Workspace


@dataclass(frozen=True)
class PageContext:
    """What the page factories need from the window."""

    services: Services
    undo_stack: QUndoStack
    open_visit: Callable[[int], object]
    open_visit_by_code: Callable[[str], object]


#: Makes a page's view inside *parent*; the widget implements the View protocol.
ViewFactory = Callable[[PageContext, QWidget], QWidget]


@dataclass(frozen=True)
class PageSpec:
    """One main view: file name, English title (context "MainWindow"), factory, laziness."""

    name: str
    title: str
    factory: ViewFactory
    lazy: bool = True


def _dashboard(ctx: PageContext, parent: QWidget) -> QWidget:
    from planner.ui.dashboard.dashboard_menu import install_dashboard_menus
    from planner.ui.dashboard.dashboard_view import DashboardView

    view = DashboardView(ctx.services, parent)
    view.visit_activated.connect(ctx.open_visit)
    install_dashboard_menus(view, ctx.open_visit)
    return view


def _visits(ctx: PageContext, parent: QWidget) -> QWidget:
    from planner.ui.visits.visits_view import VisitsView

    view = VisitsView(ctx.services, parent)
    view.visit_activated.connect(ctx.open_visit)
    return view


def _people(ctx: PageContext, parent: QWidget) -> QWidget:
    from planner.ui.people.people_menu import install_people_menu
    from planner.ui.people.people_view import PeopleView

    view = PeopleView(ctx.services, ctx.undo_stack, parent)
    install_people_menu(view, ctx.services)
    return view


def _events(ctx: PageContext, parent: QWidget) -> QWidget:
    from planner.ui.events.events_menu import install_events_menus
    from planner.ui.events.events_view import EventsView

    view = EventsView(ctx.services, ctx.undo_stack, parent)
    # The window's export of the participants' itineraries (another feature) ends its menu.
    install_events_menus(view, lambda: parent.window().findChildren(QAction, "actionExportEvent"))
    return view


def _timeline(ctx: PageContext, parent: QWidget) -> QWidget:
    from planner.ui.timeline.timeline_view import TimelineView

    view = TimelineView(ctx.services, parent)
    view.visit_activated.connect(ctx.open_visit)
    return view


def _paperwork(ctx: PageContext, parent: QWidget) -> QWidget:
    from planner.ui.paperwork.paperwork_menu import install_paperwork_view_menu
    from planner.ui.paperwork.paperwork_view import PaperworkView

    view = PaperworkView(ctx.services, ctx.undo_stack, parent)
    view.visit_activated.connect(ctx.open_visit)
    install_paperwork_view_menu(view, ctx.services)
    return view


def _directory(ctx: PageContext, parent: QWidget) -> QWidget:
    from planner.ui.directory.directory_menu import install_directory_menus
    from planner.ui.directory.directory_view import DirectoryView

    view = DirectoryView(ctx.services, ctx.undo_stack, parent)
    install_directory_menus(view)
    return view


def _agreements(ctx: PageContext, parent: QWidget) -> QWidget:
    from planner.ui.agreements.agreements_menu import install_agreements_menus
    from planner.ui.agreements.agreements_view import AgreementsView

    view = AgreementsView(ctx.services, parent, undo_stack=ctx.undo_stack)
    view.visit_activated.connect(ctx.open_visit_by_code)
    install_agreements_menus(view)
    return view


def _reports(ctx: PageContext, parent: QWidget) -> QWidget:
    from planner.ui.reports.reports_view import ReportsView

    return ReportsView(ctx.services, parent)


def _rules(ctx: PageContext, parent: QWidget) -> QWidget:
    from planner.ui.paperwork.rules_view import RulesView

    return RulesView(ctx.services, parent)


def _welcome(ctx: PageContext, parent: QWidget) -> QWidget:
    from planner.ui.shell.welcome import WelcomeView

    return WelcomeView(ctx.services, parent)


#: The main views in menu and sidebar order; the visits list feeds the status bar, so it and
#: the dashboard (shown first) are built with the window.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("dashboard", QT_TRANSLATE_NOOP("MainWindow", "Dashboard"), _dashboard, lazy=False),
    PageSpec("visits", QT_TRANSLATE_NOOP("MainWindow", "Visits"), _visits, lazy=False),
    PageSpec("people", QT_TRANSLATE_NOOP("MainWindow", "People"), _people),
    PageSpec("events", QT_TRANSLATE_NOOP("MainWindow", "Events"), _events),
    PageSpec("timeline", QT_TRANSLATE_NOOP("MainWindow", "Timeline"), _timeline),
    PageSpec("paperwork", QT_TRANSLATE_NOOP("MainWindow", "Paperwork"), _paperwork),
    PageSpec("institutions", QT_TRANSLATE_NOOP("MainWindow", "Institutions"), _directory),
    PageSpec("agreements", QT_TRANSLATE_NOOP("MainWindow", "Agreements"), _agreements),
    PageSpec("reports", QT_TRANSLATE_NOOP("MainWindow", "Reports"), _reports),
    PageSpec("rules", QT_TRANSLATE_NOOP("MainWindow", "Paperwork rules"), _rules),
    # Last, so the views keep their Ctrl+1…0 shortcuts; an empty database opens on it.
    PageSpec("welcome", QT_TRANSLATE_NOOP("MainWindow", "Getting started"), _welcome),
)


def install_pages(workspace: Workspace, specs: Sequence[PageSpec], context: PageContext) -> None:
    """Add the pages of *specs* to *workspace* in order: eager ones built now, lazy ones later."""
    for spec in specs:
        title = QCoreApplication.translate("MainWindow", spec.title)
        if spec.lazy:
            workspace.add_lazy_page(spec.name, title, functools.partial(spec.factory, context))
        else:
            workspace.add_page(spec.name, title, spec.factory(context, workspace))

"""Undo commands wrap service calls; a refused undo drops out of the stack with a message."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtGui import QUndoStack

from planner.domain.entities import Institution
from planner.domain.enums import InstitutionKind
from planner.domain.errors import NotFoundError, ValidationError
from planner.services.container import Services
from planner.ui.common.undo import undoable_create, undoable_update
from tests.fixtures.sample import make_sample


def test_update_undo_redo_keeps_versions_in_step(qapp: object, services: Services) -> None:
    visit = make_sample(services).visit_in
    assert visit.id is not None
    stack, errors = QUndoStack(), []
    edited = dataclasses.replace(visit, visitor_notes="Bring the badge form")
    undoable_update(stack, "Edit visit", services.visits.update, visit, edited, errors.append)
    assert stack.undoText() == "Edit visit"
    stack.undo()
    assert services.visits.get(visit.id).visitor_notes == ""
    stack.redo()
    assert services.visits.get(visit.id).visitor_notes == "Bring the badge form"
    assert errors == []


def test_undo_over_someone_elses_change_is_refused(qapp: object, services: Services) -> None:
    visit = make_sample(services).visit_in
    assert visit.id is not None
    stack, errors = QUndoStack(), []
    edited = dataclasses.replace(visit, visitor_notes="mine")
    mine = undoable_update(
        stack, "Edit visit", services.visits.update, visit, edited, errors.append
    )
    services.visits.update(dataclasses.replace(mine, internal_notes="theirs"))  # another user
    stack.undo()
    assert services.visits.get(visit.id).internal_notes == "theirs"
    assert len(errors) == 1 and "Cannot undo" in errors[0] and "changed" in errors[0]
    assert stack.count() == 0  # the obsolete command was dropped


def test_refused_edit_never_reaches_the_stack(qapp: object, services: Services) -> None:
    visit = make_sample(services).visit_in
    stack = QUndoStack()
    bad = dataclasses.replace(visit, departure_date=visit.arrival_date.replace(day=1))
    with pytest.raises(ValidationError):
        undoable_update(stack, "Edit visit", services.visits.update, visit, bad, print)
    assert stack.count() == 0


def test_create_undo_deletes_and_redo_recreates(qapp: object, services: Services) -> None:
    stack, errors = QUndoStack(), []
    cern = Institution("CERN", InstitutionKind.RESEARCH_INSTITUTE, "CH", "Europe/Zurich")
    created = undoable_create(
        stack, "New institution", services.institutions.create, services.institutions.delete,
        cern, errors.append,
    )  # fmt: skip
    assert created.id is not None
    stack.undo()
    with pytest.raises(NotFoundError):
        services.institutions.get(created.id)
    stack.redo()
    assert services.institutions.find_by_name("CERN") is not None
    assert errors == []

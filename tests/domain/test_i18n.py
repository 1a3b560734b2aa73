"""Messages below the interface: English text plus a template the interface can translate."""

from __future__ import annotations

import copy
import pickle
from datetime import UTC, date, datetime

import pytest

from planner.domain.entities import Institution, ItineraryItem, Visit
from planner.domain.enums import InstitutionKind, ItineraryKind
from planner.domain.errors import FieldProblem, NotFoundError, PlannerError, ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP, Message
from planner.domain.validation import validate_institution, validate_itinerary_item, validate_visit


def test_marker_returns_the_text() -> None:
    assert QT_TRANSLATE_NOOP("Validation", "ends before it starts") == "ends before it starts"


def test_message_is_the_english_text_and_keeps_its_template() -> None:
    message = Message("{what} is bad", {"what": "Zone"})
    assert message == "Zone is bad" and hash(message) == hash("Zone is bad")
    assert (message.template, dict(message.params)) == ("{what} is bad", {"what": "Zone"})
    for copied in (copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert copied == message and copied.template == "{what} is bad"


def test_field_problem_formats_the_template_and_stays_compatible() -> None:
    problem = FieldProblem("end", "ends {end} before it starts {start}", {"end": 1, "start": 2})
    assert problem.message == "ends 1 before it starts 2"
    assert problem.template == "ends {end} before it starts {start}"
    assert dict(problem.params) == {"end": 1, "start": 2}
    assert str(problem) == "end: ends 1 before it starts 2"
    # Equality (and hashing) go by field and English message, as before.
    assert problem == FieldProblem("end", "ends 1 before it starts 2")
    assert len({problem, FieldProblem("end", "ends 1 before it starts 2")}) == 1
    plain = FieldProblem("name", "Name is required")
    assert (plain.template, dict(plain.params)) == ("Name is required", {})
    # A problem made from another's message keeps the template.
    assert FieldProblem("zone", problem.message).template == problem.template


def test_validation_problems_carry_templates() -> None:
    inst = Institution(name="", kind=InstitutionKind.OTHER, country="XX", timezone="Asia/Tokio")
    with pytest.raises(ValidationError) as info:
        validate_institution(inst)
    by_field = {p.field: p for p in info.value.problems}
    assert by_field["name"].message == "Name is required"
    assert by_field["timezone"].message == (
        "unknown time zone 'Asia/Tokio' (use an IANA name like Asia/Tokyo)"
    )
    assert by_field["timezone"].template == (
        "unknown time zone {zone} (use an IANA name like Asia/Tokyo)"
    )
    assert by_field["country"].params == {"code": "'XX'"}
    assert "timezone: unknown time zone 'Asia/Tokio'" in str(info.value)

    visit = Visit(visitor_id=1, host_institution_id=1, arrival_date=date(2027, 3, 10),
                  departure_date=date(2027, 3, 1))  # fmt: skip
    with pytest.raises(ValidationError) as info:
        validate_visit(visit)
    [problem] = info.value.problems
    assert problem.message == "departure 2027-03-01 is before arrival 2027-03-10"
    assert problem.template == "departure {departure} is before arrival {arrival}"

    t = datetime(2027, 3, 10, 9, tzinfo=UTC)
    item = ItineraryItem(visit_id=1, kind=ItineraryKind.MEETING, title="x", start_utc=t,
                         start_zone="UTC", end_utc=t.replace(hour=8), end_zone="UTC")  # fmt: skip
    with pytest.raises(ValidationError) as info:
        validate_itinerary_item(item)
    assert [(p.field, p.message, p.template) for p in info.value.problems] == [
        ("end", "ends before it starts", "ends before it starts")
    ]


def test_planner_errors_take_a_template_and_params() -> None:
    error = NotFoundError("there is no {what} with id {id}", params={"what": "visit", "id": 7})
    assert str(error) == "there is no visit with id 7"
    assert (error.template, dict(error.params)) == ("there is no {what} with id {id}", {
        "what": "visit", "id": 7})  # fmt: skip
    copied = pickle.loads(pickle.dumps(error))
    assert str(copied) == str(error) and copied.template == error.template
    # Without params a message is taken as it is, braces and all.
    assert str(PlannerError("a {literal} brace")) == "a {literal} brace"
    assert str(PlannerError(Message("{n} left", {"n": 2}))) == "2 left"
    assert PlannerError(Message("{n} left", {"n": 2})).template == "{n} left"

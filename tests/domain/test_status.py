from __future__ import annotations

import itertools

import pytest

from planner.domain.enums import VisitStatus as S
from planner.domain.errors import TransitionError
from planner.domain.status import ALLOWED_TRANSITIONS, allowed_next, can_cancel, check_transition


def test_happy_path_through_the_life_cycle() -> None:
    path = [S.DRAFT, S.PROPOSED, S.APPROVED, S.CONFIRMED, S.IN_PROGRESS, S.COMPLETED]
    for current, target in itertools.pairwise(path):
        check_transition(current, target)


@pytest.mark.parametrize("status", [s for s in S if s not in (S.COMPLETED, S.CANCELLED)])
def test_any_state_before_completed_can_be_cancelled(status: S) -> None:
    check_transition(status, S.CANCELLED)


def test_completed_is_final() -> None:
    assert allowed_next(S.COMPLETED) == []
    with pytest.raises(TransitionError, match="final status"):
        check_transition(S.COMPLETED, S.CANCELLED)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.DRAFT, S.CONFIRMED),
        (S.DRAFT, S.COMPLETED),
        (S.PROPOSED, S.IN_PROGRESS),
        (S.APPROVED, S.COMPLETED),
    ],
)
def test_skipping_steps_is_refused_with_the_allowed_moves(current: S, target: S) -> None:
    with pytest.raises(TransitionError) as info:
        check_transition(current, target)
    for allowed in allowed_next(current):
        assert allowed.value in str(info.value)


def test_same_status_is_not_a_transition() -> None:
    with pytest.raises(TransitionError, match="already"):
        check_transition(S.DRAFT, S.DRAFT)


def test_every_status_has_an_entry_and_allowed_next_is_in_life_cycle_order() -> None:
    assert set(ALLOWED_TRANSITIONS) == set(S)
    assert allowed_next(S.PROPOSED) == [S.DRAFT, S.APPROVED, S.CANCELLED]


@pytest.mark.parametrize("status", list(S))
def test_can_cancel_until_the_visit_is_completed_or_already_cancelled(status: S) -> None:
    assert can_cancel(status) is (status not in (S.COMPLETED, S.CANCELLED))

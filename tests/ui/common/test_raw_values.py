"""Stored values (``in_progress``, ``national_lab``, a dict of changes) never reach people raw."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication

from planner.domain.entities import AuditEntry
from planner.domain.enums import AuditAction, InstitutionKind, PersonCategory, VisitStatus
from planner.domain.errors import TransitionError
from planner.domain.paperwork import AdmissionBlockedError
from planner.domain.rules import Conditions, describe_conditions
from planner.domain.status import check_transition
from planner.ui.common.errors import message_text, planner_error_text
from planner.ui.common.history_model import describe_changes
from planner.ui.shell.language import install_language, remove_language


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    translators = install_language(qapp, "ja")
    yield
    remove_language(qapp, translators)


def _transition_text() -> str:
    with pytest.raises(TransitionError) as info:
        check_transition(VisitStatus.APPROVED, VisitStatus.IN_PROGRESS)
    return planner_error_text(info.value)


@pytest.mark.usefixtures("qapp")
def test_transition_error_names_statuses_in_words() -> None:
    text = _transition_text()
    assert "from approved to in progress" in text
    assert "in_progress" not in text


@pytest.mark.usefixtures("japanese")
def test_transition_error_in_japanese_has_no_raw_value() -> None:
    text = _transition_text()
    assert "in_progress" not in text and "approved" not in text


@pytest.mark.usefixtures("qapp")
def test_admission_blocked_by_raw_target_reads_as_a_word() -> None:
    text = planner_error_text(AdmissionBlockedError("V-2027-0001", "in_progress", ["ESTA"]))
    assert "cannot become in progress" in text


@pytest.mark.usefixtures("qapp")
def test_rule_conditions_show_kinds_by_their_labels() -> None:
    conditions = Conditions(
        host_kind=frozenset({InstitutionKind.NATIONAL_LAB}),
        category=frozenset({PersonCategory.RESEARCHER}),
        host_country=frozenset({"US"}),
    )
    text = message_text(describe_conditions(conditions))
    assert "national_lab" not in text and "researcher" not in text
    assert "US" in text


@pytest.mark.usefixtures("japanese")
def test_rule_conditions_in_japanese_have_no_raw_kind() -> None:
    conditions = Conditions(host_kind=frozenset({InstitutionKind.NATIONAL_LAB}))
    assert "national_lab" not in message_text(describe_conditions(conditions))


@pytest.mark.usefixtures("qapp")
def test_history_shows_words_not_a_python_dict() -> None:
    entry = AuditEntry(
        at_utc=datetime(2027, 1, 1, tzinfo=UTC),
        actor="coordinator",
        entity="visit",
        entity_id=1,
        action=AuditAction.STATUS,
        changes={
            "status": ["approved", "in_progress"],
            "override": {"blocking": ["ESTA", "J-1"], "reason": "signed on paper"},
        },
    )
    text = describe_changes(entry)
    assert "{" not in text and "[" not in text and "'" not in text
    assert "approved → in progress" in text
    assert "ESTA, J-1" in text

"""Domain, storage and report messages keep their English text and are shown translated."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy.exc import OperationalError

from planner.db.engine import storage_failure
from planner.db.errors import DiskFullError
from planner.db.location import sqlite_target
from planner.db.privacy import location_warning
from planner.domain.enums import PaperworkStatus, ResponsibleParty
from planner.domain.enums import VisitStatus as S
from planner.domain.errors import TransitionError, ValidationError
from planner.domain.i18n import joined
from planner.domain.itinerary_checks import local_time_question
from planner.domain.paperwork import AdmissionBlockedError, PaperworkItem, visit_warnings
from planner.domain.rules import Conditions, describe_conditions
from planner.domain.status import check_transition
from planner.domain.timezones import local_to_utc
from planner.ui.common.errors import message_text, planner_error_text
from tests.ui.fake_translator import translated

_JA = {
    ("Validation", "The visit is already {status}."): "訪問はすでに{status}です。",
    ("Validation", "A visit cannot go from {current} to {target}; allowed: {allowed}."): (
        "{current}から{target}には変更できません(可能: {allowed})。"
    ),
    ("Validation", "draft"): "下書き",
    ("Validation", "proposed"): "提案中",
    ("Validation", "approved"): "承認済み",
    ("Validation", "cancelled"): "中止",
    ("Validation", "confirmed"): "確定",
    ("Validation", "{first} or {second}"): "{first}または{second}",
    ("Validation", "{local} {abbreviation} ({offset}), {utc} UTC"): (
        "{local} {abbreviation}({offset})、UTC {utc}"
    ),
    ("Validation", "{title}: due {due}, late by {days} days"): "{title}: 期限 {due}、{days}日遅れ",
    ("Validation", "host country {values}"): "受入国 {values}",
    ("Validation", "paid"): "有給",
    ("Validation", "{time} happens twice in {zone} (clocks go back); say which one is meant"): (
        "{time} は {zone} で2回あります"
    ),
    ("Validation", "a network share"): "ネットワーク共有",
    (
        "Validation",
        "warning: the database {path} is on {network}; SQLite's locking is not reliable "
        "there and the file can be corrupted: {advice}",
    ): "警告: {path} は{network}上にあります: {advice}",
    (
        "Validation",
        "keep the database on this computer's own disk, or, to share it with colleagues, use the "
        "shared server mode (PLANNER_DATABASE_URL=postgresql+psycopg://...)",
    ): "ローカルディスクに置いてください",
    (
        "Validation",
        "visit {code} cannot become {target}: blocking paperwork not approved or waived: "
        "{items}. Approve or waive these items, or override with a written reason.",
    ): "訪問 {code} は{target}にできません: {items}",
}


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    with translated(_JA):
        yield


def test_joined_is_the_english_list_and_translates_each_part(japanese: None) -> None:
    words = joined(["draft", "cancelled"])
    assert words == "draft, cancelled"
    assert message_text(words) == "下書き, 中止"
    assert joined([]) == ""


def test_transition_errors(japanese: None) -> None:
    with pytest.raises(TransitionError) as same:
        check_transition(S.DRAFT, S.DRAFT)
    assert str(same.value) == "The visit is already draft."
    assert planner_error_text(same.value) == "訪問はすでに下書きです。"
    with pytest.raises(TransitionError) as skip:
        check_transition(S.DRAFT, S.CONFIRMED)
    assert str(skip.value) == (
        "A visit cannot go from draft to confirmed; allowed: proposed, cancelled."
    )
    assert (
        planner_error_text(skip.value) == "下書きから確定には変更できません(可能: 提案中, 中止)。"
    )


def test_admission_blocked(japanese: None) -> None:
    error = AdmissionBlockedError("V-2027-0001", "confirmed", ["ESTA", "Access request"])
    assert str(error) == (
        "visit V-2027-0001 cannot become confirmed: blocking paperwork not approved or "
        "waived: ESTA; Access request. Approve or waive these items, or override with a "
        "written reason."
    )
    assert planner_error_text(error) == "訪問 V-2027-0001 は確定にできません: ESTA; Access request"


def test_local_time_question_and_choices(japanese: None) -> None:
    question = local_time_question(datetime(2027, 11, 7, 1, 30), "America/Chicago")
    assert question is not None
    first, _second = question.choices
    assert first.label == "01:30 CDT (UTC−05:00), 06:30 UTC"
    assert message_text(first.label) == "01:30 CDT(UTC−05:00)、UTC 06:30"
    assert "または" in message_text(question.message)
    assert str(question.message).startswith("2027-11-07 01:30 happens twice in America/Chicago")
    with pytest.raises(ValidationError) as twice:
        local_to_utc(datetime(2027, 11, 7, 1, 30), "America/Chicago", "start")
    assert (
        planner_error_text(twice.value)
        == "start: 2027-11-07 01:30 は America/Chicago で2回あります"
    )


def test_paperwork_warnings(japanese: None) -> None:
    item = PaperworkItem(
        1, 1, "esta", "ESTA", PaperworkStatus.NOT_STARTED, ResponsibleParty.VISITOR, 30,
        date(2027, 1, 1), True,
    )  # fmt: skip
    (late,) = visit_warnings(
        arrival=date(2027, 2, 1), departure=date(2027, 2, 5), items=[item],
        today=date(2027, 1, 4), passport_expiry=None, international=False,
    )  # fmt: skip
    assert late.message == "ESTA: due 2027-01-01, late by 3 days"
    assert message_text(late.message) == "ESTA: 期限 2027-01-01、3日遅れ"


def test_conditions_and_location_warning(japanese: None) -> None:
    text = describe_conditions(Conditions(host_country=frozenset({"US"}), paid=True))
    assert text == "host country US; paid"
    assert message_text(text) == "受入国 US; 有給"
    assert message_text(describe_conditions(Conditions())) == "every visit"
    warning = location_warning(PureWindowsPath("//server/share/planner.sqlite3"), platform="win32")
    assert warning is not None and warning.startswith("warning: the database ")
    assert message_text(warning) == (
        "警告: \\\\server\\share\\planner.sqlite3 はネットワーク共有上にあります: "
        "ローカルディスクに置いてください"
    )
    assert location_warning(PurePosixPath("/home/a/planner.sqlite3"), platform="linux") is None


def test_storage_failures_keep_their_english_text_and_template() -> None:
    target = sqlite_target(Path("/data/planner.sqlite3"))
    driver_error = sqlite3.OperationalError("database or disk is full")
    driver_error.sqlite_errorcode = sqlite3.SQLITE_FULL  # classified by its code, not its words
    full = storage_failure(OperationalError("INSERT", {}, driver_error), target)
    assert isinstance(full, DiskFullError)
    assert str(full) == (
        "the disk is full or the database reached its size limit (/data/planner.sqlite3); the "
        "change was not saved and nothing was half-written: free some space and retry"
    )
    assert full.template.startswith("the disk is full") and full.params == {"where": target.display}

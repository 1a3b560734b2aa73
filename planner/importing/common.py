"""What the people and visit importers share: values, institutions, the plan and its report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from planner.domain.countries import parse_country, suggest_countries
from planner.domain.entities import Institution
from planner.domain.enums import InstitutionKind, PersonCategory, Purpose
from planner.domain.i18n import QT_TRANSLATE_NOOP, Message
from planner.domain.timezones import is_valid_zone
from planner.importing.headers import FieldSpec, normalize_header
from planner.importing.table import Cell, Formula, RowProblem, TableRow, cell_text
from planner.services.bulk import PendingPerson, PendingVisit

#: ``progress(done, total)`` while rows are checked.
Progress = Callable[[int, int], None]
PROGRESS_EVERY = 500
E = TypeVar("E", bound=StrEnum)

_PURPOSE_WORDS = {
    "research": Purpose.RESEARCH_COLLABORATION, "研究": Purpose.RESEARCH_COLLABORATION,
    "共同研究": Purpose.RESEARCH_COLLABORATION, "collaboration": Purpose.RESEARCH_COLLABORATION,
    "researchcollaboration": Purpose.RESEARCH_COLLABORATION,
    "研究協力": Purpose.RESEARCH_COLLABORATION,
    "seminar": Purpose.SEMINAR, "セミナー": Purpose.SEMINAR,
    "lecture": Purpose.LECTURE, "講演": Purpose.LECTURE, "講義": Purpose.LECTURE,
    "symposium": Purpose.SYMPOSIUM, "シンポジウム": Purpose.SYMPOSIUM,
    "training": Purpose.TRAINING, "研修": Purpose.TRAINING,
    "dataexchange": Purpose.DATA_EXCHANGE, "データ交換": Purpose.DATA_EXCHANGE,
    "data": Purpose.DATA_EXCHANGE, "other": Purpose.OTHER, "その他": Purpose.OTHER,
}  # fmt: skip
_CATEGORY_WORDS = {
    "researcher": PersonCategory.RESEARCHER, "研究者": PersonCategory.RESEARCHER,
    "研究員": PersonCategory.RESEARCHER, "scientist": PersonCategory.RESEARCHER,
    "staff": PersonCategory.STAFF, "職員": PersonCategory.STAFF,
    "スタッフ": PersonCategory.STAFF, "事務職員": PersonCategory.STAFF,
    "student": PersonCategory.STUDENT, "学生": PersonCategory.STUDENT,
    "大学院生": PersonCategory.STUDENT,
}  # fmt: skip
_KIND_WORDS = {
    "nationallab": InstitutionKind.NATIONAL_LAB, "nationallaboratory": InstitutionKind.NATIONAL_LAB,
    "国立研究所": InstitutionKind.NATIONAL_LAB,
    "researchinstitute": InstitutionKind.RESEARCH_INSTITUTE,
    "研究機関": InstitutionKind.RESEARCH_INSTITUTE, "研究所": InstitutionKind.RESEARCH_INSTITUTE,
    "university": InstitutionKind.UNIVERSITY, "大学": InstitutionKind.UNIVERSITY,
    "company": InstitutionKind.COMPANY, "企業": InstitutionKind.COMPANY,
    "other": InstitutionKind.OTHER, "その他": InstitutionKind.OTHER,
}  # fmt: skip
#: Columns whose values no message ever shows (row and column only): a problem report can
#: end up on a shared screen, a terminal log or an e-mail to a colleague.
SENSITIVE_FIELDS = frozenset({"date_of_birth", "passport_number", "passport_expiry"})
#: Message parameters that never carry a cell's value, kept in private columns' messages.
_SAFE_PARAMS = frozenset({"limit", "first", "last", "choices", "hint", "min", "max"})
#: What a private column's message shows where the value would be.
PRIVATE_VALUE = QT_TRANSLATE_NOOP("Validation", "[value not shown]")

_YES = {"yes", "y", "true", "1", "paid", "はい", "有", "有給", "○", "◯"}
_NO = {"no", "n", "false", "0", "unpaid", "いいえ", "無", "無給", "×", ""}


def word(text: str) -> str:
    """*text* folded for word lookups (case, width, spaces and punctuation ignored)."""
    return normalize_header(text)


def country_problem(text: str) -> Message:
    """Why *text* is not a country, with the closest names of its language when any are close."""
    suggestions = suggest_countries(text)
    if suggestions:
        return Message(
            QT_TRANSLATE_NOOP(
                "Validation", "{value} is not a country; did you mean {suggestions}?"
            ),
            {"value": repr(text), "suggestions": ", ".join(suggestions)},
        )
    return Message(
        QT_TRANSLATE_NOOP(
            "Validation", "{value} is not a country (ISO code such as JP, or a country name)"
        ),
        {"value": repr(text)},
    )


def lookup(table: dict[str, E], enum: type[E], text: str) -> E | None:
    """Enum member named by *text*: its value (``data_exchange``) or a listed word."""
    key = word(text)
    for member in enum:
        if word(member.value) == key:
            return member
    return table.get(key)


def parse_purpose(text: str) -> Purpose | None:
    """Purpose for ``research``/``研究``, ``seminar``/``セミナー``, ... or an enum value."""
    return lookup(_PURPOSE_WORDS, Purpose, text)


def parse_category(text: str) -> PersonCategory | None:
    """Category for ``researcher``/``研究者``, ``staff``/``職員``, ``student``/``学生``."""
    return lookup(_CATEGORY_WORDS, PersonCategory, text)


def parse_paid(text: str) -> bool | None:
    """True/False for yes/no words (empty means unpaid); None when unclear."""
    key = word(text) if text.strip() not in ("○", "◯", "×") else text.strip()
    if key in _YES:
        return True
    if key in _NO:
        return False
    return None


class RowStatus(StrEnum):
    """What importing a row would do (values marked for translation in "Validation")."""

    NEW = QT_TRANSLATE_NOOP("Validation", "new")
    PRESENT = QT_TRANSLATE_NOOP("Validation", "already present")
    PROBLEM = QT_TRANSLATE_NOOP("Validation", "problem")


@dataclass
class RowPreview:
    """One data row as the preview shows it."""

    number: int
    summary: str
    status: RowStatus
    problems: list[RowProblem] = field(default_factory=list)


@dataclass
class ImportPlan:
    """The outcome of checking a file: problems, or exactly what importing it would write."""

    kind: str
    source: str
    header: list[str]
    mapping: dict[str, int | None]
    problems: list[RowProblem] = field(default_factory=list)
    rows: list[RowPreview] = field(default_factory=list)
    new_institutions: list[Institution] = field(default_factory=list)
    people: list[PendingPerson] = field(default_factory=list)
    visits: list[PendingVisit] = field(default_factory=list)
    present: int = 0
    #: Columns whose values were results of formulas stored in the file (XLSX).
    computed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing stops the import."""
        return not self.problems

    @property
    def added(self) -> int:
        """How many records of the plan's kind importing would add."""
        return len(self.people) if self.kind == "people" else len(self.visits)


@dataclass(frozen=True)
class ImportReport:
    """What an import did (or, on a dry run, would do)."""

    kind: str
    added: int
    present: int
    institutions_created: list[str]
    dry_run: bool
    #: Columns whose values were results of formulas stored in the file (XLSX).
    computed: tuple[str, ...] = ()

    def __str__(self) -> str:
        verb = "would be added" if self.dry_run else "added"
        text = f"{self.added} {self.kind} {verb}, {self.present} already present"
        if self.institutions_created:
            made = "would be created" if self.dry_run else "created"
            text += f"; institutions {made}: {', '.join(self.institutions_created)}"
        if self.computed:
            text += f"; computed by formulas (stored values used): {', '.join(self.computed)}"
        return text + (" (dry run: nothing written)" if self.dry_run else "")


class RowReader:
    """Cells of one row by field key, with problems named after the file's header."""

    def __init__(
        self, row: TableRow, header: Sequence[str], mapping: dict[str, int | None],
        fields: Sequence[FieldSpec],
    ) -> None:  # fmt: skip
        self.row = row
        self.header = header
        self.mapping = mapping
        self.labels = {f.key: f.label for f in fields}
        self.problems: list[RowProblem] = []

    def column(self, key: str) -> str:
        """The header text of the column mapped to *key* (its label when unmapped)."""
        index = self.mapping.get(key)
        if index is not None and index < len(self.header) and self.header[index]:
            return self.header[index]
        return self.labels.get(key, key)

    def cell(self, key: str) -> Cell:
        """The raw cell of *key*."""
        return self.row.get(self.mapping.get(key))

    def text(self, key: str) -> str:
        """The cell of *key* as text; a formula cell is a problem and reads as empty."""
        value = self.cell(key)
        if isinstance(value, Formula):
            self.bad(key, FORMULA_WITHOUT_VALUE)
            return ""
        return cell_text(value)

    def bad(self, key: str, message: str, value: str | None = None) -> None:
        """Record a problem in *key*'s column (a sensitive column's value is never quoted)."""
        if key in SENSITIVE_FIELDS:
            self.problems.append(RowProblem(self.row.number, self.column(key), private(message)))
            return
        shown = cell_text(self.cell(key)) if value is None else value
        self.problems.append(RowProblem(self.row.number, self.column(key), message, shown))


#: A formula cell whose result the file does not hold.
FORMULA_WITHOUT_VALUE = QT_TRANSLATE_NOOP(
    "Validation",
    "a formula with no computed value stored in the file (formulas are not evaluated here): "
    "open and save the file in Excel or LibreOffice, or enter the value itself",
)


def private(message: str) -> str:
    """*message* without anything taken from the cell, for a sensitive column.

    Parameters that may come from the value (``{value}``, ``{year}``, ``{serial}``, any
    parameter not known to be safe) are replaced by "[value not shown]"; the template — the
    reason — stays, so the coordinator still learns what is wrong, and where.
    """
    if not isinstance(message, Message) or not message.params:
        return message
    params = {
        name: (value if name in _SAFE_PARAMS else PRIVATE_VALUE)
        for name, value in message.params.items()
    }
    return Message(message.template, params)


class Institutions:
    """Existing institutions by full or short name, and the ones this import would create."""

    def __init__(self, existing: Sequence[Institution], create: bool) -> None:
        self.by_name: dict[str, int] = {}
        self.countries: dict[int, str] = {}
        for inst in existing:
            assert inst.id is not None
            self.countries[inst.id] = inst.country
            for name in (inst.name, inst.short_name, inst.name_ja):
                if name.strip():
                    self.by_name.setdefault(name.strip().casefold(), inst.id)
        self.create = create
        self.new: list[Institution] = []
        self.new_by_name: dict[str, int] = {}

    def country(self, existing: int | None, new: int | None) -> str | None:
        """The country of a resolved institution (see :meth:`resolve`), None if neither."""
        if existing is not None:
            return self.countries.get(existing)
        return self.new[new].country if new is not None else None

    def resolve(self, reader: RowReader, key: str, hint: str) -> tuple[int | None, int | None]:
        """``(existing id, None)``, ``(None, index of a new one)`` or ``(None, None)`` + problem.

        *hint* names the option that allows creation (CLI flag or wizard checkbox).
        """
        name = reader.text(key)
        if not name:
            reader.bad(key, QT_TRANSLATE_NOOP("Validation", "is required"))
            return None, None
        folded = name.casefold()
        if folded in self.by_name:
            return self.by_name[folded], None
        if folded in self.new_by_name:
            return None, self.new_by_name[folded]
        if not self.create:
            reader.bad(
                key,
                Message(
                    QT_TRANSLATE_NOOP(
                        "Validation", "unknown institution {name}: add it first or {hint}"
                    ),
                    {"name": repr(name), "hint": hint},
                ),
            )
            return None, None
        country_text = reader.text("institution_country")
        country = parse_country(country_text)
        zone = reader.text("institution_timezone")
        if country_text and country is None:
            reader.bad("institution_country", country_problem(country_text))
            return None, None
        if country is None or not is_valid_zone(zone):
            reader.bad(
                key,
                Message(
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "unknown institution {name}: add it first or give its country and "
                        "time zone",
                    ),
                    {"name": repr(name)},
                ),
            )
            return None, None
        kind_text = reader.text("institution_kind")
        kind = lookup(_KIND_WORDS, InstitutionKind, kind_text) if kind_text else None
        if kind_text and kind is None:
            reader.bad(
                "institution_kind", QT_TRANSLATE_NOOP("Validation", "is not an institution kind")
            )
            return None, None
        self.new.append(
            Institution(name=name, kind=kind or InstitutionKind.OTHER, country=country,
                        timezone=zone)
        )  # fmt: skip
        self.new_by_name[folded] = len(self.new) - 1
        return None, len(self.new) - 1

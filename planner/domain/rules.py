"""Paperwork rules: which documents a visit needs, read from a TOML file and checked strictly.

The file (``resources/rules/paperwork.toml``) has three parts:

* ``[settings]``: ``passport_margin_months`` (passport validity needed beyond departure) and
  ``due_soon_days`` (what counts as "due soon").
* ``[documents.<code>]``: one table per document type, with ``title``, ``title_ja``,
  ``responsible`` (coordinator, visitor, host), ``lead_days`` (days before arrival it is due),
  ``blocking`` (must be approved or waived before admission), ``visitor_brings`` (the visitor
  carries it when travelling) and ``explanation``.
* ``[[rules]]``: each with an ``id``, a ``description``, the ``documents`` it yields (codes) and
  optional conditions that must *all* hold: ``host_country``, ``host_kind``, ``home_country``,
  ``nationality_in``, ``nationality_not_in``, ``category``, ``purpose`` (lists),
  ``min_days`` / ``max_days`` (stay length in calendar days, arrival and departure included),
  ``paid`` (true/false) and ``requires_agreement`` (true: only while the visit has no active
  data-sharing or material-transfer agreement).

Unknown keys and bad values are refused with a message naming the rule or document, because a
silently ignored misspelt condition would make a rule fire for everyone (or no one).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from planner.domain.countries import is_country_code
from planner.domain.enums import InstitutionKind, PersonCategory, Purpose, ResponsibleParty
from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP, Message, joined

NOT_LEGAL_ADVICE = QT_TRANSLATE_NOOP(
    "Validation",
    "These rules and lead times are editable defaults to help planning, not legal advice: "
    "check each requirement with the host institution's visitor office and the official "
    "immigration sources before relying on it.",
)


class RulesError(PlannerError):
    """The rules file cannot be used; the message names the file and the offending entry."""


@dataclass(frozen=True)
class Settings:
    """File-wide settings of the rules."""

    passport_margin_months: int = 6
    due_soon_days: int = 14


@dataclass(frozen=True)
class DocumentSpec:
    """A document type the rules can require."""

    code: str
    title: str
    title_ja: str
    responsible: ResponsibleParty
    lead_days: int
    blocking: bool
    explanation: str = ""
    visitor_brings: bool = False


@dataclass(frozen=True)
class Conditions:
    """When a rule fires; an empty set or ``None`` means "any"."""

    host_country: frozenset[str] = frozenset()
    host_kind: frozenset[InstitutionKind] = frozenset()
    home_country: frozenset[str] = frozenset()
    nationality_in: frozenset[str] = frozenset()
    nationality_not_in: frozenset[str] = frozenset()
    category: frozenset[PersonCategory] = frozenset()
    purpose: frozenset[Purpose] = frozenset()
    min_days: int | None = None
    max_days: int | None = None
    paid: bool | None = None
    requires_agreement: bool = False


@dataclass(frozen=True)
class Rule:
    """A named rule: conditions and the document codes it yields."""

    id: str
    description: str
    conditions: Conditions
    documents: tuple[str, ...]


@dataclass(frozen=True)
class RuleSet:
    """Every document type and rule of one rules file."""

    settings: Settings
    documents: Mapping[str, DocumentSpec]
    rules: tuple[Rule, ...]
    source: str = ""


@dataclass(frozen=True)
class VisitFacts:
    """What the rules look at, resolved from a visit, its visitor and both institutions."""

    host_country: str
    host_kind: InstitutionKind
    home_country: str
    nationality: str
    category: PersonCategory
    purpose: Purpose
    paid: bool
    stay_days: int
    has_active_agreement: bool = False


@dataclass(frozen=True)
class Requirement:
    """A document a visit needs, and the rules that asked for it."""

    document: DocumentSpec
    rule_ids: tuple[str, ...] = field(default=())


def stay_days(nights: int) -> int:
    """Calendar days of a stay, arrival and departure days included (a day visit is 1)."""
    return nights + 1


def matches(conditions: Conditions, facts: VisitFacts) -> bool:
    """True if every condition given holds for *facts*."""
    c = conditions
    checks = (
        not c.host_country or facts.host_country in c.host_country,
        not c.host_kind or facts.host_kind in c.host_kind,
        not c.home_country or facts.home_country in c.home_country,
        not c.nationality_in or facts.nationality in c.nationality_in,
        # An unknown nationality ("") is "not in" every list: the cautious reading.
        not c.nationality_not_in or facts.nationality not in c.nationality_not_in,
        not c.category or facts.category in c.category,
        not c.purpose or facts.purpose in c.purpose,
        c.min_days is None or facts.stay_days >= c.min_days,
        c.max_days is None or facts.stay_days <= c.max_days,
        c.paid is None or facts.paid == c.paid,
        not c.requires_agreement or not facts.has_active_agreement,
    )
    return all(checks)


def evaluate(ruleset: RuleSet, facts: VisitFacts) -> list[Requirement]:
    """The documents a visit needs, each once, in the order the rules first name them."""
    found: dict[str, list[str]] = {}
    for rule in ruleset.rules:
        if matches(rule.conditions, facts):
            for code in rule.documents:
                found.setdefault(code, []).append(rule.id)
    return [Requirement(ruleset.documents[code], tuple(ids)) for code, ids in found.items()]


# --- Parsing and validation -------------------------------------------------------------------

_TOP_KEYS = frozenset({"settings", "documents", "rules"})
_SETTINGS_KEYS = frozenset({"passport_margin_months", "due_soon_days"})
_DOCUMENT_KEYS = frozenset(
    {"title", "title_ja", "responsible", "lead_days", "blocking", "explanation", "visitor_brings"}
)
_CONDITION_KEYS = frozenset(
    {
        "host_country", "host_kind", "home_country", "nationality_in", "nationality_not_in",
        "category", "purpose", "min_days", "max_days", "paid", "requires_agreement",
    }
)  # fmt: skip
_RULE_KEYS = frozenset({"id", "description", "documents"}) | _CONDITION_KEYS

S = TypeVar("S", bound=StrEnum)


class _Reader:
    """Reads one table of the file, naming it in every complaint."""

    def __init__(self, where: str, table: Any, allowed: frozenset[str]) -> None:
        self.where = where
        if not isinstance(table, dict):
            self.fail(QT_TRANSLATE_NOOP("Validation", "{where}: must be a table"))
        unknown = sorted(set(table) - allowed)
        if unknown:
            self.fail(
                QT_TRANSLATE_NOOP("Validation", "{where}: unknown key {keys} (allowed: {allowed})"),
                keys=", ".join(repr(k) for k in unknown),
                allowed=", ".join(sorted(allowed)),
            )
        self.table: dict[str, Any] = table

    def fail(self, template: str, **params: object) -> None:
        """Raise :class:`RulesError` with *template* (a translatable message naming
        ``{where}``) and its *params*."""
        raise RulesError(template, params={"where": self.where, **params})

    def has(self, key: str) -> bool:
        return key in self.table

    def text(self, key: str, *, required: bool = False) -> str:
        value = self.table.get(key, "")
        if not isinstance(value, str):
            self.fail(QT_TRANSLATE_NOOP("Validation", "{where}: {key} must be text"), key=key)
        if required and not value.strip():
            self.fail(QT_TRANSLATE_NOOP("Validation", "{where}: {key} is required"), key=key)
        return str(value).strip()

    def flag(self, key: str, default: bool | None = False) -> bool | None:
        if key not in self.table:
            return default
        value = self.table[key]
        if not isinstance(value, bool):
            self.fail(
                QT_TRANSLATE_NOOP(
                    "Validation", "{where}: {key} must be true or false, not {value}"
                ),
                key=key,
                value=repr(value),
            )
        return bool(value)

    def whole(self, key: str, default: int | None, *, low: int = 0) -> int | None:
        if key not in self.table:
            return default
        value = self.table[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            self.fail(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "{where}: {key} must be a whole number of at least {low}, not {value}",
                ),
                key=key,
                low=low,
                value=repr(value),
            )
        return int(value)

    def strings(self, key: str) -> list[str]:
        value = self.table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(
                QT_TRANSLATE_NOOP("Validation", "{where}: {key} must be a list of text values"),
                key=key,
            )
        return [str(v).strip() for v in value]

    def countries(self, key: str) -> frozenset[str]:
        values = self.strings(key)
        bad = [v for v in values if not is_country_code(v)]
        if bad:
            self.fail(
                QT_TRANSLATE_NOOP(
                    "Validation", "{where}: {key}: {values} is not an ISO 3166 country code"
                ),
                key=key,
                values=", ".join(map(repr, bad)),
            )
        return frozenset(values)

    def choices(self, key: str, enum_cls: type[S]) -> frozenset[S]:
        out: set[S] = set()
        for value in self.strings(key):
            out.add(self.choice_of(key, value, enum_cls))
        return frozenset(out)

    def choice_of(self, key: str, value: str, enum_cls: type[S]) -> S:
        try:
            return enum_cls(value)
        except ValueError:
            allowed = ", ".join(m.value for m in enum_cls)
            self.fail(
                QT_TRANSLATE_NOOP("Validation", "{where}: {key}: {value} is not one of {allowed}"),
                key=key,
                value=repr(value),
                allowed=allowed,
            )
            raise  # unreachable: fail() raises


def parse_rules(text: str, source: str = "paperwork rules") -> RuleSet:
    """Parse and validate the TOML *text*; :class:`RulesError` names what is wrong and where."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(
            QT_TRANSLATE_NOOP("Validation", "{source}: not valid TOML: {reason}"),
            params={"source": source, "reason": str(exc)},
        ) from exc
    top = _Reader(source, data, _TOP_KEYS)
    settings = _settings(_Reader(f"{source}: [settings]", data.get("settings", {}), _SETTINGS_KEYS))
    raw_docs = data.get("documents", {})
    if not isinstance(raw_docs, dict) or not raw_docs:
        top.fail(
            QT_TRANSLATE_NOOP(
                "Validation", "{where}: [documents] must define at least one document type"
            )
        )
    documents = {code: _document(source, code, table) for code, table in raw_docs.items()}
    raw_rules = data.get("rules", [])
    if not isinstance(raw_rules, list) or not raw_rules:
        top.fail(
            QT_TRANSLATE_NOOP("Validation", "{where}: [[rules]] must define at least one rule")
        )
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, table in enumerate(raw_rules, start=1):
        rule = _rule(source, index, table, documents)
        if rule.id in seen:
            raise RulesError(
                QT_TRANSLATE_NOOP("Validation", "{source}: rule {rule}: the id is used twice"),
                params={"source": source, "rule": repr(rule.id)},
            )
        seen.add(rule.id)
        rules.append(rule)
    return RuleSet(settings, documents, tuple(rules), source)


def load_rules(path: Path) -> RuleSet:
    """Read and validate the rules file at *path*."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulesError(
            QT_TRANSLATE_NOOP("Validation", "the paperwork rules file {path} is missing"),
            params={"path": str(path)},
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(
            QT_TRANSLATE_NOOP(
                "Validation", "cannot read the paperwork rules file {path}: {reason}"
            ),
            params={"path": str(path), "reason": str(exc)},
        ) from exc
    return parse_rules(text, str(path))


def _settings(reader: _Reader) -> Settings:
    return Settings(
        passport_margin_months=reader.whole("passport_margin_months", 6) or 0,
        due_soon_days=reader.whole("due_soon_days", 14) or 0,
    )


def _document(source: str, code: str, table: Any) -> DocumentSpec:
    reader = _Reader(f"{source}: document {code!r}", table, _DOCUMENT_KEYS)
    if not code.replace("_", "").isalnum() or not code.islower():
        reader.fail(
            QT_TRANSLATE_NOOP(
                "Validation", "{where}: the code must be lower-case letters, digits and underscores"
            )
        )
    responsible = reader.choice_of(
        "responsible", reader.text("responsible", required=True), ResponsibleParty
    )
    return DocumentSpec(
        code=code,
        title=reader.text("title", required=True),
        title_ja=reader.text("title_ja"),
        responsible=responsible,
        lead_days=reader.whole("lead_days", 0) or 0,
        blocking=bool(reader.flag("blocking")),
        explanation=reader.text("explanation"),
        visitor_brings=bool(reader.flag("visitor_brings")),
    )


def _rule(source: str, index: int, table: Any, documents: Mapping[str, DocumentSpec]) -> Rule:
    name = table.get("id") if isinstance(table, dict) else None
    label = f"rule {name!r}" if isinstance(name, str) and name else f"rule #{index}"
    reader = _Reader(f"{source}: {label}", table, _RULE_KEYS)
    rule_id = reader.text("id", required=True)
    codes = reader.strings("documents")
    if not codes:
        reader.fail(
            QT_TRANSLATE_NOOP(
                "Validation", "{where}: documents must name at least one document type"
            )
        )
    unknown = [c for c in codes if c not in documents]
    if unknown:
        reader.fail(
            QT_TRANSLATE_NOOP("Validation", "{where}: documents: unknown document type {types}"),
            types=", ".join(map(repr, unknown)),
        )
    conditions = Conditions(
        host_country=reader.countries("host_country"),
        host_kind=reader.choices("host_kind", InstitutionKind),
        home_country=reader.countries("home_country"),
        nationality_in=reader.countries("nationality_in"),
        nationality_not_in=reader.countries("nationality_not_in"),
        category=reader.choices("category", PersonCategory),
        purpose=reader.choices("purpose", Purpose),
        min_days=reader.whole("min_days", None, low=1),
        max_days=reader.whole("max_days", None, low=1),
        paid=reader.flag("paid", None),
        requires_agreement=bool(reader.flag("requires_agreement")),
    )
    if (
        conditions.min_days is not None
        and conditions.max_days is not None
        and conditions.min_days > conditions.max_days
    ):
        reader.fail(
            QT_TRANSLATE_NOOP(
                "Validation",
                "{where}: min_days is greater than max_days, so the rule can never fire",
            )
        )
    return Rule(rule_id, reader.text("description"), conditions, tuple(dict.fromkeys(codes)))


def describe_conditions(conditions: Conditions) -> str:
    """The conditions in words, for the rules view (``host country US; stay ≤ 90 days``).

    A :class:`~planner.domain.i18n.Message`: the interface shows it translated (the words,
    and kinds such as ``national_lab`` by their labels; country codes such as ``US`` stay).
    """
    parts: list[str] = []

    def listed(template: str, values: Iterable[str]) -> None:
        items = sorted(values)
        if items:
            # Each value its own part, so the interface can show a kind by its label.
            parts.append(Message(template, {"values": joined(items)}))

    c = conditions
    listed(QT_TRANSLATE_NOOP("Validation", "host country {values}"), c.host_country)
    listed(QT_TRANSLATE_NOOP("Validation", "host kind {values}"), (k.value for k in c.host_kind))
    listed(QT_TRANSLATE_NOOP("Validation", "home country {values}"), c.home_country)
    listed(QT_TRANSLATE_NOOP("Validation", "nationality {values}"), c.nationality_in)
    listed(QT_TRANSLATE_NOOP("Validation", "nationality not {values}"), c.nationality_not_in)
    listed(QT_TRANSLATE_NOOP("Validation", "category {values}"), (k.value for k in c.category))
    listed(QT_TRANSLATE_NOOP("Validation", "purpose {values}"), (k.value for k in c.purpose))
    if c.min_days is not None:
        parts.append(
            Message(QT_TRANSLATE_NOOP("Validation", "stay ≥ {days} days"), {"days": c.min_days})
        )
    if c.max_days is not None:
        parts.append(
            Message(QT_TRANSLATE_NOOP("Validation", "stay ≤ {days} days"), {"days": c.max_days})
        )
    if c.paid is not None:
        parts.append(
            QT_TRANSLATE_NOOP("Validation", "paid")
            if c.paid
            else QT_TRANSLATE_NOOP("Validation", "unpaid")
        )
    if c.requires_agreement:
        parts.append(QT_TRANSLATE_NOOP("Validation", "no active data/material agreement"))
    if not parts:
        return Message(QT_TRANSLATE_NOOP("Validation", "every visit"))
    return joined(parts, "; ")

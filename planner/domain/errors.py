"""Errors the domain and the services raise for the user to read (never bugs).

A message can be a *template* with ``{name}`` placeholders plus *params*: the English text
(``str(error)``, :attr:`FieldProblem.message`) is the template formatted with the params, and
the interface translates the template before formatting it (see :mod:`planner.domain.i18n`).
Templates are marked with ``QT_TRANSLATE_NOOP("Validation", …)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from types import MappingProxyType
from typing import Any

from planner.domain.i18n import Message

_NO_PARAMS: Mapping[str, Any] = MappingProxyType({})


def _format(template: str, params: Mapping[str, Any] | None) -> str:
    return template.format(**params) if params else template


class PlannerError(Exception):
    """Base of every error that carries a message meant for the user.

    ``PlannerError(template, params={...})`` formats the English message from *template*;
    :attr:`template` and :attr:`params` let the interface show it translated.
    """

    template: str = ""
    params: Mapping[str, Any] = _NO_PARAMS

    def __init__(self, *args: object, params: Mapping[str, Any] | None = None) -> None:
        if len(args) == 1 and isinstance(args[0], Message) and params is None:
            self.template, self.params = args[0].template, args[0].params
            super().__init__(str(args[0]))
        elif len(args) == 1 and isinstance(args[0], str):
            self.template = args[0]
            self.params = dict(params or {})
            super().__init__(_format(args[0], params))
        else:
            super().__init__(*args)


@dataclass(frozen=True, init=False)
class FieldProblem:
    """One invalid field: which field, and why, in words a coordinator understands.

    ``FieldProblem(field, template, params={...})``: :attr:`message` is the English text
    (the template formatted with the params, as a :class:`~planner.domain.i18n.Message`, so
    passing it on keeps the template); :attr:`template` and :attr:`params` let the interface
    translate it. ``FieldProblem(field, message)`` with a ready :class:`Message` keeps its
    template. Two problems are equal when field and message are.
    """

    field: str
    message: str
    template: str = dc_field(compare=False, repr=False)
    params: Mapping[str, Any] = dc_field(compare=False, repr=False)

    def __init__(self, field: str, message: str, params: Mapping[str, Any] | None = None) -> None:
        if isinstance(message, Message) and params is None:
            text = message
        else:
            text = Message(message, params)
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "message", text)
        object.__setattr__(self, "template", text.template)
        object.__setattr__(self, "params", text.params)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(PlannerError):
    """Input that breaks a rule; lists every problem, each tied to its field."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))

    @classmethod
    def single(
        cls, field: str, message: str, params: Mapping[str, Any] | None = None
    ) -> ValidationError:
        """Build an error for one field (*message* a template when *params* are given)."""
        return cls([FieldProblem(field, message, params)])


class TransitionError(PlannerError):
    """A status change the life cycle does not allow."""


class NotFoundError(PlannerError):
    """The record asked for does not exist (any more)."""


class ConflictError(PlannerError):
    """The record changed since the caller read it (optimistic locking)."""

    def __init__(
        self,
        message: str,
        current_version: int | None = None,
        *,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        self.current_version = current_version
        super().__init__(message, params=params)


class InUseError(PlannerError):
    """The record cannot be deleted because other records refer to it."""

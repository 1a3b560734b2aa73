"""Errors the domain and the services raise for the user to read (never bugs)."""

from __future__ import annotations

from dataclasses import dataclass


class PlannerError(Exception):
    """Base of every error that carries a message meant for the user."""


@dataclass(frozen=True)
class FieldProblem:
    """One invalid field: which field, and why, in words a coordinator understands."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(PlannerError):
    """Input that breaks a rule; lists every problem, each tied to its field."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        """Build an error for one field."""
        return cls([FieldProblem(field, message)])


class TransitionError(PlannerError):
    """A status change the life cycle does not allow."""


class NotFoundError(PlannerError):
    """The record asked for does not exist (any more)."""


class ConflictError(PlannerError):
    """The record changed since the caller read it (optimistic locking)."""

    def __init__(self, message: str, current_version: int | None = None) -> None:
        self.current_version = current_version
        super().__init__(message)


class InUseError(PlannerError):
    """The record cannot be deleted because other records refer to it."""

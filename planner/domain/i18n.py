"""Marking user-facing messages for translation without Qt (the domain stays pure Python).

``pyside6-lupdate`` extracts every ``QT_TRANSLATE_NOOP("Context", "text")`` call by its name,
so this marker, which returns *text* unchanged, is enough for the message to reach the
translators. The interface translates the English template where it shows it:
``QCoreApplication.translate("Validation", problem.template).format(**problem.params)``.

Everything below the interface uses one context, ``"Validation"``: the templates of
:class:`~planner.domain.errors.FieldProblem` and of other
:class:`~planner.domain.errors.PlannerError` messages, and the words (record and field names)
passed to them as text parameters, which the interface translates in the same context.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate knows)
    """Mark *text* for translation in *context*; returns *text* unchanged."""
    return text


class Message(str):
    """English text that remembers the template and parameters it was made from.

    It *is* the formatted English string (compares, hashes and prints as one), so code that
    only needs English is unaffected; the interface reads :attr:`template` and
    :attr:`params` to show it translated. *template* must be marked with
    ``QT_TRANSLATE_NOOP("Validation", …)``; *params* fill its ``{name}`` placeholders.
    """

    template: str
    params: Mapping[str, Any]

    def __new__(cls, template: str, params: Mapping[str, Any] | None = None) -> Message:
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template = template
        self.params = dict(params or {})
        return self


def joined(parts: Sequence[str], separator: str = ", ") -> Message:
    """*parts* joined by *separator*, as a :class:`Message` whose parts are translated on display.

    The English text is ``separator.join(parts)``; the interface translates each part on its
    own (a :class:`Message`, or a word marked in the "Validation" context), so a list of
    statuses or of conditions reads in the interface language. The join itself is not a
    catalogue entry.
    """
    names = [f"part{n}" for n in range(len(parts))]
    template = separator.join("{" + name + "}" for name in names)
    return Message(template, dict(zip(names, parts, strict=True)))


__all__ = ["QT_TRANSLATE_NOOP", "Message", "joined"]

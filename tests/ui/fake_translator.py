"""A translator over a small table, for tests of how translated messages are put together."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QTranslator


class FakeTranslator(QTranslator):
    """Translates exactly the (context, source) pairs of *table*; anything else stays."""

    def __init__(self, table: Mapping[tuple[str, str], str]) -> None:
        super().__init__()
        self._table = dict(table)

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return self._table.get((context, source))  # type: ignore[return-value]  # None: none

    def isEmpty(self) -> bool:
        return False


@contextmanager
def translated(table: Mapping[tuple[str, str], str]) -> Iterator[None]:
    """Install a :class:`FakeTranslator` over *table* for the duration of the block."""
    translator = FakeTranslator(table)
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)

"""The effective paperwork rules, as read from the TOML file, with the "not legal advice" note."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.rules import NOT_LEGAL_ADVICE, DocumentSpec, Rule, RulesError, RuleSet
from planner.domain.rules import describe_conditions as conditions_text
from planner.services.container import Services
from planner.ui.common import formats, palette
from planner.ui.common.errors import message_text, planner_error_text
from planner.ui.common.labels import responsible_label
from planner.ui.common.roles import SORT_ROLE
from planner.ui.common.table_model import ColumnSpec, RowTableModel
from planner.ui.common.view import ViewDefaults


class RuleColumn(IntEnum):
    """Columns of the rules table."""

    ID = 0
    WHEN = 1
    DOCUMENTS = 2
    DESCRIPTION = 3


class DocumentColumn(IntEnum):
    """Columns of the document types table."""

    CODE = 0
    TITLE = 1
    TITLE_JA = 2
    RESPONSIBLE = 3
    LEAD_DAYS = 4
    BLOCKING = 5
    BRINGS = 6
    EXPLANATION = 7


@dataclass(frozen=True)
class RuleRow:
    """One line of the rules table: the rule and the titles of the documents it asks for."""

    rule: Rule
    documents: str


def _rule_row(rule: Rule, docs: dict[str, DocumentSpec]) -> RuleRow:
    titles = ", ".join(formats.localised(docs[c].title, docs[c].title_ja) for c in rule.documents)
    return RuleRow(rule, titles)


def _rule_column(header: str, text: Callable[[RuleRow], str]) -> ColumnSpec[RuleRow]:
    # Every cell of a rule explains it in its tooltip.
    return ColumnSpec(header, "RulesView", text, tooltip=lambda r: r.rule.description)


def _doc_column(
    header: str,
    text: Callable[[DocumentSpec], str],
    sort_key: Callable[[DocumentSpec], Any] | None = None,
) -> ColumnSpec[DocumentSpec]:
    return ColumnSpec(header, "RulesView", text, sort_key=sort_key, tooltip=lambda d: d.explanation)


def _yes(flag: bool) -> str:
    return QCoreApplication.translate("RulesView", "yes") if flag else ""


RULE_COLUMNS: list[ColumnSpec[RuleRow]] = [
    _rule_column(QT_TRANSLATE_NOOP("RulesView", "Rule"), lambda r: r.rule.id),
    _rule_column(
        QT_TRANSLATE_NOOP("RulesView", "When"),
        lambda r: message_text(conditions_text(r.rule.conditions)),
    ),
    _rule_column(QT_TRANSLATE_NOOP("RulesView", "Documents"), lambda r: r.documents),
    _rule_column(QT_TRANSLATE_NOOP("RulesView", "Description"), lambda r: r.rule.description),
]
DOCUMENT_COLUMNS: list[ColumnSpec[DocumentSpec]] = [
    _doc_column(QT_TRANSLATE_NOOP("RulesView", "Code"), lambda d: d.code),
    _doc_column(QT_TRANSLATE_NOOP("RulesView", "Title"), lambda d: d.title),
    _doc_column(QT_TRANSLATE_NOOP("RulesView", "Japanese title"), lambda d: d.title_ja),
    _doc_column(
        QT_TRANSLATE_NOOP("RulesView", "Responsible"), lambda d: responsible_label(d.responsible)
    ),
    _doc_column(
        QT_TRANSLATE_NOOP("RulesView", "Lead days"),
        lambda d: str(d.lead_days),
        sort_key=lambda d: d.lead_days,
    ),
    _doc_column(QT_TRANSLATE_NOOP("RulesView", "Blocking"), lambda d: _yes(d.blocking)),
    _doc_column(QT_TRANSLATE_NOOP("RulesView", "Visitor brings"), lambda d: _yes(d.visitor_brings)),
    _doc_column(QT_TRANSLATE_NOOP("RulesView", "Explanation"), lambda d: d.explanation),
]


class RulesView(ViewDefaults, QWidget):
    """Rules and document types in force, read from the rules file (read-only)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rulesView")
        self.services = services

        # The domain marks NOT_LEGAL_ADVICE for translation in the "Validation" context.
        self.note_label = QLabel(QCoreApplication.translate("Validation", NOT_LEGAL_ADVICE), self)
        self.note_label.setObjectName("rulesNote")
        self.note_label.setWordWrap(True)
        warning = palette.warning_colour().name()
        self.note_label.setStyleSheet(
            f"QLabel {{ color: {warning}; border: 1px solid {warning};"
            " border-radius: 3px; padding: 6px; }"
        )
        self.source_label = QLabel(self)
        self.source_label.setObjectName("rulesSource")
        self.source_label.setWordWrap(True)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("rulesError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {palette.error_colour().name()}")
        self.reload_button = QPushButton(
            QCoreApplication.translate("RulesView", "&Reload rules file"), self
        )
        self.reload_button.clicked.connect(lambda: self.reload(from_disk=True))

        self.rules_model: RowTableModel[RuleRow] = RowTableModel(RULE_COLUMNS, self)
        self.documents_model: RowTableModel[DocumentSpec] = RowTableModel(DOCUMENT_COLUMNS, self)
        self.rules_table = self._table(self.rules_model, RuleColumn.WHEN, "rulesTable", sort=False)
        self.rules_table.setAccessibleName(QCoreApplication.translate("RulesView", "Rules"))
        # Conditions list whole sets of nationalities: wrap them rather than cut them off.
        self.rules_table.setWordWrap(True)
        self.rules_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        rules_header = self.rules_table.horizontalHeader()
        for column, width in ((RuleColumn.DOCUMENTS, 300), (RuleColumn.DESCRIPTION, 280)):
            rules_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            rules_header.resizeSection(column, width)
        self.documents_table = self._table(
            self.documents_model, DocumentColumn.EXPLANATION, "documentTypesTable"
        )
        self.documents_table.setAccessibleName(
            QCoreApplication.translate("RulesView", "Document types")
        )

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(
            self._titled(QCoreApplication.translate("RulesView", "Rules"), self.rules_table)
        )
        splitter.addWidget(
            self._titled(
                QCoreApplication.translate("RulesView", "Document types"), self.documents_table
            )
        )
        top = QHBoxLayout()
        top.addWidget(self.source_label, 1)
        top.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note_label)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(splitter, 1)
        self.reload()

    def _table(
        self, model: QAbstractItemModel, stretch: int, name: str, *, sort: bool = True
    ) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(proxy)
        table.setSortingEnabled(True)
        # Rules keep the file's order until a header is clicked; document types by code.
        table.sortByColumn(0 if sort else -1, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return table

    def _titled(self, title: str, table: QTableView) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(f"<b>{title}</b>", box)
        layout.addWidget(label)
        layout.addWidget(table)
        return box

    def reload(self, *, from_disk: bool = False) -> RuleSet | None:
        """Show the rules in force; *from_disk* reads the file again first."""
        paperwork = self.services.paperwork
        self.error_label.clear()
        self.error_label.hide()
        try:
            rules = paperwork.reload_rules() if from_disk else paperwork.ruleset
        except RulesError as exc:
            self.error_label.setText(planner_error_text(exc))
            self.error_label.show()
            self.rules_model.set_rows([])
            self.documents_model.set_rows([])
            return None
        docs = dict(rules.documents)
        self.rules_model.set_rows([_rule_row(r, docs) for r in rules.rules])
        self.documents_model.set_rows(list(docs.values()))
        settings = rules.settings
        self.source_label.setText(
            QCoreApplication.translate(
                "RulesView",
                "Rules file: %1 — passports must be valid %2 months beyond departure; "
                "\u201cdue soon\u201d means within %3 days.",
            )
            .replace("%1", str(paperwork.rules_path))
            .replace("%2", str(settings.passport_margin_months))
            .replace("%3", str(settings.due_soon_days))
        )
        return rules

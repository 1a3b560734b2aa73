"""Reaching the visitor from the window: e-mail drafts and the invitation letter (issue 18).

"Send Itinerary to Visitor" and "Request Paperwork from Visitor" write an ``.eml`` draft into
the ``drafts`` folder beside the database (mode 0700) and open it in the desktop's mail
program; the draft is recorded in the visit's history. "Invitation Letter" writes a PDF where
the coordinator chooses. Failures are one message, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget

from planner.domain.errors import PlannerError
from planner.export.i18n import Lang
from planner.services.container import Services
from planner.services.messages import MessageKind
from planner.ui.common.errors import error_message
from planner.ui.common.notify import notify_written, open_local

_LANGS = (
    (Lang.EN, "English"),
    (Lang.JA, "Japanese (日本語)"),
    (Lang.BILINGUAL, "Bilingual (English / 日本語)"),
)


def _title(kind: MessageKind | None) -> str:
    if kind is MessageKind.ITINERARY:
        return QCoreApplication.translate("VisitorMail", "Send itinerary to visitor")
    if kind is MessageKind.PAPERWORK_REQUEST:
        return QCoreApplication.translate("VisitorMail", "Request paperwork from visitor")
    return QCoreApplication.translate("VisitorMail", "Invitation letter")


def _default_lang(services: Services, visit_id: int) -> int:
    """Bilingual for a visitor with a Japanese name on record, else English."""
    visitor = services.people.get(services.visits.get(visit_id).visitor_id)
    return 2 if visitor.native_name else 0


def ask_language(
    parent: QWidget, services: Services, visit_id: int, title: str, bilingual: bool = True
) -> Lang | None:
    """The language the visitor reads, or None when the coordinator cancels."""
    choices = [(lang, text) for lang, text in _LANGS if bilingual or lang is not Lang.BILINGUAL]
    names = [QCoreApplication.translate("ExportDialogs", text) for _lang, text in choices]
    current = min(_default_lang(services, visit_id), len(names) - 1)
    name, ok = QInputDialog.getItem(
        parent,
        title,
        QCoreApplication.translate("VisitorMail", "Language of the visitor:"),
        names,
        current,
        False,
    )
    if not ok:
        return None
    return choices[names.index(name)][0]


def drafts_folder(services: Services) -> Path:
    """``drafts`` beside the database, private to this account (0700)."""
    folder = services.paperwork.data_folder() / "drafts"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)  # mkdir leaves an existing folder as it was
    return folder


def send_to_visitor(
    parent: QWidget, services: Services, visit_id: int | None, kind: MessageKind
) -> Path | None:
    """Write the draft of *kind* for *visit_id*, record it, and open it in the mail program."""
    title = _title(kind)
    if visit_id is None:
        QMessageBox.information(
            parent,
            title,
            QCoreApplication.translate("VisitorMail", "Select a visit in the list first."),
        )
        return None
    lang = ask_language(parent, services, visit_id, title)
    if lang is None:
        return None
    from planner.export.email_draft import write_draft

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        code = services.visits.get(visit_id).code
        stem = "itinerary" if kind is MessageKind.ITINERARY else "paperwork-request"
        revision = services.messages.next_revision(visit_id)
        out = drafts_folder(services) / f"{code}-{stem}-{revision}-{lang.value}.eml"
        written, _sent = write_draft(services, visit_id, kind, lang, out)
    except (PlannerError, OSError) as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, title, error_message(exc))
        return None
    QApplication.restoreOverrideCursor()
    notify_written(parent, written)
    open_local(written)
    return written


def invitation_letter(parent: QWidget, services: Services, visit_id: int | None) -> Path | None:
    """Ask for the language and file, then write the invitation letter as a PDF."""
    title = _title(None)
    if visit_id is None:
        QMessageBox.information(
            parent,
            title,
            QCoreApplication.translate("VisitorMail", "Select a visit in the list first."),
        )
        return None
    lang = ask_language(parent, services, visit_id, title, bilingual=False)
    if lang is None:
        return None
    code = services.visits.get(visit_id).code
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        title,
        str(Path.home() / f"{code}-invitation-{lang.value}.pdf"),
        QCoreApplication.translate("ExportDialogs", "PDF document (*.pdf)"),
    )
    if not chosen:
        return None
    from planner.export.letter import LetterKind, export_letter

    try:
        written = export_letter(services, visit_id, LetterKind.INVITATION, lang, Path(chosen))
    except (PlannerError, OSError) as exc:
        QMessageBox.warning(parent, title, error_message(exc))
        return None
    notify_written(parent, written)
    return written

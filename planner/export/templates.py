"""Wording of e-mail drafts and letters from templates the coordinator can edit (issue 18).

Templates are Jinja2, rendered in a :class:`~jinja2.sandbox.SandboxedEnvironment` (a template
cannot reach Python internals, files or the network) with autoescaping on for HTML templates
(``.html.j2``) so a visitor's name can never inject markup; plain-text templates (``.txt.j2``)
are not escaped, as there is no markup to protect. The defaults live in
``resources/templates/``; a file of the same name in the ``templates`` folder beside the
database replaces its default. A broken template is one clear :class:`TemplateError`
naming the file and line, never a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

import planner
from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP

#: The largest template read (a letter is a few kilobytes).
MAX_TEMPLATE_BYTES = 256 * 1024


class TemplateError(PlannerError):
    """A template that cannot be read or rendered; the message names its file and line."""


def default_folder() -> Path:
    """The bundled templates: in an installed wheel, or in the source checkout."""
    package_dir = Path(planner.__file__).resolve().parent
    for root in (package_dir / "resources", package_dir.parent / "resources"):
        if (root / "templates").is_dir():
            return root / "templates"
    return package_dir.parent / "resources" / "templates"


class _Loader(jinja2.BaseLoader):
    """The coordinator's folder first, then the defaults; size-limited, UTF-8 only."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        if "/" in template or "\\" in template or template.startswith("."):
            raise jinja2.TemplateNotFound(template)
        for folder in self.folders:
            path = folder / template
            if not path.is_file():
                continue
            data = path.read_bytes()[: MAX_TEMPLATE_BYTES + 1]
            if len(data) > MAX_TEMPLATE_BYTES:
                raise TemplateError(
                    QT_TRANSLATE_NOOP("Validation", "template {file} is larger than {limit} KB"),
                    params={"file": str(path), "limit": MAX_TEMPLATE_BYTES // 1024},
                )
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise TemplateError(
                    QT_TRANSLATE_NOOP("Validation", "template {file} is not UTF-8 text"),
                    params={"file": str(path)},
                ) from exc
            return text, str(path), lambda: False  # never cached as up to date: edits count
        raise jinja2.TemplateNotFound(template)


def _environment(folder: Path | None) -> SandboxedEnvironment:
    folders = [folder] if folder is not None else []
    return SandboxedEnvironment(
        loader=_Loader([*folders, default_folder()]),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2", "html")),
        undefined=jinja2.StrictUndefined,  # a misspelt name is an error, not a blank
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_template(name: str, context: Mapping[str, Any], folder: Path | None = None) -> str:
    """*name* rendered with *context*; :class:`TemplateError` (file and line) when broken.

    *folder* holds the coordinator's own templates (a file there replaces the default).
    """
    env = _environment(folder)
    try:
        return env.get_template(name).render(**context)
    except TemplateError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            QT_TRANSLATE_NOOP("Validation", "template {file}, line {line}: {reason}"),
            params={"file": exc.filename or name, "line": exc.lineno, "reason": exc.message or ""},
        ) from None
    except jinja2.TemplateNotFound:
        raise TemplateError(
            QT_TRANSLATE_NOOP("Validation", "there is no template {file}"), params={"file": name}
        ) from None
    except (jinja2.TemplateError, ArithmeticError, TypeError, ValueError, LookupError) as exc:
        line = _line_of(exc, name)
        raise TemplateError(
            QT_TRANSLATE_NOOP("Validation", "template {file}, line {line}: {reason}"),
            params={"file": name, "line": line, "reason": str(exc)},
        ) from None
    except RecursionError:
        raise TemplateError(
            QT_TRANSLATE_NOOP("Validation", "template {file} calls itself without end"),
            params={"file": name},
        ) from None


def _line_of(exc: BaseException, name: str) -> str:
    """The template line a rendering error happened on, from the traceback Jinja2 rewrites."""
    tb = exc.__traceback__
    line = "?"
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename.endswith(name) or code.co_name in ("top-level template code",):
            line = str(tb.tb_lineno)
        tb = tb.tb_next
    return line

"""Count PDF page-break faults over every visit of a database, in English, Japanese and both.

Usage: ``PYTHONPATH=$PWD .venv/bin/python tests/benchmarks/measure_pdf_breaks.py DB.sqlite3``
(needs ``pdftotext``). Prints how many entries were split from their confirmation code, how
many day headings ended a page alone, and how many lines were drawn on two pages.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from planner.db.location import sqlite_target
from planner.export.i18n import Lang, pick
from planner.export.itinerary import ExportFormat, export_itinerary
from planner.services.container import Services

_HEADING = re.compile(r"((Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+ \w+ \d{4}.*|\d{4}年\d+月\d+日\(.\).*)")


def _pages(path: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [page for page in out.split("\f") if page.strip()]


def _body(page: str) -> list[str]:
    return [
        line.strip()
        for line in page.splitlines()
        if line.strip() and "Generated" not in line and "作成日" not in line
    ]


def main(db: Path) -> None:
    """Export every visit's PDF in each language and count the faults."""
    services = Services.open(sqlite_target(db))
    split = alone = twice = pdfs = 0
    folder = Path(tempfile.mkdtemp())
    for summary in services.visits.summaries():
        items = services.itinerary.for_visit(summary.id)
        for lang in Lang:
            path = folder / f"{summary.code}-{lang.value}.pdf"
            pages = _pages(export_itinerary(services, summary.id, ExportFormat.PDF, path, lang))
            pdfs += 1
            for item in items:
                title = pick(lang, item.title, item.title_ja)[:20]
                code = f": {item.confirmation_code}"
                if item.confirmation_code and not any(title in p and code in p for p in pages):
                    split += 1
            for page, following in itertools.pairwise(pages):
                lines, next_lines = _body(page), _body(following)
                alone += bool(lines and _HEADING.fullmatch(lines[-1]))
                twice += bool(next_lines and next_lines[0] in lines[-3:])
    services.close()
    print(
        f"{pdfs} PDFs: {split} entries split from their confirmation, {alone} day headings "
        f"alone at a page foot, {twice} lines drawn on two pages"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))

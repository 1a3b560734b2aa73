"""Regenerate the spreadsheets in this folder (not run by the tests or CI; see README.md).

    PYTHONPATH=$PWD python tests/importing/data/make_files.py    # needs soffice on PATH

Each workbook is built with openpyxl — which writes formulas but never computes them — and
then opened and saved by LibreOffice headless (``soffice --convert-to xlsx``), which stores
every formula's computed value next to it, as Excel does. ``uncomputed.xlsx`` is kept as
openpyxl wrote it: formulas without stored values. The CSV files are the same small people
list in each encoding a coordinator's system may write.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent


def _book(rows: list[list[object]], text_cells: set[tuple[int, int]] = frozenset()) -> Workbook:
    """A workbook whose first sheet holds *rows*; (row, column) pairs in *text_cells*
    (1-based) are typed as text even when they start with ``=`` — what Excel stores for
    ``'=SUM(1,2)`` typed with the leading apostrophe."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for r, c in text_cells:
        cell = sheet.cell(row=r, column=c)
        cell.data_type = "s"
        cell.quotePrefix = True
    return book


def _through_libreoffice(book: Workbook, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in" / name
        source.parent.mkdir()
        book.save(source)
        out = Path(tmp) / "out"
        subprocess.run(
            ["soffice", "--headless", "--calc", "--convert-to", "xlsx", "--outdir", str(out),
             str(source)],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        shutil.copyfile(out / name, HERE / name)


PEOPLE_HEADER = ["Last Name (Romaji)", "First Name", "Last Name (Kanji)", "Category",
                 "Affiliation", "Email", "Country of citizenship", "Date of Birth (YYYY/MM/DD)",
                 "Passport expiration date"]  # fmt: skip


def people() -> None:
    rows: list[list[object]] = [
        PEOPLE_HEADER,
        # A name typed with Excel's apostrophe: text that merely starts with "=".
        ["=SUM(1,2)", "Literal", "", "staff", "Argonne", "literal@example.org", "US",
         date(1980, 1, 1), date(2031, 1, 1)],
        # E-mail and passport expiry computed by formulas; LibreOffice stores their values.
        ["Kato", "Ren", "加藤", "student", "Argonne", '=LOWER(B3)&"."&LOWER(A3)&"@example.jp"',
         "JP", date(1999, 9, 9), "=DATE(2032,3,31)"],
    ]  # fmt: skip
    book = _book(rows, text_cells={(2, 1)})
    sheet = book.active
    assert sheet is not None
    for r in (2, 3):
        for c in (8, 9):
            sheet.cell(row=r, column=c).number_format = "yyyy/mm/dd"
    _through_libreoffice(book, "people_formulas.xlsx")


def visits() -> None:
    rows: list[list[object]] = [
        ["Email", "Host", "Arrival Date (YYYY/MM/DD)", "Departure", "Purpose of visit", "Paid"],
        ["h.tanaka@example.jp", "Argonne", date(2027, 4, 1), "=C2+14", "研究", "no"],
        ["h.tanaka@example.jp", "Argonne", date(2027, 6, 1), "=C3+7", "seminar", "=1=1"],
    ]  # fmt: skip
    book = _book(rows)
    sheet = book.active
    assert sheet is not None
    for r in (2, 3):
        for c in (3, 4):
            sheet.cell(row=r, column=c).number_format = "yyyy-mm-dd"
    _through_libreoffice(book, "visits_formulas.xlsx")
    # The same sheet as openpyxl writes it: no formula has a stored value.
    book.save(HERE / "uncomputed.xlsx")


def itinerary() -> None:
    rows: list[list[object]] = [
        ["Kind / 種類", "Title / 件名", "Start / 開始", "End / 終了", "Start time zone"],
        ["meeting", "Kick-off", datetime(2027, 4, 5, 10, 0), "=C2+1/24", "Asia/Tokyo"],
    ]
    book = _book(rows)
    sheet = book.active
    assert sheet is not None
    for c in (3, 4):
        sheet.cell(row=2, column=c).number_format = "yyyy-mm-dd hh:mm"
    _through_libreoffice(book, "itinerary_formulas.xlsx")


CSV_ROWS = [
    "Family name,Given name,姓（漢字）,Category,Affiliation,E-mail,国籍",
    "Tanaka,Hanako,田中,researcher,Argonne,hanako@example.jp,JP",
    "Takahashi,Ichiro,高橋,staff,Argonne,ichiro@example.jp,日本",
]


def csvs() -> None:
    text = "\r\n".join(CSV_ROWS) + "\r\n"
    (HERE / "people_utf8.csv").write_bytes(text.encode("utf-8"))
    (HERE / "people_utf8_bom.csv").write_bytes(text.encode("utf-8-sig"))
    (HERE / "people_cp932.csv").write_bytes(text.encode("cp932"))
    # Excel's "Unicode Text": UTF-16 little-endian with its mark, tab-separated.
    tabbed = text.replace(",", "\t")
    (HERE / "people_utf16le.txt").write_bytes(b"\xff\xfe" + tabbed.encode("utf-16-le"))
    (HERE / "people_utf16be.csv").write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    # Refused: UTF-16 without its mark, Latin-1 (Windows-1252) and UTF-32.
    (HERE / "people_utf16_nobom.csv").write_bytes(text.encode("utf-16-le"))
    latin = "Family name,Given name,Category,Affiliation\r\nMüller,Jürgen,staff,Argonne\r\n"
    (HERE / "people_latin1.csv").write_bytes(latin.encode("latin-1"))
    (HERE / "people_utf32.csv").write_bytes(text.encode("utf-32"))


if __name__ == "__main__":
    people()
    visits()
    itinerary()
    csvs()

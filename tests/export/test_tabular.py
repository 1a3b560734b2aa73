"""CSV/XLSX tables: formula neutralisation read back, BOM, atomic 0600, sensitive columns."""

from __future__ import annotations

import csv
import io
import stat
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planner.export.atomic import ExportError
from planner.export.tabular import (
    DANGEROUS_PREFIXES,
    SENSITIVE_VISIT_COLUMNS,
    VISIT_COLUMNS,
    Table,
    neutralise,
    visits_table,
    write_csv,
    write_table,
    write_xlsx,
)
from planner.services.container import Services
from tests.fixtures.sample import make_sample

HOSTILE = [
    '=HYPERLINK("http://evil.example","x")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


def test_every_dangerous_prefix_is_covered() -> None:
    assert {h[0] for h in HOSTILE} == set(DANGEROUS_PREFIXES)
    for text in HOSTILE:
        assert neutralise(text) == "'" + text
    assert neutralise("田中 博") == "田中 博"
    assert neutralise("a=b") == "a=b"


def _csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads kanji
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_neutralises_formulas(tmp_path: Path) -> None:
    out = write_csv(tmp_path / "t.csv", ["text"], [[h] for h in HOSTILE] + [["田中"]])
    rows = _csv_rows(out)
    assert rows[0] == ["text"]
    assert [r[0] for r in rows[1:-1]] == ["'" + h for h in HOSTILE]
    assert rows[-1] == ["田中"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_xlsx_never_writes_a_formula(tmp_path: Path) -> None:
    table = Table("Sheet", ["text", "n", "day"], [[h, 1, date(2027, 3, 8)] for h in HOSTILE])
    out = write_xlsx(tmp_path / "t.xlsx", [table])
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    sheet = load_workbook(out).active
    assert sheet is not None
    cells = [sheet.cell(row=r, column=1) for r in range(2, len(HOSTILE) + 2)]
    assert all(c.data_type != "f" for c in cells)
    # XML turns a stored carriage return into a line feed on reading; the quote stays first.
    assert [c.value.replace("\n", "\r") for c in cells] == ["'" + h for h in HOSTILE]
    assert sheet.cell(row=2, column=2).value == 1
    assert sheet.cell(row=2, column=3).value.date() == date(2027, 3, 8)
    # Even the header and a sheet of raw text from any source stay strings.
    raw = write_xlsx(tmp_path / "h.xlsx", [Table("S", ["=evil()"], [["=1+1"]])])
    ws = load_workbook(raw).active
    assert ws is not None
    assert ws["A1"].data_type == "s" and ws["A2"].value == "'=1+1"


def test_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    with pytest.raises(ExportError):
        write_table(tmp_path / "missing" / "t.csv", "csv", Table("t", ["a"], []))
    with pytest.raises(ExportError):
        write_table(tmp_path / "t.ods", "ods", Table("t", ["a"], []))


def test_visits_table_sensitive_columns_only_on_request(services: Services) -> None:
    make_sample(services)
    plain = visits_table(services.reports.visit_rows())
    assert list(plain.header) == VISIT_COLUMNS
    assert not any("TK0000001" in str(c) for row in plain.rows for c in row)
    full = visits_table(services.reports.visit_rows(include_sensitive=True), include_sensitive=True)
    assert list(full.header) == VISIT_COLUMNS + SENSITIVE_VISIT_COLUMNS
    assert any(row[-2] == "TK0000001" for row in full.rows)

"""Shared CSV/XLSX reading: encodings, delimiters, formulas, hostile XML."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl.xml
import pytest
from defusedxml.common import EntitiesForbidden
from openpyxl import Workbook

from planner.importing.table import Formula, ImportRowsError, read_table


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "shift_jis", "cp932"])
@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_csv_encoding_and_delimiter(tmp_path: Path, encoding: str, sep: str) -> None:
    path = tmp_path / "t.csv"
    text = sep.join(["姓", "名", "メモ"]) + "\n" + sep.join(["髙橋", "①太郎", '"a, b; c"']) + "\n"
    if encoding in ("shift_jis",):
        text = text.replace("髙", "高").replace("①", "")
    path.write_bytes(text.encode(encoding))
    table = read_table(path)
    assert table.header == ["姓", "名", "メモ"]
    assert table.rows[0].values[2] == "a, b; c"
    assert table.rows[0].number == 2


def test_blank_lines_keep_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("a,b\n1,2\n,\n3,4\n", encoding="utf-8")
    assert [r.number for r in read_table(path).rows] == [2, 4]


def test_xlsx_formula_cell_is_never_evaluated(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["a", "b"])
    sheet.append([1, "=1+1"])
    path = tmp_path / "f.xlsx"
    book.save(path)
    value = read_table(path).rows[0].values[1]
    assert isinstance(value, Formula) and value == "=1+1"


def test_openpyxl_uses_defusedxml() -> None:
    assert openpyxl.xml.DEFUSEDXML is True


def test_xlsx_with_entity_expansion_is_refused(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["a"])
    sheet.append(["x"])
    good = tmp_path / "good.xlsx"
    book.save(good)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                if text.startswith("<?xml"):
                    decl_end = text.index("?>") + 2
                else:
                    text, decl_end = '<?xml version="1.0"?>' + text, 21
                entities = (
                    '<!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">'
                    + "".join(
                        f'<!ENTITY {n} "{("&" + p + ";") * 10}">'
                        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
                    )
                    + "]>"
                )
                text = text[:decl_end] + entities + text[decl_end:]
                text = text.replace("<v>", "<v>&i;", 1) if "<v>" in text else text
                data = text.encode()
            dst.writestr(item, data)
    with pytest.raises(ImportRowsError, match="not a readable XLSX") as info:
        read_table(bomb)
    cause: BaseException | None = info.value
    while cause is not None and not isinstance(cause, EntitiesForbidden):
        cause = cause.__cause__ or cause.__context__
    assert isinstance(cause, EntitiesForbidden)  # refused by defusedxml, not by chance


def test_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(ImportRowsError, match=r"use a \.csv or \.xlsx"):
        read_table(path)

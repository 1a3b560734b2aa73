"""Human visit codes such as ``V-2027-0007``."""

from __future__ import annotations

import re

_CODE = re.compile(r"^V-(\d{4})-(\d{4,})$")


def format_visit_code(year: int, number: int) -> str:
    """Code of the *number*-th visit arriving in *year* (at least four digits)."""
    return f"V-{year:04d}-{number:04d}"


def parse_visit_code(code: str) -> tuple[int, int] | None:
    """``(year, number)`` of a visit code, or None if *code* is not one."""
    match = _CODE.match(code.strip())
    if not match:
        return None
    return int(match.group(1)), int(match.group(2))


def code_sort_key(code: str) -> str:
    """Text that sorts ``V-2027-9999`` before ``V-2027-10000`` (the codes themselves do not)."""
    parsed = parse_visit_code(code)
    return f"{parsed[0]:04d}-{parsed[1]:012d}" if parsed else code

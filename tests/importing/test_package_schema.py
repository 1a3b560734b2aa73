"""The published JSON Schema (resources/schemas) describes exactly what the planner writes.

The planner reads packages with its own typed reader (planner.importing.package), which is
stricter than any schema can say (signatures, canonical form, cross references); this test
keeps the published schema honest with a small validator for the keywords it uses.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from planner.domain.enums import (
    InstitutionKind,
    ItineraryKind,
    PaperworkStatus,
    PersonCategory,
    Purpose,
    VisitStatus,
)
from planner.domain.resources import resource_path
from planner.export.package import export_visit_package
from planner.services.container import Services
from planner.services.exchange import SCHEMA_VERSION
from tests.export.conftest import make_trip

SCHEMA = json.loads(
    resource_path("schemas", f"exchange-package-{SCHEMA_VERSION}.schema.json").read_text(
        encoding="utf-8"
    )
)
_TYPES: dict[str, Any] = {
    "object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
}  # fmt: skip


def _is_type(value: Any, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, _TYPES[name])


def problems(value: Any, schema: dict[str, Any], where: str = "$") -> list[str]:
    """Why *value* does not match *schema* (the keywords the published schema uses)."""
    if "$ref" in schema:
        return problems(value, SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[-1]], where)
    if "oneOf" in schema:
        matching = [s for s in schema["oneOf"] if not problems(value, s, where)]
        return [] if len(matching) == 1 else [f"{where}: matches {len(matching)} of oneOf"]
    out: list[str] = []
    types = schema.get("type")
    if types is not None:
        names = [types] if isinstance(types, str) else types
        if not any(_is_type(value, n) for n in names):
            return [f"{where}: not {types}"]
    if "const" in schema and value != schema["const"]:
        out.append(f"{where}: not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{where}: {value!r} not in enum")
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        out.append(f"{where}: {value!r} does not match {schema['pattern']}")
    number = isinstance(value, int) and not isinstance(value, bool)
    if number and not schema.get("minimum", value) <= value <= schema.get("maximum", value):
        out.append(f"{where}: {value} out of range")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        out += [f"{where}.{k}: missing" for k in schema.get("required", []) if k not in value]
        for key, item in value.items():
            if "propertyNames" in schema:
                out += problems(key, schema["propertyNames"], f"{where}[{key!r}]")
            if key in props:
                out += problems(item, props[key], f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                out.append(f"{where}.{key}: not allowed")
            elif isinstance(schema.get("additionalProperties"), dict):
                out += problems(item, schema["additionalProperties"], f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for n, item in enumerate(value):
            out += problems(item, schema["items"], f"{where}[{n}]")
    return out


@pytest.fixture
def exported(services: Services, tmp_path: Path) -> dict[str, Path]:
    """A plain signed package, and one with sensitive fields encrypted to a key."""
    trip = make_trip(services)
    visit_id = trip.visit.id or 0
    return {
        "signed": export_visit_package(services, visit_id, tmp_path / "signed.json"),
        "encrypted": export_visit_package(
            services, visit_id, tmp_path / "sealed.json", include_sensitive=True,
            recipient=services.keys.own(),
        ),
    }  # fmt: skip


def test_what_the_planner_writes_matches_the_published_schema(
    exported: dict[str, Path],
) -> None:
    for path in exported.values():
        assert problems(json.loads(path.read_text(encoding="utf-8")), SCHEMA) == []


def test_the_schema_refuses_what_the_reader_refuses(exported: dict[str, Path]) -> None:
    data = json.loads(exported["signed"].read_text(encoding="utf-8"))
    data["visit"]["code"] = "../../../x"
    data["people"]["visitor"]["family_name"] = "Tanaka\x1b[2J"
    data["surprise"] = True
    assert problems(data, SCHEMA) == ["$: matches 0 of oneOf"]
    found = "\n".join(problems(data, SCHEMA["$defs"]["signedPackage"]))
    assert "visit.code" in found and "family_name" in found and "surprise" in found


def test_the_schema_names_the_domain_values_and_version() -> None:
    package = SCHEMA["$defs"]["signedPackage"]["properties"]
    assert package["schema_version"]["maximum"] == SCHEMA_VERSION
    assert package["visit"]["properties"]["status"]["enum"] == [s.value for s in VisitStatus]
    assert package["visit"]["properties"]["purpose"]["enum"] == [p.value for p in Purpose]
    institution = package["institutions"]["additionalProperties"]["properties"]
    assert institution["kind"]["enum"] == [k.value for k in InstitutionKind]
    person = package["people"]["properties"]["visitor"]["properties"]
    assert person["category"]["enum"] == [c.value for c in PersonCategory]
    item = package["itinerary"]["items"]["properties"]
    assert item["kind"]["enum"] == [k.value for k in ItineraryKind]
    paper = package["paperwork"]["items"]["properties"]
    assert paper["status"]["enum"] == [s.value for s in PaperworkStatus]

"""Partner packages as an attacker writes them: each attack of issue #15 is refused or defused.

The crafted packages are unsigned JSON objects imported with ``accept_unsigned`` (the weakest
setting a coordinator can choose): even then a package never decides for this institution.
Signatures, key changes and encryption are tested at the end, on real signed files.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from planner.domain.enums import PaperworkStatus, VisitStatus
from planner.export.package import export_visit_package, package_to_json
from planner.importing.package import (
    import_visit_package,
    open_package,
    parse_package,
    plan_package_file,
)
from planner.services.container import Services
from planner.services.exchange import PackageError
from planner.services.exchange_import import ImportOptions
from tests.export.conftest import make_trip
from tests.fixtures.database import open_migrated

UNSIGNED_OK = ImportOptions(accept_unsigned=True)


@pytest.fixture
def local(services: Services) -> tuple[Services, int, dict[str, Any]]:
    """This institution's database: the trip visit, and the package it would send."""
    trip = make_trip(services)
    assert trip.visit.id is not None
    return services, trip.visit.id, package_to_json(services.exchange.build(trip.visit.id))


@pytest.fixture
def partner(tmp_path: Path) -> Iterator[Services]:
    """The partner's own database, with its own keys folder."""
    (tmp_path / "partner").mkdir()
    svc = open_migrated(tmp_path / "partner" / "partner.sqlite3")
    yield svc
    svc.close()


def _write(tmp_path: Path, data: dict[str, Any], name: str = "crafted.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_crafted_package_cannot_rewrite_a_local_visit(
    local: tuple[Services, int, dict[str, Any]], tmp_path: Path
) -> None:
    services, visit_id, data = local
    before = services.visits.get(visit_id)
    items = {i.uid: i for i in services.itinerary.for_visit(visit_id)}
    assert len(items) >= 5
    crafted = copy.deepcopy(data)
    crafted["people"]["visitor"].update(
        family_name="Mallory", given_name="Eve", email="eve@example.net"
    )
    crafted["visit"]["visitor_notes"] = "Meet me at the back door."
    crafted["itinerary"] = []  # every local item "deleted"
    path = _write(tmp_path, crafted)
    with pytest.raises(PackageError, match="not signed"):  # unsigned: refused by default
        import_visit_package(services, path)
    result = import_visit_package(services, path, UNSIGNED_OK)
    after = services.visits.get(visit_id)
    assert after.visitor_id == before.visitor_id  # the visitor is never swapped
    assert any("another visitor" in c for c in result.plan.conflicts)
    assert {i.uid for i in services.itinerary.for_visit(visit_id)} == set(items)
    assert result.items_removed == 0
    # The notes change is shown as local / incoming, and audited with the sender.
    change = next(c for c in result.plan.changes if c.field == "visitor_notes")
    assert (change.local, change.incoming) == (before.visitor_notes, "Meet me at the back door.")


def test_a_package_never_sets_local_paperwork(
    local: tuple[Services, int, dict[str, Any]], partner: Services, tmp_path: Path
) -> None:
    _services, _visit_id, data = local
    for paper in data["paperwork"]:
        paper.update(status="approved", approved_date="2027-02-03", reference_number="EC-1")
    data["visit"]["status"] = "confirmed"
    result = import_visit_package(partner, _write(tmp_path, data), UNSIGNED_OK)
    assert result.visit.id is not None
    items = [p for p in partner.paperwork.for_visit(result.visit.id) if p.applies]
    assert items and all(p.status is PaperworkStatus.NOT_STARTED for p in items)
    assert all(p.approved_date is None and p.reference_number == "" for p in items)
    noted = [p for p in items if "Partner reports" in p.notes]
    assert noted and all("approved 2027-02-03, ref EC-1" in p.notes for p in noted)
    # ... so the admission guard holds: confirmed there is at most approved here.
    assert result.visit.status is VisitStatus.APPROVED
    assert result.plan.status_applied is VisitStatus.APPROVED


@pytest.mark.parametrize("final", [VisitStatus.COMPLETED, VisitStatus.CANCELLED])
def test_a_package_never_reopens_a_finished_visit(
    local: tuple[Services, int, dict[str, Any]], tmp_path: Path, final: VisitStatus
) -> None:
    services, visit_id, data = local
    services.visits.set_status(visit_id, VisitStatus.CANCELLED)
    if final is VisitStatus.COMPLETED:  # straight to completed, as a migrated record may be
        services.visits.set_status(visit_id, VisitStatus.DRAFT)
        with services.db.write() as session:
            from planner.db.models import VisitRow

            session.get_one(VisitRow, visit_id).status = VisitStatus.COMPLETED
    data["visit"]["status"] = "draft" if final is VisitStatus.COMPLETED else "confirmed"
    result = import_visit_package(services, _write(tmp_path, data), UNSIGNED_OK)
    assert services.visits.get(visit_id).status is final
    assert any("never reopens" in n for n in result.plan.not_taken)


def test_an_email_alone_does_not_identify_a_person(
    local: tuple[Services, int, dict[str, Any]], partner: Services, tmp_path: Path
) -> None:
    services, _visit_id, data = local
    tanaka = next(p for p in services.people.list() if p.family_name == "Tanaka")
    impostor = data["people"]["visitor"]
    impostor.update(family_name="Impostor", given_name="Ivan", passport_number="ATTACKER999")
    # The package says it carries no sensitive fields, yet holds a passport number: refused.
    with pytest.raises(PackageError, match="includes no sensitive fields"):
        parse_package(json.dumps(data))
    data["includes_sensitive"] = True
    data["visit"]["exchange_id"] = "0f8fad5b-d9cb-469f-a165-70867728950e"
    data["itinerary"] = []
    path = _write(tmp_path, data)
    _opened, plan = plan_package_file(services, path, UNSIGNED_OK)
    assert [m.by for m in plan.matches if m.role == "visitor"] == ["e-mail only"]
    assert any("--accept-matches" in r for r in plan.refusals)
    with pytest.raises(PackageError, match="e-mail only"):
        import_visit_package(services, path, UNSIGNED_OK)
    confirmed = ImportOptions(accept_unsigned=True, accept_matches=True)
    import_visit_package(services, path, confirmed)  # sensitive fields not asked for
    assert services.people.get(tanaka.id or 0).passport_number != "ATTACKER999"


def test_a_local_passport_is_never_replaced_and_both_values_are_shown(
    local: tuple[Services, int, dict[str, Any]], tmp_path: Path
) -> None:
    services, _visit_id, data = local
    tanaka = next(p for p in services.people.list() if p.family_name == "Tanaka")
    data["includes_sensitive"] = True
    data["people"]["visitor"]["passport_number"] = "XX0000000"
    options = ImportOptions(accept_unsigned=True, include_sensitive=True)
    result = import_visit_package(services, _write(tmp_path, data), options)
    assert any("without encryption" in c for c in result.plan.conflicts)
    conflict = next(c for c in result.plan.sensitive_conflicts if "passport_number" in c)
    assert tanaka.passport_number in conflict and "XX0000000" in conflict
    assert services.people.get(tanaka.id or 0).passport_number == tanaka.passport_number


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        (("visit", "code"), "../../../x", "is not of the form V-2027-0007"),
        (("visit", "code"), "/etc", "is not of the form V-2027-0007"),
        (("visit", "code"), "V-2027-0001\r\nX-INJECT: 1", "one line of text"),
        (("people", "visitor", "family_name"), "Tanaka\x1b]0;pwned\x07", r"U\+001B"),
        (("people", "visitor", "given_name"), "Hiro\nshi", "one line of text"),
        (("itinerary", 0, "uid"), "../../x", "is not of the form"),
        (("paperwork", 0, "document_type"), "../visa", "is not of the form"),
    ],
)
def test_nothing_in_a_package_becomes_a_path_or_a_command(
    local: tuple[Services, int, dict[str, Any]], partner: Services, tmp_path: Path,
    where: tuple[Any, ...], value: str, message: str,
) -> None:  # fmt: skip
    _services, _visit_id, data = local
    target: Any = data
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    with pytest.raises(PackageError, match=message):
        import_visit_package(partner, _write(tmp_path, data), UNSIGNED_OK)
    assert partner.visits.count() == 0


# Signed and encrypted files --------------------------------------------------------------
def test_signed_round_trip_between_two_databases_with_two_keys(
    local: tuple[Services, int, dict[str, Any]], partner: Services, tmp_path: Path
) -> None:
    services, visit_id, _data = local
    assert services.keys.own().fingerprint != partner.keys.own().fingerprint
    out = export_visit_package(services, visit_id, tmp_path / "signed.json")
    opened = open_package(out.read_bytes(), partner.keys)
    assert opened.sender.fingerprint == services.keys.own().fingerprint
    result = import_visit_package(partner, out, ImportOptions(trust_new_key=True))
    assert result.created and result.plan.sender.trust == "new key"
    entry = [e for e in partner.visits.history(result.visit.id or 0) if e.action.value == "import"]
    assert any(services.keys.own().fingerprint in e.reason for e in entry)
    # Trust survives: the next package from the same key is trusted without asking.
    again = import_visit_package(partner, out)
    assert again.plan.sender.trust == "trusted"


def test_a_flipped_byte_anywhere_is_refused(
    local: tuple[Services, int, dict[str, Any]], partner: Services, tmp_path: Path
) -> None:
    services, visit_id, _data = local
    raw = export_visit_package(services, visit_id, tmp_path / "signed.json").read_bytes()
    assert open_package(raw, partner.keys).sender.trust == "new key"
    for position in range(len(raw)):
        flipped = bytearray(raw)
        flipped[position] ^= 0x01
        try:
            opened = open_package(bytes(flipped), partner.keys)
        except PackageError:
            continue  # not even readable: refused
        assert opened.sender.trust == "unsigned", position


def test_a_key_change_is_refused(
    local: tuple[Services, int, dict[str, Any]], partner: Services, tmp_path: Path
) -> None:
    services, visit_id, _data = local
    out = export_visit_package(services, visit_id, tmp_path / "first.json")
    import_visit_package(partner, out, ImportOptions(trust_new_key=True))
    # An impostor with another key claims to be the same institution.
    (tmp_path / "impostor").mkdir()
    impostor = open_migrated(tmp_path / "impostor" / "i.sqlite3")
    try:
        trip = make_trip(impostor)
        forged = export_visit_package(impostor, trip.visit.id or 0, tmp_path / "forged.json")
    finally:
        impostor.close()
    with pytest.raises(PackageError, match="signed by another key"):
        import_visit_package(partner, forged, ImportOptions(trust_new_key=True))


def test_an_encrypted_package_is_unreadable_without_the_key(
    local: tuple[Services, int, dict[str, Any]], partner: Services, tmp_path: Path
) -> None:
    services, visit_id, _data = local
    passport = next(p for p in services.people.list() if p.passport_number).passport_number
    out = export_visit_package(
        services, visit_id, tmp_path / "sealed.json", include_sensitive=True,
        recipient=partner.keys.own(),
    )  # fmt: skip
    raw = out.read_bytes()
    assert passport.encode() not in raw and b"Tanaka" not in raw
    with pytest.raises(PackageError, match="encrypted for another key"):
        open_package(raw, services.keys)  # not its recipient
    damaged = raw.replace(b'"ciphertext": "', b'"ciphertext": "A', 1)
    with pytest.raises(PackageError):
        open_package(damaged, partner.keys)
    options = ImportOptions(trust_new_key=True, include_sensitive=True)
    result = import_visit_package(partner, out, options)
    assert result.plan.sender.encrypted
    assert partner.people.get(result.visit.visitor_id).passport_number == passport


@pytest.mark.parametrize("code", ["../../../x", "/tmp/elsewhere", "V-2027-0001\n"])
def test_a_visit_code_never_becomes_an_attachment_path(
    local: tuple[Services, int, dict[str, Any]], tmp_path: Path, code: str
) -> None:
    # A code that reached the database some other way (an old import, a hand-edited file).
    services, visit_id, _data = local
    from planner.db.models import VisitRow

    with services.db.write() as session:
        session.get_one(VisitRow, visit_id).code = code
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF-1.7 scan")
    item = services.paperwork.for_visit(visit_id)[0]
    stored = services.paperwork.attachment_file(
        services.paperwork.add_attachment(item.id or 0, source)
    )
    root = (services.paperwork.data_folder() / "attachments").resolve()
    assert stored.resolve().parent == root / f"visit-{visit_id}"


def test_a_visit_received_from_one_partner_cannot_be_changed_by_another(
    local: tuple[Services, int, dict[str, Any]], partner: Services, tmp_path: Path
) -> None:
    services, visit_id, _data = local
    out = export_visit_package(services, visit_id, tmp_path / "signed.json")
    import_visit_package(partner, out, ImportOptions(trust_new_key=True))
    crafted = json.loads(out.read_text(encoding="utf-8"))
    del crafted["signature"], crafted["sender"]
    crafted["visit"]["visitor_notes"] = "changed by someone else"
    with pytest.raises(PackageError, match="received from another sender"):
        import_visit_package(partner, _write(tmp_path, crafted), UNSIGNED_OK)


def test_applying_refuses_a_plan_the_database_no_longer_matches(
    local: tuple[Services, int, dict[str, Any]], partner: Services, tmp_path: Path
) -> None:
    services, visit_id, _data = local
    out = export_visit_package(services, visit_id, tmp_path / "signed.json")
    opened, plan = plan_package_file(partner, out, ImportOptions(trust_new_key=True))
    assert plan.creates_visit and partner.visits.count() == 0  # planning wrote nothing
    make_trip(partner)  # meanwhile someone adds the same people and code here
    before = partner.visits.count()
    with pytest.raises(PackageError, match="changed since the package was reviewed"):
        partner.exchange.apply(opened.package, plan)
    assert partner.visits.count() == before and partner.keys.trusted() == []
    # Applied as reviewed: the audit names the sender, its key, and every change.
    opened, plan = plan_package_file(partner, out, ImportOptions(trust_new_key=True))
    result = partner.exchange.apply(opened.package, plan)
    entry = next(
        e for e in partner.visits.history(result.visit.id or 0)
        if e.reason.startswith("exchange package from")
    )  # fmt: skip
    assert opened.sender.institution in entry.reason and opened.sender.fingerprint in entry.reason
    assert entry.changes["fingerprint"] == opened.sender.fingerprint
    assert len(entry.changes["new"]) == len(plan.new_records)

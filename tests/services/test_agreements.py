"""The agreements register and its effect on data-exchange visits' paperwork."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from planner.domain.entities import Visit
from planner.domain.enums import AgreementKind, Purpose, TransferKind, TransferStatus
from planner.domain.errors import InUseError, ValidationError
from planner.domain.paperwork import Agreement, MaterialTransfer
from planner.services.container import Services
from tests.fixtures.sample import Sample


def _data_visit(services: Services, sample: Sample) -> Visit:
    assert sample.tanaka.id is not None and sample.argonne.id is not None
    return services.visits.create(
        Visit(sample.tanaka.id, sample.argonne.id, date(2031, 6, 1), date(2031, 6, 10),
              purpose=Purpose.DATA_EXCHANGE)
    )  # fmt: skip


def _needs_agreement(services: Services, visit: Visit) -> bool:
    assert visit.id is not None
    return any(
        i.code == "data_agreement" and i.applies for i in services.paperwork.for_visit(visit.id)
    )


def test_a_data_exchange_visit_needs_an_agreement_until_one_covers_it(
    services: Services, sample: Sample
) -> None:
    visit = _data_visit(services, sample)
    assert _needs_agreement(services, visit)
    draft = services.agreements.create(
        Agreement(AgreementKind.DATA_SHARING, "Evaluation data",
                  partner_institution_id=sample.riken.id, start_date=date(2030, 1, 1),
                  end_date=date(2032, 12, 31))
    )  # fmt: skip
    assert _needs_agreement(services, visit), "an unsigned agreement is not active"
    signed = services.agreements.update(dataclasses.replace(draft, signed_date=date(2030, 1, 1)))
    assert not _needs_agreement(services, visit)
    # Ending before the visit does not cover it: the item applies again.
    services.agreements.update(dataclasses.replace(signed, end_date=date(2031, 6, 5)))
    assert _needs_agreement(services, visit)


def test_other_kinds_and_other_partners_do_not_count(services: Services, sample: Sample) -> None:
    visit = _data_visit(services, sample)
    other = services.institutions.create(
        dataclasses.replace(sample.riken, id=None, name="Elsewhere", short_name="E")
    )
    services.agreements.create(
        Agreement(AgreementKind.NDA, "NDA", partner_institution_id=sample.riken.id,
                  signed_date=date(2020, 1, 1))
    )  # fmt: skip
    services.agreements.create(
        Agreement(AgreementKind.DATA_SHARING, "Elsewhere", partner_institution_id=other.id,
                  signed_date=date(2020, 1, 1))
    )  # fmt: skip
    assert _needs_agreement(services, visit)


def test_agreements_and_transfers_are_audited_crud(services: Services, sample: Sample) -> None:
    with pytest.raises(ValidationError, match="Title is required"):
        services.agreements.create(Agreement(AgreementKind.MEMORANDUM, " "))
    with pytest.raises(ValidationError, match="before it starts"):
        services.agreements.create(
            Agreement(AgreementKind.MEMORANDUM, "M", start_date=date(2030, 1, 2),
                      end_date=date(2030, 1, 1))
        )  # fmt: skip
    agreement = services.agreements.create(
        Agreement(AgreementKind.MATERIAL_TRANSFER, "Samples",
                  partner_institution_id=sample.riken.id, signed_date=date(2026, 1, 1),
                  reference="MTA-1")
    )  # fmt: skip
    assert agreement.id is not None and sample.riken.id and sample.argonne.id
    transfer = services.transfers.create(
        MaterialTransfer(agreement.id, TransferKind.DATA_SET, "Corpus", sample.riken.id,
                         sample.argonne.id, visit_id=sample.visit_in.id,
                         export_control_classification="EAR99")
    )  # fmt: skip
    with pytest.raises(ValidationError, match="two institutions"):
        services.transfers.create(
            dataclasses.replace(transfer, id=None, to_institution_id=sample.riken.id)
        )
    (listed,) = services.transfers.summaries(sample.visit_in.id)
    names = (listed.agreement, listed.from_institution, listed.to_institution, listed.visit_code)
    assert names == ("Samples", "RIKEN Wako", "Argonne", sample.visit_in.code)
    assert listed.status is TransferStatus.PLANNED
    (summary,) = services.agreements.summaries()
    assert (summary.partner, summary.reference) == ("RIKEN Wako", "MTA-1")
    with pytest.raises(InUseError):
        services.agreements.delete(agreement.id)
    assert transfer.id is not None
    services.transfers.delete(transfer.id)
    services.agreements.delete(agreement.id)
    assert services.agreements.list() == []

"""SearchService: every kind found by its fields, wildcards taken literally, folding, limits."""

from __future__ import annotations

import pytest

from planner.domain.entities import Institution, Person
from planner.domain.enums import InstitutionKind, PersonCategory
from planner.services.container import Services
from planner.services.search import (
    MAX_QUERY_CHARS,
    HitKind,
    SearchResults,
    escape_like,
    fold,
    search_terms,
)
from tests.fixtures.sample import Sample


def kinds(results: SearchResults) -> dict[HitKind, list[str]]:
    """Titles found, by kind."""
    return {kind: [hit.title for hit in hits] for kind, hits in results.hits.items()}


def test_a_visit_is_found_by_code_visitor_in_both_scripts_and_host(
    services: Services, sample: Sample
) -> None:
    code = sample.visit_in.code
    for query in (code, code.lower(), "tanaka", "HIROSHI", "田中", "田中博", "田中 博", "argonne"):
        found = services.search.search(query).hits.get(HitKind.VISIT, [])
        assert sample.visit_in.id in [hit.visit_id for hit in found], query


def test_people_by_name_both_scripts_and_email(services: Services, sample: Sample) -> None:
    for query in ("miller", "dmiller@example", "博", "Hiroshi Tanaka"):
        people = services.search.search(query).hits[HitKind.PERSON]
        assert len(people) == 1, query
    assert services.search.search("Hiroshi Tanaka").hits[HitKind.PERSON][0].title == (
        "Hiroshi Tanaka (田中 博)"
    )


def test_institutions_by_either_name(services: Services, sample: Sample) -> None:
    assert kinds(services.search.search("理化学"))[HitKind.INSTITUTION] == ["RIKEN Wako Campus"]
    assert kinds(services.search.search("riken wako"))[HitKind.INSTITUTION] == ["RIKEN Wako Campus"]


def test_paperwork_by_document_title_opens_its_visit(services: Services, sample: Sample) -> None:
    assert sample.visit_in.id is not None
    items = services.paperwork.for_visit(sample.visit_in.id)
    assert items, "the sample visit has a checklist"
    word = items[0].title.split()[0]
    found = services.search.search(word).hits[HitKind.PAPERWORK]
    assert {hit.visit_id for hit in found} >= {sample.visit_in.id}


def test_width_folding_finds_ascii_from_full_width_typing(
    services: Services, sample: Sample
) -> None:
    """An IME leaves full-width letters: ｔａｎａｋａ finds Tanaka."""
    assert HitKind.PERSON in services.search.search("ｔａｎａｋａ").hits
    assert fold("ＴＡＮＡＫＡ　ﾀﾅｶ") == "tanaka タナカ"


def test_full_width_text_stored_is_found_by_ascii(services: Services, sample: Sample) -> None:
    services.institutions.create(
        Institution(
            name="ＫＥＫ Tsukuba",
            kind=InstitutionKind.NATIONAL_LAB,
            country="JP",
            timezone="Asia/Tokyo",
        )
    )
    assert kinds(services.search.search("kek"))[HitKind.INSTITUTION] == ["ＫＥＫ Tsukuba"]


@pytest.mark.parametrize(
    "query", ["%", "_", "%%", "\\", "'", "' OR 1=1 --", "a%", "_a", "%_\\", '"', ";"]
)
def test_wildcards_and_quotes_are_taken_literally(
    services: Services, sample: Sample, query: str
) -> None:
    """No record holds these characters, so nothing is found (a wildcard would find all)."""
    assert services.search.search(query).count == 0


def test_a_literal_percent_and_underscore_are_found(services: Services, sample: Sample) -> None:
    for name in ("100% Labs", "Under_score Institute", "Back\\slash Works"):
        services.institutions.create(
            Institution(name=name, kind=InstitutionKind.COMPANY, country="US", timezone="UTC")
        )
    assert kinds(services.search.search("100%"))[HitKind.INSTITUTION] == ["100% Labs"]
    assert kinds(services.search.search("r_s"))[HitKind.INSTITUTION] == ["Under_score Institute"]
    assert kinds(services.search.search("k\\s"))[HitKind.INSTITUTION] == ["Back\\slash Works"]
    assert escape_like("a%b_c\\") == "a\\%b\\_c\\\\"


def test_very_long_and_empty_queries(services: Services, sample: Sample) -> None:
    assert services.search.search("").count == 0
    assert services.search.search("   \t ").count == 0
    assert services.search.search("x" * 100_000).count == 0
    assert len("".join(search_terms("y" * 100_000))) == MAX_QUERY_CHARS
    assert len(search_terms(" ".join("abcdefghijkl"))) == 8


def test_results_are_limited_per_kind(services: Services, sample: Sample) -> None:
    assert sample.riken.id is not None
    for number in range(12):
        services.people.create(
            Person(
                family_name=f"Suzuki{number}",
                given_name="Ken",
                category=PersonCategory.STUDENT,
                home_institution_id=sample.riken.id,
            )
        )
    results = services.search.search("suzuki", limit=5)
    assert len(results.hits[HitKind.PERSON]) == 5
    assert HitKind.PERSON in results.more
    assert HitKind.PERSON not in services.search.search("suzuki", limit=20).more


def test_the_japanese_interface_reads_kanji_and_japanese_titles_first(
    services: Services, sample: Sample
) -> None:
    japanese = services.search.search("tanaka", japanese=True)
    assert japanese.hits[HitKind.PERSON][0].title == "田中 博 (Hiroshi Tanaka)"
    visit = japanese.hits[HitKind.VISIT][0]
    assert "田中 博" in visit.title.split(" — ")[1].split(" (")[0]
    riken = services.search.search("riken", japanese=True).hits[HitKind.INSTITUTION][0]
    assert (riken.title, riken.detail) == ("理化学研究所 和光地区", "RIKEN Wako Campus")
    english = services.search.search("riken").hits[HitKind.INSTITUTION][0]
    assert english.title == "RIKEN Wako Campus"


def test_paperwork_is_found_and_titled_in_japanese(services: Services, sample: Sample) -> None:
    hits = services.search.search("ESTA", japanese=True).hits[HitKind.PAPERWORK]
    english = services.search.search("ESTA").hits[HitKind.PAPERWORK]
    assert [h.record_id for h in hits] == [h.record_id for h in english]
    assert any(h.title != e.title for h, e in zip(hits, english, strict=True))
    assert all("田中 博" in h.detail for h in hits)
